"""Verdicts and the report: what the page can do, in the browser's words, and why.

Plain frozen records built with keywords (h11-style). ``Trace`` is how an evaluator explains
itself: one call per rule the browser applied (``trace.passed(...)``, ``trace.failed(...)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .verified import VERIFIED_WITH

if TYPE_CHECKING:
    from .origins import Origin

PASS, FAIL, INFO, SKIP = "pass", "fail", "info", "skip"
RESULTS = (PASS, FAIL, INFO, SKIP)


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One rule the browser applied. ``id`` is stable (docs/trace-steps/)."""

    id: str
    result: str  # pass | fail | info | skip
    summary: str
    detail: str
    spec: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "result": self.result, "summary": self.summary, "detail": self.detail, "spec": self.spec}


class Trace:
    """The ordered steps of one verdict, appended as the evaluator applies each rule."""

    __slots__ = ("_steps",)

    def __init__(self) -> None:
        self._steps: list[Step] = []

    def _step(self, result: str, id: str, summary: str, detail: str, spec: str) -> None:
        self._steps.append(Step(id=id, result=result, summary=summary, detail=detail, spec=spec))

    def passed(self, id: str, summary: str, detail: str, spec: str) -> None:
        self._step(PASS, id, summary, detail, spec)

    def failed(self, id: str, summary: str, detail: str, spec: str) -> None:
        self._step(FAIL, id, summary, detail, spec)

    def info(self, id: str, summary: str, detail: str, spec: str) -> None:
        self._step(INFO, id, summary, detail, spec)

    def skipped(self, id: str, summary: str, detail: str, spec: str) -> None:
        self._step(SKIP, id, summary, detail, spec)

    def record(self, step: Step) -> None:
        """Append a step built elsewhere (a shared check hands its steps back to the caller)."""
        self._steps.append(step)

    def extend(self, steps: Iterable[Step]) -> None:
        self._steps.extend(steps)

    def steps(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def __iter__(self) -> Any:
        return iter(self._steps)


def step(result: str, id: str, summary: str, detail: str, spec: str) -> Step:
    """A step for a shared check to hand back (``trace.extend(check.steps)``)."""
    return Step(id=id, result=result, summary=summary, detail=detail, spec=spec)


@dataclass(frozen=True, slots=True, kw_only=True)
class DevtoolsIssue:
    """A DevTools issue (CDP ``Audits.issueAdded``): Chrome reports some problems here, not in the console."""

    code: str  # e.g. "DeprecationIssue"
    reason: str  # e.g. "AuthorizationCoveredByWildcard"
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason, "text": self.text}


# The DevTools issue codes the engine models: a verdict's ``devtools`` is complete for these codes
# (and says nothing about the others, such as ContentSecurityPolicyIssue, which it does not model yet).
DEVTOOLS_CODES_MODELLED: frozenset[str] = frozenset(
    {"DeprecationIssue", "CorsIssue", "MixedContentIssue", "CookieIssue"}
)


def cors_issue(reason: str | None, text: str) -> tuple[DevtoolsIssue, ...]:
    """Chrome's CorsIssue beside a CORS console line (``reason``: the CorsError name), or none."""
    return (DevtoolsIssue(code="CorsIssue", reason=reason, text=text),) if reason else ()


