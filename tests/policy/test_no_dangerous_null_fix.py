"""No fix ever tells a server to allow the origin null, or a page to trust event.origin 'null',
without saying why that is dangerous (issue 14): every sandboxed frame and data: page sends null."""

from __future__ import annotations

from pathlib import Path

import pytest

import policy_core
from tests.browser.cases import SEED
from tests.browser.sweep import sweep

ROOT = Path(__file__).resolve().parents[2]
NULL_HEADER = "Access-Control-Allow-Origin: null"


def _scenarios() -> list[tuple[str, policy_core.Scenario]]:
    out = []
    for path in sorted((ROOT / "origin_playground" / "scenarios").glob("*.toml")) + sorted(
            (ROOT / "tests" / "scenarios").rglob("*.toml")):
        out.append((path.stem, policy_core.load_scenario(path)))
    for case_id, mapping in sweep(SEED):
        out.append((case_id, policy_core.load_scenario(mapping)))
        # the same case from a sandboxed page: its origin is opaque, so it sends Origin: null
        out.append((case_id + "-sandboxed", policy_core.load_scenario({**mapping, "page_sandboxed": True})))
    return out


@pytest.mark.parametrize("resource", ["fetch", "image", "script", "iframe", "dom", "cookie"])
def test_no_fix_names_null_without_the_danger(resource: str) -> None:
    checked = 0
    for name, scenario in _scenarios():
        if resource not in scenario.resources:
            continue
        verdict = next(v for v in policy_core.evaluate(scenario).verdicts if v.resource == resource)
        for fix in verdict.fixes:
            checked += 1
            assert "=== 'null'" not in fix, (name, fix)
            assert "postMessage(data, 'null')" not in fix, (name, fix)
            if NULL_HEADER in fix:
                assert "Never" in fix or any(NULL_HEADER in w and "Never" in w for w in verdict.warnings), (name, fix)
    assert checked > 0


def test_a_sandboxed_page_loading_an_image_with_credentials_is_not_told_to_allow_null() -> None:
    scenario = policy_core.load_scenario({
        "version": 1, "page": "https://app.example.com/", "page_sandboxed": True,
        "target": "https://cdn.example.com/a.png", "resources": ["image"],
        "request": {"crossorigin": "use-credentials"},
    })
    fixes = policy_core.evaluate(scenario).verdicts[0].fixes
    assert not any(fix.startswith("Echo the page's origin") for fix in fixes)
    assert "opaque" in fixes[0]
