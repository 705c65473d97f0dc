"""SVG snapshots of the workbench's issue-14 states at 80x24 and 120x40: the What if list, the
last valid answer named, a URL that is not a web URL. Regenerate only after reading the diff."""

from __future__ import annotations

import pytest

from tui.app import OriginPlaygroundApp
from tui.widgets.trace_view import TraceView


def _app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=None)  # the first article example


async def _settled(pilot) -> None:
    # The trace is painted in the frame after the verdicts: wait for it (a loaded machine is slow).
    for _ in range(100):
        await pilot.pause(0.05)
        traces = pilot.app.screen.query(TraceView)
        if traces and traces.first().verdict is not None:
            break
    assert pilot.app.screen.query_one(TraceView).verdict is not None


SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_what_if_list_open(snap_compare, size) -> None:
    async def open_what_if(pilot) -> None:
        await _settled(pilot)
        pilot.app.workbench.toggle_what_if("fetch")
        await pilot.pause()
        pilot.app.query_one("#card-fetch").focus()
        await pilot.pause()
        what_if = pilot.app.query_one("#what-if-fetch")
        scrolled = None
        steady = 0
        scrolling = [w for w in what_if.ancestors_with_self if hasattr(w, "scroll_offset")]
        for _ in range(60):  # the list's height settles a refresh after it opens: scroll until it stays put
            # From the top each time: the least scroll that shows the list depends on where the column
            # was (the card's focus scrolls it too, at a moment that depends on the frames' timing).
            for widget in scrolling:
                widget.scroll_home(animate=False, immediate=True)
            what_if.scroll_visible(animate=False, immediate=True)
            await pilot.pause(0.02)
            # Where each scrolling ancestor is, and how much there is to scroll (the thumb's size).
            state = tuple((w.scroll_offset, w.virtual_size, w.size) for w in scrolling)
            steady = steady + 1 if state == scrolled else 0
            if steady == 3:  # unchanged over three checks, not two: a layout can land in between
                break
            scrolled = state
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=open_what_if)


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_invalid_url_names_the_last_valid_answer(snap_compare, size) -> None:
    async def break_url(pilot) -> None:
        await _settled(pilot)
        pilot.app.query_one("#target-url").value = "www.b.com"
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=break_url)


def test_not_a_web_url(snap_compare) -> None:
    async def data_url(pilot) -> None:
        await _settled(pilot)
        pilot.app.query_one("#target-url").value = "data:text/html,hi"
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 40), run_before=data_url)
