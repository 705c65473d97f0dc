"""Open and Save through a real file browser (issue 14): the tree, the folder a save goes to, a bad
path kept in the dialog with its one line, atomic saves; the screenshot command's folder."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DirectoryTree, Input, Static

from origin_playground.library import list_scenarios
from tests.tui.conftest import make_draft_dirty
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import UnsavedChanges
from tui.screens.open_dialog import OpenDialog
from tui.screens.path_dialog import folder_of, shown_path
from tui.screens.save_dialog import SaveDialog
from tui.screens.workbench import WorkbenchScreen
from tui.state import load_draft
from tui.widgets.file_browser import FileBrowser

SIZE = (120, 40)


def make_app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=None)


def scenario_bytes(index: int = 1) -> bytes:
    return list_scenarios()[index].path.read_bytes()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a scenario, a JSON, a HAR, a text file, a hidden file and a subfolder."""
    (tmp_path / "good.toml").write_bytes(scenario_bytes())
    (tmp_path / "other.json").write_text("{}")
    (tmp_path / "traffic.har").write_text("{}")
    (tmp_path / "notes.txt").write_text("not a scenario")
    (tmp_path / ".hidden.toml").write_bytes(scenario_bytes())
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def tree_names(pilot, tree: DirectoryTree) -> list[str]:
    for _ in range(50):
        await pilot.pause(0.02)
        if tree.root.children:
            break
    return sorted(str(node.label) for node in tree.root.children)


