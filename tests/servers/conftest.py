"""The servers suite: every exported fix run in the real framework (issue 16 §4).

Every test module here is marked ``servers`` (``pytestmark``) (``pytest -m servers tests/servers``; .ci/servers-suite
installs what it needs). A framework whose server or package is missing is skipped, and the run
ends with one line per missing framework saying what to install.
"""

from __future__ import annotations

import pytest

from .frameworks import FRAMEWORKS, LABELS, missing

MISSING = {framework: why for framework in FRAMEWORKS if (why := missing(framework))}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for framework, why in MISSING.items():
        terminalreporter.write_line(f"servers suite: {LABELS[framework]} skipped: {why}")


def skip_if_missing(framework: str) -> None:
    if framework in MISSING:
        pytest.skip(f"{LABELS[framework]}: {MISSING[framework]}")
