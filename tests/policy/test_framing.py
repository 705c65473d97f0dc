"""X-Frame-Options parsing and CSP frame-ancestors matching (policy_core/framing.py)."""

from __future__ import annotations

import pytest

from policy_core.framing import (
    frame_ancestors_directives,
    match_frame_ancestors,
    parse_x_frame_options,
    scheme_part_matches,
)
from policy_core.origins import parse_url


def xfo(*lines: str) -> str:
    return parse_x_frame_options(tuple(("X-Frame-Options", line) for line in lines)).value


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param((), "none", id="absent"),
        pytest.param(("DENY",), "deny", id="wpt-deny.sub.html"),
        pytest.param(("deny",), "deny", id="lower-case"),
        pytest.param(("  SameOrigin ",), "sameorigin", id="wpt-sameorigin.sub.html-mixed-case"),
        pytest.param(("ALLOWALL",), "allowall", id="wpt-invalid.sub.html-ALLOWALL"),
        pytest.param(("INVALID",), "invalid", id="wpt-invalid.sub.html-INVALID"),
        pytest.param(("ALLOW-FROM https://example.com/",), "invalid", id="wpt-invalid.sub.html-ALLOW-FROM"),
        pytest.param(("ALLOW-FROM=https://example.com/",), "invalid", id="wpt-invalid.sub.html-ALLOW-FROM="),
        pytest.param(("",), "invalid", id="wpt-invalid.sub.html-empty"),
        pytest.param(("SAMEORIGIN", "SAMEORIGIN"), "sameorigin", id="wpt-multiple.sub.html-two-lines-same"),
        pytest.param(
            ("INVALID", "SAMEORIGIN"), "sameorigin", id="wpt-multiple.sub.html-invalid-then-sameorigin"
        ),
        pytest.param(("SAMEORIGIN,INVALID",), "sameorigin", id="wpt-multiple.sub.html-comma-invalid"),
        pytest.param(("SAMEORIGIN", "DENY"), "conflict", id="wpt-multiple.sub.html-two-lines-conflict"),
        pytest.param(("DENY,SAMEORIGIN",), "conflict", id="wpt-multiple.sub.html-comma-conflict"),
        pytest.param((",SAMEORIGIN,,DENY,",), "conflict", id="wpt-commas.sub.html-empty-items"),
        pytest.param(("  SAMEORIGIN,    DENY",), "conflict", id="wpt-commas.sub.html-spaces"),
        pytest.param(('SAMEORIGIN,"DENY"',), "sameorigin", id="wpt-commas.sub.html-quoted-deny-is-invalid"),
        pytest.param(('"SAMEORIGIN,DENY"',), "invalid", id="wpt-commas.sub.html-quoted-string-is-one-value"),
        pytest.param(("SAMEORIGIN, ALLOWALL",), "conflict", id="allowall-conflicts-too"),
    ],
)
def test_x_frame_options_parsing(lines: tuple[str, ...], expected: str) -> None:
    assert xfo(*lines) == expected


def test_raw_value_joins_lines_for_the_console_message() -> None:
    parsed = parse_x_frame_options((("X-Frame-Options", "DENY"), ("x-frame-options", "SAMEORIGIN")))
    assert parsed.raw == "DENY, SAMEORIGIN"


def fa(*lines: str):
    return frame_ancestors_directives(tuple(("Content-Security-Policy", line) for line in lines))


def test_frame_ancestors_found_in_each_policy() -> None:
    found = fa(
        "default-src 'self'; frame-ancestors 'self'", "frame-ancestors https://a.example, script-src x"
    )
    assert [(d.policy_index, d.policy_count, d.value) for d in found] == [
        (0, 3, "'self'"),
        (1, 3, "https://a.example"),
    ]


def test_first_directive_of_a_name_wins_and_names_are_case_insensitive() -> None:
    (found,) = fa("FRAME-ANCESTORS 'none'; frame-ancestors *")
    assert found.sources == ("'none'",)


