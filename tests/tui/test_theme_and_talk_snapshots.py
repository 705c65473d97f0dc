"""SVG snapshots: talk mode once, and each theme once on the workbench.
Regenerate only after reading the diff: ``pytest tests/tui/test_theme_and_talk_snapshots.py --snapshot-update``.
Cursor blink is off (conftest) and TEXTUAL_ANIMATIONS=none."""

from __future__ import annotations

import pytest

from origin_playground.deck import shipped_decks
from origin_playground.library import find_scenario
from themes import THEMES
from tui.app import OriginPlaygroundApp


def test_talk_mode_slide_with_trace_and_notes(snap_compare) -> None:
    async def present(pilot) -> None:
        await pilot.pause()
        await pilot.press("pagedown", "right", "right", "n")
        await pilot.pause()

    app = OriginPlaygroundApp(system_copy=None, talk_path=shipped_decks()[0])
    assert snap_compare(app, terminal_size=(120, 40), run_before=present)


@pytest.mark.parametrize("theme", [theme.name for theme in THEMES])
def test_workbench_theme(snap_compare, theme: str) -> None:
    entry = find_scenario("bank-and-bad-site")
    assert entry is not None
    app = OriginPlaygroundApp(scenario_path=entry.path, theme=theme, system_copy=None)
    assert snap_compare(app, terminal_size=(120, 40))
