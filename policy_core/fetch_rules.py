"""Fetch's request classification and preflight-response parsing, rule by rule.

WHATWG Fetch § 2.2.1 Methods, § 2.2.2 Headers (CORS-safelisted request-header, forbidden
request-header, CORS-unsafe request-header names, CORS-safelisted response-header name),
§ 3.2.3 Access-Control-Max-Age, and Chromium's deviations where the playground follows Chrome
(browser-rules.md § 2.1 "Chrome mode", § 3.2, § 3.3, § 3.7).
"""

from __future__ import annotations

from typing import NamedTuple

from . import headers as h

# --- Methods (Fetch § 2.2.1) -----------------------------------------------------------------

SAFELISTED_METHODS = frozenset({"GET", "HEAD", "POST"})
FORBIDDEN_METHODS = frozenset({"CONNECT", "TRACE", "TRACK"})
# "normalize": only these six are byte-uppercased; every other method is case-sensitive.
_NORMALIZED = {m: m for m in ("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT")}


def normalize_method(method: str) -> str:
    """Fetch "normalize": ``put`` -> ``PUT``, but ``patch`` stays ``patch``."""
    return _NORMALIZED.get(method.upper(), method)


def is_forbidden_method(method: str) -> bool:
    return method.upper() in FORBIDDEN_METHODS


def is_safelisted_method(method: str) -> bool:
    """Byte-exact, on the normalized method (``get`` was already normalized to ``GET``)."""
    return method in SAFELISTED_METHODS


def legacy_chrome_method_for_acam(method: str) -> str:
    """Older Chromium upper-cased the request method before comparing it with ACAM (crbug.com/1228178).

    Current Chrome compares byte for byte, as the standard does: the feature
    ``AccessControlAllowMethodsInCORSPreflightSpecConformant`` is enabled by default, and the
    enterprise policy of that name (default true) is the only way back to upper-casing.
    """
    return method.upper()


# --- Request headers (Fetch § 2.2.2) ---------------------------------------------------------

FORBIDDEN_REQUEST_HEADERS = frozenset(
    {
        "accept-charset",
        "accept-encoding",
        "access-control-request-headers",
        "access-control-request-method",
        "connection",
        "content-length",
        "cookie",
        "cookie2",
        "date",
        "dnt",
        "expect",
        "host",
        "keep-alive",
        "origin",
        "referer",
        "set-cookie",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "via",
    }
)
METHOD_OVERRIDE_HEADERS = frozenset({"x-http-method", "x-http-method-override", "x-method-override"})
NO_CORS_SAFELISTED_NAMES = frozenset({"accept", "accept-language", "content-language", "content-type"})
SAFELISTED_CONTENT_TYPES = frozenset(
    {"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"}
)
# Request-body-header names: dropped when a redirect turns the request into a GET (Fetch § 4.4).
REQUEST_BODY_HEADERS = frozenset({"content-encoding", "content-language", "content-location", "content-type"})
CORS_NON_WILDCARD_NAME = "authorization"

MAX_SAFELISTED_VALUE_BYTES = 128
MAX_SAFELIST_TOTAL_BYTES = 1024

_UNSAFE_BYTES = frozenset([chr(c) for c in range(0x20) if c != 0x09] + list('"():<>?@[\\]{}\x7f'))
_LANGUAGE_BYTES = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz *,-.;=")
_HTTP_WS = h.HTTP_WHITESPACE
_DIGITS = frozenset("0123456789")


def forbidden_header_reason(name: str, value: str) -> str | None:
    """Why the browser drops this author header (a forbidden request-header), or None."""
    return _forbidden_reason(name, name.lower(), value)


def _forbidden_reason(name: str, lowered: str, value: str) -> str | None:
    if lowered in FORBIDDEN_REQUEST_HEADERS:
        return f"{name} is a forbidden request-header: only the browser sets it"
    if lowered.startswith(("proxy-", "sec-")):
        return f"{name} starts with {lowered[: lowered.index('-') + 1]}, which only the browser may set"
    if lowered in METHOD_OVERRIDE_HEADERS:
        for item in value.split(","):
            if is_forbidden_method(h.trim(item)):
                return f"{name} names the forbidden method {h.trim(item)}"
    return None


def _utf8_size(value: str) -> int:
    # ASCII (the usual case) is one byte per character: no need to encode.
    return len(value) if value.isascii() else len(value.encode("utf-8"))


def _has_unsafe_byte(value: str) -> bool:
    return not _UNSAFE_BYTES.isdisjoint(value)


