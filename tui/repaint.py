"""Repaint only what changed, without asking Textual for a whole-screen layout.

A Static update with ``layout=True`` asks Textual for a layout pass of the whole screen (every
widget re-arranged, then a full-screen frame). Most updates don't change any size: ask for a
layout only when the widget's box can really change: its width follows its content, or its
wrapped height differs from the last one shown.

And paint first what the first frame shows: ``AfterFirstPaint`` mounts the rest after it; and
render for a frame only the widgets it changes: ``ChangedOnlyCompositor``."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual._compositor import ChopsUpdate, Compositor
from textual.content import Content
from textual.geometry import Region
from textual.lazy import Lazy
from textual.strip import Strip
from textual.widget import Widget


def content_height(widget: Widget, content: Content, width: int) -> int:
    """The height ``content`` takes in ``widget`` at ``width`` cells, as Textual would wrap it.

    When every line fits (the usual case: cards and lines are laid out wide enough), that is its
    number of lines, and nothing needs wrapping to know it."""
    room = width - widget.styles.get("line_pad", 0) * 2  # as Content.get_height counts it
    lines = content.plain.split("\n")
    if all(cell_len(line) <= room for line in lines):
        return len(lines)
    return content.get_height(widget.styles, width)


def size_changed(widget: Widget, height: int | None = None) -> bool:
    """After a ``layout=False`` update: could the widget's box be different now?

    ``height``: the new content's height at the widget's width, when the caller measured it."""
    styles = widget.styles
    if not styles.auto_dimensions:
        return False  # fixed (or fractional) width and height: the content never moves anything
    width = widget.content_region.width
    if (styles.width is not None and styles.width.is_auto) or width <= 0:
        return True  # the width follows the content, or the widget was never laid out
    if height is None:
        height = widget.get_content_height(widget.content_region.size, widget.app.size, width)
    previous = getattr(widget, "_shown_height", None)
    widget._shown_height = height  # type: ignore[attr-defined]
    return height != previous


def post_refreshes_now(widgets: Iterable[Widget]) -> None:
    """Hand the screen these widgets' pending repaints (and layout requests) now, not on each
    widget's next idle. A keystroke's Input repaint reaches the screen on the Input's idle; the
    verdicts changed in the same handler must be queued before it, or the screen draws a frame with
    the character alone and the verdicts wait a whole frame interval (~17 ms at 60 fps).

    The one use of Textual's private ``Widget._check_refresh`` (its own idle hook; harmless when
    nothing is pending). tests/tui/test_textual_private_api.py fails if the pinned Textual changes it.
    """
    for widget in widgets:
        widget._check_refresh()


class AfterFirstPaint(Lazy):
    """``textual.lazy.Lazy``: the widget is mounted after the first refresh, so the first frame
    comes sooner. Unlike Lazy, nothing is mounted into a parent that is gone by then (the user quit,
    or the screen closed, within the first frames): Lazy raises MountError there."""

    def __init__(self, widget: Widget) -> None:
        super().__init__(widget)
        self._deferred = widget

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        parent = self.parent
        if not isinstance(parent, Widget):
            return

        async def mount() -> None:
            if parent.is_attached and self.is_attached:  # checked and mounted with no await between
                await parent.mount(self._deferred, after=self)
                await self.remove()

        self.call_after_refresh(mount)


class ChangedOnlyCompositor(Compositor):
    """Textual's compositor, rendering for a partial update only what the update can show.

    Textual renders, for each partial update, every widget whose *clip* (its container's box)
    overlaps the box around all the changed regions, and each of them whole: on a keystroke that
    is most of the screen (the header, the footer, the other column, every container behind a
    card), from cache but at a cost per widget and per line. A partial update writes only the
    changed cells, and in each cell the frontmost widget wins; so here a changed region is drawn
    from the widgets in front of the first one that covers it whole, and that one (the changed
    widget itself, usually): nothing behind it can show there. And only the rows of the changed
    box are rendered. tests/tui/test_textual_private_api.py checks that typing, toggling and
    scrolling paint exactly what a full render of the screen shows, and fails if the pinned
    Textual changes the methods this relies on."""

    _changed: frozenset[Region] = frozenset()

    def render_partial_update(self) -> ChopsUpdate | None:
        self._changed = frozenset(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = frozenset()

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        changed = self._changed
        if crop is None or not changed:
            yield from super()._get_renders(crop)
            return
        shown = [
            (widget, region, clip, region.intersection(clip))
            for widget, (region, clip) in self.visible_widgets.items()  # front to back
        ]
        needed: set[Widget] = set()
        for part in changed:
            for widget, _region, _clip, visible in shown:
                if visible.overlaps(part):
                    needed.add(widget)
                    if visible.contains_region(part):
                        break  # it covers the region: whatever is behind it cannot show there
        # Whole rows only: the columns of a line are cut where widgets meet, and the box's own
        # edges are not such cuts.
        rows = Region(0, crop.y, self.size.width, crop.height)
        for widget, region, clip, visible in shown:
            if widget not in needed:
                continue
            drawn = visible.intersection(rows)
            yield (
                region,
                clip.intersection(rows),
                widget.render_lines(
                    Region(drawn.x - region.x, drawn.y - region.y, drawn.width, drawn.height)
                ),
            )
