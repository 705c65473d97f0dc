"""An Input that turns a multi-line paste of ``Name: value`` lines into a message instead of text."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input

from ..state import looks_like_header_paste


class HeaderInput(Input):
    @dataclass
    class LinesPasted(Message):
        """Header lines (or a raw response) were pasted; the editor turns them into rows."""

        input: HeaderInput
        text: str

    def _on_paste(self, event: events.Paste) -> None:
        # Textual dispatches a message to each class's handler in the MRO: without
        # prevent_default, Input._on_paste would insert the first line again after this one.
        event.prevent_default()
        if event.text and looks_like_header_paste(event.text):
            event.stop()
            self.post_message(self.LinesPasted(self, event.text))
            return
        super()._on_paste(event)
