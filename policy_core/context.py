"""What every verdict starts from: the two origins and sites, computed once per evaluation."""

from __future__ import annotations

from typing import Any

from .origins import Origin, opaque_origin, origin_diff, same_origin
from .scenario import Scenario
from .sites import Site, same_site, site_of


class Context:
    """Read-only by convention: built once per evaluation by ``Context.of``, never changed after.

    A plain slotted class rather than a frozen dataclass: a frozen ``__init__`` pays for eleven
    ``object.__setattr__`` calls, once per evaluation (every keystroke in the workbench).
    """

    __slots__ = (
        "memo",
        "origin_diff",
        "page_origin",
        "page_origin_text",
        "page_site",
        "same_origin",
        "same_site",
        "scenario",
        "target_origin",
        "target_origin_text",
        "target_site",
    )

    def __init__(
        self,
        scenario: Scenario,
        page_origin: Origin,
        target_origin: Origin,
        page_site: Site,
        target_site: Site,
        same_origin: bool,
        same_site: bool,
        origin_diff: tuple[str, ...],
        page_origin_text: str,
        target_origin_text: str,
    ) -> None:
        self.scenario = scenario
        self.page_origin = page_origin
        self.target_origin = target_origin
        self.page_site = page_site
        self.target_site = target_site
        self.same_origin = same_origin
        self.same_site = same_site
        self.origin_diff = origin_diff
        # The two serializations, once per evaluation: verdicts quote them in many steps.
        self.page_origin_text = page_origin_text
        self.target_origin_text = target_origin_text
        # Per-evaluation results several verdicts share (e.g. the origin comparison of dom and iframe).
        self.memo: dict[str, Any] = {}

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
        )
