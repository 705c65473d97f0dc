"""The editable scenario as plain data, and the one bridge from it to the pure core.

Widgets edit a ``ScenarioDraft``; ``evaluate_draft`` turns it into a mapping for
``policy_core.load_scenario`` and asks the core for a report. Nothing here decides a verdict.
No Textual import: this module is plain Python and is tested without an app.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

import policy_core
from policy_core.headers import is_token, parse_header_line
from policy_core.scenario import THIRD_PARTY_COOKIES_DEFAULT

from .atomic import write_text_atomically

HeaderRows = list[tuple[str, str]]

DEFAULT_REQUEST: dict[str, str] = {
    "method": "GET",
    "mode": "cors",
    "credentials": "same-origin",
    "crossorigin": "none",
}
DEFAULT_COOKIE: dict[str, Any] = {
    "name": "sid",
    "samesite": "",
    "secure": False,
    "httponly": False,
    "domain": "",
    "path": "/",
    "via": "fetch",
}


@dataclass
class Response:
    status: int = 200
    headers: HeaderRows = field(default_factory=list)
    body: str = "auto"  # response.body: no editor shows it yet, but a loaded value is kept


@dataclass
class ScenarioDraft:
    """Everything the workbench edits, as the scenario file's plain values."""

    page: str
    target: str
    resources: list[str] = field(default_factory=lambda: list(policy_core.RESOURCE_TYPES))
    title: str = ""
    notes: str = ""
    page_sandboxed: bool = False
    third_party_cookies: str = THIRD_PARTY_COOKIES_DEFAULT
    request: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_REQUEST))
    request_headers: HeaderRows = field(default_factory=list)
    script_type: str = "classic"
    preflight: Response = field(default_factory=Response)
    response: Response = field(default_factory=Response)
    redirects: list[dict[str, Any]] = field(default_factory=list)
    cookie: dict[str, Any] | None = None  # attribute keys, or {"set_cookie": line, "via": ...}
    expect: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_scenario(cls, scenario: policy_core.Scenario) -> ScenarioDraft:
        data = scenario.to_mapping()
        request = data.get("request", {})
        cookie = copy.deepcopy(data.get("cookie"))
        return cls(
            page=scenario.page_input,
            target=scenario.target_input,
            resources=list(scenario.resources),
            title=scenario.title,
            notes=scenario.notes,
            page_sandboxed=scenario.page_sandboxed,
            third_party_cookies=scenario.third_party_cookies,
            request={key: str(request.get(key, default)) for key, default in DEFAULT_REQUEST.items()},
            request_headers=[tuple(h) for h in request.get("headers", [])],  # type: ignore[misc]
            script_type=request.get("script_type", "classic"),
            preflight=_response_of(data.get("preflight")),
            response=_response_of(data.get("response")),
            redirects=copy.deepcopy(data.get("redirects", [])),
            cookie=cookie,
            expect=dict(data.get("expect", {})),
        )

    def copy(self) -> ScenarioDraft:
        return copy.deepcopy(self)

    def to_mapping(
        self, resources: list[str] | None = None, expect: dict[str, bool] | None = None
    ) -> dict[str, Any]:
        """The scenario file's mapping (defaults left out), as saved and as the core loads it."""
        out: dict[str, Any] = {"version": 1}
        if self.title:
            out["title"] = self.title
        if self.notes:
            out["notes"] = self.notes
        out["page"] = self.page
        out["target"] = self.target
        out["resources"] = list(self.resources if resources is None else resources)
        if self.page_sandboxed:
            out["page_sandboxed"] = True
        if self.third_party_cookies != THIRD_PARTY_COOKIES_DEFAULT:
            out["third_party_cookies"] = self.third_party_cookies
        request: dict[str, Any] = {k: v for k, v in self.request.items() if v != DEFAULT_REQUEST[k]}
        if self.request_headers:
            request["headers"] = [list(h) for h in self.request_headers]
        if self.script_type != "classic":
            request["script_type"] = self.script_type
        if request:
            out["request"] = request
        for key in ("preflight", "response"):
            section: Response = getattr(self, key)
            table: dict[str, Any] = {}
            if section.status != 200:
                table["status"] = section.status
            if section.headers:
                table["headers"] = [list(h) for h in section.headers]
            if section.body != "auto":
                table["body"] = section.body
            if table:
                out[key] = table
        if self.redirects:
            out["redirects"] = copy.deepcopy(self.redirects)
        if self.cookie is not None:
            out["cookie"] = dict(self.cookie)
        chosen = self.expect if expect is None else expect
        if chosen:
            out["expect"] = dict(chosen)
        return out

    def evaluation_mapping(self) -> dict[str, Any]:
        """The mapping the core is asked about: expectations of switched-off resources left out
        (the core refuses an expectation about a verdict it is not asked for)."""
        expect = {
            path: value
            for path, value in self.expect.items()
            if path in ("same_origin", "same_site") or path.partition(".")[0] in self.resources
        }
        return self.to_mapping(expect=expect)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> ScenarioDraft:
        """The inverse of ``to_mapping`` without the core's validation: a draft may be invalid
        (a half-typed URL) and must still come back whole, e.g. from a recovery copy.
        Raises ValueError naming the field when a value has the wrong shape."""
        request = _table(data, "request")
        cookie = data.get("cookie")
        if cookie is not None and not isinstance(cookie, dict):
            raise ValueError("cookie: expected a table")
        expect = _table(data, "expect")
        if not all(isinstance(k, str) and isinstance(v, bool) for k, v in expect.items()):
            raise ValueError("expect: expected name = true/false pairs")
        return cls(
            page=_text(data, "page"),
            target=_text(data, "target"),
            resources=[
                _str(r, "resources") for r in _list(data, "resources", list(policy_core.RESOURCE_TYPES))
            ],
            title=_text(data, "title", ""),
            notes=_text(data, "notes", ""),
            page_sandboxed=bool(data.get("page_sandboxed", False)),
            third_party_cookies=_text(data, "third_party_cookies", THIRD_PARTY_COOKIES_DEFAULT),
            request={key: _text(request, key, default) for key, default in DEFAULT_REQUEST.items()},
            request_headers=_header_rows(request.get("headers", []), "request.headers"),
            script_type=_text(request, "script_type", "classic"),
            preflight=_response_from(_table(data, "preflight"), "preflight"),
            response=_response_from(_table(data, "response"), "response"),
            redirects=copy.deepcopy(_list(data, "redirects", [])),
            cookie=copy.deepcopy(cookie),
            expect=dict(expect),
        )


