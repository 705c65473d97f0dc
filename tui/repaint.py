"""Repaint only what changed.

A Static update with ``layout=True`` asks Textual for a layout pass of the whole screen (every
widget re-arranged, then a full-screen frame). Most updates don't change any size: skip equal
content, and ask for a layout only when the widget's size can really change: its width follows its
content, or its wrapped height differs from the last one shown."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static


def size_changed(widget: Widget) -> bool:
    """After a ``layout=False`` update: could the widget's box be different now?"""
    styles = widget.styles
    if not styles.auto_dimensions:
        return False  # fixed (or fractional) width and height: the content never moves anything
    width = widget.content_region.width
    if (styles.width is not None and styles.width.is_auto) or width <= 0:
        return True  # the width follows the content, or the widget was never laid out
    height = widget.get_content_height(widget.content_region.size, widget.app.size, width)
    previous = getattr(widget, "_shown_height", None)
    widget._shown_height = height  # type: ignore[attr-defined]
    return height != previous


def update_static(widget: Static, content: Text | str) -> None:
    previous = getattr(widget, "_shown_content", None)
    if previous == content:
        return
    widget._shown_content = content  # type: ignore[attr-defined]
    widget.update(content, layout=False)
    if size_changed(widget):
        widget.refresh(layout=True)


def post_refreshes_now(widgets: Iterable[Widget]) -> None:
    """Hand the screen these widgets' pending repaints (and layout requests) now, not on each
    widget's next idle. A keystroke's Input repaint reaches the screen on the Input's idle; the
    verdicts changed in the same handler must be queued before it, or the screen draws a frame with
    the character alone and the verdicts wait a whole frame interval (~17 ms at 60 fps)."""
    for widget in widgets:
        widget._check_refresh()  # Textual's own idle hook; harmless when nothing is pending


def set_display(widget: Widget, shown: bool) -> None:
    """Show or hide ``widget``, touching its styles (a whole-screen layout) only on a change."""
    if widget.display != shown:
        widget.display = shown


def update_static_growing(widget: Static, content: Text) -> None:
    """``update_static`` for a line whose wrapped height follows the data (the expectations): it
    only grows, padded with blank lines, so typing that flips a result repaints it, not the screen.
    ``release_room`` lets it shrink again (a new scenario)."""
    if getattr(widget, "_shown_content", None) == content:
        return
    widget._shown_content = content  # type: ignore[attr-defined]
    widget.update(content, layout=False)
    width = widget.content_region.width
    if width != getattr(widget, "_reserved_width", 0):
        widget._reserved_width = width  # type: ignore[attr-defined]
        widget._reserved_height = 0  # type: ignore[attr-defined]
    if width > 0:
        height = widget.get_content_height(widget.content_region.size, widget.app.size, width)
        reserved = getattr(widget, "_reserved_height", 0)
        if height < reserved:
            widget.update(Text.assemble(content, "\n" * (reserved - height)), layout=False)
            height = reserved
        widget._reserved_height = height  # type: ignore[attr-defined]
    if size_changed(widget):
        widget.refresh(layout=True)


def release_room(widget: Widget) -> None:
    """Let a widget sized by ``update_static_growing`` take its next content's height."""
    widget._reserved_height = 0  # type: ignore[attr-defined]
