"""Exports: TOML and JSON round-trip, curl splits back with shlex, server configs carry the right values."""

from __future__ import annotations

import ast
import json
import shlex
import tomllib

import pytest

from origin_playground.exports import EXPORT_FORMATS, cors_intent, curl_commands, export
from policy_core import ScenarioError, evaluate, load_scenario
from policy_core.resources import EVALUATORS

needs_fetch = pytest.mark.skipif("fetch" not in EVALUATORS, reason="the fetch verdict is not registered")

SPA = {
    "version": 1,
    "title": "SPA saves an item | with a pipe",
    "page": "https://app.example.com/dashboard",
    "target": "https://api.example.com/v1/items?id=1",
    "resources": ["fetch"],
    "request": {
        "method": "PUT",
        "credentials": "include",
        "headers": [["Content-Type", "application/json"], ["X-Trace", 'it\'s "quoted" $HOME']],
    },
    "preflight": {
        "status": 204,
        "headers": [
            ["Access-Control-Allow-Origin", "https://app.example.com"],
            ["Access-Control-Max-Age", "600"],
        ],
    },
    "response": {
        "status": 200,
        "headers": [
            ["Access-Control-Allow-Origin", "https://app.example.com"],
            ["Access-Control-Expose-Headers", "X-Total, *"],
        ],
    },
    "cookie": {"name": "sid", "value": "abc", "samesite": "None", "secure": True},
    "expect": {"fetch.read": False},
}
SIMPLE = {
    "version": 1,
    "page": "https://www.a.com/",
    "target": "https://www.b.com/data.json",
    "resources": ["fetch"],
}


def _load(mapping: dict):
    scenario = load_scenario(mapping)
    return scenario, evaluate(scenario)


@needs_fetch
@pytest.mark.parametrize("mapping", [SPA, SIMPLE], ids=["spa", "simple"])
def test_toml_round_trip(mapping: dict) -> None:
    scenario, report = _load(mapping)
    text = export("toml", scenario, report)
    assert load_scenario(tomllib.loads(text)).to_mapping() == scenario.to_mapping()


def test_toml_round_trip_without_fetch() -> None:
    scenario, report = _load(
        {
            "version": 1,
            "page": "https://www.a.com/",
            "target": "https://www.b.com/",
            "resources": ["dom"],
            "page_sandboxed": True,
            "notes": "two\nlines",
        }
    )
    assert (
        load_scenario(tomllib.loads(export("toml", scenario, report))).to_mapping() == scenario.to_mapping()
    )


@needs_fetch
def test_json_is_the_report() -> None:
    scenario, report = _load(SPA)
    assert json.loads(export("json", scenario, report)) == report.to_dict()


@needs_fetch
def test_curl_pair_reproduces_preflight_and_request() -> None:
    scenario, report = _load(SPA)
    text = export("curl", scenario, report)
    commands = [line for line in text.splitlines() if line.startswith("curl ")]
    assert [shlex.split(line) for line in commands] == curl_commands(scenario, report)
    preflight, actual = curl_commands(scenario, report)
    assert preflight[:5] == ["curl", "-i", "-X", "OPTIONS", "https://api.example.com/v1/items?id=1"]
    lines = report.verdict("fetch").fetch.preflight_request
    assert [preflight[i + 1] for i, arg in enumerate(preflight) if arg == "-H"] == list(lines[1:])
    assert "Access-Control-Request-Headers: content-type,x-trace" in preflight
    assert actual[:5] == ["curl", "-i", "-X", "PUT", "https://api.example.com/v1/items?id=1"]
    assert "Origin: https://app.example.com" in actual
    assert 'X-Trace: it\'s "quoted" $HOME' in actual  # quoted safely, split back exactly
    assert actual[-2:] == ["--cookie", "sid=abc"]


@needs_fetch
def test_curl_without_preflight_is_one_command() -> None:
    scenario, report = _load(SIMPLE)
    commands = curl_commands(scenario, report)
    assert commands == [
        ["curl", "-i", "-X", "GET", "https://www.b.com/data.json", "-H", "Origin: https://www.a.com"]
    ]
    assert shlex.split(export("curl", scenario, report).splitlines()[1]) == commands[0]


@needs_fetch
def test_markdown_for_a_bug_report() -> None:
    scenario, report = _load(SPA)
    text = export("markdown", scenario, report)
    verdict = report.verdict("fetch")
    assert text.startswith("## SPA saves an item \\| with a pipe\n")
    assert "| origin | `https://app.example.com` | `https://api.example.com` |" in text
    assert f"| fetch | {'✘ blocked' if verdict.outcome == 'blocked' else '◐ partial'} |" in text
    assert f"```text\n{verdict.console.chrome}\n```" in text
    for step in verdict.trace:
        assert (f"`{step.id}`" in text) == (step.result == "fail")
    assert "| fetch.read | false | false | ✔ met |" in text


