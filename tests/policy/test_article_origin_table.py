"""The article's table of matching and non-matching origins (reference/sop-article.txt), as a snapshot.

Compared against http://store.company.com/dir/page.html, the classic table of same-origin
outcomes; the snapshot records each row's serialized origins, the differing parts and the site.
"""

from __future__ import annotations

import pytest

from policy_core import evaluate, load_scenario

PAGE = "http://store.company.com/dir/page.html"
ROWS = [
    ("http://store.company.com/dir2/other.html", True, []),
    ("http://store.company.com/dir/inner/another.html", True, []),
    ("http://store.company.com:80/dir/page.html", True, []),
    ("https://store.company.com/page.html", False, ["scheme"]),
    ("http://store.company.com:81/dir/page.html", False, ["port"]),
    ("http://news.company.com/dir/page.html", False, ["host"]),
    ("http://company.com/dir/page.html", False, ["host"]),
    ("https://store.company.com:81/", False, ["scheme", "port"]),
    ("http://store.company.com.evil.example/dir/page.html", False, ["host"]),
]


def _row(target: str) -> dict:
    report = evaluate(load_scenario({"version": 1, "page": PAGE, "target": target, "resources": ["dom"]}))
    return {
        "target": target,
        "target_origin": report.target.origin,
        "same_origin": report.same_origin,
        "origin_diff": list(report.origin_diff),
        "same_site": report.same_site,
        "dom_access": report.verdicts[0].capability("access"),
    }


@pytest.mark.parametrize(("target", "same", "diff"), ROWS)
def test_row(target: str, same: bool, diff: list[str]) -> None:
    row = _row(target)
    assert row["same_origin"] is same and row["dom_access"] is same
    assert row["origin_diff"] == diff


def test_table_snapshot(snapshot_json) -> None:
    assert {"page": PAGE, "rows": [_row(target) for target, _, _ in ROWS]} == snapshot_json
