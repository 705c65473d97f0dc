"""A Checkbox whose box shows its state as a glyph (✔ or empty), not by colour alone."""

from __future__ import annotations

from textual.widgets import Checkbox


class StateCheckbox(Checkbox):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        return "✔" if self.value else " "
