"""docs/trace-steps/{fetch,image,script}.md document exactly the step ids these verdicts emit.

Emitted ids come from the library and test scenarios plus a sweep of generated scenarios that
walks every branch (methods, modes, credentials, preflight answers, redirects, CORP, MIME types).
Documented ids are the backticked ids in the first column of each table; ``{x}`` in a documented
id stands for any one id segment.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest

import policy_core

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ("fetch", "image", "script")
PAGE, API, OTHER = "https://app.example.com/dashboard", "https://api.example.com/v1/items", "https://cdn.example.net/x"
ALLOW = [["Access-Control-Allow-Origin", "https://app.example.com"]]
ALLOW_CREDS = [*ALLOW, ["Access-Control-Allow-Credentials", "true"]]
NULL_ALLOW = [["Access-Control-Allow-Origin", "null"]]


def _documented(resource: str) -> set[str]:
    text = (ROOT / "docs" / "trace-steps" / f"{resource}.md").read_text()
    ids: set[str] = set()
    for line in text.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            ids.update(re.findall(r"`([a-z][a-z0-9.{}-]*)`", first_cell))
    return ids


def _as_pattern(doc_id: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[a-z]+\\\}", "[a-z0-9-]+", re.escape(doc_id)) + r"\Z")


def _redirects(*locations: str, headers: list[list[str]] | None = None, status: int = 302) -> list[dict]:
    return [{"status": status, "location": loc, "headers": headers or []} for loc in locations]


def _generated() -> list[dict]:
    """Scenarios for the branches the catalogue does not reach."""
    base = {"version": 1, "page": PAGE, "target": API, "resources": list(RESOURCES)}
    out: list[dict] = []
    requests = [
        {},
        {"method": "PUT", "headers": [["X-Trace", "1"]]},
        {"method": "patch"},
        {"method": "pUt"},
        {"method": "TRACE"},
        {"method": "DELETE", "credentials": "include"},
        {"mode": "no-cors", "headers": [["X-Trace", "1"], ["Accept", "text/plain"]]},
        {"mode": "no-cors", "method": "PUT"},
        {"mode": "same-origin"},
        {"credentials": "omit"},
        {"credentials": "include", "crossorigin": "use-credentials"},
        {"crossorigin": "anonymous"},
        {"crossorigin": "anonymous", "script_type": "module"},
        {"headers": [["Authorization", "Bearer x"]]},
        {"headers": [["Cookie", "a=1"], ["X-Trace", "1"]]},
    ]
    preflights = [
        {"status": 204, "headers": [*ALLOW, ["Access-Control-Allow-Methods", "PUT, PATCH, DELETE"],
                                    ["Access-Control-Allow-Headers", "x-trace, authorization"],
                                    ["Access-Control-Max-Age", "-1"]]},
        {"status": 204, "headers": [*ALLOW, ["Access-Control-Allow-Methods", "GET; PUT"]]},
        {"status": 204, "headers": [*ALLOW, ["Access-Control-Allow-Methods", "*"],
                                    ["Access-Control-Allow-Headers", "x/trace"]]},
        {"status": 204, "headers": [*ALLOW, ["Access-Control-Allow-Methods", "*"], ["Access-Control-Allow-Headers", "*"]]},
        {"status": 301, "headers": ALLOW},
        {"status": 403, "headers": ALLOW},
        {"status": 204, "headers": [*ALLOW_CREDS, ["Access-Control-Allow-Methods", "DELETE"]]},
    ]
    responses = [
        {"status": 200, "headers": ALLOW},
        {"status": 200, "headers": [*ALLOW, ["Access-Control-Expose-Headers", "x-a b"]]},
        {"status": 404, "headers": [["Content-Type", "text/csv"]]},
        {"status": 200, "headers": [["Cross-Origin-Resource-Policy", "same-origin"]]},
        {"status": 200, "headers": [["Cross-Origin-Resource-Policy", "Same-Site"], ["Content-Type", "text/html"]]},
        {"status": 200, "headers": [["Content-Type", "image/png"], ["Access-Control-Allow-Origin", "*"]]},
        {"status": 200, "headers": [["Content-Type", "text/html"], ["X-Content-Type-Options", "nosniff"]]},
    ]
    for request, preflight, response in itertools.product(requests, preflights, responses):
        out.append({**base, "request": request, "preflight": preflight, "response": response})
    redirect_cases = [
        (API, _redirects("https://app.example.com/back")),
        (API, _redirects(OTHER, "https://third.example.org/y")),
        (API, _redirects("https://u:p@cdn.example.net/x")),
        (API, _redirects("https://u:p@cdn.example.net/x", headers=ALLOW)),
        (API, _redirects("data:text/plain,hi")),
        (API, _redirects("http://cdn.example.net/x")),
        (API, _redirects("https://app.example.com/ok", headers=[["Cross-Origin-Resource-Policy", "same-origin"]])),
        (API, _redirects(OTHER, headers=ALLOW_CREDS)),
        ("https://app.example.com/a", _redirects(API, status=303)),
        ("https://app.example.com/a", _redirects(*[f"https://app.example.com/{n}" for n in range(21)])),
        ("https://app.example.com/a", _redirects(OTHER, OTHER + "/2")),
    ]
    for (target, redirects), request in itertools.product(redirect_cases, requests):
        for response in ({"headers": ALLOW}, {"headers": NULL_ALLOW}, {"headers": [["Access-Control-Allow-Origin", "*"]]}):
            out.append({**base, "target": target, "redirects": redirects, "request": request, "response": response,
                        "preflight": preflights[3]})
    for page, target in [
        ("file:///home/me/index.html", "https://api.example.com/x"),
        ("https://app.example.com/", "file:///etc/passwd"),
        ("https://app.example.com/", "ftp://files.example.com/a"),
        ("https://app.example.com/", "blob:https://other.example.com/uuid"),
        ("https://app.example.com/", "https://user:pw@api.example.com/"),
        ("https://app.example.com/", "http://api.example.com/x"),
        ("https://app.example.com/", "http://localhost:8080/x"),
        ("https://app.example.com/", "data:text/plain,hi"),
        ("http://app.example.com/", "http://192.168.1.1/"),
        ("https://app.example.com/", "http://127.0.0.1:3000/"),
        ("https://app.example.com/", "https://app.example.com/same"),
    ]:
        for request in ({}, {"mode": "no-cors"}, {"method": "POST", "headers": [["Content-Type", "text/plain"]]}):
            out.append({**base, "page": page, "target": target, "request": request})
    out.append({**base, "page_sandboxed": True, "response": {"headers": NULL_ALLOW}})
    return out


@cache
def _emitted() -> dict[str, set[str]]:
    paths = sorted([*ROOT.glob("origin_playground/scenarios/*.toml"), *ROOT.glob("tests/scenarios/*/*.toml")])
    scenarios = [policy_core.load_scenario(path) for path in paths]
    scenarios += [policy_core.load_scenario(raw) for raw in _generated()]
    emitted: dict[str, set[str]] = {r: set() for r in RESOURCES}
    for scenario in scenarios:
        report = policy_core.evaluate(scenario)
        for resource in RESOURCES:
            verdict = report.verdict(resource)
            if verdict is not None:
                emitted[resource].update(step.id for step in verdict.trace)
    return emitted


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_emitted_step_is_documented(resource: str) -> None:
    patterns = [_as_pattern(i) for i in _documented(resource)]
    missing = sorted(i for i in _emitted()[resource] if not any(p.match(i) for p in patterns))
    assert not missing, f"docs/trace-steps/{resource}.md lacks {missing}"


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_documented_step_is_emitted(resource: str) -> None:
    emitted = _emitted()[resource]
    assert emitted
    unused = sorted(d for d in _documented(resource) if not any(_as_pattern(d).match(i) for i in emitted))
    assert not unused, f"docs/trace-steps/{resource}.md documents ids no scenario emits: {unused}"
