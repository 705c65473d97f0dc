"""The image verdict: loading is allowed, reading pixels needs CORS (HTML § CORS settings attributes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_core import evaluate, load_scenario

from .chrome_lines import page_part

PAGE = "https://app.example/editor"
CDN = "https://cdn.other.example/cat.png"
TAINTED = (
    "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by "
    "cross-origin data."
)


def image(
    page: str = PAGE,
    target: str = CDN,
    *headers: tuple[str, str],
    crossorigin: str = "none",
    status: int = 200,
    **extra,
):
    scenario = {
        "version": 1,
        "page": page,
        "target": target,
        "resources": ["image"],
        "request": {"crossorigin": crossorigin},
        "response": {"status": status, "headers": [list(h) for h in headers]},
        **extra,
    }
    verdict = evaluate(load_scenario(scenario)).verdict("image")
    assert verdict is not None
    return verdict


def ids(verdict) -> dict[str, str]:
    return {s.id: s.result for s in verdict.trace}


def caps(verdict) -> tuple[bool, bool]:
    return verdict.capability("display"), verdict.capability("read_pixels")


def test_no_crossorigin_displays_and_taints() -> None:
    verdict = image()
    assert caps(verdict) == (True, False)
    assert verdict.console.chrome == TAINTED
    assert ids(verdict)["image.canvas"] == "fail"
    assert any('crossorigin="anonymous"' in fix for fix in verdict.fixes)


def test_cors_headers_without_the_attribute_change_nothing_and_the_trace_says_so() -> None:
    verdict = image(PAGE, CDN, ("Access-Control-Allow-Origin", "*"))
    assert caps(verdict) == (True, False)
    assert ids(verdict)["image.cors-headers-ignored"] == "info"
    assert "only the attribute is missing" in verdict.fixes[0]


@pytest.mark.parametrize("acao", ["*", "https://app.example"])
def test_anonymous_with_passing_check_is_readable(acao: str) -> None:
    verdict = image(PAGE, CDN, ("Access-Control-Allow-Origin", acao), crossorigin="anonymous")
    assert verdict.outcome == "allowed"
    assert ids(verdict)["image.cors.allow-origin"] == "pass"


def test_anonymous_failing_check_does_not_load_at_all() -> None:
    verdict = image(crossorigin="anonymous")
    assert caps(verdict) == (False, False)
    assert page_part(verdict.console.chrome) == (
        "Access to image at 'https://cdn.other.example/cat.png' from origin 'https://app.example' has been blocked "
        "by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
    )
    assert verdict.console.firefox.endswith(
        "(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."
    )


def test_use_credentials_rejects_the_wildcard() -> None:
    verdict = image(PAGE, CDN, ("Access-Control-Allow-Origin", "*"), crossorigin="use-credentials")
    assert caps(verdict) == (False, False)
    assert "must not be the wildcard '*'" in verdict.console.chrome


def test_use_credentials_needs_allow_credentials() -> None:
    verdict = image(
        PAGE, CDN, ("Access-Control-Allow-Origin", "https://app.example"), crossorigin="use-credentials"
    )
    assert caps(verdict) == (False, False)
    assert ids(verdict)["image.cors.allow-credentials"] == "fail"
    ok = image(
        PAGE,
        CDN,
        ("Access-Control-Allow-Origin", "https://app.example"),
        ("Access-Control-Allow-Credentials", "true"),
        crossorigin="use-credentials",
    )
    assert ok.outcome == "allowed"


@pytest.mark.parametrize(
    ("corp", "page", "blocked", "net_error"),
    [
        ("same-origin", PAGE, True, "NotSameOrigin"),
        ("same-site", PAGE, True, "NotSameSite"),
        ("same-site", "https://www.other.example/", False, None),
        ("cross-origin", PAGE, False, None),
        ("Same-Origin", PAGE, False, None),  # not an exact value: ignored
    ],
)
def test_corp_blocks_no_cors_loads(corp: str, page: str, blocked: bool, net_error: str | None) -> None:
    verdict = image(page, CDN, ("Cross-Origin-Resource-Policy", corp))
    assert verdict.capability("display") is not blocked
    if net_error:
        assert verdict.console.chrome == f"Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.{net_error}"
        assert verdict.console.safari == (
            "Cancelled load to https://cdn.other.example/cat.png because it violates the resource's "
            "Cross-Origin-Resource-Policy response header."
        )


def test_corp_same_site_blocks_an_http_page_loading_https() -> None:
    verdict = image("http://www.other.example/", CDN, ("Cross-Origin-Resource-Policy", "same-site"))
    assert verdict.capability("display") is False


def test_corp_does_not_apply_to_a_passing_cors_request() -> None:
    verdict = image(
        PAGE,
        CDN,
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("Access-Control-Allow-Origin", "*"),
        crossorigin="anonymous",
    )
    assert verdict.outcome == "allowed"
    assert "image.corp" not in ids(verdict)


def test_same_origin_needs_nothing() -> None:
    verdict = image(
        PAGE,
        "https://app.example/logo.png",
        ("Cross-Origin-Resource-Policy", "same-origin"),
        crossorigin="use-credentials",
    )
    assert verdict.outcome == "allowed"
    assert "image.cors.allow-origin" not in ids(verdict)


def test_error_status_does_not_display() -> None:
    assert caps(image(status=404)) == (False, False)


def test_redirect_back_to_same_origin_stays_tainted() -> None:
    verdict = image(PAGE, CDN, redirects=[{"status": 302, "location": "https://app.example/cat.png"}])
    assert caps(verdict) == (True, False)


def test_cross_origin_redirect_taints_the_origin_to_null() -> None:
    verdict = image(
        PAGE,
        CDN,
        ("Access-Control-Allow-Origin", "https://app.example"),
        crossorigin="anonymous",
        redirects=[
            {
                "status": 302,
                "location": "https://img.third.example/cat.png",
                "headers": [["Access-Control-Allow-Origin", "*"]],
            }
        ],
    )
    assert caps(verdict) == (False, False)
    assert ids(verdict)["image.redirect.tainted-origin"] == "info"
    assert verdict.console.chrome.startswith(
        "Access to image at 'https://img.third.example/cat.png' (redirected from 'https://cdn.other.example/cat.png') "
        "from origin 'https://app.example'"
    )


def test_http_image_on_https_page_is_upgraded() -> None:
    verdict = image(PAGE, "http://app.example/logo.png")
    assert verdict.outcome == "allowed"  # upgraded to https://app.example/logo.png: same-origin
    assert ids(verdict)["image.mixed-content"] == "info"


def test_sandboxed_page_image_is_tainted() -> None:
    verdict = image(PAGE, "https://app.example/logo.png", page_sandboxed=True)
    assert caps(verdict) == (True, False)


# --- invariants ---------------------------------------------------------------------------------

HOSTS = st.sampled_from(["app.example", "cdn.other.example", "www.app.example", "localhost"])
SCHEMES = st.sampled_from(["http", "https"])
ACAO_VALUES = st.sampled_from(
    [None, "*", "null", "https://app.example", "http://app.example", "https://x.example"]
)
CORP_VALUES = st.sampled_from([None, "same-origin", "same-site", "cross-origin"])


@st.composite
def image_scenarios(draw):
    headers = []
    acao = draw(ACAO_VALUES)
    if acao is not None:
        headers.append(["Access-Control-Allow-Origin", acao])
    if draw(st.booleans()):
        headers.append(["Access-Control-Allow-Credentials", "true"])
    corp = draw(CORP_VALUES)
    if corp is not None:
        headers.append(["Cross-Origin-Resource-Policy", corp])
    return {
        "version": 1,
        "page": f"{draw(SCHEMES)}://{draw(HOSTS)}/page",
        "target": f"{draw(SCHEMES)}://{draw(HOSTS)}/img.png",
        "resources": ["image"],
        "request": {"crossorigin": draw(st.sampled_from(["none", "anonymous", "use-credentials"]))},
        "response": {"status": draw(st.sampled_from([200, 200, 404])), "headers": headers},
    }


@settings(max_examples=300, deadline=None)
@given(image_scenarios())
def test_failed_cors_check_never_displays_an_image_with_crossorigin(scenario) -> None:
    verdict = evaluate(load_scenario(scenario)).verdict("image")
    if any(s.id.startswith("image.cors.") and s.result == "fail" for s in verdict.trace):
        assert scenario["request"]["crossorigin"] != "none"
        assert verdict.capability("display") is False
        # (after Chrome's mixed-content upgrade line, for an http image on an https page)
        lines = verdict.console.chrome.splitlines()
        assert lines[lines[0].startswith("Mixed Content: ")].startswith("Access to image at ")


@settings(max_examples=300, deadline=None)
@given(image_scenarios())
def test_pixels_readable_only_if_displayed_and_same_origin_images_always_readable(scenario) -> None:
    report = evaluate(load_scenario(scenario))
    verdict = report.verdict("image")
    if verdict.capability("read_pixels"):
        assert verdict.capability("display")
    upgraded = any(
        s.id == "image.mixed-content" for s in verdict.trace
    )  # http -> https may become same-origin
    if scenario["request"]["crossorigin"] == "none" and not report.same_origin and not upgraded:
        assert verdict.capability("read_pixels") is False
    if report.same_origin and scenario["response"]["status"] == 200:
        assert verdict.outcome == "allowed"
