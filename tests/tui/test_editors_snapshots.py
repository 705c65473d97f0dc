"""SVG snapshots of what issue 14 changed in the editors and talk mode, at 80x24 and 120x40:
the live talk editor (headers one line each), the stage-edits question, the Cookie pane with no
cookie (its hint) and with a typed line (the fields show it).
Regenerate only after reading the diff: ``pytest tests/tui/test_editors_snapshots.py --snapshot-update``."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from origin_playground.deck import load_deck, shipped_decks
from tui import messages
from tui.app import OriginPlaygroundApp

SIZES = [(80, 24), (120, 40)]
DECK = shipped_decks()[0]
FIX_SLIDE = next(i for i, s in enumerate(load_deck(DECK).slides) if s.title.startswith("The fix: echo the origin"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_talk_live_editor(snap_compare, size) -> None:
    async def edit(pilot) -> None:
        await pilot.pause()
        for _ in range(FIX_SLIDE):
            await pilot.press("pagedown")
        await pilot.press("e")
        await pilot.pause()

    app = OriginPlaygroundApp(system_copy=None, talk_path=DECK)
    assert snap_compare(app, terminal_size=size, run_before=edit)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_stage_edits_question(snap_compare, size) -> None:
    async def ask(pilot) -> None:
        await pilot.pause()
        await pilot.press("pagedown", "e")
        await pilot.pause()
        editor = pilot.app.screen.query_one("#talk-editor", TextArea)
        editor.text = editor.text.replace('target = "https://example.com/"', 'target = "https://www.example.com/"')
        await pilot.pause()
        await pilot.press("escape")
        pilot.app.post_message(messages.OpenDeck(DECK))
        await pilot.pause()

    app = OriginPlaygroundApp(system_copy=None, talk_path=DECK)
    assert snap_compare(app, terminal_size=size, run_before=ask)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("line", ["", "a=1; Secure; SameSite=None; Max-Age=60"], ids=["no-cookie", "typed-line"])
def test_cookie_pane(snap_compare, size, line: str) -> None:
    async def cookie(pilot) -> None:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        await pilot.pause()
        if line:
            pilot.app.screen.query_one("#cookie-line", Input).value = line
            await pilot.pause()
        pilot.app.screen.query_one("#cookie-enabled").focus()
        await pilot.pause()

    app = OriginPlaygroundApp(system_copy=None)
    assert snap_compare(app, terminal_size=size, run_before=cookie)
