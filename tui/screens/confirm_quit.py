"""Asks before quitting with unsaved changes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmQuit(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "stay", "Stay", id="stay"),
        Binding("y", "leave", "Quit without saving", id="confirm-quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("The scenario has unsaved changes. Quit anyway?", classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Quit without saving", id="quit-yes", variant="error")
                yield Button("Stay", id="quit-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#quit-no", Button).focus()

    @on(Button.Pressed, "#quit-yes")
    def action_leave(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#quit-no")
    def action_stay(self) -> None:
        self.dismiss(False)
