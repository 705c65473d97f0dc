"""Talk mode: one deck slide at a time, a verdict banner and origins big enough for the back row.

Keys follow presenter clickers: PageDown/PageUp step slides; → reveals the selected verdict's
trace one step at a time (and moves on to the next slide once everything is shown), ← hides one;
``b`` blanks the screen; F5 goes back to the first slide; Esc leaves talk mode (Ctrl+T resumes).
Edits stay live: ``e`` opens the slide's scenario as TOML beside the banner and every keystroke
re-evaluates; ``w`` opens it in the workbench instead. An edited slide keeps its edit until ``r``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

import policy_core
from origin_playground.deck import Deck, Slide
from origin_playground.glyphs import OUTCOME_SYMBOL, STEP_MARK, literal, yes_no

from ..repaint import update_static
from ..state import Evaluation, ScenarioDraft, evaluate_draft, scenario_toml
from ..widgets.origin_breakdown import OriginBreakdown
from ..widgets.resource_toggles import LABELS

if TYPE_CHECKING:
    from ..app import OriginPlaygroundApp

OUTCOME_CLASSES = ("-allowed", "-partial", "-blocked")
WIDE_WORDS_UP_TO = 3  # with this many verdicts or fewer, the outcome word is letter-spaced (reads further)


@dataclass
class DeckSession:
    """Where the speaker is: the slide, the edits made on stage, the trace shown so far. No UI."""

    deck: Deck
    index: int = 0
    edited: dict[int, ScenarioDraft] = field(default_factory=dict)
    revealed: int = 0
    selected: str | None = None
    notes_shown: bool = False
    in_workbench: bool = False  # the slide went to the workbench (``w``); its draft comes back on resume

    @property
    def slide(self) -> Slide:
        return self.deck.slides[self.index]

    @property
    def count(self) -> int:
        return len(self.deck.slides)

    def draft(self) -> ScenarioDraft:
        """The slide's scenario as the room sees it: the stage edit if there is one."""
        edited = self.edited.get(self.index)
        return edited.copy() if edited is not None else ScenarioDraft.from_scenario(self.slide.scenario)

    def go(self, index: int) -> bool:
        index = max(0, min(self.count - 1, index))
        if index == self.index:
            return False
        self.index = index
        self.revealed = 0
        self.selected = None
        return True


def outcome_word(outcome: str, wide: bool) -> str:
    word = outcome.upper()
    return " ".join(word) if wide else word


def banner_text(resource: str, verdict: policy_core.Verdict, wide: bool) -> Text:
    """Three lines: the resource, the outcome as symbol AND word, the capabilities."""
    text = Text(justify="center")
    text.append(f"{LABELS[resource]}\n", style="bold")
    text.append(f"{OUTCOME_SYMBOL[verdict.outcome]}  {outcome_word(verdict.outcome, wide)}\n", style="bold")
    text.append("   ".join(f"{name} {yes_no(allowed)}" for name, allowed in verdict.can))
    return text


def relation_text(report: policy_core.Report) -> Text:
    text = Text(justify="center")
    if report.same_origin:
        text.append(f"{yes_no(True)} SAME ORIGIN", style="bold")
    else:
        text.append(f"{yes_no(False)} DIFFERENT ORIGIN", style="bold")
        if report.origin_diff:
            text.append(f" ({', '.join(report.origin_diff)} differs)")
    text.append("     ")
    text.append(
        f"{yes_no(report.same_site)} {'SAME SITE' if report.same_site else 'CROSS-SITE'}", style="bold"
    )
    return text


