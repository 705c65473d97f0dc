"""Verdicts and the report: what the page can do, in the browser's words, and why.

The records are NamedTuples: immutable like frozen dataclasses, and several times cheaper to
build, which matters because every keystroke in the workbench builds a whole report.
"""

from __future__ import annotations

from itertools import repeat, starmap
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .origins import Origin

PASS, FAIL, INFO, SKIP = "pass", "fail", "info", "skip"

# ``new_record(Cls, (field, ...))``: a NamedTuple built in C from every field, in order (no
# defaults, no length check). Calling the class runs its generated Python ``__new__`` through a
# type slot: about twice the cost, on records the hot path builds dozens of times per evaluation.
new_record = tuple.__new__

# A step before it becomes a Step: (id, result, summary, detail, spec). Checks and evaluators
# hand these to ``Trace``, which turns them into Steps once, in ``to_steps``.
StepFields = tuple[str, str, str, str, str]


class Step(NamedTuple):
    """One rule the browser applied. ``id`` is stable (docs/trace-steps.md)."""

    id: str
    result: str  # pass | fail | info | skip
    summary: str
    detail: str
    spec: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "result": self.result, "summary": self.summary, "detail": self.detail, "spec": self.spec}


class Trace(list):  # type: ignore[type-arg]
    """Collects steps in order; the evaluators' one way to explain themselves.

    ``add`` takes one plain ``(id, result, summary, detail, spec)`` tuple and is ``list.append``
    itself: a C call per step instead of a Python frame, on the hottest line of every evaluation
    (about 60 steps when all six verdicts are on). ``to_steps`` turns them into Steps once.
    """

    __slots__ = ()

    if TYPE_CHECKING:

        def add(self, step: StepFields, /) -> None: ...

    else:
        add = list.append

    def to_steps(self) -> tuple[Step, ...]:
        # tuple.__new__(Step, fields) for each step, all in C. starmap passes zip's (Step, fields)
        # pair on as the call's argument tuple, and zip reuses that pair; map(new_record,
        # repeat(Step), self) would build a fresh argument tuple for every step (hot path).
        return tuple(starmap(new_record, zip(repeat(Step), self)))  # noqa: RUF058


class Console(NamedTuple):
    """What each browser prints in the console; None where it prints nothing (or it is not known)."""

    chrome: str | None = None
    firefox: str | None = None
    safari: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"chrome": self.chrome, "firefox": self.firefox, "safari": self.safari}


NO_CONSOLE = Console()


class Verdict(NamedTuple):
    resource: str
    can: tuple[tuple[str, bool], ...]
    trace: tuple[Step, ...]
    console: Console = NO_CONSOLE
    fixes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    extra: tuple[tuple[str, Any], ...] = ()  # type-specific report keys, e.g. fetch's "preflight"

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

    def extra_value(self, key: str) -> Any:
        return dict(self.extra)[key]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome, "can": dict(self.can)}
        for key, value in self.extra:
            out[key] = list(value) if isinstance(value, tuple) else value
        out["console"] = self.console.to_dict()
        out["trace"] = [step.to_dict() for step in self.trace]
        out["fixes"] = list(self.fixes)
        out["warnings"] = list(self.warnings)
        return out


class Endpoint(NamedTuple):
    url: str
    origin: str
    site: str
    opaque: bool
    origin_parts: Origin  # scheme, host and port, for showing which parts differ

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "origin": self.origin, "site": self.site, "opaque": self.opaque}


class ExpectationResult(NamedTuple):
    path: str
    expected: bool
    actual: bool

    @property
    def met(self) -> bool:
        return self.expected == self.actual

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "expected": self.expected, "actual": self.actual, "met": self.met}


class Report(NamedTuple):
    page: Endpoint
    target: Endpoint
    same_origin: bool
    same_site: bool
    origin_diff: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    expectations: tuple[ExpectationResult, ...] = ()
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
        }
