"""Who may frame a document: X-Frame-Options (HTML § X-Frame-Options) and CSP frame-ancestors.

X-Frame-Options parsing follows HTML and the WPT x-frame-options/ tests; frame-ancestors
matching follows CSP Level 3 § Matching source expressions; the order (frame-ancestors first,
then XFO) is Chromium's ``ancestor_throttle.cc`` (browser-rules.md § 2.4). Pure data in, pure data out: the iframe verdict turns it into a trace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import headers as h
from .origins import DEFAULT_PORTS, Origin

XFO = "X-Frame-Options"
CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"

# Chromium's recognised values; anything else is "invalid" (ALLOW-FROM was never supported).
_XFO_VALUES = {"deny": "deny", "sameorigin": "sameorigin", "allowall": "allowall"}

_SCHEME_SOURCE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):$")
_HOST_SOURCE = re.compile(
    r"^(?:(?P<scheme>[a-zA-Z][a-zA-Z0-9+.\-]*)://)?"
    r"(?P<host>\*|(?:\*\.)?[a-zA-Z0-9\-]+(?:\.[a-zA-Z0-9\-]+)*)"
    r"(?::(?P<port>\*|[0-9]+))?"
    r"(?P<path>/[^;,\s]*)?$"
)
_DIRECTIVE_NAME = re.compile(r"^[a-zA-Z0-9\-]+$")
_ASCII_WS = " \t\n\r\f"


# --- X-Frame-Options ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class XFrameOptions:
    """``value``: none (no header), deny, sameorigin, allowall, invalid or conflict."""

    value: str
    raw: str  # every line joined by ", " (Chromium's GetNormalizedHeader): what its messages quote


_NO_XFO = XFrameOptions(value="none", raw="")


def parse_x_frame_options(headers: h.Headers) -> XFrameOptions:
    """Each comma-separated item of each line, trimmed and compared case-insensitively.

    Unrecognised items are dropped when a recognised one is present (WPT
    x-frame-options/multiple.sub.html: ``INVALID, SAMEORIGIN`` allows same-origin framing;
    commas.sub.html: ``SAMEORIGIN,"DENY"`` too). Two different recognised values are a conflict,
    treated as deny. Only unrecognised items: the header is invalid and ignored.
    """
    lines = h.lines_of(headers, "x-frame-options")
    if not lines:
        return _NO_XFO
    recognised: set[str] = set()
    for line in lines:
        for item in split_header_values(line):
            value = _XFO_VALUES.get(item.lower())
            if value is not None:
                recognised.add(value)
    if not recognised:
        value = "invalid"
    elif len(recognised) > 1:
        value = "conflict"
    else:
        (value,) = recognised
    return XFrameOptions(value=value, raw=", ".join(lines))


def split_header_values(line: str) -> list[str]:
    """Fetch § get, decode, and split: commas inside a quoted string do not split (quotes are kept)."""
    values: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in line:
        if escaped:
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            values.append("".join(current).strip(" \t"))
            current = []
            continue
        current.append(ch)
    values.append("".join(current).strip(" \t"))
    return [v for v in values if v]


# --- CSP frame-ancestors --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class FrameAncestors:
    """One policy's ``frame-ancestors`` directive."""

    policy_index: int  # which policy of the response (header lines and comma-separated policies)
    policy_count: int
    value: str  # the directive's value as written (whitespace-normalised)
    sources: tuple[str, ...]


def frame_ancestors_directives(headers: h.Headers, name: str = CSP) -> tuple[FrameAncestors, ...]:
    """The frame-ancestors directive of each policy in the ``name`` headers (CSP3 § Parse a serialized CSP list).

    Every header line, and every comma-separated policy in a line, is a separate policy, each
    enforced on its own. Within a policy the first directive of a name wins; later ones are ignored.
    """
    lines = h.lines_of(headers, name.lower())
    if not lines:
        return ()  # the usual case: no such header
    policies = [p for line in lines for p in line.split(",")]
    found: list[FrameAncestors] = []
    for index, policy in enumerate(policies):
        seen: set[str] = set()
        for directive in policy.split(";"):
            words = directive.split()
            if not words or not _DIRECTIVE_NAME.match(words[0]):
                continue
            directive_name = words[0].lower()
            if directive_name in seen:
                continue
            seen.add(directive_name)
            if directive_name == "frame-ancestors":
                sources = tuple(words[1:])
                found.append(
                    FrameAncestors(
                        policy_index=index, policy_count=len(policies), value=" ".join(sources), sources=sources
                    )
                )
    return tuple(found)


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceMatch:
    matched: str | None  # the source expression that matched the ancestor, or None
    ignored: tuple[str, ...]  # expressions that mean nothing in frame-ancestors (nonces, 'unsafe-inline', typos)
    is_none: bool  # the list is 'none' (or empty): nothing may frame


