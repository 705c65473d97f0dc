"""Verify in a real browser, from the TUI (issue 11 §2), with a fake browser (tests/tui/verify_fakes.py).

The real thing is tests/browser/test_verify_tui.py (marked ``browser``)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import Button, Input, Static

from origin_playground.commands import verify
from origin_playground.library import find_scenario
from tests.tui.conftest import RecordingClipboard, run
from tests.tui.verify_fakes import FakePlayer
from tui.app import OriginPlaygroundApp
from tui.commands import ACTIONS
from tui.screens import verify_screen
from tui.screens.verify_screen import VerifyScreen

VerifyApp = OriginPlaygroundApp  # the App has the VerifyActions mixin


def make_app(slug: str = "json-post-preflight") -> OriginPlaygroundApp:
    entry = find_scenario(slug)
    assert entry is not None
    return VerifyApp(scenario_path=entry.path, system_copy=RecordingClipboard())


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakePlayer:
    player = FakePlayer()
    monkeypatch.setattr(verify_screen, "open_harness", player)
    monkeypatch.setattr(verify_screen, "harness_problem", lambda browser: None)
    return player


async def open_verify(pilot: Any) -> VerifyScreen:
    await pilot.pause()
    await pilot.app.run_action("verify")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, VerifyScreen)
    return screen


async def settle(pilot: Any, screen: VerifyScreen) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        if not screen.running:
            return
    raise AssertionError("the verify worker did not finish")


def shown(screen: VerifyScreen) -> str:
    return str(screen.query_one("#verify-result", Static).render())


def status(screen: VerifyScreen) -> str:
    return str(screen.query_one("#verify-status", Static).render())


def test_the_palette_offers_verify_and_nothing_starts_before_a_browser_is_picked(fake: FakePlayer) -> None:
    assert any(action == "verify" and title.startswith("Verify in a real browser") for title, _h, action in ACTIONS)

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_verify(pilot)
            assert app.focused is screen.query_one("#verify-close", Button)  # Enter alone never starts one
            await pilot.press("enter")
            await pilot.pause()
            assert not fake.entered
            assert not isinstance(app.screen, VerifyScreen)

    run(scenario)


def test_verify_shows_engine_and_browser_side_by_side(fake: FakePlayer) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _verified(pilot)
            text = shown(screen)
            assert screen.verification is not None
            # The screen shows exactly the CLI's lines (one function makes both).
            assert text == "\n".join(verify.verification_lines(screen.verification))
            assert "verified with FakeChromium 156.0" in text
            assert "fetch: agree" in text
            assert "  preflight      yes      yes" in text
            assert "console (chromium):" in text and "devtools issues (chromium): (none)" in text
            assert "OPTIONS /items (https, port 443)" in text
            assert text.endswith("engine and browser agree")
            assert "engine and browser agree" in status(screen)
            assert fake.entered and fake.closed and fake.played == ["fetch"]
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, VerifyScreen)

    run(scenario)


def test_verify_says_where_engine_and_browser_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    player = FakePlayer(differ=("fetch",))
    monkeypatch.setattr(verify_screen, "open_harness", player)
    monkeypatch.setattr(verify_screen, "harness_problem", lambda browser: None)

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _verified(pilot)
            text = shown(screen)
            assert "fetch: DIFFER" in text
            assert "  read           yes      no   <- differs" in text
            assert "differs: fetch.read: engine yes, chromium no" in text
            assert text.endswith("engine and browser differ")
            assert status(screen).startswith("✘ engine and browser differ")

    run(scenario)


def test_no_browser_installed_shows_the_line_the_cli_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from origin_playground.browser import session

    player = FakePlayer()
    monkeypatch.setattr(verify_screen, "open_harness", player)
    monkeypatch.setattr(session, "available", lambda browser: False)
    line = verify.harness_problem("chromium")
    assert line == session.install_hint("chromium") and "apt-get install chromium" in line

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _verified(pilot)
            assert status(screen) == line
            assert not player.entered
            assert not screen.query_one("#verify-chromium", Button).disabled  # may try Firefox

    run(scenario)


def test_esc_while_playing_stops_and_the_browser_never_outlives_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    hold = threading.Event()
    player = FakePlayer(hold=hold)
    monkeypatch.setattr(verify_screen, "open_harness", player)
    monkeypatch.setattr(verify_screen, "harness_problem", lambda browser: None)

    async def scenario() -> None:
        app = make_app("spa-api-with-cookies")  # several resources: the run stops before the next
        try:
            await held(app)
        finally:
            hold.set()  # a failed assertion must not leave the fake browser waiting

    async def held(app: OriginPlaygroundApp) -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_verify(pilot)
            resources = [r for r in screen.scenario.resources if screen.report.verdict(r) is not None]
            assert len(resources) > 1
            await pilot.click("#verify-chromium")
            for _ in range(100):
                await pilot.pause(0.02)
                if player.playing.is_set():
                    break
            assert player.playing.is_set()
            await pilot.press("escape")
            await pilot.pause()
            # The UI is not blocked (the key was handled), and the screen waits for the browser.
            assert app.screen is screen
            assert status(screen).startswith("Stopping")
            assert not player.closed
            hold.set()
            for _ in range(200):
                await pilot.pause(0.02)
                if app.screen is not screen:
                    break
            assert app.screen is not screen
            assert player.closed
            assert player.played == resources[:1]  # nothing played after Esc

    run(scenario)


def test_verify_an_invalid_draft_names_the_field_and_opens_nothing(fake: FakePlayer) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.query_one("#target-url", Input).value = "https://"
            await pilot.pause()
            await app.run_action("verify")
            await pilot.pause()
            assert not isinstance(app.screen, VerifyScreen)
            assert any(n.title == "Cannot verify" and "target" in n.message for n in app._notifications)

    run(scenario)


# --- snapshots of the result screen ---------------------------------------------------------------------


async def _verified(pilot: Any) -> VerifyScreen:
    """Open the verify screen, start Chromium (the fake), and wait for its result."""
    screen = await open_verify(pilot)
    await pilot.click("#verify-chromium")
    await settle(pilot, screen)
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_verify_result_snapshot(snap_compare, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    player = FakePlayer(differ=("fetch",))
    monkeypatch.setattr(verify_screen, "open_harness", player)
    monkeypatch.setattr(verify_screen, "harness_problem", lambda browser: None)
    entry = find_scenario("json-post-preflight")
    assert entry is not None
    app = VerifyApp(scenario_path=entry.path, system_copy=None)
    assert snap_compare(app, terminal_size=size, run_before=_verified)
