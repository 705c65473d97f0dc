"""Exports from the TUI through origin_playground.exports: every format, through the palette's
copy commands (parsed back where machine-readable) and through the preview (Ctrl+R: read-only
text, Copy, Save to file); whether the system clipboard or only OSC 52 got it is said plainly."""

from __future__ import annotations

import asyncio
import json
import shlex
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea

import policy_core
from origin_playground.exports import EXPORT_FORMATS, describe, export
from origin_playground.library import find_scenario
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.clipboard import NO_SYSTEM_CLIPBOARD, copied_message
from tui.commands import EXPORT_COMMANDS, WorkbenchCommands
from tui.screens.export_preview import ORDER, ExportPreview, ExportSaveDialog


def make_app(clipboard: RecordingClipboard, slug: str = "json-post-preflight") -> OriginPlaygroundApp:
    entry = find_scenario(slug)
    assert entry is not None
    return OriginPlaygroundApp(scenario_path=entry.path, system_copy=clipboard)


def test_every_export_format_has_a_command() -> None:
    assert sorted(fmt for _t, _h, fmt in EXPORT_COMMANDS) == sorted(EXPORT_FORMATS)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_palette_command_copies_the_export(fmt: str) -> None:
    clipboard = RecordingClipboard()

    async def scenario() -> None:
        app = make_app(clipboard)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            title = next(t for t, _h, f in EXPORT_COMMANDS if f == fmt)
            [callback] = [cb for t, _h, cb in WorkbenchCommands(app.screen)._commands() if t == title]
            callback()
            await pilot.pause()
            assert len(clipboard.copied) == 1
            assert app.clipboard == clipboard.copied[0]  # OSC 52 got the same text

    asyncio.run(scenario())
    text = clipboard.copied[0]
    if fmt == "toml":
        scenario_back = policy_core.load_scenario(tomllib.loads(text))
        assert scenario_back.request.method == "POST"
    elif fmt == "json":
        assert json.loads(text)["verdicts"]["fetch"]["preflight"] is True
    elif fmt == "curl":
        commands = [shlex.split(line) for line in text.splitlines() if line.startswith("curl")]
        assert len(commands) == 2  # the preflight, then the actual request
        assert "OPTIONS" in commands[0] and "POST" in commands[1]
        assert "Origin: https://app.example.com" in commands[1]
    elif fmt == "markdown":
        assert "| fetch | ✔ allowed |" in text
    else:  # server configuration: allows exactly the page's origin, never *
        assert "https://app.example.com" in text


def test_export_menu_binding_opens_the_preview() -> None:
    """Before: Ctrl+R opened a list that copied blind; now it previews the chosen format."""

    async def scenario() -> None:
        app = make_app(RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert isinstance(app.screen, ExportPreview)

    asyncio.run(scenario())


def expected(fmt: str, slug: str = "json-post-preflight") -> str:
    entry = find_scenario(slug)
    assert entry is not None
    scenario = policy_core.load_scenario(entry.path)
    return export(fmt, scenario, policy_core.evaluate(scenario))


def test_preview_shows_every_format_read_only() -> None:
    async def scenario() -> None:
        app = make_app(RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+r")
            await pilot.pause()
            preview = app.screen
            assert isinstance(preview, ExportPreview)
            area = preview.query_one("#export-text", TextArea)
            assert area.read_only
            shown = []
            for position, fmt in enumerate(ORDER):
                preview.query_one("#export-formats", OptionList).highlighted = position
                await pilot.pause()
                assert area.text == expected(fmt), fmt
                title = str(preview.query_one("#export-title", Label).render())
                assert title == f"Export: {describe(fmt)}"
                shown.append(fmt)
            assert sorted(shown) == sorted(EXPORT_FORMATS)
            area.focus()
            await pilot.press("x", "backspace")  # read-only: typing changes nothing
            assert area.text == expected(ORDER[-1])

    asyncio.run(scenario())


def test_preview_copy_says_the_system_clipboard_got_it() -> None:
    clipboard = RecordingClipboard()

    async def scenario() -> None:
        app = make_app(clipboard)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            app.action_export_menu("curl")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            assert clipboard.copied == [expected("curl")] and app.clipboard == expected("curl")
            [note] = [n for n in app._notifications if n.title == "Copied the curl"]
            assert note.message == copied_message("system")
            assert "system clipboard" in note.message and "OSC 52" in note.message

    asyncio.run(scenario())


def test_preview_copy_without_a_system_clipboard_says_only_the_terminal_got_it() -> None:
    async def scenario() -> None:
        app = make_app(RecordingClipboard(fail=True))
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            app.action_export_menu("nginx")
            await pilot.pause()
            app.screen.query_one("#export-copy", Button).press()
            await pilot.pause()
            assert app.clipboard == expected("nginx")
            [note] = [n for n in app._notifications if n.title == "Copied the nginx"]
            assert note.message == NO_SYSTEM_CLIPBOARD and note.severity == "warning"

    asyncio.run(scenario())


def test_preview_saves_the_shown_text_to_a_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)

    async def scenario() -> None:
        app = make_app(RecordingClipboard())
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            app.action_export_menu("django")
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, ExportSaveDialog)
            field = app.screen.query_one("#dialog-path", Input)
            assert field.value == "cors_django_settings.py"
            field.value = "nowhere/settings.py"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportSaveDialog)  # a bad folder keeps the dialog, with the line
            assert "No such file or directory" in str(app.screen.query_one("#dialog-error", Static).render())
            field.value = "settings.py"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportPreview)  # back to the preview
            assert any(n.message == f"Saved the Django export to {Path('settings.py')}" for n in app._notifications)

    asyncio.run(scenario())
    assert (tmp_path / "settings.py").read_text("utf-8") == expected("django")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.py"]  # atomic: no temp file left


def test_preview_of_an_invalid_draft_says_why_and_cannot_copy() -> None:
    clipboard = RecordingClipboard()

    async def scenario() -> None:
        app = make_app(clipboard)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.session.draft.target = "not a url"
            app.action_export_menu("express")
            await pilot.pause()
            problem = str(app.screen.query_one("#export-problem", Static).render())
            assert problem.startswith("Cannot export Express: target:")
            assert app.screen.query_one("#export-copy", Button).disabled
            await pilot.press("c", "s")
            await pilot.pause()
            assert clipboard.copied == [] and isinstance(app.screen, ExportPreview)

    asyncio.run(scenario())


def test_no_system_clipboard_is_said_plainly() -> None:
    async def scenario() -> None:
        app = make_app(RecordingClipboard(fail=True))
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            assert app.copy_export("markdown") is True  # OSC 52 still took it
            await pilot.pause()
            assert app.clipboard.startswith("## A JSON POST triggers a preflight")
            assert any(n.message == NO_SYSTEM_CLIPBOARD for n in app._notifications)

    asyncio.run(scenario())


def test_invalid_draft_cannot_be_exported_and_says_why() -> None:
    clipboard = RecordingClipboard()

    async def scenario() -> None:
        app = make_app(clipboard)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            app.session.draft.target = "not a url"
            assert app.copy_export("nginx") is False
            assert clipboard.copied == []
            await pilot.pause()
            assert any(n.title == "Cannot export nginx" and "target" in n.message for n in app._notifications)

    asyncio.run(scenario())
