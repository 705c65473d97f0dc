"""Real browsers against the engine: every case agrees, or is a recorded known difference (strict xfail).

Chromium and Firefox ESR play every case (Firefox's console errors come over BiDi; its warnings
and DevTools issues are not observable there: docs/browser-harness.md).
"""

from __future__ import annotations

from collections import Counter

import pytest

import policy_core

from . import conftest
from .cases import SEED, all_cases, known_differences

pytestmark = pytest.mark.browser

FIREFOX_RESOURCES = None  # every resource type


def _params(browser: str, resources: tuple[str, ...] | None = None) -> list[object]:
    known = known_differences(browser)
    params = []
    for case_id, scenario, resource in all_cases():
        if resources is not None and resource not in resources:
            continue
        marks = []
        if case_id in known:
            marks.append(pytest.mark.xfail(strict=True, reason="known difference: " + "; ".join(known[case_id])))
        params.append(pytest.param(scenario, resource, case_id, id=case_id, marks=marks))
    return params


def _check(harness, browser, scenario, resource, case_id):
    from origin_playground.browser.compare import compare

    verdict = policy_core.evaluate(scenario).verdict(resource)
    assert verdict is not None
    comparison = compare(verdict, harness.play(scenario, resource))
    if comparison.played and comparison.agree == (case_id in known_differences(browser)):
        # The unexpected result is played once more before it counts: on a loaded machine a console
        # line can arrive after the page has been read (docs/browser-harness.md, "Timing").
        comparison = compare(verdict, harness.play(scenario, resource))
    counts = conftest.FIGURES.setdefault((browser, resource), Counter())
    if not comparison.played:
        counts["unplayable"] += 1
        pytest.skip(f"cannot be played on loopback: {comparison.unplayable}")
    counts["played"] += 1
    counts["capabilities"] += not comparison.capabilities
    counts["console"] += not comparison.console
    if not comparison.agree:
        conftest.DISAGREEMENTS.append({"case": case_id, "browser": browser, "differs": comparison.differences()})
    assert comparison.agree, f"{case_id} (seed {SEED}): " + "; ".join(comparison.differences())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Building ~900 scenarios costs a second or two: only when the browser marker is selected.
    if "case_id" not in metafunc.fixturenames:
        return
    selected = metafunc.config.option.markexpr.strip() != "not browser"
    if metafunc.function.__name__ == "test_chromium_agrees":
        params = _params("chromium") if selected else []
    else:
        params = _params("firefox", FIREFOX_RESOURCES) if selected else []
    metafunc.parametrize(("scenario", "resource", "case_id"), params)


def test_chromium_agrees(chromium, scenario, resource, case_id):
    _check(chromium, "chromium", scenario, resource, case_id)


def test_firefox_agrees(firefox, scenario, resource, case_id):
    _check(firefox, "firefox", scenario, resource, case_id)
