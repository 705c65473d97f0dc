"""A compact Footer that shows only the keys that fit whole, left of the palette key.

Textual's footer lets its last keys run under the palette key docked on the right, so a narrow
terminal shows a stray letter of the key beneath ("…Panes f▏^p palette" when the trace's Copy key
joins the footer at 80 columns). Every key stays in the help screen (F1) and the palette.
"""

from __future__ import annotations

from functools import partial

from textual import events
from textual.widgets import Footer

RETRY_SECONDS = 0.025  # a footer behind a modal dialog is laid out later than its recompose

class FittingFooter(Footer):
    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._hide_what_does_not_fit)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)  # the keys hidden for the old width come back

    @property
    def fitted(self) -> bool:
        """Every key shown is laid out and ends left of the palette key (what tests wait for)."""
        palette = [child for child in self.children if child.has_class("-command-palette")]
        shown = [child for child in self.children if child.display and child not in palette]
        if not all(child.region for child in shown) or (palette and not palette[0].region):
            return False
        limit = palette[0].region.x if palette else self.region.right
        return all(child.region.right <= limit for child in shown)

    def _hide_what_does_not_fit(self, tries: int = 80) -> None:
        palette = [child for child in self.children if child.has_class("-command-palette")]
        items = [child for child in self.children if child not in palette]
        if any(not child.region for child in self.children if child.display) and tries:
            # Keys mounted by a recompose get their places later (a footer under a modal dialog
            # later still): measure then, or a key that does not fit stays half under the palette.
            self.set_timer(RETRY_SECONDS, partial(self._hide_what_does_not_fit, tries - 1))
            return
        limit = palette[0].region.x if palette else self.region.right
        labels = set(self.query_children("FooterLabel"))  # Textual's own types, by their CSS names
        groups = set(self.query_children("KeyGroup"))
        for index, child in enumerate(items):
            if child.region.right > limit:
                if child in labels and index and items[index - 1] in groups:
                    index -= 1  # a group's keys go with its label
                for hidden in items[index:]:
                    hidden.display = False
                return