@needs_fetch
def test_intent_from_scenario_and_preflight() -> None:
    scenario, report = _load(SPA)
    intent = cors_intent(scenario, report)
    assert (intent.origin, intent.method, intent.request_headers) == (
        "https://app.example.com",
        "PUT",
        ("content-type", "x-trace"),
    )
    assert intent.credentials and intent.preflight
    assert intent.expose == ("x-total",)  # with credentials, * is a literal name, not a wildcard
    assert intent.max_age == 600


@needs_fetch
def test_server_configs_carry_the_intent() -> None:
    scenario, report = _load(SPA)
    nginx = export("nginx", scenario, report)
    for line in (
        'add_header Access-Control-Allow-Origin "https://app.example.com" always;',
        'add_header Access-Control-Allow-Methods "PUT" always;',
        'add_header Access-Control-Allow-Headers "content-type, x-trace" always;',
        'add_header Access-Control-Allow-Credentials "true" always;',
        'add_header Access-Control-Expose-Headers "x-total" always;',
        'add_header Access-Control-Max-Age "600" always;',
        "return 204;",
        "location /v1/items {",
    ):
        assert line in nginx
    assert nginx.count('add_header Vary "Origin" always;') == 2  # nginx adds nothing by itself

    express = export("express", scenario, report)
    for line in (
        'origin: "https://app.example.com",',
        'methods: ["PUT"],',
        'allowedHeaders: ["content-type", "x-trace"],',
        'exposedHeaders: ["x-total"],',
        "credentials: true,",
        "maxAge: 600,",
        "app.use(cors(corsOptions));",
    ):
        assert line in express

    flask = export("flask", scenario, report)
    call = ast.parse(flask).body[-1].value
    assert {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords} == {
        "origins": ["https://app.example.com"],
        "methods": ["PUT"],
        "allow_headers": ["content-type", "x-trace"],
        "expose_headers": ["x-total"],
        "supports_credentials": True,
        "max_age": 600,
    }

    fastapi = export("fastapi", scenario, report)
    call = ast.parse(fastapi).body[-1].value
    assert {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords} == {
        "allow_origins": ["https://app.example.com"],
        "allow_methods": ["PUT"],
        "allow_headers": ["content-type", "x-trace"],
        "expose_headers": ["x-total"],
        "allow_credentials": True,
        "max_age": 600,
    }

    django = export("django", scenario, report)
    tree = ast.parse(django)
    settings = {node.targets[0].id: node.value for node in tree.body if isinstance(node, ast.Assign)}
    assert ast.literal_eval(settings["CORS_ALLOWED_ORIGINS"]) == ["https://app.example.com"]
    assert ast.literal_eval(settings["CORS_EXPOSE_HEADERS"]) == ["x-total"]
    assert ast.literal_eval(settings["CORS_ALLOW_CREDENTIALS"]) is True
    assert ast.literal_eval(settings["CORS_PREFLIGHT_MAX_AGE"]) == 600
    assert 'CORS_ALLOW_HEADERS = (*default_headers, "x-trace")' in django  # content-type is a default header
    assert "CORS_ALLOW_METHODS = (*default_methods,)" in django  # PUT is a default method


@needs_fetch
def test_simple_request_config_has_no_preflight_parts() -> None:
    scenario, report = _load({**SIMPLE, "request": {"method": "PURGE"}})
    assert "if ($request_method = OPTIONS)" in export("nginx", scenario, report)  # PURGE needs a preflight
    assert 'CORS_ALLOW_METHODS = (*default_methods, "PURGE")' in export("django", scenario, report)
    scenario, report = _load(SIMPLE)
    nginx = export("nginx", scenario, report)
    assert "OPTIONS" not in nginx and "Allow-Credentials" not in nginx
    express = export("express", scenario, report)
    assert "credentials" not in express and "allowedHeaders" not in express


def test_opaque_page_gets_no_server_config() -> None:
    scenario, report = _load(
        {
            "version": 1,
            "page": "https://a.example/",
            "target": "https://b.example/",
            "resources": ["dom"],
            "page_sandboxed": True,
        }
    )
    for fmt in ("nginx", "express", "flask", "fastapi", "django"):
        with pytest.raises(ScenarioError, match="opaque"):
            export(fmt, scenario, report)


def test_unknown_format() -> None:
    scenario, report = _load(
        {"version": 1, "page": "https://a.example/", "target": "https://b.example/", "resources": ["dom"]}
    )
    with pytest.raises(ScenarioError, match="unknown export format 'yaml'"):
        export("yaml", scenario, report)
    assert set(EXPORT_FORMATS) == {
        "toml",
        "json",
        "markdown",
        "curl",
        "nginx",
        "express",
        "flask",
        "fastapi",
        "django",
    }


# --- exports read the verdict's typed facts (issue 13) ----------------------------------------------


