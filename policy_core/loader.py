"""Strict loading of scenarios from TOML, JSON or plain mappings.

Every problem is a ScenarioError whose one-line message starts with the key path:
``request.credentials: expected omit, same-origin or include, got 'includ'``.
Reading a named file is the only I/O in the core, and it happens only here.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import ScenarioError, shown
from .files import check_suffix, read_regular_file
from .headers import Headers, is_token, value_problem
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
    SAMESITE,
    SCENARIO_VERSION,
    SCRIPT_TYPES,
    VIAS,
    Cookie,
    Expectation,
    HttpResponse,
    Redirect,
    Request,
    Scenario,
)
from .setcookie import default_path, parse_set_cookie

MAX_FILE_BYTES = 1024 * 1024

_TOP_KEYS = (
    "version", "title", "notes", "page", "target", "resources", "page_sandboxed",
    "request", "preflight", "response", "redirects", "cookie", "expect",
)
_REQUEST_KEYS = ("method", "mode", "credentials", "crossorigin", "headers", "script_type")
_RESPONSE_KEYS = ("status", "headers")
_REDIRECT_KEYS = ("status", "location", "headers")
_COOKIE_KEYS = (
    "name", "value", "samesite", "secure", "httponly", "domain", "path", "via", "partitioned", "set_cookie",
)
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


def read_scenario_file(path: Path) -> dict[str, Any]:
    """The raw mapping in a scenario file: kind of file, size, encoding and syntax checked."""
    if os.path.isdir(path):  # said plainly, before the extension is judged
        raise ScenarioError(str(path), "is a directory, not a scenario file")
    fmt = _format_of(path)  # before the file is opened
    data = read_regular_file(path, max_bytes=MAX_FILE_BYTES)
    return parse_scenario_text(data, fmt, str(path))


def read_scenario_stream(data: bytes, label: str = "stdin") -> dict[str, Any]:
    """The raw mapping in bytes read from a stream (``check -``): JSON when it starts with ``{``, else TOML.

    The caller reads at most MAX_FILE_BYTES + 1 bytes, so an endless stream is refused, not awaited.
    """
    fmt = "json" if data.lstrip().startswith(b"{") else "toml"
    return parse_scenario_text(data, fmt, label)


def _format_of(path: Path) -> str:
    return check_suffix(path, (".toml", ".json"), "file")[1:]


def parse_scenario_text(data: bytes | str, fmt: str, label: str = "scenario") -> dict[str, Any]:
    """Decode TOML or JSON text into the raw mapping, with a one-line error naming ``label``.

    The work is bounded before the parser runs (see ``toml_shape_problem``); JSON rejects a key
    given twice (the standard library keeps the last silently) and reads an integer too long to
    convert as a HugeInteger, so the field it is in can be named.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise ScenarioError(label, "is over 1 MiB; scenario files are at most 1 MiB")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ScenarioError(label, f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    else:
        if len(data) > MAX_FILE_BYTES:
            raise ScenarioError(label, "is over 1 MiB; scenario files are at most 1 MiB")
        text = data
    try:
        if fmt == "toml":
            problem = toml_shape_problem(text)
            if problem is not None:
                raise ScenarioError(label if problem[0] is None else problem[0], problem[1])
            loaded: Any = tomllib.loads(text)
        elif fmt == "json":
            loaded = json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int)
        else:
            raise ScenarioError(label, f"unknown format {fmt!r}; expected toml or json")
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(label, f"is not valid TOML: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ScenarioError(label, f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except _DuplicateKey as exc:
        raise ScenarioError(label, f"is not valid JSON: the key {shown(exc.key)} is given twice in one object") from None
    except RecursionError:
        raise ScenarioError(label, "is nested too deeply") from None
    except ScenarioError:
        raise
    except ValueError as exc:  # the parser's own last resort (say, int() of a huge number)
        raise ScenarioError(label, f"cannot be read: {exc}") from None
    if not isinstance(loaded, dict):
        raise ScenarioError(label, f"expected a table of keys at the top, got {type_name(loaded)}")
    return loaded


# --- bounding the parsers' work -------------------------------------------------------------------

# The standard library's TOML parser is quadratic in the parts of one dotted key (40,000 parts:
# many seconds) and linear but slow in the number of items. A scenario has a few dozen keys; these
# bounds are far above any real one and keep the worst accepted 1 MiB file well under a second.
MAX_KEY_PARTS = 32
MAX_ITEMS = 10_000  # keys, table headers and list items together
MAX_INTEGER_DIGITS = 100  # longer digit runs are refused before int() is asked to convert them

_TOML_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^\\]|\\[\s\S])*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_TOML_SEGMENT = re.compile(r"[^=,\n\[\]{}]+")
_TOML_DIGITS = re.compile(rf"(?<![\w.:+-])[+-]?[0-9][0-9_]{{{MAX_INTEGER_DIGITS},}}(?![\w.:])")
_TOML_HEADER = re.compile(r"^[ \t]*\[+([^\]\n]*)\]", re.MULTILINE)


