"""Issue 13 item 1: no key sequence crashes the app, and a dirty draft is never lost: it is kept
as a recovery copy (next to the settings file, written atomically) and offered at the next start."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from origin_playground.deck import shipped_decks
from tests.tui.conftest import RecordingClipboard
from tui import app as tui_app
from tui.app import OriginPlaygroundApp
from tui.messages import OpenDeck, ShowLibraryScenario
from tui.recovery import read_recovery
from tui.recovery_actions import RECOVERY_DELAY
from tui.screens.confirm_quit import ConfirmQuit
from tui.screens.explain import ExplainScreen
from tui.screens.origins import OriginsScreen
from tui.screens.recover_dialog import RecoverDialog
from tui.screens.talk import TalkScreen

SIZE = (120, 40)


def make_app(recovery: Path | None = None) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), recovery_path=recovery)


async def type_in_target(pilot, text: str) -> None:
    field = pilot.app.query_one("#target-url", Input)
    field.focus()
    field.cursor_position = len(field.value)
    await pilot.press(*text)
    await pilot.pause()



async def wait_for_copy(pilot, path: Path) -> None:
    """The recovery timer fires RECOVERY_DELAY after the edit; on a loaded machine the write can land a
    little later, so wait for it (up to 5 s) rather than for a fixed time."""
    await pilot.pause(RECOVERY_DELAY)
    for _ in range(50):
        if path.is_file():
            return
        await pilot.pause(0.1)

def test_palette_quit_palette_on_a_dirty_draft_does_not_crash() -> None:
    """The reproducer: a dirty draft, then Ctrl+P, Ctrl+Q, Ctrl+P raised DuplicateIds
    ('--command-palette': the quit dialog was over the first palette) and the app exited."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_in_target(pilot, "?")
            assert app.session.dirty
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmQuit)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert app.is_running
            assert isinstance(app.screen, CommandPalette)  # back to the palette that was open
            assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1
            assert app.session.draft.target.endswith("?")
        assert app.return_code in (None, 0)  # 1 would be a fatal error (run_test re-raises it too)

    asyncio.run(scenario())


def test_asking_for_an_open_screen_returns_to_it() -> None:
    """Explain, Origins over it, then F9 again raised DuplicateIds ('explain-screen'): now it goes
    back to the one explain screen."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f9")
            await pilot.pause()
            await pilot.press("f8")
            await pilot.pause()
            assert isinstance(app.screen, OriginsScreen)
            await pilot.press("f9")
            await pilot.pause()
            assert isinstance(app.screen, ExplainScreen)
            assert sum(isinstance(s, ExplainScreen) for s in app.screen_stack) == 1
            assert not any(isinstance(s, OriginsScreen) for s in app.screen_stack)
        assert app.return_code in (None, 0)

    asyncio.run(scenario())


def test_dirty_draft_is_kept_and_offered_at_the_next_start(tmp_path: Path) -> None:
    recovery = tmp_path / "state" / "recovery.toml"

    async def first_run() -> None:
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_in_target(pilot, "?x=[bold]1[/]")
            await wait_for_copy(pilot, recovery)
            assert recovery.is_file()
            # The app stops without a save (as a crash would): the copy stays.

    async def second_run() -> None:
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, RecoverDialog)
            await pilot.press("enter")  # Restore has the focus
            await pilot.pause()
            assert not isinstance(app.screen, RecoverDialog)
            assert app.session.draft.target == "https://www.b.com/account?x=[bold]1[/]"
            assert app.query_one("#target-url", Input).value == app.session.draft.target
            assert app.session.dirty and app.sub_title.endswith("(modified)")
            saved = tmp_path / "kept.toml"
            assert app.save_to(saved)
            assert not recovery.exists()  # saved: nothing left to recover

    asyncio.run(first_run())
    found = read_recovery(recovery)
    assert not isinstance(found, str) and found is not None
    assert found.draft.target.endswith("?x=[bold]1[/]")
    assert [p.name for p in recovery.parent.iterdir()] == ["recovery.toml"]  # atomic: no temp files
    asyncio.run(second_run())


def test_discarding_the_recovery_copy_deletes_it(tmp_path: Path) -> None:
    recovery = tmp_path / "recovery.toml"

    async def scenario() -> None:
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_in_target(pilot, "x")
            await wait_for_copy(pilot, recovery)
        assert recovery.is_file()
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, RecoverDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert not recovery.exists()
            assert not app.session.dirty and app.session.draft.target == "https://www.b.com/account"

    asyncio.run(scenario())


def test_undoing_the_edit_or_quitting_without_saving_leaves_no_copy(tmp_path: Path) -> None:
    recovery = tmp_path / "recovery.toml"

    async def scenario() -> None:
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_in_target(pilot, "x")
            await wait_for_copy(pilot, recovery)
            assert recovery.is_file()
            await pilot.press("backspace")  # the draft is as loaded again
            await pilot.pause()
            assert not app.session.dirty and not recovery.exists()
            await type_in_target(pilot, "y")
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("y")  # quit without saving: the user dropped the change
            await pilot.pause()
        app.write_recovery_copy()  # what run() does once the app has stopped
        assert not recovery.exists()

    asyncio.run(scenario())


def test_run_keeps_the_draft_when_the_app_stops_with_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However the app stops, run() writes the recovery copy of a dirty draft on the way out."""
    recovery = tmp_path / "recovery.toml"
    monkeypatch.setattr(tui_app, "default_recovery_path", lambda: recovery)
    monkeypatch.setattr(tui_app.user_config, "default_config_path", lambda: tmp_path / "config.toml")

    def crashing_run(self: OriginPlaygroundApp) -> None:
        self.session.edit(target="https://unsaved.example/")
        raise RuntimeError("the app stopped")

    monkeypatch.setattr(OriginPlaygroundApp, "run", crashing_run)
    with pytest.raises(RuntimeError):
        tui_app.run()
    found = read_recovery(recovery)
    assert not isinstance(found, str) and found is not None
    assert found.draft.target == "https://unsaved.example/"


