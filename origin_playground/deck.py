"""Talk decks: an ordered list of slides, each a titled scenario with speaker notes (docs/talk-decks.md).

UI-free: the talk-mode screen builds on ``load_deck``. Every slide's scenario is loaded and evaluated
here, so a deck that loads is a deck whose every slide can be shown. Problems are one-line
ScenarioErrors naming the key path, e.g. ``slides[3].scenario: library scenario 'x' not found; known: ...``.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w

from policy_core import (
    Scenario,
    ScenarioError,
    Verdict,
    evaluate,
    load_scenario,
    parse_scenario_text,
    read_scenario_file,
)
from policy_core.errors import shown
from policy_core.headers import is_token, parse_header_line
from policy_core.loader import check_keys, type_name  # one wording for key and type errors

from .library import list_scenarios

DECK_VERSION = 1
LIBRARY_PREFIX = "library:"
# How talk mode shows the trace: one step per key press, all at once, or not at all (verdict only).
REVEAL_MODES = ("trace", "all", "none")

_TOP_KEYS = ("deck_version", "title", "author", "slides")
_SLIDE_KEYS = ("title", "notes", "scenario", "reveal")
# The scenario tables whose ``headers`` a deck may write as ``Name: value`` lines (redirects too).
_HEADER_TABLES = ("request", "preflight", "response")
# tomli_w writes every array one item a line: a short list of plain strings reads better on one.
_STRING_ARRAY = re.compile(r'^([A-Za-z0-9_"]+) = \[\n((?: +"[^"\\\n]*",\n)+)\]$', re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Slide:
    title: str
    notes: str
    scenario: Scenario
    reveal: str = "trace"
    # The capabilities the slide is about ("fetch.read", ...): those its scenario's [expect]
    # names. Its banner judges only these (a resource with none named: all of its capabilities).
    about: tuple[str, ...] = ()


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
    known = _capabilities(scenario)
    about = tuple(e.path for e in scenario.expect if e.path in known)
    return Slide(title=title, notes=notes, scenario=scenario, reveal=reveal, about=about)


def _capabilities(scenario: Scenario) -> set[str]:
    """Every ``resource.capability`` the scenario's verdicts answer."""
    return {f"{v.resource}.{name}" for v in evaluate(scenario).verdicts for name, _ in v.can}


def judged(verdict: Verdict, about: tuple[str, ...]) -> Verdict:
    """The verdict as a slide about ``about`` judges it: only those of its capabilities (all of
    them when the slide names none of this resource's), so its outcome is about the slide's point."""
    can = tuple((name, allowed) for name, allowed in verdict.can if f"{verdict.resource}.{name}" in about)
    return replace(verdict, can=can) if can else verdict


# --- headers one line each ----------------------------------------------------------------------------


def header_lines(value: str, path: str) -> list[list[str]]:
    """Headers written as ``Name: value`` lines (one header a line, in order, duplicates kept)."""
    rows: list[list[str]] = []
    for number, line in enumerate(value.splitlines(), 1):
        if not line.strip():
            continue
        pair = parse_header_line(line)
        if pair is None:
            raise ScenarioError(path, f"line {number}: {shown(line.strip())} is not 'Name: value'")
        rows.append(list(pair))
    return rows


def expand_headers(table: Mapping[str, Any]) -> Mapping[str, Any]:
    """The scenario table with every ``headers = \"\"\"Name: value lines\"\"\"`` as [name, value]
    pairs, the form the scenario loader reads; anything else is left for the loader to judge."""
    out = dict(table)
    for key in _HEADER_TABLES:
        if isinstance(out.get(key), Mapping):
            out[key] = _expand_one(out[key], key)
    if isinstance(out.get("redirects"), list):
        out["redirects"] = [
            _expand_one(item, f"redirects[{index}]") if isinstance(item, Mapping) else item
            for index, item in enumerate(out["redirects"])
        ]
    return out


def _expand_one(section: Mapping[str, Any], path: str) -> Mapping[str, Any]:
    if not isinstance(section.get("headers"), str):
        return section
    return {**section, "headers": header_lines(section["headers"], f"{path}.headers")}


def _as_lines(headers: list[list[str]]) -> str | None:
    """Pairs as ``Name: value`` lines; None when a line would not read back the same."""
    lines = []
    for name, value in headers:
        if not is_token(name) or value != value.strip(" \t") or "\n" in value or "\r" in value:
            return None
        lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n"


def _with_header_lines(mapping: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(dict(mapping))
    sections = [out.get(key) for key in _HEADER_TABLES] + list(out.get("redirects") or [])
    for section in sections:
        if isinstance(section, dict) and section.get("headers"):
            lines = _as_lines(section["headers"])
            if lines is not None:
                section["headers"] = lines
    return out


def scenario_text(mapping: Mapping[str, Any]) -> str:
    """A scenario as the talk editor shows it: TOML, each header one ``Name: value`` line."""
    text = tomli_w.dumps(_with_header_lines(mapping), multiline_strings=True)
    return _STRING_ARRAY.sub(_one_line_array, text)


def deck_text(deck: Deck, edited: Mapping[int, Mapping[str, Any]]) -> str:
    """The deck as a deck file, each slide's scenario inline: its stage edit (``edited``, by slide
    index, scenario mappings) where it has one. ``load_deck`` reads it back as this deck."""
    slides = []
    for index, slide in enumerate(deck.slides):
        table: dict[str, Any] = {"title": slide.title}
        if slide.notes:
            table["notes"] = slide.notes
        if slide.reveal != "trace":
            table["reveal"] = slide.reveal
        scenario = edited.get(index, slide.scenario.to_mapping())
        table["scenario"] = _with_header_lines(scenario)
        slides.append(table)
    top: dict[str, Any] = {"deck_version": DECK_VERSION, "title": deck.title}
    if deck.author:
        top["author"] = deck.author
    top["slides"] = slides
    return _STRING_ARRAY.sub(_one_line_array, tomli_w.dumps(top, multiline_strings=True))


def _one_line_array(match: re.Match[str]) -> str:
    items = [item.strip().removesuffix(",") for item in match.group(2).splitlines()]
    line = f"{match.group(1)} = [{', '.join(items)}]"
    return line if len(line) <= 80 else match.group(0)


def scenario_from_text(text: str) -> Scenario:
    """The talk editor's text read back (``scenario_text``'s inverse); a one-line ScenarioError."""
    return load_scenario(expand_headers(parse_scenario_text(text, "toml", "scenario")))


def _scenario(value: Any, path: str, base: Path | None) -> Scenario:
    """An inline scenario table, ``library:<slug>``, or a scenario file path relative to the deck."""
    if isinstance(value, Mapping):
        try:
            scenario = load_scenario(expand_headers(value))
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
