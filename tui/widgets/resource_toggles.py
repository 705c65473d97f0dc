"""Six toggles, one per resource type; any number on at once."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Checkbox

from policy_core import RESOURCE_TYPES

from .state_checkbox import StateCheckbox

LABELS = {
    "dom": "DOM",
    "iframe": "iframe",
    "fetch": "fetch",
    "image": "image",
    "script": "script",
    "cookie": "cookie",
}


def toggle_label(resource: str) -> Text:
    return Text(f"{LABELS[resource]:<6}")


COLUMNS = 2  # the grid's columns (app.tcss #toggles)


class ResourceToggles(Vertical):
    """A grid of toggles: the arrow keys move between them, Space or Enter switches one."""

    BINDINGS = [
        Binding("left", "move(-1)", "Previous", id="toggles-left", show=False),
        Binding("right", "move(1)", "Next", id="toggles-right", show=False),
        Binding("up", f"move(-{COLUMNS})", "Up", id="toggles-up", show=False),
        Binding("down", f"move({COLUMNS})", "Down", id="toggles-down", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The set of resource types switched on changed."""

        resources: tuple[str, ...]  # in report order

    def compose(self) -> ComposeResult:
        for resource in RESOURCE_TYPES:
            yield StateCheckbox(
                toggle_label(resource),
                id=f"toggle-{resource}",
                compact=True,
            )

    def selected(self) -> tuple[str, ...]:
        return tuple(r for r in RESOURCE_TYPES if self.query_one(f"#toggle-{r}", Checkbox).value)

    def set_selected(self, resources: tuple[str, ...] | list[str]) -> None:
        """Switch toggles to match a loaded scenario without posting Changed."""
        for resource in RESOURCE_TYPES:
            box = self.query_one(f"#toggle-{resource}", Checkbox)
            with box.prevent(Checkbox.Changed):
                box.value = resource in resources

    def action_move(self, step: int) -> None:
        """Focus the toggle ``step`` places away in reading order (a row is COLUMNS toggles)."""
        boxes = list(self.query(Checkbox))
        for index, box in enumerate(boxes):
            if box.has_focus and 0 <= index + step < len(boxes):
                boxes[index + step].focus()
                return

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.selected()))
