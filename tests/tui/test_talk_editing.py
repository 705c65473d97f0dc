"""Talk mode's live editor (issue 14): usable at 80x24, one line per header, a round trip that
keeps the edit, and a banner that judges only what the slide is about."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

import policy_core
from origin_playground.deck import judged, load_deck, scenario_from_text, scenario_text, shipped_decks
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.talk import TalkScreen, banner_text
from tui.state import ScenarioDraft

DECK = shipped_decks()[0]
FIX_SLIDE = next(i for i, s in enumerate(load_deck(DECK).slides) if s.title.startswith("The fix: echo the origin"))
ACAC = "Access-Control-Allow-Credentials: true"


def make_app(talk: Path | str | None = DECK) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=talk)


def text_of(app: OriginPlaygroundApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_fix_slide_editor(pilot) -> TextArea:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TalkScreen)
    screen.action_last_slide()
    for _ in range(screen.deck.count - 1 - FIX_SLIDE):
        await pilot.press("pageup")
    await pilot.pause()
    assert screen.deck.index == FIX_SLIDE
    await pilot.press("e")
    await pilot.pause()
    return screen.query_one("#talk-editor", TextArea)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_live_editor_has_usable_height(size: tuple[int, int]) -> None:
    """Before: four rows of a half-width editor at 80x24, under the origins."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            editor = await open_fix_slide_editor(pilot)
            assert editor.display and editor.has_focus
            assert editor.content_region.height >= 10
            assert not app.screen.query_one("#talk-origins").display  # the URLs are in the text
            banner = app.screen.query_one("#talk-verdict-fetch")
            assert banner.region.height == 5 and banner.region.bottom <= editor.region.y  # still in view
            trace = app.screen.query_one("#talk-trace")
            if size[0] < 100:
                assert editor.region.width >= size[0] - 4 and not trace.display
            else:
                assert trace.display and editor.region.width < size[0] * 0.6
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.query_one("#talk-origins").display and trace.display

    asyncio.run(scenario())


def test_headers_are_one_line_each_and_deleting_one_line_flips_the_verdict() -> None:
    """Before: each header was four bracketed TOML lines; the notes ask to delete "the
    Access-Control-Allow-Credentials line"."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await open_fix_slide_editor(pilot)
            lines = editor.text.splitlines()
            assert ACAC in lines
            assert "Access-Control-Allow-Origin: https://app.example.com" in lines
            assert not any(line.strip() in ("[", "],") for line in lines)
            assert "ALLOWED" in text_of(app, "#talk-verdict-fetch").replace(" ", "")
            editor.move_cursor((lines.index(ACAC), 0))
            await pilot.press("ctrl+shift+k")  # TextArea: delete the line
            await pilot.pause()
            assert ACAC not in editor.text
            screen = app.screen
            assert isinstance(screen, TalkScreen)
            assert screen.evaluation is not None and screen.evaluation.error is None
            assert "read ✘" in text_of(app, "#talk-verdict-fetch")
            # The round trip: close, reopen, the edit is there, one line per header still.
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            reopened = screen.query_one("#talk-editor", TextArea).text
            assert ACAC not in reopened
            assert "Vary: Origin" in reopened.splitlines()
            assert screen.deck.edited[FIX_SLIDE].response.headers == [
                ("Access-Control-Allow-Origin", "https://app.example.com"),
                ("Vary", "Origin"),
            ]

    asyncio.run(scenario())


def test_a_bad_header_line_is_one_line_naming_the_key_and_the_line() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            editor = await open_fix_slide_editor(pilot)
            editor.text = editor.text.replace(ACAC, "Access-Control-Allow-Credentials true")
            await pilot.pause()
            error = text_of(app, "#talk-error")
            assert "response.headers: line 2: 'Access-Control-Allow-Credentials true' is not 'Name: value'" in error
            assert "\n" not in error.strip()

    asyncio.run(scenario())


def test_an_it_works_slide_is_not_partial_because_of_an_unrelated_capability() -> None:
    """Before: the fix slide's cookie banner was an amber PARTIAL (script_read ✘, HttpOnly's
    point, not this slide's)."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await open_fix_slide_editor(pilot)
            await pilot.press("escape")
            cookie = app.screen.query_one("#talk-verdict-cookie")
            assert cookie.has_class("-allowed") and not cookie.has_class("-partial")
            assert "ALLOWED" in text_of(app, "#talk-verdict-cookie").replace(" ", "")
            assert "script_read ✘" in text_of(app, "#talk-verdict-cookie")  # still listed

    asyncio.run(scenario())


def test_banner_dims_the_capabilities_the_slide_is_not_about() -> None:
    slide = load_deck(DECK).slides[FIX_SLIDE]
    assert slide.about == ("fetch.send", "fetch.read", "cookie.sent")
    verdict = policy_core.evaluate(slide.scenario).verdict("cookie")
    assert verdict is not None and verdict.outcome == "partial"
    assert judged(verdict, slide.about).outcome == "allowed"
    text = banner_text("cookie", verdict, True, slide.about)
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles["script_read ✘"] == "dim"
    assert styles.get("sent ✔", "") == ""  # what the slide is about: undimmed
    assert judged(verdict, ()).outcome == "partial"  # a slide about nothing in particular: all


def test_every_shipped_slide_round_trips_through_the_editor_text() -> None:
    for slide in load_deck(DECK).slides:
        text = scenario_text(ScenarioDraft.from_scenario(slide.scenario).to_mapping())
        again = scenario_from_text(text)
        assert again.to_mapping() == slide.scenario.to_mapping()
        assert scenario_text(ScenarioDraft.from_scenario(again).to_mapping()) == text
        assert "    [" not in text  # no header as a bracketed pair
