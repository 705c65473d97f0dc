"""HAR files (HTTP Archive 1.1/1.2) read as scenarios: one evaluated row per cross-origin request.

Reads what Chrome/Edge DevTools, Firefox DevTools and Playwright write. The file is streamed
entry by entry (``ijson``); response bodies are never kept (each entry is reduced to its
method, URL, headers and status as soon as it is parsed). Then:

- an ``OPTIONS`` preflight (one carrying ``Access-Control-Request-Method``) is paired with the
  request it was for; a redirect hop with the request for its location (the chain becomes the
  scenario's ``[[redirects]]``);
- the page is inferred from the ``Origin`` header, else ``Referer``, else the initiator, else the
  page's own document (``pages[]``/``pageref``); the resource type from ``_resourceType``, else
  ``Sec-Fetch-Dest``, else the response's MIME type; mode and credentials from ``Sec-Fetch-Mode``,
  ``Origin`` and ``Cookie``;
- the scenario is evaluated by the engine; what a HAR cannot say (no answer, a preflight the HAR
  does not hold, a preflight with no request) makes the row ``incomplete`` with the reason: a
  verdict is never guessed.

Identical request/answer pairs are evaluated once. Cookie, Authorization and Set-Cookie values
are replaced by ``REDACTED`` before anything is built, unless the caller asks for secrets.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO, Any

import policy_core
from policy_core import Report, ScenarioError
from policy_core.fetch_rules import FORBIDDEN_REQUEST_HEADERS

HAR_VERSIONS = ("1.1", "1.2")
REDACTED = "REDACTED"
SECRET_HEADERS = frozenset({"cookie", "authorization", "proxy-authorization", "set-cookie"})

# Headers a browser's network stack adds by itself (never script): they are not the page's
# request headers and must not reach the scenario. Fetch's forbidden request-headers (the
# engine's list), the ``Sec-``/``Proxy-`` families (checked by prefix), and what the user agent,
# the HTTP cache and DevTools ("Disable cache") add. A header a script did set and that needs a
# preflight is named by the preflight's ``Access-Control-Request-Headers``, which then decides.
BROWSER_SET_HEADERS = FORBIDDEN_REQUEST_HEADERS | frozenset({
    "user-agent", "cache-control", "pragma", "priority", "upgrade-insecure-requests", "purpose",
    "x-client-data", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range",
    "range", "alt-used",
})
# The defaults a browser sends for fetch(); a script's own values here never need a preflight
# (when one is long or odd enough to need it, the preflight names it and it is kept).
DEFAULT_REQUEST_HEADERS = frozenset({"accept", "accept-language"})

# HAR's type words (DevTools ``_resourceType``, Playwright's too) -> the type shown.
_RESOURCE_TYPES = {
    "xhr": "xhr", "fetch": "fetch", "eventsource": "fetch", "image": "image", "img": "image",
    "script": "script", "font": "font", "stylesheet": "stylesheet", "document": "document",
    "media": "media", "manifest": "manifest", "websocket": "websocket", "ping": "ping",
    "texttrack": "media", "preflight": "preflight", "other": "other", "beacon": "ping",
    "csp_report": "ping", "cspviolationreport": "ping", "signedexchange": "other", "wasm": "other",
}
# Sec-Fetch-Dest -> the type shown.
_DESTINATIONS = {
    "empty": "fetch", "image": "image", "script": "script", "style": "stylesheet", "font": "font",
    "document": "navigation", "iframe": "frame", "frame": "frame", "audio": "media", "video": "media",
    "track": "media", "manifest": "manifest", "worker": "worker", "sharedworker": "worker",
    "serviceworker": "worker", "object": "other", "embed": "other", "report": "ping",
}
# The type shown -> the engine's resource type (types with no entry are not modelled).
ENGINE_RESOURCE = {
    "xhr": "fetch", "fetch": "fetch", "font": "fetch", "stylesheet": "fetch",
    "image": "image", "script": "script", "frame": "iframe",
}
# Which capability answers "did the request do what the page asked?", per engine resource.
ASKED_CAPABILITY = {"image": "display", "script": "execute", "iframe": "embed"}


class HarError(Exception):
    """The file as a whole is not a HAR this can read (one line)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HarEntry:
    """One HAR entry reduced to what the policy needs; ``problem`` is set for an unusable entry."""

    index: int
    method: str = ""
    url: str = ""
    request_headers: tuple[tuple[str, str], ...] = ()
    status: int = 0
    response_headers: tuple[tuple[str, str], ...] = ()
    redirect_url: str = ""
    pageref: str = ""
    frameref: str = ""
    resource_type: str = ""
    initiator_url: str = ""
    failure: str = ""
    mime_type: str = ""
    problem: str = ""
    # The request headers by lower-cased name (the first value of each), for the many look-ups.
    request_index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def header(self, name: str) -> str | None:
        return self.request_index.get(name)


