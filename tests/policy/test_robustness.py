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


# --- hostile text in every text field (issue 13) ---------------------------------------------------
# Every string the format has, filled with text drawn to hurt: lone surrogates, C0/C1 controls, bidi
# overrides, quotes and shell/config syntax. The contract: load and evaluate cleanly, with nothing
# unencodable left in the report, or refuse in one printable line.

HOSTILE_ALPHABET = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x9F),  # ASCII, C0, DEL and C1
    st.sampled_from(list("\ud800\udbff\udc00\udfff\u202a\u202e\u2066\u2069\u2028\u200f\ufeff\"'`$;{}[]\\#%é✔")),
)
hostile_text = st.text(HOSTILE_ALPHABET, max_size=16)
TEXT_FIELDS = [
    ("title",), ("notes",), ("page",), ("target",), ("resources", 0), ("request", "method"), ("request", "mode"),
    ("request", "headers", 0, 0), ("request", "headers", 0, 1), ("preflight", "headers", 0, 1),
    ("response", "headers", 0, 0), ("response", "headers", 0, 1), ("redirects", 0, "location"),
    ("cookie", "name"), ("cookie", "value"), ("cookie", "domain"), ("cookie", "path"), ("cookie", "samesite"),
    ("cookie", "set_cookie"), ("expect", None),
]
HOSTILE_BASE = {
    "version": 1, "page": "https://app.example.com/", "target": "https://api.example.com/v1/items",
    "resources": ["fetch"], "request": {"method": "PUT", "mode": "cors", "headers": [["X-A", "1"]]},
    "preflight": {"headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]},
    "response": {"headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]},
    "redirects": [{"location": "/b"}], "cookie": {"name": "sid", "value": "1", "domain": "example.com", "path": "/"},
    "expect": {"fetch.read": True},
}


def _with_field(where: tuple, text: str) -> dict:
    import copy

    mapping = copy.deepcopy(HOSTILE_BASE)
    if where[0] == "cookie" and where[1] == "set_cookie":
        mapping["cookie"] = {"set_cookie": text}
        return mapping
    if where == ("expect", None):
        mapping["expect"] = {text: True}
        return mapping
    node = mapping
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = text
    return mapping


@settings(max_examples=400, deadline=2000)
@given(where=st.sampled_from(TEXT_FIELDS), text=hostile_text)
def test_hostile_text_in_every_field(where: tuple, text: str) -> None:
    try:
        report = evaluate(load_scenario(_with_field(where, text)))
    except ScenarioError as error:
        line = str(error)
        assert line.isprintable(), repr(line)  # no raw control, surrogate or bidi character
        return
    import json

    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # strict: no lone surrogate survived


@settings(max_examples=200, deadline=2000)
@given(st.binary(max_size=300), st.sampled_from(["toml", "json"]))
def test_arbitrary_bytes(data: bytes, fmt: str) -> None:
    try:
        _check(parse_scenario_text(data, fmt))
    except ScenarioError as error:
        assert str(error).isprintable()


@settings(max_examples=200, deadline=2000)
@given(st.lists(st.sampled_from(['a', '"b"', "'c'", ".", " ", "=", "1", "[", "]", "{", "}", ",", "\n", "#", '"""',
                                 "9" * 120, "version", "status", "[response]", "\\"]), max_size=60))
def test_toml_shapes_are_bounded_or_parsed(tokens: list[str]) -> None:
    """The pre-parse bounds and the parser answer any token soup with a mapping or one printable line."""
    text = "".join(tokens)
    try:
        parse_scenario_text(text, "toml")
    except ScenarioError as error:
        assert str(error).isprintable()
