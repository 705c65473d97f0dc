"""A Checkbox whose box shows its state as a glyph (✔ or empty), not by colour alone."""

from __future__ import annotations

from textual.widgets import Checkbox

from origin_playground.glyphs import YES


class StateCheckbox(Checkbox):
    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:
        return YES if self.value else " "
