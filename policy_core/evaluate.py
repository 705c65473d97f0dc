"""``evaluate(scenario) -> Report``: the whole engine behind one call."""

from __future__ import annotations

from dataclasses import replace

from .context import Context
from .errors import ScenarioError
from .origins import Origin
from .report import Endpoint, ExpectationResult, Report
from .resources import EVALUATORS
from .scenario import Scenario
from .sites import Site


def evaluate(scenario: Scenario) -> Report:
    ctx = Context.of(scenario)
    verdicts = tuple(EVALUATORS[resource](ctx) for resource in scenario.resources)
    report = Report(
        page=_endpoint(scenario.page.href, ctx.page_origin_text, ctx.page_site, ctx.page_origin),
        target=_endpoint(scenario.target.href, ctx.target_origin_text, ctx.target_site, ctx.target_origin),
        same_origin=ctx.same_origin,
        same_site=ctx.same_site,
        origin_diff=ctx.origin_diff,
        verdicts=verdicts,
    )
    if not scenario.expect:
        return report
    results = tuple(
        ExpectationResult(path=e.path, expected=e.expected, actual=_actual(report, e.path)) for e in scenario.expect
    )
    return replace(report, expectations=results)


def _endpoint(url: str, origin_text: str, site: Site, origin: Origin) -> Endpoint:
    return Endpoint(url=url, origin=origin_text, site=site.serialize(), opaque=origin.opaque, origin_parts=origin)


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
        return verdict.fetch is not None and verdict.fetch.preflight
    return verdict.capability(capability)