def match_frame_ancestors(sources: tuple[str, ...], ancestor: Origin, protected: Origin) -> SourceMatch:
    """Does the ancestor's origin match the source list, for a document of origin ``protected``?

    CSP3 parses the ancestor's serialized origin as the URL to match, so its path is ``/``, and an
    opaque ancestor ("null" is not a URL) matches nothing.
    """
    lowered = [s.lower() for s in sources]
    meaningful = [s for s, low in zip(sources, lowered, strict=True) if low != "'none'"]
    if not meaningful:
        return SourceMatch(matched=None, ignored=(), is_none=True)
    ignored: list[str] = []
    for source in meaningful:
        verdict = _expression_matches(source, ancestor, protected)
        if verdict is None:
            ignored.append(source)
        elif verdict:
            return SourceMatch(matched=source, ignored=tuple(ignored), is_none=False)
    return SourceMatch(matched=None, ignored=tuple(ignored), is_none=False)


def _expression_matches(expression: str, url: Origin, origin: Origin) -> bool | None:
    """CSP3 "does url match expression in origin"; None when the expression is not a valid one here."""
    lowered = expression.lower()
    if lowered == "*":
        return not url.opaque and (url.scheme in ("http", "https") or url.scheme == origin.scheme)
    if lowered == "'self'":
        return _self_matches(url, origin)
    if lowered.startswith("'"):
        return None  # 'unsafe-inline', nonces, hashes: not source expressions for frame-ancestors
    if url.opaque:
        return False if _SCHEME_SOURCE.match(expression) or _HOST_SOURCE.match(expression) else None
    scheme_only = _SCHEME_SOURCE.match(expression)
    if scheme_only:
        return scheme_part_matches(scheme_only.group(1).lower(), url.scheme)
    host_source = _HOST_SOURCE.match(expression)
    if not host_source:
        return None
    scheme = host_source.group("scheme")
    if scheme is not None:
        if not scheme_part_matches(scheme.lower(), url.scheme):
            return False
    elif origin.opaque or not scheme_part_matches(origin.scheme, url.scheme):
        return False
    if not _host_matches(host_source.group("host").lower(), url.host):
        return False
    if not _port_matches(host_source.group("port"), url):
        return False
    path = host_source.group("path")
    return path is None or path == "/"


def scheme_part_matches(pattern: str, scheme: str) -> bool:
    """CSP3 § scheme-part matching, with its secure upgrades (http: also allows https, ...)."""
    return (
        pattern == scheme
        or (pattern == "http" and scheme == "https")
        or (pattern == "ws" and scheme in ("wss", "http", "https"))
        or (pattern == "wss" and scheme == "https")
    )


def _host_matches(pattern: str, host: str) -> bool:
    if pattern == "*":
        return True
    if pattern.startswith("*."):
        # "*.example.com" matches every subdomain, never example.com itself.
        return host.endswith(pattern[1:])
    return pattern == host


def _port_matches(pattern: str | None, url: Origin) -> bool:
    if pattern == "*":
        return True
    if pattern is None:
        return url.port is None
    wanted = int(pattern)
    return wanted == url.port or (url.port is None and wanted == DEFAULT_PORTS.get(url.scheme))


def _self_matches(url: Origin, origin: Origin) -> bool:
    """'self' is the framed document's own origin (not the page's), with CSP3's https upgrade."""
    if url.opaque or origin.opaque:
        return False
    if url.as_tuple() == origin.as_tuple():
        return True
    # Ports "the same or the default ports for their respective schemes": a URL stores None for a default port.
    if url.host != origin.host or url.port != origin.port:
        return False
    return url.scheme in ("https", "wss") or (origin.scheme == "http" and url.scheme in ("http", "ws"))
