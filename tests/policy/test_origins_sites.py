"""Origins, origin_diff and schemeful sites (WPT html/browsers/origin, wpt-origin-facts.md)."""

from __future__ import annotations

import pytest

from policy_core import load_scenario, origin_diff, parse_url, same_origin, same_site, site_of
from policy_core.context import Context
from policy_core.origins import is_potentially_trustworthy


def origin(url: str):
    return parse_url(url).origin


@pytest.mark.parametrize(
    ("url", "serialized"),
    [
        ("http://foo:80/", "http://foo"),  # default ports vanish
        ("https://foo:443/", "https://foo"),
        ("wss://foo:443/", "wss://foo"),
        ("ftp://foo:21/", "ftp://foo"),
        ("https://foo:80/", "https://foo:80"),
        ("http://user:pass@foo:21/x", "http://foo:21"),  # userinfo never appears
        ("http://0xffffffff", "http://255.255.255.255"),
        ("http://[1:0::]", "http://[1::]"),
        ("http://EXAMPLE.com", "http://example.com"),
        ("https://bücher.example/", "https://xn--bcher-kva.example"),
        ("blob:https://example.com:443/", "https://example.com"),
        ("blob:ftp://host/path", "null"),
        ("data:text/html,hi", "null"),
        ("about:blank", "null"),
        ("javascript:alert(1)", "null"),
        ("file:///etc/hosts", "null"),
        ("redis://foo:bar@somehost:6379/0", "null"),
    ],
)
def test_serialized_origin(url: str, serialized: str) -> None:
    assert origin(url).serialize() == serialized


@pytest.mark.parametrize(
    ("a", "b", "diff"),
    [
        ("https://www.a.com/x", "https://www.a.com/y?z#w", ()),
        ("http://x/", "https://x/", ("scheme",)),  # ports compare as stored: both default
        ("https://www.a.com", "https://www.b.com", ("host",)),
        ("http://localhost:3000", "http://localhost:8080", ("port",)),
        ("http://a.com", "https://b.com:8443", ("scheme", "host", "port")),
        ("https://a.com:443", "https://a.com", ()),
        ("data:,a", "https://a.com", ("opaque",)),
    ],
)
def test_origin_diff(a: str, b: str, diff: tuple[str, ...]) -> None:
    assert origin_diff(origin(a), origin(b)) == diff
    assert same_origin(origin(a), origin(b)) == (diff == ())


def test_opaque_origins_are_same_only_with_themselves() -> None:
    first, second = origin("data:,x"), origin("data:,x")
    assert same_origin(first, first)
    assert not same_origin(first, second)
    assert same_site(site_of(first), site_of(first))
    assert not same_site(site_of(first), site_of(second))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("https://a.example", "https://a.a.example", True),  # WPT origin-comparison.any.js
        ("https://a.a.example", "https://b.a.example", True),
        ("https://a.example", "https://b.example", False),
        ("https://a.example", "https://b.b.example", False),
        ("http://a.example", "https://a.example", False),  # schemeful
        ("https://a.example.test", "https://b.example.test", True),  # the implicit * rule
        ("https://a.github.io", "https://b.github.io", False),  # private PSL section
        ("https://app.example.com", "https://api.example.com", True),
        ("http://127.0.0.1:3000", "http://127.0.0.1:8080", True),  # an IP is its own site
        ("http://127.0.0.1", "http://127.0.0.2", False),
        ("http://localhost:3000", "http://localhost:5173", True),
    ],
)
def test_same_site(a: str, b: str, expected: bool) -> None:
    assert same_site(site_of(origin(a)), site_of(origin(b))) == expected


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.a.com", "https://a.com"),
        ("https://x.y.example.co.uk", "https://example.co.uk"),
        ("http://localhost:3000", "http://localhost"),
        ("http://192.168.0.1", "http://192.168.0.1"),
        ("https://[::1]:8443", "https://[::1]"),
        ("https://github.io", "https://github.io"),
        ("data:,x", "null"),
    ],
)
def test_site_serialization(url: str, site: str) -> None:
    assert site_of(origin(url)).serialize() == site


def test_sandboxed_page_has_a_fresh_opaque_origin() -> None:
    scenario = load_scenario({"version": 1, "page": "https://a.com/", "target": "https://a.com/", "page_sandboxed": True})
    ctx = Context.of(scenario)
    assert ctx.page_origin.opaque and not ctx.same_origin and not ctx.same_site
    assert ctx.origin_diff == ("opaque",)


@pytest.mark.parametrize(
    ("url", "trustworthy"),
    [
        ("https://a.com", True), ("wss://a.com", True), ("http://a.com", False), ("http://localhost:3000", True),
        ("http://app.localhost", True), ("http://127.0.0.1", True), ("http://[::1]", True), ("http://10.0.0.1", False),
        ("data:,x", False),
    ],
)
def test_potentially_trustworthy(url: str, trustworthy: bool) -> None:
    assert is_potentially_trustworthy(origin(url)) == trustworthy
