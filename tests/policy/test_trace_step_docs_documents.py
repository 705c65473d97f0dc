"""docs/trace-steps/{dom,iframe,cookie}.md document exactly the step ids those verdicts emit.

Every step a verdict emits, over the library, the test catalogue and a sweep of generated
scenarios, has its id documented with that result; every documented id is emitted by some
scenario; every step id written in the verdicts' source is documented. An id written
``a.{x,y}`` in the docs stands for ``a.x`` and ``a.y``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from .document_sweep import catalogue_files, evaluated

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ("dom", "iframe", "cookie")
SOURCES = {
    "dom": [ROOT / "policy_core" / "resources" / "dom.py"],
    "iframe": sorted((ROOT / "policy_core" / "resources" / "iframe").glob("*.py")),
    "cookie": sorted((ROOT / "policy_core" / "resources" / "cookie").glob("*.py")),
}
RESULTS = {"pass", "fail", "info", "skip"}


def _expand(pattern: str) -> list[str]:
    match = re.search(r"\{([^}]*)\}", pattern)
    if match is None:
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [i for part in match.group(1).split(",") for i in _expand(head + part.strip() + tail)]


def documented(resource: str) -> dict[str, set[str]]:
    """Each documented id of ``resource`` and the results its row allows."""
    rows: dict[str, set[str]] = {}
    for line in (ROOT / "docs" / "trace-steps" / f"{resource}.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) < 4 or not cells[1].startswith("`"):
            continue
        results = {r.strip() for r in cells[2].split("/")}
        assert results <= RESULTS, (resource, line)
        for pattern in re.findall(r"`([^`]+)`", cells[1]):
            for step_id in _expand(pattern):
                assert step_id.startswith(resource + "."), (resource, step_id)
                assert step_id not in rows, f"{step_id} is documented twice"
                rows[step_id] = results
    return rows


@cache
def emitted() -> dict[str, dict[str, set[str]]]:
    """resource -> step id -> the results it was emitted with, over every scenario."""
    seen: dict[str, dict[str, set[str]]] = {r: defaultdict(set) for r in RESOURCES}
    for _, report in evaluated():
        for resource in RESOURCES:
            verdict = report.verdict(resource)
            if verdict is None:
                continue
            for step in verdict.trace:
                seen[resource][step.id].add(step.result)
    return seen


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_emitted_step_is_documented_with_its_result(resource: str) -> None:
    docs = documented(resource)
    undocumented = sorted(i for i in emitted()[resource] if i not in docs)
    assert not undocumented, undocumented
    wrong = {i: sorted(r - docs[i]) for i, r in emitted()[resource].items() if r - docs[i]}
    assert not wrong, f"emitted with results the docs do not list: {wrong}"


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_documented_step_is_emitted(resource: str) -> None:
    never = sorted(set(documented(resource)) - set(emitted()[resource]))
    assert not never, f"documented but no scenario emits them: {never}"


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_step_id_in_the_source_is_documented(resource: str) -> None:
    # Also catches ids no scenario reaches (cookie.send.domain-match's fail branch).
    source = "".join(path.read_text() for path in SOURCES[resource])
    ids = set(re.findall(rf'"({resource}\.[a-z.-]+)"', source))
    assert ids, "no step ids found"
    missing = sorted(ids - set(documented(resource)))
    assert not missing, missing


def test_the_sweep_reaches_every_verdict_outcome() -> None:
    # The sweep is only useful if it explores: each capability of each verdict seen both ways.
    outcomes: dict[tuple[str, str], set[bool]] = defaultdict(set)
    catalogue = len(catalogue_files())
    for _, report in evaluated()[catalogue:]:
        for resource in RESOURCES:
            verdict = report.verdict(resource)
            assert verdict is not None
            for name, allowed in verdict.can:
                outcomes[(resource, name)].add(allowed)
    assert all(values == {True, False} for values in outcomes.values()), outcomes
