"""Mixed Content: an https page loading a subresource or frame over plain http.

Scripts and frames are "blockable": blocked. Images are "upgradeable": current Chrome,
Firefox (127+) and Safari rewrite the URL to https and load that instead (Mixed Content
Level 2). Chrome applies the check only to pages loaded over https; http://localhost and
127.0.0.1 are potentially trustworthy, so never mixed content.
"""

from __future__ import annotations

from .messages import CHROME, Failure, render
from .origins import Url, is_potentially_trustworthy, parse_url


def is_mixed_content(page: Url, url: Url) -> bool:
    return page.scheme == "https" and url.scheme == "http" and not is_potentially_trustworthy(url.origin)


def chrome_blocked_message(page: Url, url: Url, what: str) -> str:
    """Chrome's console line; ``what`` is "script", "frame", "resource" (observed in Chrome consoles)."""
    return render(Failure.MIXED_CONTENT, CHROME, page=page.href, what=what, url=url.href)


def upgraded(url: Url) -> Url:
    """The https URL an upgradeable request is rewritten to (an explicit non-default port is kept)."""
    # The URL parser already dropped an explicit :80, so swapping the scheme is the whole upgrade.
    return parse_url("https:" + url.href[len("http:") :])