def test_report_only_is_separate() -> None:
    headers = (("Content-Security-Policy-Report-Only", "frame-ancestors 'none'"),)
    assert frame_ancestors_directives(headers) == ()
    assert len(frame_ancestors_directives(headers, "Content-Security-Policy-Report-Only")) == 1


def origin(url: str):
    return parse_url(url).origin


# CSP3 § Matching source expressions; cases follow WPT content-security-policy/frame-ancestors/
# (frame-ancestors-self-allow, -none-block, -star-allow, -url-allow/-block, -path-ignored).
@pytest.mark.parametrize(
    ("sources", "ancestor", "protected", "matches"),
    [
        (("'self'",), "https://a.example", "https://a.example/x", True),
        (("'self'",), "https://b.example", "https://a.example/x", False),
        (("'self'",), "https://a.example", "http://a.example/x", True),  # https ancestor upgrades http 'self'
        (("'self'",), "http://a.example", "https://a.example/x", False),
        (("'none'",), "https://a.example", "https://a.example/x", False),
        ((), "https://a.example", "https://a.example/x", False),
        (("*",), "https://evil.example", "https://a.example/x", True),
        (("https:",), "https://evil.example", "https://a.example/x", True),
        (("https:",), "http://evil.example", "https://a.example/x", False),
        (("http:",), "https://evil.example", "https://a.example/x", True),  # http: also allows https
        (("https://shop.example",), "https://shop.example", "https://w.example/", True),
        (("https://shop.example",), "https://shop.example:8443", "https://w.example/", False),
        (("https://shop.example:*",), "https://shop.example:8443", "https://w.example/", True),
        (("https://shop.example:443",), "https://shop.example", "https://w.example/", True),
        (("shop.example",), "https://shop.example", "https://w.example/", True),
        (("shop.example",), "http://shop.example", "https://w.example/", False),  # takes the framed scheme
        (("shop.example",), "https://shop.example", "http://w.example/", True),  # http also allows https
        (("https://*.shop.example",), "https://eu.shop.example", "https://w.example/", True),
        (("https://*.shop.example",), "https://shop.example", "https://w.example/", False),
        (("https://*.shop.example",), "https://a.b.shop.example", "https://w.example/", True),
        (("https://shop.example/checkout",), "https://shop.example", "https://w.example/", False),
        (("https://shop.example/",), "https://shop.example", "https://w.example/", True),
        (("'unsafe-inline'", "https://shop.example"), "https://shop.example", "https://w.example/", True),
        (("'none'", "https://shop.example"), "https://shop.example", "https://w.example/", True),
        (("HTTPS://SHOP.EXAMPLE",), "https://shop.example", "https://w.example/", True),
    ],
)
def test_source_matching(sources: tuple[str, ...], ancestor: str, protected: str, matches: bool) -> None:
    result = match_frame_ancestors(sources, origin(ancestor), origin(protected))
    assert (result.matched is not None) is matches


def test_opaque_ancestor_matches_nothing_not_even_star() -> None:
    sandboxed = parse_url("data:text/html,x").origin
    assert match_frame_ancestors(("*",), sandboxed, origin("https://a.example")).matched is None


def test_ignored_expressions_are_reported() -> None:
    result = match_frame_ancestors(
        ("'nonce-abc'", "https://a.example"), origin("https://b.example"), origin("https://w.example")
    )
    assert result.matched is None and result.ignored == ("'nonce-abc'",)


@pytest.mark.parametrize(
    ("pattern", "scheme", "matches"),
    [
        ("http", "https", True),
        ("https", "http", False),
        ("ws", "https", True),
        ("wss", "https", True),
        ("wss", "http", False),
        ("https", "https", True),
    ],
)
def test_scheme_part_matching(pattern: str, scheme: str, matches: bool) -> None:
    assert scheme_part_matches(pattern, scheme) is matches
