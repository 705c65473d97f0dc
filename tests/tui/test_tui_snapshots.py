"""SVG snapshots of the workbench (pytest-textual-snapshot). Regenerate only after reading the diff:
``pytest tests/tui/test_tui_snapshots.py --snapshot-update``. They change as new verdicts land."""

from __future__ import annotations

import pytest

from origin_playground.library import find_scenario
from tui.app import OriginPlaygroundApp
from tui.widgets.trace_view import TraceView

SCENARIOS = ["a-com-reads-b-com", "spa-api-with-cookies", "sandboxed-frame-opaque-origin"]


def _app(slug: str, theme: str | None = None) -> OriginPlaygroundApp:
    entry = find_scenario(slug)
    assert entry is not None
    return OriginPlaygroundApp(scenario_path=entry.path, theme=theme, system_copy=None)


@pytest.mark.parametrize("slug", SCENARIOS)
def test_workbench_120x40(snap_compare, slug: str) -> None:
    assert snap_compare(_app(slug), terminal_size=(120, 40))


@pytest.mark.parametrize("slug", SCENARIOS[:2])
def test_workbench_80x24(snap_compare, slug: str) -> None:
    assert snap_compare(_app(slug), terminal_size=(80, 24))


def test_invalid_url_dims_verdicts(snap_compare) -> None:
    async def break_url(pilot) -> None:
        # The trace is painted in the frame after the verdicts: wait for it, so the snapshot shows the
        # last valid answer dimmed (not whichever frame a loaded machine happened to reach).
        for _ in range(100):
            await pilot.pause(0.05)
            traces = pilot.app.screen.query(TraceView)
            if traces and traces.first().verdict is not None:
                break
        assert pilot.app.screen.query_one(TraceView).verdict is not None
        pilot.app.query_one("#target-url").value = "www.b.com"
        await pilot.pause()

    assert snap_compare(_app("a-com-reads-b-com"), terminal_size=(120, 40), run_before=break_url)


def test_colour_blind_safe_theme(snap_compare) -> None:
    assert snap_compare(_app("a-com-reads-b-com", theme="origin-colour-blind-safe"), terminal_size=(120, 40))
