"""A seeded random sweep: scenarios built from small sets of methods, headers, CORS answers, statuses
and redirects, per resource type. The same seed always gives the same scenarios."""

from __future__ import annotations

import random
from typing import Any

PAGE = "https://app.example.com/dashboard"
PAGE_ORIGIN = "https://app.example.com"

FETCH_TARGETS = (
    "https://api.example.com/v1/items",  # same site, another origin
    "https://app.example.com/api/items",  # same origin
    "https://api.other.net/data",  # cross-site
    "https://api.example.com:8443/v1/items",  # another port
)
REDIRECT_TARGETS = ("https://cdn.other.net/final", "https://app.example.com/final", "https://api.example.com/moved")
METHODS = ("GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "PATCH", "patch", "OPTIONS")
REQUEST_HEADERS: tuple[tuple[tuple[str, str], ...], ...] = (
    (),
    (),
    (("Content-Type", "text/plain"),),
    (("Content-Type", "application/json"),),
    (("Content-Type", "application/x-www-form-urlencoded"),),
    (("X-Custom", "1"),),
    (("Authorization", "Bearer abc"),),
    (("Accept", "application/json"),),
    (("Range", "bytes=0-10"),),
    (("X-Custom", "1"), ("X-Custom", "2")),
    (("Content-Type", "application/json"), ("X-Custom", "1")),
)
ACAO = (None, None, PAGE_ORIGIN, PAGE_ORIGIN, "*", "null", "https://other.example", PAGE_ORIGIN + "/")
ACAC = (None, None, "true", "True")
ACAH = (None, "*", "content-type", "x-custom", "authorization", "content-type, x-custom", "Content-Type, Authorization")
STATUSES = (200, 200, 200, 201, 204, 404, 500)
PREFLIGHT_STATUSES = (200, 204, 204, 204, 404, 500, 302)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def _cors_headers(rng: random.Random, method: str, preflight: bool) -> list[list[str]]:
    headers: list[list[str]] = []
    if (acao := rng.choice(ACAO)) is not None:
        headers.append(["Access-Control-Allow-Origin", acao])
    if (acac := rng.choice(ACAC)) is not None:
        headers.append(["Access-Control-Allow-Credentials", acac])
    if preflight:
        if (acam := rng.choice((None, method, method.upper(), "*", "GET, POST", "put"))) is not None:
            headers.append(["Access-Control-Allow-Methods", acam])
        if (acah := rng.choice(ACAH)) is not None:
            headers.append(["Access-Control-Allow-Headers", acah])
    return headers


def _redirects(rng: random.Random, chance: float) -> list[dict[str, Any]]:
    if rng.random() >= chance:
        return []
    return [{"status": rng.choice(REDIRECT_STATUSES), "location": rng.choice(REDIRECT_TARGETS),
             "headers": [["Access-Control-Allow-Origin", v] for v in [rng.choice(ACAO)] if v is not None]}]


def fetch(rng: random.Random) -> dict[str, Any]:
    method = rng.choice(METHODS)
    return {
        "version": 1, "page": PAGE, "target": rng.choice(FETCH_TARGETS), "resources": ["fetch"],
        "request": {"method": method, "mode": rng.choice(("cors", "cors", "cors", "cors", "no-cors", "same-origin")),
                    "credentials": rng.choice(("omit", "same-origin", "include")),
                    "headers": [list(h) for h in rng.choice(REQUEST_HEADERS)]},
        "preflight": {"status": rng.choice(PREFLIGHT_STATUSES), "headers": _cors_headers(rng, method, True)},
        "response": {"status": rng.choice(STATUSES), "headers": _cors_headers(rng, method, False)},
        "redirects": _redirects(rng, 0.15),
    }


def _subresource(rng: random.Random, resource: str) -> dict[str, Any]:
    headers = _cors_headers(rng, "GET", False)
    if (corp := rng.choice((None, None, "same-origin", "same-site", "cross-origin"))) is not None:
        headers.append(["Cross-Origin-Resource-Policy", corp])
    request: dict[str, Any] = {"crossorigin": rng.choice(("none", "anonymous", "use-credentials"))}
    if resource == "script":
        request["script_type"] = rng.choice(("classic", "module"))
        if rng.random() < 0.15:
            headers += [["Content-Type", "application/json"], ["X-Content-Type-Options", "nosniff"]]
    target = rng.choice(("https://cdn.other.net/asset", "https://app.example.com/asset", "https://static.example.com/asset"))
    return {"version": 1, "page": PAGE, "target": target + (".png" if resource == "image" else ".js"),
            "resources": [resource], "request": request,
            "response": {"status": rng.choice((200, 200, 200, 404)), "headers": headers},
            "redirects": _redirects(rng, 0.15)}


def image(rng: random.Random) -> dict[str, Any]:
    return _subresource(rng, "image")


def script(rng: random.Random) -> dict[str, Any]:
    return _subresource(rng, "script")


FRAME_TARGETS = ("https://app.example.com/embed", "https://widgets.example.com/embed", "https://widgets.other.net/embed")
XFO = (None, None, "DENY", "SAMEORIGIN", "sameorigin", "ALLOW-FROM https://app.example.com", "SAMEORIGIN, DENY", "INVALID")
FRAME_ANCESTORS = (None, None, "'self'", "'none'", PAGE_ORIGIN, "https://*.example.com", "*", "https://other.net")


def iframe(rng: random.Random) -> dict[str, Any]:
    headers = []
    if (xfo := rng.choice(XFO)) is not None:
        headers.append(["X-Frame-Options", xfo])
    if (fa := rng.choice(FRAME_ANCESTORS)) is not None:
        name = rng.choice(("Content-Security-Policy", "Content-Security-Policy", "Content-Security-Policy-Report-Only"))
        headers.append([name, f"frame-ancestors {fa}"])
    return {"version": 1, "page": PAGE, "target": rng.choice(FRAME_TARGETS), "resources": ["iframe"],
            "response": {"status": rng.choice((200, 200, 404)), "headers": headers}}


DOM_TARGETS = ("https://app.example.com/other", "https://app.example.com:8443/", "http://app.example.com/",
               "https://www.example.com/", "https://example.com/", "https://other.net/", "https://app.example.com/dashboard")


def dom(rng: random.Random) -> dict[str, Any]:
    return {"version": 1, "page": rng.choice((PAGE, "http://app.example.com/")), "target": rng.choice(DOM_TARGETS),
            "resources": ["dom"], "page_sandboxed": rng.random() < 0.15}


COOKIE_TARGETS = ("https://api.example.com/v1/me", "https://app.example.com/api/me", "https://api.other.net/me",
                  "http://api.example.com/v1/me")


def cookie(rng: random.Random) -> dict[str, Any]:
    target = rng.choice(COOKIE_TARGETS)
    return {
        "version": 1, "page": rng.choice((PAGE, PAGE, "http://app.example.com/")), "target": target,
        "resources": ["cookie"],
        "request": {"credentials": rng.choice(("same-origin", "include", "include")),
                    "crossorigin": rng.choice(("none", "anonymous", "use-credentials"))},
        "response": {"headers": _cors_headers(rng, "GET", False)},
        "cookie": {"name": "sid", "samesite": rng.choice(("Strict", "Lax", "None", "")),
                   "secure": rng.random() < 0.7, "httponly": rng.random() < 0.5,
                   "domain": rng.choice(("", "", "example.com")), "path": rng.choice(("/", "/", "/other")),
                   "via": rng.choice(("fetch", "image", "script", "iframe", "navigation", "form-post"))},
    }


GENERATORS = {"fetch": fetch, "image": image, "script": script, "iframe": iframe, "dom": dom, "cookie": cookie}
COUNTS = {"fetch": 500, "image": 60, "script": 60, "iframe": 60, "dom": 60, "cookie": 60}
DEFAULT_SEED = 11


def sweep(seed: int) -> list[tuple[str, dict[str, Any]]]:
    """(case id, scenario mapping) for every resource type, reproducible from ``seed``."""
    cases = []
    for resource, count in COUNTS.items():
        rng = random.Random(f"{seed}-{resource}")
        for i in range(1, count + 1):
            cases.append((f"sweep-{resource}-{i:04d}", GENERATORS[resource](rng)))
    return cases