@dataclass(frozen=True, slots=True, kw_only=True)
class HarRow:
    """One request as the page made it (preflight and redirect hops folded in) and what the engine says."""

    index: int
    url: str
    method: str
    kind: str  # the type shown: fetch, xhr, image, script, font, stylesheet, frame, navigation...
    status: str  # evaluated | incomplete | same-origin
    reason: str = ""
    page_origin: str | None = None
    resource: str | None = None  # the engine's resource type
    report: Report | None = None
    mapping: dict[str, Any] | None = None  # the scenario, in the contract's format
    asked: str | None = None  # the capability that says whether the request did what the page asked
    preflight_index: int | None = None
    redirect_indexes: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool | None:
        """Whether the request did what the page asked (None unless evaluated)."""
        if self.status != "evaluated" or self.report is None or self.resource is None or self.asked is None:
            return None
        verdict = self.report.verdict(self.resource)
        return verdict is not None and verdict.capability(self.asked)

    @property
    def verdict_word(self) -> str:
        allowed = self.allowed
        return self.status if allowed is None else ("allowed" if allowed else "blocked")

    def to_dict(self, report_dict: dict[str, Any] | None = None) -> dict[str, Any]:
        """The ``har --json`` entry: the issue's keys first, then this reader's extensions."""
        return {
            "index": self.index,
            "url": self.url,
            "method": self.method,
            "page_origin": self.page_origin,
            "resource": self.resource,
            "status": self.status,
            "reason": self.reason,
            "report": report_dict if report_dict is not None else (self.report.to_dict() if self.report else None),
            "type": self.kind,
            "verdict": None if self.allowed is None else self.verdict_word,
            "preflight_index": self.preflight_index,
            "redirect_indexes": list(self.redirect_indexes),
            "notes": list(self.notes),
        }


@dataclass(slots=True)
class HarResult:
    rows: list[HarRow] = field(default_factory=list)
    entries: int = 0
    problem: str = ""  # a file-level problem found after some entries were read (truncation)
    evaluations: int = 0  # distinct scenarios the engine evaluated (identical pairs share one)
    creator: str = ""  # log.creator.name: Playwright, Firefox, WebInspector (Chrome/Edge DevTools)...


# --- reading ------------------------------------------------------------------------------------


def read_har(path: str | os.PathLike[str], *, show_secrets: bool = False) -> HarResult:
    """Read and evaluate a HAR file. Raises HarError when it is not a HAR at all."""
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        raise HarError(f"{os.fspath(path)}: no such file") from None
    except IsADirectoryError:
        raise HarError(f"{os.fspath(path)}: is a directory, not a HAR file") from None
    except OSError as exc:
        raise HarError(f"{os.fspath(path)}: cannot be read: {exc.strerror or exc}") from None
    with handle:
        return analyse_stream(handle, label=os.fspath(path), show_secrets=show_secrets)


