"""Explain's rebuilt scenario fails the way the pasted message says (scenario_for)."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario
from policy_core.explain import KNOWN_MESSAGES, REASONS, recognise, scenario_for
from policy_core.messages import CHROME as CHROME_BROWSER
from policy_core.messages import Failure, render
from policy_core.messages.cors import MODE_SAME_ORIGIN

from .chrome_lines import page_part
from .explain_messages import CHROME, FIREFOX, FRAME, ORIGIN, OUTSIDE_FETCH, URL

ROUND_TRIP = [
    c
    for c in CHROME
    if REASONS[c[2]].modelled
    and REASONS[c[2]].blocking
    and c[3].get("variant", "current") == "current"
    and c[1].startswith("Access to fetch")
    and c[1].count("'") >= 4
    and c[2] != "insecure-private-network"
]  # needs an http page and a private IP: tested below


@pytest.mark.parametrize("message", [c[1] for c in ROUND_TRIP], ids=[c[0] for c in ROUND_TRIP])
def test_rebuilt_chrome_fetch_scenario_prints_the_pasted_message(message: str) -> None:
    rec = recognise(message)
    assert rec is not None
    report = evaluate(load_scenario(scenario_for(rec)))
    verdict = report.verdict("fetch")
    assert verdict is not None
    if rec.reason == Failure.DISALLOWED_BY_MODE:
        # Chromium 156 no longer frames it as a CORS error for fetch(): the rebuilt scenario prints the
        # sentence the browser prints today (tests/browser agrees).
        assert verdict.console.chrome == render(MODE_SAME_ORIGIN, CHROME_BROWSER, url=rec.url, origin=rec.origin)
    else:
        assert page_part(verdict.console.chrome) == message
    assert verdict.capability("read") is False
    assert report.all_met  # the scenario's own expectations (fetch.read = false, ...) hold


def test_rebuilt_local_network_scenario_prints_the_pasted_message() -> None:
    message = (
        "Access to fetch at 'http://192.168.1.20/api' from origin 'http://app.example.com' has been blocked by "
        "CORS policy: The request client is not a secure context and the resource is in more-private address "
        "space `local`."
    )
    rec = recognise(message)
    assert rec is not None
    verdict = evaluate(load_scenario(scenario_for(rec))).verdict("fetch")
    assert verdict is not None and verdict.console.chrome == message


FIREFOX_ROUND_TRIP = [
    "CORSMissingAllowOrigin2",
    "CORSNotSupportingCredentials",
    "CORSAllowOriginNotMatchingOrigin",
    "CORSMissingAllowCredentials",
    "CORSPreflightDidNotSucceed3",
    "CORSMethodNotFound",
    "CORSMissingAllowHeaderFromPreflight2",
    "CORSMultipleAllowOriginNotAllowed",
]


@pytest.mark.parametrize("case", FIREFOX_ROUND_TRIP)
def test_firefox_rebuilt_scenario_fails_the_same_way(case: str) -> None:
    message = dict((c[0], c[1]) for c in FIREFOX)[case]
    rec = recognise(message)
    assert rec is not None
    report = evaluate(load_scenario(scenario_for(rec)))
    assert report.all_met
    firefox = report.verdicts[0].console.firefox or ""
    reason = message.split("(Reason: ")[1].split(")")[0].replace("'", "‘", 1)
    assert firefox.split("(Reason: ")[1].split(")")[0].replace("’", "'").replace("‘", "'") == reason.replace(
        "‘", "'"
    ).replace("’", "'")


def test_method_message_builds_a_put_whose_preflight_allows_the_origin_only() -> None:
    rec = recognise(
        FRAME + "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
    )
    assert rec is not None
    mapping = scenario_for(rec)
    assert mapping["request"]["method"] == "PUT"
    assert ["Access-Control-Allow-Origin", ORIGIN] in mapping["preflight"]["headers"]
    assert "PUT" not in dict(mapping["preflight"]["headers"]).get("Access-Control-Allow-Methods", "")


def test_null_origin_from_a_sandbox_and_from_file() -> None:
    rec = recognise(
        f"Access to fetch at '{URL}' from origin 'null' has been blocked by CORS policy: No "
        "'Access-Control-Allow-Origin' header is present on the requested resource."
    )
    assert rec is not None
    mapping = scenario_for(rec)
    assert mapping["page_sandboxed"] is True
    file_rec = recognise(CHROME[16][1])
    assert file_rec is not None and scenario_for(file_rec)["page"].startswith("file:")


def test_unparseable_parts_fall_back_to_stand_ins() -> None:
    rec = recognise(
        "Access to fetch at 'not a url' from origin 'also bad' has been blocked by CORS policy: Method "
        "P U T is not allowed by Access-Control-Allow-Methods in preflight response."
    )
    assert rec is not None
    mapping = scenario_for(rec)
    load_scenario(mapping)
    assert "assumed" in mapping["notes"]


@pytest.mark.parametrize(
    ("browser", "code", "example"),
    [k for k in KNOWN_MESSAGES if REASONS[k[1]].modelled],
    ids=[f"{b}-{c}-{i}" for i, (b, c, _) in enumerate(k for k in KNOWN_MESSAGES if REASONS[k[1]].modelled)],
)
def test_rebuilt_scenario_meets_its_own_expectations(browser: str, code: str, example: str) -> None:
    """Every modelled reason's scenario fails the way the message says (its [expect] table holds)."""
    rec = recognise(example)
    assert rec is not None
    report = evaluate(load_scenario(scenario_for(rec)))
    assert report.all_met, [e.to_dict() for e in report.expectations if not e.met]
    if REASONS[code].blocking:
        assert report.expectations  # a blocking failure always asserts something


@pytest.mark.parametrize("case", ["xfo", "xfo-conflict", "xfo-invalid", "frame-ancestors"])
def test_rebuilt_framing_scenario_prints_the_pasted_message(case: str) -> None:
    message = dict((c[0], c[1]) for c in OUTSIDE_FETCH)[case]
    rec = recognise(message)
    assert rec is not None
    verdict = evaluate(load_scenario(scenario_for(rec))).verdict("iframe")
    assert verdict is not None
    # An ignored X-Frame-Options still leaves the frame cross-origin: Chrome may print more after it.
    assert (verdict.console.chrome or "").startswith(message)


def test_local_network_access_on_a_script_is_rebuilt_as_a_fetch_that_fails_the_same_way() -> None:
    """The engine models Local Network Access for fetch(): a script's message is rebuilt as a fetch() of its URL."""
    message = (
        "Access to script at 'http://intranet.corp/app.js' from origin 'http://app.example.com' has been blocked "
        "by CORS policy: The request client is not a secure context and the resource is in more-private address "
        "space `local`."
    )
    rec = recognise(message)
    assert rec is not None and rec.resource == "script"
    mapping = scenario_for(rec)
    assert mapping["resources"] == ["fetch"] and mapping["target"] == "http://192.168.1.20/app.js"
    assert "Local Network Access for fetch() only" in mapping["notes"]
    verdict = evaluate(load_scenario(mapping)).verdict("fetch")
    assert verdict is not None and verdict.capability("read") is False
    again = recognise(verdict.console.chrome or "")
    assert again is not None and again.reason == Failure.INSECURE_PRIVATE_NETWORK
