"""The browser suite: real Chromium plays every library and catalogue scenario and a seeded sweep.

Selected with ``-m browser`` (the default run excludes it); skipped with one line when no browser
or no harness extras are installed. ``OP_BROWSER_SEED`` changes the sweep's seed (the recorded
known differences then no longer apply); ``OP_BROWSER_RECORD=FILE`` writes this run's
disagreements as a known-differences file.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .cases import SEED, all_cases, record_known, write_verified

_SKIP = ""
try:
    from origin_playground.browser.session import Harness, available, install_hint
except ImportError as error:  # the [browser] extras are not installed
    _SKIP = f"browser suite skipped: {error.name} missing (pip install -e '.[browser]')"
else:
    if not available("chromium"):
        _SKIP = f"browser suite skipped: {install_hint('chromium')}"

# (browser, resource) -> Counter of played / capabilities agree / console agree / unplayable
FIGURES: dict[tuple[str, str], Counter[str]] = {}
DISAGREEMENTS: list[dict[str, Any]] = []
VERSIONS: dict[str, str] = {}  # browser -> the version its driver reported, for policy_core/verified.py
VERIFIED_FILE = Path(__file__).resolve().parents[2] / "policy_core" / "verified.py"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not _SKIP:
        return
    marker = pytest.mark.skip(reason=_SKIP)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(marker)


def pytest_report_header(config: pytest.Config) -> str:
    return f"browser sweep seed: {SEED} (OP_BROWSER_SEED to change)" + (f"; {_SKIP}" if _SKIP else "")


def _harness(browser: str) -> Any:
    with Harness(browser) as harness:
        harness.prepare(scenario for _, scenario, _ in all_cases())
        yield harness
        if harness.version:
            VERSIONS[browser] = harness.version


@pytest.fixture(scope="session")
def chromium() -> Any:
    yield from _harness("chromium")


@pytest.fixture(scope="session")
def firefox() -> Any:
    if not available("firefox"):
        pytest.skip(f"Firefox part skipped: {install_hint('firefox')}")
    yield from _harness("firefox")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not FIGURES:
        return
    write = terminalreporter.write_line
    write("")
    write("engine vs browser agreement (played cases; unplayable ones are not counted):")
    for (browser, resource), counts in sorted(FIGURES.items()):
        played = counts["played"]
        write(f"  {browser:8} {resource:7} played {played:4}  capabilities {counts['capabilities']:4}/{played}"
              f"  console {counts['console']:4}/{played}  cannot be played {counts['unplayable']}")
    target = os.environ.get("OP_BROWSER_RECORD")
    if target:
        record_known(Path(target), DISAGREEMENTS)
        write(f"known differences written to {target}")
        if set(VERSIONS) == {"chromium", "firefox"}:  # a run of both browsers verifies the catalogue
            write_verified(VERIFIED_FILE, VERSIONS)
            write(f"browser versions written to {VERIFIED_FILE.relative_to(VERIFIED_FILE.parents[1])}")
