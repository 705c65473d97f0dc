"""Transitional: the engine's current sentences, read off the engine until its catalogue has them.

While the engine's area modules (messages/cors.py, documents.py, subresources.py) do not yet
register the sentences it prints, explain reads them off the engine instead of retyping them:
the CORS check's reasons off ``cors.cors_check``, everything else off ``evaluate`` run on small
scenarios with sentinel values, which are then turned back into ``{field}`` templates.
``patterns.wordings()`` uses these only for a key (and browser) the catalogue lacks; when every
key below is registered, this module can be deleted.
"""

from __future__ import annotations

from typing import Any

from ..cors import ACAC, ACAO, CorsCheck, cors_check
from ..evaluate import evaluate
from ..loader import load_scenario
from ..messages import CHROME, FIREFOX, SAFARI, Wording
from ..messages.codes import Failure as F
from . import patterns as p

# Sentinels: values no real sentence contains, replaced by {field} afterwards (RFC 2606 .invalid).
PAGE = "https://page.sentinel.invalid"
TARGET_ORIGIN = "https://target.sentinel.invalid"
TARGET = TARGET_ORIGIN + "/r"
NEXT = "https://next.sentinel.invalid/"
CHECK_ORIGIN = "https://origin.sentinel.invalid"
VALUE = "value-sentinel"
VALUE_URL = "https://value.sentinel.invalid"
TOKEN = "XSENT;"
METHOD = "XSENT"
HEADER = "x-sentinel"
STATUS = "271"
API = "Fetch API"  # Safari's name for fetch() in its "… cannot load" line
KIND = "fetch"  # Chrome's resource word for fetch()

Pairs = list[tuple[str, Wording]]


class DerivationError(RuntimeError):
    """The engine no longer prints what explain expects: fix the derivation (or register the message)."""


def _template(text: str | None, fields: dict[str, str], what: str) -> str:
    """The engine's sentence as a template: each sentinel value becomes its ``{field}``."""
    if not text:
        raise DerivationError(f"the engine printed nothing for {what}")
    text = text.replace("{", "{{").replace("}", "}}")
    for value in sorted(fields, key=len, reverse=True):
        if value not in text:
            raise DerivationError(f"{what}: {value!r} not in {text!r}")
        text = text.replace(value, "{" + fields[value] + "}")
    return text


def _w(browser: str, text: str) -> Wording:
    return Wording(browser=browser, text=text)


def _check(headers: tuple[tuple[str, str], ...], credentials: bool, kind: str = "image") -> CorsCheck:
    return cors_check(headers, CHECK_ORIGIN, credentials, kind=kind)


def _from_cors_check() -> Pairs:
    """The CORS check's reasons (without Chrome's suffixes), and the suffixes themselves."""
    origin = {CHECK_ORIGIN: "origin"}
    both = f"{VALUE_URL}, {VALUE_URL}"
    missing = _check((), False)
    wildcard = _check(((ACAO, "*"),), True)
    multiple = _check(((ACAO, both),), False)
    lines = _check(((ACAO, CHECK_ORIGIN), (ACAO, CHECK_ORIGIN)), False)  # Firefox counts header lines
    invalid = _check(((ACAO, VALUE),), False)
    mismatch = _check(((ACAO, VALUE_URL),), False)
    credentials = _check(((ACAO, CHECK_ORIGIN), (ACAC, VALUE)), True)
    out: Pairs = [
        (F.MISSING_ALLOW_ORIGIN, _w(CHROME, _template(missing.chrome_reason, {}, "missing"))),
        (F.MISSING_ALLOW_ORIGIN, _w(FIREFOX, _template(missing.firefox_reason, {}, "missing"))),
        (F.ORIGIN_NOT_ALLOWED, _w(SAFARI, _template(missing.safari_reason, origin, "missing"))),
        (F.WILDCARD_WITH_CREDENTIALS, _w(CHROME, _template(wildcard.chrome_reason, {}, "wildcard"))),
        (F.WILDCARD_WITH_CREDENTIALS, _w(FIREFOX, _template(wildcard.firefox_reason, {}, "wildcard"))),
        (F.WILDCARD_WITH_CREDENTIALS, _w(SAFARI, _template(wildcard.safari_reason, {}, "wildcard"))),
        (F.MULTIPLE_ALLOW_ORIGIN, _w(CHROME, _template(multiple.chrome_reason, {both: "value"}, "multiple"))),
        (F.MULTIPLE_ALLOW_ORIGIN, _w(FIREFOX, _template(lines.firefox_reason, {}, "two lines"))),
        (F.MULTIPLE_ALLOW_ORIGIN, _w(SAFARI, _template(multiple.safari_reason, {}, "multiple"))),
        (F.INVALID_ALLOW_ORIGIN, _w(CHROME, _template(invalid.chrome_reason, {VALUE: "value"}, "invalid"))),
        (
            F.ALLOW_ORIGIN_MISMATCH,
            _w(CHROME, _template(mismatch.chrome_reason, {VALUE_URL: "value"}, "mismatch")),
        ),
        (
            F.ALLOW_ORIGIN_MISMATCH,
            _w(FIREFOX, _template(mismatch.firefox_reason, {VALUE_URL: "value"}, "mismatch")),
        ),
    ]
    for browser in (CHROME, FIREFOX, SAFARI):
        reason = getattr(credentials, f"{browser}_reason")
        fields = {VALUE: "value"} if browser == CHROME else {}
        out.append((F.INVALID_ALLOW_CREDENTIALS, _w(browser, _template(reason, fields, "credentials"))))
    fetch = _check(((ACAO, VALUE),), False, kind="fetch").chrome_reason or ""
    xhr = _check(((ACAO, "*"),), True, kind="XMLHttpRequest").chrome_reason or ""
    out.append((p.SUFFIX_FETCH, _w(CHROME, fetch.removeprefix(invalid.chrome_reason or "").strip())))
    out.append((p.SUFFIX_XHR, _w(CHROME, xhr.removeprefix(wildcard.chrome_reason or "").strip())))
    return out


