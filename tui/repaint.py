"""Repaint only what changed, without asking Textual for a whole-screen layout.

A Static update with ``layout=True`` asks Textual for a layout pass of the whole screen (every
widget re-arranged, then a full-screen frame). Most updates don't change any size: ask for a
layout only when the widget's box can really change: its width follows its content, or its
wrapped height differs from the last one shown.

And paint first what the first frame shows: ``AfterFirstPaint`` mounts the rest after it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual.content import Content
from textual.lazy import Lazy
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
