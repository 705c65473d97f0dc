"""WHATWG URLs and origins, through ada-url (URL Standard § origin, HTML § origin).

An origin is a tuple (scheme, host, port) or opaque. Opaque origins are only ever
same-origin with themselves, so they compare by identity, never by value.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from ipaddress import IPv4Address, IPv6Address, ip_address

import ada_url

from .errors import ScenarioError

TUPLE_ORIGIN_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443, "ftp": 21}


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class Origin:
    """A tuple origin, or an opaque one (``opaque=True``, serialised as ``"null"``).

    ``port`` is what the URL stores: ``None`` when it is the scheme's default.
    ``eq=False``: two opaque origins made from the same URL are still different origins.
    """

    scheme: str = ""
    host: str = ""
    port: int | None = None
    opaque: bool = False
    # The serialization, computed once: every verdict prints origins many times.
    _text: str = field(init=False, repr=False, default="")

    def __post_init__(self) -> None:
        if self.opaque:
            text = "null"
        else:
            text = f"{self.scheme}://{self.host}" if self.port is None else f"{self.scheme}://{self.host}:{self.port}"
        object.__setattr__(self, "_text", text)

    def serialize(self) -> str:
        return self._text

    @property
    def effective_port(self) -> int | None:
        return self.port if self.port is not None else DEFAULT_PORTS.get(self.scheme)

    def as_tuple(self) -> tuple[str, str, int | None]:
        return (self.scheme, self.host, self.port)


def opaque_origin() -> Origin:
    return Origin(opaque=True)


def same_origin(a: Origin, b: Origin) -> bool:
    """HTML "same origin": identical opaque origins, or equal tuples."""
    if a.opaque or b.opaque:
        return a is b
    return a.scheme == b.scheme and a.host == b.host and a.port == b.port


def origin_diff(a: Origin, b: Origin) -> tuple[str, ...]:
    """Which of scheme, host, port differ; ``("opaque",)`` when either is opaque and they differ."""
    if a.opaque or b.opaque:
        return () if a is b else ("opaque",)
    diff = []
    if a.scheme != b.scheme:
        diff.append("scheme")
    if a.host != b.host:
        diff.append("host")
    if a.port != b.port:
        diff.append("port")
    return tuple(diff)


@dataclass(frozen=True, slots=True, kw_only=True)
class Url:
    """A parsed URL: the parts the engine needs, and its origin."""

    href: str
    scheme: str
    username: str
    password: str
    hostname: str
    port: int | None
    pathname: str
    origin: Origin = field(compare=False)

    @property
    def has_credentials(self) -> bool:
        return bool(self.username or self.password)

    @property
    def is_http(self) -> bool:
        return self.scheme in ("http", "https")


def _explain_parse_failure(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        return "expected a URL, got an empty string"
    if "://" not in stripped and ":" not in stripped.split("/")[0]:
        return f"{text!r} is not an absolute URL (no scheme); did you mean 'https://{stripped}'?"
    return f"{text!r} is not a valid URL"


def parse_url(text: str, base: str | None = None, field_path: str = "url") -> Url:
    """Parse ``text`` (against ``base``) as the URL Standard does; bad input is a ScenarioError."""
    try:
        url = _parse(text, base)
    except (ValueError, TypeError):
        raise ScenarioError(field_path, _explain_parse_failure(text)) from None
    # A tuple origin is a value, so the cached Url serves every parse; an opaque one must be new
    # for every parse (it is only ever same-origin with itself).
    return replace(url, origin=opaque_origin()) if url.origin.opaque else url


@lru_cache(maxsize=1024)
def _parse(text: str, base: str | None) -> Url:
    # Cached: the workbench re-parses the same two URLs on every keystroke elsewhere, and
    # each attribute read from ada-url costs a round trip into C.
    parsed = ada_url.URL(text, base) if base is not None else ada_url.URL(text)
    scheme = parsed.protocol[:-1]
    port = int(parsed.port) if parsed.port else None
    return Url(
        href=parsed.href,
        scheme=scheme,
        username=parsed.username,
        password=parsed.password,
        hostname=parsed.hostname,
        port=port,
        pathname=parsed.pathname,
        origin=_origin_of(parsed, scheme, port),
    )


def _origin_of(parsed: ada_url.URL, scheme: str, port: int | None) -> Origin:
    if scheme in TUPLE_ORIGIN_SCHEMES:
        return Origin(scheme=scheme, host=parsed.hostname, port=port)
    if scheme == "blob":
        # ada applies the URL Standard's blob rule: the inner URL's origin when it is http(s).
        serialized = parsed.origin
        if serialized != "null":
            inner = ada_url.URL(serialized)
            return Origin(scheme=inner.protocol[:-1], host=inner.hostname, port=int(inner.port) if inner.port else None)
    # data:, about:, javascript:, file: (implementation-defined, opaque in browsers) and every
    # non-special scheme.
    return opaque_origin()


def host_ip(host: str) -> IPv4Address | IPv6Address | None:
    """The IP address a host names, or None for a domain."""
    if host.startswith("["):
        host = host[1:-1]
    elif not host or not (host[-1].isdigit()):
        return None  # fast path: a domain's last label is never all digits after URL parsing
    try:
        return ip_address(host)
    except ValueError:
        return None


def is_potentially_trustworthy(origin: Origin) -> bool:
    """Secure Contexts § potentially trustworthy origin (https, wss, loopback, localhost)."""
    if origin.opaque:
        return False
    if origin.scheme in ("https", "wss"):
        return True
    ip = host_ip(origin.host)
    if ip is not None:
        return ip.is_loopback
    return origin.host == "localhost" or origin.host.endswith(".localhost")