def _blank_strings(match: re.Match[str]) -> str:
    """A string or comment as a placeholder of the same line count (so line numbers still hold)."""
    token = match.group()
    if token.startswith("#"):
        return ""
    return '""' + "\n" * token.count("\n")


def toml_shape_problem(text: str) -> tuple[str | None, str] | None:
    """Why TOML ``text`` is refused before parsing, as (field path or None for the file, problem)."""
    bare = _TOML_STRING_OR_COMMENT.sub(_blank_strings, text)
    items = bare.count("=") + bare.count(",") + bare.count("[")
    if items > MAX_ITEMS:
        return None, f"has {items} keys and items; scenario files have at most {MAX_ITEMS}"
    for segment in _TOML_SEGMENT.finditer(bare):
        parts = segment.group().count(".") + 1
        if parts > MAX_KEY_PARTS:
            line = bare.count("\n", 0, segment.start()) + 1
            return None, f"line {line}: a dotted key of {parts} parts; keys have at most {MAX_KEY_PARTS}"
    huge = _TOML_DIGITS.search(bare)
    if huge is not None:
        digits = sum(ch.isdigit() for ch in huge.group())
        return _toml_field_at(bare, huge.start()), f"a {digits}-digit integer is far too large for any field"
    return None


def _toml_field_at(bare: str, position: int) -> str | None:
    """The key path of the value at ``position``: the last table header, then the line's key."""
    line_start = bare.rfind("\n", 0, position) + 1
    key = bare[line_start:position].partition("=")[0].strip()
    headers = list(_TOML_HEADER.finditer(bare, 0, line_start))
    table = headers[-1].group(1).strip() if headers else ""
    if not key or key.startswith('""'):
        return table or None
    return f"{table}.{key}" if table else key


