"""The script verdict: cross-origin classic scripts run with muted errors; modules need CORS."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_core import evaluate, load_scenario

from .chrome_lines import page_part

PAGE = "https://shop.example/"
ANALYTICS = "https://cdn.analytics.example/tag.js"


def script(
    page: str = PAGE,
    target: str = ANALYTICS,
    *headers: tuple[str, str],
    crossorigin: str = "none",
    script_type: str = "classic",
    status: int = 200,
    **extra,
):
    scenario = {
        "version": 1,
        "page": page,
        "target": target,
        "resources": ["script"],
        "request": {"crossorigin": crossorigin, "script_type": script_type},
        "response": {"status": status, "headers": [list(h) for h in headers]},
        **extra,
    }
    verdict = evaluate(load_scenario(scenario)).verdict("script")
    assert verdict is not None
    return verdict


def ids(verdict) -> dict[str, str]:
    return {s.id: s.result for s in verdict.trace}


def caps(verdict) -> tuple[bool, bool]:
    return verdict.capability("execute"), verdict.capability("read_errors")


def test_classic_cross_origin_runs_with_muted_errors() -> None:
    verdict = script()
    assert caps(verdict) == (True, False)
    errors = next(s for s in verdict.trace if s.id == "script.errors")
    assert "Script error." in errors.summary
    assert ids(verdict)["script.page-origin"] == "info"
    assert any("Subresource Integrity" in w for w in verdict.warnings)
    assert any('crossorigin="anonymous"' in f for f in verdict.fixes)


def test_crossorigin_with_passing_check_shows_errors() -> None:
    verdict = script(PAGE, ANALYTICS, ("Access-Control-Allow-Origin", "*"), crossorigin="anonymous")
    assert verdict.outcome == "allowed"


def test_crossorigin_with_failing_check_does_not_run() -> None:
    verdict = script(crossorigin="anonymous")
    assert caps(verdict) == (False, False)
    assert page_part(verdict.console.chrome) == (
        "Access to script at 'https://cdn.analytics.example/tag.js' from origin 'https://shop.example' has been "
        "blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
    )


def test_module_without_crossorigin_still_uses_cors() -> None:
    verdict = script(script_type="module")
    assert caps(verdict) == (False, False)
    assert verdict.console.chrome.startswith("Access to script at ")
    request = next(s for s in verdict.trace if s.id == "script.request")
    assert "credentials mode same-origin" in request.summary


def test_module_without_crossorigin_accepts_wildcard_but_use_credentials_does_not() -> None:
    assert (
        script(PAGE, ANALYTICS, ("Access-Control-Allow-Origin", "*"), script_type="module").outcome
        == "allowed"
    )
    verdict = script(
        PAGE,
        ANALYTICS,
        ("Access-Control-Allow-Origin", "*"),
        script_type="module",
        crossorigin="use-credentials",
    )
    assert verdict.capability("execute") is False


def test_same_origin_script_is_fully_visible() -> None:
    verdict = script(PAGE, "https://shop.example/app.js", script_type="module")
    assert verdict.outcome == "allowed"
    assert "script.page-origin" not in ids(verdict)
    assert verdict.warnings == ()


def test_corp_applies_to_no_cors_scripts() -> None:
    verdict = script(PAGE, ANALYTICS, ("Cross-Origin-Resource-Policy", "same-site"))
    assert caps(verdict) == (False, False)
    assert verdict.console.chrome == "Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.NotSameSite"


def test_http_script_on_https_page_is_blocked_as_mixed_content() -> None:
    verdict = script(PAGE, "http://cdn.analytics.example/tag.js")
    assert caps(verdict) == (False, False)
    assert verdict.console.chrome == (
        "Mixed Content: The page at 'https://shop.example/' was loaded over HTTPS, but requested an insecure script "
        "'http://cdn.analytics.example/tag.js'. This request has been blocked; the content must be served over HTTPS."
    )


def test_localhost_http_is_not_mixed_content() -> None:
    assert script("https://shop.example/", "http://localhost:5173/src/main.js").capability("execute") is True


@pytest.mark.parametrize(
    ("content_type", "nosniff", "module", "runs", "message"),
    [
        ("text/javascript; charset=utf-8", True, True, True, None),
        (
            "text/html",
            False,
            True,
            False,
            "Failed to load module script: Expected a JavaScript-or-Wasm module script but the server responded with a "
            'MIME type of "text/html". Strict MIME type checking is enforced for module scripts per HTML spec.',
        ),
        (
            "text/plain",
            True,
            False,
            False,
            "Refused to execute script from 'https://cdn.analytics.example/tag.js' because its MIME type ('text/plain') "
            "is not executable, and strict MIME type checking is enabled.",
        ),
        ("text/plain", False, False, True, None),
        (
            "image/png",
            False,
            False,
            False,
            "Refused to execute script from 'https://cdn.analytics.example/tag.js' because its MIME type ('image/png') "
            "is not executable.",
        ),
    ],
)
def test_mime_type_rules(
    content_type: str, nosniff: bool, module: bool, runs: bool, message: str | None
) -> None:
    headers = [("Content-Type", content_type), ("Access-Control-Allow-Origin", "*")]
    if nosniff:
        headers.append(("X-Content-Type-Options", "nosniff"))
    # In CORS mode (ACAO * lets it through): a no-cors one with nosniff and a non-JavaScript type is
    # dropped by Chrome's ORB before any MIME line is printed (Chromium 156).
    verdict = script(
        PAGE, ANALYTICS, *headers, crossorigin="anonymous", script_type="module" if module else "classic"
    )
    assert verdict.capability("execute") is runs
    if message:
        assert verdict.console.chrome == message


def test_error_status_does_not_run() -> None:
    assert script(status=500).capability("execute") is False


# --- invariants ---------------------------------------------------------------------------------


@st.composite
def script_scenarios(draw):
    headers = []
    acao = draw(st.sampled_from([None, "*", "https://shop.example", "https://other.example"]))
    if acao:
        headers.append(["Access-Control-Allow-Origin", acao])
    if draw(st.booleans()):
        headers.append(["Access-Control-Allow-Credentials", "true"])
    return {
        "version": 1,
        "page": draw(
            st.sampled_from(["https://shop.example/", "http://shop.example/", "https://a.shop.example/"])
        ),
        "target": draw(
            st.sampled_from(
                ["https://shop.example/a.js", "https://cdn.example/a.js", "http://cdn.example/a.js"]
            )
        ),
        "resources": ["script"],
        "request": {
            "crossorigin": draw(st.sampled_from(["none", "anonymous", "use-credentials"])),
            "script_type": draw(st.sampled_from(["classic", "module"])),
        },
        "response": {"headers": headers},
    }


@settings(max_examples=300, deadline=None)
@given(script_scenarios())
def test_invariants(scenario) -> None:
    report = evaluate(load_scenario(scenario))
    verdict = report.verdict("script")
    # Errors are visible only from a script that runs.
    if verdict.capability("read_errors"):
        assert verdict.capability("execute")
    # A classic no-cors cross-origin script never has visible errors.
    if scenario["request"] == {"crossorigin": "none", "script_type": "classic"} and not report.same_origin:
        assert verdict.capability("read_errors") is False
    # A CORS-mode script that runs always has visible errors (it passed the check, or is same-origin).
    if verdict.capability("execute") and (
        scenario["request"]["crossorigin"] != "none" or scenario["request"]["script_type"] == "module"
    ):
        assert verdict.capability("read_errors")
