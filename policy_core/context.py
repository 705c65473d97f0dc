"""What every verdict starts from: the two origins and sites, computed once per evaluation."""

from __future__ import annotations

from typing import Any, NamedTuple

from .origins import Origin, opaque_origin, origin_diff, same_origin
from .scenario import Scenario
from .sites import Site, same_site, site_of


class Context(NamedTuple):
    # A NamedTuple, not a frozen dataclass: as immutable, and much cheaper to build (once per evaluation,
    # on every keystroke in the workbench).
    scenario: Scenario
    page_origin: Origin
    target_origin: Origin
    page_site: Site
    target_site: Site
    same_origin: bool
    same_site: bool
    origin_diff: tuple[str, ...]
    # The two serializations, once per evaluation: verdicts quote them in many steps.
    page_origin_text: str
    target_origin_text: str
    # Per-evaluation results several verdicts share (e.g. the origin comparison of dom and iframe).
    # No default: a NamedTuple default would be one dict shared by every Context; `of` gives each its own.
    memo: dict[str, Any]

    @classmethod
    def of(cls, scenario: Scenario) -> Context:
        # A sandboxed frame without allow-same-origin gets a fresh opaque origin (HTML § sandboxing).
        page_origin = opaque_origin() if scenario.page_sandboxed else scenario.page.origin
        target_origin = scenario.target.origin
        page_site = site_of(page_origin)
        target_site = site_of(target_origin)
        return cls(
            scenario,
            page_origin,
            target_origin,
            page_site,
            target_site,
            same_origin(page_origin, target_origin),
            same_site(page_site, target_site),
            origin_diff(page_origin, target_origin),
            page_origin.serialize(),
            target_origin.serialize(),
            {},
        )
