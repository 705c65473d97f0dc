"""One resource type's verdict, rendered generically from the core's Verdict data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from policy_core import Verdict

from ..glyphs import OUTCOME_SYMBOL, literal, yes_no
from ..repaint import update_static
from .resource_toggles import LABELS, NOT_AVAILABLE

OUTCOME_CLASSES = ("-allowed", "-partial", "-blocked")


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


class VerdictCard(Vertical, can_focus=True):
    BINDINGS = [Binding("enter", "select", "Show trace", id="show-trace", show=False)]

    @dataclass
    class Selected(Message):
        """The user picked this card: the trace should show its verdict."""

        resource: str

    def __init__(self, resource: str, **kwargs: Any) -> None:
        super().__init__(id=f"card-{resource}", classes="verdict-card", **kwargs)
        self.resource = resource
        self.verdict: Verdict | None = None
        self.border_title = LABELS[resource]

    def compose(self) -> ComposeResult:
        yield Static("", classes="card-outcome", markup=False)
        yield Static("", classes="card-can", markup=False)
        yield Static("", classes="card-console", markup=False)
        yield Static("", classes="card-extra", markup=False)

    def show(self, verdict: Verdict | None, available: bool) -> None:
        """Render a verdict; None with ``available`` False says plainly there is none yet."""
        if verdict is not None and verdict == self.verdict:
            return  # an equal verdict: nothing to repaint
        self.verdict = verdict
        outcome = self.query_one(".card-outcome", Static)
        can = self.query_one(".card-can", Static)
        console = self.query_one(".card-console", Static)
        extra = self.query_one(".card-extra", Static)
        self.remove_class(*OUTCOME_CLASSES)
        if verdict is None:
            update_static(outcome, Text(f"… {NOT_AVAILABLE}" if not available else "…"))
            self.set_class(not available, "-unavailable")
            for widget in (can, console, extra):
                update_static(widget, "")
                widget.display = False
            return
        self.remove_class("-unavailable")
        self.add_class(f"-{verdict.outcome}")
        update_static(outcome, Text(f"{OUTCOME_SYMBOL[verdict.outcome]} {verdict.outcome}", style="bold"))
        update_static(can, capabilities_text(verdict))
        can.display = True
        chrome = verdict.console.chrome
        update_static(console, Text.assemble(("Chrome console: ", "dim"), literal(chrome)) if chrome else "")
        console.display = bool(chrome)
        update_static(extra, extras_text(verdict))
        extra.display = bool(verdict.extra)

    def action_select(self) -> None:
        self.post_message(self.Selected(self.resource))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Selected(self.resource))

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Selected(self.resource))