def mime_essence(value: str) -> str | None:
    """WHATWG MIME Sniffing "parse a MIME type", returning only the essence; None on failure.

    Parameters never make parsing fail, so they are not parsed here.
    """
    text = value.strip(_HTTP_WS)
    type_, slash, rest = text.partition("/")
    if not slash or not h.is_token(type_):
        return None
    subtype = rest.partition(";")[0].rstrip(_HTTP_WS)
    if not h.is_token(subtype):
        return None
    return f"{type_}/{subtype}".lower()


def parse_single_range(value: str) -> tuple[int | None, int | None] | None:
    """Fetch "parse a single range header value" with allowWhitespace false; None on failure."""
    if value[:5].lower() != "bytes" or value[5:6] != "=":
        return None
    first, dash, last = value[6:].partition("-")
    if not dash:
        return None
    if (first and not set(first) <= _DIGITS) or (last and not set(last) <= _DIGITS):
        return None
    start = int(first) if first else None
    end = int(last) if last else None
    if start is None and end is None:
        return None
    if start is not None and end is not None and start > end:
        return None
    return start, end


def safelist_problem(name: str, value: str) -> str | None:
    """Why (name, value) is not a CORS-safelisted request-header; None when it is one."""
    return _safelist_problem(name.lower(), value)


def _safelist_problem(lowered: str, value: str) -> str | None:
    if lowered not in NO_CORS_SAFELISTED_NAMES and lowered != "range":
        if lowered == CORS_NON_WILDCARD_NAME:
            return "Authorization is never CORS-safelisted"
        return "not a CORS-safelisted header name"
    size = _utf8_size(value)
    if size > MAX_SAFELISTED_VALUE_BYTES:
        return f"its value is {size} bytes, over the {MAX_SAFELISTED_VALUE_BYTES}-byte limit"
    if lowered == "accept":
        if _has_unsafe_byte(value):
            return "its value contains a CORS-unsafe request-header byte"
    elif lowered in ("accept-language", "content-language"):
        if not _LANGUAGE_BYTES.issuperset(value):
            return "its value has a character outside 0-9 A-Z a-z space * , - . ; ="
    elif lowered == "content-type":
        if _has_unsafe_byte(value):
            return "its value contains a CORS-unsafe request-header byte"
        essence = mime_essence(value)
        if essence is None:
            return "its value does not parse as a MIME type"
        if essence not in SAFELISTED_CONTENT_TYPES:
            return (
                f"its MIME type {essence} is not application/x-www-form-urlencoded, multipart/form-data "
                "or text/plain"
            )
    else:  # range
        parsed = parse_single_range(value)
        if parsed is None:
            return "its value is not a single byte range (bytes=start-end)"
        if parsed[0] is None:
            return "a suffix range (bytes=-N) is not safelisted"
    return None


def is_cors_safelisted_request_header(name: str, value: str) -> bool:
    return safelist_problem(name, value) is None


def is_no_cors_safelisted_request_header(name: str, value: str) -> bool:
    lowered = name.lower()
    return lowered in NO_CORS_SAFELISTED_NAMES and _safelist_problem(lowered, value) is None


class HeaderClassification(NamedTuple):
    # A NamedTuple built with keywords (callers may unpack it).
    """The author's request headers as the browser sends them, and which ones need a preflight."""

    sent: h.Headers  # after dropping forbidden names; values HTTP-whitespace-trimmed (Headers normalize)
    dropped: tuple[tuple[str, str], ...]  # (name, why)
    unsafe: tuple[tuple[str, str], ...]  # (lower-case name, why it is not safelisted), sorted, unique
    over_total: bool  # safelisted values exceeded 1024 bytes in total, so they count as unsafe too
    unsafe_names: tuple[str, ...]  # Fetch "CORS-unsafe request-header names": lower-case, sorted


def classify_request_headers(headers: h.Headers) -> HeaderClassification:
    """Drop forbidden headers, then compute Fetch's "CORS-unsafe request-header names"."""
    sent: list[tuple[str, str]] = []
    dropped: list[tuple[str, str]] = []
    unsafe: dict[str, str] = {}
    safelisted: list[str] = []
    total = 0
    for name, raw in headers:
        value = raw.strip(_HTTP_WS)  # h.trim, without a call per header (hot path)
        lowered = name.lower()  # once per header, for both checks
        reason = _forbidden_reason(name, lowered, value)
        if reason is not None:
            dropped.append((name, reason))
            continue
        sent.append((name, value))
        problem = _safelist_problem(lowered, value)
        if problem is None:
            safelisted.append(lowered)
            total += _utf8_size(value)
        else:
            unsafe.setdefault(lowered, problem)
    over_total = total > MAX_SAFELIST_TOTAL_BYTES
    if over_total:
        for lowered in safelisted:
            unsafe.setdefault(
                lowered, f"safelisted values total {total} bytes, over {MAX_SAFELIST_TOTAL_BYTES}"
            )
    return HeaderClassification(
        sent=tuple(sent),
        dropped=tuple(dropped),
        unsafe=tuple(sorted(unsafe.items())),
        over_total=over_total,
        unsafe_names=tuple(sorted(unsafe)),
    )


