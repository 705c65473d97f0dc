"""Keystroke in #target-url to repainted verdicts: the workbench against a minimal Textual app that
echoes an Input into a Static, under Pilot at 120x40, interleaved round by round in one run.

Per keystroke the key event enters the app as a terminal driver would hand it over, and three
things are read at the first frame whose output (rendered to terminal bytes, as a real terminal
needs, and applied to a mirror of the screen: see ``_frames.py``) shows the new state:

- **CPU time** (the budget): ``time.process_time()`` from just before the key is handed over to
  just after that frame's bytes are rendered. CPU time, not wall time: Textual and Pilot sleep
  between messages and frames (timers, ``asyncio.sleep``), and a wall clock measures those sleeps
  (and the other processes on a shared machine) rather than the work a key costs. process_time
  rather than thread_time: it counts every thread of the process, so work moved to a worker thread
  cannot leave the measurement; headless Textual starts no other thread, so nothing else is in it.
  The benchmark's own waiting is an ``asyncio.Event`` set by the frame hook (no polling loop), so
  what is measured is the app's work.
- **messages**: Textual messages and events dispatched (``run_test(message_hook=...)``), in every
  widget, until that frame.
- **wall time**, for comparison with earlier figures.

Then the app is left ``--settle`` seconds to finish what it deferred past that frame (the
workbench repaints the trace in the next frame), and the CPU time and messages up to then are
reported as "whole key". The cursor does not blink in either app (a blink is a timer's repaint,
not a keystroke's work). What start-up built (modules, the Public Suffix List) is frozen first, as
``origin-playground`` freezes it (origin_playground/startup.py), so the cyclic collector's passes
over those objects do not land at random in either app's keys; each app's own start-up (its
widgets) is frozen once it is on screen, as ``origin-playground`` does after its first frame.

Targets (issue 14): CPU time per key to the repainted verdicts at most 2x the minimal app's.

    python benchmarks/tui_keystroke.py [--keys N] [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _frames import FrameWatch, ScreenMirror
from textual import events
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Input, Static

from tui.app import OriginPlaygroundApp, prepare_to_run

# As `origin-playground` starts (origin_playground/startup.py): what start-up built (the modules,
# the PSL tries) is frozen, out of every later collection, before either app runs.
prepare_to_run()
gc.freeze()

SIZE = (120, 40)
LIMIT = 2.0


class EchoApp(App[None]):
    """The baseline: an Input echoed into a Static on every keystroke."""

    def compose(self) -> ComposeResult:
        yield Input(id="target-url")
        yield Static(id="echo", markup=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(event.value)


@dataclass
class Samples:
    """One app's keystrokes: CPU ms and messages to the frame, and for the whole key; wall ms."""

    cpu: list[float] = field(default_factory=list)
    messages: list[int] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    cpu_whole: list[float] = field(default_factory=list)
    messages_whole: list[int] = field(default_factory=list)

    def extend(self, other: Samples) -> None:
        for name in ("cpu", "messages", "wall", "cpu_whole", "messages_whole"):
            getattr(self, name).extend(getattr(other, name))


