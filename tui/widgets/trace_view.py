"""The selected verdict's trace: each step marked, its spec; the highlighted step's detail; then
fixes and warnings, each copyable."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from origin_playground.glyphs import OUTCOME_SYMBOL, STEP_MARK, literal
from policy_core import Step, Verdict

from .resource_toggles import LABELS
from .text_line import TextLine

PLACEHOLDER = "Switch on a resource type to see its trace."
RESULT_STYLE = {"pass": "bold", "fail": "bold reverse", "info": "", "skip": "dim"}


def step_prompt(index: int, step: Step) -> Text:
    text = Text()
    text.append(
        f"{STEP_MARK.get(step.result, '?')} {step.result:<4} ", style=RESULT_STYLE.get(step.result, "")
    )
    text.append(literal(step.summary))
    text.append(f"\n         {step.spec}", style="dim italic")
    return text


def step_detail(step: Step) -> Text:
    text = Text()
    text.append(f"{step.id}", style="bold")
    text.append(f"  ({step.spec})\n", style="italic")
    text.append(literal(step.detail))
    return text


def set_prompts(options: OptionList, prompts: list[Text]) -> None:
    """Show ``prompts`` in ``options``. With as many as before, only the changed prompts are
    replaced: clearing and re-adding re-measures and redraws the whole list (and its scrollbar)."""
    if options.option_count != len(prompts):
        options.clear_options()
        options.add_options([Option(prompt) for prompt in prompts])
        return
    for index, prompt in enumerate(prompts):
        if options.get_option_at_index(index).prompt != prompt:
            options.replace_option_prompt_at_index(index, prompt)


class TraceList(OptionList):
    """An OptionList whose new contents repaint only itself.

    OptionList stores its line count in ``virtual_size``, a ``layout=True`` reactive, and it passes
    through zero lines whenever a prompt is replaced: each of those asks for a layout of the whole
    screen. In a box of fixed size (both trace lists, with their scrollbar always shown: app.tcss)
    the line count only moves the scroll range, which OptionList updates itself
    (``_scroll_update``), so it is stored without the layout request."""

    @property  # type: ignore[override]
    def virtual_size(self) -> Size:
        return Widget.virtual_size.__get__(self, type(self))

    @virtual_size.setter
    def virtual_size(self, size: Size) -> None:
        if self.styles.auto_dimensions:
            Widget.virtual_size.__set__(self, size)  # its box follows its lines: a layout is due
        elif size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self.refresh()


class TraceView(Vertical):
    BINDINGS = [
        Binding(
            "c", "copy", "Copy", id="copy-trace-item", tooltip="Copy the highlighted step, fix or warning"
        )
    ]

    @dataclass
    class CopyRequested(Message):
        """The user asked to copy a step, fix or warning."""

        text: str
        what: str

    verdict: var[Verdict | None] = var[Verdict | None](None, init=False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.notes: list[tuple[str, str]] = []  # ("fix" | "warning", text)

    def compose(self) -> ComposeResult:
        yield TextLine(PLACEHOLDER, id="trace-title")
        yield TraceList(id="trace-steps")
        yield TextLine(id="step-detail")
        yield TraceList(id="trace-notes")  # always shown, at a fixed height (app.tcss)

    def watch_verdict(self, previous: Verdict | None, verdict: Verdict | None) -> None:
        """Show a verdict's trace (or the placeholder line when there is none)."""
        title = self.query_one("#trace-title", TextLine)
        steps = self.query_one("#trace-steps", OptionList)
        notes = self.query_one("#trace-notes", OptionList)
        detail = self.query_one("#step-detail", TextLine)
        keep = (
            steps.highlighted
            if previous is not None and verdict is not None and previous.resource == verdict.resource
            else 0
        )
        if verdict is None:
            steps.clear_options()
            notes.clear_options()
            self.notes = []
            title.text = Text(PLACEHOLDER)
            detail.text = ""
            return
        heading = Text()
        heading.append(f"{LABELS.get(verdict.resource, verdict.resource)}: ", style="bold")
        heading.append(f"{OUTCOME_SYMBOL[verdict.outcome]} {verdict.outcome}", style="bold")
        heading.append(f"   {len(verdict.trace)} steps", style="dim")
        title.text = heading
        set_prompts(steps, [step_prompt(i, s) for i, s in enumerate(verdict.trace)])
        if verdict.trace:
            steps.highlighted = min(keep or 0, len(verdict.trace) - 1)
            detail.text = step_detail(verdict.trace[steps.highlighted])
        else:
            detail.text = ""
        self.notes = [("fix", f) for f in verdict.fixes] + [("warning", w) for w in verdict.warnings]
        prompts = []
        for kind, body in self.notes:
            prompt = Text()
            prompt.append("Fix: " if kind == "fix" else "⚠ Warning: ", style="bold")
            prompt.append(literal(body))
            prompts.append(prompt)
        set_prompts(notes, prompts)

    @on(OptionList.OptionHighlighted, "#trace-steps")
    def _step_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.verdict is not None and 0 <= event.option_index < len(self.verdict.trace):
            self.query_one("#step-detail", TextLine).text = step_detail(
                self.verdict.trace[event.option_index]
            )

    @on(OptionList.OptionSelected, "#trace-notes")
    def _note_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._copy_note(event.option_index)

    @on(OptionList.OptionSelected, "#trace-steps")
    def _step_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def _copy_note(self, index: int) -> None:
        if 0 <= index < len(self.notes):
            kind, body = self.notes[index]
            self.post_message(self.CopyRequested(body, kind))

    def action_copy(self) -> None:
        notes = self.query_one("#trace-notes", OptionList)
        steps = self.query_one("#trace-steps", OptionList)
        if notes.has_focus and notes.highlighted is not None:
            self._copy_note(notes.highlighted)
        elif self.verdict is not None and steps.highlighted is not None and self.verdict.trace:
            step = self.verdict.trace[steps.highlighted]
            self.post_message(self.CopyRequested(f"{step.summary}\n{step.detail}\n({step.spec})", "step"))
