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


async def footers_fitted(pilot: Any) -> None:
    """Wait until every screen's footer shows only keys that fit (it measures them once laid out)."""
    from tui.widgets.fitting_footer import FittingFooter

    for _ in range(100):
        footers = [f for screen in pilot.app.screen_stack for f in screen.query(FittingFooter)]
        if all(footer.fitted for footer in footers):
            return
        await pilot.pause(0.02)


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """pytest-textual-snapshot's, with the footers fitted before the screenshot (else a key half under
    the palette key shows or not, by timing)."""

    def compare(app: Any, *args: Any, run_before: Callable[[Any], Any] | None = None, **kwargs: Any) -> bool:
        async def before(pilot: Any) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if asyncio.iscoroutine(result):
                    await result
            await footers_fitted(pilot)

        return snap_compare(app, *args, run_before=before, **kwargs)

    return compare


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
