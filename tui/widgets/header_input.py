"""An Input that turns a paste of header lines (or a raw request or response) into a message.

What counts as header lines, and how DevTools' and curl's copies are read, is tui/state.py's
``is_header_paste`` and ``read_paste``: this widget only routes the paste.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input

from ..state import is_header_paste


class HeaderInput(Input):
    """Header name and value fields, and every other one-line field of the request and response
    editors: a paste of header lines becomes rows, never text in the field."""

    @dataclass
    class LinesPasted(Message):
        """Header lines (or a raw request or response) were pasted; the editor turns them into rows."""

        input: HeaderInput
        text: str

        @property
        def control(self) -> HeaderInput:
            return self.input  # what @on(..., selector) matches

    def _on_paste(self, event: events.Paste) -> None:
        # Textual dispatches a message to each class's handler in the MRO: without
        # prevent_default, Input._on_paste would insert the first line again after this one.
        event.prevent_default()
        event.stop()
        if is_header_paste(event.text):
            self.post_message(self.LinesPasted(self, event.text))
            return
        super()._on_paste(event)

    def action_paste(self) -> None:
        """Ctrl+V pastes the app's own clipboard: the same rules as a terminal paste (Input's own
        would put every line, newlines and all, into the field)."""
        text = self.app.clipboard
        if is_header_paste(text):
            self.post_message(self.LinesPasted(self, text))
        elif text:
            super()._on_paste(events.Paste(text))  # its first line, at the cursor
