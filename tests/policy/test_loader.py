"""The scenario loader: strict, and every error is one line naming the key path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_core import ScenarioError, load_scenario, parse_scenario_text

BASE = {"version": 1, "page": "https://app.example.com/", "target": "https://api.example.com/v1"}


def with_(**changes):
    return {**BASE, **changes}


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"page": "https://a.example", "target": "https://b.example"}, "version: missing; add version = 1"),
        (with_(version=2), "version: unsupported version 2; this release reads version 1"),
        (with_(version="1"), "version: expected an integer, got a string"),
        ({"version": 1, "target": "https://b.example"}, "page: missing; every scenario needs a page and a target URL"),
        (with_(colour="red"), "colour: unknown key; expected one of"),
        (with_(page=3), "page: expected a string, got an integer"),
        (with_(page="example.com"), "page: 'example.com' is not an absolute URL (no scheme); did you mean 'https://example.com'?"),
        (with_(target="http://exa mple.com"), "target: 'http://exa mple.com' is not a valid URL"),
        (with_(resources=["fetch", "css"]), "resources[1]: unknown resource type 'css'; expected one of dom, iframe, fetch, image, script, cookie"),
        (with_(resources=["dom", "dom"]), "resources[1]: 'dom' is listed twice"),
        (with_(resources="dom"), "resources: expected a list, got a string"),
        (with_(page_sandboxed="yes"), "page_sandboxed: expected true or false, got a string"),
        (with_(request={"credentials": "includ"}), "request.credentials: expected omit, same-origin or include, got 'includ'"),
        (with_(request={"mode": "CORS"}), "request.mode: expected cors, no-cors or same-origin, got 'CORS'"),
        (with_(request={"crossorigin": "true"}), "request.crossorigin: expected none, anonymous or use-credentials, got 'true'"),
        (with_(request={"method": "GE T"}), "request.method: 'GE T' is not a valid method (an HTTP token)"),
        (with_(request={"body": "x"}), "request.body: unknown key; expected one of method, mode"),
        (with_(request={"headers": [["X Trace", "1"]]}), "request.headers[0][0]: 'X Trace' is not a valid header name (an HTTP token)"),
        (with_(request={"headers": [["X-Trace", "a\r\nSet-Cookie: x"]]}), "request.headers[0][1]: header values must not contain '\\r'"),
        (with_(request={"headers": [["X-Trace", "a\x00"]]}), "request.headers[0][1]: header values must not contain '\\x00'"),
        (with_(request={"headers": [["X-Trace"]]}), "request.headers[0]: expected a [name, value] pair, got a list"),
        (with_(request={"headers": {"X-Trace": 1}}), "request.headers.X-Trace: expected a string, got an integer"),
        (with_(request={"headers": {"X Trace": "1"}}), "request.headers.X Trace: 'X Trace' is not a valid header name"),
        (with_(request="GET"), "request: expected a table, got a string"),
        (with_(preflight={"status": "204"}), "preflight.status: expected an integer, got a string"),
        (with_(preflight={"status": True}), "preflight.status: expected an integer, got a boolean"),
        (with_(response={"status": 99}), "response.status: expected an integer from 100 to 599, got 99"),
        (with_(redirects=[{"status": 200, "location": "/x"}]), "redirects[0].status: expected a redirect status (301, 302, 303, 307 or 308), got 200"),
        (with_(redirects=[{"status": 302}]), "redirects[0].location: missing; a redirect needs a location"),
        (with_(redirects=[{"location": "https://[bad"}]), "redirects[0].location: 'https://[bad' is not a valid URL"),
        (with_(cookie={"samesite": "Laxx"}), "cookie.samesite: expected Strict, Lax, None or \"\", got 'Laxx'"),
        (with_(cookie={"via": "xhr"}), "cookie.via: expected fetch, image, script, iframe, navigation or form-post, got 'xhr'"),
        (with_(cookie={"secure": 1}), "cookie.secure: expected true or false, got an integer"),
        (with_(cookie={"path": "api"}), "cookie.path: expected a path starting with '/', got 'api'"),
        (with_(cookie={"set_cookie": "a=1", "secure": True}), "cookie.secure: give either set_cookie or the attribute keys, not both"),
        (with_(cookie=";"), "cookie: ';' is not a Set-Cookie line a browser would accept"),
        (with_(expect={"fetch.readable": True}), "expect.fetch.readable: unknown expectation"),
        (with_(expect={"fetch.read": "yes"}), 'expect."fetch.read": expected true or false, got a string'),
    ],
)
def test_bad_input_is_one_line_naming_the_key(mapping, message) -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario(mapping)
    text = str(error.value)
    assert text.startswith(message)
    assert "\n" not in text


def test_defaults() -> None:
    scenario = load_scenario(BASE)
    assert scenario.resources == ("dom", "iframe", "fetch", "image", "script", "cookie")
    assert scenario.request.method == "GET"
    assert scenario.request.mode == "cors"
    assert scenario.request.credentials == "same-origin"
    assert scenario.request.crossorigin == "none"
    assert scenario.preflight.status == 200 and scenario.preflight.headers == ()
    assert scenario.cookie is None and scenario.redirects == () and scenario.expect == ()


def test_headers_keep_order_and_duplicates_and_accept_a_table() -> None:
    listed = load_scenario(with_(response={"headers": [["ACAO", "a"], ["Vary", "Origin"], ["ACAO", "b"]]}))
    assert listed.response.headers == (("ACAO", "a"), ("Vary", "Origin"), ("ACAO", "b"))
    table = load_scenario(with_(request={"headers": {"Content-Type": "text/plain"}}))
    assert table.request.headers == (("Content-Type", "text/plain"),)


def test_redirect_locations_resolve_against_the_previous_hop() -> None:
    scenario = load_scenario(with_(redirects=[{"location": "/a"}, {"status": 307, "location": "https://cdn.example.net/b"}, {"location": "c"}]))
    assert [r.location.href for r in scenario.redirects] == [
        "https://api.example.com/a", "https://cdn.example.net/b", "https://cdn.example.net/c",
    ]
    assert scenario.redirects[0].status == 302


def test_cookie_in_set_cookie_syntax() -> None:
    scenario = load_scenario(with_(cookie="sid=abc; Path=/v1; Secure; HttpOnly; SameSite=lax; Domain=.Example.com"))
    cookie = scenario.cookie
    assert cookie is not None
    assert (cookie.name, cookie.value, cookie.path, cookie.samesite, cookie.domain) == ("sid", "abc", "/v1", "Lax", "example.com")
    assert cookie.secure and cookie.httponly and cookie.via == "fetch"
    table = load_scenario(with_(cookie={"set_cookie": "sid=1", "via": "navigation"})).cookie
    assert table is not None and table.via == "navigation" and table.path == "/"


def test_set_cookie_without_path_takes_the_default_path() -> None:
    scenario = load_scenario(with_(target="https://api.example.com/v1/items/7", cookie="sid=1"))
    assert scenario.cookie is not None and scenario.cookie.path == "/v1/items"


def test_round_trip_through_to_mapping() -> None:
    raw = with_(
        title="t", resources=["fetch"], request={"method": "PUT", "headers": [["X-A", "1"]]},
        preflight={"status": 204, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]},
        redirects=[{"status": 307, "location": "/b", "headers": []}], cookie={"name": "sid", "via": "fetch", "secure": True},
        expect={"fetch.read": True},
    )
    scenario = load_scenario(raw)
    assert load_scenario(scenario.to_mapping()) == scenario


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"s{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(BASE))
    else:
        path.write_text('version = 1\npage = "https://app.example.com/"\ntarget = "https://api.example.com/v1"\n')
    assert load_scenario(path).target.href == "https://api.example.com/v1"
    assert load_scenario(str(path)).page.href == "https://app.example.com/"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("s.yaml", b"version: 1", "expected a .toml or .json file, got '.yaml'"),
        ("s.toml", b"version = \n", "is not valid TOML: "),
        ("s.json", b"{", "is not valid JSON: "),
        ("s.json", b"[1]", "expected a table of keys at the top, got a list"),
        ("s.toml", b"\xff\xfe", "is not UTF-8 text"),
        ("s.toml", b"#" * (1024 * 1024 + 1), "scenario files are at most 1 MiB"),
    ],
    ids=["not-toml-or-json", "bad-toml", "bad-json", "json-list", "not-utf8", "over-1mib"],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nope.toml")
    with pytest.raises(ScenarioError, match="is a directory"):
        load_scenario(tmp_path)


def test_text_formats() -> None:
    assert parse_scenario_text('version = 1\npage = "x"', "toml")["page"] == "x"
    with pytest.raises(ScenarioError, match="unknown format 'yaml'"):
        parse_scenario_text("", "yaml")


# --- hostile input (issue 13) ------------------------------------------------------------------------


def test_bounds_accept_every_shipped_scenario_and_ordinary_toml() -> None:
    from origin_playground.library import list_scenarios
    from policy_core.loader import toml_shape_problem

    for entry in list_scenarios():
        assert toml_shape_problem(entry.path.read_text()) is None, entry.slug
    ordinary = (
        'version = 1  # 9999999999 in a comment\nnotes = """a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g"""\n'
        f'title = "{"9" * 500}"\nx = 1.5\nd = 1979-05-27T07:32:00.999Z\n"a.b" = 1\n'
    )
    assert toml_shape_problem(ordinary) is None


def test_bounds_refuse_before_parsing() -> None:
    from policy_core.loader import MAX_KEY_PARTS, toml_shape_problem

    assert toml_shape_problem(".".join(["a"] * (MAX_KEY_PARTS + 1)) + " = 1") == (
        None, f"line 1: a dotted key of {MAX_KEY_PARTS + 1} parts; keys have at most {MAX_KEY_PARTS}"
    )
    assert toml_shape_problem(".".join(["a"] * MAX_KEY_PARTS) + " = 1") is None
    assert toml_shape_problem("[redirects.x]\nstatus = " + "3" * 200) == (
        "redirects.x.status", "a 200-digit integer is far too large for any field"
    )


def test_every_text_field_refuses_lone_surrogates_naming_it() -> None:
    for mapping, where in (
        (with_(title="\ud800"), "title"),
        (with_(cookie="a=\udcff"), "cookie"),
        (with_(request={"headers": [["X-A", "\ud800"]]}), "request.headers[0][1]"),
    ):
        with pytest.raises(ScenarioError) as error:
            load_scenario(mapping)
        assert error.value.path == where
        assert "lone surrogate '\\u" in str(error.value)


def test_control_characters_in_one_line_fields() -> None:
    for field in ("title",):
        for ch in "\x00\r\n\x1b\x9b":
            with pytest.raises(ScenarioError, match=f"{field}: must not contain the control character"):
                load_scenario(with_(**{field: f"a{ch}b"}))
    # Notes are free text over several lines: line feeds and tabs stay, other controls are refused.
    assert load_scenario(with_(notes="two\nparagraphs\tok")).notes == "two\nparagraphs\tok"
    for ch in "\x00\r\x1b\x9b":
        with pytest.raises(ScenarioError, match="notes: must not contain the control character"):
            load_scenario(with_(notes=f"a{ch}b"))
    with pytest.raises(ScenarioError, match=r"cookie\.domain: must not contain"):
        load_scenario(with_(cookie={"domain": "a.com\x00"}))
    with pytest.raises(ScenarioError, match=r"cookie\.path: must not contain"):
        load_scenario(with_(cookie={"path": "/\r"}))


def test_error_lines_quote_hostile_keys_and_cut_long_values() -> None:
    with pytest.raises(ScenarioError) as error:
        load_scenario(with_(**{"\x1b]0;x\x07": 1}))
    assert str(error.value).startswith('"\\x1b]0;x\\x07": unknown key')
    with pytest.raises(ScenarioError) as error:
        load_scenario(with_(request={"mode": "x" * 100_000}))
    assert len(str(error.value)) < 300 and "(100000 characters)" in str(error.value)


def test_json_duplicate_keys_are_refused_naming_the_key() -> None:
    with pytest.raises(ScenarioError, match="the key 'mode' is given twice in one object"):
        parse_scenario_text('{"version": 1, "request": {"mode": "cors", "mode": "no-cors"}}', "json")


def test_scenario_from_a_stream() -> None:
    from policy_core.loader import read_scenario_stream

    assert read_scenario_stream(b'  {"version": 1}')["version"] == 1
    assert read_scenario_stream(b"version = 1\n")["version"] == 1
    with pytest.raises(ScenarioError, match=r"^stdin: is not valid TOML"):
        read_scenario_stream(b"version = ")


def test_the_first_scenario_is_the_librarys_first_read_alone() -> None:
    from origin_playground.library import first_scenario, list_scenarios

    assert first_scenario() == list_scenarios()[0]
