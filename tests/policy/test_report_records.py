"""The report records: keyword-built, frozen, and the trace API that builds verdict steps."""

from __future__ import annotations

import dataclasses

import pytest

from policy_core.report import FAIL, INFO, PASS, SKIP, Console, FetchDetails, Step, Trace, Verdict


def test_records_are_keyword_only_and_frozen() -> None:
    with pytest.raises(TypeError):
        Step("fetch.read", PASS, "summary", "detail", "spec")  # type: ignore[misc]
    step = Step(id="fetch.read", result=PASS, summary="summary", detail="detail", spec="Fetch § 4.10 CORS check")
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.id = "other"  # type: ignore[misc]
    verdict = Verdict(resource="dom", can=(("access", True),), trace=(step,))
    assert verdict.console == Console() and verdict.fixes == () and verdict.fetch is None
    assert verdict.to_dict()["trace"] == [step.to_dict()]


def test_trace_helpers_record_each_result_in_order() -> None:
    trace = Trace()
    assert trace.steps() == ()
    trace.passed("a.one", "first", "first detail", "spec 1")
    trace.failed("a.two", "second", "", "spec 2")
    trace.info("a.three", "third", "x", "spec 3")
    trace.skipped("a.four", "fourth", "y", "spec 4")
    steps = trace.steps()
    assert [(s.id, s.result) for s in steps] == [("a.one", PASS), ("a.two", FAIL), ("a.three", INFO), ("a.four", SKIP)]
    assert steps[1] == Step(id="a.two", result=FAIL, summary="second", detail="", spec="spec 2")


def test_fetch_details_carry_the_report_keys_in_order() -> None:
    details = FetchDetails(preflight=True, preflight_cache_seconds=5, preflight_request=("OPTIONS / HTTP/1.1",))
    verdict = Verdict(resource="fetch", can=(("send", True), ("read", True)), trace=(), fetch=details)
    out = verdict.to_dict()
    assert list(out)[:6] == ["outcome", "can", "preflight", "exposed_headers", "preflight_cache_seconds", "preflight_request"]
    assert out["preflight_request"] == ["OPTIONS / HTTP/1.1"] and out["exposed_headers"] == []
