"""Explain recognises every message of browser-rules.md § 2, with its URL, origin and quoted value."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_core import ScenarioError, load_scenario
from policy_core.explain import KNOWN_MESSAGES, REASONS, recognise, recognise_all, scenario_for

from .explain_messages import CHROME, FIREFOX, FRAME, OUTSIDE_FETCH, SAFARI
from .explain_messages_more import MORE


def _check(message: str, reason: str, fields: dict, browser: str | None) -> None:
    rec = recognise(message)
    assert rec is not None, message
    assert rec.reason == reason
    if browser:
        assert rec.browser == browser
    for name, value in fields.items():
        assert getattr(rec, name) == value, name
    mapping = scenario_for(rec)
    scenario = load_scenario(mapping)  # always a valid scenario
    expected = REASONS[reason].resource if rec.kind not in ("image", "script") else rec.kind
    if "Local Network Access for fetch() only" in mapping["notes"]:
        expected = "fetch"  # the engine models Local Network Access for fetch(): the rebuild says so
    assert list(scenario.resources) == [expected]


@pytest.mark.parametrize(("message", "reason", "fields"), [c[1:] for c in CHROME], ids=[c[0] for c in CHROME])
def test_chrome_message_is_recognised(message: str, reason: str, fields: dict) -> None:
    _check(message, reason, fields, "chrome")


@pytest.mark.parametrize(
    ("message", "reason", "fields"), [c[1:] for c in FIREFOX], ids=[c[0] for c in FIREFOX]
)
def test_firefox_message_is_recognised(message: str, reason: str, fields: dict) -> None:
    _check(message, reason, fields, "firefox")


@pytest.mark.parametrize(("message", "reason", "fields"), [c[1:] for c in SAFARI], ids=[c[0] for c in SAFARI])
def test_safari_message_is_recognised(message: str, reason: str, fields: dict) -> None:
    _check(message, reason, fields, "safari")


@pytest.mark.parametrize(
    ("message", "reason", "fields"), [c[1:] for c in OUTSIDE_FETCH], ids=[c[0] for c in OUTSIDE_FETCH]
)
def test_message_outside_fetch_is_recognised(message: str, reason: str, fields: dict) -> None:
    _check(message, reason, fields, None)


@pytest.mark.parametrize(("message", "reason", "fields"), [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_other_failures_old_and_localized_wordings_are_recognised(message: str, reason: str, fields: dict) -> None:
    _check(message, reason, fields, None)


def test_every_reason_has_a_test_and_an_example() -> None:
    tested = {c[2] for c in CHROME + FIREFOX + SAFARI + OUTSIDE_FETCH + MORE}
    assert tested == set(REASONS)
    assert {code for _, code, _ in KNOWN_MESSAGES} == set(REASONS)


@pytest.mark.parametrize(
    ("browser", "code", "example"),
    KNOWN_MESSAGES,
    ids=[f"{b}-{c}-{i}" for i, (b, c, _) in enumerate(KNOWN_MESSAGES)],
)
def test_known_examples_are_recognised(browser: str, code: str, example: str) -> None:
    rec = recognise(example)
    assert rec is not None and (rec.browser, rec.reason) == (browser, code)


def test_both_wordings_of_one_failure_agree() -> None:
    """Chrome's and Firefox's sentences for the same failure give the same reason code."""
    pairs = [
        ("kMissingAllowOriginHeader", "CORSMissingAllowOrigin2"),
        ("kMethodDisallowedByPreflightResponse", "CORSMethodNotFound"),
        ("kHeaderDisallowedByPreflightResponse", "CORSMissingAllowHeaderFromPreflight2"),
        ("kWildcardOriginNotAllowed", "CORSNotSupportingCredentials"),
        ("kInvalidAllowCredentials", "CORSMissingAllowCredentials"),
        ("kPreflightInvalidStatus", "CORSPreflightDidNotSucceed3"),
    ]
    chrome, firefox = {c[0]: c[2] for c in CHROME}, {c[0]: c[2] for c in FIREFOX}
    for chrome_id, firefox_id in pairs:
        assert chrome[chrome_id] == firefox[firefox_id]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "TypeError: Failed to fetch",
        "Access to fetch at 'x'",
        FRAME + "Some reason Chrome added in 2031.",
        "Cross-Origin Request Blocked: nope",
    ],
)
def test_text_without_a_known_message_is_not_recognised(text: str) -> None:
    assert recognise(text) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=400)
    | st.builds(lambda a, b: a + b, st.sampled_from([m for _, _, m in KNOWN_MESSAGES]), st.text(max_size=50))
)
def test_arbitrary_text_never_raises_and_builds_a_valid_scenario(text: str) -> None:
    rec = recognise(text)
    if rec is not None:
        mapping = scenario_for(rec)
        try:
            load_scenario(mapping)
        except ScenarioError as error:  # pragma: no cover - would be a bug: say which
            pytest.fail(f"scenario_for built an invalid scenario: {error}")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([m for _, _, m in KNOWN_MESSAGES]), st.data())
def test_mangled_known_messages_never_raise(message: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(message)))
    junk = data.draw(st.text(max_size=20))
    rec = recognise(message[:cut] + junk + message[cut:])
    if rec is not None:
        load_scenario(scenario_for(rec))


def test_an_old_firefox_line_before_a_current_one_is_not_swallowed() -> None:
    """Firefox's URL may hold spaces before '. (Reason:', but never a sentence end: it once ran on over an
    older 'This can be fixed …' line of the same paste, which was then lost (found by hypothesis)."""
    old = ("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
           "https://api.example.com/v1/items. This can be fixed by moving the resource to the same domain or enabling CORS.")
    current = ("Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
               "https://api.example.com/v1/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). "
               "Status code: 404.")
    found = recognise_all(old + "\n" + current)
    assert [(f.reason, f.url) for f in found] == [
        ("missing-allow-origin", "https://api.example.com/v1/items"),
        ("cors-blocked", "https://api.example.com/v1/items"),
    ]
