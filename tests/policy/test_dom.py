"""The dom verdict: access only when same-origin (HTML § Cross-origin objects)."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario


def dom(page: str, target: str, **extra):
    report = evaluate(load_scenario({"version": 1, "page": page, "target": target, "resources": ["dom"], **extra}))
    verdict = report.verdict("dom")
    assert verdict is not None
    return verdict


@pytest.mark.parametrize(
    ("page", "target", "access"),
    [
        ("https://www.a.com/index.html", "https://www.a.com/other/page.html", True),
        ("https://www.a.com", "https://www.b.com", False),
        ("http://www.a.com", "https://www.a.com", False),
        ("https://www.a.com", "https://www.a.com:8443", False),
        ("https://a.com", "https://www.a.com", False),
        ("https://www.a.com:443", "https://www.a.com", True),
        ("data:text/html,x", "data:text/html,x", False),
    ],
)
def test_access_only_same_origin(page: str, target: str, access: bool) -> None:
    verdict = dom(page, target)
    assert verdict.capability("access") is access
    assert verdict.outcome == ("allowed" if access else "blocked")
    assert (verdict.console.chrome is None) is access


def test_chrome_message_names_the_page_origin() -> None:
    verdict = dom("https://www.a.com/x?y", "https://www.b.com/")
    assert verdict.console.chrome == 'Blocked a frame with origin "https://www.a.com" from accessing a cross-origin frame.'


def test_sandboxed_page_is_null() -> None:
    verdict = dom("https://www.a.com/", "https://www.a.com/", page_sandboxed=True)
    assert verdict.capability("access") is False
    assert verdict.console.chrome == 'Blocked a frame with origin "null" from accessing a cross-origin frame.'
    assert any(step.id == "dom.compare.opaque" and step.result == "fail" for step in verdict.trace)
    assert any("allow-same-origin" in fix for fix in verdict.fixes)


def test_trace_explains_each_component_and_what_stays_reachable() -> None:
    verdict = dom("http://localhost:3000", "http://localhost:8080")
    results = {step.id: step.result for step in verdict.trace}
    assert results["dom.compare.scheme"] == "pass"
    assert results["dom.compare.host"] == "pass"
    assert results["dom.compare.port"] == "fail"
    assert results["dom.same-origin"] == "fail"
    reachable = next(s for s in verdict.trace if s.id == "dom.cross-origin-reachable")
    for name in ("postMessage", "location", "frames", "close", "focus", "blur"):
        assert name in reachable.detail
    assert any("postMessage" in fix for fix in verdict.fixes)


def test_document_domain_is_named_deprecated_for_same_site_pages() -> None:
    verdict = dom("https://app.example.com", "https://api.example.com")
    step = next(s for s in verdict.trace if s.id == "dom.document-domain")
    assert "deprecated" in step.summary and "agent cluster" in step.summary
    assert "Origin-Agent-Cluster: ?0" in step.detail


def test_every_step_cites_a_standard() -> None:
    for step in dom("https://www.a.com", "https://www.b.com").trace:
        assert step.spec and step.summary and step.detail
        assert step.result in ("pass", "fail", "info", "skip")
