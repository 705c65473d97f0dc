"""Shared helpers for the workbench tests: deterministic rendering, a recording clipboard."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.widgets import Input

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    # A blinking cursor makes screenshots nondeterministic (Harlequin's approach).
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)


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
