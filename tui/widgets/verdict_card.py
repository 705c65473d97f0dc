"""One resource type's verdict, rendered generically from the core's Verdict data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static

from origin_playground.glyphs import OUTCOME_SYMBOL, literal, yes_no
from policy_core import Verdict

from ..repaint import size_changed
from .resource_toggles import LABELS

OUTCOME_NAMES = ("allowed", "partial", "blocked")


def capabilities_text(verdict: Verdict) -> Text:
    """``send ✔  read ✘``: the symbol, and the word beside it."""
    text = Text()
    for index, (name, allowed) in enumerate(verdict.can):
        if index:
            text.append("   ")
        text.append(f"{name} {yes_no(allowed)}", style="bold" if allowed else "")
    return text


def extra_value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value) if value else "(none)"
    if value is None:
        return "(none)"
    return str(value)


def extras_text(verdict: Verdict) -> Text:
    text = Text()
    for index, (key, value) in enumerate(verdict.extra):
        if index:
            text.append("\n")
        text.append(f"{key.replace('_', ' ')}: ", style="dim")
        text.append(literal(extra_value_text(value)))
    return text


def card_content(verdict: Verdict | None) -> Content:
    """The whole card as one block of text: outcome, capabilities, Chrome's console line, extras.

    One widget per card (not one per line): a keystroke that changes every verdict then restyles
    and re-renders six widgets, not thirty."""
    if verdict is None:
        return Content("…")
    parts: list[Content | str | tuple[str, str]] = [
        (f"{OUTCOME_SYMBOL[verdict.outcome]} {verdict.outcome}", f"bold $verdict-{verdict.outcome}"),
        "\n",
        Content.from_rich_text(capabilities_text(verdict)),
    ]
    chrome = verdict.console.chrome
    if chrome:
        parts += ["\n", ("Chrome console: ", "dim $foreground-muted"), (literal(chrome), "$foreground-muted")]
    if verdict.extra:
        parts += ["\n", Content.from_rich_text(extras_text(verdict)).stylize("$text-secondary")]
    return Content.assemble(*parts)


class VerdictCard(Static, can_focus=True):
    BINDINGS = [Binding("enter", "select", "Show trace", id="show-trace", show=False)]

    @dataclass
    class Selected(Message):
        """The user picked this card: the trace should show its verdict."""

        resource: str

    verdict: var[Verdict | None] = var[Verdict | None](None, init=False)

    def __init__(self, resource: str, **kwargs: Any) -> None:
        super().__init__("", id=f"card-{resource}", classes="verdict-card", markup=False, **kwargs)
        self.resource = resource
        self._reserved = 0  # lines kept for this card (see watch_verdict)
        self._reserved_width = 0
        self._shown_height: int | None = None
        self.border_title = LABELS[resource]

    def watch_verdict(self, verdict: Verdict | None) -> None:
        """Render a new verdict (an equal one never gets here: nothing to repaint)."""
        outcome = None if verdict is None else verdict.outcome
        # One atomic class change (one restyle), and none when the outcome is the same.
        self.update_classes({f"-{name}": name == outcome for name in OUTCOME_NAMES})
        content = card_content(verdict)
        self.update(content, layout=False)
        width = self.content_region.width
        if width != self._reserved_width:
            self.release_room()  # wrapped heights depend on the width
            self._reserved_width = width
        if width > 0:
            # Cards only grow: a verdict with a shorter (or no) console line keeps the room the
            # longer one had, so typing that flips a verdict repaints this card, not the screen.
            height = self.get_content_height(self.content_region.size, self.app.size, width)
            if height < self._reserved:
                self.update(Content.assemble(content, "\n" * (self._reserved - height)), layout=False)
                height = self._reserved
            self._reserved = height
        if size_changed(self):
            self.refresh(layout=True)

    def release_room(self) -> None:
        """Forget the reserved height (a new scenario, or a new width): the next verdict sizes it."""
        self._reserved = 0
        self._shown_height = None

    def action_select(self) -> None:
        self.post_message(self.Selected(self.resource))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Selected(self.resource))

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Selected(self.resource))
