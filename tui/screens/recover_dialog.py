"""Offers the recovery copy of a draft that was not saved when the app last stopped."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from origin_playground.glyphs import literal


class RecoverDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape", "discard", "Discard", id="discard-recovery"),
    ]

    def __init__(self, source_name: str) -> None:
        super().__init__()
        self.source_name = source_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Restore unsaved changes?", classes="dialog-title")
            yield Static(
                Text(f"Changes to {literal(self.source_name)} were not saved when the app last stopped."),
                id="recover-message",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore", id="recover-yes", variant="primary")
                yield Button("Discard", id="recover-no", variant="error")

    def on_mount(self) -> None:
        self.query_one("#recover-yes", Button).focus()

    @on(Button.Pressed, "#recover-yes")
    def action_restore(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#recover-no")
    def action_discard(self) -> None:
        self.dismiss(False)
