"""Frames: Firefox's line for conflicting X-Frame-Options values, and Chromium's frame lines whose order
is not stable (the harness compares a frame's status line and its CSP lines without order)."""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario

PAGE = "https://app.example.com/dashboard"
WIDGET = "https://widgets.other.net/embed"
STATUS = "Failed to load resource: the server responded with a status of 404 ()"


def iframe(target: str, status: int = 200, *headers: tuple[str, str]):
    scenario = load_scenario({"version": 1, "page": PAGE, "target": target, "resources": ["iframe"],
                              "response": {"status": status, "headers": [list(h) for h in headers]}})
    verdict = evaluate(scenario).verdict("iframe")
    assert verdict is not None
    return verdict


@pytest.mark.parametrize("lines", [("SAMEORIGIN, DENY",), ("SAMEORIGIN", "DENY")])
def test_firefox_calls_conflicting_x_frame_options_invalid(lines: tuple[str, ...]) -> None:
    target = "https://app.example.com/embed"
    v = iframe(target, 200, *(("X-Frame-Options", line) for line in lines))
    assert v.capability("embed") is False
    assert v.console.firefox == (f"Invalid X-Frame-Options header was found when loading “{target}”: “invalid” is not "
                                 "a valid directive.")


browser = pytest.importorskip("origin_playground.browser.compare")
observe = pytest.importorskip("origin_playground.browser.observe")


def _compare(verdict, lines: list[str], browser_name: str = "chromium", resource: str = "iframe"):
    observation = observe.Observation(resource=resource, browser=browser_name, can=verdict.can,
                                      console=tuple(lines))
    return browser.compare(verdict, observation).console


def test_status_line_may_stand_on_either_side_of_a_csp_line() -> None:
    v = iframe(WIDGET, 404, ("Content-Security-Policy", "frame-ancestors https://other.net"))
    engine = (v.console.chrome or "").split("\n")
    assert STATUS in engine and len(engine) == 2
    assert _compare(v, engine) == ()
    assert _compare(v, list(reversed(engine))) == ()  # the other order, as Chromium prints it under load


def test_only_that_pair_is_unordered() -> None:
    v = iframe(WIDGET, 404, ("Content-Security-Policy", "frame-ancestors https://other.net"))
    engine = (v.console.chrome or "").split("\n")
    # Firefox's lines, an image's lines, or a missing line still count.
    assert _compare(v, list(reversed(engine)), "chromium", "image") != ()
    assert _compare(v, engine[:1]) != ()
    # The status line may not move across a line that is not a CSP line.
    xfo = iframe(WIDGET, 404, ("X-Frame-Options", "DENY"))
    lines = (xfo.console.chrome or "").split("\n")
    assert len(lines) == 2 and not lines[1].startswith("Framing")
    assert _compare(xfo, list(reversed(lines))) != ()
