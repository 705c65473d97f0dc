"""Issue 14 and 15 in the workbench, each as a named before/after regression test (Pilot)."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.widgets import Button, Footer, Input, TextArea

from origin_playground.library import list_scenarios
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import ConfirmQuit, UnsavedChanges
from tui.screens.save_dialog import SaveDialog
from tui.screens.talk import TalkScreen
from tui.screens.workbench import WorkbenchScreen
from tui.state import load_draft

SIZE = (120, 40)


def make_app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard())


# --- 1. a paste into a header Name field leaves nothing behind ---------------------------------------

RAW_RESPONSE = "HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: https://www.a.com\nVary: Origin"


@pytest.mark.parametrize(
    ("pasted", "rows"),
    [
        (RAW_RESPONSE, [("Access-Control-Allow-Origin", "https://www.a.com"), ("Vary", "Origin")]),
        ("Vary: Origin", [("Vary", "Origin")]),  # one line
    ],
    ids=["raw-response", "one-line"],
)
def test_paste_into_header_name_fills_rows_and_leaves_the_field_empty(pasted: str, rows: list) -> None:
    """Before: the rows were filled AND the first pasted line stayed in the Name input (the
    Input's own paste handler ran too), so the next Enter added a bogus header."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f5")
            name = app.query_one("#response-headers-name", Input)
            name.focus()
            name.post_message(events.Paste(pasted))
            await pilot.pause()
            assert name.value == ""
            assert app.session.draft.response.headers[-len(rows) :] == rows
            before = list(app.session.draft.response.headers)
            await pilot.press("enter")  # nothing to add: no bogus header
            await pilot.pause()
            assert app.session.draft.response.headers == before

    asyncio.run(scenario())


def test_plain_word_pasted_into_header_name_appears_once() -> None:
    """Before: a paste that is not a header went in twice ("X-FooX-Foo")."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4")
            name = app.query_one("#request-headers-name", Input)
            name.focus()
            name.post_message(events.Paste("X-Trace"))
            await pilot.pause()
            assert name.value == "X-Trace"

    asyncio.run(scenario())


# --- 2. every replacement of a dirty draft asks: Save / Discard / Cancel ----------------------------

CHROME_METHOD = (
    "Access to fetch at 'https://api.example.com/v1/items' from origin 'https://app.example.com' has been "
    "blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
)


async def make_dirty(pilot) -> dict:
    field = pilot.app.query_one("#target-url", Input)
    field.focus()
    field.cursor_position = len(field.value)
    await pilot.press(*"x/")
    await pilot.pause()
    assert pilot.app.session.dirty
    return pilot.app.session.draft.to_mapping()


async def from_library(pilot, tmp_path) -> None:
    await pilot.press("ctrl+l")
    await pilot.pause()
    await pilot.press("down", "enter")


async def from_help(pilot, tmp_path) -> None:
    await pilot.press("f1")
    await pilot.pause()
    pilot.app.screen.query(".help-show").first().press()


async def from_explain(pilot, tmp_path) -> None:
    await pilot.press("f9")
    await pilot.pause()
    pilot.app.screen.query_one("#explain-paste", TextArea).text = CHROME_METHOD
    await pilot.pause()
    await pilot.press("ctrl+g")


async def from_file(pilot, tmp_path) -> None:
    other = tmp_path / "other.toml"
    other.write_bytes(list_scenarios()[1].path.read_bytes())
    await pilot.press("ctrl+o")
    await pilot.pause()
    pilot.app.screen.query_one("#dialog-path", Input).value = str(other)
    await pilot.press("enter")


async def from_deck(pilot, tmp_path) -> None:
    await pilot.press("ctrl+t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TalkScreen)
    await pilot.press("w")


@pytest.mark.parametrize("replace", [from_library, from_help, from_explain, from_file, from_deck])
def test_replacing_a_dirty_draft_asks_save_discard_cancel(replace, tmp_path) -> None:
    """Before: each of these replaced the unsaved draft without a word."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            dirty = await make_dirty(pilot)
            # Cancel: the draft stays, unsaved.
            await replace(pilot, tmp_path)
            await pilot.pause()
            assert isinstance(app.screen, UnsavedChanges)
            await pilot.press("escape")
            await pilot.pause()
            assert app.session.draft.to_mapping() == dirty and app.session.dirty
            while len(app.screen_stack) > 1:  # back from the screen that asked
                app.pop_screen()
            await pilot.pause()
            # Discard: replaced.
            await replace(pilot, tmp_path)
            await pilot.pause()
            assert isinstance(app.screen, UnsavedChanges)
            app.screen.query_one("#unsaved-discard", Button).press()
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.draft.to_mapping() != dirty and not app.session.dirty

    asyncio.run(scenario())


def test_save_first_saves_then_replaces(tmp_path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            dirty = await make_dirty(pilot)
            await from_library(pilot, tmp_path)
            await pilot.pause()
            app.screen.query_one("#unsaved-save", Button).press()
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog)
            app.screen.query_one("#dialog-path", Input).value = str(tmp_path / "kept.toml")
            await pilot.press("enter")
            await pilot.pause()
            assert load_draft(tmp_path / "kept.toml").to_mapping() == dirty
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.draft.to_mapping() != dirty and not app.session.dirty
            assert app.session.source_name == list_scenarios()[1].title

    asyncio.run(scenario())


def test_quit_dialog_offers_save_and_quit(tmp_path) -> None:
    """Before: only "Quit without saving" and "Stay"."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            dirty = await make_dirty(pilot)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmQuit)
            save = app.screen.query_one("#unsaved-save", Button)
            assert str(save.label) == "Save and quit"
            save.press()
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog) and app.is_running
            app.screen.query_one("#dialog-path", Input).value = str(tmp_path / "quit.toml")
            await pilot.press("enter")
            await pilot.pause()
        assert load_draft(tmp_path / "quit.toml").to_mapping() == dirty
        assert app.return_code == 0

    asyncio.run(scenario())


# --- 3. learner words ---------------------------------------------------------------------------------


def test_unmet_expectations_are_named_in_learner_words() -> None:
    """Before: ``✘ fetch.read expected false, got true`` (the internal path)."""

    async def scenario() -> None:
        app = make_app()  # a-com-reads-b-com: it expects fetch.read false, same_origin false
        async with app.run_test(size=SIZE) as pilot:
            field = app.query_one("#target-url", Input)
            field.value = "https://www.a.com/data.json"
            await pilot.pause()
            line = str(app.screen.query_one("#expectations").text)
            assert "page script reads the response: expected no, got yes" in line
            assert "same origin: expected no, got yes" in line
            assert "fetch.read" not in line and "same_origin" not in line

    asyncio.run(scenario())


# --- 5. small terminals: one key maximises the pane with the focus, the trace too ----------------------


@pytest.mark.parametrize(
    ("pane_key", "pane"), [("f2", "urls"), ("f4", "editors"), ("f7", "trace"), ("f3", "resources")]
)
def test_one_key_maximises_and_restores_each_pane_at_80x24(pane_key: str, pane: str) -> None:
    """Before: no key did it; at 80x24 the trace showed about two steps."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(pane_key)
            await pilot.pause()
            await pilot.press("f10")
            await pilot.pause()
            screen = app.screen
            assert screen.maximized is screen.query_one(f"#{pane}")
            assert screen.maximized.size.height >= 20  # the whole screen but header and footer
            await pilot.press("f10")
            await pilot.pause()
            assert screen.maximized is None
            await pilot.press("f10", "escape")  # Esc restores too
            await pilot.pause()
            assert screen.maximized is None

    asyncio.run(scenario())


def test_footer_at_80x24_ends_in_the_palette_key_not_a_stray_letter() -> None:
    """Before: the footer ended in "^p palettef" (the last column showed the key under it)."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()  # the footer recomposes once the bindings are known
            palette = app.screen.query_one(Footer).query_one(".-command-palette")
            assert palette.region.right == 80

    asyncio.run(scenario())
