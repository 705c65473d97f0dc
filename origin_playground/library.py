"""The built-in scenario library (origin_playground/scenarios/*.toml). No Textual import."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import NamedTuple

# The article's own examples come first, in the order it tells them; the rest follow by name.
FIRST = (
    "a-com-reads-b-com",
    "bank-and-bad-site",
    "origin-port-differs",
    "origin-scheme-differs",
    "origin-path-differs",
    "origin-subdomain-differs",
)


class LibraryEntry(NamedTuple):
    slug: str
    title: str
    path: Path


def scenarios_dir() -> Path:
    return Path(str(resources.files("origin_playground") / "scenarios"))


def _entry(path: Path) -> LibraryEntry:
    with path.open("rb") as handle:
        title = tomllib.load(handle).get("title", path.stem)
    return LibraryEntry(path.stem, str(title), path)


def first_scenario() -> LibraryEntry:
    """The library's first scenario (the one the workbench opens with), reading that file only."""
    return _entry(scenarios_dir() / f"{FIRST[0]}.toml")


def list_scenarios() -> list[LibraryEntry]:
    entries = [_entry(path) for path in scenarios_dir().glob("*.toml")]
    rank = {slug: index for index, slug in enumerate(FIRST)}
    return sorted(entries, key=lambda e: (rank.get(e.slug, len(FIRST)), e.slug))


def find_scenario(slug: str) -> LibraryEntry | None:
    for entry in list_scenarios():
        if entry.slug == slug:
            return entry
    return None
