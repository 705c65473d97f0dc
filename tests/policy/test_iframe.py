"""The iframe verdict: framing decided by CSP frame-ancestors, else X-Frame-Options; DOM only same-origin."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario

PAGE = "https://shop.example/checkout"
WIDGET = "https://pay.widget.example/embed?order=1"


def iframe(page: str = PAGE, target: str = WIDGET, *headers: tuple[str, str], status: int = 200, **extra):
    scenario = {
        "version": 1,
        "page": page,
        "target": target,
        "resources": ["iframe"],
        "response": {"status": status, "headers": [list(h) for h in headers]},
        **extra,
    }
    verdict = evaluate(load_scenario(scenario)).verdict("iframe")
    assert verdict is not None
    return verdict


def steps(verdict) -> dict[str, str]:
    return {s.id: s.result for s in verdict.trace}


def test_cross_origin_frame_embeds_but_is_not_scriptable() -> None:
    verdict = iframe()
    assert (verdict.capability("embed"), verdict.capability("script_access")) == (True, False)
    assert (
        verdict.console.chrome
        == 'Blocked a frame with origin "https://shop.example" from accessing a cross-origin frame.'
    )
    assert steps(verdict)["iframe.compare.host"] == "fail"
    reachable = next(s for s in verdict.trace if s.id == "iframe.cross-origin-reachable")
    for name in ("postMessage", "location", "frames", "close", "focus", "blur"):
        assert name in reachable.detail
    assert any("postMessage" in fix for fix in verdict.fixes)


def test_same_origin_frame_is_scriptable() -> None:
    verdict = iframe(PAGE, "https://shop.example/help")
    assert verdict.outcome == "allowed"
    assert verdict.console.chrome is None


@pytest.mark.parametrize(
    ("value", "disposition"),
    [("DENY", "deny"), ("deny", "deny"), ("SAMEORIGIN", "sameorigin"), ("SameOrigin", "sameorigin")],
)
def test_xfo_messages_name_the_origin_with_trailing_slash_and_lower_case_value(
    value: str, disposition: str
) -> None:
    # browser-rules.md § 2.4: origin-url, disposition always lower-case.
    verdict = iframe(PAGE, WIDGET, ("X-Frame-Options", value))
    assert verdict.outcome == "blocked"
    assert verdict.console.chrome == (
        f"Refused to display 'https://pay.widget.example/' in a frame because it set 'X-Frame-Options' to '{disposition}'."
    )
    assert steps(verdict)["iframe.x-frame-options"] == "fail"
    assert steps(verdict)["iframe.script-access"] == "skip"


def test_sameorigin_allows_the_same_origin_page() -> None:
    verdict = iframe(PAGE, "https://shop.example/frame", ("X-Frame-Options", "SAMEORIGIN"))
    assert verdict.outcome == "allowed"


def test_deny_blocks_even_the_same_origin() -> None:
    assert (
        iframe(PAGE, "https://shop.example/frame", ("X-Frame-Options", "DENY")).capability("embed") is False
    )


def test_conflicting_values_fall_back_to_deny_with_chrome_message() -> None:
    verdict = iframe(
        PAGE, "https://shop.example/frame", ("X-Frame-Options", "DENY"), ("X-Frame-Options", "SAMEORIGIN")
    )
    assert verdict.capability("embed") is False
    assert verdict.console.chrome == (
        "Refused to display 'https://shop.example/' in a frame because it set multiple 'X-Frame-Options' headers "
        "with conflicting values ('DENY, SAMEORIGIN'). Falling back to 'deny'."
    )


def test_allow_from_is_ignored_with_console_error_and_warning() -> None:
    verdict = iframe(PAGE, WIDGET, ("X-Frame-Options", "ALLOW-FROM https://partner.example"))
    assert verdict.capability("embed") is True
    assert verdict.console.chrome.startswith(
        "Invalid 'X-Frame-Options' header encountered when loading 'https://pay.widget.example/': "
        "'ALLOW-FROM https://partner.example' is not a recognized directive. The header will be ignored."
    )
    assert any("frame-ancestors https://partner.example" in w for w in verdict.warnings)


def test_frame_ancestors_decides_alone_and_xfo_is_skipped() -> None:
    verdict = iframe(
        PAGE,
        WIDGET,
        ("X-Frame-Options", "DENY"),
        ("Content-Security-Policy", "frame-ancestors https://shop.example"),
    )
    assert verdict.capability("embed") is True
    assert steps(verdict)["iframe.x-frame-options"] == "skip"
    assert steps(verdict)["iframe.frame-ancestors"] == "pass"


def test_frame_ancestors_violation_message() -> None:
    verdict = iframe(PAGE, WIDGET, ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'"))
    assert verdict.capability("embed") is False
    assert verdict.console.chrome == (
        # Chromium 156's sentence (the browser suite; older Chrome said "Refused to frame …").
        "Framing 'https://pay.widget.example/' violates the following Content Security Policy directive: "
        "\"frame-ancestors 'self'\". The request has been blocked."
    )
    step = next(s for s in verdict.trace if s.id == "iframe.frame-ancestors")
    assert "framed document's own origin" in step.detail
    assert any("frame-ancestors 'self' https://shop.example" in fix for fix in verdict.fixes)


def test_every_enforced_policy_must_allow() -> None:
    verdict = iframe(
        PAGE,
        WIDGET,
        ("Content-Security-Policy", "frame-ancestors *"),
        ("Content-Security-Policy", "frame-ancestors 'none'"),
    )
    assert verdict.capability("embed") is False
    assert [s.result for s in verdict.trace if s.id == "iframe.frame-ancestors"] == ["pass", "fail"]


def test_report_only_does_not_block_and_does_not_skip_xfo() -> None:
    verdict = iframe(PAGE, WIDGET, ("Content-Security-Policy-Report-Only", "frame-ancestors 'none'"))
    assert verdict.capability("embed") is True
    assert steps(verdict)["iframe.frame-ancestors.report-only"] == "info"


@pytest.mark.parametrize("status", [204, 205])
def test_no_content_is_not_checked_and_shows_nothing(status: int) -> None:
    verdict = iframe(PAGE, WIDGET, ("X-Frame-Options", "DENY"), status=status)
    assert verdict.capability("embed") is False
    assert verdict.console.chrome is None
    assert "iframe.x-frame-options" not in steps(verdict)


def test_sandboxed_page_fails_sameorigin() -> None:
    verdict = iframe(
        "https://shop.example/",
        "https://shop.example/frame",
        ("X-Frame-Options", "SAMEORIGIN"),
        page_sandboxed=True,
    )
    assert verdict.capability("embed") is False


def test_http_frame_on_https_page_is_mixed_content() -> None:
    verdict = iframe(PAGE, "http://pay.widget.example/embed")
    assert verdict.outcome == "blocked"
    assert verdict.console.chrome == (
        "Mixed Content: The page at 'https://shop.example/checkout' was loaded over HTTPS, but requested an insecure "
        "frame 'http://pay.widget.example/embed'. This request has been blocked; the content must be served over HTTPS."
    )


def test_redirect_to_another_origin_is_compared_at_the_end() -> None:
    verdict = iframe(PAGE, "https://shop.example/go", redirects=[{"status": 302, "location": WIDGET}])
    assert verdict.capability("embed") is True
    assert verdict.capability("script_access") is False
