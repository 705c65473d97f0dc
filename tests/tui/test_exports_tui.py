"""Copying from the TUI through origin_playground.exports: every format, through the palette's
commands, parsed back where it is machine-readable; no system clipboard is said plainly."""

from __future__ import annotations

import asyncio
import json
import shlex
import tomllib

import pytest

import policy_core
from origin_playground.exports import EXPORT_FORMATS
from origin_playground.library import find_scenario
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.clipboard import NO_SYSTEM_CLIPBOARD
from tui.commands import EXPORT_COMMANDS, WorkbenchCommands


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


def test_export_menu_binding_opens_the_copy_list() -> None:
    async def scenario() -> None:
        app = make_app(RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+r")
            await pilot.pause()
            from textual.command import CommandPalette

            assert isinstance(app.screen, CommandPalette)

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
