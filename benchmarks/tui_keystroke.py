"""Keystroke in #target-url to repainted verdicts, median under Pilot at 120x40.

Compared in the same run, interleaved round by round, with a minimal Textual app that echoes an
Input into a Static. The clock starts when the key event is handed to the app as a terminal driver
would, and stops at the first frame whose output (rendered to terminal bytes, as a real terminal
needs, and applied to a mirror of the screen) shows the new verdict: see ``_frames.py``.
Targets (issue 5): median <= 16 ms and at most 2x the minimal app.

    python benchmarks/tui_keystroke.py [--keys N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _frames import FrameWatch, ScreenMirror
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from tui.app import OriginPlaygroundApp

SIZE = (120, 40)


class EchoApp(App[None]):
    """The baseline: an Input echoed into a Static on every keystroke."""

    def compose(self) -> ComposeResult:
        yield Input(id="target-url")
        yield Static(id="echo", markup=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(event.value)


async def measure(
    app: App[None], keys: int, shown: Callable[[App[None], ScreenMirror, int], bool]
) -> list[float]:
    """Per keystroke: the key event enters the app as a terminal would send it, and the clock stops
    at the first frame whose output, applied to a mirror of the terminal, shows the new state."""
    samples: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        watch = FrameWatch(app, SIZE)
        await pilot.pause()
        box = app.query_one("#target-url", Input)
        box.focus()
        box.value = "https://www.a.co"
        box.cursor_position = len(box.value)
        await pilot.pause()
        await pilot.pause(0.05)
        driver = app._driver
        assert driver is not None
        for index in range(keys):
            key, char = ("m", "m") if index % 2 == 0 else ("backspace", None)  # www.a.com <-> www.a.co
            watch.expect(lambda mirror, i=index: shown(app, mirror, i))
            start = time.perf_counter()
            event = events.Key(key, char)
            event.set_sender(app)
            driver.send_message(event)
            while watch.shown_at is None:
                await asyncio.sleep(0)
                if time.perf_counter() - start > 2:
                    raise RuntimeError("no repaint within 2 s")
            samples.append((watch.shown_at - start) * 1000)
            await pilot.pause()
    return samples


def _echo_shown(app: App[None], mirror: ScreenMirror, index: int) -> bool:
    return mirror.text(app.query_one("#echo").region).rstrip().endswith("m" if index % 2 == 0 else "co")


def _workbench_shown(app: App[None], mirror: ScreenMirror, index: int) -> bool:
    # The DOM card's first line (its outcome), as painted: www.a.com is same-origin with the page,
    # www.a.co is not.
    outcome_line = app.query_one("#card-dom").content_region
    return ("allowed" if index % 2 == 0 else "blocked") in mirror.text(outcome_line).split("\n")[0]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keys", type=int, default=20, help="keystrokes per app per round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds, the two apps alternating")
    args = parser.parse_args()
    echo: list[float] = []
    work: list[float] = []
    for _ in range(args.rounds):  # interleaved, so machine noise hits both apps alike
        echo += asyncio.run(measure(EchoApp(), args.keys, _echo_shown))
        # Every keystroke flips the verdict (www.a.co <-> www.a.com): the worst case, all cards repaint.
        work += asyncio.run(measure(OriginPlaygroundApp(system_copy=None), args.keys, _workbench_shown))
    echo_median, work_median = statistics.median(echo), statistics.median(work)
    ratio = work_median / echo_median
    print(
        f"minimal echo app : median {echo_median:6.2f} ms  (p90 {statistics.quantiles(echo, n=10)[-1]:6.2f} ms)"
    )
    print(
        f"workbench        : median {work_median:6.2f} ms  (p90 {statistics.quantiles(work, n=10)[-1]:6.2f} ms)"
    )
    print(f"ratio workbench/minimal: {ratio:.2f}x (target <= 2.0x); median target <= 16 ms")
    ok = ratio <= 2.0 and work_median <= 16.0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
