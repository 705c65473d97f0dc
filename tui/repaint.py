"""Repaint only what changed.

A Static update with ``layout=True`` asks Textual for a layout pass of the whole screen (every
widget re-arranged, then a full-screen frame). Most updates don't change any size: skip equal
content, and ask for a layout only when the widget's size can really change: its width follows its
content, or its wrapped height differs from the last one shown."""

from __future__ import annotations

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
