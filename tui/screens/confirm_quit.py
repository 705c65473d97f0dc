"""Asks before unsaved changes go: before quitting, and before another draft replaces this one."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from origin_playground.glyphs import literal

from .path_dialog import PathDialog

Answer = Literal["save", "discard"]  # or None: cancel, nothing happens


class UnsavedDialog(ModalScreen[Answer | None]):
    """Save / Discard / Cancel; the two kinds below are two screens (the App opens one of each)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-unsaved"),
    ]
    SAVE = "Save first"
    DISCARD = "Discard changes"
    CANCEL = "Cancel"

    def __init__(self, incoming: str = "") -> None:
        super().__init__()
        self.incoming = incoming

    def question(self) -> str:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Unsaved changes", classes="dialog-title")
            yield Static(Text(self.question()), id="unsaved-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.SAVE, id="unsaved-save", variant="primary")
                yield Button(self.DISCARD, id="unsaved-discard", variant="error")
                yield Button(self.CANCEL, id="unsaved-cancel")

    def on_mount(self) -> None:
        self.query_one("#unsaved-cancel", Button).focus()  # the safe answer is the default

    @on(Button.Pressed, "#unsaved-save")
    def action_save(self) -> None:
        self.dismiss("save")

    @on(Button.Pressed, "#unsaved-discard")
    def action_discard(self) -> None:
        self.dismiss("discard")

    @on(Button.Pressed, "#unsaved-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class UnsavedChanges(UnsavedDialog):
    """Before the draft is replaced by ``incoming`` (a library scenario, a file, a slide, ...)."""

    def question(self) -> str:
        return f"The scenario has unsaved changes. Replace it with {literal(self.incoming)}?"


def edited_slides(slides: list[int]) -> str:
    """The edited slides (counted from 1) as a sentence's start: 'Slides 2, 4 of this deck were'."""
    which = ", ".join(str(n) for n in slides)
    noun, were = ("Slides", "were") if len(slides) > 1 else ("Slide", "was")
    return f"{noun} {which} of this deck {were}"


class StageEdits(UnsavedDialog):
    """Before another deck replaces one whose slides were edited on stage."""

    SAVE = "Save as a deck"
    DISCARD = "Drop the edits"

    def __init__(self, incoming: str, slides: list[int]) -> None:
        super().__init__(incoming)
        self.slides = slides  # the edited slides, counted from 1 as talk mode shows them

    def question(self) -> str:
        return f"{edited_slides(self.slides)} edited on stage. Open {literal(self.incoming)} instead?"


class SaveDeckDialog(PathDialog):
    """Where the deck with its stage edits goes (a deck file: every slide inline)."""

    TITLE_TEXT = "Save the deck, with its stage edits, as TOML"
    CONFIRM = "Save"
    PLACEHOLDER = "path/to/deck.toml"


class ConfirmQuit(UnsavedDialog):
    """Before quitting while something would be lost: the draft's unsaved changes, a deck's stage
    edits, or both ("Save and quit" saves each of them)."""

    BINDINGS = [
        Binding("escape", "cancel", "Stay", id="stay"),
        Binding("y", "discard", "Quit without saving", id="confirm-quit"),
    ]
    SAVE = "Save and quit"
    DISCARD = "Quit without saving"
    CANCEL = "Stay"

    def __init__(self, *, draft: bool = True, slides: list[int] | None = None) -> None:
        super().__init__()
        self.draft = draft  # the scenario has unsaved changes
        self.slides = slides or []  # the deck's slides edited on stage, counted from 1

    def question(self) -> str:
        lost = []
        if self.draft:
            lost.append("The scenario has unsaved changes.")
        if self.slides:
            lost.append(f"{edited_slides(self.slides)} edited on stage.")
        return " ".join(lost) + " Quit anyway?"
