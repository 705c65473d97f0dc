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
from policy_core.report import FetchDetails
from policy_core.scenario import CAPABILITY_PHRASES

from ..repaint import content_height, size_changed
from .resource_toggles import LABELS

OUTCOME_NAMES = ("allowed", "partial", "blocked")
BORDER_EDGES = ("border_top", "border_right", "border_bottom", "border_left")
WHAT_IF_HINT = {False: "w: what if… ▸", True: "w: what if… ▾"}  # the card's bottom border


def capability_lines(verdict: Verdict) -> Text:
    """One line per capability, in the learner's words: ``✔ the request reaches the server``."""
    text = Text()
    for index, (name, allowed) in enumerate(verdict.can):
        if index:
            text.append("\n")
        phrase = CAPABILITY_PHRASES.get(f"{verdict.resource}.{name}", name.replace("_", " "))
        text.append(f"{yes_no(allowed)} {phrase}", style="bold" if allowed else "")
    return text


def fetch_facts(details: FetchDetails) -> Text:
    """Fetch's own facts as sentences; a fact that is empty says nothing (no "(none)" labels)."""
    lines = []
    if details.preflight:
        lines.append(CAPABILITY_PHRASES["fetch.preflight"] + (":" if details.preflight_request else ""))
        lines.extend(f"  {line}" for line in details.preflight_request)
        if details.preflight_cache_seconds is not None:
            lines.append(
                f"the browser may reuse the preflight's answer for {details.preflight_cache_seconds} s"
            )
    else:
        lines.append("no preflight: the request goes out as it is")
    if details.exposed_headers:
        lines.append("page script may also read these headers: " + ", ".join(details.exposed_headers))
    return Text(literal("\n".join(lines)))


def card_content(verdict: Verdict | None) -> Content:
    """The whole card as one block of text: outcome, capabilities, Chrome's console line, facts.

    One widget per card (not one per line): a keystroke that changes every verdict then restyles
    and re-renders six widgets, not thirty."""
    if verdict is None:
        return Content("…")
    parts: list[Content | str | tuple[str, str]] = [
        (f"{OUTCOME_SYMBOL[verdict.outcome]} {verdict.outcome}", f"bold $verdict-{verdict.outcome}"),
        "\n",
        Content.from_rich_text(capability_lines(verdict)),
    ]
    chrome = verdict.console.chrome
    if chrome:
        parts += ["\n", ("Chrome console: ", "$text-muted"), (literal(chrome), "$text-muted")]
    if verdict.fetch is not None:
        parts += ["\n", Content.from_rich_text(fetch_facts(verdict.fetch)).stylize("$text-secondary")]
    return Content.assemble(*parts)


class VerdictCard(Static, can_focus=True):
    # The outcome's border (app.tcss), read by the card and set on its own styles: a class per
    # outcome would restyle the card (match every rule again) on each keystroke that flips it, the
    # most costly step of such a key.
    COMPONENT_CLASSES = {f"verdict-card--{name}" for name in OUTCOME_NAMES}

    BINDINGS = [
        Binding("enter", "select", "Show trace", id="show-trace", show=False),
        Binding(
            "w",
            "what_if",
            "What if",
            id="what-if",
            show=False,
            tooltip="Show or hide the single changes that would flip this verdict (a click on the card's "
            "bottom border too)",
        ),
    ]

    @dataclass
    class Selected(Message):
        """The user picked this card: the trace should show its verdict."""

        resource: str

    @dataclass
    class WhatIfToggled(Message):
        """The user asked to show (or hide) this card's "What if" list."""

        resource: str

    verdict: var[Verdict | None] = var[Verdict | None](None, init=False)

    def __init__(self, resource: str, **kwargs: Any) -> None:
        super().__init__("", id=f"card-{resource}", classes="verdict-card", markup=False, **kwargs)
        self.resource = resource
        self._reserved = 0  # lines kept for this card (see watch_verdict)
        self._reserved_width = 0
        self._shown_height: int | None = None
        self._outcome: str | None = None
        self._borders: dict[str, Any] = {}  # outcome -> its border now (focus and theme reset it)
        self.border_title = LABELS[resource]
        self.show_what_if_open(False)

    def on_mount(self) -> None:
        # Watchers that run after Textual's own restyle for the focus, and after a theme's.
        self.watch(self, "has_focus", lambda _focused: self._show_outcome_border(restyled=True), init=False)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._show_outcome_border(restyled=True))

    def show_what_if_open(self, open_: bool) -> None:
        self.border_subtitle = WHAT_IF_HINT[open_]

    def watch_verdict(self, verdict: Verdict | None) -> None:
        """Render a new verdict (an equal one never gets here: nothing to repaint)."""
        outcome = None if verdict is None else verdict.outcome
        if outcome != self._outcome:
            self._outcome = outcome
            # The class names the outcome (for queries and tests); no restyle: the border is set below.
            self.update_classes({f"-{name}": name == outcome for name in OUTCOME_NAMES}, update=False)
            self._show_outcome_border()
        content = card_content(verdict)
        width = self.content_region.width
        if width != self._reserved_width:
            self.release_room()  # wrapped heights depend on the width
            self._reserved_width = width
        height = None
        if width > 0:
            # Cards only grow: a verdict with a shorter (or no) console line keeps the room the
            # longer one had, so typing that flips a verdict repaints this card, not the screen.
            height = content_height(self, content, width)
            if height < self._reserved:
                content = Content.assemble(content, "\n" * (self._reserved - height))
                height = self._reserved
            self._reserved = height
        self.update(content, layout=False)
        if size_changed(self, height):
            self.refresh(layout=True)

    def _show_outcome_border(self, restyled: bool = False) -> None:
        """The border app.tcss gives this outcome (focused or not); no outcome: the card's own.

        Set as the card's inline rules without a refresh of their own: the keystroke's content
        update repaints the card once (``restyled``: nothing else will, so repaint here)."""
        if restyled:
            self._borders.clear()
        outcome = self._outcome
        inline = self.styles.inline
        if outcome is None:
            for edge in BORDER_EDGES:
                inline.clear_rule(edge)
        else:
            border = self._borders.get(outcome)
            if border is None:
                styles = self.get_component_styles(f"verdict-card--{outcome}")
                border = self._borders[outcome] = styles.border_top
            for edge in BORDER_EDGES:
                inline.set_rule(edge, border)
        if restyled:
            self.refresh()

    def release_room(self) -> None:
        """Forget the reserved height (a new scenario, or a new width): the next verdict sizes it."""
        self._reserved = 0
        self._shown_height = None

    def action_select(self) -> None:
        self.post_message(self.Selected(self.resource))

    def action_what_if(self) -> None:
        self.post_message(self.WhatIfToggled(self.resource))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Selected(self.resource))
        if event.y == self.outer_size.height - 1:  # the bottom border, where the hint is
            self.post_message(self.WhatIfToggled(self.resource))

    def on_focus(self, event: events.Focus) -> None:
        self.post_message(self.Selected(self.resource))
