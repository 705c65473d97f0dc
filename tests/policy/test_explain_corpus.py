"""The corpus of real console pastes (tests/explain_corpus/*.toml), measured against explain.

Every entry is a message a user pasted into a public issue thread, verbatim, with the browser,
the failure code, the URL and the page origin it shows. The schema tests keep the data honest;
``test_paste_is_recognised`` asks explain's public ``recognise`` for the code, URL and origin.
Entries explain does not get right today carry ``known_gap = "why"`` and run as strict xfails,
so each fix turns one into a pass (and a stale ``known_gap`` fails loudly).

``python tests/policy/test_explain_corpus.py`` prints the counts and the recognition figures
per browser and per wording era (the tables in tests/explain_corpus/README.md).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from policy_core.explain import recognise
from policy_core.messages.codes import Failure

CORPUS = Path(__file__).resolve().parents[1] / "explain_corpus"

BROWSERS = ("chrome", "firefox", "safari", "edge")
# The wording eras, named by the year a wording family appeared (see the README).
ERAS = {
    "chrome": ("chrome-2013", "chrome-2014", "chrome-2018", "chrome-2019", "current"),
    "firefox": ("firefox-2014", "firefox-2017", "current"),
    "safari": ("safari-2014", "current"),
    "edge": ("edge-legacy",),
}
LANGUAGES = ("en", "de", "es", "fr", "ja", "pt-BR", "ru", "zh-CN", "zh-TW")
REQUIRED = {
    "id": str,
    "text": str,
    "source": str,
    "browser": str,
    "era": str,
    "language": str,
    "code": str,
    "url": str,
    "origin": str,
    "placeholders": bool,
}
OPTIONAL = {"proposed_code": str, "notes": str, "known_gap": str}
SOURCE = re.compile(r"^(?:github:[\w.-]+/[\w.-]+(?:#\d+|:[\w./-]+)|https?://\S+)$")
PROPOSED = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
CODES = frozenset(str(code) for code in Failure)

MIN_ENTRIES = 150
MIN_THREADS = 80


def load_corpus() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob("*.toml")):
        with path.open("rb") as handle:
            entries.extend(dict(entry, file=path.name) for entry in tomllib.load(handle)["paste"])
    return entries


ENTRIES = load_corpus()


def expected_code(entry: dict[str, Any]) -> str:
    return str(entry["code"] or entry["proposed_code"])


# --- the data --------------------------------------------------------------------------------


def test_corpus_is_large_enough() -> None:
    assert len(ENTRIES) >= MIN_ENTRIES
    assert len({e["source"] for e in ENTRIES}) >= MIN_THREADS


def test_ids_are_unique() -> None:
    counts = Counter(e["id"] for e in ENTRIES)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_browser_and_more_than_one_language() -> None:
    assert {e["browser"] for e in ENTRIES} == set(BROWSERS)
    assert len({e["language"] for e in ENTRIES}) > 1


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_entry_schema(entry: dict[str, Any]) -> None:
    fields = {k: v for k, v in entry.items() if k != "file"}
    missing = REQUIRED.keys() - fields.keys()
    unknown = fields.keys() - REQUIRED.keys() - OPTIONAL.keys()
    assert not missing, f"missing fields {sorted(missing)}"
    assert not unknown, f"unknown fields {sorted(unknown)}"
    for name, kind in (REQUIRED | OPTIONAL).items():
        if name in fields:
            assert isinstance(fields[name], kind), f"{name} must be {kind.__name__}"
    assert entry["text"].strip(), "text is empty"
    assert entry["browser"] in BROWSERS
    assert entry["file"] == f"{entry['browser']}.toml", "an entry lives in its browser's file"
    assert entry["id"].startswith(entry["browser"] + "-")
    assert entry["era"] in ERAS[entry["browser"]]
    assert entry["language"] in LANGUAGES
    assert SOURCE.match(entry["source"]), "source is github:owner/repo#N, github:owner/repo:path or a URL"
    if entry["code"]:
        assert entry["code"] in CODES, f"{entry['code']!r} is not a Failure code"
        assert "proposed_code" not in entry, "a proposed code is only for entries no Failure code fits"
    else:
        proposed = entry.get("proposed_code", "")
        assert PROPOSED.match(proposed), "no code: proposed_code must name the new code"
        assert proposed not in CODES, "proposed_code is an existing code: put it in code"
    if "known_gap" in entry:
        assert entry["known_gap"].strip(), "known_gap says why"
    for value in (entry["url"], entry["origin"]):
        assert value == value.strip(), "url and origin are copied without surrounding spaces"


def test_proposed_codes_are_explained_in_a_header() -> None:
    """Each proposed code is described in the header comment of the file that uses it."""
    for path in sorted(CORPUS.glob("*.toml")):
        header = path.read_text(encoding="utf-8").split("[[paste]]", 1)[0]
        with path.open("rb") as handle:
            proposed = {e["proposed_code"] for e in tomllib.load(handle)["paste"] if "proposed_code" in e}
        for code in sorted(proposed):
            assert f"# {code}:" in header, f"{path.name}: explain proposed code {code} in the header"


# --- explain against the corpus -----------------------------------------------------------------


def outcome(entry: dict[str, Any]) -> tuple[str | None, str, str]:
    """What explain makes of the paste: (code or None, URL, origin), absent fields as ''."""
    rec = recognise(entry["text"])
    if rec is None:
        return None, "", ""
    return rec.reason, rec.url or "", rec.origin or ""


def _param(entry: dict[str, Any]) -> Any:
    marks = []
    if "known_gap" in entry:
        marks.append(pytest.mark.xfail(strict=True, reason=entry["known_gap"]))
    return pytest.param(entry, id=entry["id"], marks=marks)


@pytest.mark.parametrize("entry", [_param(e) for e in ENTRIES])
def test_paste_is_recognised(entry: dict[str, Any]) -> None:
    code, url, origin = outcome(entry)
    assert code is not None, "not recognised"
    assert (code, url, origin) == (expected_code(entry), entry["url"], entry["origin"])


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["language"] != "en"], ids=lambda e: e["id"])
def test_a_localized_paste_names_its_language(entry: dict[str, Any]) -> None:
    rec = recognise(entry["text"])
    assert rec is not None and rec.language == entry["language"]


# --- the figures ------------------------------------------------------------------------------


def figures() -> str:
    """The counts and recognition figures, per browser and per era, as markdown tables."""
    rows: dict[str, Counter[str]] = {}
    for entry in ENTRIES:
        code, url, origin = outcome(entry)
        marks = {
            "entries": True,
            "recognised": code is not None,
            "code right": code == expected_code(entry),
            "URL right": code is not None and url == entry["url"],
            "origin right": code is not None and origin == entry["origin"],
        }
        marks["all right"] = marks["code right"] and marks["URL right"] and marks["origin right"]
        for key in (entry["browser"], f"{entry['browser']} / {entry['era']}", "all"):
            rows.setdefault(key, Counter()).update(name for name, ok in marks.items() if ok)
    columns = ("entries", "recognised", "code right", "URL right", "origin right", "all right")
    order = [b for b in BROWSERS] + [f"{b} / {e}" for b in BROWSERS for e in ERAS[b]] + ["all"]
    lines = ["| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for key in order:
        if key in rows:
            lines.append(f"| {key} | " + " | ".join(str(rows[key][c]) for c in columns) + " |")
    languages = Counter(e["language"] for e in ENTRIES)
    threads = len({e["source"] for e in ENTRIES})
    lines += [
        "",
        f"entries: {len(ENTRIES)}; distinct threads: {threads}; with placeholders: "
        f"{sum(e['placeholders'] for e in ENTRIES)}; known gaps: {sum('known_gap' in e for e in ENTRIES)}",
        "languages: " + ", ".join(f"{lang} {n}" for lang, n in sorted(languages.items())),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(figures())
