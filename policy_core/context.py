"""What every verdict starts from: the two origins and sites, computed once per evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .origins import Origin, opaque_origin, origin_diff, same_origin
from .scenario import Scenario
from .sites import Site, same_site, site_of


@dataclass(frozen=True, slots=True)
class Context:
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
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, scenario: Scenario) -> Context:
        # A sandboxed frame without allow-same-origin gets a fresh opaque origin (HTML § sandboxing).
        page_origin = opaque_origin() if scenario.page_sandboxed else scenario.page.origin
        target_origin = scenario.target.origin
        page_site = site_of(page_origin)
        target_site = site_of(target_origin)
        # Positional arguments: cheaper than keywords for this eleven-field frozen constructor (hot path).
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
        )
