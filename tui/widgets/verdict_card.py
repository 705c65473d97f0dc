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

from ..glyphs import OUTCOME_SYMBOL, yes_no
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
        text.append(extra_value_text(value))
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
        if verdict is self.verdict and verdict is not None:
            return
        self.verdict = verdict
        outcome = self.query_one(".card-outcome", Static)
        can = self.query_one(".card-can", Static)
        console = self.query_one(".card-console", Static)
        extra = self.query_one(".card-extra", Static)
        self.remove_class(*OUTCOME_CLASSES)
        if verdict is None:
            outcome.update(Text(f"… {NOT_AVAILABLE}" if not available else "…"))
            self.set_class(not available, "-unavailable")
            for widget in (can, console, extra):
                widget.update("")
                widget.display = False
            return
        self.remove_class("-unavailable")
        self.add_class(f"-{verdict.outcome}")
        outcome.update(Text(f"{OUTCOME_SYMBOL[verdict.outcome]} {verdict.outcome}", style="bold"))
        can.update(capabilities_text(verdict))
        can.display = True
        chrome = verdict.console.chrome
        console.update(Text.assemble(("Chrome console: ", "dim"), chrome) if chrome else "")
        console.display = bool(chrome)
        extra.update(extras_text(verdict))
        extra.display = bool(verdict.extra)

    def action_select(self) -> None:
        self.post_message(self.Selected(self.resource))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Selected(self.resource))

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Selected(self.resource))
