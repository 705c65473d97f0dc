"""What an <img> or <script> load that fails adds beside its console lines (the browser suite).

Chrome's DevTools issues (Chromium 156): a CORS failure raises a CorsIssue named by Chromium's
CorsError; a blocked http script a MixedContentIssue, an http image rewritten to https one that
says it was upgraded. Firefox's lines (Firefox 153) for a load refused by CORP, by mixed content,
by a redirect to a URL with credentials, or by the CORS check on a redirect response.
"""

from __future__ import annotations

from dataclasses import replace

from ..console import with_line
from ..messages import FIREFOX, Failure, render
from ..messages.cors import chrome_cors_error, firefox_request_did_not_succeed
from ..mixed_content import is_mixed_content
from ..report import Console, DevtoolsIssue, cors_issue, mixed_content_issue
from ..scenario import Scenario
from ..subresource import Load


def element_issues(scenario: Scenario, load: Load, console: str | None) -> tuple[DevtoolsIssue, ...]:
    text = (console or "").split("\n")[0]  # the line the issue stands beside
    issues: list[DevtoolsIssue] = []
    if is_mixed_content(scenario.page, scenario.target):
        blocked = load.failure == Failure.MIXED_CONTENT
        issues.append(mixed_content_issue("MixedContentBlocked" if blocked else "MixedContentAutomaticallyUpgraded", text))
    if load.cors is not None and load.cors.failure is not None:
        issues.extend(cors_issue(chrome_cors_error(load.cors.failure), text))
    elif load.failure == Failure.REDIRECT_CONTAINS_CREDENTIALS:
        issues.extend(cors_issue(chrome_cors_error(load.failure), text))
    return tuple(issues)


def with_firefox_load_line(scenario: Scenario, load: Load, *, module: bool = False) -> Console:
    """``load.console`` with Firefox's line for the failures it logs (where the load has none yet)."""
    if load.cors is not None and load.at_redirect:
        # Firefox 153 gives up on a CORS load refused on a redirect response: after the CORS line (and,
        # for a module script, its loader's MIME line, with no type at all) it says the request failed.
        url = load.url.href
        mime = render(Failure.MODULE_MIME_TYPE, FIREFOX, url=url, mime="") if module else None
        lines = with_line(with_line(load.console.firefox, mime), firefox_request_did_not_succeed(url))
        return replace(load.console, firefox=lines)
    if load.console.firefox:
        return load.console
    if load.failure == Failure.CORP_BLOCKED:
        line = render(Failure.CORP_BLOCKED, FIREFOX, url=load.url.href)
    elif load.failure == Failure.MIXED_CONTENT:
        line = render(Failure.MIXED_CONTENT, FIREFOX, url=scenario.target.href)
    elif load.failure == Failure.REDIRECT_CONTAINS_CREDENTIALS:
        line = firefox_request_did_not_succeed(scenario.target.href)
    else:
        return load.console
    return replace(load.console, firefox=line)