@needs_fetch
def test_exports_read_typed_facts_not_report_lines() -> None:
    """Garbling the formatted preflight lines changes nothing: the exports use FetchDetails' fields."""
    import dataclasses

    scenario, report = _load(SPA)
    verdict = report.verdict("fetch")
    garbled_fetch = dataclasses.replace(verdict.fetch, preflight_request=("GARBAGE", "Access-Control-Request-Headers: evil"))
    garbled_verdict = dataclasses.replace(verdict, fetch=garbled_fetch)
    garbled = dataclasses.replace(
        report, verdicts=tuple(garbled_verdict if v.resource == "fetch" else v for v in report.verdicts)
    )
    assert cors_intent(scenario, garbled) == cors_intent(scenario, report)
    assert curl_commands(scenario, garbled) == curl_commands(scenario, report)
    for fmt in ("nginx", "express", "flask", "fastapi", "django", "curl"):
        assert export(fmt, scenario, garbled) == export(fmt, scenario, report)


@needs_fetch
@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, 7200), ("600", 600), ("-1", 0), ("0", 0), ("99999", 7200), ("abc", 7200), ("1e3", 7200), (" 60 ", 60)],
)
def test_max_age_is_the_engines_reading(header: str | None, expected: int) -> None:
    """The engine's parse_max_age decides (``-1`` is 0, Chrome caps at 2 h); SUGGESTED_MAX_AGE fills a gap."""
    from origin_playground.exports import SUGGESTED_MAX_AGE

    allow_origin = SPA["preflight"]["headers"][0]
    headers = [allow_origin] + ([["Access-Control-Max-Age", header]] if header is not None else [])
    scenario, report = _load({**SPA, "preflight": {"status": 204, "headers": headers}})
    assert SUGGESTED_MAX_AGE == 7200
    assert cors_intent(scenario, report).max_age == expected


# --- what a framework cannot express (issue 16 §4; each limit found on the real server, tests/servers) ----

LOWERCASE_PATCH = {
    "version": 1,
    "page": "https://app.example.com/",
    "target": "https://api.example.net/items/1",
    "resources": ["fetch"],
    "request": {"method": "patch", "headers": [["Content-Type", "application/json"]]},
}


@needs_fetch
def test_an_export_that_cannot_express_the_fix_says_so_first() -> None:
    scenario, report = _load(LOWERCASE_PATCH)
    first_lines = {fmt: export(fmt, scenario, report).splitlines()[0] for fmt in ("nginx", "express", "flask", "fastapi", "django")}
    assert first_lines["nginx"].startswith("# CANNOT EXPRESS: nginx answers the method 'patch' with 400 Bad Request")
    assert first_lines["express"].startswith("// CANNOT EXPRESS: Node's HTTP parser answers the method 'patch'")
    assert first_lines["flask"].startswith("# CANNOT EXPRESS: Flask-CORS upper-cases its methods")
    for line in first_lines.values():
        assert line.endswith("this configuration alone will not make the request pass.") or "CANNOT" not in line
    assert "CANNOT" not in first_lines["fastapi"] and "CANNOT" not in first_lines["django"]
    assert "have the page send 'PATCH'" in first_lines["flask"]


@needs_fetch
def test_json_and_markdown_list_what_cannot_be_expressed() -> None:
    scenario, report = _load(LOWERCASE_PATCH)
    data = json.loads(export("json", scenario, report))
    assert set(data["cannot_express"]) == {"nginx", "express", "flask"}
    assert data["cannot_express"]["flask"][0].startswith("Flask-CORS upper-cases its methods")
    assert {k: v for k, v in data.items() if k != "cannot_express"} == report.to_dict()
    markdown = export("markdown", scenario, report)
    assert "### Server configurations that cannot express the fix" in markdown
    assert "- ✘ express: Node's HTTP parser answers the method 'patch'" in markdown
    scenario, report = _load({**LOWERCASE_PATCH, "request": {"method": "PATCH"}})
    assert "cannot_express" not in json.loads(export("json", scenario, report))
    assert "cannot express" not in export("markdown", scenario, report)
    scenario, report = _load({**LOWERCASE_PATCH, "request": {"method": "FROB"}})
    assert set(json.loads(export("json", scenario, report))["cannot_express"]) == {"express"}


@needs_fetch
def test_flask_writes_an_origin_it_would_read_as_a_regex_as_the_anchored_literal() -> None:
    import re

    scenario, report = _load({**SIMPLE, "page": "http://[::1]:3000/", "target": "http://[::1]:8080/api"})
    flask = export("flask", scenario, report)
    assert "import re\n" in flask
    call = ast.parse(flask).body[-1].value
    origins = next(kw.value for kw in call.keywords if kw.arg == "origins")
    (pattern,) = eval(compile(ast.Expression(origins), "<export>", "eval"), {"re": re})
    assert pattern.match("http://[::1]:3000")  # Flask-CORS matches a compiled pattern with .match
    assert not pattern.match("http://[::1]:30001") and not pattern.match("http://1:3000")
    plain = export("flask", *_load(SIMPLE))
    assert "import re" not in plain and 'origins=["https://www.a.com"]' in plain


@needs_fetch
def test_flask_adds_vary_origin_itself() -> None:
    flask = export("flask", *_load(SIMPLE))
    tree = ast.parse(flask)
    hook = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    assert [ast.unparse(d) for d in hook.decorator_list] == ["app.after_request"]
    assert 'response.vary.add("Origin")' in flask
