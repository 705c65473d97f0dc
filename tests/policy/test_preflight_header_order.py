"""Which disallowed request header Chrome names first: its header map's order (fetch_rules.chrome_header_order).

Every expected order below was read from Chromium 156 by allowing, one at a time, the header it
named, until the preflight passed (the browser suite's harness).
"""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario
from policy_core.fetch_rules import chrome_header_order

SEEN_IN_CHROMIUM = [
    ("x-beta,x-alpha", "x-beta,x-alpha"),
    ("x-a,x-m,x-b", "x-m,x-a,x-b"),
    ("content-type,x-custom", "x-custom,content-type"),
    ("x-zeta,x-alpha,x-mid,x-omega,x-beta", "x-zeta,x-alpha,x-beta,x-mid,x-omega"),
    ("x-request-id,x-api-key,x-trace,x-client", "x-trace,x-request-id,x-api-key,x-client"),
    ("authorization,x-custom,content-type,x-api-key", "x-custom,authorization,x-api-key,content-type"),
    ("x-a1,x-b2,x-c3,x-d4,x-e5,x-f6", "x-d4,x-b2,x-f6,x-c3,x-e5,x-a1"),
    ("x-1,x-2,x-3,x-4,x-5,x-6,x-7,x-8,x-9,x-10", "x-2,x-3,x-6,x-9,x-8,x-10,x-4,x-1,x-5,x-7"),
    ("x-1,x-2,x-3,x-4,x-5,x-6,x-7,x-8,x-9,x-10,x-11,x-12", "x-3,x-6,x-9,x-4,x-1,x-12,x-7,x-2,x-11,x-8,x-10,x-5"),
]


@pytest.mark.parametrize(("names", "order"), SEEN_IN_CHROMIUM)
def test_the_order_chromium_checks_them(names: str, order: str) -> None:
    unsafe = tuple(names.split(","))
    assert ",".join(chrome_header_order(unsafe, len(unsafe))) == order
    assert ",".join(chrome_header_order(tuple(reversed(unsafe)), len(unsafe))) == order  # the request's order is irrelevant


def test_safelisted_headers_count_towards_the_table() -> None:
    # X-A, X-M, X-B named x-m first alone, x-a first beside a Content-Language or Accept (Chromium 156).
    unsafe = ("x-a", "x-m", "x-b")
    assert chrome_header_order(unsafe, 3)[0] == "x-m"
    assert chrome_header_order(unsafe, 4)[0] == "x-a"


def verdict(headers: list[list[str]]):
    scenario = {
        "version": 1, "page": "https://app.example.com/dashboard", "target": "https://api.example.com/v1/items",
        "resources": ["fetch"], "request": {"method": "DELETE", "headers": headers},
        "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Methods", "*"]]},
    }
    result = evaluate(load_scenario(scenario)).verdict("fetch")
    assert result is not None
    return result


def test_chrome_names_its_first_firefox_the_sorted_first() -> None:
    result = verdict([["Content-Type", "application/json"], ["X-Custom", "1"]])
    assert "Request header field x-custom is not allowed" in (result.console.chrome or "")
    assert "header ‘content-type’ is not allowed" in (result.console.firefox or "")
    step = next(s for s in result.trace if s.id == "fetch.preflight.headers")
    assert step.result == "fail" and "x-custom" in step.summary