def _console(resource: str, **scenario: Any) -> Any:
    mapping: dict[str, Any] = {"version": 1, "page": PAGE + "/", "target": TARGET, "resources": [resource]}
    mapping.update(scenario)
    verdict = evaluate(load_scenario(mapping)).verdict(resource)
    if verdict is None:
        raise DerivationError(f"no {resource} verdict")
    return verdict.console


def _preflight(status: int = 204, *headers: tuple[str, str]) -> dict[str, Any]:
    return {"status": status, "headers": [[ACAO, PAGE], *map(list, headers)]}


def _frames(reasons: Pairs) -> tuple[Pairs, dict[str, list[p.Compiled]]]:
    """The sentences around a CORS reason, from a fetch() whose response lacks the header."""
    chrome_reason = next(w.text for k, w in reasons if k == F.MISSING_ALLOW_ORIGIN and w.browser == CHROME)
    firefox_reason = next(w.text for k, w in reasons if k == F.MISSING_ALLOW_ORIGIN and w.browser == FIREFOX)
    plain_reason = next(w.text for k, w in reasons if k == F.MULTIPLE_ALLOW_ORIGIN and w.browser == FIREFOX)
    wildcard_reasons = {w.browser: w.text for k, w in reasons if k == F.WILDCARD_WITH_CREDENTIALS}
    frame = {TARGET: "url", PAGE: "origin"}
    missing = _console("fetch", response={"status": int(STATUS), "headers": []})
    chrome = _template(missing.chrome, {**frame, chrome_reason: "reason"}, "Chrome's frame")
    chrome = chrome.replace(KIND, "{kind}", 1)
    redirected = _console("fetch", redirects=[{"status": 302, "location": NEXT, "headers": [[ACAO, PAGE]]}])
    chrome_redirected = _template(
        redirected.chrome,
        {NEXT: "url", TARGET: "initial_url", PAGE: "origin", chrome_reason: "reason"},
        "redirect",
    ).replace(KIND, "{kind}", 1)
    lines = _console("fetch", response={"status": 200, "headers": [[ACAO, PAGE], [ACAO, PAGE]]})
    firefox_plain = _template(lines.firefox, {TARGET: "url", plain_reason: "reason"}, "Firefox's frame")
    firefox_status = _template(
        missing.firefox, {TARGET: "url", firefox_reason: "reason", STATUS: "status"}, "status"
    )
    if not firefox_status.startswith(firefox_plain):
        raise DerivationError(f"Firefox's status sentence does not follow its frame: {firefox_status!r}")
    credentialed = _console(
        "fetch", request={"credentials": "include"}, response={"status": 200, "headers": [[ACAO, "*"]]}
    )
    firefox_quoted = _template(
        credentialed.firefox, {TARGET: "url", wildcard_reasons[FIREFOX]: "reason"}, "quoted"
    )
    safari = _template(
        credentialed.safari, {TARGET: "url", wildcard_reasons[SAFARI]: "reason", API: "api"}, "Safari"
    )
    preflight = _console("fetch", request={"method": "PUT"}, preflight={"status": 204, "headers": []})
    out: Pairs = [
        (p.FRAME, _w(CHROME, chrome)),
        (p.FRAME_REDIRECTED, _w(CHROME, chrome_redirected)),
        (p.FRAME, _w(FIREFOX, firefox_plain)),
        (p.FRAME, _w(FIREFOX, firefox_quoted)),
        (p.FRAME_STATUS, _w(FIREFOX, firefox_status[len(firefox_plain) :].strip())),
        (p.FRAME, _w(SAFARI, safari)),
    ]
    frames = {
        CHROME: [p.compiled(p.FRAME, _w(CHROME, chrome))],
        FIREFOX: [p.compiled(p.FRAME, _w(FIREFOX, text)) for text in (firefox_status, firefox_plain)],
        SAFARI: [p.compiled(p.FRAME, _w(SAFARI, safari))],
    }
    prefixed = _reason(frames, CHROME, preflight.chrome)
    out.append((p.FRAME_PREFLIGHT, _w(CHROME, prefixed.removesuffix(chrome_reason).strip())))
    return out, frames


