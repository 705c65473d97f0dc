"""Schemeful sites from the Public Suffix List (HTML § sites, URL § host public suffix).

The PSL comes from tldextract's bundled snapshot, strictly offline: no network, no cache
writes. tldextract leaves out the PSL's implicit ``*`` rule, which browsers apply, so an
unlisted TLD (``.test``, ``.example``, ``.internal``) is a public suffix here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from tldextract import TLDExtract

from .origins import Origin, host_ip

_PSL = TLDExtract(
    cache_dir=None,
    suffix_list_urls=(),
    fallback_to_snapshot=True,
    include_psl_private_domains=True,
)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str | None:
    """The host's registrable domain (eTLD+1), or None when it has none.

    None for public suffixes themselves (``com``, ``github.io``), for IP addresses, for
    hosts with a leading dot or empty labels, and for single-label hosts (``localhost``).
    """
    if not host or host.startswith(".") or host_ip(host) is not None:
        return None
    host = host.lower().removesuffix(".")
    if not host or ".." in host:
        return None
    parts = _PSL.extract_str(host)
    if parts.suffix:
        return f"{parts.domain}.{parts.suffix}" if parts.domain else None
    # The implicit "*" rule: the last label is the public suffix.
    labels = host.split(".")
    if len(labels) < 2:
        return None
    return ".".join(labels[-2:])


@dataclass(frozen=True, slots=True, eq=False)
class Site:
    """A schemeful site: (scheme, registrable domain or host), or an opaque origin."""

    scheme: str
    domain: str
    opaque_origin: Origin | None = None
    # The serialization, computed once: reports and verdicts quote sites often.
    _text: str = field(init=False, repr=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text", "null" if self.opaque else f"{self.scheme}://{self.domain}")

    @property
    def opaque(self) -> bool:
        return self.opaque_origin is not None

    def serialize(self) -> str:
        return self._text


def site_of(origin: Origin) -> Site:
    """HTML "obtain a site": the registrable domain, else the host itself (IPs, ``localhost``)."""
    if origin.opaque:
        return Site("", "", origin)
    return _tuple_site(origin.scheme, origin.host)


@lru_cache(maxsize=4096)
def _tuple_site(scheme: str, host: str) -> Site:
    # A site is a value for tuple origins, so one object serves every evaluation with this host.
    return Site(scheme, registrable_domain(host) or host)


def same_site(a: Site, b: Site) -> bool:
    """HTML "same site", schemeful: an opaque origin is same-site only with itself."""
    if a.opaque or b.opaque:
        return a.opaque_origin is b.opaque_origin
    return a.scheme == b.scheme and a.domain == b.domain
