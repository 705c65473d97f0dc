"""Open HAR in the TUI (issue 16 §1): the rows origin_playground/har.py reports, the reason of each,
an entry opened in the workbench as its scenario (asking first when the draft is dirty), secrets
never on screen, a bad file kept in the dialog with one line."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from origin_playground.har import read_har
from tests.tui.conftest import make_draft_dirty
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import UnsavedChanges
from tui.screens.har_screen import HarDialog, HarScreen
from tui.screens.open_dialog import OpenDialog
from tui.screens.workbench import WorkbenchScreen
from tui.state import ScenarioDraft

FIXTURES = Path(__file__).resolve().parents[1] / "traffic" / "fixtures"
DEVTOOLS = FIXTURES / "chrome-devtools.har"
HARS = sorted(FIXTURES.glob("*.har"))
SIZE = (120, 40)


async def open_har(pilot, path: Path, key: str = "ctrl+o") -> None:
    await pilot.press(key)
    await pilot.pause()
    pilot.app.screen.query_one("#dialog-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


def table_rows(screen: HarScreen) -> list[list[str]]:
    table = screen.query_one("#har-rows", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def screen_text(app: OriginPlaygroundApp) -> str:
    return app.export_screenshot()


@pytest.mark.parametrize("path", HARS, ids=lambda p: p.stem)
def test_rows_are_what_the_reader_reports(path: Path) -> None:
    expected = [row for row in read_har(path).rows if row.status != "same-origin"]

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await open_har(pilot, path)
            assert isinstance(app.screen, HarScreen)
            rows = table_rows(app.screen)
            assert [r[0] for r in rows] == [str(row.index) for row in expected]
            for shown, row in zip(rows, expected, strict=True):
                assert shown[1:3] == [row.method, row.kind]
                assert shown[3].endswith(row.verdict_word if row.allowed is not None else "—")
                assert shown[4] == row.status and shown[5] == row.url
            # Secrets: the reader redacts; nothing on screen shows a cookie or token value.
            for position in range(len(rows)):
                app.screen.query_one("#har-rows", DataTable).move_cursor(row=position)
                await pilot.pause()
                assert "SECRET-VALUE" not in screen_text(app)

    asyncio.run(scenario())


def test_summary_counts_and_same_origin_rows_on_request() -> None:
    result = read_har(DEVTOOLS)
    same = [row for row in result.rows if row.status == "same-origin"]
    assert same, "the fixture has a same-origin request"

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await open_har(pilot, DEVTOOLS)
            title = str(app.screen.query_one(".dialog-title").render())
            assert title.startswith(f"HAR chrome-devtools.har: {result.entries} entries:")
            assert f"{len(same)} same-origin" in title and "(2 blocked)" in title
            before = len(table_rows(app.screen))
            await pilot.press("a")
            await pilot.pause()
            assert len(table_rows(app.screen)) == before + len(same)

    asyncio.run(scenario())


def test_detail_gives_the_reason_and_the_fix() -> None:
    rows = {row.index: row for row in read_har(DEVTOOLS).rows}

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await open_har(pilot, DEVTOOLS)
            table = app.screen.query_one("#har-rows", DataTable)
            shown = [int(r[0]) for r in table_rows(app.screen)]
            table.move_cursor(row=shown.index(7))  # the tracker pixel: no answer recorded
            await pilot.pause()
            detail = str(app.screen.query_one("#har-detail", Static).render())
            assert f"why incomplete: {rows[7].reason}" in " ".join(detail.split("\n"))
            table.move_cursor(row=shown.index(3))  # blocked: Chrome's line and the fix
            await pilot.pause()
            detail = str(app.screen.query_one("#har-detail", Static).render())
            assert "chrome: Access to fetch at 'https://api.shop.example/stock'" in detail
            assert "fix: Answer GET https://api.shop.example/stock" in detail

    asyncio.run(scenario())


def test_an_entry_opens_in_the_workbench_as_its_scenario() -> None:
    row = next(r for r in read_har(DEVTOOLS).rows if r.index == 2)  # the blocked POST with its preflight

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await open_har(pilot, DEVTOOLS)
            shown = [int(r[0]) for r in table_rows(app.screen)]
            app.screen.query_one("#har-rows", DataTable).move_cursor(row=shown.index(2))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.draft.to_mapping() == ScenarioDraft.from_mapping(row.mapping).to_mapping()
            assert app.session.title.startswith("chrome-devtools.har entry #2")
            assert app.session.report is not None
            fetch = app.session.report.verdict("fetch")
            assert fetch is not None and not fetch.capability("read")  # blocked, as the CLI says

    asyncio.run(scenario())


def test_opening_an_entry_over_a_dirty_draft_asks() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            dirty = await make_draft_dirty(app, pilot)
            await open_har(pilot, DEVTOOLS)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, UnsavedChanges)
            await pilot.press("escape")
            await pilot.pause()
            assert app.session.draft.to_mapping() == dirty and app.session.dirty

    asyncio.run(scenario())


def test_an_entry_without_a_scenario_says_why() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            before = app.session.draft.to_mapping()
            await open_har(pilot, DEVTOOLS)
            shown = [int(r[0]) for r in table_rows(app.screen)]
            app.screen.query_one("#har-rows", DataTable).move_cursor(row=shown.index(8))  # no URL at all
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, HarScreen)
            detail = str(app.screen.query_one("#har-detail", Static).render())
            assert detail.startswith("Entry #8 has no scenario: not a usable HAR entry")
            assert app.session.draft.to_mapping() == before

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "is an empty file, not a HAR file"),
        ("{not json", "is not valid JSON"),
        (json.dumps({"log": {"version": "9.9", "entries": []}}), "9.9"),
    ],
)
def test_a_bad_har_stays_in_the_dialog_with_one_line(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "bad.har"
    bad.write_text(content)

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.run_action("open_har")
            await pilot.pause()
            assert isinstance(app.screen, HarDialog)
            app.screen.query_one("#dialog-path", Input).value = str(bad)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HarDialog)
            error = str(app.screen.query_one("#dialog-error", Static).render())
            assert problem in error and "\n" not in error and "Traceback" not in error

    asyncio.run(scenario())


def test_open_dialog_takes_a_har_too() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert isinstance(app.screen, OpenDialog)
            app.screen.query_one("#dialog-path", Input).value = str(DEVTOOLS)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HarScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)

    asyncio.run(scenario())