def analyse_stream(handle: IO[bytes], *, label: str = "HAR", show_secrets: bool = False) -> HarResult:
    if not handle.read(1).strip():
        raise HarError(f"{label}: is an empty file, not a HAR file")
    handle.seek(0)
    pages, creator = _read_header(handle, label)
    handle.seek(0)
    entries: list[HarEntry] = []
    problem = ""
    try:
        for index, raw in enumerate(_entries(handle)):
            entries.append(compact_entry(raw, index, show_secrets=show_secrets))
    except _JSONErrors() as exc:
        problem = f"{label}: the JSON breaks off or is malformed after entry {len(entries) - 1} ({_first_line(exc)}); " \
                  "the entries before it are reported" if entries else f"{label}: is not valid JSON ({_first_line(exc)})"
        if not entries:
            raise HarError(problem) from None
    result = analyse_entries(entries, pages, creator=creator)
    result.problem = problem
    return result


def _JSONErrors() -> tuple[type[BaseException], ...]:
    import ijson

    return (ijson.JSONError, ijson.IncompleteJSONError, UnicodeDecodeError, ValueError)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__


def _entries(handle: IO[bytes]) -> Iterator[Any]:
    import ijson  # the streaming JSON parser: only the har command needs it

    items: Iterator[Any] = ijson.items(handle, "log.entries.item", use_float=True)
    return items


def _read_header(handle: IO[bytes], label: str) -> tuple[dict[str, str], str]:
    """First pass, up to the entries: check it is a HAR of a version this reads; the pages' titles, the creator."""
    import ijson

    pages: dict[str, str] = {}
    creator = ""
    version: Any = None
    seen_log = seen_entries = False
    current_page: dict[str, Any] = {}
    try:
        events = ijson.parse(handle, use_float=True)
        prefix, event, value = next(events, ("", "eof", None))
        if event != "start_map":
            raise HarError(f"{label}: is not a HAR file (expected a JSON object with a \"log\", got {_event_word(event)})")
        for prefix, event, value in events:
            if prefix == "log" and event == "start_map":
                seen_log = True
            elif prefix == "log.version":
                version = value
            elif prefix == "log.creator.name" and isinstance(value, str):
                creator = value
            elif prefix == "log.entries" and event == "start_array":
                seen_entries = True
                break
            elif prefix == "log.pages.item" and event == "start_map":
                current_page = {}
            elif prefix in ("log.pages.item.id", "log.pages.item.title") and isinstance(value, str):
                current_page[prefix.rsplit(".", 1)[1]] = value
            elif prefix == "log.pages.item" and event == "end_map" and "id" in current_page:
                pages[current_page["id"]] = current_page.get("title", "")
    except _JSONErrors() as exc:
        raise HarError(f"{label}: is not valid JSON ({_first_line(exc)})") from None
    if not seen_log:
        raise HarError(f"{label}: is not a HAR file (no \"log\" object)")
    if version is not None and str(version) not in HAR_VERSIONS:
        raise HarError(f"{label}: log.version is {str(version)[:40]!r}; this reads HAR 1.1 and 1.2")
    if not seen_entries:
        raise HarError(f"{label}: is not a HAR file (no log.entries list before the end)")
    return pages, creator


def _event_word(event: str) -> str:
    return {"start_array": "a list", "eof": "an empty file", "string": "a string", "number": "a number"}.get(event, event)


def compact_entry(raw: Any, index: int, *, show_secrets: bool = False) -> HarEntry:
    """Reduce one raw entry (its bodies dropped); an unusable one keeps only ``problem``."""
    if not isinstance(raw, dict):
        return HarEntry(index=index, problem="entry is not a JSON object")
    request, response = raw.get("request"), raw.get("response")
    if not isinstance(request, dict):
        return HarEntry(index=index, problem="request is missing")
    method, url = request.get("method"), request.get("url")
    if not isinstance(method, str) or not method:
        return HarEntry(index=index, problem="request.method is missing")
    if not isinstance(url, str) or not url:
        return HarEntry(index=index, method=method, problem="request.url is missing")
    if not isinstance(response, dict):
        response = {}
    try:
        request_headers = _headers(request.get("headers"), show_secrets)
        response_headers = _headers(response.get("headers"), show_secrets)
    except ValueError as exc:
        return HarEntry(index=index, method=method, url=url, problem=str(exc))
    status = _status(response.get("status"))
    if status is None:
        return HarEntry(index=index, method=method, url=url, problem="response.status is not an HTTP status code")
    initiator = raw.get("_initiator")
    content = response.get("content")
    return HarEntry(
        index=index,
        method=method,
        url=url,
        request_headers=request_headers,
        request_index=_index(request_headers),
        status=status,
        response_headers=response_headers,
        redirect_url=_text(response.get("redirectURL")),
        pageref=_text(raw.get("pageref")),
        frameref=_text(raw.get("_frameref")),
        resource_type=_text(raw.get("_resourceType")).lower(),
        initiator_url=_text(initiator.get("url")) if isinstance(initiator, dict) and initiator.get("type") == "parser" else "",
        failure=_text(response.get("_failureText") or response.get("_error") or raw.get("_error")),
        mime_type=_text(content.get("mimeType")) if isinstance(content, dict) else "",
    )