def _reason(frames: dict[str, list[p.Compiled]], browser: str, text: str | None) -> str:
    """The reason inside one of the engine's messages (its frame's {reason} field)."""
    for frame in frames[browser]:
        match = frame.regex.fullmatch(_one_line(text))
        if match is not None:
            return match.group("reason")
    raise DerivationError(f"not a {browser} CORS message: {text!r}")


def _warning(frames: dict[str, list[p.Compiled]], text: str | None) -> Pairs:
    """Firefox's warning frame: it reads like its blocked frame, with the reason in the same brackets."""
    before, _, after = frames[FIREFOX][-1].wording.text.partition("{reason}")
    opening = before[before.rindex("(") :]
    text = _one_line(text)
    cut = text.find(opening)
    if cut < 0 or not text.endswith(after):
        raise DerivationError(f"not Firefox's warning frame: {text!r}")
    start = cut + len(opening)
    reason = text[start : len(text) - len(after)]
    frame = _template(text[:start], {TARGET: "url"}, "Firefox's warning") + "{reason}" + after
    return [(p.FRAME_WARNING, _w(FIREFOX, frame)), (F.AUTHORIZATION_WILDCARD, _w(FIREFOX, reason))]


def _from_fetch(frames: dict[str, list[p.Compiled]], prefix: str) -> Pairs:
    """The fetch and preflight reasons the engine prints outside the CORS check."""
    out: Pairs = []

    def add(code: str, console: Any, fields: dict[str, str], *browsers: str) -> None:
        for browser in browsers:
            reason = _reason(frames, browser, getattr(console, browser))
            if browser == CHROME:
                reason = reason.removeprefix(prefix).strip()
            out.append((code, _w(browser, _template(reason, fields, f"{code} ({browser})"))))

    put = {"method": "PUT"}
    allow = ("Access-Control-Allow-Methods", "PUT")
    add(F.DISALLOWED_BY_MODE, _console("fetch", request={"mode": "same-origin"}), {}, CHROME)
    schemes = _console("fetch", target="file:///sentinel/data.json")
    listed = (
        _reason(frames, CHROME, schemes.chrome).rpartition(": ")[2].rstrip(".")
    )  # Chrome lists its schemes
    add(F.SCHEME_NOT_SUPPORTED, schemes, {listed: "schemes"}, CHROME)
    add(F.SCHEME_NOT_SUPPORTED, schemes, {}, FIREFOX)
    status = _console("fetch", request=put, preflight=_preflight(404))
    add(F.PREFLIGHT_INVALID_STATUS, status, {}, CHROME, FIREFOX, SAFARI)
    redirect = _console("fetch", request=put, preflight=_preflight(302))
    add(F.PREFLIGHT_DISALLOWED_REDIRECT, redirect, {}, CHROME, FIREFOX)
    methods = _console(
        "fetch", request=put, preflight=_preflight(204, ("Access-Control-Allow-Methods", TOKEN))
    )
    add(F.INVALID_ALLOW_METHODS, methods, {}, CHROME)  # Chrome does not quote the token
    add(F.INVALID_ALLOW_METHODS, methods, {TOKEN: "token"}, FIREFOX)
    headers = _console(
        "fetch",
        request={"method": "PUT", "headers": [[HEADER, "1"]]},
        preflight=_preflight(204, allow, ("Access-Control-Allow-Headers", TOKEN)),
    )
    add(F.INVALID_ALLOW_HEADERS, headers, {}, CHROME)
    add(F.INVALID_ALLOW_HEADERS, headers, {TOKEN: "token"}, FIREFOX)
    method = _console("fetch", request={"method": METHOD}, preflight=_preflight())
    add(F.METHOD_NOT_ALLOWED, method, {METHOD: "method"}, CHROME, SAFARI)
    add(F.METHOD_NOT_ALLOWED, method, {}, FIREFOX)  # Firefox does not name the method
    header = _console("fetch", request={"headers": [[HEADER, "1"]]}, preflight=_preflight())
    add(F.HEADER_NOT_ALLOWED, header, {HEADER: "header"}, CHROME, FIREFOX, SAFARI)
    location = "https://u:p@next.sentinel.invalid/"
    redirect = _console("fetch", redirects=[{"status": 302, "location": location, "headers": [[ACAO, PAGE]]}])
    add(F.REDIRECT_CONTAINS_CREDENTIALS, redirect, {location: "location"}, CHROME)
    private = _console("fetch", page="http://page.sentinel.invalid/", target="http://192.168.1.20/x")
    add(F.INSECURE_PRIVATE_NETWORK, private, {"local": "space"}, CHROME)
    wildcard = _console(
        "fetch",
        request={"headers": [["authorization", "1"]]},
        preflight=_preflight(204, ("Access-Control-Allow-Headers", "*")),
        response={"status": 200, "headers": [[ACAO, PAGE]]},
    )
    out.append((F.AUTHORIZATION_WILDCARD, _w(CHROME, _first_line(wildcard.chrome))))  # a warning, not framed
    out += _warning(frames, wildcard.firefox)
    return out