def no_cors_headers(headers: h.Headers) -> tuple[h.Headers, tuple[str, ...]]:
    """The Headers guard "request-no-cors": only no-CORS-safelisted request-headers survive."""
    kept: list[tuple[str, str]] = []
    removed: list[str] = []
    for name, value in headers:
        if is_no_cors_safelisted_request_header(name, value):
            kept.append((name, value))
        else:
            removed.append(name)
    return tuple(kept), tuple(removed)


# --- Response headers (Fetch § 2.2.2, § 4.1 main fetch) --------------------------------------

SAFELISTED_RESPONSE_HEADERS = frozenset(
    {
        "cache-control",
        "content-language",
        "content-length",
        "content-type",
        "expires",
        "last-modified",
        "pragma",
    }
)
FORBIDDEN_RESPONSE_HEADERS = frozenset({"set-cookie", "set-cookie2"})
ACEH = "Access-Control-Expose-Headers"


class Exposure(NamedTuple):
    # A NamedTuple built with keywords (callers may unpack it).
    names: tuple[str, ...]  # lower-case names present in the response that script can read, sorted
    listed: h.ListParse  # the parsed Access-Control-Expose-Headers
    wildcard: bool  # "*" exposes everything (no credentials)


def exposed_response_headers(headers: h.Headers, credentials_include: bool) -> Exposure:
    """Which of the response's headers a CORS-filtered response lets script read."""
    listed = h.extract_token_list(headers, ACEH)
    # A list that fails to parse names nothing (listed.failed, without the property call).
    items = tuple(map(str.lower, listed.values)) if listed.bad_item is None else ()
    wildcard = not credentials_include and "*" in items
    names = sorted([
        name
        for name in h.index_of(headers)  # the lower-cased names present
        if name not in FORBIDDEN_RESPONSE_HEADERS
        and (wildcard or name in SAFELISTED_RESPONSE_HEADERS or name in items)
    ])
    return Exposure(names=tuple(names), listed=listed, wildcard=wildcard)


def basic_exposed_headers(headers: h.Headers) -> tuple[str, ...]:
    """A same-origin (basic filtered) response hides only Set-Cookie and Set-Cookie2."""
    return tuple(sorted(h.names(headers) - FORBIDDEN_RESPONSE_HEADERS))


# --- Preflight response (Fetch § 4.8, Chromium preflight_result.cc) --------------------------

ACAM = "Access-Control-Allow-Methods"
ACAH = "Access-Control-Allow-Headers"
ACMA = "Access-Control-Max-Age"
DEFAULT_MAX_AGE = 5
CHROME_MAX_AGE_CAP = 2 * 60 * 60  # kMaxTimeout = base::Hours(2)
FIREFOX_MAX_AGE_CAP = 24 * 60 * 60


class MaxAge(NamedTuple):
    # A NamedTuple built with keywords (callers may unpack it).
    raw: str | None
    parsed: int | None  # None when absent or not an integer
    chrome_seconds: int
    firefox_seconds: int


def parse_max_age(headers: h.Headers) -> MaxAge:
    """Access-Control-Max-Age as Chrome applies it: default 5, negative -> 0, capped at 2 hours."""
    raw = h.get_combined(headers, ACMA)
    if raw is None:
        return _NO_MAX_AGE
    text = h.trim(raw)
    digits = text[1:] if text.startswith("-") else text
    if not digits or not set(digits) <= _DIGITS:
        return MaxAge(raw=raw, parsed=None, chrome_seconds=DEFAULT_MAX_AGE, firefox_seconds=DEFAULT_MAX_AGE)
    parsed = int(text)
    seconds = max(parsed, 0)
    return MaxAge(
        raw=raw,
        parsed=parsed,
        chrome_seconds=min(seconds, CHROME_MAX_AGE_CAP),
        firefox_seconds=min(seconds, FIREFOX_MAX_AGE_CAP),
    )


_NO_MAX_AGE = MaxAge(raw=None, parsed=None, chrome_seconds=DEFAULT_MAX_AGE, firefox_seconds=DEFAULT_MAX_AGE)  # no header: the default


