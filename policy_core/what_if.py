"""What if: which single change to the request or the server's answer flips each capability.

Each change is a small function that proposes edits of the scenario (the contract's mapping
form), with the sentence a learner reads and what the change costs in safety. Every proposal is
evaluated: an entry exists only because the changed scenario really flips the capability.
The rule set is data (``CHANGES``); no browser rule is repeated here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import ScenarioError
from .evaluate import evaluate
from .loader import load_scenario
from .report import Report
from .scenario import Scenario

# At most this many entries per capability and direction: the simplest changes come first.
MAX_PER_FLIP = 3

Mapping = dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    change: str  # one sentence, in the learner's words
    risk: str | None
    scenario: Mapping  # the changed scenario, contract format
    # The resources whose verdicts this change is advice for (None: every one).
    resources: frozenset[str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WhatIf:
    flips: str  # "<resource>.<capability>", or "fetch.preflight"
    to: bool
    change: str
    risk: str | None
    scenario: Scenario

    def to_dict(self) -> dict[str, Any]:
        return {"flips": self.flips, "to": self.to, "change": self.change, "risk": self.risk,
                "scenario": self.scenario.to_mapping()}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Base:
    """What every change reads: the scenario as a mapping and the facts the report already knows."""

    mapping: Mapping
    page_origin: str
    opaque_page: bool
    same_origin: bool
    credentials: bool  # the request includes credentials (fetch include, or crossorigin use-credentials)
    unsafe_headers: tuple[str, ...]  # what the preflight asks for (lower-case)
    method: str


Change = Callable[[_Base], Iterator[Proposal]]


# --- editing the mapping -------------------------------------------------------------------------

def _edit(base: _Base, section: str, **values: Any) -> Mapping:
    out = copy.deepcopy(base.mapping)
    out.setdefault(section, {}).update(values)
    return out


def _headers(mapping: Mapping, section: str) -> list[list[str]]:
    headers = mapping.get(section, {}).get("headers", [])
    if isinstance(headers, dict):
        return [[name, value] for name, value in headers.items()]
    return [list(pair) for pair in headers]


def _set_header(base: _Base, section: str, name: str, value: str | None) -> Mapping:
    """The scenario with every ``name`` line of ``section`` replaced by one (or removed when None)."""
    out = copy.deepcopy(base.mapping)
    lines = [pair for pair in _headers(out, section) if pair[0].lower() != name.lower()]
    if value is not None:
        lines.append([name, value])
    out.setdefault(section, {})["headers"] = lines
    return out


def _header(base: _Base, section: str, name: str) -> str | None:
    values = [value for key, value in _headers(base.mapping, section) if key.lower() == name.lower()]
    return ", ".join(values) if values else None


def _request(base: _Base) -> Mapping:
    request = base.mapping.get("request", {})
    return request if isinstance(request, dict) else {}


# --- the changes, safest first ---------------------------------------------------------------------

def allow_page_origin(base: _Base) -> Iterator[Proposal]:
    if base.opaque_page:
        return
    risk = allow_page_origin_risk(base)
    for section in ("response", "preflight"):
        if _header(base, section, "Access-Control-Allow-Origin") != base.page_origin:
            yield Proposal(
                change=f"the {_answer(section)} sends Access-Control-Allow-Origin: {base.page_origin}",
                risk=risk, scenario=_set_header(base, section, "Access-Control-Allow-Origin", base.page_origin))


def allow_credentials(base: _Base) -> Iterator[Proposal]:
    if not base.credentials:
        return
    for section in ("response", "preflight"):
        if _header(base, section, "Access-Control-Allow-Credentials") != "true":
            yield Proposal(
                change=f"the {_answer(section)} sends Access-Control-Allow-Credentials: true",
                risk="The page's script can then read answers made with the user's cookies: allow only "
                     "origins you trust.",
                scenario=_set_header(base, section, "Access-Control-Allow-Credentials", "true"))


def full_cors_answer(base: _Base) -> Iterator[Proposal]:
    """All the CORS lines this request needs at once, when no single header is enough."""
    if base.opaque_page or base.same_origin:
        return
    lines = [("Access-Control-Allow-Origin", base.page_origin)]
    if base.credentials:
        lines.append(("Access-Control-Allow-Credentials", "true"))
    changed = copy.deepcopy(base.mapping)
    for section in ("response", "preflight"):
        section_lines = list(lines)
        if section == "preflight":
            if base.method not in ("GET", "HEAD", "POST"):
                section_lines.append(("Access-Control-Allow-Methods", base.method))
            if base.unsafe_headers:
                section_lines.append(("Access-Control-Allow-Headers", ", ".join(base.unsafe_headers)))
        for name, value in section_lines:
            changed = _set_header(_Base(**{**_fields(base), "mapping": changed}), section, name, value)
    shown = "; ".join(f"{name}: {value}" for name, value in lines)
    yield Proposal(change=f"the server answers with every CORS header this request needs ({shown})",
                   risk=allow_page_origin_risk(base), scenario=changed)


def allow_page_origin_risk(base: _Base) -> str | None:
    if not base.credentials:
        return None
    return ("Only echo origins you trust (an allowlist): a server that reflects every Origin with "
            "credentials lets any site read this user's data.")


def _fields(base: _Base) -> dict[str, Any]:
    return {name: getattr(base, name) for name in base.__slots__}


def allow_any_origin(base: _Base) -> Iterator[Proposal]:
    if base.credentials or _header(base, "response", "Access-Control-Allow-Origin") == "*":
        return
    yield Proposal(
        change="the response sends Access-Control-Allow-Origin: *",
        risk="Every site can then read this response: right only for public data that needs no login.",
        scenario=_set_header(base, "response", "Access-Control-Allow-Origin", "*"))


def preflight_ok(base: _Base) -> Iterator[Proposal]:
    status = base.mapping.get("preflight", {}).get("status", 200)
    if isinstance(status, int) and not 200 <= status <= 299:
        yield Proposal(change="the preflight (OPTIONS) is answered with 204 No Content instead of "
                              f"{status}", risk=None, scenario=_edit(base, "preflight", status=204))


def preflight_allows_request(base: _Base) -> Iterator[Proposal]:
    if base.method not in ("GET", "HEAD", "POST"):
        yield Proposal(change=f"the preflight answer sends Access-Control-Allow-Methods: {base.method}",
                       risk=None, scenario=_set_header(base, "preflight", "Access-Control-Allow-Methods", base.method))
    if base.unsafe_headers:
        names = ", ".join(base.unsafe_headers)
        yield Proposal(change=f"the preflight answer sends Access-Control-Allow-Headers: {names}",
                       risk=None, scenario=_set_header(base, "preflight", "Access-Control-Allow-Headers", names))


def simple_content_type(base: _Base) -> Iterator[Proposal]:
    content_type = _header(base, "request", "Content-Type")
    if content_type is not None and content_type.split(";")[0].strip().lower() != "text/plain":
        yield Proposal(
            change="the request's Content-Type is text/plain (the server then parses the body itself)",
            risk="A text/plain POST needs no preflight, so any site's form-like request reaches the server: "
                 "its handler must not act on unchecked cross-site requests (CSRF).",
            scenario=_set_header(base, "request", "Content-Type", "text/plain"))


def drop_custom_headers(base: _Base) -> Iterator[Proposal]:
    for name, _ in _headers(base.mapping, "request"):
        if name.lower() in base.unsafe_headers and name.lower() != "content-type":
            yield Proposal(change=f"the request does not send the {name} header", risk=None,
                           scenario=_set_header(base, "request", name, None))


def credentials_mode(base: _Base) -> Iterator[Proposal]:
    current = _request(base).get("credentials", "same-origin")
    for mode in ("include", "omit", "same-origin"):
        if mode != current:
            risk = ("Cookies then ride along to the other origin: the server must check the Origin and guard "
                    "state-changing requests (CSRF).") if mode == "include" else None
            note = {"omit": " (no cookies are sent)", "same-origin": " (cookies only to the page's own origin)"}
            yield Proposal(change=f"fetch() is called with credentials: '{mode}'{note.get(mode, '')}", risk=risk,
                           scenario=_edit(base, "request", credentials=mode))


def request_mode(base: _Base) -> Iterator[Proposal]:
    current = _request(base).get("mode", "cors")
    for mode in ("cors", "no-cors"):
        if mode != current:
            note = " (the answer is then opaque: sent, never readable)" if mode == "no-cors" else ""
            yield Proposal(change=f"fetch() is called with mode: '{mode}'{note}", risk=None,
                           scenario=_edit(base, "request", mode=mode))


def crossorigin_attribute(base: _Base) -> Iterator[Proposal]:
    resources = base.mapping.get("resources", ())
    if resources and not {"image", "script", "cookie"} & set(resources):
        return
    current = _request(base).get("crossorigin", "none")
    for value in ("anonymous", "use-credentials", "none"):
        if value != current:
            shown = "no crossorigin attribute" if value == "none" else f'crossorigin="{value}"'
            yield Proposal(change=f"the element has {shown}", risk=None,
                           scenario=_edit(base, "request", crossorigin=value))


def framing_headers(base: _Base) -> Iterator[Proposal]:
    for name in ("X-Frame-Options", "Content-Security-Policy"):
        if _header(base, "response", name) is not None:
            yield Proposal(change=f"the response does not send {name}",
                           risk="Any site can then frame this page: keep framing protection for pages with "
                                "buttons a user could be tricked into clicking (clickjacking).",
                           scenario=_set_header(base, "response", name, None))
    if not base.opaque_page:
        yield Proposal(change=f"the response sends Content-Security-Policy: frame-ancestors 'self' {base.page_origin}",
                       risk=None,
                       scenario=_set_header(base, "response", "Content-Security-Policy",
                                            f"frame-ancestors 'self' {base.page_origin}"))


def resource_policy(base: _Base) -> Iterator[Proposal]:
    if _header(base, "response", "Cross-Origin-Resource-Policy") is not None:
        yield Proposal(change="the response sends Cross-Origin-Resource-Policy: cross-origin",
                       risk="Any site can then embed this resource.",
                       scenario=_set_header(base, "response", "Cross-Origin-Resource-Policy", "cross-origin"))


def cookie_attributes(base: _Base) -> Iterator[Proposal]:
    cookie = base.mapping.get("cookie")
    if not isinstance(cookie, dict) or "set_cookie" in cookie:
        return
    samesite = cookie.get("samesite", "")
    for value in ("Strict", "Lax", "None"):
        if value != samesite:
            edits: dict[str, Any] = {"samesite": value}
            risk = None
            if value == "None":
                edits["secure"] = True
                risk = "The cookie then goes with cross-site requests too, so CSRF defences must not rely on SameSite."
            yield Proposal(change=f"the cookie is set with SameSite={value}" + ("; Secure" if value == "None" else ""),
                           risk=risk, scenario=_edit(base, "cookie", **edits))
            if value == "None" and cookie.get("via", "fetch") == "fetch" and _request(base).get("credentials") != "include":
                both = _edit(base, "cookie", **edits)
                both.setdefault("request", {})["credentials"] = "include"
                yield Proposal(change="the cookie is set with SameSite=None; Secure and fetch() is called with "
                                      "credentials: 'include'", risk=risk, scenario=both)
    for flag, words in (("httponly", "HttpOnly"), ("secure", "Secure")):
        current = bool(cookie.get(flag, False))
        risk = ("Page script can then read the cookie: an XSS bug would leak the session."
                if flag == "httponly" and current else None)
        yield Proposal(change=f"the cookie is set {'without' if current else 'with'} {words}", risk=risk,
                       scenario=_edit(base, "cookie", **{flag: not current}))


def cors_element(base: _Base) -> Iterator[Proposal]:
    """An <img>/<script> in CORS mode with a server that allows it: readable pixels, full errors."""
    if base.opaque_page or base.same_origin or _request(base).get("crossorigin", "none") != "none":
        return
    changed = _set_header(base, "response", "Access-Control-Allow-Origin", base.page_origin)
    changed.setdefault("request", {})["crossorigin"] = "anonymous"
    yield Proposal(change='the element has crossorigin="anonymous" and the response sends '
                          f"Access-Control-Allow-Origin: {base.page_origin}",
                   risk=None, scenario=changed, resources=frozenset({"image", "script"}))


def same_origin_target(base: _Base) -> Iterator[Proposal]:
    if base.same_origin or base.opaque_page:
        return
    target = base.mapping.get("target", "")
    path = target.split("://", 1)[-1].partition("/")[2] if "://" in target else ""
    moved = copy.deepcopy(base.mapping)
    moved["target"] = f"{base.page_origin}/{path}"
    # Not advice for a cookie: another host's cookie is not the page's to move.
    yield Proposal(change=f"the resource is served from the page's own origin ({base.page_origin})",
                   risk=None, scenario=moved, resources=frozenset({"dom", "iframe", "fetch", "image", "script"}))


CHANGES: tuple[Change, ...] = (
    allow_page_origin,
    allow_credentials,
    preflight_ok,
    preflight_allows_request,
    full_cors_answer,
    simple_content_type,
    drop_custom_headers,
    allow_any_origin,
    credentials_mode,
    request_mode,
    crossorigin_attribute,
    cors_element,
    framing_headers,
    resource_policy,
    cookie_attributes,
    same_origin_target,
)


def _answer(section: str) -> str:
    return "preflight answer" if section == "preflight" else "response"


# --- evaluating the proposals ------------------------------------------------------------------------

def _flags(report: Report) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for verdict in report.verdicts:
        for name, allowed in verdict.can:
            out[f"{verdict.resource}.{name}"] = allowed
        if verdict.fetch is not None:
            out["fetch.preflight"] = verdict.fetch.preflight
    return out


def _base(scenario: Scenario, report: Report) -> _Base:
    fetch = report.verdict("fetch")
    details = fetch.fetch if fetch is not None else None
    request = scenario.request
    return _Base(
        mapping=scenario.to_mapping(),
        page_origin=report.page.origin,
        opaque_page=report.page.opaque,
        same_origin=report.same_origin,
        credentials=request.credentials == "include" or request.crossorigin == "use-credentials",
        unsafe_headers=details.preflight_headers if details is not None else (),
        method=(details.preflight_method or request.method) if details is not None else request.method,
    )


def what_if(scenario: Scenario, report: Report | None = None) -> tuple[WhatIf, ...]:
    """Every single change (of ``CHANGES``) that flips a capability, proven by evaluating it."""
    report = report if report is not None else evaluate(scenario)
    before = _flags(report)
    base = _base(scenario, report)
    found: dict[tuple[str, bool], list[WhatIf]] = {}
    for change in CHANGES:
        for proposal in change(base):
            try:
                changed = load_scenario(proposal.scenario)
            except ScenarioError:
                continue  # a change this scenario cannot take (e.g. a URL it cannot move to)
            after = _flags(evaluate(changed))
            for key, value in after.items():
                if proposal.resources is not None and key.partition(".")[0] not in proposal.resources:
                    continue
                if key in before and before[key] != value:
                    entries = found.setdefault((key, value), [])
                    if len(entries) < MAX_PER_FLIP:
                        entries.append(WhatIf(flips=key, to=value, change=proposal.change,
                                              risk=proposal.risk, scenario=changed))
    order = list(before)
    return tuple(entry for key in sorted(found, key=lambda k: (order.index(k[0]), not k[1]))
                 for entry in found[key])


def what_if_by_resource(scenario: Scenario, report: Report | None = None) -> dict[str, tuple[WhatIf, ...]]:
    """The same entries grouped under each verdict's resource (``fetch.preflight`` under fetch)."""
    grouped: dict[str, list[WhatIf]] = {}
    for entry in what_if(scenario, report):
        grouped.setdefault(entry.flips.partition(".")[0], []).append(entry)
    return {resource: tuple(entries) for resource, entries in grouped.items()}
