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
from ...report import NO_CONSOLE, Console
from .. import fetch, iframe, image, script

# The frame is only loaded: the page does not touch its document, so nothing of script access is printed.
_CONSOLES: dict[str, Callable[[Context], Console]] = {
    "fetch": lambda ctx: fetch.evaluate(ctx).console,
    "image": lambda ctx: image.evaluate(ctx).console,
    "script": lambda ctx: script.evaluate(ctx).console,
    "iframe": iframe.load_console,
}


def via_console(ctx: Context, via: str) -> Console:
    if via in _CONSOLES:
        return _CONSOLES[via](ctx)
    scenario = ctx.scenario
    if via == "form-post" and is_mixed_content(scenario.page, scenario.target):
        line = render(MIXED_CONTENT_FORM, CHROME, page=scenario.page.href, url=scenario.target.href)
        # Chromium 156 warns once when the form is submitted and again as the navigation starts.
        return Console(chrome=f"{line}\n{line}")
    return NO_CONSOLE