def _status(value: Any) -> int | None:
    """The response status; 0 for "no answer" (0, -1, absent); None for a value that is no status."""
    if value is None or isinstance(value, bool):
        return 0 if value is None else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int):
        return None
    if value <= 0:
        return 0 if value >= -1 else None
    return value if 100 <= value <= 599 else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _headers(value: Any, show_secrets: bool) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("headers is not a list")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("value"), str):
            raise ValueError("a header is not a {name, value} object")
        name, text = item["name"], item["value"]
        if name.startswith(":"):  # HTTP/2 pseudo-headers (:method, :authority...) in Chrome's HARs
            continue
        if not show_secrets and name.lower() in SECRET_HEADERS:
            text = redact(name, text)
        out.append((name, text))
    return tuple(out)


def redact(name: str, value: str) -> str:
    """The header value with its secret replaced: a Set-Cookie keeps its attributes, a cookie list its names."""
    lowered = name.lower()
    if lowered == "set-cookie":
        pair, sep, attributes = value.partition(";")
        cookie_name = pair.split("=", 1)[0]
        return f"{cookie_name}={REDACTED}{sep}{attributes}"
    if lowered == "cookie":
        return "; ".join(f"{part.split('=', 1)[0].strip()}={REDACTED}" for part in value.split(";") if part.strip())
    if lowered in ("authorization", "proxy-authorization"):
        scheme = value.split(" ", 1)[0] if " " in value else ""
        return f"{scheme} {REDACTED}".strip()
    return value


