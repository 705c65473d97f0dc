"""The cookie verdict: capabilities, trace steps, console, fixes and warnings."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario


def cookie(page: str, target: str, cookie_value=None, **extra):
    scenario = {"version": 1, "page": page, "target": target, "resources": ["cookie"], **extra}
    if cookie_value is not None:
        scenario["cookie"] = cookie_value
    result = evaluate(load_scenario(scenario)).verdict("cookie")
    assert result is not None
    return result


def step(verdict, step_id: str):
    matches = [s for s in verdict.trace if s.id == step_id]
    assert matches, f"no {step_id} in {[s.id for s in verdict.trace]}"
    return matches[0]


def test_default_cookie_is_named_in_the_trace() -> None:
    verdict = cookie("https://a.example.com/", "https://a.example.com/api")
    source = step(verdict, "cookie.source")
    assert "default cookie" in source.summary and "sid=1" in source.summary
    assert dict(verdict.can) == {"stored": True, "sent": True, "script_read": True}


@pytest.mark.parametrize(
    ("target", "line", "stored", "failing_step", "reason"),
    [
        ("http://shop.example.com/login", "sid=1; Secure", False, "cookie.store.secure", "SecureOnly"),
        (
            "https://shop.example.com/",
            "sid=1; SameSite=None",
            False,
            "cookie.store.samesite-none",
            "SameSiteNoneInsecure",
        ),
        (
            "https://a.example.com/login",
            "__Secure-sid=1; Path=/",
            False,
            "cookie.store.prefix",
            "InvalidPrefix",
        ),
        (
            "http://a.example.com/",
            "__Secure-sid=1; Path=/; Secure",
            False,
            "cookie.store.prefix",
            "InvalidPrefix",
        ),
        (
            "https://a.example.com/login",
            "__Host-sid=1; Secure",
            False,
            "cookie.store.prefix",
            "InvalidPrefix",
        ),
        (
            "https://a.example.com/login",
            "__host-sid=1; Secure; Path=/; Domain=example.com",
            False,
            "cookie.store.prefix",
            "InvalidPrefix",
        ),
        (
            "https://a.example.com/",
            "__Http-sid=1; Secure; Path=/",
            False,
            "cookie.store.prefix",
            "InvalidPrefix",
        ),
        ("https://a.example.com/", "sid=1; Domain=com", False, "cookie.store.domain", "InvalidDomain"),
        ("https://a.example.com/", "sid=1; Domain=other.com", False, "cookie.store.domain", "InvalidDomain"),
        ("http://192.168.1.10/", "sid=1; Domain=168.1.10", False, "cookie.store.domain", "InvalidDomain"),
        (
            "https://a.example.com/",
            "sid=1; Partitioned",
            False,
            "cookie.store.partitioned",
            "INVALID_PARTITIONED",
        ),
        ("https://a.example.com/", "__Host-sid=1; Secure; Path=/", True, "cookie.store.prefix", None),
        (
            "https://a.example.com/",
            "__Host-Http-sid=1; Secure; Path=/; HttpOnly",
            True,
            "cookie.store.prefix",
            None,
        ),
        ("http://localhost:8080/", "__Host-sid=1; Secure; Path=/", True, "cookie.store.prefix", None),
        ("https://github.io/", "sid=1; Domain=github.io", True, "cookie.store.domain", None),
        ("http://127.0.0.1:5000/", "sid=1; Domain=127.0.0.1", True, "cookie.store.domain", None),
        ("https://a.example.com/", "sid=1; Secure; Partitioned", True, "cookie.store.partitioned", None),
    ],
)
def test_storage_rules(target: str, line: str, stored: bool, failing_step: str, reason: str | None) -> None:
    # Carried by a top-level navigation, which prints nothing of its own (a cross-origin fetch would
    # add its CORS lines to the cookie verdict's console).
    verdict = cookie("https://a.example.com/", target, {"set_cookie": line, "via": "navigation"})
    assert verdict.capability("stored") is stored
    found = step(verdict, failing_step)
    assert found.result == ("pass" if stored else "fail")
    if reason:
        assert reason in found.detail
    # Chrome reports cookie rejections in DevTools, not the console.
    assert verdict.console.chrome is None
    if not stored:
        assert not verdict.capability("sent") and not verdict.capability("script_read")
        assert "DevTools" in step(verdict, "cookie.devtools").detail


def test_non_http_target_cannot_set_cookies() -> None:
    verdict = cookie("https://a.example.com/", "ftp://files.example.com/x")
    assert step(verdict, "cookie.store.scheme").result == "fail"
    assert verdict.outcome == "blocked"


def test_oversized_cookie_rejected() -> None:
    verdict = cookie("https://a.example.com/", "https://a.example.com/", {"name": "big", "value": "x" * 4094})
    assert step(verdict, "cookie.store.size").result == "fail"
    assert verdict.capability("stored") is False


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("sid=1; SameSite=None", "Set-Cookie: sid=1; Path=/; Secure; SameSite=None"),
        ("__Host-sid=1; Domain=example.com; Path=/app", "Set-Cookie: __Host-sid=1; Path=/; Secure"),
        ("__Host-Http-sid=1; Secure; Path=/", "Set-Cookie: __Host-Http-sid=1; Path=/; Secure; HttpOnly"),
        ("sid=1; Domain=com; Secure", "Set-Cookie: sid=1; Path=/; Secure"),
    ],
)
def test_storage_fix_is_one_exact_set_cookie_line(line: str, fix: str) -> None:
    verdict = cookie("https://a.example.com/", "https://a.example.com/", {"set_cookie": line})
    assert verdict.fixes[0] == fix


def test_host_prefix_without_explicit_path_is_rejected_even_when_default_path_is_root() -> None:
    # Chrome checks the Path *attribute* (parsed_cookie.Path() == "/"), not the default-path.
    verdict = cookie(
        "https://a.example.com/", "https://a.example.com/login", {"set_cookie": "__Host-sid=1; Secure"}
    )
    assert verdict.capability("stored") is False
    assert "an explicit Path=/" in step(verdict, "cookie.store.prefix").summary


def test_default_path_from_set_cookie_line_limits_sending() -> None:
    verdict = cookie("https://a.example.com/", "https://a.example.com/v1/login", {"set_cookie": "sid=1"})
    assert "default-path /v1" in step(verdict, "cookie.store.path").summary


def test_path_mismatch_not_sent_and_fix_sets_root_path() -> None:
    verdict = cookie(
        "https://a.example.com/",
        "https://a.example.com/api",
        {"name": "sid", "path": "/admin", "secure": True, "samesite": "Lax"},
    )
    assert step(verdict, "cookie.send.path-match").result == "fail"
    assert verdict.fixes[0] == "Set-Cookie: sid=1; Path=/; Secure; SameSite=Lax"


def test_strict_on_cross_site_link_suggests_lax() -> None:
    verdict = cookie(
        "https://mail.example.org/",
        "https://bank.example.com/",
        {"set_cookie": "sid=1; Path=/; Secure; HttpOnly; SameSite=Strict", "via": "navigation"},
    )
    assert step(verdict, "cookie.send.samesite").result == "fail"
    assert "SameSiteStrict" in step(verdict, "cookie.send.samesite").detail
    assert verdict.fixes[0] == "Set-Cookie: sid=1; Path=/; Secure; HttpOnly; SameSite=Lax"


def test_unspecified_samesite_cross_site_post_mentions_lax_allowing_unsafe() -> None:
    verdict = cookie(
        "https://pay.example.net/",
        "https://shop.example.com/return",
        {"set_cookie": "sid=1; Path=/; Secure", "via": "form-post"},
    )
    samesite = step(verdict, "cookie.send.samesite")
    assert samesite.result == "fail"
    assert "2 minutes" in samesite.detail and "age is unknown" in samesite.detail
    assert "SameSiteUnspecifiedTreatedAsLax" in samesite.detail
    assert "Firefox and Safari treat an absent SameSite as None" in samesite.detail
    # No fix turns a cross-site POST into a cookie-carrying one silently.
    assert not any("SameSite=None" in fix and fix.startswith("Set-Cookie") for fix in verdict.fixes)


def test_schemeful_mismatch_names_the_schemeful_reason() -> None:
    verdict = cookie(
        "http://example.com/",
        "https://example.com/api",
        {"set_cookie": "sid=1; Path=/; Secure; SameSite=Lax"},
        request={"credentials": "include"},
    )
    assert "SchemefulSameSiteLax" in step(verdict, "cookie.send.samesite").detail
    assert "Serve the page over https: https://example.com/" in verdict.fixes


def test_third_party_none_cookie_names_browser_differences() -> None:
    verdict = cookie(
        "https://news.example.org/",
        "https://widget.example.net/embed",
        {"set_cookie": "sid=1; Path=/; Secure; SameSite=None", "via": "iframe"},
    )
    third = step(verdict, "cookie.send.third-party")
    assert third.result == "pass"
    assert "Safari blocks" in third.detail and "Total Cookie Protection" in third.detail
    assert any("CSRF" in w for w in verdict.warnings)
    assert any("third-party cookies" in w for w in verdict.warnings)


def test_partitioned_cookie_only_in_its_partition() -> None:
    line = "sid=1; Path=/; Secure; SameSite=None; Partitioned"
    embedded = cookie(
        "https://news.example.org/", "https://chat.example.net/w", {"set_cookie": line, "via": "iframe"}
    )
    assert step(embedded, "cookie.send.partition").result == "fail"
    assert embedded.capability("sent") is False
    top_level = cookie(
        "https://news.example.org/", "https://chat.example.net/w", {"set_cookie": line, "via": "navigation"}
    )
    assert step(top_level, "cookie.send.partition").result == "pass"
    assert top_level.capability("sent") is True


@pytest.mark.parametrize(
    ("via", "request_", "sent"),
    [
        ("fetch", {"credentials": "omit"}, False),
        ("fetch", {"credentials": "same-origin"}, False),
        ("fetch", {"credentials": "include"}, True),
        ("image", {"crossorigin": "none"}, True),
        ("image", {"crossorigin": "anonymous"}, False),
        ("image", {"crossorigin": "use-credentials"}, True),
        ("script", {"crossorigin": "none"}, True),
        ("script", {"crossorigin": "none", "script_type": "module"}, False),
        ("iframe", {"credentials": "omit"}, True),
    ],
)
def test_credentials_gate_same_site_cross_origin(via: str, request_: dict, sent: bool) -> None:
    verdict = cookie(
        "https://app.example.com/",
        "https://api.example.com/x",
        {"set_cookie": "sid=1; Path=/; Secure; SameSite=Lax", "via": via},
        request=request_,
    )
    assert verdict.capability("sent") is sent
    assert step(verdict, "cookie.send.credentials-mode").result == ("pass" if sent else "fail")


def test_credentials_fix_names_exact_cors_headers() -> None:
    verdict = cookie("https://app.example.com/", "https://api.example.com/x", {"set_cookie": "sid=1; Path=/"})
    assert (
        "fetch('https://api.example.com/x', { credentials: 'include' }) and have https://api.example.com answer "
        "Access-Control-Allow-Origin: https://app.example.com plus Access-Control-Allow-Credentials: true"
        in verdict.fixes
    )


def test_include_cross_origin_mentions_acao_and_acac() -> None:
    verdict = cookie(
        "https://app.example.com/",
        "https://api.example.com/x",
        {"set_cookie": "sid=1; Path=/"},
        request={"credentials": "include"},
    )
    detail = step(verdict, "cookie.send.credentials-mode").detail
    assert "Access-Control-Allow-Origin: https://app.example.com (exact, not *)" in detail
    assert "Access-Control-Allow-Credentials: true" in detail
    assert any(w.startswith("CORS does not stop this request") for w in verdict.warnings)


def test_fetch_mode_same_origin_cross_origin_is_never_sent() -> None:
    verdict = cookie(
        "https://app.example.com/",
        "https://api.example.com/x",
        {"set_cookie": "sid=1; Path=/"},
        request={"mode": "same-origin", "credentials": "include"},
    )
    assert step(verdict, "cookie.send.request-mode").result == "fail"
    assert verdict.capability("sent") is False


def test_sandboxed_page_reading_cookie_throws_in_chrome() -> None:
    verdict = cookie(
        "https://app.example.com/",
        "https://app.example.com/",
        {"set_cookie": "sid=1; Path=/", "via": "navigation"},  # a navigation prints nothing of its own
        page_sandboxed=True,
    )
    assert verdict.capability("script_read") is False
    assert verdict.console.chrome == (
        "Failed to read the 'cookie' property from 'Document': The document is "
        "sandboxed and lacks the 'allow-same-origin' flag."
    )


@pytest.mark.parametrize(
    ("page", "line", "readable", "failing"),
    [
        ("https://app.example.com/", "sid=1; Path=/", True, None),
        ("https://app.example.com/", "sid=1; Path=/; HttpOnly", False, "cookie.read.httponly"),
        ("https://www.example.com/", "sid=1; Path=/", False, "cookie.read.domain-match"),
        ("https://www.example.com/", "sid=1; Path=/; Domain=example.com", True, None),
        ("https://app.example.com/other", "sid=1; Path=/app", False, "cookie.read.path-match"),
        ("http://app.example.com/", "sid=1; Path=/; Secure", False, "cookie.read.secure"),
        ("https://evil.example/", "sid=1; Path=/", False, "cookie.read.domain-match"),
    ],
)
def test_document_cookie(page: str, line: str, readable: bool, failing: str | None) -> None:
    verdict = cookie(page, "https://app.example.com/", {"set_cookie": line})
    assert verdict.capability("stored") is True
    assert verdict.capability("script_read") is readable
    if failing:
        assert step(verdict, failing).result == "fail"


def test_httponly_read_fix_is_offered_only_when_httponly_is_what_hides_it() -> None:
    own = cookie(
        "https://app.example.com/", "https://app.example.com/", {"set_cookie": "sid=1; Path=/; HttpOnly"}
    )
    other = cookie(
        "https://evil.example/", "https://app.example.com/", {"set_cookie": "sid=1; Path=/; HttpOnly"}
    )
    assert any("HttpOnly is what hides it" in fix for fix in own.fixes)
    assert not any("HttpOnly is what hides it" in fix for fix in other.fixes)


def test_non_httponly_cookie_warns_about_injected_script() -> None:
    verdict = cookie("https://app.example.com/", "https://app.example.com/", {"set_cookie": "sid=1; Path=/"})
    assert any("XSS" in w for w in verdict.warnings)


def test_redirects_are_explained() -> None:
    verdict = cookie(
        "https://app.example.com/",
        "https://app.example.com/go",
        {"set_cookie": "sid=1; Path=/"},
        redirects=[{"status": 302, "location": "https://cdn.example.net/x"}],
    )
    assert step(verdict, "cookie.send.redirects").result == "info"
