"""Talk mode: deck stepping, trace reveal, live edits kept per slide until reset, clicker keys,
and a bad deck that is reported without stopping the app."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static, TextArea

from origin_playground.deck import load_deck, shipped_decks
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.talk import TalkScreen, banner_text
from tui.session import DeckSession
from tui.widgets.origin_breakdown import OriginBreakdown

DECK = shipped_decks()[0]


def make_app(talk: Path | str | None = DECK) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=talk)


def text_of(app: OriginPlaygroundApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_session_steps_and_clamps() -> None:
    session = DeckSession(load_deck(DECK))
    assert session.count == 18
    assert not session.go(-1)  # already on the first slide
    session.revealed = 3
    assert session.go(1) and session.revealed == 0
    assert not session.go(99) or session.index == session.count - 1


def test_banner_has_symbol_and_word() -> None:
    deck = load_deck(DECK)
    from policy_core import evaluate

    verdict = evaluate(deck.slides[1].scenario).verdict("dom")
    assert verdict is not None and verdict.outcome == "blocked"
    text = str(banner_text("dom", verdict, wide=True))
    assert "✘" in text and "B L O C K E D" in text and "access ✘" in text


def test_talk_opens_from_run_argument_and_steps_with_clicker_keys() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TalkScreen)
            assert "slide 1/18" in text_of(app, "#talk-top")
            assert "What is an origin" in text_of(app, "#talk-title")
            assert "ALLOWED" in text_of(app, "#talk-verdict-dom").replace(" ", "")
            await pilot.press("pagedown")
            assert screen.deck.index == 1
            assert "slide 2/18" in text_of(app, "#talk-top")
            assert "BLOCKED" in text_of(app, "#talk-verdict-dom").replace(" ", "")
            assert "DIFFERENT ORIGIN (host differs)" in text_of(app, "#talk-relation")
            assert screen.query_one("#talk-target", OriginBreakdown).marked == ("host",)
            await pilot.press("pageup")
            assert screen.deck.index == 0
            await pilot.press("end")
            assert screen.deck.index == 17
            await pilot.press("f5")  # a clicker's "start" key: back to the first slide
            assert screen.deck.index == 0

    asyncio.run(scenario())


def test_right_reveals_one_step_then_moves_on_and_left_hides() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TalkScreen)
            steps = len(screen.report.verdict("dom").trace)
            assert "0/" in text_of(app, "#talk-trace")
            await pilot.press("right")
            assert screen.deck.revealed == 1
            assert f"1/{steps} steps" in text_of(app, "#talk-trace")
            await pilot.press("left")
            assert screen.deck.revealed == 0
            for _ in range(steps):
                await pilot.press("right")
            assert screen.deck.revealed == steps and screen.deck.index == 0
            await pilot.press("right")  # everything shown: the next slide
            assert screen.deck.index == 1 and screen.deck.revealed == 0
            await pilot.press("left")  # nothing shown: the previous slide
            assert screen.deck.index == 0

    asyncio.run(scenario())


def test_notes_toggle_and_blank() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            notes = app.screen.query_one("#talk-notes")
            assert not notes.display
            await pilot.press("n")
            assert notes.display and "three things" in text_of(app, "#talk-notes")
            await pilot.press("b")
            assert app.screen.query_one("#talk-blank").display
            assert not app.screen.query_one("#talk").display
            await pilot.press("escape")  # un-blank first, do not leave
            assert isinstance(app.screen, TalkScreen) and app.screen.query_one("#talk").display

    asyncio.run(scenario())


def test_live_edit_changes_the_verdict_and_stays_until_reset() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TalkScreen)
            await pilot.press("pagedown")  # www.example.com vs example.com: blocked
            await pilot.press("e")
            editor = screen.query_one("#talk-editor", TextArea)
            assert editor.has_focus and 'target = "https://example.com/"' in editor.text
            editor.text = editor.text.replace("https://example.com/", "https://www.example.com/x")
            await pilot.pause()
            assert "ALLOWED" in text_of(app, "#talk-verdict-dom").replace(" ", "")
            assert "edited on stage" in text_of(app, "#talk-top")
            # A broken edit keeps the last verdict, dimmed, with the loader's one-line error.
            editor.text = editor.text.replace("resources = [", 'resources = ["nope", ')
            await pilot.pause()
            assert screen.query_one("#talk-error").display
            assert "resources" in text_of(app, "#talk-error")
            assert screen.query_one("#talk-banner").has_class("-stale")
            editor.text = editor.text.replace('"nope", ', "")
            await pilot.pause()
            await pilot.press("escape")  # closes the editor, stays in talk mode
            assert isinstance(app.screen, TalkScreen) and not editor.display
            await pilot.press("pagedown", "pageup")
            assert "ALLOWED" in text_of(app, "#talk-verdict-dom").replace(" ", "")  # the edit stayed
            await pilot.press("r")
            assert "BLOCKED" in text_of(app, "#talk-verdict-dom").replace(" ", "")
            assert 1 not in screen.deck.edited

    asyncio.run(scenario())


def test_workbench_round_trip_keeps_the_edit() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("pagedown", "w")
            await pilot.pause()
            assert not isinstance(app.screen, TalkScreen)
            assert app.session.draft.target == "https://example.com/"
            app.session.edit(target="https://www.example.com/")
            await pilot.press("ctrl+t")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TalkScreen) and screen.deck.index == 1
            assert "ALLOWED" in text_of(app, "#talk-verdict-dom").replace(" ", "")
            await pilot.press("escape")
            assert not isinstance(app.screen, TalkScreen)
            await pilot.press("ctrl+t")
            assert isinstance(app.screen, TalkScreen) and app.screen.deck.index == 1

    asyncio.run(scenario())


def test_bad_deck_is_one_line_and_the_app_keeps_running(tmp_path: Path) -> None:
    bad = tmp_path / "talk.toml"
    bad.write_text(
        'deck_version = 1\ntitle = "x"\n[[slides]]\ntitle = "a"\nreveal = "slowly"\nscenario = "library:a-com-reads-b-com"\n'
    )

    async def scenario() -> None:
        app = make_app(bad)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, TalkScreen)
            messages = [n.message for n in app._notifications]
            assert any(m.startswith("slides[0].reveal:") and "\n" not in m for m in messages), messages
            assert app.is_running

    asyncio.run(scenario())


def test_palette_offers_talk_commands() -> None:
    async def scenario() -> None:
        app = make_app(None)
        async with app.run_test(size=(120, 40)) as pilot:
            from tui.commands import TalkCommands

            provider = TalkCommands(app.screen)
            titles = [title for title, _help, _cb in provider._commands()]
            assert "Talk: open shipped deck (same-origin-story)" in titles
            assert "Talk: open deck file…" in titles
            [open_shipped] = [cb for title, _h, cb in provider._commands() if "shipped" in title]
            open_shipped()
            await pilot.pause()
            assert isinstance(app.screen, TalkScreen)

    asyncio.run(scenario())
