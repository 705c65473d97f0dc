"""Issue 12's check: each corpus paste's rebuilt scenario fails the way the paste says.

For every entry of tests/explain_corpus, explain's recognised message is rebuilt (``scenario_for``) and
evaluated. The scenario's own expectations must hold, and for a failure the engine models, the engine's
verdict must name the same failure: its console line (in the pasted browser's words where the engine has
them, else Chrome's) is recognised again with the same code, or, where browsers print no console line
(cookies, CORB/ORB), the failed trace step names it.
"""

from __future__ import annotations

from typing import Any

import pytest

from policy_core import evaluate, load_scenario
from policy_core.explain import REASONS, recognise_all, scenario_for
from policy_core.messages.codes import Failure as F
from policy_core.messages.cookies import CHROME_EXCLUSIONS

from .test_explain_corpus import ENTRIES

# A message that names no single rule is rebuilt as the most common one (rebuild.py says so in notes).
SAME_FAILURE: dict[str, frozenset[str]] = {
    F.CORS_BLOCKED: frozenset({F.MISSING_ALLOW_ORIGIN}),
    F.ACCESS_CONTROL_CHECKS: frozenset({F.MISSING_ALLOW_ORIGIN, F.ORIGIN_NOT_ALLOWED}),
    F.ORIGIN_NOT_ALLOWED: frozenset({F.MISSING_ALLOW_ORIGIN}),
    F.NULL_ORIGIN_REQUEST: frozenset({F.MISSING_ALLOW_ORIGIN, F.ORIGIN_NOT_ALLOWED}),
    # Firefox's "does not match '*'" is said for a request with credentials.
    F.ALLOW_ORIGIN_MISMATCH: frozenset({F.INVALID_ALLOW_ORIGIN, F.WILDCARD_WITH_CREDENTIALS}),
    # Old Chrome quoted both values of a doubled X-Frame-Options; today it says they conflict.
    F.X_FRAME_OPTIONS: frozenset({F.X_FRAME_OPTIONS_CONFLICT}),
}
# What today's browsers refuse first, where the paste is older than the rule (rebuild.py says so in notes).
EARLIER_TODAY = {
    "Local Network Access": F.INSECURE_PRIVATE_NETWORK,  # an http: page reaching a local address
}
# Failures no browser prints a console line for (window.onerror gets "Script error."): the failed trace
# step that names them.
TRACE_STEP = {F.CORB_BLOCKED: "script.mime", F.ORB_BLOCKED: "script.mime", F.SCRIPT_ERROR_MUTED: "script.errors"}


def _first(entry: dict[str, Any]):
    found = recognise_all(entry["text"])
    assert found, "not recognised"
    return found[0]


def _console_codes(verdict: Any, browser: str) -> set[str]:
    lines = [getattr(verdict.console, browser, None)] if browser in ("chrome", "firefox", "safari") else []
    lines.append(verdict.console.chrome)
    return {str(rec.reason) for line in lines if line for rec in recognise_all(line)}


def fails_that_way(rec: Any, report: Any, mapping: dict[str, Any]) -> bool:
    resource = mapping["resources"][0]
    verdict = report.verdict(resource)
    assert verdict is not None
    failed = [step for step in verdict.trace if step.result == "fail"]
    if rec.reason in CHROME_EXCLUSIONS:
        names = CHROME_EXCLUSIONS[rec.reason]
        return any(names.status in step.detail or (names.devtools or "\0") in step.detail for step in failed)
    if rec.reason in TRACE_STEP:
        return any(step.id == TRACE_STEP[rec.reason] for step in failed)
    wanted = {str(rec.reason)} | {str(code) for code in SAME_FAILURE.get(rec.reason, ())}
    wanted |= {str(code) for said, code in EARLIER_TODAY.items() if said in mapping["notes"]}
    if not mapping["target"].startswith(("http:", "https:")):  # today no CORS header helps a file: URL
        wanted.add(F.SCHEME_NOT_SUPPORTED)
    return bool(_console_codes(verdict, rec.browser) & wanted)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_rebuilt_scenario_fails_the_way_the_paste_says(entry: dict[str, Any]) -> None:
    rec = _first(entry)
    mapping = scenario_for(rec)
    report = evaluate(load_scenario(mapping))
    assert report.all_met, [e.to_dict() for e in report.expectations if not e.met]
    reason = REASONS[rec.reason]
    if not (reason.modelled and reason.blocking):
        assert "cannot reproduce" in mapping["notes"] or not reason.blocking
        return
    assert report.expectations, "a blocking failure asserts what the page cannot do"
    assert fails_that_way(rec, report, mapping), mapping
