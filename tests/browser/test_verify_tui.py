"""The TUI's verify screen with the real harness: a library scenario played in headless Chromium, and
no browser or server process left once the screen is closed."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from pathlib import Path

import pytest
from textual.widgets import Static

from origin_playground.library import find_scenario
from tui.app import OriginPlaygroundApp
from tui.screens.verify_screen import VerifyScreen

pytestmark = pytest.mark.browser

VerifyApp = OriginPlaygroundApp  # the App has the VerifyActions mixin


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def test_verify_screen_plays_a_library_scenario_in_chromium_and_leaves_nothing_running() -> None:
    entry = find_scenario("json-post-preflight")
    assert entry is not None
    before = descendants(os.getpid())

    async def scenario() -> None:
        app = VerifyApp(scenario_path=entry.path, system_copy=None)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.run_action("verify")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, VerifyScreen)
            await pilot.click("#verify-chromium")
            for _ in range(1200):
                await pilot.pause(0.05)
                if not screen.running:
                    break
            assert screen.verification is not None, str(screen.query_one("#verify-status", Static).render())
            text = str(screen.query_one("#verify-result", Static).render())
            assert "verified with Chromium" in text
            assert "OPTIONS /items (https, port 443)" in text
            assert text.endswith("engine and browser agree")
            assert descendants(os.getpid()) <= before  # the browser closed with the run
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is not screen

    # The suite's other tests leave Playwright's event loop running in this thread: the app gets its own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, scenario()).result()
    assert descendants(os.getpid()) <= before