COOKIE_FIELDS = ("enabled", "line", "name", "samesite", "secure", "httponly", "domain", "path", "via")


def cookie_fields(cookie: dict[str, Any] | None) -> dict[str, Any]:
    """The cookie editor's field values (COOKIE_FIELDS) for a scenario's cookie table."""
    values = dict(DEFAULT_COOKIE)
    line = ""
    if cookie is not None:
        if "set_cookie" in cookie:
            line = str(cookie["set_cookie"])
            values["via"] = cookie.get("via", "fetch")
        else:
            values.update(cookie)
    return {"enabled": cookie is not None, "line": line, **{k: values[k] for k in COOKIE_FIELDS[2:]}}


def cookie_from_fields(fields: dict[str, Any]) -> dict[str, Any] | None:
    """The scenario's cookie table from the editor's fields: None when no cookie is set; a typed
    Set-Cookie line wins over the attribute fields; defaults are left out."""
    if not fields["enabled"]:
        return None
    via = str(fields["via"])
    line = str(fields["line"])
    if line.strip():
        return {"set_cookie": line, "via": via}
    cookie: dict[str, Any] = {"name": fields["name"]}
    samesite = str(fields["samesite"])
    if samesite:
        cookie["samesite"] = samesite
    for key in ("secure", "httponly"):
        if fields[key]:
            cookie[key] = True
    domain = str(fields["domain"]).strip()
    if domain:
        cookie["domain"] = domain
    path = str(fields["path"]).strip()
    if path and path != "/":
        cookie["path"] = path
    cookie["via"] = via
    return cookie


