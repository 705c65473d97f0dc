"""Every catalogued scenario's behaviour, as reviewed JSON snapshots.

The catalogue is the built-in library (origin_playground/scenarios/) plus the test-only cases in
tests/scenarios/<resource>/. Two kinds of snapshot, so that rewording one sentence does not churn a
hundred files:

- ``test_catalogue_behaviour``: for every scenario, what the browser does — each verdict's outcome and
  capabilities, the fetch keys, the trace as step ids with results, the console lines and the fixes.
- ``test_catalogue_prose``: the whole report, every summary and detail, for a few scenarios chosen to
  cover each resource type.

Read the diff before committing an update.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import policy_core

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = sorted(
    [*ROOT.glob("origin_playground/scenarios/*.toml"), *ROOT.glob("tests/scenarios/*/*.toml")],
    key=lambda p: (p.parent.name, p.stem),
)
# Full-prose snapshots: together they use every resource type's main paths.
PROSE = (
    "library--a-com-reads-b-com",
    "library--spa-api-with-cookies",
    "library--bank-and-bad-site",
    "library--json-post-preflight",
    "library--widget-refused-by-x-frame-options",
    "library--third-party-script-errors",
    "library--cdn-image-on-canvas",
)


def _case_id(path: Path) -> str:
    group = "library" if path.parent.name == "scenarios" else path.parent.name
    return f"{group}--{path.stem}"


def behaviour(report: policy_core.Report) -> dict[str, Any]:
    """The report without its prose: what happens, not how it is worded (console lines are behaviour)."""
    out = report.to_dict()
    out.pop("verified_with")  # which browser versions verified the catalogue: not the scenario's behaviour
    for verdict in out["verdicts"].values():
        verdict["trace"] = [f"{step['id']} {step['result']}" for step in verdict["trace"]]
        verdict.pop("warnings")
    return out


@pytest.mark.parametrize("path", CATALOGUE, ids=[_case_id(p) for p in CATALOGUE])
def test_catalogue_behaviour(path: Path, snapshot_json) -> None:
    report = policy_core.evaluate(policy_core.load_scenario(path))
    assert report.all_met, [e.to_dict() for e in report.expectations if not e.met]
    assert behaviour(report) == snapshot_json


@pytest.mark.parametrize("case", PROSE)
def test_catalogue_prose(case: str, snapshot_json) -> None:
    (path,) = [p for p in CATALOGUE if _case_id(p) == case]
    report = policy_core.evaluate(policy_core.load_scenario(path)).to_dict()
    report.pop("verified_with")  # rewritten by each browser-suite run: not the scenario's prose
    assert report == snapshot_json


def test_catalogue_is_not_empty() -> None:
    assert len(CATALOGUE) >= 100
    assert set(PROSE) <= {_case_id(p) for p in CATALOGUE}
