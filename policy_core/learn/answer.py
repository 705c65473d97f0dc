"""The answer in plain sentences, built from a verdict: which capabilities the page has, which it
lacks, and the rule that stopped it (the failed step). Console lines are the report's own; no
browser sentence is written here."""

from __future__ import annotations

from collections.abc import Sequence

from ..report import FAIL, Report
from ..scenario import CAPABILITY_PHRASES

DIFFERENCE_WORDS = {"scheme": "scheme", "host": "host", "port": "port"}
MAX_REASONS = 2  # the first failed rules; the trace has the rest


def origin_sentence(report: Report) -> str:
    page, target = report.page.origin, report.target.origin
    if report.page.opaque:
        return (f"Your page's origin is opaque (\"null\"): it is never the same origin as {target}, "
                "so the same-origin policy treats everything as cross-origin.")
    if report.target.opaque:
        return f"The other URL has an opaque origin (\"null\"): it is never the same origin as your page ({page})."
    if report.same_origin:
        return f"Your page and the other URL share one origin ({page}): the same-origin policy lets them in."
    parts = _join([DIFFERENCE_WORDS.get(part, part) for part in report.origin_diff])
    site = "though the same site" if report.same_site else "and different sites"
    return (f"Your page's origin is {page}; the other URL's is {target}. They differ in {parts}, so they are "
            f"different origins ({site}): the same-origin policy applies.")


def _join(phrases: Sequence[str]) -> str:
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def plain_answer(report: Report, resource: str, wanted: Sequence[str] | None = None) -> list[str]:
    """Sentences a beginner reads first: the headline about what they ``wanted`` (default: every
    capability of the verdict), what works, what does not and why."""
    verdict = report.verdict(resource)
    if verdict is None:
        return [f"The scenario has no {resource} verdict."]
    can = dict(verdict.can)
    wanted = [name for name in (wanted or can) if name in can]
    phrase = {name: CAPABILITY_PHRASES.get(f"{resource}.{name}", name) for name in can}
    works = [phrase[name] for name, allowed in verdict.can if allowed]
    fails = [phrase[name] for name, allowed in verdict.can if not allowed]
    if all(can[name] for name in wanted):
        headline = "Yes: your page can do what it wants here."
    elif any(can[name] for name in wanted):
        headline = "Partly: your page can do some of what it wants, not all."
    else:
        headline = "No: your page cannot do what it wants here."
    sentences = [headline, origin_sentence(report)]
    if works:
        sentences.append(f"What works: {_join(works)}.")
    if fails:
        sentences.append(f"What does not: {_join(fails)}.")
        reasons = list(dict.fromkeys(step.summary for step in verdict.trace if step.result == FAIL))
        if reasons:
            sentences.append(f"Why: {'; '.join(reasons[:MAX_REASONS])}.")
    if verdict.fetch is not None and verdict.fetch.preflight:
        sentences.append(f"Also: {CAPABILITY_PHRASES['fetch.preflight']}.")
    return sentences
