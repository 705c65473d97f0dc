"""A deterministic sweep of generated scenarios for the dom, iframe and cookie verdicts.

Used by the trace-step documentation test (every documented step id must be emitted by some
scenario) and the catalogue test of console lines. Seeded, so a failure names a reproducible case.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import policy_core

ROOT = Path(__file__).resolve().parents[2]

PAGES = [
    "https://a.example.com/",
    "https://a.example.com/api/page",
    "http://a.example.com/",
    "https://b.example.com/",
    "https://example.com/",
    "https://other.example.net/",
    "http://localhost:3000/",
    "http://127.0.0.1:8080/",
    "https://myapp.github.io/",
    "data:text/html,hi",
    "file:///home/me/index.html",
    "about:blank",
    "blob:https://a.example.com/uuid",
]
TARGETS = [
    "https://a.example.com/",
    "https://a.example.com/api/v1",
    "https://a.example.com:8443/",
    "http://a.example.com/",
    "https://b.example.com/admin/",
    "https://example.com/apix",
    "https://other.example.net/",
    "http://localhost:8080/",
    "http://127.0.0.1/",
    "https://myapp.github.io/",
    "https://shop.example.co.uk/",
    "data:text/html,x",
    "ftp://files.example.com/",
]
FRAMING_HEADERS = [
    [],
    [["X-Frame-Options", "DENY"]],
    [["X-Frame-Options", "sameorigin"]],
    [["X-Frame-Options", "ALLOWALL"]],
    [["X-Frame-Options", "ALLOW-FROM https://a.example.com"]],
    [["X-Frame-Options", "DENY"], ["X-Frame-Options", "SAMEORIGIN"]],
    [["Content-Security-Policy", "frame-ancestors 'none'"]],
    [["Content-Security-Policy", "frame-ancestors 'self'"]],
    [["Content-Security-Policy", "frame-ancestors *"]],
    [["Content-Security-Policy", "frame-ancestors https:"]],
    [["Content-Security-Policy", "frame-ancestors https://*.example.com 'unsafe-inline'"]],
    [["Content-Security-Policy", "frame-ancestors 'self', frame-ancestors https://a.example.com"]],
    [["Content-Security-Policy", "frame-ancestors https://a.example.com"], ["X-Frame-Options", "DENY"]],
    [["Content-Security-Policy-Report-Only", "frame-ancestors 'none'"], ["X-Frame-Options", "SAMEORIGIN"]],
]
SET_COOKIE_LINES = [
    "sid=1",
    "sid=1; Path=/; Secure; HttpOnly; SameSite=Lax",
    "__Host-sid=1; Secure; Path=/",
    "__Host-sid=1; Secure",
    "__host-sid=1; Secure; Path=/; Domain=example.com",
    "__Secure-sid=1",
    "__Http-sid=1; Secure; Path=/",
    "__Host-Http-sid=1; Secure; Path=/; HttpOnly",
    "=__Secure-x",
    "sid=1; Path=api; SameSite=bogus; Colour=blue",
    "sid=1; SameSite=None; Secure; Partitioned",
    "sid=1; Domain=.Example.COM; Path=/api",
    "sid=" + "x" * 4100,
]
COOKIE_NAMES = ["sid", "__Secure-sid", "__Host-sid", "__Http-sid", "__Host-Http-sid", ""]
DOMAINS = ["", "example.com", "com", "github.io", "co.uk", "a.example.com", "127.0.0.1", "localhost", "other.org"]
VIAS = ["fetch", "image", "script", "iframe", "navigation", "form-post"]


def _cookie(rng: random.Random) -> dict[str, Any]:
    via = rng.choice(VIAS)
    if rng.random() < 0.3:
        return {"set_cookie": rng.choice(SET_COOKIE_LINES), "via": via}
    name = rng.choice(COOKIE_NAMES)
    return {
        "name": name,
        "value": "__Host-x" if not name and rng.random() < 0.5 else "1",
        "samesite": rng.choice(["Strict", "Lax", "None", ""]),
        "secure": rng.random() < 0.5,
        "httponly": rng.random() < 0.3,
        "domain": rng.choice(DOMAINS),
        "path": rng.choice(["/", "/api", "/admin"]),
        "via": via,
        "partitioned": rng.random() < 0.2,
    }


def _request(rng: random.Random) -> dict[str, Any]:
    return {
        "mode": rng.choice(["cors", "no-cors", "same-origin"]),
        "credentials": rng.choice(["omit", "same-origin", "include"]),
        "crossorigin": rng.choice(["none", "anonymous", "use-credentials"]),
        "script_type": rng.choice(["classic", "module"]),
    }


def scenarios(count: int = 3000, seed: int = 10) -> Iterator[dict[str, Any]]:
    """``count`` scenario mappings asking for dom, iframe and cookie verdicts."""
    rng = random.Random(seed)
    for _ in range(count):
        mapping: dict[str, Any] = {
            "version": 1,
            "page": rng.choice(PAGES),
            "target": rng.choice(TARGETS),
            "resources": ["dom", "iframe", "cookie"],
            "page_sandboxed": rng.random() < 0.15,
            "request": _request(rng),
            "response": {
                "status": rng.choice([200, 200, 200, 204, 205, 404]),
                "headers": rng.choice(FRAMING_HEADERS),
            },
        }
        if rng.random() < 0.85:
            mapping["cookie"] = _cookie(rng)
        if rng.random() < 0.15:
            mapping["redirects"] = [
                {"status": 302, "location": rng.choice(TARGETS[:11]), "headers": []}
                for _ in range(rng.choice([1, 2]))
            ]
        yield mapping


def catalogue_files() -> list[Path]:
    """The built-in library and the test catalogue (tests/policy/test_catalogue.py snapshots them)."""
    return sorted([*ROOT.glob("origin_playground/scenarios/*.toml"), *ROOT.glob("tests/scenarios/*/*.toml")])



@cache
def evaluated(*, generated: bool = True) -> tuple[tuple[policy_core.Scenario, policy_core.Report], ...]:
    """Every catalogue scenario (and, with ``generated``, the sweep) with its report, evaluated once per session."""
    loaded = [policy_core.load_scenario(path) for path in catalogue_files()]
    if generated:
        loaded += [policy_core.load_scenario(mapping) for mapping in scenarios()]
    return tuple((scenario, policy_core.evaluate(scenario)) for scenario in loaded)