def _response_of(table: dict[str, Any] | None) -> Response:
    if not table:
        return Response()
    return Response(
        status=int(table.get("status", 200)),
        headers=[tuple(h) for h in table.get("headers", [])],  # type: ignore[misc]
        body=str(table.get("body", "auto")),
    )


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected text")
    return value


def _text(table: dict[str, Any], key: str, default: str | None = None) -> str:
    if key not in table and default is not None:
        return default
    return _str(table.get(key), key)


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"{key}: expected a table")
    return value


def _list(data: dict[str, Any], key: str, default: list[Any]) -> list[Any]:
    value = data.get(key, default)
    if not isinstance(value, list):
        raise ValueError(f"{key}: expected a list")
    return value


def _header_rows(rows: Any, where: str) -> HeaderRows:
    if not isinstance(rows, list) or not all(
        isinstance(r, (list, tuple)) and len(r) == 2 and all(isinstance(x, str) for x in r) for r in rows
    ):
        raise ValueError(f"{where}: expected [name, value] pairs")
    return [(name, value) for name, value in rows]


def _response_from(table: dict[str, Any], where: str) -> Response:
    status = table.get("status", 200)
    if not isinstance(status, int) or isinstance(status, bool):
        raise ValueError(f"{where}.status: expected a number")
    return Response(
        status=status,
        headers=_header_rows(table.get("headers", []), f"{where}.headers"),
        body=_text(table, "body", "auto"),
    )


@dataclass(frozen=True)
class Evaluation:
    """What the core said about a draft: a report, or the one-line error naming the key."""

    report: policy_core.Report | None
    error: policy_core.ScenarioError | None


def evaluate_draft(draft: ScenarioDraft) -> Evaluation:
    try:
        scenario = policy_core.load_scenario(draft.evaluation_mapping())
        return Evaluation(policy_core.evaluate(scenario), None)
    except policy_core.ScenarioError as error:
        return Evaluation(None, error)


def check_url(text: str, field_path: str) -> policy_core.ScenarioError | None:
    """The core's own parser decides whether a URL is valid (UI and engine agree)."""
    try:
        policy_core.parse_url(text, field_path=field_path)
    except policy_core.ScenarioError as error:
        return error
    return None


# --- reading and writing files -----------------------------------------------------------------


def load_draft(path: str | os.PathLike[str]) -> ScenarioDraft:
    """Load a scenario file; the core's loader decides what is valid (ScenarioError otherwise)."""
    return ScenarioDraft.from_scenario(policy_core.load_scenario(Path(path)))


def scenario_toml(draft: ScenarioDraft) -> str:
    return tomli_w.dumps(draft.to_mapping())


