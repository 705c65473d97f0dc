"""Schemeful sites from the Public Suffix List (HTML § sites, URL § host public suffix).

The PSL comes from tldextract's bundled snapshot, strictly offline: no network, no cache
writes. tldextract leaves out the PSL's implicit ``*`` rule, which browsers apply, so an
unlisted TLD (``.test``, ``.example``, ``.internal``) is a public suffix here too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

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


class Site(NamedTuple):
    """A schemeful site: (scheme, registrable domain or host), or an opaque origin.

    A NamedTuple, not a frozen dataclass: as immutable and several times cheaper to build (a new
    host builds two per evaluation). Value equality is the right one: tuple sites are equal when
    scheme and domain are, and an opaque one carries its Origin, which compares by identity.
    """

    scheme: str
    domain: str
    opaque_origin: Origin | None = None
    text: str = "null"  # the serialization, computed once: reports and verdicts quote it often

    @property
    def opaque(self) -> bool:
        return self.opaque_origin is not None

    def serialize(self) -> str:
        return self.text


def site_of(origin: Origin) -> Site:
    """HTML "obtain a site": the registrable domain, else the host itself (IPs, ``localhost``)."""
    if origin.opaque:
        return Site(scheme="", domain="", opaque_origin=origin)
    return _tuple_site(origin.scheme, origin.host)


@lru_cache(maxsize=4096)
def _tuple_site(scheme: str, host: str) -> Site:
    # A site is a value for tuple origins, so one object serves every evaluation with this host.
    domain = registrable_domain(host) or host
    return Site(scheme=scheme, domain=domain, text=f"{scheme}://{domain}")


def same_site(a: Site, b: Site) -> bool:
    """HTML "same site", schemeful: an opaque origin is same-site only with itself."""
    if a.opaque_origin is not None or b.opaque_origin is not None:  # either is opaque (no property calls)
        return a.opaque_origin is b.opaque_origin
    return a.scheme == b.scheme and a.domain == b.domain
