"""What a browser was seen to do in one case: the observation record, and the driver interface."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .server import Received

# In every temporary profile: the pid of the harness process that made it.
PID_FILE = "op-harness.pid"
PROFILE_PREFIXES = ("op-chromium-", "op-firefox-")


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """A DevTools issue (Chromium CDP ``Audits.issueAdded``), kept apart from console lines."""

    code: str  # e.g. "CookieIssue"
    reason: str  # e.g. "ExcludeSameSiteNoneInsecure"; "" when the issue names none
    text: str = ""  # the issue's details, as compact JSON

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Observation:
    """One resource type of one scenario, played in one browser."""

    resource: str
    browser: str
    can: tuple[tuple[str, bool], ...] = ()
    preflighted: bool | None = None  # fetch only: an OPTIONS reached the server
    facts: dict[str, Any] = field(default_factory=dict)  # what the page-side action reported
    console: tuple[str, ...] = ()
    issues: tuple[Issue, ...] = ()
    received: tuple[Received, ...] = ()
    unplayable: str = ""  # why this case cannot be played on loopback ("" when it was played)

    def to_dict(self) -> dict[str, Any]:
        if self.unplayable:
            return {"resource": self.resource, "browser": self.browser, "unplayable": self.unplayable}
        out: dict[str, Any] = {"resource": self.resource, "browser": self.browser, "can": dict(self.can)}
        if self.preflighted is not None:
            out["preflight"] = self.preflighted
        out["console"] = list(self.console)
        out["devtools_issues"] = [i.to_dict() for i in self.issues]
        out["received"] = [r.to_dict() for r in self.received]
        out["facts"] = self.facts
        return out


class Driver(Protocol):
    """What ``play`` needs from a browser driver (Chromium over Playwright, Firefox over BiDi)."""

    name: str
    version: str

    @property
    def profile(self) -> str:
        """The temporary profile directory ("" when no browser runs)."""

    def use_ports(self, port_map: dict[int, int]) -> None:
        """Map each scenario port to its loopback listener (a driver may restart its browser)."""

    def begin_case(self, *, third_party_cookies: bool) -> None:
        """Forget cookies, console lines and issues; set the third-party cookie preference."""

    def goto(self, url: str) -> None: ...

    def evaluate(self, function: str, arg: dict[str, Any]) -> Any: ...

    def wait(self, ms: int) -> None: ...

    def cookies(self) -> list[dict[str, Any]]:
        """Every cookie in the jar (HttpOnly ones too): dicts with at least name and value."""

    def console(self) -> list[str]: ...

    def issues(self) -> list[Issue]: ...

    def close(self) -> None: ...
