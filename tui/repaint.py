"""Repaint only what changed: a Static update asks Textual for a layout pass, so skip equal content,
and skip the layout when the new content has the same shape (same length, same number of lines)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def update_static(widget: Static, content: Text | str) -> None:
    previous = getattr(widget, "_shown_content", None)
    if previous == content:
        return
    same_shape = (
        previous is not None
        and len(str(previous)) == len(str(content))
        and str(previous).count("\n") == str(content).count("\n")
    )
    widget._shown_content = content  # type: ignore[attr-defined]
    widget.update(content, layout=not same_shape)
