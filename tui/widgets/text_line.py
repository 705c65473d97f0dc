"""Static text set through a reactive: an equal value repaints nothing, and a new one asks for a
layout only when the widget's size can change (tui/repaint.py)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from ..repaint import content_height, size_changed


class TextLine(Static):
    """``line.text = Text(...)``: user text is never markup (pass ``Text``, or a plain ``str``)."""

    text: var[Text | str] = var[Text | str]("", init=False)

    def __init__(self, text: Text | str = "", **kwargs: Any) -> None:
        super().__init__(text, markup=False, **kwargs)
        self.set_reactive(TextLine.text, text)

    def watch_text(self, text: Text | str) -> None:
        self.update(text, layout=False)
        if size_changed(self):
            self.refresh(layout=True)


class GrowingLine(TextLine):
    """A line whose wrapped height follows the data (the expectations, the origin badges): it only
    grows, padded with blank lines, so typing that flips a result repaints it, not the screen.
    ``release_room`` lets it shrink again (a new scenario)."""

    def __init__(self, text: Text | str = "", **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self._reserved_height = 0
        self._reserved_width = 0

    def watch_text(self, text: Text | str) -> None:
        content = Content.from_rich_text(text) if isinstance(text, Text) else Content(text)
        width = self.content_region.width
        if width != self._reserved_width:
            self._reserved_width = width
            self._reserved_height = 0
        height = None
        if width > 0:
            # Measured once, then shown once (padded to the room it keeps).
            height = content_height(self, content, width)
            if height < self._reserved_height:
                content = Content.assemble(content, "\n" * (self._reserved_height - height))
                height = self._reserved_height
            self._reserved_height = height
        self.update(content, layout=False)
        if size_changed(self, height):
            self.refresh(layout=True)

    def release_room(self) -> None:
        self._reserved_height = 0
