"""Arbitrary input: load_scenario and evaluate raise ScenarioError or nothing at all."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_core import ScenarioError, evaluate, load_scenario, parse_scenario_text
from policy_core.resources import EVALUATORS

KEYS = ["version", "page", "target", "resources", "page_sandboxed", "request", "preflight", "response",
        "redirects", "cookie", "expect", "title", "method", "mode", "credentials", "crossorigin", "headers",
        "status", "location", "samesite", "via", "set_cookie", "fetch.read", "dom.access", "x"]
URLS = ["https://a.example/", "http://localhost:3000", "data:,x", "https://b.example:8443/p", "blob:https://a.example/1",
        "not a url", "", "https://[::1]/", "file:///x", "http://127.0.0.1/"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 700), st.sampled_from(URLS), st.text(max_size=12),
                    st.sampled_from(["GET", "PUT", "include", "omit", "cors", "no-cors", "Lax", "None", "fetch", "dom"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
                      max_leaves=20)


def _check(mapping: object) -> None:
    try:
        scenario = load_scenario(mapping)  # type: ignore[arg-type]
        report = evaluate(scenario)
        report.to_dict()
    except ScenarioError as error:
        assert "\n" not in str(error)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=8))
def test_arbitrary_mappings(mapping: dict) -> None:
    _check(mapping)


@settings(max_examples=300, deadline=None)
@given(
    page=st.sampled_from(URLS), target=st.sampled_from(URLS),
    resources=st.lists(st.sampled_from(sorted(EVALUATORS)), unique=True, min_size=1),
    request=st.fixed_dictionaries({}, optional={
        "method": st.sampled_from(["GET", "POST", "PUT", "patch", "DELETE", "OPTIONS", "CONNECT", "X"]),
        "mode": st.sampled_from(["cors", "no-cors", "same-origin"]),
        "credentials": st.sampled_from(["omit", "same-origin", "include"]),
        "crossorigin": st.sampled_from(["none", "anonymous", "use-credentials"]),
        "headers": st.lists(st.tuples(st.sampled_from(["Content-Type", "X-A", "Authorization", "Range", "Accept"]),
                                      st.text(max_size=20)), max_size=3),
    }),
    response=st.fixed_dictionaries({}, optional={
        "status": st.integers(100, 599),
        "headers": st.lists(st.tuples(st.sampled_from(["Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                                                         "Access-Control-Expose-Headers", "X-Frame-Options", "Vary"]),
                                      st.sampled_from(["*", "null", "https://a.example", "true", "DENY", "", " , "])),
                            max_size=3),
    }),
    sandboxed=st.booleans(),
)
def test_valid_scenarios_evaluate(page, target, resources, request, response, sandboxed) -> None:
    _check({"version": 1, "page": page, "target": target, "resources": resources, "request": request,
            "preflight": response, "response": response, "page_sandboxed": sandboxed})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["toml", "json"]))
def test_arbitrary_text(text: str, fmt: str) -> None:
    try:
        _check(parse_scenario_text(text, fmt))
    except ScenarioError as error:
        assert "\n" not in str(error)
