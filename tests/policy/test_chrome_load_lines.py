"""Chromium 156's "Failed to load resource" line, as the browser suite observed it (tests/browser).

A load that ends in a network error (a CORS failure of the preflight, the response or a redirect)
prints ``net::ERR_FAILED`` after the CORS line; a response with an error status that reaches the
page (readable, opaque, a script or a frame) prints its status; a request refused before it is
sent prints none.
"""

from __future__ import annotations

from typing import Any

import policy_core
from policy_core.report import Verdict

PAGE = "https://app.example.com/dashboard"
API = "https://api.example.com/v1/items"
ERR_FAILED = "Failed to load resource: net::ERR_FAILED"


def verdict(resource: str, target: str = API, **parts: Any) -> Verdict:
    scenario = policy_core.load_scenario({"version": 1, "page": PAGE, "target": target, "resources": [resource], **parts})
    out = policy_core.evaluate(scenario).verdict(resource)
    assert out is not None
    return out


def lines(v: Verdict) -> list[str]:
    return (v.console.chrome or "").split("\n") if v.console.chrome else []


def test_cors_failure_of_the_response_ends_with_err_failed() -> None:
    got = lines(verdict("fetch", response={"status": 404}))
    assert len(got) == 2
    assert got[0].startswith("Access to fetch at ")
    assert got[1] == ERR_FAILED  # a network error: no status, whatever the server answered


def test_failed_preflight_ends_with_err_failed() -> None:
    got = lines(verdict("fetch", request={"method": "PUT"}, preflight={"status": 204}))
    assert got[-1] == ERR_FAILED and len(got) == 2


def test_readable_error_status_prints_the_status_only() -> None:
    v = verdict("fetch", response={"status": 404, "headers": [["Access-Control-Allow-Origin", "*"]]})
    assert v.capability("read") is True
    assert lines(v) == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]


def test_opaque_error_status_is_printed_too() -> None:
    v = verdict("fetch", request={"mode": "no-cors"}, response={"status": 500})
    assert lines(v) == ["Failed to load resource: the server responded with a status of 500 (Internal Server Error)"]


def test_ok_status_prints_nothing() -> None:
    v = verdict("fetch", response={"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]})
    assert v.console.chrome is None


def test_request_never_sent_prints_no_load_line() -> None:
    v = verdict("fetch", request={"mode": "same-origin"}, response={"status": 404})
    assert all(not line.startswith("Failed to load resource") for line in lines(v))


def test_redirect_loop_prints_too_many_redirects() -> None:
    hops = [{"status": 302, "location": API, "headers": [["Access-Control-Allow-Origin", "*"]]}] * 21
    v = verdict("fetch", redirects=hops, response={"headers": [["Access-Control-Allow-Origin", "*"]]})
    assert lines(v)[-1] == "Failed to load resource: net::ERR_TOO_MANY_REDIRECTS"


def test_image_cors_failure_ends_with_err_failed() -> None:
    v = verdict("image", "https://cdn.other.net/a.png", request={"crossorigin": "anonymous"})
    got = lines(v)
    assert got[0].startswith("Access to image at ") and got[-1] == ERR_FAILED


def test_script_error_status_is_printed() -> None:
    v = verdict("script", "https://cdn.other.net/a.js", response={"status": 404, "body": "script"})
    assert lines(v) == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]


def test_opaque_nosniff_json_script_is_dropped_by_orb_silently() -> None:
    headers = [["Content-Type", "application/json"], ["X-Content-Type-Options", "nosniff"]]
    v = verdict("script", "https://cdn.other.net/a.js", response={"status": 404, "headers": headers})
    assert all(not line.startswith("Failed to load resource") for line in lines(v))


def test_refused_frame_logs_its_status_without_a_phrase_before_the_refusal() -> None:
    v = verdict("iframe", "https://widgets.other.net/", response={"status": 404, "headers": [["X-Frame-Options", "DENY"]]})
    got = lines(v)
    assert got[0] == "Failed to load resource: the server responded with a status of 404 ()"
    assert got[1].startswith("Refused to display 'https://widgets.other.net/' in a frame")


def test_shown_frame_with_error_status_logs_the_status() -> None:
    v = verdict("iframe", "https://widgets.other.net/", response={"status": 404})
    assert lines(v)[0] == "Failed to load resource: the server responded with a status of 404 (Not Found)"
