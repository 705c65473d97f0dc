"""``evaluate(scenario) -> Report``: the whole engine behind one call."""

from __future__ import annotations

from .context import Context
from .errors import ScenarioError
from .report import Endpoint, ExpectationResult, Report, Verdict, new_record
from .resources import EVALUATORS
from .scenario import Scenario


def evaluate(scenario: Scenario) -> Report:
    ctx = Context.of(scenario)
    verdicts: list[Verdict] = []
    for index, resource in enumerate(scenario.resources):
        evaluator = EVALUATORS.get(resource)
        if evaluator is None:
            raise ScenarioError(
                f"resources[{index}]",
                f"the {resource!r} verdict is not available yet in this release; available: {', '.join(EVALUATORS)}",
            )
        verdicts.append(evaluator(ctx))
    # Positional arguments: keyword calls to a NamedTuple's __new__ cost more (once per keystroke in the TUI).
    report = Report(
        new_record(Endpoint, (scenario.page.href, ctx.page_origin_text, ctx.page_site.serialize(),
                              ctx.page_origin.opaque, ctx.page_origin)),
        new_record(Endpoint, (scenario.target.href, ctx.target_origin_text, ctx.target_site.serialize(),
                              ctx.target_origin.opaque, ctx.target_origin)),
        ctx.same_origin,
        ctx.same_site,
        ctx.origin_diff,
        tuple(verdicts),
    )
    if not scenario.expect:
        return report
    results = tuple(ExpectationResult(e.path, e.expected, _actual(report, e.path)) for e in scenario.expect)
    return Report(report.page, report.target, report.same_origin, report.same_site, report.origin_diff,
                  report.verdicts, results)


def _actual(report: Report, path: str) -> bool:
    if path == "same_origin":
        return report.same_origin
    if path == "same_site":
        return report.same_site
    resource, _, capability = path.partition(".")
    verdict = report.verdict(resource)
    if verdict is None:
        raise ScenarioError(f"expect.{path}", f"expects a {resource} verdict, but {resource!r} is not in resources")
    if capability == "preflight":
        return bool(verdict.extra_value("preflight"))
    return verdict.capability(capability)
