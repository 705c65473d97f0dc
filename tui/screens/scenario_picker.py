"""Pick a scenario from the built-in library."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from origin_playground.library import LibraryEntry


class ScenarioPicker(ModalScreen[LibraryEntry | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-picker")]

    def __init__(self, entries: list[LibraryEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label("Scenario library (Enter loads, Esc cancels)", classes="dialog-title")
            options = []
            for entry in self.entries:
                prompt = Text(entry.title)
                prompt.append(f"  {entry.slug}", style="dim")
                options.append(Option(prompt, id=entry.slug))
            yield OptionList(*options, id="picker-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