def test_an_unusable_recovery_copy_is_one_line_and_the_app_starts(tmp_path: Path) -> None:
    recovery = tmp_path / "recovery.toml"
    recovery.write_text('scenario = "\x1b]0;PWNED\x07"\n'.replace("\x1b", "\\u001b").replace("\x07", "\\u0007"))

    async def scenario() -> None:
        app = make_app(recovery)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, RecoverDialog)
            [message] = [n.message for n in app._notifications]
            assert "not a recovery copy" in message and "\n" not in message

    asyncio.run(scenario())


def test_a_recovery_copy_left_unanswered_is_kept_for_next_time(tmp_path: Path) -> None:
    recovery = tmp_path / "recovery.toml"

    async def scenario() -> None:
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_in_target(pilot, "x")
            await wait_for_copy(pilot, recovery)
        kept = recovery.read_text()
        app = make_app(recovery)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, RecoverDialog)
            app.post_message(ShowLibraryScenario("bank-and-bad-site"))  # e.g. from the palette
            await pilot.pause()
            assert not isinstance(app.screen, RecoverDialog)
            await type_in_target(pilot, "y")
            await pilot.pause(RECOVERY_DELAY + 0.3)
        assert recovery.read_text() == kept

    asyncio.run(scenario())


def test_ctrl_t_over_a_screen_opened_from_talk_mode_returns_to_the_talk_screen() -> None:
    """Found by the fuzz test: talk mode, F8 (the origin table over it), Ctrl+T popped the talk
    screen and pushed a new one with the same id in one go: DuplicateIds."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+t")
            await pilot.pause()
            talk = app.screen
            assert isinstance(talk, TalkScreen)
            await pilot.press("pagedown", "f8")
            await pilot.pause()
            assert isinstance(app.screen, OriginsScreen)
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert app.screen is talk and talk.deck.index == 1  # the same screen, the same place
            app.post_message(OpenDeck(shipped_decks()[0]))  # a deck opened again: shown from slide 1
            await pilot.pause()
            assert app.screen is talk and talk.deck.index == 0
            assert sum(isinstance(s, TalkScreen) for s in app.screen_stack) == 1
        assert app.return_code in (None, 0)

    asyncio.run(scenario())
