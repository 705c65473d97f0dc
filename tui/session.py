"""The plain session the App creates and hands down to its screens: the draft being edited, its
file, whether it has unsaved changes, the core's last answer, and where a talk deck stands.

No Textual import. Screens read it and edit the draft only through ``edit`` (a new draft each
time, never a change in place); everything that concerns the whole app (loading, saving,
quitting, the title) goes up to the App as a message (tui/messages.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import policy_core
from origin_playground.deck import Deck, Slide

from .state import Evaluation, ScenarioDraft, evaluate_draft


@dataclass
class DeckSession:
    """Where the speaker is: the slide, the edits made on stage, the trace shown so far."""

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


@dataclass
class Session:
    draft: ScenarioDraft
    source_name: str  # what the title shows: a file name, a library title, "slide 2: …"
    path: Path | None = None  # the file the draft was opened from or saved to
    # The draft as last loaded or saved; None when it was never saved anywhere (a recovered draft).
    baseline: dict[str, Any] | None = None
    evaluation: Evaluation | None = None
    report: policy_core.Report | None = None  # the last valid report: it stays while the draft is invalid
    load_error: str | None = None
    deck: DeckSession | None = None

    def __post_init__(self) -> None:
        if self.baseline is None:
            self.baseline = self.draft.to_mapping()

    @property
    def dirty(self) -> bool:
        return self.draft.to_mapping() != self.baseline

    @property
    def title(self) -> str:
        return f"{self.source_name}{' (modified)' if self.dirty else ''}"

    def edit(self, **changes: Any) -> None:
        """Replace the draft by a copy with ``changes`` (field names of ScenarioDraft)."""
        self.draft = dataclasses.replace(self.draft, **changes)

    def replace(self, draft: ScenarioDraft, name: str, path: Path | None, *, saved: bool = True) -> None:
        """A new draft (loaded, explained, from a slide); ``saved=False`` keeps it marked modified."""
        self.draft = draft
        self.baseline = draft.to_mapping() if saved else None
        self.path = path
        self.source_name = name

    def saved_as(self, path: Path) -> None:
        self.baseline = self.draft.to_mapping()
        self.path = path
        self.source_name = path.name

    def evaluate(self) -> Evaluation:
        """Ask the core about the draft; a valid answer becomes the last valid report."""
        evaluation = evaluate_draft(self.draft)
        self.evaluation = evaluation
        if evaluation.report is not None:
            self.report = evaluation.report
        return evaluation
