"""Strict loading of scenarios from TOML, JSON or plain mappings.

Every problem is a ScenarioError whose one-line message starts with the key path:
``request.credentials: expected omit, same-origin or include, got 'includ'``.
Reading and decoding the text is ``scenario_text``; each field's check is ``fields``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import ScenarioError, shown
from .fields import (
    COOKIE_CTL,
    boolean,
    check_keys,
    choice,
    header_list,
    integer,
    key_path,
    mapping,
    string,
    string_list,
    text_block,
    text_line,
    type_name,
)
from .headers import is_token, value_problem
from .origins import parse_url
from .redirects import MAX_REDIRECTS
from .scenario import (
    CAPABILITIES,
    CREDENTIALS,
    CROSSORIGIN,
    EXTRA_EXPECTATIONS,
    MODES,
    REDIRECT_STATUSES,
    RESOURCE_TYPES,
    RESPONSE_BODIES,
    SAMESITE,
    SCENARIO_VERSION,
    SCRIPT_TYPES,
    THIRD_PARTY_COOKIES,
    THIRD_PARTY_COOKIES_DEFAULT,
    VIAS,
    Cookie,
    Expectation,
    HttpResponse,
    Redirect,
    Request,
    Scenario,
)
from .scenario_text import (
    MAX_FILE_BYTES,
    MAX_KEY_PARTS,
    parse_scenario_text,
    read_scenario_file,
    read_scenario_stream,
    toml_shape_problem,
)
from .setcookie import default_path, parse_set_cookie

# Re-exported: callers read a scenario file through the loader.
__all__ = [
    "MAX_FILE_BYTES",
    "MAX_KEY_PARTS",
    "VALID_EXPECTATIONS",
    "check_keys",
    "load_scenario",
    "parse_scenario_text",
    "read_scenario_file",
    "read_scenario_stream",
    "toml_shape_problem",
    "type_name",
]

_TOP_KEYS = (
    "version", "title", "notes", "page", "target", "resources", "page_sandboxed",
    "request", "preflight", "response", "redirects", "cookie", "expect", "third_party_cookies",
)
_REQUEST_KEYS = ("method", "mode", "credentials", "crossorigin", "headers", "script_type")
_RESPONSE_KEYS = ("status", "headers")
_FINAL_RESPONSE_KEYS = (*_RESPONSE_KEYS, "body")  # only [response] says what body it carries
_REDIRECT_KEYS = ("status", "location", "headers")
_COOKIE_KEYS = (
    "name", "value", "samesite", "secure", "httponly", "domain", "path", "via", "partitioned", "set_cookie",
    "age_seconds",
)
# Chrome caps a cookie's lifetime at 400 days (RFC 6265bis § 5.6.1): no cookie is older.
MAX_COOKIE_AGE_SECONDS = 400 * 24 * 3600
VALID_EXPECTATIONS: tuple[str, ...] = tuple(
    [f"{kind}.{cap}" for kind, caps in CAPABILITIES.items() for cap in caps] + list(EXTRA_EXPECTATIONS)
)


def load_scenario(source: Mapping[str, Any] | str | os.PathLike[str]) -> Scenario:
    """Build a Scenario from a mapping, or from a ``.toml`` / ``.json`` file path."""
    if isinstance(source, Mapping):
        return _build(source)
    if isinstance(source, (str, os.PathLike)):
        return _build(read_scenario_file(Path(source)))
    raise ScenarioError("", f"expected a mapping or a file path, got {type(source).__name__}")


def _build(raw: Mapping[str, Any]) -> Scenario:
    check_keys(raw, _TOP_KEYS, "")
    if "version" not in raw:
        raise ScenarioError("version", f"missing; add version = {SCENARIO_VERSION}")
    version = raw["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError("version", f"expected an integer, got {type_name(version)}")
    if version != SCENARIO_VERSION:
        raise ScenarioError("version", f"unsupported version {version}; this release reads version {SCENARIO_VERSION}")
    for key in ("page", "target"):
        if key not in raw:
            raise ScenarioError(key, "missing; every scenario needs a page and a target URL")
    page_input = string(raw["page"], "page")
    target_input = string(raw["target"], "target")
    page = parse_url(page_input, field_path="page")
    target = parse_url(target_input, field_path="target")

    resources = RESOURCE_TYPES
    if "resources" in raw:
        names = string_list(raw["resources"], "resources")
        for index, name in enumerate(names):
            if name not in RESOURCE_TYPES:
                raise ScenarioError(f"resources[{index}]", f"unknown resource type {shown(name)}; expected one of {', '.join(RESOURCE_TYPES)}")
            if name in names[:index]:
                raise ScenarioError(f"resources[{index}]", f"{shown(name)} is listed twice")
        resources = tuple(names)

    request = _request(raw["request"], "request") if "request" in raw else Request()
    preflight = _response(raw["preflight"], "preflight") if "preflight" in raw else HttpResponse()
    response = _response(raw["response"], "response", final=True) if "response" in raw else HttpResponse()

    redirects: list[Redirect] = []
    if "redirects" in raw:
        items = raw["redirects"]
        if not isinstance(items, (list, tuple)):
            raise ScenarioError("redirects", f"expected a list of tables, got {type_name(items)}")
        if len(items) > MAX_REDIRECTS + 1:
            raise ScenarioError("redirects", f"at most {MAX_REDIRECTS + 1} redirects can be described (browsers stop after {MAX_REDIRECTS})")
        previous = target.href
        for index, item in enumerate(items):
            redirect = _redirect(item, f"redirects[{index}]", previous)
            redirects.append(redirect)
            previous = redirect.location.href

    cookie = _cookie(raw["cookie"], "cookie", target.pathname) if "cookie" in raw else None
    expect = _expect(raw["expect"], "expect") if "expect" in raw else ()

    return Scenario(
        page=page,
        target=target,
        page_input=page_input,
        target_input=target_input,
        title=text_line(raw["title"], "title") if "title" in raw else "",
        notes=text_block(raw["notes"], "notes") if "notes" in raw else "",
        resources=resources,
        page_sandboxed=boolean(raw["page_sandboxed"], "page_sandboxed") if "page_sandboxed" in raw else False,
        request=request,
        preflight=preflight,
        response=response,
        redirects=tuple(redirects),
        cookie=cookie,
        expect=expect,
        third_party_cookies=choice(raw["third_party_cookies"], "third_party_cookies", THIRD_PARTY_COOKIES)
        if "third_party_cookies" in raw
        else THIRD_PARTY_COOKIES_DEFAULT,
    )


def _request(value: Any, path: str) -> Request:
    table = mapping(value, path)
    check_keys(table, _REQUEST_KEYS, path)
    default = Request()
    method = default.method
    if "method" in table:
        method = string(table["method"], f"{path}.method")
        if not is_token(method):
            raise ScenarioError(f"{path}.method", f"{shown(method)} is not a valid method (an HTTP token)")
    return Request(
        method=method,
        mode=choice(table["mode"], f"{path}.mode", MODES) if "mode" in table else default.mode,
        credentials=choice(table["credentials"], f"{path}.credentials", CREDENTIALS)
        if "credentials" in table
        else default.credentials,
        crossorigin=choice(table["crossorigin"], f"{path}.crossorigin", CROSSORIGIN)
        if "crossorigin" in table
        else default.crossorigin,
        headers=header_list(table["headers"], f"{path}.headers") if "headers" in table else (),
        script_type=choice(table["script_type"], f"{path}.script_type", SCRIPT_TYPES)
        if "script_type" in table
        else default.script_type,
    )


def _response(value: Any, path: str, *, final: bool = False) -> HttpResponse:
    table = mapping(value, path)
    check_keys(table, _FINAL_RESPONSE_KEYS if final else _RESPONSE_KEYS, path)
    return HttpResponse(
        status=integer(table["status"], f"{path}.status", 100, 599) if "status" in table else 200,
        headers=header_list(table["headers"], f"{path}.headers") if "headers" in table else (),
        body=choice(table["body"], f"{path}.body", RESPONSE_BODIES) if "body" in table else "auto",
    )


def _redirect(value: Any, path: str, previous_url: str) -> Redirect:
    table = mapping(value, path)
    check_keys(table, _REDIRECT_KEYS, path)
    if "location" not in table:
        raise ScenarioError(f"{path}.location", "missing; a redirect needs a location")
    status = integer(table.get("status", 302), f"{path}.status", 100, 599)
    if status not in REDIRECT_STATUSES:
        raise ScenarioError(f"{path}.status", f"expected a redirect status (301, 302, 303, 307 or 308), got {status}")
    location_input = string(table["location"], f"{path}.location")
    return Redirect(
        status=status,
        location=parse_url(location_input, base=previous_url, field_path=f"{path}.location"),
        location_input=location_input,
        headers=header_list(table["headers"], f"{path}.headers") if "headers" in table else (),
    )


def _cookie(value: Any, path: str, target_path: str) -> Cookie:
    if isinstance(value, str):
        return _cookie_from_line(value, path, target_path, via="fetch")
    table = mapping(value, path)
    check_keys(table, _COOKIE_KEYS, path)
    via = choice(table["via"], f"{path}.via", VIAS) if "via" in table else "fetch"
    age = (
        integer(table["age_seconds"], f"{path}.age_seconds", 0, MAX_COOKIE_AGE_SECONDS)
        if "age_seconds" in table
        else None
    )
    if "set_cookie" in table:
        others = [key for key in table if key not in ("set_cookie", "via", "age_seconds")]
        if others:
            raise ScenarioError(f"{path}.{others[0]}", "give either set_cookie or the attribute keys, not both")
        line = string(table["set_cookie"], f"{path}.set_cookie")
        return replace(_cookie_from_line(line, f"{path}.set_cookie", target_path, via), age_seconds=age)
    default = Cookie()
    samesite = default.samesite
    if "samesite" in table:
        text = string(table["samesite"], f"{path}.samesite")
        canonical = {s.lower(): s for s in SAMESITE}.get(text.lower())
        if canonical is None:
            raise ScenarioError(f"{path}.samesite", f"expected Strict, Lax, None or \"\", got {shown(text)}")
        samesite = canonical
    name = string(table["name"], f"{path}.name") if "name" in table else default.name
    cookie_value = string(table["value"], f"{path}.value") if "value" in table else default.value
    for key, text in (("name", name), ("value", cookie_value)):
        if any(ch in ";\r\n\x00" for ch in text) or (key == "name" and "=" in text):
            raise ScenarioError(f"{path}.{key}", f"{shown(text)} cannot appear in a cookie {key}")
    domain = text_line(table["domain"], f"{path}.domain") if "domain" in table else ""
    cookie_path = text_line(table["path"], f"{path}.path") if "path" in table else "/"
    if cookie_path and not cookie_path.startswith("/"):
        raise ScenarioError(f"{path}.path", f"expected a path starting with '/', got {shown(cookie_path)}")
    return Cookie(
        name=name,
        value=cookie_value,
        samesite=samesite,
        secure=boolean(table["secure"], f"{path}.secure") if "secure" in table else False,
        httponly=boolean(table["httponly"], f"{path}.httponly") if "httponly" in table else False,
        domain=domain.removeprefix(".").lower(),
        path=cookie_path or "/",
        via=via,
        partitioned=boolean(table["partitioned"], f"{path}.partitioned") if "partitioned" in table else False,
        age_seconds=age,
    )


def _cookie_from_line(line: str, path: str, target_path: str, via: str) -> Cookie:
    line = string(line, path)
    problem = value_problem(line)
    if problem:
        raise ScenarioError(path, problem)
    control = COOKIE_CTL.search(line)
    if control is not None:  # RFC 6265bis § 5.7 step 1: the whole line is ignored
        raise ScenarioError(
            path, f"contains the control character {control.group()!r}: browsers ignore such a Set-Cookie line"
        )
    parsed = parse_set_cookie(line)
    if parsed is None:
        raise ScenarioError(path, f"{shown(line)} is not a Set-Cookie line a browser would accept (expected 'name=value; attributes')")
    return Cookie(
        name=parsed.name,
        value=parsed.value,
        samesite=parsed.samesite,
        secure=parsed.secure,
        httponly=parsed.httponly,
        domain=parsed.domain,
        path=parsed.path if parsed.path is not None else default_path(target_path),
        via=via,
        partitioned=parsed.partitioned,
        set_cookie=line,
        notes=parsed.notes,
    )


def _expect(value: Any, path: str) -> tuple[Expectation, ...]:
    table = mapping(value, path)
    out = []
    for key, expected in table.items():
        if key not in VALID_EXPECTATIONS:
            raise ScenarioError(key_path(path, key), f"unknown expectation; expected <resource>.<capability> such as fetch.read, or one of {', '.join(EXTRA_EXPECTATIONS)}")
        out.append(Expectation(key, boolean(expected, f'{path}."{key}"' if "." in key else f"{path}.{key}")))
    return tuple(out)
