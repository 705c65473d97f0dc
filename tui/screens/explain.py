"""Explain a console error: paste it, see what it says, the verdict and the fix, and load the
rebuilt scenario into the workbench (policy_core.explain)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, TextArea

import policy_core
from origin_playground.glyphs import NO, OUTCOME_SYMBOL, STEP_MARK, YES, literal
from policy_core.explain import KNOWN_MESSAGES, REASONS, Recognised, recognise_all, scenario_for

from ..messages import ShowDraft
from ..state import ScenarioDraft
from ..widgets.fitting_footer import FittingFooter
from ..widgets.text_line import TextLine

PLACEHOLDER = "Paste a console error here (Chrome, Firefox or Safari). Ctrl+G loads it in the workbench."
# A paste of more messages than this lists the first ones (recognise_all finds at most a dozen).
SHOWN_MESSAGES = 12


def known_text() -> Text:
    """What is recognised: each reason once, with the browsers that print it."""
    browsers: dict[str, list[str]] = {}
    for browser, reason, _example in KNOWN_MESSAGES:
        names = browsers.setdefault(reason, [])
        if browser not in names:
            names.append(browser)
    text = Text()
    for reason, names in browsers.items():
        text.append(f"\n• {reason}", style="bold")
        text.append(f" ({', '.join(names)}): {REASONS[reason].rule}")
    return text


def explanation_text(
    rec: Recognised, report: policy_core.Report | None, problem: str | None, *, load_hint: bool = True
) -> Text:
    text = Text()
    text.append(f"{YES} Recognised: ", style="bold")
    text.append(f"{rec.browser} · {rec.reason}")
    if rec.language != "en":
        text.append(f" (in {rec.language})")
    if rec.variant != "current":
        text.append(f" ({literal(rec.variant)} wording)", style="dim")
    text.append("\nRule: ", style="bold")
    text.append(literal(rec.rule))
    for label, value in (
        ("URL", rec.url),
        ("redirected from", rec.initial_url),
        ("page origin", rec.origin),
        ("quoted", rec.hint),
    ):
        if value:
            text.append(f"\n{label}: ", style="bold")
            text.append(literal(value))
    if problem is not None:
        text.append(f"\n\n{NO} The rebuilt scenario does not load: {literal(problem)}", style="bold")
        return text
    if report is None:
        return text
    verdict = report.verdict(rec.resource)
    if verdict is None:
        return text
    text.append(f"\n\nVerdict ({verdict.resource}): ", style="bold")
    text.append(f"{OUTCOME_SYMBOL[verdict.outcome]} {verdict.outcome}", style="bold")
    for step in verdict.trace:
        if step.result == "fail":
            text.append(f"\n{STEP_MARK['fail']} {literal(step.summary)}", style="bold")
            text.append(f"  ({step.spec})", style="dim")
    for fix in verdict.fixes:
        text.append("\n\nFix:\n", style="bold")
        text.append(literal(fix))
    for warning in verdict.warnings:
        text.append("\n\nWarning: ", style="bold")
        text.append(literal(warning))
    if load_hint:
        text.append("\n\nCtrl+G (or the button) loads this scenario into the workbench.", style="dim")
    return text


def explained(rec: Recognised) -> tuple[dict[str, Any] | None, policy_core.Report | None, str | None]:
    """The rebuilt scenario of one message and its report, or why it does not load."""
    try:
        mapping = scenario_for(rec)
        return mapping, policy_core.evaluate(policy_core.load_scenario(mapping)), None
    except policy_core.ScenarioError as error:
        return None, None, str(error)


def all_explanations_text(found: list[tuple[Recognised, policy_core.Report | None, str | None]]) -> Text:
    """Every message of the paste, most specific first; Ctrl+G loads the first."""
    if len(found) == 1:
        rec, report, problem = found[0]
        return explanation_text(rec, report, problem)
    text = Text()
    text.append(f"{len(found)} messages in this paste, the most specific first.", style="bold")
    text.append(" Ctrl+G loads message 1 into the workbench.", style="dim")
    for number, (rec, report, problem) in enumerate(found, start=1):
        text.append(f"\n\n── message {number} of {len(found)} ──\n", style="bold")
        text.append_text(explanation_text(rec, report, problem, load_hint=False))
    return text


class ExplainScreen(Screen[None]):
    CSS_PATH = "explain.tcss"
    BINDINGS = [
        Binding("ctrl+g", "load", "Load in workbench", id="explain-load"),
        Binding("escape", "close", "Back", id="close-explain"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.recognised: Recognised | None = None
        self.mapping: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="explain"):
            yield TextArea("", id="explain-paste", soft_wrap=True, placeholder=PLACEHOLDER)
            with Horizontal(id="explain-buttons"):
                yield Button("Load in workbench", id="explain-load-button", variant="primary", disabled=True)
            with VerticalScroll(id="explain-result-box"):
                yield TextLine(id="explain-result")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#explain").border_title = "Explain a console error"
        self.query_one("#explain-paste").focus()
        self.explain("")

    @on(TextArea.Changed, "#explain-paste")
    def _changed(self, event: TextArea.Changed) -> None:
        self.explain(event.text_area.text)

    def explain(self, text: str) -> None:
        result = self.query_one("#explain-result", TextLine)
        found = recognise_all(text)[:SHOWN_MESSAGES] if text.strip() else []
        self.recognised = found[0] if found else None
        self.mapping = None
        if self.recognised is None:
            message = Text()
            if text.strip():
                message.append(f"{NO} Not recognised.", style="bold")
                message.append(" These messages are known:")
            else:
                message.append("Paste a browser console error above. These messages are known:")
            message.append_text(known_text())
            result.text = message
        else:
            shown = []
            for number, rec in enumerate(found):
                mapping, report, problem = explained(rec)
                if number == 0:
                    self.mapping = mapping  # Ctrl+G loads the most specific message's scenario
                shown.append((rec, report, problem))
            result.text = all_explanations_text(shown)
        self.query_one("#explain-load-button", Button).disabled = self.mapping is None
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "load":
            return True if self.mapping is not None else None  # shown dimmed until there is something
        return True

    @on(Button.Pressed, "#explain-load-button")
    def action_load(self) -> None:
        if self.mapping is None or self.recognised is None:
            return
        draft = ScenarioDraft.from_scenario(policy_core.load_scenario(self.mapping))
        self.post_message(ShowDraft(draft, f"Explained: {self.recognised.reason}"))  # closes this screen

    def action_close(self) -> None:
        self.dismiss(None)
