"""Under a verdict card: each single change that would flip one of its capabilities, and its risk.

The entries come from ``policy_core.what_if`` (every one proven by evaluating the changed
scenario). The screen computes them only while the list is open, never on the keystroke path of a
closed list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from origin_playground.glyphs import literal, yes_no
from policy_core.scenario import CAPABILITY_PHRASES
from policy_core.what_if import WhatIf

WAITING = "Shown once the scenario is valid again."
NOTHING_FLIPS = "No single change to the request or the server's answer flips this verdict."


def what_if_text(entries: tuple[WhatIf, ...]) -> Text:
    """``→ <the change>`` then ``then ✔ <the capability>`` (and ``⚠ <the risk>``) under it."""
    text = Text()
    text.append("What if…", style="bold")
    if not entries:
        text.append(f"\n{NOTHING_FLIPS}")
    for entry in entries:
        phrase = CAPABILITY_PHRASES.get(entry.flips, entry.flips)
        text.append("\n→ ")
        text.append(literal(entry.change))
        text.append("\n  then ")
        text.append(f"{yes_no(entry.to)} {phrase}", style="bold")
        if entry.risk:
            text.append("\n  ⚠ ")
            text.append(literal(entry.risk))
    return text


class WhatIfList(Static):
    """Hidden until its card asks for it (``w``, or a click on the card's bottom border)."""

    @dataclass
    class CloseRequested(Message):
        resource: str

    def __init__(self, resource: str, **kwargs: Any) -> None:
        super().__init__("", id=f"what-if-{resource}", classes="what-if", markup=False, **kwargs)
        self.resource = resource
        self.entries: tuple[WhatIf, ...] | None = None  # None: not computed for the shown answer
        self.display = False

    def show_entries(self, entries: tuple[WhatIf, ...]) -> None:
        self.entries = entries
        self.update(what_if_text(entries))

    def show_waiting(self) -> None:
        """Nothing computed yet and the draft is not valid: say when the list will come."""
        if self.entries is None:
            self.update(Text.assemble(("What if…", "bold"), "\n", WAITING))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.CloseRequested(self.resource))
