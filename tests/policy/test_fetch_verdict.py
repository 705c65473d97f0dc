"""The fetch verdict: Chrome's exact words, the trace, fixes and warnings (browser-rules.md § 2.1-2.3, § 3.2-3.9)."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario
from policy_core.fetch_rules import mime_essence, parse_max_age, parse_single_range
from policy_core.netspace import address_space

from .chrome_lines import page_part

PAGE = "https://app.example.com/dashboard"
API = "https://api.example.com/v1/items"
FRAME = "Access to fetch at '{url}' {redir}from origin 'https://app.example.com' has been blocked by CORS policy: "
PREFIX = "Response to preflight request doesn't pass access control check: "


def fetch(page=PAGE, target=API, **extra):
    verdict = evaluate(
        load_scenario({"version": 1, "page": page, "target": target, "resources": ["fetch"], **extra})
    ).verdict("fetch")
    assert verdict is not None
    return verdict


def ids(verdict):
    return {step.id: step.result for step in verdict.trace}


def test_extra_keys_in_order() -> None:
    verdict = fetch()
    assert [key for key, _ in verdict.extra] == [
        "preflight",
        "exposed_headers",
        "preflight_cache_seconds",
        "preflight_request",
    ]
    assert verdict.to_dict()["preflight_request"] == []


def test_missing_acao_has_no_suffix_in_newest_chrome() -> None:
    verdict = fetch()
    assert (
        page_part(verdict.console.chrome)
        == FRAME.format(url=API, redir="")
        + "No 'Access-Control-Allow-Origin' header is present on the requested resource."
    )
    assert verdict.console.firefox == (
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote "
        f"resource at {API}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). "
        "Status code: 200."
    )
    assert verdict.capability("send") and not verdict.capability("read")
    assert any(
        "Access-Control-Allow-Origin: https://app.example.com\nVary: Origin" in fix for fix in verdict.fixes
    )


def test_mismatch_takes_fetch_suffix() -> None:
    verdict = fetch(response={"headers": [["Access-Control-Allow-Origin", "https://app.example.com/"]]})
    assert page_part(verdict.console.chrome).endswith(
        "The 'Access-Control-Allow-Origin' header has a value "
        "'https://app.example.com/' that is not equal to the supplied origin. "
        "Have the server send the header with a valid value."
    )


def test_preflight_prefix_only_for_listed_reasons() -> None:
    acao_fail = fetch(request={"method": "PUT"}, preflight={"status": 204})
    assert (
        page_part(acao_fail.console.chrome)
        == FRAME.format(url=API, redir="")
        + PREFIX
        + "No 'Access-Control-Allow-Origin' header is present on the requested resource."
    )
    method_fail = fetch(
        request={"method": "PUT"},
        preflight={"status": 204, "headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    assert (
        page_part(method_fail.console.chrome)
        == FRAME.format(url=API, redir="")
        + "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
    )
    status_fail = fetch(
        request={"method": "PUT"},
        preflight={"status": 403, "headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    assert page_part(status_fail.console.chrome).endswith(PREFIX + "It does not have HTTP ok status.")
    # Firefox's first line; its second says the request as a whole did not succeed.
    assert status_fail.console.firefox.splitlines()[0].endswith(
        "(Reason: CORS preflight response did not succeed). Status code: 403."
    )


def test_preflight_404_firefox_reports_the_missing_header_with_the_status() -> None:
    # Firefox 153 runs the CORS check on the preflight before its status (the browser suite; this
    # test said "status first" until Firefox was played), then fails the request as a whole.
    verdict = fetch(request={"method": "DELETE"}, preflight={"status": 404})
    assert "No 'Access-Control-Allow-Origin' header" in verdict.console.chrome
    first, second = verdict.console.firefox.splitlines()
    assert first.endswith("(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404.")
    assert second.endswith("(Reason: CORS request did not succeed). Status code: (null).")


def test_spa_json_post_preflight_request_lines() -> None:
    verdict = fetch(
        request={"method": "PUT", "headers": [["Content-Type", "application/json"], ["X-Trace", "1"]]},
        preflight={
            "status": 204,
            "headers": [
                ["Access-Control-Allow-Origin", "https://app.example.com"],
                ["Access-Control-Allow-Methods", "PUT"],
                ["Access-Control-Allow-Headers", "Content-Type, X-Trace"],
            ],
        },
        response={
            "headers": [["Access-Control-Allow-Origin", "https://app.example.com"], ["Vary", "Origin"]]
        },
    )
    assert verdict.fetch.preflight_request == (
        "OPTIONS /v1/items HTTP/1.1",
        "Origin: https://app.example.com",
        "Access-Control-Request-Method: PUT",
        "Access-Control-Request-Headers: content-type,x-trace",
    )
    assert verdict.fetch.preflight_cache_seconds == 5
    assert verdict.capability("read") and verdict.warnings == ()


def test_failed_preflight_explains_why_it_protects_servers() -> None:
    verdict = fetch(
        request={"method": "DELETE"},
        preflight={"status": 204, "headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    assert not verdict.capability("send")
    step = next(s for s in verdict.trace if s.id == "fetch.preflight.blocks-request")
    assert "never sees the real request" in step.detail and "protects servers" in step.detail
    assert any("Access-Control-Allow-Methods: DELETE" in fix for fix in verdict.fixes)


def test_query_in_preflight_request_line() -> None:
    verdict = fetch(target="https://api.example.com/v1/items?page=2#top", request={"method": "PUT"})
    assert verdict.fetch.preflight_request[0] == "OPTIONS /v1/items?page=2 HTTP/1.1"


def test_max_age_chrome_cap_warning() -> None:
    verdict = fetch(
        request={"method": "PUT"},
        preflight={
            "status": 204,
            "headers": [
                ["Access-Control-Allow-Origin", "*"],
                ["Access-Control-Allow-Methods", "PUT"],
                ["Access-Control-Max-Age", "86400"],
            ],
        },
        response={"headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    assert verdict.fetch.preflight_cache_seconds == 7200
    assert any("2 hours" in w and "24 hours" in w for w in verdict.warnings)


@pytest.mark.parametrize(
    ("raw", "seconds"), [(None, 5), ("600", 600), ("-5", 0), ("abc", 5), ("99999", 7200)]
)
def test_parse_max_age(raw, seconds) -> None:
    headers = () if raw is None else (("Access-Control-Max-Age", raw),)
    assert parse_max_age(headers).chrome_seconds == seconds


def test_same_origin_says_no_cors() -> None:
    verdict = fetch(
        target="https://app.example.com/api",
        request={"method": "PUT", "headers": [["X-A", "1"]]},
        response={"headers": [["X-Secret", "1"], ["Set-Cookie", "a=1"]]},
    )
    assert ids(verdict)["fetch.same-origin"] == "pass"
    assert "no CORS" in next(s for s in verdict.trace if s.id == "fetch.same-origin").summary
    assert verdict.fetch.exposed_headers == ("x-secret",)
    assert verdict.console.chrome is None and not verdict.fetch.preflight


def test_mixed_content_blocked_before_cors() -> None:
    verdict = fetch(target="http://api.example.com/v1/items")
    assert verdict.console.chrome == (
        "Mixed Content: The page at 'https://app.example.com/dashboard' was loaded over HTTPS, but requested an "
        "insecure resource 'http://api.example.com/v1/items'. This request has been blocked; the content must be "
        "served over HTTPS."
    )
    assert not verdict.capability("send")


def test_http_localhost_from_https_page_is_not_mixed_content() -> None:
    verdict = fetch(
        target="http://localhost:8080/api", response={"headers": [["Access-Control-Allow-Origin", "*"]]}
    )
    assert ids(verdict)["fetch.mixed-content"] == "pass"
    assert ids(verdict)["fetch.local-network"] == "info"
    assert verdict.capability("read")


def test_local_network_insecure_page_denied() -> None:
    verdict = fetch(page="http://tools.example.com/", target="http://192.168.0.10/api")
    assert not verdict.capability("send")
    assert verdict.console.chrome.endswith(
        "The request client is not a secure context and the resource is in "
        "more-private address space `local`."
    )


@pytest.mark.parametrize(
    ("host", "space"),
    [
        ("127.0.0.1", "loopback"),
        ("localhost", "loopback"),
        ("[::1]", "loopback"),
        ("10.1.2.3", "local"),
        ("192.168.1.1", "local"),
        ("172.20.0.1", "local"),
        ("8.8.8.8", "public"),
        ("example.com", "unknown"),
    ],
)
def test_address_spaces(host, space) -> None:
    assert address_space(host) == space


def test_no_cors_opaque_and_silent() -> None:
    verdict = fetch(
        request={
            "method": "POST",
            "mode": "no-cors",
            "headers": [["X-Trace", "1"], ["Content-Type", "text/plain"]],
        }
    )
    assert verdict.capability("send") and not verdict.capability("read")
    assert verdict.console == type(verdict.console)()
    assert ids(verdict)["fetch.no-cors.headers"] == "info"
    assert any("CSRF" in w for w in verdict.warnings)


def test_no_cors_put_throws() -> None:
    verdict = fetch(request={"method": "PUT", "mode": "no-cors"})
    assert not verdict.capability("send")
    assert (
        "is unsupported in no-cors mode"
        in next(s for s in verdict.trace if s.id == "fetch.no-cors.method").detail
    )


def test_same_origin_mode() -> None:
    verdict = fetch(request={"mode": "same-origin"})
    # Chromium 156 prints the Fetch API's own sentence, no CORS frame (tests/browser agrees).
    assert verdict.console.chrome == (
        f'Fetch API cannot load {API}. Request mode is "same-origin" but the URL\'s origin is not same as the '
        "request origin https://app.example.com."
    )
    assert not verdict.capability("send")


def test_same_origin_mode_redirected_to_another_origin() -> None:
    scenario = load_scenario({
        "version": 1, "page": "https://app.example.com/dashboard", "target": "https://app.example.com/api/items",
        "resources": ["fetch"], "request": {"mode": "same-origin"},
        "redirects": [{"status": 302, "location": "https://api.example.com/moved"}],
    })
    verdict = evaluate(scenario).verdict("fetch")
    assert verdict is not None
    assert verdict.console.chrome == (
        "Unsafe attempt to load URL https://api.example.com/moved from frame with URL "
        "https://app.example.com/dashboard. Domains, protocols and ports must match."
    )


def test_file_scheme() -> None:
    verdict = fetch(page="file:///x/index.html", target="file:///x/data.json")
    assert verdict.console.chrome == (
        "Access to fetch at 'file:///x/data.json' from origin 'null' has been blocked by "
        "CORS policy: Cross origin requests are only supported for protocol schemes: "
        "chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, "
        "isolated-app."
    )


@pytest.mark.parametrize("method", ["CONNECT", "trace", "TRACK"])
def test_forbidden_methods(method) -> None:
    verdict = fetch(request={"method": method})
    assert not verdict.capability("send") and ids(verdict)["fetch.method"] == "fail"


def test_forbidden_headers_dropped() -> None:
    verdict = fetch(
        request={"headers": [["Cookie", "a=1"], ["Sec-Foo", "1"], ["X-HTTP-Method-Override", "TRACE"]]},
        response={"headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    assert ids(verdict)["fetch.forbidden-headers"] == "info"
    assert not verdict.fetch.preflight


def test_redirect_message_form_and_taint() -> None:
    verdict = fetch(
        redirects=[
            {
                "status": 302,
                "location": "https://cdn.example.net/items",
                "headers": [["Access-Control-Allow-Origin", "*"]],
            }
        ],
        response={"headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]},
    )
    assert verdict.console.chrome.startswith(
        "Access to fetch at 'https://cdn.example.net/items' (redirected from 'https://api.example.com/v1/items') "
        "from origin 'https://app.example.com'"
    )
    assert ids(verdict)["fetch.redirect.taint"] == "info"
    assert any("directly" in fix for fix in verdict.fixes)


def test_redirect_userinfo_chrome_message() -> None:
    verdict = fetch(
        redirects=[
            {
                "status": 302,
                "location": "https://u:p@cdn.example.net/",
                "headers": [["Access-Control-Allow-Origin", "*"]],
            }
        ]
    )
    # Chromium 156 leaves the location out of its line (the browser suite); the trace names it.
    assert page_part(verdict.console.chrome).endswith(
        "Redirect location '' contains a username and "
        "password, which is disallowed for cross-origin requests."
    )
    step = next(s for s in verdict.trace if s.id == "fetch.redirect.credentials")
    assert "https://u:p@cdn.example.net/" in step.detail and "Redirect location ''" in step.detail


def test_redirect_rewrites_post_and_drops_authorization() -> None:
    verdict = fetch(
        request={"method": "POST", "headers": [["Authorization", "Bearer t"]]},
        preflight={
            "status": 204,
            "headers": [
                ["Access-Control-Allow-Origin", "*"],
                ["Access-Control-Allow-Headers", "authorization"],
            ],
        },
        redirects=[
            {
                "status": 302,
                "location": "https://cdn.example.net/x",
                "headers": [["Access-Control-Allow-Origin", "*"]],
            }
        ],
        response={"headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    results = ids(verdict)
    assert results["fetch.redirect.method"] == "info" and results["fetch.redirect.authorization"] == "info"
    assert verdict.capability("read")


def test_303_turns_put_into_get() -> None:
    verdict = fetch(
        request={"method": "PUT"},
        preflight={
            "status": 204,
            "headers": [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Methods", "PUT"]],
        },
        redirects=[
            {
                "status": 303,
                "location": "https://api.example.com/v1/items/1",
                "headers": [["Access-Control-Allow-Origin", "*"]],
            }
        ],
        response={"headers": [["Access-Control-Allow-Origin", "*"]]},
    )
    assert "303 turns PUT into GET" in [s.summary for s in verdict.trace]


def test_more_than_twenty_redirects() -> None:
    hops = [{"status": 302, "location": f"https://app.example.com/r{i}"} for i in range(21)]
    verdict = fetch(target="https://app.example.com/r", redirects=hops)
    assert ids(verdict)["fetch.redirect.limit"] == "fail" and not verdict.capability("read")
    ok = fetch(target="https://app.example.com/r", redirects=hops[:20])
    assert ok.capability("read")


def test_warnings_null_vary_reflection_csrf() -> None:
    null = fetch(response={"headers": [["Access-Control-Allow-Origin", "null"]]})
    assert any("null is dangerous" in w for w in null.warnings)
    reflected = fetch(
        request={"credentials": "include"},
        response={
            "headers": [
                ["Access-Control-Allow-Origin", "https://app.example.com"],
                ["Access-Control-Allow-Credentials", "true"],
            ]
        },
    )
    assert any("Vary: Origin" in w for w in reflected.warnings)
    assert any("allowlist" in w for w in reflected.warnings)
    post = fetch(
        request={
            "method": "POST",
            "credentials": "include",
            "headers": [["Content-Type", "application/x-www-form-urlencoded"]],
        }
    )
    assert post.capability("send") and not post.capability("read")
    assert any("SameSite" in w and "token" in w and "Origin" in w for w in post.warnings)


def test_wildcard_with_credentials_fix() -> None:
    verdict = fetch(
        request={"credentials": "include"}, response={"headers": [["Access-Control-Allow-Origin", "*"]]}
    )
    assert (
        "must not be the wildcard '*' when the request's credentials mode is 'include'."
        in verdict.console.chrome
    )
    assert any(
        "Access-Control-Allow-Credentials: true" in fix and "Vary: Origin" in fix for fix in verdict.fixes
    )


def test_patch_lowercase_follows_current_chrome() -> None:
    verdict = fetch(
        request={"method": "patch"},
        preflight={
            "status": 204,
            "headers": [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Methods", "PATCH"]],
        },
    )
    assert not verdict.capability("send")
    step = next(s for s in verdict.trace if s.id == "fetch.preflight.method")
    assert "AccessControlAllowMethodsInCORSPreflightSpecConformant" in step.detail and "`put`" in step.detail
    assert any("method: 'PATCH'" in fix for fix in verdict.fixes)
    assert any("upper-cased it" in w for w in verdict.warnings)


def test_needless_header_client_fix() -> None:
    verdict = fetch(request={"headers": [["X-Requested-With", "XMLHttpRequest"]]}, preflight={"status": 405})
    assert any(fix.startswith("Client-side: drop the x-requested-with") for fix in verdict.fixes)


@pytest.mark.parametrize(
    ("value", "essence"),
    [
        ("Text/Plain;charset=utf-8", "text/plain"),
        ("text /plain", None),
        ("  text/html  ", "text/html"),
        ("text/", None),
    ],
)
def test_mime_essence(value, essence) -> None:
    assert mime_essence(value) == essence


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("bytes=0-", (0, None)),
        ("bytes=-5", (None, 5)),
        ("BYTES=1-2", (1, 2)),
        ("bytes=2-1", None),
        ("bytes=-", None),
    ],
)
def test_single_range(value, parsed) -> None:
    assert parse_single_range(value) == parsed


# --- The typed facts the exports build server configuration from (FetchDetails) -------------------


def test_fetch_details_of_a_preflighted_credentialed_request() -> None:
    verdict = fetch(
        request={
            "method": "put",
            "credentials": "include",
            "headers": [["X-Trace", "1"], ["Content-Type", "application/json"]],
        },
    )
    details = verdict.fetch
    assert details is not None
    assert details.preflight is True
    assert details.preflight_method == "PUT"  # normalized, as Access-Control-Request-Method carries it
    assert details.preflight_headers == ("content-type", "x-trace")  # lower-case, sorted
    assert details.credentials is True
    assert details.preflight_request[-1] == "Access-Control-Request-Headers: content-type,x-trace"


def test_fetch_details_of_a_simple_request() -> None:
    details = fetch(request={"method": "POST", "headers": [["Content-Type", "text/plain"]]}).fetch
    assert details is not None
    assert (details.preflight, details.preflight_method, details.preflight_headers) == (False, None, ())
    assert details.credentials is False  # credentials: same-origin (the default) is not include


def test_fetch_details_method_only_preflight_and_omit() -> None:
    details = fetch(request={"method": "DELETE", "credentials": "omit"}).fetch
    assert details is not None
    assert details.preflight_method == "DELETE"
    assert details.preflight_headers == ()
    assert details.credentials is False


def test_fetch_details_credentials_even_when_blocked_early() -> None:
    details = fetch(request={"method": "TRACE", "credentials": "include"}).fetch
    assert details is not None
    assert details.credentials is True and details.preflight is False and details.preflight_method is None


def test_no_cors_non_safelisted_method_throws_even_same_origin() -> None:
    # The Request constructor checks no-cors's method whatever the URL: Chromium 156 and Firefox 153
    # send nothing for a same-origin no-cors PUT either (tests/browser).
    scenario = load_scenario({
        "version": 1, "page": "https://app.example.com/dashboard", "target": "https://app.example.com/api/items",
        "resources": ["fetch"], "request": {"method": "PUT", "mode": "no-cors"},
    })
    verdict = evaluate(scenario).verdict("fetch")
    assert verdict is not None
    assert not verdict.capability("send") and not verdict.capability("read")
    assert any(s.id == "fetch.no-cors.method" and s.result == "fail" for s in verdict.trace)
