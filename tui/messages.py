"""App-wide messages: what screens and command providers ask of the App (attributes down,
messages up). Widget-level messages live on the widget that posts them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from .state import ScenarioDraft


@dataclass
class DraftEdited(Message):
    """The session's draft changed: the App updates its title and the recovery copy."""


@dataclass
class ShowDraft(Message):
    """Show this draft in the workbench (closing any screen above it)."""

    draft: ScenarioDraft
    name: str
    path: Path | None = None
    from_slide: bool = False  # talk mode's ``w``: the App marks the deck as in the workbench


@dataclass
class ShowLibraryScenario(Message):
    """Load a built-in scenario by its slug."""

    slug: str


@dataclass
class CopyText(Message):
    text: str
    what: str


@dataclass
class CopyExport(Message):
    """Copy the current scenario or its report in an origin_playground.exports format."""

    fmt: str


@dataclass
class ToggleResource(Message):
    resource: str


@dataclass
class OpenDeck(Message):
    path: Path


@dataclass
class ResumeTalk(Message):
    """Back to the slide the speaker left (Ctrl+T, the palette)."""


@dataclass
class LeaveTalk(Message):
    """Back to the workbench; the deck session stays for Ctrl+T."""
