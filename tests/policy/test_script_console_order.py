"""Firefox's lines for a module script whose order is not stable: "CORS request did not succeed"
comes from the network channel, the MIME-type line from the script loader (sweep-script-0007 was
seen in both orders), so the harness lets that one line stand anywhere, for scripts only."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario

browser = pytest.importorskip("origin_playground.browser.compare")
observe = pytest.importorskip("origin_playground.browser.observe")

# sweep-script-0007: a module script, answered 404 (its body HTML) with CORS headers that allow it.
SCENARIO = {
    "version": 1, "page": "https://app.example.com/dashboard", "target": "https://cdn.other.net/asset.js",
    "resources": ["script"], "request": {"crossorigin": "anonymous", "script_type": "module"},
    "response": {"status": 404, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"],
                                            ["Cross-Origin-Resource-Policy", "cross-origin"]]},
}


def _verdict(mapping=SCENARIO):
    verdict = evaluate(load_scenario(mapping)).verdict("script")
    assert verdict is not None
    return verdict


def _compare(verdict, lines, browser_name="firefox", resource="script"):
    observation = observe.Observation(resource=resource, browser=browser_name, can=verdict.can,
                                      console=tuple(lines))
    return browser.compare(verdict, observation).console


def test_the_request_failure_line_may_come_before_the_mime_line() -> None:
    v = _verdict()
    engine = (v.console.firefox or "").split("\n")
    assert len(engine) == 2 and "disallowed MIME type" in engine[0] and "did not succeed" in engine[1]
    assert _compare(v, engine) == ()
    assert _compare(v, list(reversed(engine))) == ()  # as Firefox 153 printed it in CI


def test_only_that_line_moves_and_only_for_firefox_scripts() -> None:
    v = _verdict()
    engine = (v.console.firefox or "").split("\n")
    assert _compare(v, list(reversed(engine)), "chromium") != ()
    assert _compare(v, list(reversed(engine)), "firefox", "image") != ()
    assert _compare(v, engine[:1]) != ()  # a missing line still counts
