"""Talk mode: one deck slide at a time, a verdict banner and origins big enough for the back row.

Keys follow presenter clickers: PageDown/PageUp step slides; → reveals the selected verdict's
trace one step at a time (and moves on to the next slide once everything is shown), ← hides one;
``b`` blanks the screen; F5 goes back to the first slide; Esc leaves talk mode (Ctrl+T resumes).
Edits stay live: ``e`` opens the slide's scenario as TOML beside the banner and every keystroke
re-evaluates; ``w`` opens it in the workbench instead. An edited slide keeps its edit until ``r``.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static, TextArea

import policy_core
from origin_playground.deck import judged, scenario_from_text, scenario_text
from origin_playground.glyphs import NO, OUTCOME_SYMBOL, STEP_MARK, literal, yes_no

from ..messages import LeaveTalk, ShowDraft
from ..session import DeckSession, Session
from ..state import Evaluation, ScenarioDraft, evaluate_draft
from ..widgets.fitting_footer import FittingFooter
from ..widgets.origin_breakdown import OriginBreakdown
from ..widgets.resource_toggles import LABELS
from ..widgets.text_line import TextLine

__all__ = ["DeckSession", "TalkScreen", "banner_text", "relation_text", "trace_text"]

OUTCOME_CLASSES = ("-allowed", "-partial", "-blocked")
WIDE_WORDS_UP_TO = 3  # with this many verdicts or fewer, the outcome word is letter-spaced (reads further)
NARROW_WIDTH = 100  # below this the live editor takes the whole width (the trace waits)


def outcome_word(outcome: str, wide: bool) -> str:
    word = outcome.upper()
    return " ".join(word) if wide else word


def banner_text(
    resource: str, verdict: policy_core.Verdict, wide: bool, about: tuple[str, ...] = ()
) -> Text:
    """Three lines: the resource, the outcome as symbol AND word, the capabilities. A slide
    ``about`` some capabilities judges only those (origin_playground.deck.judged); the others
    are still listed, dimmed."""
    outcome = judged(verdict, about).outcome
    counted = {name for name, _ in judged(verdict, about).can}
    text = Text(justify="center")
    text.append(f"{LABELS[resource]}\n", style="bold")
    text.append(f"{OUTCOME_SYMBOL[outcome]}  {outcome_word(outcome, wide)}\n", style="bold")
    for index, (name, allowed) in enumerate(verdict.can):
        text.append("   " if index else "")
        text.append(f"{name} {yes_no(allowed)}", style="" if name in counted else "dim")
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

    def __init__(self, session: Session) -> None:
        super().__init__()
        assert session.deck is not None, "talk mode needs a deck in the session"
        self.session = session
        self.evaluation: Evaluation | None = None
        self.report: policy_core.Report | None = None  # the last good report for this slide
        self.editor_open = False

    @property
    def deck(self) -> DeckSession:
        """The session's deck: it outlives the screen (leaving talk mode and coming back keeps the
        place and the edits), and a newly opened deck is shown by the same screen."""
        assert self.session.deck is not None
        return self.session.deck

    def compose(self) -> ComposeResult:
        with Vertical(id="talk"):
            yield TextLine(id="talk-top")
            yield TextLine(id="talk-title")
            with Horizontal(id="talk-origins"):
                with Vertical(classes="talk-origin-box", id="talk-page-box"):
                    yield OriginBreakdown(id="talk-page", classes="talk-origin")
                    yield TextLine(id="talk-page-url", classes="talk-url")
                with Vertical(classes="talk-origin-box", id="talk-target-box"):
                    yield OriginBreakdown(id="talk-target", classes="talk-origin")
                    yield TextLine(id="talk-target-url", classes="talk-url")
            yield TextLine(id="talk-relation")
            with Horizontal(id="talk-banner"):
                for resource in policy_core.RESOURCE_TYPES:
                    yield TextLine(id=f"talk-verdict-{resource}", classes="talk-verdict")
            yield TextLine(id="talk-error")
            with Horizontal(id="talk-body"):
                yield TextLine(id="talk-trace")
                yield TextArea("", id="talk-editor", language=None, soft_wrap=True, show_line_numbers=False)
            yield TextLine(id="talk-notes")
        yield Static("", id="talk-blank")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#talk-page-box").border_title = "page"
        self.query_one("#talk-target-box").border_title = "target"
        self.query_one("#talk-editor").display = False
        self.query_one("#talk-blank").display = False
        if self.deck.in_workbench:  # back from the workbench: its draft is now this slide's edit
            self.deck.in_workbench = False
            self.deck.edited[self.deck.index] = self.session.draft.copy()
        self.show_slide()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def _line(self, selector: str, text: Text) -> None:
        self.query_one(selector, TextLine).text = text

    # --- showing --------------------------------------------------------------------------------

    def show_slide(self) -> None:
        deck = self.deck
        slide = deck.slide
        self._update_top()
        self._line("#talk-title", Text(literal(slide.title), style="bold"))
        notes = self.query_one("#talk-notes", TextLine)
        notes.text = Text(literal(slide.notes or "(no speaker notes)"))
        notes.display = deck.notes_shown
        self.report = None
        if self.editor_open:
            self._fill_editor()
        self.evaluate(deck.draft())

    def evaluate(self, draft: ScenarioDraft) -> None:
        evaluation = evaluate_draft(draft)
        self.evaluation = evaluation
        if evaluation.report is not None:
            self.report = evaluation.report
        self._paint(draft.resources)

    def _paint(self, resources: list[str]) -> None:
        error = self.query_one("#talk-error", TextLine)
        stale = self.evaluation is not None and self.evaluation.error is not None
        if stale and self.evaluation is not None and self.evaluation.error is not None:
            error.text = Text(f"{NO} {literal(str(self.evaluation.error))}")
        error.display = stale
        for widget_id in ("#talk-banner", "#talk-origins", "#talk-trace", "#talk-relation"):
            self.query_one(widget_id).set_class(stale, "-stale")
        report = self.report
        if report is None:
            return
        self.query_one("#talk-page", OriginBreakdown).show(report.page.origin_parts, report.origin_diff)
        self.query_one("#talk-target", OriginBreakdown).show(report.target.origin_parts, report.origin_diff)
        self._line("#talk-page-url", Text(literal(report.page.url)))
        self._line("#talk-target-url", Text(literal(report.target.url)))
        self._line("#talk-relation", relation_text(report))
        shown = [v.resource for v in report.verdicts if v.resource in resources] or [
            v.resource for v in report.verdicts
        ]
        if self.deck.selected not in shown:
            self.deck.selected = shown[0] if shown else None
        wide = len(shown) <= WIDE_WORDS_UP_TO
        for resource in policy_core.RESOURCE_TYPES:
            block = self.query_one(f"#talk-verdict-{resource}", TextLine)
            verdict = report.verdict(resource)
            block.display = verdict is not None and resource in shown
            if verdict is None or not block.display:
                continue
            about = self.deck.slide.about
            block.remove_class(*OUTCOME_CLASSES)
            block.add_class(f"-{judged(verdict, about).outcome}")
            block.set_class(resource == self.deck.selected and len(shown) > 1, "-selected")
            block.text = banner_text(resource, verdict, wide, about)
        self._paint_trace()

    def _selected_verdict(self) -> policy_core.Verdict | None:
        if self.report is None or self.deck.selected is None:
            return None
        return self.report.verdict(self.deck.selected)

    def _steps_to_show(self) -> int:
        verdict = self._selected_verdict()
        if verdict is None:
            return 0
        reveal = self.deck.slide.reveal
        return len(verdict.trace) if reveal == "all" else self.deck.revealed

    def _paint_trace(self) -> None:
        trace = self.query_one("#talk-trace", TextLine)
        text = trace_text(self._selected_verdict(), self._steps_to_show(), self.deck.slide.reveal)
        trace.text = text

    # --- the editor -------------------------------------------------------------------------------

    def _fill_editor(self) -> None:
        """The slide's scenario as TOML, each header one ``Name: value`` line (the deck's form)."""
        editor = self.query_one("#talk-editor", TextArea)
        with self.prevent(TextArea.Changed):
            editor.load_text(scenario_text(self.deck.draft().to_mapping()))

    @on(TextArea.Changed, "#talk-editor")
    def _edited(self, event: TextArea.Changed) -> None:
        """Every keystroke: parse, load through the core, evaluate. Errors keep the last verdict, dimmed."""
        try:
            draft = ScenarioDraft.from_scenario(scenario_from_text(event.text_area.text))
        except policy_core.ScenarioError as error:
            self.evaluation = Evaluation(None, error)
            self._paint(self.deck.draft().resources)
            return
        self.deck.edited[self.deck.index] = draft
        self.evaluate(draft)
        self._update_top()

    def _update_top(self) -> None:
        deck = self.deck
        top = Text()
        top.append(literal(deck.deck.title), style="dim")
        top.append(f"   slide {deck.index + 1}/{deck.count}", style="bold")
        if deck.index in deck.edited:
            top.append("   ✎ edited on stage (r resets)", style="bold")
        self._line("#talk-top", top)

    # --- actions ----------------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        if self.deck.go(index):
            self.show_slide()

    def action_next_slide(self) -> None:
        self._go(self.deck.index + 1)

    def action_previous_slide(self) -> None:
        self._go(self.deck.index - 1)

    def action_first_slide(self) -> None:
        self._go(0)

    def action_last_slide(self) -> None:
        self._go(self.deck.count - 1)

    def action_reveal(self) -> None:
        """One more trace step; once all are shown (or the slide hides its trace), the next slide."""
        verdict = self._selected_verdict()
        reveal = self.deck.slide.reveal
        if verdict is not None and reveal == "trace" and self.deck.revealed < len(verdict.trace):
            self.deck.revealed += 1
            self._paint_trace()
        else:
            self.action_next_slide()

    def action_hide(self) -> None:
        """One step fewer; with none shown, the previous slide."""
        if self.deck.slide.reveal == "trace" and self.deck.revealed > 0:
            self.deck.revealed -= 1
            self._paint_trace()
        else:
            self.action_previous_slide()

    def action_select_verdict(self, step: int) -> None:
        report = self.report
        if report is None:
            return
        shown = [r for r in policy_core.RESOURCE_TYPES if self.query_one(f"#talk-verdict-{r}").display]
        if len(shown) < 2 or self.deck.selected not in shown:
            return
        self.deck.selected = shown[(shown.index(self.deck.selected) + step) % len(shown)]
        self.deck.revealed = 0
        self._paint(self.deck.draft().resources)

    def action_toggle_notes(self) -> None:
        self.deck.notes_shown = not self.deck.notes_shown
        self.query_one("#talk-notes").display = self.deck.notes_shown

    def action_edit(self) -> None:
        editor = self.query_one("#talk-editor", TextArea)
        if self.editor_open:
            self._close_editor()
            return
        self.editor_open = True
        self.add_class("-editing")  # the origins make room for the editor (talk.tcss)
        self._fill_editor()
        editor.display = True
        editor.focus()

    def _close_editor(self) -> None:
        self.editor_open = False
        self.remove_class("-editing")
        self.query_one("#talk-editor").display = False
        self.set_focus(None)
        self.show_slide()  # an unparsable edit is dropped: the slide shows its last good scenario

    def action_reset_slide(self) -> None:
        if self.deck.edited.pop(self.deck.index, None) is not None:
            self.deck.revealed = 0
            self.show_slide()
            self.notify("Slide reset to the deck's scenario.", markup=False)

    def action_blank(self) -> None:
        blank = self.query_one("#talk-blank")
        blank.display = not blank.display
        self.query_one("#talk").display = not blank.display

    def action_open_in_workbench(self) -> None:
        """The slide's scenario in the full workbench; Ctrl+T (or the palette) comes back with the edit."""
        slide = self.deck.slide
        name = f"slide {self.deck.index + 1}: {slide.title}"
        self.post_message(ShowDraft(self.deck.draft(), name, from_slide=True))

    def action_leave(self) -> None:
        if self.editor_open:
            self._close_editor()
            return
        if self.query_one("#talk-blank").display:
            self.action_blank()
            return
        self.post_message(LeaveTalk())
