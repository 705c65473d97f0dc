"""WPT url/resources/urltestdata.json: the origins the URL Standard gives (see PROVENANCE.md).

Every entry with an ``origin`` field must give that origin through ``policy_core.parse_url``
(ada-url underneath); every ``failure`` entry must be rejected with a one-line ScenarioError.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_core import ScenarioError, parse_url

CASES = [c for c in json.loads((Path(__file__).parent / "urltestdata.json").read_text("utf-8")) if isinstance(c, dict)]
ORIGIN_CASES = [c for c in CASES if "origin" in c]
FAILURE_CASES = [c for c in CASES if c.get("failure")]


def _id(case: dict) -> str:
    return ascii(case["input"])[1:-1][:60] + (f" @ {ascii(case['base'])[1:-1][:30]}" if case.get("base") else "")


def test_case_counts_match_provenance() -> None:
    assert len(ORIGIN_CASES) == 411
    assert sum(1 for c in ORIGIN_CASES if c["origin"] == "null") == 165


@pytest.mark.parametrize("case", ORIGIN_CASES, ids=[_id(c) for c in ORIGIN_CASES])
def test_origin(case: dict) -> None:
    url = parse_url(case["input"], case.get("base"))
    assert url.href == case["href"]
    assert url.origin.serialize() == case["origin"]
    assert url.origin.opaque == (case["origin"] == "null")


@pytest.mark.parametrize("case", FAILURE_CASES, ids=[_id(c) for c in FAILURE_CASES])
def test_failure_is_a_scenario_error(case: dict) -> None:
    with pytest.raises(ScenarioError) as error:
        parse_url(case["input"], case.get("base"), field_path="target")
    message = str(error.value)
    assert message.startswith("target: ")
    assert "\n" not in message
