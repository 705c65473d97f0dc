"""Talk decks: an ordered list of slides, each a titled scenario with speaker notes (docs/talk-decks.md).

UI-free: the talk-mode screen builds on ``load_deck``. Every slide's scenario is loaded and evaluated
here, so a deck that loads is a deck whose every slide can be shown. Problems are one-line
ScenarioErrors naming the key path, e.g. ``slides[3].scenario: library scenario 'x' not found; known: ...``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from policy_core import Scenario, ScenarioError, evaluate, load_scenario, read_scenario_file
from policy_core.loader import check_keys, type_name  # one wording for key and type errors

from .library import list_scenarios

DECK_VERSION = 1
LIBRARY_PREFIX = "library:"
# How talk mode shows the trace: one step per key press, all at once, or not at all (verdict only).
REVEAL_MODES = ("trace", "all", "none")

_TOP_KEYS = ("deck_version", "title", "author", "slides")
_SLIDE_KEYS = ("title", "notes", "scenario", "reveal")


@dataclass(frozen=True, slots=True)
class Slide:
    title: str
    notes: str
    scenario: Scenario
    reveal: str = "trace"


@dataclass(frozen=True, slots=True)
class Deck:
    title: str
    author: str
    slides: tuple[Slide, ...]


def shipped_decks() -> list[Path]:
    """The decks that ship with the package (origin_playground/decks/*.toml), by name."""
    folder = Path(str(resources.files("origin_playground") / "decks"))
    return sorted(folder.glob("*.toml"))


def load_deck(path: str | os.PathLike[str]) -> Deck:
    """Read, validate and build the deck in a ``.toml`` file; scenario paths are relative to it."""
    deck_path = Path(path)
    if deck_path.suffix.lower() != ".toml":
        raise ScenarioError(
            str(deck_path), f"expected a .toml deck file, got {deck_path.suffix or 'no extension'!r}"
        )
    # The scenario reader's checks (size, UTF-8, TOML syntax) are the deck's checks too.
    return deck_from_mapping(read_scenario_file(deck_path), deck_path.parent)


def deck_from_mapping(raw: Mapping[str, Any], base_dir: str | os.PathLike[str] | None = None) -> Deck:
    """Build a deck from its parsed TOML. ``base_dir`` resolves path scenario references."""
    check_keys(raw, _TOP_KEYS, "")
    if "deck_version" not in raw:
        raise ScenarioError("deck_version", f"missing; add deck_version = {DECK_VERSION}")
    version = raw["deck_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError("deck_version", f"expected an integer, got {type_name(version)}")
    if version != DECK_VERSION:
        raise ScenarioError(
            "deck_version", f"unsupported version {version}; this release reads version {DECK_VERSION}"
        )
    if "title" not in raw:
        raise ScenarioError("title", "missing; a deck needs a title")
    title = _text(raw["title"], "title")
    author = _text(raw["author"], "author", allow_empty=True) if "author" in raw else ""
    if "slides" not in raw:
        raise ScenarioError("slides", "missing; add at least one [[slides]] table")
    items = raw["slides"]
    if not isinstance(items, list):
        raise ScenarioError("slides", f"expected a list of [[slides]] tables, got {type_name(items)}")
    if not items:
        raise ScenarioError("slides", "is empty; add at least one [[slides]] table")
    base = Path(base_dir) if base_dir is not None else None
    slides = tuple(_slide(item, f"slides[{index}]", base) for index, item in enumerate(items))
    return Deck(title=title, author=author, slides=slides)


def _slide(value: Any, path: str, base: Path | None) -> Slide:
    if not isinstance(value, Mapping):
        raise ScenarioError(path, f"expected a table, got {type_name(value)}")
    check_keys(value, _SLIDE_KEYS, path)
    for key in ("title", "scenario"):
        if key not in value:
            raise ScenarioError(f"{path}.{key}", "missing; every slide needs a title and a scenario")
    title = _text(value["title"], f"{path}.title")
    notes = _text(value["notes"], f"{path}.notes", allow_empty=True) if "notes" in value else ""
    reveal = "trace"
    if "reveal" in value:
        reveal = _text(value["reveal"], f"{path}.reveal")
        if reveal not in REVEAL_MODES:
            raise ScenarioError(f"{path}.reveal", f"expected trace, all or none, got {reveal!r}")
    scenario = _scenario(value["scenario"], f"{path}.scenario", base)
    return Slide(title=title, notes=notes, scenario=scenario, reveal=reveal)


def _scenario(value: Any, path: str, base: Path | None) -> Scenario:
    """An inline scenario table, ``library:<slug>``, or a scenario file path relative to the deck."""
    if isinstance(value, Mapping):
        try:
            scenario = load_scenario(value)
        except ScenarioError as exc:
            # The inner path is relative to the scenario table: prefix it so it points into the deck.
            raise ScenarioError(f"{path}.{exc.path}" if exc.path else path, exc.problem) from None
        return _evaluable(scenario, path, "")
    reference = _text(value, path, expected="an inline table, 'library:<slug>' or a scenario file path")
    if reference.startswith(LIBRARY_PREFIX):
        source = _library_path(reference.removeprefix(LIBRARY_PREFIX), path)
    else:
        if base is None:
            raise ScenarioError(
                path, f"{reference!r} is a file path, but this deck has no file to resolve it from"
            )
        source = base / reference
    try:
        scenario = load_scenario(source)
    except ScenarioError as exc:
        # Keep the deck's key path first, then the reference, then the key inside the file (if any).
        inner = exc.problem if exc.path == str(source) else str(exc)
        raise ScenarioError(path, f"{reference}: {inner}") from None
    return _evaluable(scenario, path, f"{reference}: ")


def _library_path(slug: str, path: str) -> Path:
    known = {entry.slug: entry.path for entry in list_scenarios()}
    if slug not in known:
        raise ScenarioError(path, f"library scenario {slug!r} not found; known: {', '.join(sorted(known))}")
    return known[slug]


def _evaluable(scenario: Scenario, path: str, prefix: str) -> Scenario:
    """Evaluate once, so a slide whose resources or [expect] cannot be answered fails at load, not on stage."""
    try:
        evaluate(scenario)
    except ScenarioError as exc:
        if prefix:
            raise ScenarioError(path, f"{prefix}{exc}") from None
        raise ScenarioError(f"{path}.{exc.path}" if exc.path else path, exc.problem) from None
    return scenario


# --- the deck's own small validator (the shared ones are the scenario loader's) --------------------


def _text(value: Any, path: str, *, allow_empty: bool = False, expected: str = "a string") -> str:
    if not isinstance(value, str):
        raise ScenarioError(path, f"expected {expected}, got {type_name(value)}")
    if not allow_empty and not value.strip():
        raise ScenarioError(path, "is empty")
    return value
