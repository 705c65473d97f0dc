"""The origin table (``compare_urls``): the article's comparison table for any URLs."""

from __future__ import annotations

import pytest

from policy_core import ScenarioError
from policy_core.compare import compare_urls

# reference/sop-article.txt's table, compared against its first URL (the classic MDN rows).
BASE = "http://store.company.com/dir/page.html"
ROWS = [
    ("http://store.company.com/dir2/other.html", True, (), True),
    ("http://store.company.com/dir/inner/another.html", True, (), True),
    ("http://store.company.com:80/dir/page.html", True, (), True),  # the default port written out
    ("https://store.company.com/page.html", False, ("scheme",), False),  # schemeful same-site
    ("http://store.company.com:81/dir/page.html", False, ("port",), True),
    ("http://news.company.com/dir/page.html", False, ("host",), True),
    ("http://company.com/dir/page.html", False, ("host",), True),
    ("https://store.company.com:81/", False, ("scheme", "port"), False),
    ("http://store.company.com.evil.example/dir/page.html", False, ("host",), False),
]


@pytest.mark.parametrize(("url", "same", "differs", "same_site"), ROWS)
def test_article_rows(url: str, same: bool, differs: tuple, same_site: bool) -> None:
    table = compare_urls([BASE, url])
    (pair,) = table.pairs
    assert (pair.same_origin, pair.differs, pair.same_site) == (same, differs, same_site)


def test_all_pairs_and_against_first() -> None:
    urls = [BASE] + [row[0] for row in ROWS[:4]]
    assert [(p.a, p.b) for p in compare_urls(urls).pairs] == [
        (a, b) for a in range(5) for b in range(a + 1, 5)
    ]
    assert [(p.a, p.b) for p in compare_urls(urls, against_first=True).pairs] == [(0, b) for b in range(1, 5)]


def test_serialized_origins_and_sites() -> None:
    table = compare_urls(
        ["HTTPS://WWW.A.COM:443/x?y#z", "https://user:pw@sub.a.co.uk:8443/", "http://127.0.0.1:3000/"]
    )
    assert [row.origin for row in table.urls] == [
        "https://www.a.com",
        "https://sub.a.co.uk:8443",
        "http://127.0.0.1:3000",
    ]
    assert [row.site.serialize() for row in table.urls] == [
        "https://a.com",
        "https://a.co.uk",
        "http://127.0.0.1",
    ]
    assert table.to_dict()["urls"][0] == {
        "index": 0,
        "input": "HTTPS://WWW.A.COM:443/x?y#z",
        "url": "https://www.a.com/x?y#z",
        "origin": "https://www.a.com",
        "site": "https://a.com",
        "opaque": False,
    }


def test_opaque_origins_match_nothing_not_even_themselves() -> None:
    table = compare_urls(["data:,x", "data:,x", "https://a.example/"])
    assert all(not p.same_origin and not p.same_site and p.differs == ("opaque",) for p in table.pairs)
    assert table.pairs[0].reason == "an opaque origin is never the same as another"
    assert table.urls[0].to_dict()["origin"] == "null"


def test_reason_words() -> None:
    pair = compare_urls(["https://a.example/", "http://a.example:8080/"]).pairs[0]
    assert pair.reason == "different scheme and port"
    assert pair.to_dict() == {
        "a": 0,
        "b": 1,
        "same_origin": False,
        "differs": ["scheme", "port"],
        "same_site": False,
        "reason": "different scheme and port",
    }
    assert (
        compare_urls(["https://a.example/x", "https://a.example/y"]).pairs[0].reason
        == "same scheme, host and port"
    )


@pytest.mark.parametrize(
    ("urls", "error"),
    [
        (["https://a.example/", "https://b.example/", "nope"], "urls[2]: 'nope' is not an absolute URL"),
        (["http://[::1/", "https://b.example/"], "urls[0]: 'http://[::1/' is not a valid URL"),
        (["https://a.example/"], "urls: expected at least two URLs to compare, got 1"),
    ],
)
def test_bad_input_names_the_index(urls: list[str], error: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        compare_urls(urls)
    assert str(caught.value).startswith(error)
    assert "\n" not in str(caught.value)
