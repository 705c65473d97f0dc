"""Learn: the guided flow of issue 15. One plain question per step (examples to pick, or free
text), a concept screen where a beginner needs one, then the answer: plain sentences first, Chrome's
console line, the trace, the smallest fix and the "What if" list.

The questions, the scenario they build and the sentences are policy_core.learn's; this screen
shows them and keeps the learner's place in ``LearnProgress`` (held by the App, so the workbench can
come back to the flow). "Open in the workbench" goes up as ``ShowDraft`` (the App asks before it
replaces unsaved changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Button,
    ContentSwitcher,
    Header,
    Input,
    Label,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

import policy_core
from origin_playground.glyphs import NO, YES, literal
from origin_playground.library import find_scenario
from policy_core.learn import (
    FREE_TEXT_PROMPTS,
    QUESTIONS,
    Answer,
    Pasted,
    Question,
    answer_problem,
    answered_path,
    choices_for,
    plain_answer,
    question_after,
    scenario_for,
    wanted,
)
from policy_core.learn.concepts import BY_ID as CONCEPT_BY_ID
from policy_core.learn.questions import BY_ID
from policy_core.scenario import CAPABILITY_PHRASES
from policy_core.what_if import what_if_by_resource

from ..messages import CopyText, ShowDraft, ShowLibraryScenario
from ..state import ScenarioDraft, parse_pasted_headers
from ..widgets.fitting_footer import FittingFooter
from ..widgets.text_line import TextLine
from ..widgets.trace_view import TraceView

ANSWER = "answer"  # ``LearnProgress.step`` once every question is answered


@dataclass
class LearnProgress:
    """Where the learner is: the answers so far and the step shown (a question id, or ``ANSWER``)."""

    answers: dict[str, Answer] = field(default_factory=dict)
    step: str = QUESTIONS[0].id

    def restart(self) -> None:
        self.answers.clear()
        self.step = QUESTIONS[0].id


def answer_label(question: Question, answer: Answer, answers: dict[str, Answer]) -> str:
    """How an answer reads in the summary: a choice's label, typed text as typed, a paste in short."""
    if isinstance(answer, Pasted):
        return f"pasted: {answer.status}, {len(answer.headers)} header line(s)"
    for value, label in choices_for(question, answers):
        if value == answer:
            return label
    return answer