def save_draft(draft: ScenarioDraft, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a temp file in the same directory, then os.replace over the target."""
    target = Path(path)
    if target.suffix.lower() != ".toml":
        raise policy_core.ScenarioError(str(target), "scenarios are saved as .toml files")
    text = scenario_toml(draft)
    policy_core.load_scenario(draft.to_mapping())  # never write a file the loader would refuse
    write_text_atomically(target, text)
    return target


def save_problem(draft: ScenarioDraft, path: Path) -> str | None:
    """Save ``draft``: None when it is saved, else the one line saying why not."""
    try:
        save_draft(draft, path)
    except policy_core.ScenarioError as error:
        return str(error)
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    except UnicodeError:
        return f"{path}: the scenario holds text that is not valid Unicode"
    return None


# --- pasted text ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PastedHeaders:
    status: int | None  # from an ``HTTP/1.1 204 No Content`` line, when one was pasted
    headers: HeaderRows
    skipped: tuple[str, ...]  # lines that were neither a status line nor ``Name: value``


def parse_pasted_headers(text: str) -> PastedHeaders:
    """Header lines as ``curl -i`` or a network panel shows them; duplicates kept, order kept."""
    status: int | None = None
    headers: HeaderRows = []
    skipped: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if status is None and not headers and line.upper().startswith("HTTP/"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                status = int(parts[1])
                continue
        pair = parse_header_line(line)
        if pair is None:
            skipped.append(line)
        else:
            headers.append(pair)
    return PastedHeaders(status, headers, tuple(skipped))


def looks_like_header_paste(text: str) -> bool:
    """Multi-line text, a status line or ``Name: value``: worth turning into rows."""
    stripped = text.strip()
    return "\n" in stripped or stripped.upper().startswith("HTTP/") or parse_header_line(stripped) is not None


# "POST /items HTTP/1.1": a request as curl -v, a proxy or DevTools' "view source" shows it.
_REQUEST_LINE = re.compile(r"^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +\S+ +HTTP/\d(?:\.\d)?$")
# HTTP/2 pseudo-headers that only restate the target URL (the URL fields hold it).
_URL_PSEUDO_HEADERS = (":authority", ":path", ":scheme", ":protocol")


@dataclass(frozen=True)
class Pasted:
    """A paste read as a request or a response."""

    method: str | None  # from a request line or ``:method``
    status: int | None  # from a status line or ``:status``
    headers: HeaderRows
    skipped: tuple[str, ...]  # lines that are none of the above


def _curl_marker(lines: list[str], kind: str) -> list[str]:
    """``curl -v`` marks what it sent with ``> `` and what it got with ``< ``, its own notes with
    ``* ``: the request's side, or the response's."""
    marked = [line for line in lines if line[:2] in ("> ", "< ", "* ") or line in (">", "<")]
    if not lines or len(marked) != len(lines):
        return lines
    side = ">" if kind == "request" else "<"
    return [rest for line in lines if line.startswith(side) and (rest := line[1:].strip())]


def _devtools_pairs(lines: list[str]) -> list[str] | None:
    """Chrome's and Firefox's header panes copy as a name line, then a value line: ``Name: value``
    lines when every other line is a bare header name (a ``Name: value`` line never is)."""
    if len(lines) < 2 or len(lines) % 2:
        return None
    names = lines[0::2]
    if not all(is_token(name.removeprefix(":")) for name in names):
        return None
    return [f"{name}: {value}" for name, value in zip(names, lines[1::2], strict=True)]


def read_paste(text: str, kind: str = "response") -> Pasted:
    """``curl -i``/``-v`` output, a network panel's header block (``Name: value`` lines or DevTools'
    two-line form), with or without the request or status line; duplicates and order kept.
    ``kind`` ("request" or "response") picks a side of ``curl -v``'s output."""
    lines = _curl_marker([line.strip() for line in text.splitlines() if line.strip()], kind)
    method: str | None = None
    if lines and (request_line := _REQUEST_LINE.match(lines[0])) is not None:
        method = request_line.group(1)
        lines = lines[1:]
    status_line = lines[:1] if lines and lines[0].upper().startswith("HTTP/") else []
    body = lines[len(status_line) :]
    body = _devtools_pairs(body) or body
    status: int | None = None
    kept: list[str] = []
    for line in body:
        if line.startswith(":"):  # an HTTP/2 pseudo-header, as DevTools lists them
            name, _, value = line[1:].partition(":")
            name, value = f":{name.strip().lower()}", value.strip()
            if name == ":method" and method is None:
                method = value
                continue
            if name == ":status" and value.isdigit() and not status_line:
                status = int(value)
                continue
            if name in _URL_PSEUDO_HEADERS:
                continue
        kept.append(line)
    pasted = parse_pasted_headers("\n".join(status_line + kept))
    return Pasted(method, pasted.status if status is None else status, pasted.headers, pasted.skipped)


def is_header_paste(text: str) -> bool:
    """Worth turning into rows: several lines, a status or request line, or one ``Name: value``."""
    return bool(text) and (looks_like_header_paste(text) or _REQUEST_LINE.match(text.strip()) is not None)
