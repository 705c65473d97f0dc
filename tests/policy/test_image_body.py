"""response.body: an <img> decodes whatever body arrives, whatever the status (Chromium 156, Firefox 153)."""

from __future__ import annotations

import pytest

from policy_core import ScenarioError, evaluate, load_scenario

PAGE = "https://app.example.com/dashboard"
SAME = "https://app.example.com/a.png"
OTHER = "https://static.example.com/a.png"
STATUS_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"


def image(target: str, status: int = 200, body: str | None = None, crossorigin: str = "none",
          headers: tuple[tuple[str, str], ...] = ()):
    response: dict = {"status": status, "headers": [list(h) for h in headers]}
    if body is not None:
        response["body"] = body
    scenario = load_scenario({"version": 1, "page": PAGE, "target": target, "resources": ["image"],
                              "request": {"crossorigin": crossorigin}, "response": response})
    verdict = evaluate(scenario).verdict("image")
    assert verdict is not None
    return verdict


def caps(verdict) -> tuple[bool, bool]:
    return verdict.capability("display"), verdict.capability("read_pixels")


def test_error_status_with_an_image_body_displays_and_chrome_logs_the_status() -> None:
    v = image(SAME, 404, "image")
    assert caps(v) == (True, True)
    assert v.console.chrome == STATUS_404 and v.console.firefox is None
    step = next(s for s in v.trace if s.id == "image.status")
    assert step.result == "info" and step.spec == "HTML § Updating the image data"


def test_cors_image_with_error_status_and_image_body_is_readable() -> None:
    v = image(OTHER, 404, "image", "anonymous", (("Access-Control-Allow-Origin", "*"),))
    assert caps(v) == (True, True)


def test_opaque_error_image_displays_but_taints_after_the_status_line() -> None:
    v = image(OTHER, 404, "image")
    assert caps(v) == (True, False)
    assert (v.console.chrome or "").split("\n")[0] == STATUS_404


@pytest.mark.parametrize("body", [None, "auto", "html"])
def test_error_status_with_the_default_html_error_page_is_broken(body: str | None) -> None:
    v = image(SAME, 404, body)
    assert caps(v) == (False, False)
    assert v.console.chrome == STATUS_404


def test_opaque_html_body_is_dropped_by_orb_without_a_status_line() -> None:
    assert image(OTHER, 404).console.chrome is None
    assert image(OTHER, 404, "html", headers=(("Content-Type", "image/png"),)).console.chrome is None
    assert image(OTHER, 404, "empty").console.chrome == STATUS_404  # nothing to sniff: not dropped


@pytest.mark.parametrize("body", ["html", "empty", "script"])
def test_ok_status_with_a_body_that_is_not_an_image_is_broken_and_silent(body: str) -> None:
    for target in (SAME, OTHER):
        v = image(target, 200, body)
        assert caps(v) == (False, False)
        assert v.console.chrome is None and v.console.firefox is None
        assert next(s for s in v.trace if s.id == "image.display").result == "fail"


def test_body_is_checked_and_kept_in_the_mapping() -> None:
    s = load_scenario({"version": 1, "page": PAGE, "target": SAME, "response": {"status": 404, "body": "image"}})
    assert s.response.body == "image" and s.to_mapping()["response"]["body"] == "image"
    assert "body" not in load_scenario({"version": 1, "page": PAGE, "target": SAME}).to_mapping().get("response", {})
    with pytest.raises(ScenarioError, match=r"^response\.body: expected auto, image, script, html or empty"):
        load_scenario({"version": 1, "page": PAGE, "target": SAME, "response": {"body": "gif"}})
    with pytest.raises(ScenarioError, match=r"^preflight\.body: unknown key"):
        load_scenario({"version": 1, "page": PAGE, "target": SAME, "preflight": {"body": "html"}})


def test_auto_is_the_resource_kind_for_2xx_and_an_html_page_otherwise() -> None:
    s = load_scenario({"version": 1, "page": PAGE, "target": SAME, "response": {"status": 204}})
    assert s.response.body_for("image") == "image" and s.response.body_for("script") == "script"
    s = load_scenario({"version": 1, "page": PAGE, "target": SAME, "response": {"status": 500}})
    assert s.response.body_for("image") == "html"
