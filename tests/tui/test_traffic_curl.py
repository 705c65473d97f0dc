"""Paste a curl command into the workbench (issue 16 §3, Posting-style): Ctrl+N and the palette,
origin_playground/curl_import.py's scenario loaded (asking when dirty), options it does not model
listed in one line, the page asked for when there is no Origin header."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Input, Static, TextArea

from origin_playground.curl_import import curl_to_mapping
from tests.tui.conftest import make_draft_dirty
from tui.app import OriginPlaygroundApp
from tui.commands import ACTIONS
from tui.screens.confirm_quit import UnsavedChanges
from tui.screens.curl_dialog import CurlDialog
from tui.screens.workbench import WorkbenchScreen
from tui.state import ScenarioDraft

SIZE = (120, 40)
DEVTOOLS_CURL = (
    "curl 'https://api.shop.example/cart' \\\n"
    "  -X 'PUT' \\\n"
    "  -H 'content-type: application/json' \\\n"
    "  -H 'origin: https://shop.example' \\\n"
    "  -H 'referer: https://shop.example/basket' \\\n"
    "  -H 'sec-fetch-mode: cors' \\\n"
    "  --data-raw '{\"n\":1}'"
)


async def paste(pilot, command: str, page: str = "") -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CurlDialog)
    pilot.app.screen.query_one("#curl-text", TextArea).text = command
    pilot.app.screen.query_one("#curl-page", Input).value = page
    await pilot.press("ctrl+g")
    await pilot.pause()


def error_line(app: OriginPlaygroundApp) -> str:
    return str(app.screen.query_one("#dialog-error", Static).render())


def test_a_pasted_command_loads_as_the_scenario() -> None:
    mapping, _notes = curl_to_mapping(DEVTOOLS_CURL)

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await paste(pilot, DEVTOOLS_CURL)
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.draft.to_mapping() == ScenarioDraft.from_mapping(mapping).to_mapping()
            assert app.session.draft.page == "https://shop.example/basket"
            assert app.session.draft.request["method"] == "PUT"
            assert app.query_one("#target-url", Input).value == "https://api.shop.example/cart"

    asyncio.run(scenario())


def test_without_an_origin_the_page_field_is_asked_for() -> None:
    command = "curl https://api.example.com/items -H 'X-Token: 1'"

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await paste(pilot, command)
            assert isinstance(app.screen, CurlDialog)
            assert error_line(app).startswith("page: the command has no Origin header: give the page's URL in the page field")
            app.screen.query_one("#curl-page", Input).value = "https://app.example.com/"
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.draft.page == "https://app.example.com/"
            assert app.session.draft.request_headers == [("X-Token", "1")]

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("command", "line"),
    [
        ("curl --proto =https --tr-encoding -H 'Origin: https://a.example' https://b.example/",
         "curl: not modelled: --proto, --tr-encoding; remove them or describe the request by hand"),
        ("curl -Z https://b.example/ -H 'Origin: https://a.example'",
         "curl: not modelled: -Z; remove it or describe the request by hand"),
        ("curl 'https://b.example/", "curl: cannot split the command: No closing quotation"),
        ("curl -H 'Origin: https://a.example'", "curl: no URL in the command"),
    ],
)
def test_a_command_it_cannot_read_is_one_line(command: str, line: str) -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            before = app.session.draft.to_mapping()
            await paste(pilot, command)
            assert isinstance(app.screen, CurlDialog)
            shown = error_line(app)
            assert shown == line and "\n" not in shown
            assert app.screen.query_one("#curl-text", TextArea).text == command  # the paste is kept
            assert app.session.draft.to_mapping() == before

    asyncio.run(scenario())


def test_a_dirty_draft_asks_first() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            dirty = await make_draft_dirty(app, pilot)
            await paste(pilot, DEVTOOLS_CURL)
            assert isinstance(app.screen, UnsavedChanges)
            await pilot.press("escape")
            await pilot.pause()
            assert app.session.draft.to_mapping() == dirty

    asyncio.run(scenario())


def test_curl_notes_are_said_in_one_line() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await paste(pilot, "curl api.example.com/x -H 'Origin: https://app.example.com' -d a=1")
            assert isinstance(app.screen, WorkbenchScreen)
            [note] = [n for n in app._notifications if n.title == "From the curl command"]
            assert "curl uses http://" in note.message and "x-www-form-urlencoded" in note.message
            assert "\n" not in note.message

    asyncio.run(scenario())


def test_the_palette_lists_the_new_ways_in() -> None:
    actions = {action for _t, _h, action in ACTIONS}
    assert {"paste_curl", "open_har", "probe", "export_menu"} <= actions
