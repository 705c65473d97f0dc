"""An ordered list of header rows (duplicates kept): add, edit, delete, paste several at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, DataTable, Input, Label, Select

from origin_playground.glyphs import literal

from ..state import HeaderRows, is_header_paste, read_paste
from .header_input import HeaderInput

REQUEST_HEADER_NAMES = (
    "Accept",
    "Accept-Language",
    "Authorization",
    "Cache-Control",
    "Content-Language",
    "Content-Type",
    "Cookie",
    "If-Match",
    "Origin",
    "Range",
    "X-Requested-With",
    "X-CSRF-Token",
    "X-Api-Key",
)

# Quick-add: every header the response editors offer, with a typical first value to edit.
QUICK_ADD: dict[str, str] = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Expose-Headers": "X-Request-Id",
    "Access-Control-Max-Age": "600",
    "Access-Control-Allow-Private-Network": "true",
    "Vary": "Origin",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'self'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Set-Cookie": "sid=1; Path=/; Secure; HttpOnly; SameSite=Lax",
}

# One line above the rows (it fits the 56 columns of the editors' pane at 120x40).
PASTE_HINTS = {
    "request": "Paste request headers (curl, DevTools) anywhere here",
    "response": "Paste a response (curl -i, DevTools) anywhere here",
}


class HeadersEditor(Vertical):
    BINDINGS = [
        Binding("delete", "delete_row", "Delete header", id="delete-header"),
    ]

    @dataclass
    class Changed(Message):
        """The rows changed (added, edited, deleted or pasted)."""

        editor: HeadersEditor
        headers: HeaderRows

    @dataclass
    class StatusPasted(Message):
        """A raw response was pasted: its status line's code."""

        editor: HeadersEditor
        status: int

    @dataclass
    class MethodPasted(Message):
        """A raw request was pasted: its request line's (or ``:method``'s) method."""

        editor: HeadersEditor
        method: str

    @dataclass
    class PasteSkipped(Message):
        """Pasted lines that were not ``Name: value``."""

        editor: HeadersEditor
        lines: tuple[str, ...]

    def __init__(
        self, *, quick_add: bool = False, names: tuple[str, ...] = REQUEST_HEADER_NAMES, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.quick_add = quick_add
        self.kind = "response" if quick_add else "request"  # what a paste here is read as
        self.names = tuple(QUICK_ADD) if quick_add else names
        self.rows: HeaderRows = []
        self.editing: int | None = None
        self.origin_hint = "*"  # the page's origin, offered as Access-Control-Allow-Origin's value

    def compose(self) -> ComposeResult:
        yield Label(PASTE_HINTS[self.kind], classes="headers-hint")
        table: DataTable[Text] = DataTable(id=f"{self.id}-table", cursor_type="row", classes="headers-table")
        table.add_columns(Text("Name"), Text("Value"))  # Text: a str label is parsed as markup
        yield table
        with Horizontal(classes="header-inputs"):
            yield HeaderInput(
                placeholder="Header name",
                id=f"{self.id}-name",
                classes="header-name",
                suggester=SuggestFromList(self.names, case_sensitive=False),
                compact=True,
            )
            yield HeaderInput(
                placeholder="value", id=f"{self.id}-value", classes="header-value", compact=True
            )
            yield Button("Add", id=f"{self.id}-add", classes="header-add", compact=True)
            yield Button("Del", id=f"{self.id}-delete", classes="header-delete", compact=True)
        if self.quick_add:
            yield Select(
                [(name, name) for name in QUICK_ADD],
                prompt="Quick-add a header…",
                id=f"{self.id}-quick",
                classes="header-quick",
                compact=True,
            )

    # --- attributes down ------------------------------------------------------------------------

    def set_rows(self, rows: HeaderRows) -> None:
        """Show these rows (loading a scenario); posts nothing."""
        self.rows = [tuple(r) for r in rows]  # type: ignore[misc]
        self.editing = None
        self._refresh_table()

    # --- editing ----------------------------------------------------------------------------------

    def add_row(self, name: str, value: str) -> None:
        self.rows.append((name, value))
        self._changed()

    def add_lines(self, text: str) -> None:
        """Paste: ``Name: value`` lines append rows; a raw request or response (its first line)
        replaces them. A response pasted among the request's headers, or a request among a
        response's, changes nothing and says where it goes."""
        pasted = read_paste(text, self.kind)
        first_line = pasted.method if self.kind == "request" else pasted.status
        wrong = pasted.status if self.kind == "request" else pasted.method
        if wrong is not None and first_line is None:
            other = "a response" if self.kind == "request" else "a request"
            tab = "Response" if self.kind == "request" else "Request"
            self.notify(
                f"That is {other} ({wrong}): paste it in the {tab} tab. Nothing was changed here.",
                title="Paste",
                severity="warning",
                markup=False,
            )
            return
        if first_line is not None:
            self.rows = list(pasted.headers)
            self.editing = None
            self._clear_inputs()
            if pasted.method is not None and self.kind == "request":
                self.post_message(self.MethodPasted(self, pasted.method))
            if pasted.status is not None and self.kind == "response":
                self.post_message(self.StatusPasted(self, pasted.status))
        else:
            self.rows.extend(pasted.headers)
        if pasted.skipped:
            self.post_message(self.PasteSkipped(self, pasted.skipped))
        self._changed()

    def delete_row(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            del self.rows[index]
            self.editing = None
            self._clear_inputs()
            self._changed()

    def _changed(self) -> None:
        self._refresh_table()
        self.post_message(self.Changed(self, list(self.rows)))

    def _refresh_table(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for name, value in self.rows:
            table.add_row(Text(literal(name)), Text(literal(value)))  # Text: user text is never markup
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))
        table.display = bool(self.rows)

    def _inputs(self) -> tuple[Input, Input]:
        return self.query_one(f"#{self.id}-name", Input), self.query_one(f"#{self.id}-value", Input)

    def _clear_inputs(self) -> None:
        for widget in self._inputs():
            with widget.prevent(Input.Changed):
                widget.value = ""
        self.query_one(f"#{self.id}-add", Button).label = "Add"

    def _commit(self) -> None:
        name_input, value_input = self._inputs()
        name = name_input.value.strip()
        if not name:
            name_input.focus()
            return
        if self.editing is None:
            self.add_row(name, value_input.value.strip())
        self.editing = None
        self._clear_inputs()
        name_input.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name_input, value_input = self._inputs()
        if event.input is name_input and self.editing is None:
            value_input.focus()
        else:
            self._commit()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """While a row is being edited, every keystroke updates it live."""
        event.stop()
        if self.editing is None or self.editing >= len(self.rows):
            return
        name_input, value_input = self._inputs()
        self.rows[self.editing] = (name_input.value.strip(), value_input.value.strip())
        self._changed()

    @on(HeaderInput.LinesPasted)
    def _pasted(self, event: HeaderInput.LinesPasted) -> None:
        event.stop()
        self.add_lines(event.text)

    @on(events.Paste)
    def _pasted_elsewhere(self, event: events.Paste) -> None:
        """A paste on the table, a button or the quick-add list (the inputs handle their own)."""
        if is_header_paste(event.text):
            event.stop()
            self.add_lines(event.text)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = event.cursor_row
        if not 0 <= index < len(self.rows):
            return
        self.editing = index
        name, value = self.rows[index]
        name_input, value_input = self._inputs()
        for widget, text in ((name_input, name), (value_input, value)):
            with widget.prevent(Input.Changed):
                widget.value = text
        self.query_one(f"#{self.id}-add", Button).label = "Done"
        value_input.focus()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == f"{self.id}-add":
            self._commit()
        elif event.button.id == f"{self.id}-delete":
            self.action_delete_row()

    @on(Select.Changed)
    def _quick_add(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL:
            return
        name = str(event.value)
        value = self.origin_hint if name == "Access-Control-Allow-Origin" else QUICK_ADD[name]
        self.rows.append((name, value))
        self._changed()
        with event.select.prevent(Select.Changed):
            event.select.clear()
        self.query_one(DataTable).move_cursor(row=len(self.rows) - 1)

    def action_delete_row(self) -> None:
        index = self.editing if self.editing is not None else self.query_one(DataTable).cursor_row
        self.delete_row(index)
