"""The explain paste box: recognise on every change, say "not recognised" plus what is known, and
load the rebuilt scenario into the workbench."""

from __future__ import annotations

import asyncio

from textual.widgets import Button, Static, TextArea

from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.explain import ExplainScreen

# Chrome's wording, browser-rules.md § 2.1 (method not in Access-Control-Allow-Methods).
CHROME_METHOD = (
    "Access to fetch at 'https://api.example.com/v1/items' from origin 'https://app.example.com' has been "
    "blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
)


def result(app: OriginPlaygroundApp) -> str:
    return str(app.screen.query_one("#explain-result", Static).render())


def test_paste_recognise_and_load_into_workbench() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f9")
            screen = app.screen
            assert isinstance(screen, ExplainScreen)
            assert "These messages are known" in result(app)
            assert screen.query_one("#explain-load-button", Button).disabled
            paste = screen.query_one("#explain-paste", TextArea)
            paste.text = "TypeError: Failed to fetch"
            await pilot.pause()
            assert result(app).startswith("✘ Not recognised.")
            assert "method-not-allowed" in result(app)  # the list of what is known
            paste.text = "(index):1 " + CHROME_METHOD + "\nnet::ERR_FAILED"
            await pilot.pause()
            shown = result(app)
            assert "✔ Recognised: chrome · method-not-allowed" in shown
            assert "page origin: https://app.example.com" in shown and "quoted: PUT" in shown
            assert "✘ blocked" in shown and "Fix:" in shown and "Access-Control-Allow-Methods" in shown
            assert not screen.query_one("#explain-load-button", Button).disabled
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert not isinstance(app.screen, ExplainScreen)
            assert app.session.draft.request["method"] == "PUT"
            assert app.session.draft.target == "https://api.example.com/v1/items"
            assert app.session.report is not None and app.session.report.verdict("fetch").outcome != "allowed"
            assert app.session.source_name == "Explained: method-not-allowed"

    asyncio.run(scenario())


def test_markup_in_a_paste_is_shown_literally() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f9")
            paste = app.screen.query_one("#explain-paste", TextArea)
            paste.text = (
                "Access to fetch at 'https://api.example.com/v1/items' from origin 'https://app.example.com' "
                "has been blocked by CORS policy: Request header field [bold]x-token[/] is not allowed by "
                "Access-Control-Allow-Headers in preflight response."
            )
            await pilot.pause()
            assert "quoted: [bold]x-token[/]" in result(app)  # shown as typed, never interpreted

    asyncio.run(scenario())


# Two messages of one paste (Chrome's mixed content line, then its CORS line) and Chrome's fetch line.
TWO_MESSAGES = (
    "index.js:12 Mixed Content: The page at 'https://app.example.com/settings' was loaded over HTTPS, but "
    "requested an insecure XMLHttpRequest endpoint 'http://api.example.com/v1/items'. This request has been "
    "blocked; the content must be served over HTTPS.\n" + CHROME_METHOD + "\nPUT https://api.example.com/v1/items "
    "net::ERR_FAILED"
)


def test_every_message_of_a_paste_is_listed_and_the_first_loads() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f9")
            app.screen.query_one("#explain-paste", TextArea).text = TWO_MESSAGES
            await pilot.pause()
            shown = result(app)
            assert shown.startswith("2 messages in this paste, the most specific first.")
            assert "── message 1 of 2 ──" in shown and "── message 2 of 2 ──" in shown
            assert shown.index("chrome · mixed-content") < shown.index("chrome · method-not-allowed")
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert app.session.source_name == "Explained: mixed-content"
            assert app.session.draft.target == "http://api.example.com/v1/items"

    asyncio.run(scenario())


async def _paste_two(pilot) -> None:
    await pilot.press("f9")
    paste = pilot.app.screen.query_one("#explain-paste", TextArea)
    paste.cursor_blink = False  # a blinking cursor would make the frame depend on the moment
    paste.text = TWO_MESSAGES
    paste.move_cursor((0, 0))
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.2)


def test_two_messages_120x40(snap_compare) -> None:
    assert snap_compare(OriginPlaygroundApp(system_copy=None), terminal_size=(120, 40), run_before=_paste_two)


def test_two_messages_80x24(snap_compare) -> None:
    assert snap_compare(OriginPlaygroundApp(system_copy=None), terminal_size=(80, 24), run_before=_paste_two)
