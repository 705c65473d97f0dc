"""Issue 14 and 15 in the workbench (Pilot): the "What if" list under each card, computed only
while it is shown; the verdict strip at 80x24; arrow keys in the resource grid."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input

import policy_core
from policy_core.what_if import what_if_by_resource
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens import workbench as workbench_module
from tui.widgets.verdict_card import VerdictCard
from tui.widgets.verdict_strip import VerdictStrip
from tui.widgets.what_if_list import WhatIfList

SIZE = (120, 40)


def make_app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard())


@pytest.fixture
def what_if_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = workbench_module.what_if_by_resource

    def counting(scenario, report=None):
        calls.append(scenario.target_input)
        return real(scenario, report)

    monkeypatch.setattr(workbench_module, "what_if_by_resource", counting)
    return calls


# --- What if ---------------------------------------------------------------------------------------------


def test_w_on_a_card_shows_its_what_if_list_from_the_engine(what_if_calls) -> None:
    """Before: no "What if" in the workbench (only ``check --what-if``)."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            listing = app.query_one("#what-if-fetch", WhatIfList)
            assert not listing.display and what_if_calls == []
            card = app.query_one("#card-fetch", VerdictCard)
            card.focus()
            await pilot.press("w")
            await pilot.pause()
            assert listing.display and what_if_calls == ["https://www.b.com/account"]
            expected = what_if_by_resource(
                policy_core.load_scenario(app.session.draft.evaluation_mapping())
            )["fetch"]
            assert listing.entries == expected
            text = str(listing.render())
            lines = text.splitlines()
            change = lines.index("→ the response sends Access-Control-Allow-Origin: https://www.a.com")
            assert lines[change + 1] == "  then ✔ page script reads the response"
            assert "w: what if… ▾" in str(card.border_subtitle)
            await pilot.press("w")
            await pilot.pause()
            assert not listing.display
            assert "▸" in str(card.border_subtitle)

    asyncio.run(scenario())


def test_typing_computes_no_what_if_while_every_list_is_closed(what_if_calls) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            field = app.query_one("#target-url", Input)
            field.focus()
            await pilot.press("end", *"/more")
            await pilot.pause()
            assert app.session.draft.target.endswith("/more")
            assert what_if_calls == []

    asyncio.run(scenario())


def test_an_open_what_if_list_follows_the_draft(what_if_calls) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.workbench.toggle_what_if("dom")
            await pilot.pause()
            listing = app.query_one("#what-if-dom", WhatIfList)
            assert listing.entries and listing.entries[0].flips == "dom.access"
            field = app.query_one("#target-url", Input)
            field.value = "https://www.a.com/same"  # now same-origin: nothing to flip to allowed
            for _ in range(5):
                await pilot.pause()
            assert all(entry.to is False for entry in listing.entries)
            assert what_if_calls[-1] == "https://www.a.com/same"

    asyncio.run(scenario())


def test_a_click_on_the_cards_bottom_border_toggles_what_if() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            card = app.query_one("#card-dom", VerdictCard)
            await pilot.click("#card-dom", offset=(10, card.outer_size.height - 1))
            await pilot.pause()
            listing = app.query_one("#what-if-dom", WhatIfList)
            assert listing.display
            await pilot.click("#card-dom", offset=(10, 1))  # the card's text: shows the trace only
            await pilot.pause()
            assert listing.display
            await pilot.click("#what-if-dom")  # a click on the list closes it
            await pilot.pause()
            assert not listing.display

    asyncio.run(scenario())


# --- 80x24: the field being edited and the verdicts on screen together ---------------------------------


@pytest.mark.parametrize("pane_key", ["f2", "f3", "f4", "f5", "f6", "f7"])
def test_at_80x24_the_verdicts_stay_on_screen_while_any_pane_is_edited(pane_key: str) -> None:
    """Before: at 80x24 the panes stacked in one column; editing the request or the response
    scrolled every verdict off screen."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(3):
                await pilot.pause()
            await pilot.press(pane_key)
            for _ in range(5):
                await pilot.pause()
            strip = app.query_one(VerdictStrip)
            assert strip.display and strip.region.height == 2  # DOM and fetch
            focused = app.focused
            assert focused is not None
            # The field being edited starts on screen, between the header and the strip.
            assert 1 <= focused.region.y < strip.region.y
            lines = str(strip.render()).splitlines()
            assert lines[0].startswith("✘ DOM") and lines[1].startswith("◐ fetch")
            assert "✘ script reads it" in lines[1]

    asyncio.run(scenario())


def test_the_strip_follows_an_edit_and_is_hidden_when_wide() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.query_one("#target-url", Input).value = "https://www.a.com/x"
            await pilot.pause()
            assert str(app.query_one(VerdictStrip).render()).splitlines()[0].startswith("✔ DOM")
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not app.query_one(VerdictStrip).display

    asyncio.run(scenario())


# --- arrow keys in the resource grid ------------------------------------------------------------------


def test_arrow_keys_move_in_the_resource_grid() -> None:
    """Before: only Tab moved between the six toggles; the arrows did nothing."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3")
            await pilot.pause()
            assert app.focused.id == "toggle-dom"
            moves = [("right", "toggle-iframe"), ("down", "toggle-image"), ("down", "toggle-cookie"),
                     ("down", "toggle-cookie"), ("left", "toggle-script"), ("up", "toggle-fetch"),
                     ("up", "toggle-dom"), ("up", "toggle-dom"), ("left", "toggle-dom")]
            for key, expected in moves:
                await pilot.press(key)
                await pilot.pause()
                assert app.focused.id == expected, key
            await pilot.press("space")
            await pilot.pause()
            assert "dom" not in app.session.draft.resources

    asyncio.run(scenario())


@pytest.mark.parametrize("pane_key", ["f2", "f3", "f4", "f7"])
def test_footer_at_80x24_shows_only_whole_keys_whatever_has_the_focus(pane_key: str) -> None:
    """Before: with the trace focused its Copy key joined the footer, and the last column before
    the palette key showed a stray "f" (of "f1 Help", cut by the palette key)."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(pane_key)
            for _ in range(6):
                await pilot.pause()
            footer = app.screen.query_one("FittingFooter")
            palette = footer.query_one(".-command-palette")
            assert palette.region.right == 80
            shown = [child for child in footer.children if child.display and child is not palette]
            assert shown and all(child.region.right <= palette.region.x for child in shown)

    asyncio.run(scenario())
