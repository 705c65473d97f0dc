"""IP address spaces for Chrome's Local Network Access (browser-rules.md § 3.9).

Chrome 142+ orders the spaces public -> local -> loopback; a request from a less private
space to a more private one needs the user's permission. Domain names are only placed by
DNS at request time, so a target domain is ``unknown`` here; a page's domain is assumed public.
"""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network

from .origins import host_ip

PUBLIC, LOCAL, LOOPBACK, UNKNOWN = "public", "local", "loopback", "unknown"
_RANK = {PUBLIC: 0, LOCAL: 1, LOOPBACK: 2}

# RFC 1918 private ranges, link-local, and IPv6 unique-local / link-local.
_LOCAL_NETWORKS = (
    IPv4Network("10.0.0.0/8"),
    IPv4Network("172.16.0.0/12"),
    IPv4Network("192.168.0.0/16"),
    IPv4Network("169.254.0.0/16"),
    IPv6Network("fc00::/7"),
    IPv6Network("fe80::/10"),
)


def address_space(host: str, *, domain_default: str = UNKNOWN) -> str:
    """``loopback``, ``local`` or ``public`` for an IP or localhost; ``domain_default`` for other names."""
    if host == "localhost" or host.endswith(".localhost"):
        return LOOPBACK
    ip = host_ip(host)
    if ip is None:
        return domain_default
    if ip.is_loopback:
        return LOOPBACK
    if any(ip.version == net.version and ip in net for net in _LOCAL_NETWORKS):
        return LOCAL
    return PUBLIC


def more_private(target: str, page: str) -> bool:
    """True when the target's space is more private than the page's (both known)."""
    if target not in _RANK or page not in _RANK:
        return False
    return _RANK[target] > _RANK[page]