class LearnScreen(Screen[None]):
    CSS_PATH = "learn.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="learn-back", tooltip="The previous question (or leave the flow)"),
        Binding("f2", "concept", "Concept", id="learn-concept", tooltip="The idea behind this question"),
        Binding("ctrl+g", "workbench", "Open in workbench", id="learn-workbench",
                tooltip="Everything answered so far, in the workbench"),
    ]

    def __init__(self, progress: LearnProgress) -> None:
        super().__init__()
        self.progress = progress
        self.concept: str | None = None  # the concept shown over the current step
        self._what_if_for: object = None  # the scenario whose What if list is shown
        self.report: policy_core.Report | None = None  # the answer step's report

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="learn"):
            with ContentSwitcher(id="learn-steps", initial="learn-question"):
                with Vertical(id="learn-question"):
                    yield TextLine(id="learn-prompt")
                    yield TextLine(id="learn-hint")
                    yield OptionList(id="learn-choices")
                    yield Input(id="learn-free")
                    yield TextArea(id="learn-paste", soft_wrap=True)
                    yield TextLine(id="learn-error")
                    with Horizontal(classes="learn-buttons"):
                        yield Button("Use pasted answer", id="learn-use-paste", compact=True)
                        yield Button("Back", id="learn-back-button", compact=True)
                        yield Button("Concept (F2)", id="learn-concept-button", compact=True)
                        yield Button("Open in workbench", id="learn-workbench-button", compact=True)
                with VerticalScroll(id="learn-concept-step"):
                    yield TextLine(id="learn-concept-text")
                    with Horizontal(classes="learn-buttons"):
                        yield Button("Back to the question", id="learn-concept-back", compact=True)
                        yield Button("Open the example in workbench", id="learn-concept-example", compact=True)
                with VerticalScroll(id="learn-answer"):
                    yield TextLine(id="learn-plain")
                    yield TextLine(id="learn-console")
                    yield TraceView(id="learn-trace")
                    yield TextLine(id="learn-fix")
                    yield TextLine(id="learn-what-if")
                    yield TextLine(id="learn-summary")
                    with Horizontal(classes="learn-buttons"):
                        yield Button("Back", id="learn-answer-back", compact=True)
                        yield Button("Start again", id="learn-restart", compact=True)
                        yield Button("Open in workbench", id="learn-answer-workbench", compact=True)
        yield FittingFooter(compact=True)

    def on_mount(self) -> None:
        self.show_step()

    # --- showing a step ------------------------------------------------------------------------------

    def show_step(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        box = self.query_one("#learn")
        if self.concept is not None:
            switcher.current = "learn-concept-step"
            self._show_concept(self.concept)
            box.border_title = "Learn · concept"
            self.query_one("#learn-concept-back").focus()
        elif self.progress.step == ANSWER:
            switcher.current = "learn-answer"
            box.border_title = "Learn · the answer"
            self._show_answer()
        else:
            switcher.current = "learn-question"
            question = BY_ID[self.progress.step]
            number = len([q for q in answered_path(self.progress.answers) if q.id != question.id]) + 1
            box.border_title = f"Learn · question {number}"
            self._show_question(question)
        self.refresh_bindings()

    def _show_question(self, question: Question) -> None:
        answers = self.progress.answers
        self.query_one("#learn-prompt", TextLine).text = Text(question.text, style="bold")
        hint = question.hint + (" Enter picks; Tab reaches the text box." if question.free_text else " Enter picks.")
        self.query_one("#learn-hint", TextLine).text = Text(hint, style="dim")
        self.query_one("#learn-error", TextLine).text = ""
        options = self.query_one("#learn-choices", OptionList)
        options.clear_options()
        choices = choices_for(question, answers)
        options.add_options([Option(Text(literal(label)), id=f"choice-{i}") for i, (_value, label) in enumerate(choices)])
        current = answers.get(question.id)
        values = [value for value, _label in choices]
        options.highlighted = values.index(current) if isinstance(current, str) and current in values else 0
        typed = current if isinstance(current, str) and current not in values else ""
        free = self.query_one("#learn-free", Input)
        paste = self.query_one("#learn-paste", TextArea)
        pasting = question.free_text == "response"
        free.display = question.free_text is not None and not pasting
        paste.display = pasting
        self.query_one("#learn-use-paste").display = pasting
        free.placeholder = FREE_TEXT_PROMPTS.get(question.free_text or "", "")
        free.value = typed
        paste.text = ""
        paste.placeholder = FREE_TEXT_PROMPTS["response"]
        self.query_one("#learn-concept-button").display = question.concept is not None
        options.focus()

    def _show_concept(self, concept_id: str) -> None:
        concept = CONCEPT_BY_ID[concept_id]
        text = Text()
        text.append(concept.title, style="bold")
        for paragraph in concept.paragraphs:
            text.append("\n\n" + paragraph)
        entry = find_scenario(concept.example)
        if entry is not None:
            text.append("\n\nExample: ", style="bold")
            text.append(entry.title)
        self.query_one("#learn-concept-text", TextLine).text = text

    def _show_answer(self) -> None:
        answers = self.progress.answers
        resource, capabilities = wanted(answers)
        mapping = scenario_for(answers)
        try:
            scenario = policy_core.load_scenario(mapping)
        except policy_core.ScenarioError as error:  # answers are checked as they come: a safety net
            self.query_one("#learn-plain", TextLine).text = Text(f"{NO} {literal(str(error))}")
            return
        report = self.report = policy_core.evaluate(scenario)
        verdict = report.verdict(resource)
        assert verdict is not None  # the scenario asks for exactly this resource
        plain = Text()
        for index, sentence in enumerate(plain_answer(report, resource, capabilities)):
            plain.append(("\n" if index else "") + literal(sentence), style="bold" if index == 0 else "")
        self.query_one("#learn-plain", TextLine).text = plain
        console = Text()
        console.append("\nChrome's console: ", style="bold")
        console.append(literal(verdict.console.chrome) if verdict.console.chrome else "nothing printed")
        self.query_one("#learn-console", TextLine).text = console
        self.query_one(TraceView).verdict = verdict
        fix = Text()
        fix.append("Smallest fix: ", style="bold")
        fix.append(literal(verdict.fixes[0]) if verdict.fixes else "none needed")
        self.query_one("#learn-fix", TextLine).text = fix
        self.query_one("#learn-what-if", TextLine).text = Text("What if: working it out…", style="dim")
        self._what_if_for = mapping
        # The What if list evaluates every single change: it is worked out once the answer is on screen.
        self.call_after_refresh(self._show_what_if, scenario, report, resource, mapping)
        summary = Text()
        summary.append("Your answers", style="bold")
        for question in answered_path(answers):
            summary.append(f"\n• {question.text} ", style="dim")
            summary.append(literal(answer_label(question, answers[question.id], answers)))
        self.query_one("#learn-summary", TextLine).text = summary
        scroll = self.query_one("#learn-answer", VerticalScroll)
        scroll.focus()  # the arrow keys and PageDown read on; Tab reaches the trace and the buttons
        scroll.scroll_home(animate=False)

    def _show_what_if(self, scenario: policy_core.Scenario, report: policy_core.Report, resource: str,
                      mapping: object) -> None:
        if mapping is not self._what_if_for:
            return  # the learner moved on
        entries = what_if_by_resource(scenario, report).get(resource, ())
        text = Text()
        text.append("What if", style="bold")
        if not entries:
            text.append("\nNo single change flips this verdict.")
        for entry in entries:
            phrase = CAPABILITY_PHRASES.get(entry.flips, entry.flips)
            text.append("\n→ " + literal(entry.change) + ": ")
            text.append(f"{YES if entry.to else NO} {phrase}", style="bold")
            if entry.risk:
                text.append("\n    ⚠ " + literal(entry.risk), style="italic")
        self.query_one("#learn-what-if", TextLine).text = text

    # --- answering ----------------------------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return BY_ID.get(self.progress.step) if self.concept is None else None

    def answer(self, answer: Answer) -> None:
        """Take an answer to the current question and move on (a bad typed one is its one-line error)."""
        question = self.question
        if question is None:
            return
        if isinstance(answer, Pasted) or answer not in [v for v, _l in choices_for(question, self.progress.answers)]:
            problem = answer_problem(question.id, answer, self.progress.answers)
            if problem is not None:
                self.query_one("#learn-error", TextLine).text = Text(f"{NO} {literal(problem)}", style="bold")
                return
        self.progress.answers[question.id] = answer
        following = question_after(self.progress.answers, question.id)
        self.progress.step = following.id if following is not None else ANSWER
        self.show_step()

    @on(OptionList.OptionSelected, "#learn-choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question = self.question
        if question is not None:
            self.answer(choices_for(question, self.progress.answers)[event.option_index][0])

    @on(Input.Submitted, "#learn-free")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.answer(event.value.strip())

    @on(Button.Pressed, "#learn-use-paste")
    def _pasted(self) -> None:
        pasted = parse_pasted_headers(self.query_one("#learn-paste", TextArea).text)
        if pasted.status is None and not pasted.headers:
            self.query_one("#learn-error", TextLine).text = Text(
                f"{NO} response: paste a status line (HTTP/1.1 200 OK) or header lines (Name: value)", style="bold")
            return
        if pasted.skipped:
            self.notify(f"Not header lines, left out: {'; '.join(pasted.skipped)[:200]}", title="Pasted answer",
                        severity="warning", markup=False)
        self.answer(Pasted(status=pasted.status or 200, headers=tuple(pasted.headers)))

    # --- moving around --------------------------------------------------------------------------------

    @on(Button.Pressed, "#learn-back-button, #learn-answer-back, #learn-concept-back")
    def action_back(self) -> None:
        if self.concept is not None:
            self.concept = None
        else:
            path = answered_path(self.progress.answers)
            index = next((i for i, q in enumerate(path) if q.id == self.progress.step), len(path))
            earlier = path[:index]
            if not earlier:
                self.dismiss(None)  # before the first question: back to the workbench
                return
            self.progress.step = earlier[-1].id
        self.show_step()

    @on(Button.Pressed, "#learn-concept-button")
    def action_concept(self) -> None:
        question = self.question
        if question is not None and question.concept is not None:
            self.concept = question.concept
            self.show_step()

    @on(Button.Pressed, "#learn-restart")
    def restart(self) -> None:
        self.progress.restart()
        self.show_step()

    @on(Button.Pressed, "#learn-workbench-button, #learn-answer-workbench")
    def action_workbench(self) -> None:
        """Everything answered so far (unanswered questions at their first example) in the workbench."""
        mapping = scenario_for(self.progress.answers)
        try:
            draft = ScenarioDraft.from_scenario(policy_core.load_scenario(mapping))
        except policy_core.ScenarioError as error:
            self.notify(str(error), title="Cannot open it in the workbench", severity="error", markup=False)
            return
        self.post_message(ShowDraft(draft, str(mapping["title"])))  # the App closes this screen

    @on(Button.Pressed, "#learn-concept-example")
    def _open_example(self) -> None:
        if self.concept is not None:
            self.post_message(ShowLibraryScenario(CONCEPT_BY_ID[self.concept].example))

    @on(TraceView.CopyRequested)
    def _copy(self, event: TraceView.CopyRequested) -> None:
        event.stop()
        self.post_message(CopyText(event.text, event.what))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "concept":
            question = self.question
            return question is not None and question.concept is not None
        if action == "workbench":
            return self.concept is None
        return True


class LearnOffer(ModalScreen[bool]):
    """The first start's question: the guided tour, or straight to the workbench."""

    BINDINGS = [Binding("escape", "workbench", "Workbench", id="learn-offer-workbench")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Welcome to Origin Playground", classes="dialog-title")
            yield Static(
                "New to the same-origin policy and CORS? The guided tour asks a few plain questions about "
                "your own page and answers in plain sentences. The workbench shows every setting at once.\n"
                "Either one is always a key away (Ctrl+F: learn, Esc from it: the workbench).",
                id="learn-offer-text",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start the guided tour", id="learn-offer-yes", variant="primary")
                yield Button("Open the workbench", id="learn-offer-no")

    def on_mount(self) -> None:
        self.query_one("#learn-offer-yes", Button).focus()

    @on(Button.Pressed, "#learn-offer-yes")
    def action_learn(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#learn-offer-no")
    def action_workbench(self) -> None:
        self.dismiss(False)
