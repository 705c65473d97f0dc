"""docs/exports.md's matrix is current: its rows are the suite's cases, its "cannot express" cells
and notes are exactly what the exports say today. (Whether each "proven" holds is
test_frameworks.py's job, on the real servers; this check needs none.)"""

from __future__ import annotations

import re

import pytest

from origin_playground.exports import cannot_express, cors_intent
from policy_core import evaluate

from .cases import all_cases
from .frameworks import FRAMEWORKS
from .matrix import DOC, END, START, _other_library_rows

pytestmark = pytest.mark.servers


def _matrix() -> list[str]:
    text = DOC.read_text("utf-8")
    assert START in text and END in text, "docs/exports.md lost its matrix markers"
    return text.split(START, 1)[1].split(END, 1)[0].strip().splitlines()


def test_matrix_rows_are_the_cases_and_their_limits() -> None:
    lines = _matrix()
    rows = [line for line in lines if re.match(r"\| `[^`]+`[^|]* \| [✔✘]", line)]
    notes = dict(re.findall(r"^\[(\d+)\] (.*)\.$", "\n".join(lines), flags=re.M))
    cases = all_cases()
    assert [re.match(r"\| `([^`]+)`", row).group(1) for row in rows] == [case.name for case in cases]
    for case, row in zip(cases, rows, strict=True):
        cells = [cell.strip() for cell in row.strip("|").split(" | ")[1:]]
        assert len(cells) == len(FRAMEWORKS)
        intent = cors_intent(case.scenario, evaluate(case.scenario))
        for framework, cell in zip(FRAMEWORKS, cells, strict=True):
            limits = cannot_express(framework, intent)
            if limits:
                number = re.fullmatch(r"✘ cannot express \[(\d+)\]", cell)
                assert number is not None, (case.name, framework, cell)
                assert notes[number.group(1)] == limits[0]
            else:
                assert cell.startswith("✔ proven"), (case.name, framework, cell)


def test_matrix_lists_every_other_library_scenario() -> None:
    lines = _matrix()
    for slug, why in _other_library_rows():
        assert f"| `{slug}` | {why} |" in lines
