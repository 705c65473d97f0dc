"""Pastes in the Request and Response panes (issue 14): headers become rows, never field text.

A paste is delivered as the terminal driver delivers it: an ``events.Paste`` posted to the App,
which forwards it to the focused widget.
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.widgets import Input, Label, Select

from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.state import read_paste
from tui.widgets.headers_editor import PASTE_HINTS

SIZE = (120, 40)
RAW_RESPONSE = "HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: https://www.a.com\nVary: Origin\n"


def make_app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard())


async def paste(pilot, widget_id: str, text: str) -> None:
    widget = pilot.app.screen.query_one(widget_id)
    widget.focus()
    await pilot.pause()
    assert pilot.app.focused is widget
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


# --- the reader ------------------------------------------------------------------------------------


def test_read_paste_curl_i_output_keeps_status_order_and_duplicates() -> None:
    pasted = read_paste(RAW_RESPONSE + "Vary: Origin")
    assert pasted.status == 204
    assert pasted.headers == [
        ("Access-Control-Allow-Origin", "https://www.a.com"),
        ("Vary", "Origin"),
        ("Vary", "Origin"),
    ]
    assert pasted.skipped == ()


def test_read_paste_devtools_two_line_form_with_a_date_and_a_url_value() -> None:
    # Chrome's Headers pane copies as a name line then a value line; values hold colons.
    text = "access-control-allow-origin\nhttps://www.a.com\ndate\nTue, 01 Dec 2026 22:00:00 GMT\nvary\nOrigin"
    pasted = read_paste(text)
    assert pasted.status is None
    assert pasted.headers == [
        ("access-control-allow-origin", "https://www.a.com"),
        ("date", "Tue, 01 Dec 2026 22:00:00 GMT"),
        ("vary", "Origin"),
    ]


def test_read_paste_http2_pseudo_headers() -> None:
    response = read_paste(":status\n204\naccess-control-allow-origin\n*")
    assert (response.status, response.headers) == (204, [("access-control-allow-origin", "*")])
    request = read_paste(
        ":authority\napi.example.net\n:method\nPUT\n:path\n/items\n:scheme\nhttps\naccept\n*/*", "request"
    )
    assert (request.method, request.headers, request.skipped) == ("PUT", [("accept", "*/*")], ())


def test_read_paste_curl_v_takes_the_side_asked_for() -> None:
    text = (
        "* Connected to api.example.net\n> POST /items HTTP/1.1\n> Content-Type: application/json\n>\n"
        "< HTTP/1.1 201 Created\n< Access-Control-Allow-Origin: *\n<"
    )
    request = read_paste(text, "request")
    assert (request.method, request.status, request.headers) == (
        "POST",
        None,
        [("Content-Type", "application/json")],
    )
    response = read_paste(text, "response")
    assert (response.method, response.status, response.headers) == (
        None,
        201,
        [("Access-Control-Allow-Origin", "*")],
    )


def test_read_paste_name_value_lines_are_never_read_as_two_line_pairs() -> None:
    pasted = read_paste("Vary: Origin\nX-Trace: 1")
    assert pasted.headers == [("Vary", "Origin"), ("X-Trace", "1")]


def test_read_paste_reports_what_it_skipped() -> None:
    pasted = read_paste("Provisional headers are shown. Learn more\nOrigin: https://a.com", "request")
    assert pasted.headers == [("Origin", "https://a.com")]
    assert pasted.skipped == ("Provisional headers are shown. Learn more",)


# --- issue 14: the paste that doubled a header ------------------------------------------------------


@pytest.mark.parametrize("text", [RAW_RESPONSE, "Access-Control-Allow-Origin: https://www.a.com"])
def test_paste_into_name_field_leaves_it_empty_and_enter_adds_nothing(text: str) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f5")
            await pilot.pause()
            await paste(pilot, "#preflight-headers-name", text)
            name = app.screen.query_one("#preflight-headers-name", Input)
            assert name.value == ""  # before the fix: the first line stayed in the field
            expected = read_paste(text).headers
            assert app.session.draft.preflight.headers == expected
            await pilot.press("enter", "enter")  # name, then value: nothing to add
            await pilot.pause()
            assert app.session.draft.preflight.headers == expected
            assert name.value == ""

    asyncio.run(scenario())


def test_ctrl_v_of_header_lines_from_the_apps_clipboard_adds_rows_not_text() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f5")
            await pilot.pause()
            name = app.screen.query_one("#response-headers-name", Input)
            name.focus()
            app.copy_to_clipboard("Vary: Origin\nX-Trace: 1")
            await pilot.press("ctrl+v")
            await pilot.pause()
            assert name.value == ""
            assert app.session.draft.response.headers == [("Vary", "Origin"), ("X-Trace", "1")]
            app.copy_to_clipboard("X-Custom\nsecond line")
            await pilot.press("ctrl+v")  # a name and a value: two-line form, a row again
            await pilot.pause()
            assert app.session.draft.response.headers[-1] == ("X-Custom", "second line")
            app.copy_to_clipboard("X-Plain")
            await pilot.press("ctrl+v")  # one word: text in the field, as typed
            await pilot.pause()
            assert name.value == "X-Plain"

    asyncio.run(scenario())


# --- anywhere in the pane ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "widget_id",
    ["#response-status", "#response-headers-value", "#response-headers-add", "#response-headers-quick"],
)
def test_raw_response_pasted_anywhere_in_a_response_section(widget_id: str) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f5")
            await pilot.pause()
            await paste(pilot, widget_id, RAW_RESPONSE)
            assert app.session.draft.response.status == 204
            assert app.screen.query_one("#response-status", Input).value == "204"
            assert app.session.draft.response.headers == [
                ("Access-Control-Allow-Origin", "https://www.a.com"),
                ("Vary", "Origin"),
            ]
            assert app.session.draft.preflight.headers == []  # the other section is untouched
            assert app.screen.query_one("#response-headers-name", Input).value == ""
            assert app.session.report.verdict("fetch").capability("read")

    asyncio.run(scenario())


def test_pasted_status_field_takes_digits_as_typed() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f5")
            await pilot.pause()
            status = app.screen.query_one("#response-status", Input)
            status.value = ""
            await paste(pilot, "#response-status", "404")
            assert status.value == "404"
            assert app.session.draft.response.status == 404

    asyncio.run(scenario())


@pytest.mark.parametrize("widget_id", ["#request-method", "#request-mode", "#request-headers-name"])
def test_raw_request_pasted_anywhere_in_the_request_pane(widget_id: str) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()
            await paste(pilot, widget_id, "POST /items HTTP/1.1\nContent-Type: application/json\nX-Trace: 1")
            assert app.session.draft.request["method"] == "POST"
            assert app.screen.query_one("#request-method", Input).value == "POST"
            assert app.session.draft.request_headers == [("Content-Type", "application/json"), ("X-Trace", "1")]
            assert app.session.report.verdict("fetch").fetch.preflight  # the JSON POST is preflighted

    asyncio.run(scenario())


def test_response_pasted_in_the_request_pane_changes_nothing_and_says_where() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()
            before = app.session.draft.to_mapping()
            await paste(pilot, "#request-headers-name", RAW_RESPONSE)
            assert app.session.draft.to_mapping() == before
            assert not app.session.dirty
            assert any("paste it in the Response tab" in n.message for n in app._notifications)

    asyncio.run(scenario())


def test_the_pane_says_pastes_work_and_the_hint_fits_at_120_columns() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for key, editor in (("f4", "#request-headers"), ("f5", "#response-headers")):
                await pilot.press(key)
                await pilot.pause()
                hint = app.screen.query_one(f"{editor} .headers-hint", Label)
                assert str(hint.render()) in PASTE_HINTS.values()
                assert hint.region.width >= len(str(hint.render()))  # not cut
                name = app.screen.query_one(f"{editor}-name", Input)
                assert name.region.width >= len(name.placeholder) + 1  # the placeholder is whole
            assert app.screen.query_one("#request-mode", Select)

    asyncio.run(scenario())


# --- issue 14: a paste on the tab bar was lost ---------------------------------------------------------


@pytest.mark.parametrize(
    "key, text",
    [("f5", RAW_RESPONSE), ("f4", "POST /items HTTP/1.1\nContent-Type: application/json\nX-Trace: 1")],
)
def test_paste_with_the_tab_bar_focused_reaches_the_headers(key: str, text: str) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            await paste(pilot, "#editors ContentTabs", text)  # before the fix: nothing changed
            if key == "f5":
                assert app.session.draft.response.status == 204
                assert app.session.draft.response.headers == [
                    ("Access-Control-Allow-Origin", "https://www.a.com"),
                    ("Vary", "Origin"),
                ]
                assert app.session.draft.preflight.headers == []
            else:
                assert app.session.draft.request["method"] == "POST"
                assert app.session.draft.request_headers == [("Content-Type", "application/json"), ("X-Trace", "1")]

    asyncio.run(scenario())
