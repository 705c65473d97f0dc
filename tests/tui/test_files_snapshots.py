"""SVG snapshots of the files-and-traffic screens at 80x24 and 120x40: Open, Save, the export
preview, the HAR list, the probe plan, the curl paste. Regenerate only after reading the diff:
``pytest tests/tui/test_files_snapshots.py --snapshot-update``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from origin_playground.library import find_scenario, list_scenarios
from tui.app import OriginPlaygroundApp
from tui.screens import path_dialog
from tui.state import DEFAULT_REQUEST, ScenarioDraft
from tui.widgets.file_browser import FileBrowser

SIZES = [(80, 24), (120, 40)]
# The dialogs show the folder's absolute path, which must be the same on every machine: the files
# live in a folder of this name inside each test's own tmp_path (two runs never share it), and the
# dialog shows that folder as this fixed path.
SHOWN_FOLDER = Path("/tmp/origin-playground-snapshot-files")
DEVTOOLS_HAR = Path(__file__).resolve().parents[1] / "traffic" / "fixtures" / "chrome-devtools.har"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / SHOWN_FOLDER.name
    (folder / "decks").mkdir(parents=True)
    (folder / "scenarios").mkdir()
    for entry in list_scenarios()[:3]:
        shutil.copy(entry.path, folder / entry.path.name)
    (folder / "session.har").write_bytes(DEVTOOLS_HAR.read_bytes())
    (folder / "README.txt").write_text("not listed")
    monkeypatch.chdir(folder)
    real_shown_path = path_dialog.shown_path

    def shown_path(path: Path) -> str:
        """The dialog's own rule, given the path as if the folder were SHOWN_FOLDER."""
        if path.is_relative_to(folder):  # the dialog hands it an absolute path
            path = SHOWN_FOLDER / path.relative_to(folder)
        return real_shown_path(path)

    monkeypatch.setattr(path_dialog, "shown_path", shown_path)
    return folder


def _unsaved_app() -> OriginPlaygroundApp:
    """The first library scenario, not from a file: the dialogs start in the working folder."""
    return OriginPlaygroundApp(system_copy=None)


def _app(slug: str = "json-post-preflight") -> OriginPlaygroundApp:
    entry = find_scenario(slug)
    assert entry is not None
    return OriginPlaygroundApp(scenario_path=entry.path, system_copy=None)


async def _tree_loaded(pilot) -> None:
    tree = pilot.app.screen.query_one(FileBrowser)
    for _ in range(100):
        await pilot.pause(0.02)
        if tree.root.children:
            break
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_open_dialog(snap_compare, folder, size) -> None:
    async def open_it(pilot) -> None:
        await pilot.press("ctrl+o")
        await _tree_loaded(pilot)
        pilot.app.screen.query_one("#dialog-path", Input).value = "missing.toml"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(_unsaved_app(), terminal_size=size, run_before=open_it)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_save_dialog(snap_compare, folder, size) -> None:
    async def save_it(pilot) -> None:
        await pilot.press("ctrl+s")
        await _tree_loaded(pilot)
        pilot.app.screen.query_one("#dialog-path", Input).value = "scenarios/mine.toml"
        await pilot.pause()

    assert snap_compare(_unsaved_app(), terminal_size=size, run_before=save_it)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_preview(snap_compare, size) -> None:
    async def preview(pilot) -> None:
        pilot.app.action_export_menu("nginx")
        await pilot.pause()
        pilot.app.screen.query_one("#export-text", TextArea).scroll_home(animate=False)
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=preview)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_har_screen(snap_compare, folder, size) -> None:
    async def har(pilot) -> None:
        await pilot.press("ctrl+o")
        await pilot.pause()
        pilot.app.screen.query_one("#dialog-path", Input).value = "session.har"
        await pilot.press("enter")
        await pilot.pause()
        table = pilot.app.screen.query_one("#har-rows", DataTable)
        table.move_cursor(row=1)  # the blocked GET
        detail = pilot.app.screen.query_one("#har-detail")
        first = pilot.app.screen.rows[1].index
        for _ in range(100):  # the detail follows the cursor once the highlight is handled
            await pilot.pause(0.02)
            if str(detail.render()).startswith(f"#{first} "):
                break
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=har)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_probe_plan(snap_compare, size) -> None:
    app = _app()
    app.session.replace(
        ScenarioDraft(
            page="https://app.example.com/",
            target="https://api.example.com/items",
            resources=["fetch"],
            request={**DEFAULT_REQUEST, "method": "PUT"},
            request_headers=[("Content-Type", "application/json")],
        ),
        "probe",
        None,
    )

    async def probe(pilot) -> None:
        await pilot.app.run_action("probe")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=probe)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_curl_dialog(snap_compare, size) -> None:
    async def paste(pilot) -> None:
        await pilot.press("ctrl+n")
        await pilot.pause()
        pilot.app.screen.query_one("#curl-text", TextArea).text = (
            "curl 'https://api.example.com/items' -X PUT --proto =https -H 'Origin: https://app.example.com'"
        )
        await pilot.press("ctrl+g")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=paste)
