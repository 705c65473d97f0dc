"""Probe a live server as the browser would, record its real answers, and evaluate them.

The only module that touches the network, and only when ``probe`` is run: ``httpx`` is imported
inside ``probe()``. What is sent is what the engine says the browser sends: the preflight
(its request lines come from the engine's fetch verdict, ``FetchDetails.preflight_request``)
when ``FetchDetails.preflight`` says one is needed, then the actual request with ``Origin``,
following redirects one hop at a time with the engine's redirect rules (method rewrite, tainted
origin, Authorization dropped across origins). TLS is verified; nothing comes from the
environment (no proxy, no .netrc); no cookie is sent unless given, and none is kept.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Any

import policy_core
from policy_core import Report, ScenarioError
from policy_core.fetch_rules import normalize_method
from policy_core.headers import parse_header_line
from policy_core.redirects import MAX_REDIRECTS, drops_authorization, rewrites_to_get, taints_origin

from .har import BROWSER_SET_HEADERS, redact

USER_AGENT = "origin-playground-probe/0.1 (+a CORS check, sent on request)"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class ProbeError(Exception):
    """The probe could not get an answer (one line: unresolvable host, timeout, TLS error...)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Exchange:
    """One request sent and the answer it got."""

    method: str
    url: str
    request_headers: tuple[tuple[str, str], ...]
    status: int
    response_headers: tuple[tuple[str, str], ...]

    def to_dict(self, show_secrets: bool = False) -> dict[str, Any]:
        def shown(headers: tuple[tuple[str, str], ...]) -> list[list[str]]:
            return [[n, v if show_secrets else redact(n, v)] for n, v in headers]

        return {"method": self.method, "url": self.url, "request_headers": shown(self.request_headers),
                "status": self.status, "response_headers": shown(self.response_headers)}


