"""An example of every wording recognised, rendered from the same templates: the "here is what I know" list."""

from __future__ import annotations

from functools import cache

from ..messages import CHROME, CURRENT, FIREFOX, SAFARI, Wording
from ..messages.codes import Failure as F
from . import patterns as p
from .reasons import CORS_CHECK_FAILURES, REASONS
from .tables import CHROME_PREFLIGHT, framed, suffix_follows, tables

URL = "https://api.example.com/v1/items"
ORIGIN = "https://app.example.com"
# Sample values by field name, then by failure where the rebuilt scenario needs a telling value.
SAMPLE = {
    "url": URL,
    "origin": ORIGIN,
    "kind": "fetch",
    "api": "Fetch API",
    "status": "404",
    "space": "local",
    "target": "private",
    "value": "https://app.example.com/",
    "method": "PUT",
    "header": "x-api-key",
    "token": "PUT;",
    "location": "https://user:pass@api.example.com/v1/items",
    "operation": "getImageData",
    "interface": "CanvasRenderingContext2D",
    "property": "host",
    "disposition": "deny",
    "directive": "frame-ancestors 'none'",
    "mime": "text/html",
    "error": "NotSameOrigin",
    "page": "https://app.example.com/",
    "what": "image",
    "schemes": "chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app",
    "scheme": "http",
    "target_scheme": "https",
    "wildcard": "*",
    "name": "sid",
}
SAMPLE_BY_FAILURE: dict[str, dict[str, str]] = {
    F.MULTIPLE_ALLOW_ORIGIN: {"value": "https://app.example.com, https://admin.example.com"},
    F.INVALID_ALLOW_ORIGIN: {"value": "app.example.com"},
    F.INVALID_ALLOW_CREDENTIALS: {"value": ""},
    F.INVALID_ALLOW_HEADERS: {"token": "x-api-key;"},
    F.PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK: {"value": "false"},
    F.PREFLIGHT_INVALID_ALLOW_EXTERNAL: {"value": "false"},
    F.SCHEME_NOT_SUPPORTED: {"url": "file:///home/me/site/data.json", "origin": "null"},
    F.INSECURE_PRIVATE_NETWORK: {"url": "http://192.168.1.20/api/status", "origin": "http://app.example.com"},
    F.X_FRAME_OPTIONS: {"disposition": "sameorigin", "url": "https://widget.other.com/"},
    F.X_FRAME_OPTIONS_CONFLICT: {"value": "DENY, SAMEORIGIN", "url": "https://widget.other.com/"},
    F.X_FRAME_OPTIONS_INVALID: {
        "value": "ALLOW-FROM https://app.example.com",
        "url": "https://widget.other.com/",
    },
    F.FRAME_ANCESTORS: {"directive": "frame-ancestors 'self'", "url": "https://widget.other.com/"},
}


def _values(code: str | None, **more: str) -> dict[str, str]:
    return {**SAMPLE, **SAMPLE_BY_FAILURE.get(code or "", {}), **more}


def _first(key: str, browser: str, era: str = CURRENT) -> Wording | None:
    return next(
        (w for k, w in tables().pairs if p.base_key(k) == key and w.browser == browser and w.era == era), None
    )


Example = tuple[str, str, str]  # (browser, reason code, message)


def _reasons() -> list[tuple[str, Wording, F]]:
    return [(k, w, code) for k, w in tables().pairs if (code := p.failure_of(k)) in REASONS and code]


def _chrome() -> list[Example]:
    frame, prefix = _first(p.FRAME, CHROME), _first(p.FRAME_PREFLIGHT, CHROME)
    if frame is None:
        return []
    suffixes = [(k, w) for k, w in tables().pairs if p.base_key(k).startswith("suffix.")]
    out: list[Example] = []
    for _key, wording, code in _reasons():
        if wording.browser != CHROME or not framed(wording, code):
            continue
        values = _values(code)
        reason = wording.render(**values)
        endings = [("fetch", reason)]
        if code in CORS_CHECK_FAILURES:  # with each suffix Chrome appends to it
            for k, suffix in suffixes:
                if suffix_follows(k, code):
                    kind = "XMLHttpRequest" if p.base_key(k) == p.SUFFIX_XHR else "fetch"
                    endings.append((kind, f"{reason} {suffix.render().strip()}"))
        for kind, ending in endings:
            if code in CHROME_PREFLIGHT and prefix is not None:
                ending = prefix.render(reason=ending)
            out.append((CHROME, code, frame.render(**{**values, "kind": kind, "reason": ending})))
    old = next((c.wording for c in tables().chrome_frames if c.wording.era != CURRENT), None)
    origin = next((c.wording for c in tables().chrome_origin), None)
    missing = _first(F.MISSING_ALLOW_ORIGIN, CHROME)
    if old is not None and origin is not None and missing is not None and prefix is not None:
        reason = prefix.render(reason=f"{missing.text} {origin.render(origin=ORIGIN)}")
        out.append((CHROME, F.MISSING_ALLOW_ORIGIN, old.render(api="XMLHttpRequest", url=URL, reason=reason)))
    return out


def _firefox() -> list[Example]:
    plain, status = _first(p.FRAME, FIREFOX), _first(p.FRAME_WITH_STATUS, FIREFOX)
    quoted = _first(p.FRAME_QUOTED, FIREFOX) or plain  # Firefox quotes the URL for some reasons
    warning = _first(p.FRAME_WARNING, FIREFOX)
    out: list[Example] = []
    for _key, wording, code in _reasons():
        if wording.browser != FIREFOX or not framed(wording, code):
            continue
        values = _values(code)
        reason = wording.render(**values)
        if code == F.AUTHORIZATION_WILDCARD:
            if warning is not None:
                out.append((FIREFOX, code, warning.render(url=URL, reason=reason)))
            continue
        frame = quoted if code == F.WILDCARD_WITH_CREDENTIALS else plain
        if code in (F.MISSING_ALLOW_ORIGIN, F.PREFLIGHT_INVALID_STATUS) and status is not None:
            frame = status
        if frame is not None:
            out.append((FIREFOX, code, frame.render(**{**values, "reason": reason})))
    return out


def _safari() -> list[Example]:
    frame = _first(p.FRAME, SAFARI)
    if frame is None:
        return []
    line = frame.render(**SAMPLE)  # its "… cannot load" line, printed after the reason
    out: list[Example] = [
        (SAFARI, code, f"{wording.render(**_values(code))}\n{frame.render(**_values(code))}")
        for _key, wording, code in _reasons()
        if wording.browser == SAFARI and REASONS[code].resource == "fetch"
    ]
    out.append((SAFARI, F.ACCESS_CONTROL_CHECKS, line))
    return out


def _standalone() -> list[Example]:
    return [
        (entry.wording.browser, entry.code, entry.wording.render(**_values(entry.code)))
        for entry in tables().standalone
        if entry.code is not None
    ]


@cache
def known_messages() -> tuple[Example, ...]:
    """(browser, reason code, an example message) for every wording recognised; built on first use,
    with the tables they are rendered from."""
    return (*_chrome(), *_firefox(), *_safari(), *_standalone())


def __getattr__(name: str) -> tuple[Example, ...]:
    # ``KNOWN_MESSAGES`` reads as the constant it always was, but is built when first read.
    if name == "KNOWN_MESSAGES":
        return known_messages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