def trace_text(verdict: policy_core.Verdict | None, shown: int, reveal: str) -> Text:
    if verdict is None:
        return Text("")
    steps = verdict.trace
    text = Text()
    text.append(f"Trace: {LABELS[verdict.resource]}", style="bold underline")
    if reveal == "none":
        return Text("")
    text.append(f"   {min(shown, len(steps))}/{len(steps)} steps", style="dim")
    if shown < len(steps):
        text.append("   → next step", style="dim")
    for step in steps[:shown]:
        text.append(f"\n{STEP_MARK.get(step.result, '?')} ", style="bold")
        text.append(literal(step.summary), style="bold" if step.result == "fail" else "")
        text.append(f"\n    {step.spec}", style="dim italic")
    if shown >= len(steps):
        chrome = verdict.console.chrome
        if chrome:
            text.append("\n\nChrome console: ", style="bold")
            text.append(literal(chrome))
        for fix in verdict.fixes[:2]:
            text.append("\n\nFix: ", style="bold")
            text.append(literal(fix))
    return text


class TalkScreen(Screen[None]):
    CSS_PATH = "talk.tcss"
    AUTO_FOCUS = ""  # keys belong to the presenter, not to the (hidden) editor
    BINDINGS = [
        Binding("pagedown", "next_slide", "Next slide", id="talk-next-slide"),
        Binding("pageup", "previous_slide", "Prev slide", id="talk-previous-slide"),
        Binding("right,space", "reveal", "Reveal step", id="talk-reveal"),
        Binding("left", "hide", "Hide step", id="talk-hide"),
        Binding("down", "select_verdict(1)", "Next verdict", id="talk-next-verdict", show=False),
        Binding("up", "select_verdict(-1)", "Previous verdict", id="talk-previous-verdict", show=False),
        Binding("n", "toggle_notes", "Notes", id="talk-notes"),
        Binding("e", "edit", "Edit", id="talk-edit", tooltip="Edit the slide's scenario live (TOML)"),
        Binding("w", "open_in_workbench", "Workbench", id="talk-workbench", show=False),
        Binding("r", "reset_slide", "Reset", id="talk-reset", tooltip="Back to the deck's scenario"),
        Binding("b,full_stop", "blank", "Blank", id="talk-blank", show=False),
        Binding("home,f5", "first_slide", "First slide", id="talk-first-slide", show=False),
        Binding("end", "last_slide", "Last slide", id="talk-last-slide", show=False),
        Binding("escape", "leave", "Leave", id="talk-leave", tooltip="Close the editor, or leave talk mode"),
    ]

    def __init__(self, session: DeckSession | Deck) -> None:
        super().__init__(id="talk-screen")
        # The session outlives the screen: leaving talk mode and coming back keeps the place and edits.
        self.session = session if isinstance(session, DeckSession) else DeckSession(session)
        self.evaluation: Evaluation | None = None
        self.report: policy_core.Report | None = None  # the last good report for this slide
        self.editor_open = False

    @property
    def playground(self) -> OriginPlaygroundApp:
        return cast("OriginPlaygroundApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="talk"):
            yield Static("", id="talk-top", markup=False)
            yield Static("", id="talk-title", markup=False)
            with Horizontal(id="talk-origins"):
                with Vertical(classes="talk-origin-box", id="talk-page-box"):
                    yield OriginBreakdown(id="talk-page", classes="talk-origin")
                    yield Static("", id="talk-page-url", classes="talk-url", markup=False)
                with Vertical(classes="talk-origin-box", id="talk-target-box"):
                    yield OriginBreakdown(id="talk-target", classes="talk-origin")
                    yield Static("", id="talk-target-url", classes="talk-url", markup=False)
            yield Static("", id="talk-relation", markup=False)
            with Horizontal(id="talk-banner"):
                for resource in policy_core.RESOURCE_TYPES:
                    yield Static("", id=f"talk-verdict-{resource}", classes="talk-verdict", markup=False)
            yield Static("", id="talk-error", markup=False)
            with Horizontal(id="talk-body"):
                yield Static("", id="talk-trace", markup=False)
                yield TextArea("", id="talk-editor", language=None, soft_wrap=True, show_line_numbers=False)
            yield Static("", id="talk-notes", markup=False)
        yield Static("", id="talk-blank")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#talk-page-box").border_title = "page"
        self.query_one("#talk-target-box").border_title = "target"
        self.query_one("#talk-editor").display = False
        self.query_one("#talk-blank").display = False
        if self.session.in_workbench:  # back from the workbench: its draft is now this slide's edit
            self.session.in_workbench = False
            self.session.edited[self.session.index] = self.playground.draft.copy()
        self.show_slide()

    # --- showing --------------------------------------------------------------------------------

    def show_slide(self) -> None:
        session = self.session
        slide = session.slide
        self._update_top()
        update_static(self.query_one("#talk-title", Static), Text(literal(slide.title), style="bold"))
        notes = self.query_one("#talk-notes", Static)
        update_static(notes, Text(literal(slide.notes or "(no speaker notes)")))
        notes.display = session.notes_shown
        self.report = None
        if self.editor_open:
            self._fill_editor()
        self.evaluate(session.draft())

    def evaluate(self, draft: ScenarioDraft) -> None:
        evaluation = evaluate_draft(draft)
        self.evaluation = evaluation
        if evaluation.report is not None:
            self.report = evaluation.report
        self._paint(draft.resources)

    def _paint(self, resources: list[str]) -> None:
        error = self.query_one("#talk-error", Static)
        stale = self.evaluation is not None and self.evaluation.error is not None
        if stale and self.evaluation is not None and self.evaluation.error is not None:
            update_static(error, Text(f"✘ {literal(str(self.evaluation.error))}"))
        error.display = stale
        for widget_id in ("#talk-banner", "#talk-origins", "#talk-trace", "#talk-relation"):
            self.query_one(widget_id).set_class(stale, "-stale")
        report = self.report
        if report is None:
            return
        self.query_one("#talk-page", OriginBreakdown).show(report.page.origin_parts, report.origin_diff)
        self.query_one("#talk-target", OriginBreakdown).show(report.target.origin_parts, report.origin_diff)
        update_static(self.query_one("#talk-page-url", Static), Text(literal(report.page.url)))
        update_static(self.query_one("#talk-target-url", Static), Text(literal(report.target.url)))
        update_static(self.query_one("#talk-relation", Static), relation_text(report))
        shown = [v.resource for v in report.verdicts if v.resource in resources] or [
            v.resource for v in report.verdicts
        ]
        if self.session.selected not in shown:
            self.session.selected = shown[0] if shown else None
        wide = len(shown) <= WIDE_WORDS_UP_TO
        for resource in policy_core.RESOURCE_TYPES:
            block = self.query_one(f"#talk-verdict-{resource}", Static)
            verdict = report.verdict(resource)
            block.display = verdict is not None and resource in shown
            if verdict is None or not block.display:
                continue
            block.remove_class(*OUTCOME_CLASSES)
            block.add_class(f"-{verdict.outcome}")
            block.set_class(resource == self.session.selected and len(shown) > 1, "-selected")
            update_static(block, banner_text(resource, verdict, wide))
        self._paint_trace()

    def _selected_verdict(self) -> policy_core.Verdict | None:
        if self.report is None or self.session.selected is None:
            return None
        return self.report.verdict(self.session.selected)

    def _steps_to_show(self) -> int:
        verdict = self._selected_verdict()
        if verdict is None:
            return 0
        reveal = self.session.slide.reveal
        return len(verdict.trace) if reveal == "all" else self.session.revealed

    def _paint_trace(self) -> None:
        trace = self.query_one("#talk-trace", Static)
        text = trace_text(self._selected_verdict(), self._steps_to_show(), self.session.slide.reveal)
        update_static(trace, text)

    # --- the editor -------------------------------------------------------------------------------

    def _fill_editor(self) -> None:
        editor = self.query_one("#talk-editor", TextArea)
        with self.prevent(TextArea.Changed):
            editor.load_text(scenario_toml(self.session.draft()))

    @on(TextArea.Changed, "#talk-editor")
    def _edited(self, event: TextArea.Changed) -> None:
        """Every keystroke: parse, load through the core, evaluate. Errors keep the last verdict, dimmed."""
        try:
            mapping = tomllib.loads(event.text_area.text)
            draft = ScenarioDraft.from_scenario(policy_core.load_scenario(mapping))
        except tomllib.TOMLDecodeError as error:
            self.evaluation = Evaluation(
                None, policy_core.ScenarioError("scenario", f"not valid TOML: {error}")
            )
            self._paint(self.session.draft().resources)
            return
        except policy_core.ScenarioError as error:
            self.evaluation = Evaluation(None, error)
            self._paint(self.session.draft().resources)
            return
        self.session.edited[self.session.index] = draft
        self.evaluate(draft)
        self._update_top()

    def _update_top(self) -> None:
        session = self.session
        top = Text()
        top.append(literal(session.deck.title), style="dim")
        top.append(f"   slide {session.index + 1}/{session.count}", style="bold")
        if session.index in session.edited:
            top.append("   ✎ edited on stage (r resets)", style="bold")
        update_static(self.query_one("#talk-top", Static), top)

    # --- actions ----------------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        if self.session.go(index):
            self.show_slide()

    def action_next_slide(self) -> None:
        self._go(self.session.index + 1)

    def action_previous_slide(self) -> None:
        self._go(self.session.index - 1)

    def action_first_slide(self) -> None:
        self._go(0)

    def action_last_slide(self) -> None:
        self._go(self.session.count - 1)

    def action_reveal(self) -> None:
        """One more trace step; once all are shown (or the slide hides its trace), the next slide."""
        verdict = self._selected_verdict()
        reveal = self.session.slide.reveal
        if verdict is not None and reveal == "trace" and self.session.revealed < len(verdict.trace):
            self.session.revealed += 1
            self._paint_trace()
        else:
            self.action_next_slide()

    def action_hide(self) -> None:
        """One step fewer; with none shown, the previous slide."""
        if self.session.slide.reveal == "trace" and self.session.revealed > 0:
            self.session.revealed -= 1
            self._paint_trace()
        else:
            self.action_previous_slide()

    def action_select_verdict(self, step: int) -> None:
        report = self.report
        if report is None:
            return
        shown = [r for r in policy_core.RESOURCE_TYPES if self.query_one(f"#talk-verdict-{r}").display]
        if len(shown) < 2 or self.session.selected not in shown:
            return
        self.session.selected = shown[(shown.index(self.session.selected) + step) % len(shown)]
        self.session.revealed = 0
        self._paint(self.session.draft().resources)

    def action_toggle_notes(self) -> None:
        self.session.notes_shown = not self.session.notes_shown
        self.query_one("#talk-notes").display = self.session.notes_shown

    def action_edit(self) -> None:
        editor = self.query_one("#talk-editor", TextArea)
        if self.editor_open:
            self._close_editor()
            return
        self.editor_open = True
        self._fill_editor()
        editor.display = True
        editor.focus()

    def _close_editor(self) -> None:
        self.editor_open = False
        self.query_one("#talk-editor").display = False
        self.set_focus(None)
        self.show_slide()  # an unparsable edit is dropped: the slide shows its last good scenario

    def action_reset_slide(self) -> None:
        if self.session.edited.pop(self.session.index, None) is not None:
            self.session.revealed = 0
            self.show_slide()
            self.notify("Slide reset to the deck's scenario.", markup=False)

    def action_blank(self) -> None:
        blank = self.query_one("#talk-blank")
        blank.display = not blank.display
        self.query_one("#talk").display = not blank.display

    def action_open_in_workbench(self) -> None:
        """The slide's scenario in the full workbench; Ctrl+T (or the palette) comes back with the edit."""
        slide = self.session.slide
        self.playground.replace_draft(
            self.session.draft(), f"slide {self.session.index + 1}: {slide.title}", None
        )
        self.session.in_workbench = True
        self.playground.leave_talk()

    def action_leave(self) -> None:
        if self.editor_open:
            self._close_editor()
            return
        if self.query_one("#talk-blank").display:
            self.action_blank()
            return
        self.playground.leave_talk()
