"""The cookie rule predicates (policy_core/cookies.py) and Set-Cookie parsing, as tables."""

from __future__ import annotations

import pytest

from policy_core import cookies as c
from policy_core.origins import parse_url
from policy_core.setcookie import default_path, parse_set_cookie
from policy_core.sites import site_of


@pytest.mark.parametrize(
    ("host", "domain", "match"),
    [
        ("example.com", "example.com", True),
        ("www.example.com", "example.com", True),
        ("a.b.example.com", "example.com", True),
        ("badexample.com", "example.com", False),  # a suffix, but not at a "." boundary
        ("example.com", "www.example.com", False),
        ("1.2.3.4", "2.3.4", False),  # RFC 6265bis § 5.1.3: IPs match only themselves
        ("1.2.3.4", "1.2.3.4", True),
    ],
)
def test_domain_match(host: str, domain: str, match: bool) -> None:
    assert c.domain_match(host, domain) is match


@pytest.mark.parametrize(
    ("request_path", "cookie_path", "match"),
    [
        ("/", "/", True),
        ("/api", "/api", True),
        ("/api/x", "/api", True),
        ("/api/x", "/api/", True),
        ("/apix", "/api", False),  # RFC 6265bis § 5.1.4: the prefix must end at "/"
        ("/", "/api", False),
        ("/anything/deep", "/", True),
    ],
)
def test_path_match(request_path: str, cookie_path: str, match: bool) -> None:
    assert c.path_match(request_path, cookie_path) is match


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("__Secure-sid", c.PREFIX_SECURE),
        ("__secure-sid", c.PREFIX_SECURE),  # case-insensitive (Chrome GetCookiePrefix INSENSITIVE_ASCII)
        ("__Host-sid", c.PREFIX_HOST),
        ("__HOST-sid", c.PREFIX_HOST),
        ("__Host-Http-sid", c.PREFIX_HOST_HTTP),
        ("__Http-sid", c.PREFIX_HTTP),
        ("_Host-sid", ""),
        ("sid", ""),
        ("__Hostsid", ""),
    ],
)
def test_cookie_prefix(name: str, prefix: str) -> None:
    assert c.cookie_prefix(name) == prefix


@pytest.mark.parametrize(
    ("host", "domain", "ok", "host_only", "code"),
    [
        ("app.example.com", "", True, True, "host-only"),
        ("app.example.com", "example.com", True, False, "ok"),
        ("app.example.com", "app.example.com", True, False, "ok"),  # a domain cookie, not host-only
        ("app.example.com", "com", False, True, "public-suffix"),
        ("app.example.co.uk", "co.uk", False, True, "public-suffix"),
        ("myapp.github.io", "github.io", False, True, "public-suffix"),  # PSL private section
        ("app.example.com", "other.com", False, True, "mismatch"),
        ("example.com", "www.example.com", False, True, "mismatch"),
        ("github.io", "github.io", True, True, "host-only-public-suffix"),  # host IS a public suffix
        ("localhost", "localhost", True, True, "host-only-public-suffix"),
        ("127.0.0.1", "127.0.0.1", True, True, "ip-host"),
        ("127.0.0.1", "0.0.1", False, True, "ip-mismatch"),
    ],
)
def test_check_domain_attribute(host: str, domain: str, ok: bool, host_only: bool, code: str) -> None:
    check = c.check_domain_attribute(host, domain)
    assert (check.ok, check.host_only, check.code) == (ok, host_only, code)


@pytest.mark.parametrize(
    ("url", "secure"),
    [
        ("https://example.com/", True),
        ("http://example.com/", False),
        ("http://localhost:3000/", True),  # Chrome 89+, Firefox 75+ (not Safari)
        ("http://app.localhost/", True),
        ("http://127.0.0.1:8000/", True),
        ("http://[::1]/", True),
        ("http://10.0.0.1/", False),
    ],
)
def test_secure_for_cookies(url: str, secure: bool) -> None:
    assert c.is_secure_for_cookies(parse_url(url).origin) is secure


@pytest.mark.parametrize(
    ("prefix", "kwargs", "problems"),
    [
        (c.PREFIX_SECURE, {"secure": True}, ()),
        (c.PREFIX_SECURE, {"secure": False}, ("the Secure attribute",)),
        (c.PREFIX_HOST, {"secure": True, "path_attribute": "/"}, ()),
        (c.PREFIX_HOST, {"secure": True, "path_attribute": None}, ("an explicit Path=/",)),
        (
            c.PREFIX_HOST,
            {"secure": True, "path_attribute": "/", "domain_attribute": "example.com"},
            ("no Domain attribute",),
        ),
        (c.PREFIX_HTTP, {"secure": True}, ("the HttpOnly attribute",)),
        (c.PREFIX_HOST_HTTP, {"secure": True, "path_attribute": "/", "httponly": True}, ()),
        (
            c.PREFIX_SECURE,
            {"secure": True, "secure_origin": False},
            ("a secure setting origin (https, or localhost)",),
        ),
    ],
)
def test_prefix_problems(prefix: str, kwargs: dict, problems: tuple[str, ...]) -> None:
    args = {
        "secure": False,
        "secure_origin": True,
        "httponly": False,
        "domain_attribute": "",
        "path_attribute": "/",
        "host": "app.example.com",
    } | kwargs
    assert c.prefix_problems(prefix, **args) == problems


