"""What every verdict starts from: the two origins and sites, computed once per evaluation."""

from __future__ import annotations

from dataclasses import dataclass

from .origins import Origin, opaque_origin, origin_diff, same_origin
from .scenario import Scenario
from .sites import Site, same_site, site_of


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """Built once per evaluation by ``Context.of``; every verdict reads it, none changes it."""

    scenario: Scenario
    page_origin: Origin  # opaque for a sandboxed page, whatever its URL
    target_origin: Origin
    page_site: Site
    target_site: Site
    same_origin: bool
    same_site: bool
    origin_diff: tuple[str, ...]
    # The two serializations: verdicts quote them in many steps.
    page_origin_text: str
    target_origin_text: str

    @classmethod
    def of(cls, scenario: Scenario) -> Context:
        # A sandboxed frame without allow-same-origin gets a fresh opaque origin (HTML § sandboxing).
        page_origin = opaque_origin() if scenario.page_sandboxed else scenario.page.origin
        target_origin = scenario.target.origin
        page_site = site_of(page_origin)
        target_site = site_of(target_origin)
        return cls(
            scenario=scenario,
            page_origin=page_origin,
            target_origin=target_origin,
            page_site=page_site,
            target_site=target_site,
            same_origin=same_origin(page_origin, target_origin),
            same_site=same_site(page_site, target_site),
            origin_diff=origin_diff(page_origin, target_origin),
            page_origin_text=page_origin.serialize(),
            target_origin_text=target_origin.serialize(),
        )
