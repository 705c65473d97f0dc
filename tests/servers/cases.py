"""The scenarios whose fix is a server configuration, proven on the real frameworks.

Every library scenario with a fetch (the exports configure CORS for it); the library's image and
script scenarios whose fix is the element's ``crossorigin="anonymous"`` plus the server's CORS
headers, played with the page's half of the fix applied (the export writes the server's half);
and a few edge cases written to find what a framework cannot express, each stating what it tries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from origin_playground.library import list_scenarios
from policy_core import Scenario, load_scenario


@dataclass(frozen=True)
class Case:
    name: str
    scenario: Scenario
    why: str  # what the case is for
    resource: str = "fetch"  # the verdict whose reading capability the fix must turn on


# The capability that says the page may read the answer, by resource type.
READ = {"fetch": "read", "image": "read_pixels", "script": "read_errors"}


def _edge(target: str, page: str = "https://app.example.com/", **request: Any) -> dict[str, Any]:
    mapping: dict[str, Any] = {"version": 1, "page": page, "target": target, "resources": ["fetch"]}
    preflight = request.pop("preflight", None)
    response = request.pop("response", None)
    if request:
        mapping["request"] = request
    if preflight:
        mapping["preflight"] = {"headers": preflight}
    if response:
        mapping["response"] = {"headers": response}
    return mapping


JSON = ["Content-Type", "application/json"]
EDGES: dict[str, tuple[str, dict[str, Any]]] = {
    "edge-lowercase-method": (
        "fetch() sends a method other than DELETE/GET/HEAD/OPTIONS/POST/PUT as written: 'patch'",
        _edge("https://api.example.net/items/1", method="patch", headers=[JSON]),
    ),
    "edge-custom-method": (
        "an extension method (PROPFIND-like, here FROB) that only some servers parse",
        _edge("https://api.example.net/items/1", method="FROB"),
    ),
    "edge-ipv6-dev-origin": (
        "a dev page on http://[::1]:3000 calling http://[::1]:8080 (brackets in the origin)",
        _edge("http://[::1]:8080/api/items", page="http://[::1]:3000/"),
    ),
    "edge-everything-credentialed": (
        "PUT with credentials, two custom headers and an exposed header, all at once",
        _edge("https://api.example.net/v1/items", method="PUT", credentials="include",
              headers=[JSON, ["X-Trace", "1"], ["X-Client-Version", "3.2"]],
              response=[["Access-Control-Expose-Headers", "X-Total, X-Page"]]),
    ),
    "edge-expose-star": (
        "Access-Control-Expose-Headers: * without credentials (every header readable)",
        _edge("https://api.example.net/v1/items", response=[["Access-Control-Expose-Headers", "*"]]),
    ),
    "edge-long-max-age": (
        "a preflight cached for a day (Chrome caps Access-Control-Max-Age at 2 hours)",
        _edge("https://api.example.net/v1/items", method="DELETE",
              preflight=[["Access-Control-Max-Age", "86400"]]),
    ),
}


def library_cases() -> list[Case]:
    out = []
    for entry in list_scenarios():
        scenario = load_scenario(entry.path)
        if "fetch" in scenario.resources:
            out.append(Case(entry.slug, scenario, scenario.title or entry.slug))
        elif scenario.request.crossorigin == "none" and (kind := _element_kind(scenario)):
            mapping = scenario.to_mapping()
            mapping["request"] = {**mapping.get("request", {}), "crossorigin": "anonymous"}
            mapping.pop("expect", None)
            out.append(Case(entry.slug, load_scenario(mapping),
                            f"{scenario.title} (with the page's crossorigin=\"anonymous\")", kind))
    return out


def _element_kind(scenario: Scenario) -> str | None:
    """image or script, when that is the scenario's one resource (its fix: CORS mode plus the server)."""
    kinds = [kind for kind in ("image", "script") if kind in scenario.resources]
    return kinds[0] if len(scenario.resources) == 1 and kinds else None


def edge_cases() -> list[Case]:
    return [Case(name, load_scenario(mapping), why) for name, (why, mapping) in EDGES.items()]


def all_cases() -> list[Case]:
    return library_cases() + edge_cases()