def _one_line(text: str | None) -> str:
    """Line breaks as spaces, as the compiled frames read them; the quotes stay the browser's own."""
    return " ".join((text or "").split())


def _first_line(text: str | None) -> str:
    if not text:
        raise DerivationError("the engine printed nothing")
    return text.splitlines()[0]


def _outside_fetch() -> Pairs:
    """DOM access, framing, canvas and CORP: sentences the engine prints without a frame."""
    dom = _console("dom")
    out: Pairs = [
        (F.CROSS_ORIGIN_FRAME_ACCESS, _w(CHROME, _template(dom.chrome, {PAGE: "origin"}, "dom"))),
        (F.CROSS_ORIGIN_FRAME_ACCESS, _w(FIREFOX, _template(dom.firefox, {"document": "property"}, "dom"))),
        (
            F.CROSS_ORIGIN_FRAME_ACCESS,
            _w(SAFARI, _template(dom.safari, {PAGE: "origin", TARGET_ORIGIN: "url"}, "dom")),
        ),
    ]
    page = TARGET_ORIGIN + "/"

    def frame(code: str, value: str, *headers: tuple[str, str]) -> None:
        console = _console(
            "iframe", target=page, response={"status": 200, "headers": [list(h) for h in headers]}
        )
        out.append(
            (code, _w(CHROME, _template(_first_line(console.chrome), {page: "url", value: "value"}, code)))
        )

    frame(F.X_FRAME_OPTIONS, "deny", ("X-Frame-Options", "DENY"))
    frame(
        F.X_FRAME_OPTIONS_CONFLICT,
        "DENY, SAMEORIGIN",
        ("X-Frame-Options", "DENY"),
        ("X-Frame-Options", "SAMEORIGIN"),
    )
    allow_from = "ALLOW-FROM " + VALUE_URL
    frame(F.X_FRAME_OPTIONS_INVALID, allow_from, ("X-Frame-Options", allow_from))
    frame(F.FRAME_ANCESTORS, "frame-ancestors 'none'", ("Content-Security-Policy", "frame-ancestors 'none'"))
    canvas = _console("image", expect={"image.read_pixels": False})
    names = {"getImageData": "operation", "CanvasRenderingContext2D": "interface"}
    out.append((F.CANVAS_TAINTED, _w(CHROME, _template(canvas.chrome, names, "canvas"))))
    out.append((F.CANVAS_TAINTED, _w(FIREFOX, _template(canvas.firefox, {}, "canvas"))))
    out.append((F.CANVAS_TAINTED, _w(SAFARI, _template(canvas.safari, {}, "canvas"))))
    corp = _console(
        "image", response={"status": 200, "headers": [["Cross-Origin-Resource-Policy", "same-origin"]]}
    )
    out.append((F.CORP_BLOCKED, _w(SAFARI, _template(corp.safari, {TARGET: "url"}, "CORP"))))
    return out


def derived_wordings(problems: list[str] | None = None) -> Pairs:
    """Every current sentence explain reads off the engine, as (key, Wording).

    A group the engine no longer prints as expected is left out (explain then recognises less, but
    still imports); its problem is added to ``problems`` (a test asserts there are none).
    """
    out: Pairs = []
    try:
        out += _from_cors_check()
        frame_pairs, frames = _frames(out)
        out += frame_pairs
        prefix = next(w.text for k, w in frame_pairs if k == p.FRAME_PREFLIGHT)
        out += _from_fetch(frames, prefix)
    except DerivationError as error:
        _note(problems, error)
    try:
        out += _outside_fetch()
    except DerivationError as error:
        _note(problems, error)
    return out


def _note(problems: list[str] | None, error: DerivationError) -> None:
    if problems is not None:
        problems.append(str(error))
