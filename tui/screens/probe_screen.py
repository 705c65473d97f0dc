"""Probe the live server (the only place the TUI touches the network), behind a confirmation.

The screen first shows exactly what would be sent (origin_playground/probe.py's ``plan``: the
preflight when one is needed, then the request, every header); nothing leaves the machine until
Send is pressed. The real answers come back as a scenario, loaded through the App (which asks
first when the draft has unsaved changes).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

import policy_core
from origin_playground.glyphs import OUTCOME_SYMBOL, literal
from origin_playground.har import redact
from origin_playground.probe import PlannedRequest, ProbeError, ProbeResult, plan, probe, request_mapping

from ..messages import ShowDraft
from ..state import ScenarioDraft

TIMEOUT_SECONDS = 10.0


def probe_mapping(draft: ScenarioDraft) -> dict[str, Any]:
    """The fetch() the draft describes, as probe's request scenario (ScenarioError naming the field)."""
    headers = [f"{name}: {value}" for name, value in draft.request_headers]
    return request_mapping(
        draft.target, draft.page, draft.request.get("method", "GET"), headers,
        draft.request.get("credentials", "same-origin"),
    )


def plan_text(requests: list[PlannedRequest], notes: list[str]) -> str:
    lines: list[str] = []
    for number, request in enumerate(requests, 1):
        lines.append(f"{number}. {request.method} {request.url}   ({request.why})")
        lines.extend(f"     {name}: {redact(name, value)}" for name, value in request.headers)
    lines.extend(f"note: {note}" for note in notes)
    return literal("\n".join(lines))


class ProbeScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-probe")]

    def __init__(self, mapping: dict[str, Any], name: str = "probe") -> None:
        super().__init__()
        self.mapping = mapping
        self.scenario_name = name
        self.sent = False
        self.requests, self.notes = plan(mapping)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog probe-dialog"):
            yield Label("Probe the live server: nothing is sent until you press Send", classes="dialog-title")
            with VerticalScroll(id="probe-plan-box"):
                yield Static(Text(plan_text(self.requests, self.notes)), id="probe-plan")
            yield Static(
                "Sent with TLS verified, no proxy, no cookie; redirects followed as the browser would.",
                classes="dialog-hint",
                markup=False,
            )
            yield Static("", id="probe-status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send these requests", id="probe-send", variant="warning", compact=True)
                yield Button("Cancel", id="probe-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#probe-cancel", Button).focus()  # Enter alone never sends

    def _status(self, text: str) -> None:
        self.query_one("#probe-status", Static).update(Text(literal(text)))

    @on(Button.Pressed, "#probe-send")
    def confirm(self) -> None:
        if self.sent:
            return
        self.sent = True
        self.query_one("#probe-send", Button).disabled = True
        self._status("Sending…")
        self._probe()

    @work(thread=True, exclusive=True, group="probe")
    def _probe(self) -> None:
        try:
            result = probe(self.mapping, timeout=TIMEOUT_SECONDS)
        except (ProbeError, policy_core.ScenarioError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._answered, result)

    def _failed(self, problem: str) -> None:
        if not self.is_attached:
            return  # cancelled while the answer was on its way
        self.sent = False
        self.query_one("#probe-send", Button).disabled = False
        self._status(f"No answer: {problem}")

    def _answered(self, result: ProbeResult) -> None:
        if not self.is_attached:
            return  # cancelled while the answer was on its way: nothing is loaded
        word = "allowed" if result.allowed else "blocked"
        sent = ", ".join(f"{e.method} → {e.status}" for e in result.exchanges)
        message = f"{OUTCOME_SYMBOL[word]} {word}: sent {sent}; the real answers are loaded as the scenario."
        if result.notes:
            message += " Note: " + "; ".join(result.notes)
        self._status(message)
        try:
            draft = ScenarioDraft.from_scenario(policy_core.load_scenario(result.mapping))
        except policy_core.ScenarioError as error:
            self._status(f"The answers do not make a scenario: {error}")
            return
        self.notify(literal(message), title="Probe", markup=False, timeout=10)
        self.post_message(ShowDraft(draft, self.scenario_name))

    @on(Button.Pressed, "#probe-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
