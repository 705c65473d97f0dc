"""Random keys and pastes across the workbench and every screen and dialog reachable by keys:
the app never crashes (issue 13). Bounded: a fixed number of actions per starting screen.

The seed is printed (and named in every failure); replay one with ``TUI_FUZZ_SEED=<n>``, run more
with ``TUI_FUZZ_ACTIONS=<per start>``."""

from __future__ import annotations

import asyncio
import os
import random
from pathlib import Path

import pytest
from textual import events

from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp

SIZE = (100, 30)
ACTIONS_PER_START = int(os.environ.get("TUI_FUZZ_ACTIONS", "20"))

# Keys that open, close and drive screens, dialogs and palettes (and the keys inside them).
COMMAND_KEYS = [
    "ctrl+p", "ctrl+q", "ctrl+l", "ctrl+o", "ctrl+s", "ctrl+r", "ctrl+t", "ctrl+y", "ctrl+g", "ctrl+c", "ctrl+f",
    "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "question_mark", "escape", "escape",
    "tab", "shift+tab", "enter", "enter", "up", "down", "left", "right", "pagedown", "pageup",
    "home", "end", "space", "delete", "backspace", "n", "e", "w", "r", "b", "c", "y", "q", "full_stop",
]
TYPED = "abcxyz019:/?#[]@!$&'()*+,;=%.-_~ "
PASTES = [
    "\x1b]0;PWNED\x07",
    "\x1b[2J\x1b[31mred\x1b[0m",
    "[bold red]not markup[/]",
    "[link=https://evil.example]x[/link]",
    "HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nVary: Origin\nnot a header",
    "Access-Control-Allow-Origin: https://www.a.com",
    "Set-Cookie: sid=1; SameSite=None; Secure",
    "https://www.a.com:8443/?q=[b]x[/b]#frag",
    "\u202egnp.exe\u2066x\u2069",
    "\x00\x01\x7f\x9b",
    'version = 1\npage = "https://a.example"\ntarget = "https://b.example"\n[response]\nstatus = 99999999999999999999',
    "Access to fetch at 'https://api.example.com/v1/items' from origin 'https://app.example.com' has been "
    "blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
    "x" * 20_000,
    "line\n" * 500,
]
# Where each run starts: the workbench, and every screen or dialog one or two keys away.
STARTS = [
    (), ("f1",), ("question_mark",), ("f8",), ("f9",), ("ctrl+t",), ("ctrl+t", "e"), ("ctrl+p",),
    ("ctrl+r",), ("ctrl+l",), ("ctrl+o",), ("ctrl+s",), ("f5",), ("f6",), ("f7",), ("x", "ctrl+q"), ("ctrl+f",),
]


def _seed() -> int:
    return int(os.environ.get("TUI_FUZZ_SEED") or random.SystemRandom().randrange(2**32))


async def _fuzz(start: tuple[str, ...], rng: random.Random, actions: int, recovery: Path, log: list[str]) -> None:
    app = OriginPlaygroundApp(system_copy=RecordingClipboard(), recovery_path=recovery)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in start:
            log.append(f"key {key}")
            await pilot.press(key)
        for _ in range(actions):
            if not app.is_running or app._exit:  # a clean quit ("y" in the quit dialog) ends a run
                break
            roll = rng.random()
            if roll < 0.5:
                key = rng.choice(COMMAND_KEYS)
                log.append(f"key {key}")
                await pilot.press(key)
            elif roll < 0.85:
                key = rng.choice(TYPED)
                log.append(f"type {key!r}")
                await pilot.press(key)
            else:
                text = rng.choice(PASTES)
                log.append(f"paste {text[:40]!r}{'…' if len(text) > 40 else ''}")
                app.post_message(events.Paste(text))  # as the terminal driver delivers a paste
                await pilot.pause()
        await pilot.pause()
    assert app.return_code in (None, 0)


def test_random_keys_and_pastes_never_crash_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # Ctrl+S's default path is relative: saves land here, not in the repo
    seed = _seed()
    print(f"TUI fuzz seed: {seed} (replay: TUI_FUZZ_SEED={seed})")
    rng = random.Random(seed)
    total = 0
    for start in STARTS:
        log: list[str] = []
        try:
            asyncio.run(_fuzz(start, rng, ACTIONS_PER_START, tmp_path / "recovery.toml", log))
        except Exception as error:
            recent = "\n".join(log[-25:])
            pytest.fail(
                f"seed {seed}, start {start}: the app crashed with {error!r} after:\n{recent}", pytrace=True
            )
        total += len(log)
    print(f"TUI fuzz: {total} keys and pastes over {len(STARTS)} starts")
    assert total >= len(STARTS) * 5  # the runs really drove the app
