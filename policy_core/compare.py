"""The origin table: for any list of URLs, each pair's same-origin and same-site answers.

This is the comparison table of reference/sop-article.txt, for URLs the learner chooses:
serialized origins and schemeful sites, and which parts of the origin differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import ScenarioError
from .origins import Url, origin_diff, parse_url, same_origin
from .sites import Site, same_site, site_of


@dataclass(frozen=True, slots=True, kw_only=True)
class OriginRow:
    """One URL: as typed, as parsed, its origin and its site."""

    index: int
    input: str
    url: Url
    site: Site

    @property
    def origin(self) -> str:
        return self.url.origin.serialize()

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "input": self.input,
            "url": self.url.href,
            "origin": self.origin,
            "site": self.site.serialize(),
            "opaque": self.url.origin.opaque,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PairRow:
    """Two URLs compared: ``a`` and ``b`` are indexes into ``OriginTable.urls``."""

    a: int
    b: int
    same_origin: bool
    differs: tuple[str, ...]  # scheme / host / port, or ("opaque",)
    same_site: bool

    @property
    def reason(self) -> str:
        """The article's "reason" column, in words."""
        if self.same_origin:
            return "same scheme, host and port"
        if self.differs == ("opaque",):
            return "an opaque origin is never the same as another"
        return "different " + " and ".join(self.differs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "same_origin": self.same_origin,
            "differs": list(self.differs),
            "same_site": self.same_site,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class OriginTable:
    urls: tuple[OriginRow, ...]
    pairs: tuple[PairRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "urls": [row.to_dict() for row in self.urls],
            "pairs": [pair.to_dict() for pair in self.pairs],
        }


def compare_urls(urls: list[str], *, against_first: bool = False) -> OriginTable:
    """Compare every pair of ``urls`` (or only the first against each other one).

    Each URL is parsed once, so an opaque origin (``data:``, ``file:``) compares equal to
    nothing, not even the same URL typed twice: each parse makes a new opaque origin.
    A URL that does not parse is a ScenarioError naming its index: ``urls[2]: …``.
    """
    if len(urls) < 2:
        raise ScenarioError("urls", f"expected at least two URLs to compare, got {len(urls)}")
    rows = []
    for index, text in enumerate(urls):
        if not isinstance(text, str):
            raise ScenarioError(f"urls[{index}]", f"expected a URL string, got {type(text).__name__}")
        url = parse_url(text, field_path=f"urls[{index}]")
        rows.append(OriginRow(index=index, input=text, url=url, site=site_of(url.origin)))
    pairs = []
    for i, first in enumerate(rows):
        for second in rows[i + 1 :] if not against_first or i == 0 else ():
            a, b = first.url.origin, second.url.origin
            pairs.append(
                PairRow(
                    a=first.index,
                    b=second.index,
                    same_origin=same_origin(a, b),
                    differs=origin_diff(a, b),
                    same_site=same_site(first.site, second.site),
                )
            )
    return OriginTable(urls=tuple(rows), pairs=tuple(pairs))
