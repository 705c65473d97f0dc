"""Below NARROW_WIDTH: one line per verdict, docked above the footer, so the verdicts stay on
screen while any pane is edited (80x24)."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from origin_playground.glyphs import OUTCOME_SYMBOL, yes_no
from policy_core import Verdict

from ..repaint import size_changed
from .resource_toggles import LABELS

# The capability phrases (policy_core.scenario.CAPABILITY_PHRASES), short enough for one line.
SHORT_PHRASES: dict[str, str] = {
    "dom.access": "script reaches the document",
    "iframe.embed": "shows",
    "iframe.script_access": "script reaches in",
    "fetch.send": "sent",
    "fetch.read": "script reads it",
    "image.display": "shows",
    "image.read_pixels": "pixels readable",
    "script.execute": "runs",
    "script.read_errors": "errors readable",
    "cookie.stored": "kept",
    "cookie.sent": "sent",
    "cookie.script_read": "script reads it",
}
LABEL_WIDTH = max(len(label) for label in LABELS.values())


def strip_line(verdict: Verdict) -> Content:
    parts: list[Content | str | tuple[str, str]] = [
        (f"{OUTCOME_SYMBOL[verdict.outcome]} {LABELS[verdict.resource]:<{LABEL_WIDTH}}",
         f"bold $verdict-{verdict.outcome}"),
    ]
    for name, allowed in verdict.can:
        phrase = SHORT_PHRASES.get(f"{verdict.resource}.{name}", name.replace("_", " "))
        parts += ["  ", (f"{yes_no(allowed)} {phrase}", "bold" if allowed else "")]
    return Content.assemble(*parts)


class VerdictStrip(Static):
    verdicts: var[tuple[Verdict, ...]] = var[tuple[Verdict, ...]]((), init=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)

    def watch_verdicts(self, verdicts: tuple[Verdict, ...]) -> None:
        lines = [strip_line(verdict) for verdict in verdicts]
        self.update(Content("\n").join(lines) if lines else Content("Switch on a resource type (F3)."),
                    layout=False)
        # Hidden at 120 columns (app.tcss shows it below NARROW_WIDTH only), with no width there:
        # size_changed would ask for a layout of the whole screen on every keystroke. The layout
        # that shows it measures it.
        if self.display and size_changed(self):
            self.refresh(layout=True)
