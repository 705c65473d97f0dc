"""The Public Suffix List's own tests (tests/conformance/test_psl.txt, see PROVENANCE.md).

``checkPublicSuffix(input, expected)``: expected is the registrable domain, or null. The
PSL's implicit ``*`` rule applies to unlisted TLDs; IDN answers come in the form asked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy_core import registrable_domain

LINE = re.compile(r"^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);$")


def _load() -> list[tuple[str | None, str | None]]:
    cases = []
    for line in (Path(__file__).parent / "test_psl.txt").read_text("utf-8").splitlines():
        match = LINE.match(line.strip())
        if match:
            given, expected = (None if g == "null" else g[1:-1] for g in match.groups())
            cases.append((given, expected))
    return cases


CASES = _load()


def test_all_cases_are_read() -> None:
    # 82 checkPublicSuffix lines, of which the PSL itself comments out 4 (".local" as a
    # non-Internet TLD): 78 active cases.
    text = (Path(__file__).parent / "test_psl.txt").read_text("utf-8")
    assert text.count("checkPublicSuffix(") == 82
    assert len(CASES) == 78


@pytest.mark.parametrize(("given", "expected"), CASES, ids=[f"{g}->{e}" for g, e in CASES])
def test_check_public_suffix(given: str | None, expected: str | None) -> None:
    assert registrable_domain(given.lower() if given is not None else "") == expected