class HugeInteger:
    """A JSON integer too long to convert (``int()`` refuses more than 4,300 digits by design)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _json_int(text: str) -> int | HugeInteger:
    digits = len(text.lstrip("-"))
    return HugeInteger(digits) if digits > MAX_INTEGER_DIGITS else int(text)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


# --- validation helpers -------------------------------------------------------------------------


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, HugeInteger):
        return f"a {value.digits}-digit integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    if value is None:
        return "null"
    return type(value).__name__


def key_path(path: str, key: str) -> str:
    """``path.key``, the key quoted (escaped) when it is empty or holds a control character."""
    text = str(key)
    if not text or not text.isprintable() or '"' in text:
        text = '"' + repr(text)[1:-1].replace('"', '\\"') + '"'
    return f"{path}.{text}" if path else text


def check_keys(mapping: Mapping[str, Any], allowed: tuple[str, ...], path: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise ScenarioError(key_path(path, key), f"unknown key; expected one of {', '.join(allowed)}")


def _table(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ScenarioError(path, f"expected a table, got {type_name(value)}")
    return value


def _str(value: Any, path: str) -> str:
    """A string that is real Unicode text: a lone surrogate (from a JSON ``\\ud800`` escape or a
    non-UTF-8 byte in an argument) could be neither shown, saved nor sent."""
    if not isinstance(value, str):
        raise ScenarioError(path, f"expected a string, got {type_name(value)}")
    surrogate = _LONE_SURROGATE.search(value)
    if surrogate is not None:
        raise ScenarioError(
            path, f"is not valid Unicode text: a lone surrogate {surrogate.group()!r} at character {surrogate.start()}"
        )
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_COOKIE_CTL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")  # CTLs but HTAB
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_BLOCK_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def text_line(value: Any, path: str) -> str:
    """A one-line text field (title, cookie domain and path): no control characters but tab.

    NUL, CR, LF and ESC are refused as in header values: they would split a line, end a C string
    or drive a terminal, wherever the text goes next.
    """
    return _without_controls(_str(value, path), path, _CONTROL)


def text_block(value: Any, path: str) -> str:
    """Free text over several lines (``notes``): line feeds and tabs, but no other control character."""
    return _without_controls(_str(value, path), path, _BLOCK_CONTROL)


def _without_controls(text: str, path: str, pattern: re.Pattern[str]) -> str:
    control = pattern.search(text)
    if control is not None:
        raise ScenarioError(path, f"must not contain the control character {control.group()!r}")
    return text


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise ScenarioError(path, f"expected true or false, got {type_name(value)}")
    return value


def _int(value: Any, path: str, low: int, high: int) -> int:
    if isinstance(value, HugeInteger):
        raise ScenarioError(path, f"expected an integer from {low} to {high}, got {type_name(value)}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(path, f"expected an integer, got {type_name(value)}")
    if not low <= value <= high:
        got = str(value) if abs(value) < 10**12 else f"a {len(str(abs(value)))}-digit integer"
        raise ScenarioError(path, f"expected an integer from {low} to {high}, got {got}")
    return value


def _choice(value: Any, path: str, choices: tuple[str, ...]) -> str:
    text = _str(value, path)
    if text not in choices:
        options = [c if c else '""' for c in choices]
        listed = ", ".join(options[:-1]) + f" or {options[-1]}"
        raise ScenarioError(path, f"expected {listed}, got {shown(text)}")
    return text


def _headers(value: Any, path: str) -> Headers:
    pairs: list[tuple[Any, Any]]
    if isinstance(value, Mapping):
        pairs = list(value.items())
        where = [key_path(path, name) for name in value]
    elif isinstance(value, (list, tuple)):
        pairs = []
        where = []
        for index, item in enumerate(value):
            if not isinstance(item, (list, tuple)) or len(item) != 2:
                raise ScenarioError(f"{path}[{index}]", f"expected a [name, value] pair, got {type_name(item)}")
            pairs.append((item[0], item[1]))
            where.append(f"{path}[{index}]")
    else:
        raise ScenarioError(path, f"expected a list of [name, value] pairs, got {type_name(value)}")
    out: list[tuple[str, str]] = []
    for (name, header_value), at in zip(pairs, where, strict=True):
        name = _str(name, f"{at}[0]" if at.endswith("]") else at)
        header_value = _str(header_value, f"{at}[1]" if at.endswith("]") else at)
        if not is_token(name):
            raise ScenarioError(f"{at}[0]" if at.endswith("]") else at, f"{shown(name)} is not a valid header name (an HTTP token)")
        problem = value_problem(header_value)
        if problem:
            raise ScenarioError(f"{at}[1]" if at.endswith("]") else at, problem)
        out.append((name, header_value))
    return tuple(out)


def _list_of_str(value: Any, path: str) -> list[str]:
    if not isinstance(value, (list, tuple)):
        raise ScenarioError(path, f"expected a list, got {type_name(value)}")
    return [_str(item, f"{path}[{i}]") for i, item in enumerate(value)]


# --- the scenario ------------------------------------------------------------------------------


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
    page_input = _str(raw["page"], "page")
    target_input = _str(raw["target"], "target")
    page = parse_url(page_input, field_path="page")
    target = parse_url(target_input, field_path="target")

    resources = RESOURCE_TYPES
    if "resources" in raw:
        names = _list_of_str(raw["resources"], "resources")
        for index, name in enumerate(names):
            if name not in RESOURCE_TYPES:
                raise ScenarioError(f"resources[{index}]", f"unknown resource type {shown(name)}; expected one of {', '.join(RESOURCE_TYPES)}")
            if name in names[:index]:
                raise ScenarioError(f"resources[{index}]", f"{shown(name)} is listed twice")
        resources = tuple(names)

    request = _request(raw["request"], "request") if "request" in raw else Request()
    preflight = _response(raw["preflight"], "preflight") if "preflight" in raw else HttpResponse()
    response = _response(raw["response"], "response") if "response" in raw else HttpResponse()

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
        page_sandboxed=_bool(raw["page_sandboxed"], "page_sandboxed") if "page_sandboxed" in raw else False,
        request=request,
        preflight=preflight,
        response=response,
        redirects=tuple(redirects),
        cookie=cookie,
        expect=expect,
    )


def _request(value: Any, path: str) -> Request:
    table = _table(value, path)
    check_keys(table, _REQUEST_KEYS, path)
    default = Request()
    method = default.method
    if "method" in table:
        method = _str(table["method"], f"{path}.method")
        if not is_token(method):
            raise ScenarioError(f"{path}.method", f"{shown(method)} is not a valid method (an HTTP token)")
    return Request(
        method=method,
        mode=_choice(table["mode"], f"{path}.mode", MODES) if "mode" in table else default.mode,
        credentials=_choice(table["credentials"], f"{path}.credentials", CREDENTIALS)
        if "credentials" in table
        else default.credentials,
        crossorigin=_choice(table["crossorigin"], f"{path}.crossorigin", CROSSORIGIN)
        if "crossorigin" in table
        else default.crossorigin,
        headers=_headers(table["headers"], f"{path}.headers") if "headers" in table else (),
        script_type=_choice(table["script_type"], f"{path}.script_type", SCRIPT_TYPES)
        if "script_type" in table
        else default.script_type,
    )


def _response(value: Any, path: str) -> HttpResponse:
    table = _table(value, path)
    check_keys(table, _RESPONSE_KEYS, path)
    return HttpResponse(
        status=_int(table["status"], f"{path}.status", 100, 599) if "status" in table else 200,
        headers=_headers(table["headers"], f"{path}.headers") if "headers" in table else (),
    )


def _redirect(value: Any, path: str, previous_url: str) -> Redirect:
    table = _table(value, path)
    check_keys(table, _REDIRECT_KEYS, path)
    if "location" not in table:
        raise ScenarioError(f"{path}.location", "missing; a redirect needs a location")
    status = _int(table.get("status", 302), f"{path}.status", 100, 599)
    if status not in REDIRECT_STATUSES:
        raise ScenarioError(f"{path}.status", f"expected a redirect status (301, 302, 303, 307 or 308), got {status}")
    location_input = _str(table["location"], f"{path}.location")
    return Redirect(
        status=status,
        location=parse_url(location_input, base=previous_url, field_path=f"{path}.location"),
        location_input=location_input,
        headers=_headers(table["headers"], f"{path}.headers") if "headers" in table else (),
    )


def _cookie(value: Any, path: str, target_path: str) -> Cookie:
    if isinstance(value, str):
        return _cookie_from_line(value, path, target_path, via="fetch")
    table = _table(value, path)
    check_keys(table, _COOKIE_KEYS, path)
    via = _choice(table["via"], f"{path}.via", VIAS) if "via" in table else "fetch"
    if "set_cookie" in table:
        others = [key for key in table if key not in ("set_cookie", "via")]
        if others:
            raise ScenarioError(f"{path}.{others[0]}", "give either set_cookie or the attribute keys, not both")
        return _cookie_from_line(_str(table["set_cookie"], f"{path}.set_cookie"), f"{path}.set_cookie", target_path, via)
    default = Cookie()
    samesite = default.samesite
    if "samesite" in table:
        text = _str(table["samesite"], f"{path}.samesite")
        canonical = {s.lower(): s for s in SAMESITE}.get(text.lower())
        if canonical is None:
            raise ScenarioError(f"{path}.samesite", f"expected Strict, Lax, None or \"\", got {shown(text)}")
        samesite = canonical
    name = _str(table["name"], f"{path}.name") if "name" in table else default.name
    cookie_value = _str(table["value"], f"{path}.value") if "value" in table else default.value
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
        secure=_bool(table["secure"], f"{path}.secure") if "secure" in table else False,
        httponly=_bool(table["httponly"], f"{path}.httponly") if "httponly" in table else False,
        domain=domain.removeprefix(".").lower(),
        path=cookie_path or "/",
        via=via,
        partitioned=_bool(table["partitioned"], f"{path}.partitioned") if "partitioned" in table else False,
    )


def _cookie_from_line(line: str, path: str, target_path: str, via: str) -> Cookie:
    line = _str(line, path)
    problem = value_problem(line)
    if problem:
        raise ScenarioError(path, problem)
    control = _COOKIE_CTL.search(line)
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
    table = _table(value, path)
    out = []
    for key, expected in table.items():
        if key not in VALID_EXPECTATIONS:
            raise ScenarioError(key_path(path, key), f"unknown expectation; expected <resource>.<capability> such as fetch.read, or one of {', '.join(EXTRA_EXPECTATIONS)}")
        out.append(Expectation(key, _bool(expected, f'{path}."{key}"' if "." in key else f"{path}.{key}")))
    return tuple(out)
