"""The servers suite: every exported fix run in the real framework (issue 16 §4).

Every test module here carries the ``servers`` marker: ``pytest -m servers tests/servers`` runs
them all, the Chromium checks (also marked ``browser``) included; .ci/servers-suite installs what
they need. A framework whose server or package is missing is skipped, and the run ends with one
line per missing framework saying what to install. The default run (``-m 'not browser'``)
collects the probe checks too: they run for whatever is installed.
"""

from __future__ import annotations

import os
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


# Set by .ci/servers-suite: there, a framework or browser that cannot run is a failure, not a skip.
REQUIRED = bool(os.environ.get("OP_SERVERS_REQUIRE"))


def _skip(why: str) -> None:
    if REQUIRED:
        pytest.fail(f"{why} (OP_SERVERS_REQUIRE is set)")
    pytest.skip(why)


def skip_if_missing(framework: str) -> None:
    if framework in MISSING:
        _skip(f"{LABELS[framework]}: {MISSING[framework]}")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if CHROMIUM_MISSING:
        _skip(f"the Chromium checks: {CHROMIUM_MISSING}")
    from .cases import all_cases
    from .chromium_fetch import ChromiumFetch

    with ChromiumFetch(case.scenario for case in all_cases()) as browser:
        yield browser
