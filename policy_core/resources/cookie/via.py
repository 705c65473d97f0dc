"""What the ``via`` request itself prints: the page makes it whether or not the cookie rides along.

The request is the one the fetch, image, script or iframe verdict judges (same URL, same request,
same answer), so its console lines are that verdict's, rendered there once; a top-level navigation
leaves the page and prints nothing of its own, a form POST to an insecure endpoint warns first.
"""

from __future__ import annotations

from collections.abc import Callable

from ...context import Context
from ...messages import CHROME, render
from ...messages.subresources import MIXED_CONTENT_FORM
from ...mixed_content import is_mixed_content
from ...report import NO_CONSOLE, Console, DevtoolsIssue, Verdict, mixed_content_issue
from .. import fetch, iframe, image, script


def _verdict(evaluate: Callable[[Context], Verdict]) -> Callable[[Context], tuple[Console, tuple[DevtoolsIssue, ...]]]:
    def run(ctx: Context) -> tuple[Console, tuple[DevtoolsIssue, ...]]:
        verdict = evaluate(ctx)
        return verdict.console, verdict.devtools

    return run


def _frame(ctx: Context) -> tuple[Console, tuple[DevtoolsIssue, ...]]:
    # The frame is only loaded: the page does not touch its document, so nothing of script access is printed.
    return iframe.load_console(ctx), iframe.evaluate(ctx).devtools


_REQUESTS = {
    "fetch": _verdict(fetch.evaluate),
    "image": _verdict(image.evaluate),
    "script": _verdict(script.evaluate),
    "iframe": _frame,
}


def via_request(ctx: Context, via: str) -> tuple[Console, tuple[DevtoolsIssue, ...]]:
    """The via request's console lines and DevTools issues."""
    if via in _REQUESTS:
        return _REQUESTS[via](ctx)
    scenario = ctx.scenario
    if via == "form-post" and is_mixed_content(scenario.page, scenario.target):
        line = render(MIXED_CONTENT_FORM, CHROME, page=scenario.page.href, url=scenario.target.href)
        # Chromium 156 warns once when the form is submitted and again as the navigation starts.
        warning = mixed_content_issue("MixedContentWarning", line)
        return Console(chrome=f"{line}\n{line}"), (warning, warning)
    return NO_CONSOLE, ()
