"""Every catalogued scenario's report, as a reviewed JSON snapshot.

The catalogue is the built-in library (origin_playground/scenarios/) plus the test-only
cases in tests/scenarios/<resource>/. A snapshot changes only when a verdict, a message or
a trace step changes: read the diff before committing an update.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policy_core

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = sorted(
    [*ROOT.glob("origin_playground/scenarios/*.toml"), *ROOT.glob("tests/scenarios/*/*.toml")],
    key=lambda p: (p.parent.name, p.stem),
)


def _case_id(path: Path) -> str:
    group = "library" if path.parent.name == "scenarios" else path.parent.name
    return f"{group}--{path.stem}"


@pytest.mark.parametrize("path", CATALOGUE, ids=[_case_id(p) for p in CATALOGUE])
def test_catalogue_report(path: Path, snapshot_json) -> None:
    report = policy_core.evaluate(policy_core.load_scenario(path))
    assert report.all_met, [e.to_dict() for e in report.expectations if not e.met]
    assert report.to_dict() == snapshot_json


def test_catalogue_is_not_empty() -> None:
    assert len(CATALOGUE) >= 3
