"""The servers suite: every exported fix run in the real framework (issue 16 §4).

Every test module here is marked ``servers`` (``pytestmark``) (``pytest -m servers tests/servers``; .ci/servers-suite
installs what it needs). A framework whose server or package is missing is skipped, and the run
ends with one line per missing framework saying what to install.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .frameworks import FRAMEWORKS, LABELS, missing

MISSING = {framework: why for framework in FRAMEWORKS if (why := missing(framework))}


def _chromium_missing() -> str | None:
    try:
        from origin_playground.browser.chromium import INSTALL_HINT, available
    except ImportError as error:
        return f"{error.name} missing (pip install -e '.[browser]')"
    if not available():
        return f"{INSTALL_HINT} (and pip install -e '.[browser]')"
    return None


CHROMIUM_MISSING = _chromium_missing()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for framework, why in MISSING.items():
        terminalreporter.write_line(f"servers suite: {LABELS[framework]} skipped: {why}")
    browser_run = "browser" in (terminalreporter.config.option.markexpr or "").replace("not browser", "")
    if CHROMIUM_MISSING and browser_run:
        terminalreporter.write_line(f"servers suite: the Chromium checks skipped: {CHROMIUM_MISSING}")


def skip_if_missing(framework: str) -> None:
    if framework in MISSING:
        pytest.skip(f"{LABELS[framework]}: {MISSING[framework]}")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if CHROMIUM_MISSING:
        pytest.skip(f"the Chromium checks: {CHROMIUM_MISSING}")
    from .cases import all_cases
    from .chromium_fetch import ChromiumFetch

    with ChromiumFetch(case.scenario for case in all_cases()) as browser:
        yield browser