@dataclass(slots=True)
class ProbeResult:
    mapping: dict[str, Any]
    report: Report
    exchanges: list[Exchange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        verdict = self.report.verdict("fetch")
        return verdict is not None and verdict.capability("read")


def request_mapping(url: str, origin: str, method: str = "GET", headers: list[str] | tuple[str, ...] = (),
                    credentials: str = "same-origin") -> dict[str, Any]:
    """The scenario of the request alone (no answers yet); bad values raise ScenarioError naming the flag."""
    try:
        page = policy_core.parse_url(origin, field_path="--origin")
    except ScenarioError as error:
        raise ScenarioError("--origin", error.problem) from None
    if not page.is_http:
        raise ScenarioError("--origin", f"expected an http(s) origin such as https://app.example.com, got {origin!r}")
    try:
        target = policy_core.parse_url(url, field_path="URL")
    except ScenarioError as error:
        raise ScenarioError("URL", error.problem) from None
    if not target.is_http:
        raise ScenarioError("URL", f"expected an http:// or https:// URL, got {url!r}")
    pairs = []
    for line in headers:
        parsed = parse_header_line(line)
        if parsed is None:
            raise ScenarioError("--header", f"expected 'Name: value', got {line!r}")
        pairs.append(list(parsed))
    request: dict[str, Any] = {"method": method}
    if credentials != "same-origin":
        request["credentials"] = credentials
    if pairs:
        request["headers"] = pairs
    return {"version": 1, "page": page.origin.serialize() + "/", "target": target.href, "resources": ["fetch"],
            "request": request}


def probe(mapping: dict[str, Any], *, cookie: str | None = None, timeout: float = 10.0,
          show_secrets: bool = False, transport: Any = None) -> ProbeResult:
    """Send what the browser would for ``mapping``'s request; the scenario with the real answers, evaluated."""
    scenario = policy_core.load_scenario(mapping)
    fetch = _fetch_details(policy_core.evaluate(scenario))
    page_origin = scenario.page.origin
    notes: list[str] = []
    exchanges: list[Exchange] = []
    credentialed = scenario.request.credentials == "include"
    if cookie and not credentialed:
        notes.append("the cookie was not sent: the browser attaches cookies cross-origin only with credentials include")
    author = [(n, v) for n, v in scenario.request.headers if not _browser_set(n)]
    dropped = [n for n, _ in scenario.request.headers if _browser_set(n)]
    if dropped:
        notes.append(f"not sent, as the browser never lets script set them: {', '.join(dropped)}")

    _resolve(scenario.target.hostname, scenario.target.port or (443 if scenario.target.scheme == "https" else 80))
    with _client(timeout, transport) as client:
        out = dict(mapping)
        if fetch.preflight:
            answer = _send(client, "OPTIONS", scenario.target.href, _preflight_headers(fetch), timeout)
            exchanges.append(answer)
            out["preflight"] = _answer(answer, show_secrets)
            after = policy_core.evaluate(policy_core.load_scenario(out))
            verdict = after.verdict("fetch")
            if verdict is not None and not verdict.capability("send"):
                notes.append("the preflight failed, so the browser would not send the request: it was not sent")
                return ProbeResult(mapping=out, report=after, exchanges=exchanges, notes=notes)

        # Fetch normalizes get/post/put... to upper case before sending; other methods go as typed.
        method, url, redirects = normalize_method(scenario.request.method), scenario.target, []
        tainted = False
        request_headers = list(author)
        for _hop in range(MAX_REDIRECTS + 1):
            headers = _hop_headers(scenario, request_headers, url, method, tainted, cookie)
            answer = _send(client, method, url.href, headers, timeout)
            exchanges.append(answer)
            location = _header(answer.response_headers, "location")
            if answer.status not in REDIRECT_STATUSES or location is None:
                break
            try:
                next_url = policy_core.parse_url(location, base=url.href)
            except ScenarioError:
                break  # the engine explains a Location that does not parse
            redirects.append({"status": answer.status, "location": location,
                              "headers": _answer(answer, show_secrets)["headers"]})
            if not next_url.is_http:
                break
            if fetch.preflight and not policy_core.same_origin(url.origin, next_url.origin):
                notes.append(f"stopped at the redirect to {next_url.href}: the browser would preflight it "
                             "again; probe that URL to see its answers")
                break
            tainted = tainted or taints_origin(page_origin, url, next_url)
            if rewrites_to_get(answer.status, method):
                method = "GET"
                request_headers = [(n, v) for n, v in request_headers if n.lower() != "content-type"]
            if drops_authorization(url, next_url):
                request_headers = [(n, v) for n, v in request_headers if n.lower() != "authorization"]
            url = next_url
        if redirects and redirects[-1]["location"] == _header(exchanges[-1].response_headers, "location"):
            # The last answer was itself a redirect we did not follow: it is the response.
            redirects.pop()
        if redirects:
            out["redirects"] = redirects
        out["response"] = _answer(exchanges[-1], show_secrets)
    report = policy_core.evaluate(policy_core.load_scenario(out))
    return ProbeResult(mapping=out, report=report, exchanges=exchanges, notes=notes)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedRequest:
    """A request ``probe`` would send first, with every header it would carry."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    why: str


def plan(mapping: dict[str, Any], *, cookie: str | None = None) -> tuple[list[PlannedRequest], list[str]]:
    """What ``probe(mapping, cookie=cookie)`` sends before any answer comes back, sending nothing:
    the preflight when one is needed, then the request (sent only if the preflight passes; a
    redirect answered to it is followed with the engine's rules). ScenarioError for a bad mapping."""
    scenario = policy_core.load_scenario(mapping)
    fetch = _fetch_details(policy_core.evaluate(scenario))
    author = [(n, v) for n, v in scenario.request.headers if not _browser_set(n)]
    method = normalize_method(scenario.request.method)
    planned: list[tuple[str, list[tuple[str, str]], str]] = []
    if fetch.preflight:
        planned.append(("OPTIONS", _preflight_headers(fetch),
                        "the CORS preflight: the engine says this request needs one"))
        then = "then the request, only if the preflight's answer allows it"
    else:
        then = "the request (no preflight: the engine says none is needed)"
    planned.append((method, _hop_headers(scenario, author, scenario.target, method, False, cookie), then))
    out = []
    with _client(10.0, None) as client:  # building a request touches no network
        for planned_method, headers, why in planned:
            built = client.build_request(planned_method, scenario.target.href, headers=headers)
            wire = tuple((name.decode("latin-1"), value.decode("latin-1")) for name, value in built.headers.raw)
            out.append(PlannedRequest(method=planned_method, url=scenario.target.href, headers=wire, why=why))
    notes = []
    dropped = [n for n, _ in scenario.request.headers if _browser_set(n)]
    if dropped:
        notes.append(f"not sent, as the browser never lets script set them: {', '.join(dropped)}")
    return out, notes


def _client(timeout: float, transport: Any) -> Any:
    import httpx  # the network client: imported only when a probe (or its plan) is asked for

    return httpx.Client(verify=True, timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
                        headers={"User-Agent": USER_AGENT, "Accept": "*/*"}, transport=transport)


def _preflight_headers(fetch: Any) -> list[tuple[str, str]]:
    lines = [parse_header_line(line) for line in fetch.preflight_request[1:]]
    return [pair for pair in lines if pair is not None]


def _hop_headers(scenario: Any, request_headers: list[tuple[str, str]], url: Any, method: str, tainted: bool,
                 cookie: str | None) -> list[tuple[str, str]]:
    """The headers of one hop of the actual request: the script's, Origin when the browser sends it, the cookie."""
    headers = list(request_headers)
    if not policy_core.same_origin(scenario.page.origin, url.origin) or method not in ("GET", "HEAD") or tainted:
        headers.append(("Origin", "null" if tainted else scenario.page.origin.serialize()))
    if cookie and scenario.request.credentials == "include" and url.hostname == scenario.target.hostname:
        headers.append(("Cookie", cookie))
    return headers


def _fetch_details(report: Report) -> Any:
    verdict = report.verdict("fetch")
    assert verdict is not None and verdict.fetch is not None  # the mapping asks for fetch
    return verdict.fetch


def _browser_set(name: str) -> bool:
    lowered = name.lower()
    return lowered in BROWSER_SET_HEADERS or lowered.startswith(("sec-", "proxy-"))


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _answer(exchange: Exchange, show_secrets: bool) -> dict[str, Any]:
    headers = [[n, v if show_secrets else redact(n, v)] for n, v in exchange.response_headers]
    return {"status": exchange.status, "headers": headers}


def _resolve(host: str, port: int) -> None:
    try:
        socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ProbeError(f"cannot resolve host {host!r} ({exc.strerror or exc})") from None
    except UnicodeError:
        raise ProbeError(f"cannot resolve host {host!r} (not a valid host name)") from None


def _send(client: Any, method: str, url: str, headers: list[tuple[str, str]], timeout: float) -> Exchange:
    import httpx

    client.cookies.clear()  # no cookie jar: only what the caller gave is ever sent
    try:
        request = client.build_request(method, url, headers=headers)
        request.method = method  # as fetch() sends it: httpx would upper-case `patch`, which fetch() does not
        response = client.send(request)
    except httpx.TimeoutException:
        raise ProbeError(f"{method} {url}: no answer within {timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise ProbeError(f"{method} {url}: {_connect_problem(exc)}") from None
    except httpx.HTTPError as exc:
        raise ProbeError(f"{method} {url}: {type(exc).__name__}: {_first_line(exc)}") from None
    sent = tuple((k, v) for k, v in response.request.headers.multi_items())
    answer_headers = tuple((k, v) for k, v in response.headers.multi_items())
    response.close()
    return Exchange(method=method, url=url, request_headers=sent, status=response.status_code,
                    response_headers=answer_headers)


def _connect_problem(exc: BaseException) -> str:
    import ssl

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS error: the certificate is not trusted ({cause.verify_message or 'verify failed'})"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error: {cause.reason or _first_line(cause)}"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused (nothing listens there)"
        cause = cause.__cause__ or cause.__context__
    text = _first_line(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text:
        return f"TLS error: {text}"
    if "refused" in text.lower():
        return "connection refused (nothing listens there)"
    return f"cannot connect: {text}"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__
