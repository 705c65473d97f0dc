"""Work is never lost to a replacement (issue 14), the paths tests/tui/test_workbench_trust.py
does not cover: starting a deck, another deck over stage edits, a slide's edit after the
workbench moved on."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Button, Input, TextArea

from origin_playground.deck import load_deck, shipped_decks
from origin_playground.library import list_scenarios
from tests.tui.conftest import RecordingClipboard
from tui import messages
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import SaveDeckDialog, StageEdits
from tui.screens.talk import TalkScreen
from tui.screens.workbench import WorkbenchScreen

SIZE = (120, 40)
DECK = shipped_decks()[0]


def make_app(talk: Path | None = None) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=talk)


async def edit_slide_on_stage(pilot, slide: int) -> None:
    """Slide ``slide`` (from 0) gets a stage edit: its target becomes the page's host."""
    screen = pilot.app.screen
    assert isinstance(screen, TalkScreen)
    screen.action_first_slide()
    for _ in range(slide):
        await pilot.press("pagedown")
    await pilot.press("e")
    await pilot.pause()
    editor = screen.query_one("#talk-editor", TextArea)
    draft = screen.deck.draft()
    editor.text = editor.text.replace(f'target = "{draft.target}"', f'target = "{draft.page}"')
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    assert slide in screen.deck.edited


def test_starting_a_deck_keeps_the_dirty_draft() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            target = app.query_one("#target-url", Input)
            target.focus()
            target.value = ""
            await pilot.press(*"https://kept.example/")
            await pilot.pause()
            dirty = app.session.draft.to_mapping()
            assert app.session.dirty
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert isinstance(app.screen, TalkScreen)
            assert app.session.draft.to_mapping() == dirty  # a deck does not replace the draft
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.draft.to_mapping() == dirty and app.session.dirty
            assert app.query_one("#target-url", Input).value == "https://kept.example/"

    asyncio.run(scenario())


def test_another_deck_over_stage_edits_asks_and_cancel_keeps_them(tmp_path: Path) -> None:
    """Before: opening a deck dropped every stage edit of the one on screen without a word."""
    other = tmp_path / "other.toml"
    other.write_bytes(DECK.read_bytes())

    async def scenario() -> None:
        app = make_app(DECK)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await edit_slide_on_stage(pilot, 1)
            deck_session = app.session.deck
            app.post_message(messages.OpenDeck(other))
            await pilot.pause()
            assert isinstance(app.screen, StageEdits)
            assert "Slide 2 of this deck was edited on stage" in app.screen.question()
            await pilot.press("escape")  # Cancel
            await pilot.pause()
            assert app.session.deck is deck_session and 1 in deck_session.edited
            app.post_message(messages.OpenDeck(other))
            await pilot.pause()
            app.screen.query_one("#unsaved-discard", Button).press()  # Drop the edits
            await pilot.pause()
            assert isinstance(app.screen, TalkScreen)
            assert app.session.deck is not deck_session and not app.session.deck.edited

    asyncio.run(scenario())


def test_save_as_a_deck_writes_the_stage_edits_then_opens_the_other(tmp_path: Path) -> None:
    saved = tmp_path / "with-edits.toml"

    async def scenario() -> None:
        app = make_app(DECK)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await edit_slide_on_stage(pilot, 1)
            await edit_slide_on_stage(pilot, 3)
            edited = {i: d.to_mapping() for i, d in app.session.deck.edited.items()}
            app.post_message(messages.OpenDeck(DECK))
            await pilot.pause()
            assert isinstance(app.screen, StageEdits)
            assert "Slides 2, 4 of this deck were edited" in app.screen.question()
            app.screen.query_one("#unsaved-save", Button).press()
            await pilot.pause()
            assert isinstance(app.screen, SaveDeckDialog)
            app.screen.query_one("#dialog-path", Input).value = str(saved)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TalkScreen) and not app.session.deck.edited
            kept = load_deck(saved)
            original = load_deck(DECK)
            assert len(kept.slides) == len(original.slides)
            for index, slide in enumerate(kept.slides):
                if index in edited:
                    assert slide.scenario.target_input == edited[index]["target"]
                else:
                    assert slide.scenario == original.slides[index].scenario
                assert (slide.title, slide.notes, slide.reveal) == (
                    original.slides[index].title,
                    original.slides[index].notes,
                    original.slides[index].reveal,
                )

    asyncio.run(scenario())


def test_a_slide_does_not_take_back_a_draft_the_workbench_replaced() -> None:
    """Before: ``w`` on a slide, then another scenario in the workbench, then Ctrl+T: that other
    scenario silently became the slide's stage edit."""

    async def scenario() -> None:
        app = make_app(DECK)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("pagedown", "w")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            entry = list_scenarios()[1]
            app.post_message(messages.ShowLibraryScenario(entry.slug))
            await pilot.pause()
            assert app.session.source_name == entry.title
            await pilot.press("ctrl+t")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TalkScreen) and screen.deck.index == 1
            assert 1 not in screen.deck.edited
            assert screen.deck.draft().target == load_deck(DECK).slides[1].scenario.target_input

    asyncio.run(scenario())