def _index(headers: tuple[tuple[str, str], ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for name, value in headers:
        index.setdefault(name.lower(), value)
    return index


def _get(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


# --- pairing and evaluation ---------------------------------------------------------------------


def is_preflight(entry: HarEntry) -> bool:
    return entry.method.upper() == "OPTIONS" and (
        entry.header("access-control-request-method") is not None or entry.resource_type == "preflight"
    )


def analyse_entries(entries: list[HarEntry], pages: dict[str, str] | None = None, *, creator: str = "") -> HarResult:
    """Pair preflights and redirect hops, infer pages, evaluate: the rows, in HAR order."""
    pages = pages or {}
    result = HarResult(entries=len(entries), creator=creator)
    preflight_for: dict[int, HarEntry] = {}
    paired: set[int] = set()
    continuation: set[int] = set()
    next_hop: dict[int, int] = {}

    # Preflights by (URL, method asked, Origin): each request takes the first one not yet taken,
    # before or after it (Firefox lists a preflight after the request it was for).
    preflights: dict[tuple[str, str, str], list[HarEntry]] = {}
    for entry in entries:
        if not entry.problem and is_preflight(entry):
            asked = (entry.header("access-control-request-method") or "").upper()
            preflights.setdefault((entry.url, asked, entry.header("origin") or ""), []).append(entry)
    # Redirect hops wait, by location, for the first later request for it.
    hops: dict[str, list[int]] = {}
    for entry in entries:
        if entry.problem or is_preflight(entry):
            continue
        queue = preflights.get((entry.url, entry.method.upper(), entry.header("origin") or ""))
        if queue:
            preflight = queue.pop(0)
            preflight_for[entry.index] = preflight
            paired.add(preflight.index)
        waiting_hops = hops.get(entry.url)
        if waiting_hops:
            previous = waiting_hops.pop(0)
            next_hop[previous] = entry.index
            continuation.add(entry.index)
        location = _location(entry)
        if location:
            hops.setdefault(location, []).append(entry.index)

    documents = _page_documents(entries, next_hop)
    cache: dict[tuple[Any, ...], tuple[Report | None, str]] = {}
    by_index = {entry.index: entry for entry in entries}
    for entry in entries:
        if entry.problem:
            result.rows.append(HarRow(index=entry.index, url=entry.url, method=entry.method, kind="unknown",
                                      status="incomplete", reason=f"not a usable HAR entry: {entry.problem}"))
            continue
        if entry.index in continuation:
            continue
        if is_preflight(entry):
            if entry.index not in paired:
                result.rows.append(_orphan_preflight(entry))
            continue
        chain = [entry]
        while chain[-1].index in next_hop and len(chain) <= 21:
            chain.append(by_index[next_hop[chain[-1].index]])
        result.rows.append(_row(chain, preflight_for.get(entry.index), documents, pages, cache, result))
    return result


def _location(entry: HarEntry) -> str:
    if entry.status not in (301, 302, 303, 307, 308):
        return ""
    location = entry.redirect_url or _get(entry.response_headers, "location") or ""
    if not location:
        return ""
    try:
        return policy_core.parse_url(location, base=entry.url).href
    except ScenarioError:
        return ""


def _page_documents(entries: list[HarEntry], next_hop: dict[int, int]) -> dict[str, HarEntry]:
    """Each page's own document: the first document of its pageref, after its redirects."""
    by_index = {entry.index: entry for entry in entries}
    out: dict[str, HarEntry] = {}
    for entry in entries:
        if entry.problem or not entry.pageref or entry.pageref in out:
            continue
        if _shown_type(entry, None) in ("document", "navigation") or (not entry.resource_type and _is_document(entry)):
            final = entry
            while final.index in next_hop:
                final = by_index[next_hop[final.index]]
            out[entry.pageref] = final
    return out


def _is_document(entry: HarEntry) -> bool:
    dest = (entry.header("sec-fetch-dest") or "").lower()
    return dest == "document" or (not dest and entry.mime_type.startswith("text/html"))


def _shown_type(entry: HarEntry, page_document: HarEntry | None) -> str:
    """The request's type, from the HAR's own word, else Sec-Fetch-Dest, else the answer's MIME type."""
    kind = _RESOURCE_TYPES.get(entry.resource_type, "")
    dest = (entry.header("sec-fetch-dest") or "").lower()
    if kind == "document" or (not kind and dest in ("document", "iframe", "frame")):
        if dest in ("iframe", "frame"):
            return "frame"
        if dest == "document":
            return "navigation"
        if page_document is None:
            return "document"
        same_frame = not entry.frameref or not page_document.frameref or entry.frameref == page_document.frameref
        return "navigation" if same_frame and entry.index <= page_document.index else "frame"
    if kind:
        return kind
    if dest in _DESTINATIONS:
        return _DESTINATIONS[dest]
    mime = entry.mime_type.split(";")[0].strip().lower()
    if mime.startswith("image/"):
        return "image"
    if "javascript" in mime or mime == "text/ecmascript":
        return "script"
    if mime == "text/css":
        return "stylesheet"
    if mime.startswith("font/") or mime in ("application/font-woff", "application/x-font-woff"):
        return "font"
    if entry.header("origin") is not None:
        return "fetch"  # only CORS-mode requests and non-GET requests carry Origin
    if mime in ("text/html", "application/xhtml+xml"):
        # A document with no Origin header: the page's own, else one loaded in a frame.
        return "navigation" if page_document is not None and entry.index == page_document.index else "frame"
    return "other"


def _page_url(entry: HarEntry, document: HarEntry | None, pages: dict[str, str]) -> tuple[str | None, bool]:
    """The page's URL, and whether its origin is opaque (``Origin: null``)."""
    origin = entry.header("origin")
    candidates = [entry.header("referer"), entry.initiator_url, document.url if document else None,
                  pages.get(entry.pageref)]
    urls = [c for c in candidates if c and c.startswith(("http://", "https://"))]
    if origin and origin != "null":
        for url in urls:  # a URL of the same origin says more than the bare origin
            if _origin_text(url) == origin:
                return url, False
        return origin.rstrip("/") + "/", False
    return (urls[0] if urls else None), origin == "null"


def _origin_text(url: str) -> str | None:
    try:
        return policy_core.parse_url(url).origin.serialize()
    except ScenarioError:
        return None


def _orphan_preflight(entry: HarEntry) -> HarRow:
    asked = entry.header("access-control-request-method") or "?"
    return HarRow(
        index=entry.index, url=entry.url, method="OPTIONS", kind="preflight", status="incomplete",
        page_origin=entry.header("origin"),
        reason=f"a preflight with no request: the HAR holds no {asked} request for this URL after it "
        "(the preflight failed, so the browser never sent it, or the request is missing from the HAR)",
    )


def _row(chain: list[HarEntry], preflight: HarEntry | None, documents: dict[str, HarEntry],
         pages: dict[str, str], cache: dict[tuple[Any, ...], tuple[Report | None, str]], result: HarResult) -> HarRow:
    first, last = chain[0], chain[-1]
    document = documents.get(first.pageref)
    kind = _shown_type(first, document)
    row = HarRow(index=first.index, url=first.url, method=first.method, kind=kind, status="incomplete",
                 preflight_index=preflight.index if preflight else None,
                 redirect_indexes=tuple(e.index for e in chain[1:]))
    if not first.url.startswith(("http://", "https://")):
        scheme = first.url.split(":", 1)[0][:20]
        return replace(row, reason=f"a {scheme}: URL: not an HTTP request the same-origin policy checks here")
    if kind == "navigation":
        return replace(row, status="same-origin", page_origin=_origin_text(last.url),
                       reason="a top-level navigation: this document is the page")
    page_url, opaque = _page_url(first, document, pages)
    if page_url is None:
        return replace(row, reason="the page is unknown: no Origin or Referer header, and no page document in the HAR")
    page_origin = "null" if opaque else _origin_text(page_url)
    row = replace(row, page_origin=page_origin)
    if not opaque and all(_origin_text(e.url) == page_origin for e in chain):
        return replace(row, status="same-origin", reason="same origin as the page")
    resource = ENGINE_RESOURCE.get(kind)
    if resource is None:
        return replace(row, reason=f"a request of type {kind}: the engine does not model this kind of request yet")
    mapping, asked, notes = build_mapping(chain, preflight, page_url, opaque, kind, resource)
    row = replace(row, resource=resource, mapping=mapping, asked=asked, notes=notes)

    answered = last.status > 0
    key = (repr(mapping), answered, preflight is not None and preflight.status > 0)
    cached = cache.get(key)
    if cached is None:
        cached = _evaluate(mapping, resource, answered, preflight, chain, result.creator)
        cache[key] = cached
        result.evaluations += 1
    report, problem = cached
    if report is None or problem:
        return replace(row, reason=problem + _failure_note(last))
    return replace(row, status="evaluated", report=report)


def _failure_note(entry: HarEntry) -> str:
    return f" (the browser's error: {entry.failure})" if entry.failure else ""


def _evaluate(mapping: dict[str, Any], resource: str, answered: bool, preflight: HarEntry | None,
              chain: list[HarEntry], creator: str = "") -> tuple[Report | None, str]:
    """Evaluate; say what makes the verdict unknowable from this HAR (then it is not a verdict)."""
    try:
        report = policy_core.evaluate(policy_core.load_scenario(mapping))
    except ScenarioError as error:
        return None, f"the HAR's values do not make a scenario: {error}"
    verdict = report.verdict(resource)
    fetch = verdict.fetch if verdict is not None else None
    needs_preflight = fetch is not None and fetch.preflight
    if needs_preflight and preflight is None:
        asked = ", ".join(filter(None, [fetch.preflight_method if fetch else None, *(fetch.preflight_headers if fetch else ())]))
        why = ("Playwright's HARs leave preflights out" if creator.lower() == "playwright"
               else "answered from the browser's preflight cache, or left out of the HAR")
        return None, f"needs a preflight ({asked}), which this HAR does not hold ({why})"
    if needs_preflight and preflight is not None and preflight.status <= 0:
        return None, "the preflight has no answer in the HAR (status 0)"
    if needs_preflight and verdict is not None and not verdict.capability("send"):
        return report, ""  # the preflight's answer alone decides: the request was never sent
    if not answered:
        hop = " after its redirects" if len(chain) > 1 else ""
        return None, f"no answer recorded{hop} (status {chain[-1].status}): the browser failed or blocked it before " \
                     "the HAR saw the response; `origin-playground probe` shows what the server answers"
    if not chain[-1].response_headers:
        return None, "the response's headers are missing from the HAR (stripped?)"
    if _location(chain[-1]):
        return None, f"the redirect to {_location(chain[-1])} has no request in the HAR"
    return report, ""


def build_mapping(chain: list[HarEntry], preflight: HarEntry | None, page_url: str, opaque: bool, kind: str,
                  resource: str) -> tuple[dict[str, Any], str, tuple[str, ...]]:
    """The scenario for a request chain, in the contract's format; the asked capability; notes."""
    first, last = chain[0], chain[-1]
    notes: list[str] = []
    mapping: dict[str, Any] = {"version": 1, "page": page_url, "target": first.url, "resources": [resource]}
    if opaque:
        mapping["page_sandboxed"] = True
    cors = _is_cors(first)
    credentialed = first.header("cookie") is not None
    request: dict[str, Any] = {}
    if resource == "fetch":
        if first.method != "GET":
            request["method"] = first.method
        mode = (first.header("sec-fetch-mode") or ("cors" if cors else "no-cors")).lower()
        if mode not in ("cors", "no-cors", "same-origin"):
            mode = "cors"
        if mode != "cors":
            request["mode"] = mode
        if credentialed:
            request["credentials"] = "include"
        headers = _author_headers(first, preflight)
        if headers:
            request["headers"] = headers
        if kind in ("font", "stylesheet"):
            notes.append(f"a {kind} is checked as a CORS fetch (the same CORS check; Chrome's line names '{kind}')")
        asked = "read" if mode == "cors" else "send"
    else:
        if resource in ("image", "script") and cors:
            request["crossorigin"] = "use-credentials" if credentialed else "anonymous"
        asked = ASKED_CAPABILITY[resource]
    if request:
        mapping["request"] = request
    if preflight is not None and preflight.status > 0:
        mapping["preflight"] = {"status": preflight.status, "headers": [list(h) for h in preflight.response_headers]}
    if len(chain) > 1:
        mapping["redirects"] = [
            {"status": hop.status, "location": _location(hop) or hop.redirect_url, "headers": [list(h) for h in hop.response_headers]}
            for hop in chain[:-1]
        ]
    if last.status >= 100:
        mapping["response"] = {"status": min(last.status, 599), "headers": [list(h) for h in last.response_headers]}
    return mapping, asked, tuple(notes)


def _is_cors(entry: HarEntry) -> bool:
    mode = entry.header("sec-fetch-mode")
    if mode is not None:
        return mode.lower() == "cors"
    return entry.header("origin") is not None  # without Sec-Fetch-Mode: a CORS request always sends Origin


def _author_headers(entry: HarEntry, preflight: HarEntry | None) -> list[list[str]]:
    """The request headers script set: the preflight names the unsafe ones; browser-added ones are left out."""
    named: set[str] | None = None
    if preflight is not None:
        listed = preflight.header("access-control-request-headers") or ""
        named = {name.strip().lower() for name in listed.split(",") if name.strip()}
    out = []
    for name, value in entry.request_headers:
        lowered = name.lower()
        if named is not None and lowered in named:
            out.append([name, value])
        elif lowered in BROWSER_SET_HEADERS or lowered.startswith(("sec-", "proxy-")) or lowered in DEFAULT_REQUEST_HEADERS:
            continue
        elif named is None or lowered in ("content-type", "content-language"):
            out.append([name, value])
    return out
