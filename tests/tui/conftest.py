"""Shared helpers for the workbench tests: deterministic rendering, a recording clipboard."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.widgets import Input, TextArea

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    # A blinking cursor makes screenshots nondeterministic (Harlequin's approach).
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda _self: None)  # the talk editor's, too


class RecordingClipboard:
    def __init__(self, fail: bool = False) -> None:
        self.copied: list[str] = []
        self.fail = fail

    def __call__(self, text: str) -> None:
        if self.fail:
            raise RuntimeError("no clipboard")
        self.copied.append(text)


def run(test: Callable[[], Awaitable[Any]]) -> Any:
    return asyncio.run(test())


async def make_draft_dirty(app: Any, pilot: Any) -> dict[str, Any]:
    """An unsaved edit (the target URL changed), for the tests of what asks before replacing it;
    returns the dirty draft as a mapping, to check that nothing replaced it."""
    app.query_one("#target-url", Input).value = "https://changed.example/"
    await pilot.pause()
    assert app.session.dirty
    return app.session.draft.to_mapping()