async def measure(
    app: App[None], keys: int, shown: Callable[[App[None], ScreenMirror, int], bool], settle: float
) -> Samples:
    samples = Samples()
    dispatched = 0

    def count(message: Message) -> None:
        nonlocal dispatched
        dispatched += 1

    async with app.run_test(size=SIZE, message_hook=count) as pilot:
        watch = FrameWatch(app, SIZE, count=lambda: dispatched)
        await pilot.pause()
        box = app.query_one("#target-url", Input)
        box.cursor_blink = False
        box.focus()
        box.value = "https://www.a.co"
        box.cursor_position = len(box.value)
        await pilot.pause()
        await pilot.pause(0.05)
        # Start-up is over: freeze what it built, as the app does after its first frame
        # (tui/app.py calls startup.settle): the widgets and their caches stay out of the full
        # collections that otherwise land, tens of milliseconds each, in every few keys.
        gc.freeze()
        driver = app._driver
        assert driver is not None
        for index in range(keys):
            key, char = ("m", "m") if index % 2 == 0 else ("backspace", None)  # www.a.com <-> www.a.co
            watch.expect(lambda mirror, i=index: shown(app, mirror, i))
            event = events.Key(key, char)
            event.set_sender(app)
            messages_before = dispatched
            wall_before = time.perf_counter()
            cpu_before = time.process_time()
            driver.send_message(event)
            try:
                await asyncio.wait_for(watch.painted.wait(), timeout=2)
            except TimeoutError:
                raise RuntimeError("no repaint within 2 s") from None
            assert watch.shown_at is not None and watch.shown_cpu is not None
            samples.cpu.append((watch.shown_cpu - cpu_before) * 1000)
            samples.wall.append((watch.shown_at - wall_before) * 1000)
            samples.messages.append(watch.shown_count - messages_before)
            await asyncio.sleep(settle)  # the deferred repaints (the trace) run now
            samples.cpu_whole.append((time.process_time() - cpu_before) * 1000)
            samples.messages_whole.append(dispatched - messages_before)
            await pilot.pause()
    return samples


def _echo_shown(app: App[None], mirror: ScreenMirror, index: int) -> bool:
    return mirror.text(app.query_one("#echo").region).rstrip().endswith("m" if index % 2 == 0 else "co")


def _workbench_shown(app: App[None], mirror: ScreenMirror, index: int) -> bool:
    # Every shown card's first line (its outcome), as painted, is the new report's: www.a.com is
    # same-origin with the page (DOM allowed), www.a.co is not (DOM blocked, fetch partial).
    report = app.session.report  # type: ignore[attr-defined]
    if report.verdict("dom").outcome != ("allowed" if index % 2 == 0 else "blocked"):
        return False  # not evaluated yet
    for card in app.query(".verdict-card"):
        if card.display:
            first_line = mirror.text(card.content_region).split("\n")[0]
            if report.verdict(card.resource).outcome not in first_line:  # type: ignore[attr-defined]
                return False
    return True


def spread(values: list[float]) -> str:
    """Median, and the p10-p90 range."""
    deciles = statistics.quantiles(values, n=10)
    return f"{statistics.median(values):6.2f} (p10 {deciles[0]:6.2f}, p90 {deciles[-1]:6.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keys", type=int, default=20, help="keystrokes per app per round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds, the two apps alternating")
    parser.add_argument("--settle", type=float, default=0.06, help="seconds left after each frame")
    args = parser.parse_args()
    echo, work = Samples(), Samples()
    for _ in range(args.rounds):  # interleaved, so machine noise hits both apps alike
        echo.extend(asyncio.run(measure(EchoApp(), args.keys, _echo_shown, args.settle)))
        # Every keystroke flips the verdict (www.a.co <-> www.a.com): the worst case, all cards repaint.
        work.extend(
            asyncio.run(
                measure(OriginPlaygroundApp(system_copy=None), args.keys, _workbench_shown, args.settle)
            )
        )
    for name, s in (("minimal echo app", echo), ("workbench", work)):
        print(f"{name:<17}: CPU ms to frame {spread(s.cpu)}  messages {statistics.median(s.messages):5.0f}")
        print(
            f"{'':<17}  CPU ms whole key {spread(s.cpu_whole)}  messages {statistics.median(s.messages_whole):5.0f}"
            f"  wall ms to frame {statistics.median(s.wall):6.2f}"
        )
    ratio = statistics.median(work.cpu) / statistics.median(echo.cpu)
    whole = statistics.median(work.cpu_whole) / statistics.median(echo.cpu_whole)
    wall = statistics.median(work.wall) / statistics.median(echo.wall)
    print(
        f"ratio workbench/minimal: CPU to frame {ratio:.2f}x (limit {LIMIT:g}x), whole key {whole:.2f}x, wall {wall:.2f}x"
    )
    ok = ratio <= LIMIT
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