def mixed_content_issue(resolution: str, text: str) -> DevtoolsIssue:
    """Chrome's MixedContentIssue; ``resolution`` is MixedContentBlocked, MixedContentAutomaticallyUpgraded…"""
    return DevtoolsIssue(code="MixedContentIssue", reason=resolution, text=text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Console:
    """What each browser prints in the console; None where it prints nothing (or it is not known)."""

    chrome: str | None = None
    firefox: str | None = None
    safari: str | None = None

    def __bool__(self) -> bool:
        return bool(self.chrome or self.firefox or self.safari)

    def to_dict(self) -> dict[str, str | None]:
        return {"chrome": self.chrome, "firefox": self.firefox, "safari": self.safari}

    def then(self, later: Console) -> Console:
        """These lines, then ``later``'s, per browser (one page printing both, in that order)."""

        def joined(first: str | None, second: str | None) -> str | None:
            return f"{first}\n{second}" if first and second else first or second

        return Console(
            chrome=joined(self.chrome, later.chrome),
            firefox=joined(self.firefox, later.firefox),
            safari=joined(self.safari, later.safari),
        )


NO_CONSOLE = Console()


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchDetails:
    """Fetch's own report keys, and the typed facts the exports build server configuration from."""

    preflight: bool = False
    exposed_headers: tuple[str, ...] = ()
    preflight_cache_seconds: int | None = None
    preflight_request: tuple[str, ...] = ()  # the OPTIONS request line and its CORS header lines
    # What the preflight asks the server to allow (empty when no preflight is sent).
    preflight_method: str | None = None
    preflight_headers: tuple[str, ...] = ()  # lower-case, sorted, as Access-Control-Request-Headers
    credentials: bool = False  # the request's credentials mode is include

    def report_items(self) -> tuple[tuple[str, Any], ...]:
        """The keys the report (``check --json``) has always carried for fetch, in order."""
        return (
            ("preflight", self.preflight),
            ("exposed_headers", self.exposed_headers),
            ("preflight_cache_seconds", self.preflight_cache_seconds),
            ("preflight_request", self.preflight_request),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class BrowserDifference:
    """Another browser deciding a capability differently from Chrome (whose decisions ``can`` holds):
    the browser wins in the harness, so each difference is modelled, with the rule or setting behind it."""

    browser: str  # "firefox" or "safari", the Console field names
    can: tuple[tuple[str, bool], ...]  # only the capabilities that differ, with that browser's decision
    why: str  # one sentence naming that browser's rule or setting

    def to_dict(self) -> dict[str, Any]:
        return {"browser": self.browser, "can": dict(self.can), "why": self.why}


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    resource: str
    can: tuple[tuple[str, bool], ...]
    trace: tuple[Step, ...]
    console: Console = NO_CONSOLE
    fixes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    fetch: FetchDetails | None = None  # fetch's own keys; None for the other resource types
    devtools: tuple[DevtoolsIssue, ...] = ()  # Chrome's DevTools issues, a channel apart from the console
    elsewhere: tuple[BrowserDifference, ...] = ()  # where Firefox or Safari decides otherwise

    @property
    def outcome(self) -> str:
        values = [allowed for _, allowed in self.can]
        if all(values):
            return "allowed"
        if not any(values):
            return "blocked"
        return "partial"

    def capability(self, name: str) -> bool:
        return dict(self.can)[name]

    def can_in(self, browser: str) -> tuple[tuple[str, bool], ...]:
        """The capabilities as ``browser`` ("chrome", "firefox", "safari") decides them."""
        changed: dict[str, bool] = {}
        for difference in self.elsewhere:
            if difference.browser == browser:
                changed.update(difference.can)
        return tuple((name, changed.get(name, allowed)) for name, allowed in self.can)

    @property
    def extra(self) -> tuple[tuple[str, Any], ...]:
        """The resource-specific report keys, in order (fetch's preflight, exposed headers, ...)."""
        return self.fetch.report_items() if self.fetch is not None else ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome, "can": dict(self.can)}
        for key, value in self.extra:
            out[key] = list(value) if isinstance(value, tuple) else value
        out["console"] = self.console.to_dict()
        out["devtools"] = [issue.to_dict() for issue in self.devtools]
        if self.elsewhere:  # optional: only where another browser decides differently
            out["browsers"] = [difference.to_dict() for difference in self.elsewhere]
        out["trace"] = [s.to_dict() for s in self.trace]
        out["fixes"] = list(self.fixes)
        out["warnings"] = list(self.warnings)
        return out


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """In order, without repeats (fixes and warnings are collected as rules fire)."""
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True, slots=True, kw_only=True)
class Endpoint:
    url: str
    origin: str
    site: str
    opaque: bool
    origin_parts: Origin  # scheme, host and port, for showing which parts differ

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "origin": self.origin, "site": self.site, "opaque": self.opaque}


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpectationResult:
    path: str
    expected: bool
    actual: bool

    @property
    def met(self) -> bool:
        return self.expected == self.actual

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "expected": self.expected, "actual": self.actual, "met": self.met}


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    page: Endpoint
    target: Endpoint
    same_origin: bool
    same_site: bool
    origin_diff: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    expectations: tuple[ExpectationResult, ...] = field(default=())
    version: int = 1

    @property
    def all_met(self) -> bool:
        return all(e.met for e in self.expectations)

    def verdict(self, resource: str) -> Verdict | None:
        for verdict in self.verdicts:
            if verdict.resource == resource:
                return verdict
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "page": self.page.to_dict(),
            "target": self.target.to_dict(),
            "same_origin": self.same_origin,
            "same_site": self.same_site,
            "origin_diff": list(self.origin_diff),
            "verdicts": {v.resource: v.to_dict() for v in self.verdicts},
            "expectations": [e.to_dict() for e in self.expectations],
            # Optional key: the browser versions the catalogue was verified with (policy_core/verified.py).
            "verified_with": dict(VERIFIED_WITH),
        }