def test_host_prefix_allows_an_ip_host_naming_itself() -> None:
    # Chrome HasValidHostPrefixAttributes: domain empty, or the URL is an IP and Domain equals it.
    assert (
        c.prefix_problems(
            c.PREFIX_HOST,
            secure=True,
            secure_origin=True,
            httponly=False,
            domain_attribute="127.0.0.1",
            path_attribute="/",
            host="127.0.0.1",
        )
        == ()
    )


SAME = site_of(parse_url("https://a.example.com").origin)
OTHER = site_of(parse_url("https://b.example.net").origin)


@pytest.mark.parametrize(
    ("via", "same", "context"),
    [
        ("fetch", True, c.STRICT_CONTEXT),
        ("fetch", False, c.CROSS_SITE_CONTEXT),
        ("image", False, c.CROSS_SITE_CONTEXT),
        ("iframe", False, c.CROSS_SITE_CONTEXT),
        ("navigation", False, c.LAX_CONTEXT),
        ("form-post", False, c.LAX_UNSAFE_CONTEXT),
        ("form-post", True, c.STRICT_CONTEXT),
    ],
)
def test_samesite_context(via: str, same: bool, context: str) -> None:
    assert c.samesite_context(via, SAME, SAME if same else OTHER, same) == context


@pytest.mark.parametrize(
    ("samesite", "allowed_in"),
    [
        ("Strict", {c.STRICT_CONTEXT}),
        ("Lax", {c.STRICT_CONTEXT, c.LAX_CONTEXT}),
        ("", {c.STRICT_CONTEXT, c.LAX_CONTEXT}),  # Chrome: Lax by default
        ("None", {c.STRICT_CONTEXT, c.LAX_CONTEXT, c.LAX_UNSAFE_CONTEXT, c.CROSS_SITE_CONTEXT}),
    ],
)
def test_samesite_allows(samesite: str, allowed_in: set[str]) -> None:
    for context in (c.STRICT_CONTEXT, c.LAX_CONTEXT, c.LAX_UNSAFE_CONTEXT, c.CROSS_SITE_CONTEXT):
        assert c.samesite_allows(samesite, context) is (context in allowed_in)


@pytest.mark.parametrize(
    ("via", "credentials", "crossorigin", "script_type", "mode"),
    [
        ("fetch", "omit", "none", "classic", "omit"),
        ("fetch", "same-origin", "none", "classic", "same-origin"),
        ("fetch", "include", "none", "classic", "include"),
        ("image", "omit", "none", "classic", "include"),  # no-cors: credentials included
        ("image", "same-origin", "anonymous", "classic", "same-origin"),
        ("image", "same-origin", "use-credentials", "classic", "include"),
        ("script", "same-origin", "none", "classic", "include"),
        ("script", "same-origin", "none", "module", "same-origin"),  # module scripts: CORS, same-origin
        ("script", "same-origin", "use-credentials", "module", "include"),
        ("iframe", "omit", "none", "classic", "include"),
        ("navigation", "omit", "none", "classic", "include"),
        ("form-post", "omit", "none", "classic", "include"),
    ],
)
def test_request_credentials_mode(
    via: str, credentials: str, crossorigin: str, script_type: str, mode: str
) -> None:
    assert c.request_credentials_mode(via, credentials, crossorigin, script_type) == mode


@pytest.mark.parametrize(
    ("mode", "same_origin", "allowed"),
    [
        ("omit", True, False),
        ("same-origin", True, True),
        ("same-origin", False, False),
        ("include", False, True),
    ],
)
def test_credentials_allow(mode: str, same_origin: bool, allowed: bool) -> None:
    assert c.credentials_allow(mode, same_origin) is allowed


def test_set_cookie_line_orders_attributes() -> None:
    line = c.set_cookie_line("sid", "1", secure=True, httponly=True, samesite="None", partitioned=True)
    assert line == "Set-Cookie: sid=1; Path=/; Secure; HttpOnly; SameSite=None; Partitioned"


@pytest.mark.parametrize(
    ("line", "samesite", "path", "domain"),
    [
        ("sid=1; SameSite=lax", "Lax", None, ""),
        ("sid=1; SameSite=Lax; SameSite=None; Secure", "None", None, ""),  # the last one wins
        ("sid=1; SameSite=None; SameSite=Bogus", "", None, ""),  # unknown: default, no fallback
        ("sid=1; Path=/app; Domain=.Example.COM", "", "/app", "example.com"),
        ("sid=1; Path=app", "", None, ""),  # not starting with "/": default-path
    ],
)
def test_parse_set_cookie(line: str, samesite: str, path: str | None, domain: str) -> None:
    parsed = parse_set_cookie(line)
    assert parsed is not None
    assert (parsed.samesite, parsed.path, parsed.domain) == (samesite, path, domain)


@pytest.mark.parametrize(
    ("url_path", "expected"), [("/", "/"), ("/login", "/"), ("/v1/items", "/v1"), ("/a/b/", "/a/b")]
)
def test_default_path(url_path: str, expected: str) -> None:
    assert default_path(url_path) == expected