# --- Which disallowed request header Chromium names first ------------------------------------------
# Chromium checks the request's headers in the order its network service receives them, which is
# the iteration order of Blink's HTTPHeaderMap: a WTF HashMap keyed by the case-folded name. So the
# name it reports is neither the request's first nor the sorted first, but the first in hash-table
# slot order. The model below reproduces that order for every header set tried in Chromium 156 (the
# browser suite: 12 sets of 2 to 12 names, e.g. X-Beta, X-Alpha names x-beta in either order;
# Content-Type: application/json with X-Custom names x-custom):
#   - the hash: Chromium's rapidhash (third_party/rapidhash, default seed and secrets) of the name
#     lower-cased and widened to UTF-16LE, as WTF's CaseFoldingHash does, masked to 24 bits;
#   - the table: sized by WTF's CalculateCapacity for the request's headers plus 4 that Blink adds
#     itself (4 fits every set tried; 3 and 5 do not), quadratic probing on a collision.
_M64 = (1 << 64) - 1
_RAPID_SEED = 0xBDD89AA982704029
_RAPID_SECRET = (0x2D358DCCAA6C78A5, 0x8BB84B93962EACC9, 0x4B33A62ED433D4A3)
_BLINK_OWN_HEADERS = 4


def _rapid_mix(a: int, b: int) -> int:
    product = a * b
    return (product & _M64) ^ (product >> 64)


def _rapidhash(data: bytes) -> int:
    """Chromium's rapidhash (v1) of ``data`` with the default seed and secrets, as an unsigned 64-bit int."""
    secret, length = _RAPID_SECRET, len(data)

    def r32(i: int) -> int:
        return int.from_bytes(data[i:i + 4], "little")

    def r64(i: int) -> int:
        return int.from_bytes(data[i:i + 8], "little")

    seed = _RAPID_SEED ^ _rapid_mix(_RAPID_SEED ^ secret[0], secret[1]) ^ length
    if length <= 16:
        if length >= 4:
            last = length - 4
            delta = (length & 24) >> (length >> 3)
            a, b = (r32(0) << 32) | r32(last), (r32(delta) << 32) | r32(last - delta)
        elif length:
            a, b = (data[0] << 56) | (data[length >> 1] << 32) | data[length - 1], 0
        else:
            a = b = 0
    else:
        at, left = 0, length
        if left > 48:
            see1 = see2 = seed
            while left >= 48:
                seed = _rapid_mix(r64(at) ^ secret[0], r64(at + 8) ^ seed)
                see1 = _rapid_mix(r64(at + 16) ^ secret[1], r64(at + 24) ^ see1)
                see2 = _rapid_mix(r64(at + 32) ^ secret[2], r64(at + 40) ^ see2)
                at, left = at + 48, left - 48
            seed ^= see1 ^ see2
        if left > 16:
            seed = _rapid_mix(r64(at) ^ secret[2], r64(at + 8) ^ seed ^ secret[1])
            if left > 32:
                seed = _rapid_mix(r64(at + 16) ^ secret[2], r64(at + 24) ^ seed)
        a, b = r64(at + left - 16), r64(at + left - 8)
    product = (a ^ secret[1]) * (b ^ seed)
    return _rapid_mix((product & _M64) ^ secret[0] ^ length, (product >> 64) ^ secret[1])


def _blink_header_hash(name: str) -> int:
    """WTF's CaseFoldingHash of a header name: 24 bits, never 0."""
    return (_rapidhash(name.lower().encode("utf-16-le")) & 0xFFFFFF) or 0x800000


def _wtf_capacity(size: int) -> int:
    """WTF HashTable::CalculateCapacity: the next power of two above ``size``, doubled."""
    filled = size
    while size:
        filled |= size
        size >>= 1
    return (filled + 1) * 2


def chrome_header_order(names: tuple[str, ...], header_count: int) -> tuple[str, ...]:
    """``names`` (lower-case, unique) in the order Chromium checks them against Access-Control-Allow-Headers.

    ``header_count``: how many distinct headers the request carries (the table's size depends on it).
    """
    size = _wtf_capacity(max(header_count, len(names)) + _BLINK_OWN_HEADERS)
    slots: list[str | None] = [None] * size
    for name in sorted(names):
        index, probe = _blink_header_hash(name) & (size - 1), 0
        while slots[index] is not None:
            probe += 1
            index = (index + probe) & (size - 1)
        slots[index] = name
    return tuple(name for name in slots if name is not None)