def text_of(app: OriginPlaygroundApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_open_tree_lists_folders_scenario_files_and_hars_only(folder: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert isinstance(app.screen, OpenDialog)
            names = await tree_names(pilot, app.screen.query_one(FileBrowser))
            assert [n.split(" ", 1)[-1] for n in names] == ["good.toml", "other.json", "sub", "traffic.har"]
            assert text_of(app, "#dialog-folder") == f"Folder: {shown_path(folder)}"

    asyncio.run(scenario())


def test_save_tree_lists_folders_only_and_shows_where_it_saves(folder: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog)
            names = await tree_names(pilot, app.screen.query_one(FileBrowser))
            assert [n.split(" ", 1)[-1] for n in names] == ["sub"]
            assert text_of(app, "#dialog-folder") == f"Saves to: {shown_path(folder)}"
            field = app.screen.query_one("#dialog-path", Input)
            field.value = "sub/mine.toml"
            await pilot.pause()
            assert text_of(app, "#dialog-folder") == f"Saves to: {shown_path(folder / 'sub')}"
            field.value = "missing/mine.toml"
            await pilot.pause()
            assert text_of(app, "#dialog-folder").endswith("missing  (no such folder)")

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("missing/mine.toml", "No such file or directory"),
        ("mine.txt", "scenarios are saved as .toml files"),
        ("sub", "sub is a folder: add a file name."),
    ],
)
def test_bad_save_path_keeps_the_dialog_open_with_one_line(folder: Path, typed: str, problem: str) -> None:
    """Before: the dialog closed and a toast said why; the typed path was gone."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            app.screen.query_one("#dialog-path", Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SaveDialog)
            error = text_of(app, "#dialog-error")
            assert problem in error and "\n" not in error and "Traceback" not in error
            assert app.screen.query_one("#dialog-path", Input).value == typed
            assert app.session.path is None
            # Fixed in place: the same dialog saves.
            app.screen.query_one("#dialog-path", Input).value = "sub/fixed.toml"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.path == Path("sub/fixed.toml") and not app.session.dirty

    asyncio.run(scenario())
    saved = folder / "sub" / "fixed.toml"
    assert load_draft(saved).to_mapping() == load_draft(list_scenarios()[0].path).to_mapping()
    assert [p.name for p in (folder / "sub").iterdir()] == ["fixed.toml"]  # atomic: no temp file left


def test_save_picks_a_folder_in_the_tree_and_keeps_the_file_name(folder: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            tree = app.screen.query_one(FileBrowser)
            await tree_names(pilot, tree)
            tree.focus()
            await pilot.press("down", "enter")  # the root, then "sub"
            await pilot.pause()
            assert app.screen.query_one("#dialog-path", Input).value == "sub/scenario.toml"
            app.screen.query_one("#dialog-path", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)

    asyncio.run(scenario())
    assert load_draft(folder / "sub" / "scenario.toml").page


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.toml", None, "no such file"),
        ("bad.toml", 'version = 1\npage = "https://a.example"\ntarget = "https://b.example"\n[request]\nmode = "corz"\n',
         "request.mode:"),
    ],
)
def test_bad_open_path_keeps_the_dialog_open_with_one_line(folder: Path, name, content, problem) -> None:
    if content is not None:
        (folder / name).write_text(content)

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            before = app.session.draft.to_mapping()
            await pilot.press("ctrl+o")
            await pilot.pause()
            app.screen.query_one("#dialog-path", Input).value = name
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, OpenDialog)
            error = text_of(app, "#dialog-error")
            assert problem in error and "\n" not in error
            assert app.session.draft.to_mapping() == before

    asyncio.run(scenario())


def test_open_picks_a_file_in_the_tree(folder: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            tree = app.screen.query_one(FileBrowser)
            await tree_names(pilot, tree)
            tree.focus()
            await pilot.press("down", "down", "enter")  # the root, "sub" (folders first), good.toml
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            assert app.session.path == Path("good.toml")
            assert app.session.draft.to_mapping() == load_draft(folder / "good.toml").to_mapping()

    asyncio.run(scenario())


def test_open_a_folder_roots_the_tree_there_and_backspace_goes_up(folder: Path) -> None:
    (folder / "sub" / "inner.toml").write_bytes(scenario_bytes())

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            tree = app.screen.query_one(FileBrowser)
            app.screen.query_one("#dialog-path", Input).value = "sub/"
            await pilot.pause()
            assert Path(tree.path) == folder / "sub"
            assert [n.split(" ", 1)[-1] for n in await tree_names(pilot, tree)] == ["inner.toml"]
            tree.focus()
            await pilot.press("backspace")
            await pilot.pause()
            assert Path(tree.path) == folder

    asyncio.run(scenario())


def test_a_dirty_draft_still_asks_before_an_open(folder: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await make_draft_dirty(app, pilot)
            await pilot.press("ctrl+o")
            await pilot.pause()
            app.screen.query_one("#dialog-path", Input).value = "good.toml"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, UnsavedChanges)

    asyncio.run(scenario())


def test_folder_of_a_typed_path() -> None:
    assert folder_of("/tmp/x.toml") == Path("/tmp")
    assert folder_of("/tmp/") == Path("/tmp")
    assert folder_of("x.toml") == Path.cwd()
    assert folder_of("~/x.toml") == Path.home()
    assert shown_path(Path.home() / "a") == "~/a"
    # Found by the key fuzzer: "~" then letters named a user that does not exist, and expanduser raised.
    assert folder_of("~no-such-user-here/x.toml") == Path.cwd() / "~no-such-user-here"


def test_a_tilde_user_that_does_not_exist_is_one_line(folder: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            await pilot.press(*"~abc")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, OpenDialog)
            assert str(app.screen.query_one("#dialog-error", Static).render()).startswith("~abc: expected a .toml")

    asyncio.run(scenario())


# --- the screenshot command --------------------------------------------------------------------------


def test_screenshot_makes_its_folder_and_says_where(tmp_path: Path) -> None:
    """Before: Textual saved to the Downloads folder, which need not exist ("Failed to save")."""
    wanted = tmp_path / "Downloads" / "shots"

    async def scenario() -> None:
        app = make_app()
        app.screenshot_folder = wanted
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            saved = app.deliver_screenshot("shot.svg")
            await pilot.pause()
            assert saved == str(wanted / "shot.svg")
            messages = [n.message for n in app._notifications]
            assert f"Saved the screenshot to {wanted / 'shot.svg'} (made the folder {wanted})" in messages

    asyncio.run(scenario())
    assert (wanted / "shot.svg").read_text("utf-8").startswith("<svg")


def test_screenshot_falls_back_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would go")
    monkeypatch.chdir(tmp_path)

    async def scenario() -> None:
        app = make_app()
        app.screenshot_folder = blocker / "shots"
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            app.deliver_screenshot("shot.svg")
            await pilot.pause()
            [message] = [n.message for n in app._notifications if n.title == "Screenshot"]
            assert message.startswith(f"Saved the screenshot to {tmp_path / 'shot.svg'} (the current folder:")

    asyncio.run(scenario())
    assert (tmp_path / "shot.svg").exists()


def test_the_palettes_screenshot_command_uses_the_same_folder(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app()
        app.screenshot_folder = tmp_path
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            [command] = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
            command.callback()
            await pilot.pause(0.3)

    asyncio.run(scenario())
    assert len(list(tmp_path.glob("*.svg"))) == 1
