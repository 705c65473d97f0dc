"""A small modal asking for a file path; the open and save dialogs are this with other words."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class PathDialog(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-dialog")]
    TITLE_TEXT = "File"
    CONFIRM = "OK"
    PLACEHOLDER = "path/to/scenario.toml"

    def __init__(self, initial: str = "") -> None:
        super().__init__(classes="path-dialog")
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.TITLE_TEXT, classes="dialog-title")
            yield Input(self.initial, id="dialog-path", placeholder=self.PLACEHOLDER)
            yield Static("", id="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.CONFIRM, id="dialog-ok", variant="primary")
                yield Button("Cancel", id="dialog-cancel")

    def on_mount(self) -> None:
        self.query_one("#dialog-path", Input).focus()

    def show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(Text(message))

    @on(Input.Submitted)
    @on(Button.Pressed, "#dialog-ok")
    def _confirm(self) -> None:
        text = self.query_one("#dialog-path", Input).value.strip()
        if not text:
            self.show_error("Type a file path.")
            return
        self.dismiss(Path(text).expanduser())

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
