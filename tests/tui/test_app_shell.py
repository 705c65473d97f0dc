"""The App shell (tui/app.py and its action mixins): quitting asks whenever something would be
lost, and start-up imports only the workbench (issue 14: start-up and memory)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from textual.widgets import Button, Input, TextArea

from origin_playground.deck import load_deck, shipped_decks
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import ConfirmQuit, SaveDeckDialog
from tui.screens.save_dialog import SaveDialog
from tui.screens.talk import TalkScreen

SIZE = (120, 40)
DECK = shipped_decks()[0]
ROOT = Path(__file__).resolve().parents[2]


async def edit_second_slide(pilot) -> None:
    """Slide 2 gets a stage edit (its target becomes the page's host); the draft stays clean."""
    screen = pilot.app.screen
    assert isinstance(screen, TalkScreen)
    screen.action_first_slide()
    await pilot.press("pagedown", "e")
    await pilot.pause()
    editor = screen.query_one("#talk-editor", TextArea)
    draft = screen.deck.draft()
    editor.text = editor.text.replace(f'target = "{draft.target}"', f'target = "{draft.page}"')
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    assert 1 in screen.deck.edited


def test_quitting_with_stage_edits_and_a_clean_draft_asks() -> None:
    """Before: the draft was clean, so Ctrl+Q quit at once and the stage edits were gone."""

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=DECK)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await edit_second_slide(pilot)
            assert not app.session.dirty
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, ConfirmQuit)
            assert app.screen.question() == "Slide 2 of this deck was edited on stage. Quit anyway?"
            await pilot.press("escape")  # Stay: the edits are still there
            await pilot.pause()
            assert app.is_running and 1 in app.session.deck.edited
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("y")  # Quit without saving
            await pilot.pause()
        assert app.return_code == 0 and not app.is_running

    asyncio.run(scenario())


def test_save_and_quit_saves_the_draft_then_the_deck(tmp_path: Path) -> None:
    scenario_file, deck_file = tmp_path / "draft.toml", tmp_path / "deck.toml"

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=DECK)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await edit_second_slide(pilot)
            app.session.edit(target="https://changed.example/")  # and the workbench's draft is dirty
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmQuit)
            assert app.screen.question() == (
                "The scenario has unsaved changes. Slide 2 of this deck was edited on stage. Quit anyway?"
            )
            app.screen.query_one("#unsaved-save", Button).press()
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog)
            app.screen.query_one("#dialog-path", Input).value = str(scenario_file)
            await pilot.press("enter")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, SaveDeckDialog)  # not quit yet
            app.screen.query_one("#dialog-path", Input).value = str(deck_file)
            await pilot.press("enter")
            await pilot.pause()
        assert not app.is_running
        assert 'target = "https://changed.example/"' in scenario_file.read_text()
        assert load_deck(deck_file).slides[1].scenario.target_input == load_deck(DECK).slides[1].scenario.page_input

    asyncio.run(scenario())


def test_quitting_a_clean_draft_in_talk_mode_without_edits_does_not_ask() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=DECK)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TalkScreen)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not app.is_running

    asyncio.run(scenario())


def test_start_up_imports_the_workbench_only() -> None:
    """Every other screen (and the engine's explain tables and question tree) is imported where it
    is first opened: importing them all at start cost ~45 ms of CPU and a few MiB (issue 14)."""
    code = (
        "import sys\nfrom tui.app import OriginPlaygroundApp, prepare_to_run\n"
        "OriginPlaygroundApp(system_copy=None); prepare_to_run()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(('tui.screens.', 'policy_core.explain', "
        "'policy_core.learn', 'origin_playground.exports', 'origin_playground.har', 'origin_playground.probe')))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == ["tui.screens.workbench"]


def test_the_explain_tables_are_built_after_the_first_paint_beside_the_app() -> None:
    """Not at start-up (~0.1 s before the first frame), not when F9 is pressed (a tenth of a second
    on a key): in a thread started once the first frame is on screen."""
    code = """
import asyncio, sys, threading
from tui.app import WARM_UP, OriginPlaygroundApp

async def main():
    app = OriginPlaygroundApp(system_copy=None)
    print("before", "policy_core.explain" in sys.modules)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        for thread in threading.enumerate():
            if thread.name == WARM_UP:
                thread.join()
        print("after", "policy_core.explain" in sys.modules)
        await pilot.press("f9")
        await pilot.pause()
        print("screen", type(app.screen).__name__)

asyncio.run(main())
"""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:3] == ["before False", "after True", "screen ExplainScreen"]


def test_the_response_and_cookie_editors_are_mounted_when_their_tab_is_first_opened() -> None:
    """Half the workbench's widgets (and ~2.6 MiB) only for someone who opens those tabs; F5 and F6
    still land in the editor, which shows the draft set on it before it was mounted."""

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert not app.screen.query("#preflight-status") and not app.screen.query("#cookie-enabled")
            await pilot.press("f5")
            status = app.screen.query_one("#preflight-status", Input)
            await pilot.pause()
            assert status.has_focus
            assert status.value == str(app.session.draft.preflight.status)
            assert not app.screen.query("#cookie-enabled")  # each tab on its own first opening
            await pilot.press("f6")
            await pilot.pause()
            assert app.screen.query_one("#cookie-enabled").has_focus
            await pilot.press("f5")  # the second time: the same editors, nothing mounted again
            await pilot.pause()
            assert app.screen.query_one("#preflight-status") is status and status.has_focus

    asyncio.run(scenario())


def test_the_request_editor_is_mounted_after_the_first_paint_showing_the_scenarios_request(tmp_path: Path) -> None:
    """The first frame shows the verdicts without the Request editor (its choice lists are a sixth
    of the start-up); a frame later it is there with the scenario's method, choices and headers, and
    an edit in it reaches the draft."""
    path = tmp_path / "post.toml"
    path.write_text(
        'version = 1\npage = "https://app.example"\ntarget = "https://api.example/v1"\nresources = ["fetch"]\n'
        '[request]\nmethod = "PUT"\nmode = "cors"\ncredentials = "include"\n'
        'headers = [["X-Token", "t"]]\n',
        encoding="utf-8",
    )

    async def scenario() -> None:
        app = OriginPlaygroundApp(scenario_path=path, system_copy=RecordingClipboard())
        async with app.run_test(size=SIZE) as pilot:
            assert not app.screen.query("#request-method")  # the first frame: verdicts first
            await pilot.pause()
            await pilot.pause()
            method = app.screen.query_one("#request-method", Input)
            assert method.value == "PUT"
            assert str(app.screen.query_one("#request-credentials").value) == "include"
            assert app.screen.query_one("#request-headers").rows == [("X-Token", "t")]
            method.focus()
            await pilot.press("end", "x")
            await pilot.pause()
            assert app.session.draft.request["method"] == "PUTx"

    asyncio.run(scenario())
