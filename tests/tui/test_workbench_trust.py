"""Issue 14 and 15 in the workbench, each as a named before/after regression test (Pilot)."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.widgets import Input

from tui.app import OriginPlaygroundApp

from tests.tui.conftest import RecordingClipboard

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
