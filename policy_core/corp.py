"""Cross-Origin-Resource-Policy (Fetch § cross-origin resource policy check).

A server's opt-out from no-cors embedding: it blocks opaque (no-cors) responses only. A
CORS-mode request that passed the CORS check is never subject to it, and same-origin
requests always pass. Shared by every no-cors subresource verdict (image, script).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import headers as h
from . import specs
from .messages import CHROME, SAFARI, Failure, render
from .origins import Origin, same_origin
from .report import FAIL, INFO, PASS, Step, step
from .sites import Site

CORP = "Cross-Origin-Resource-Policy"
_POLICIES = ("same-origin", "same-site", "cross-origin")

# Chrome reports the block as a network error on the request (browser-rules.md § 3.10: the
# net error names are observed in the wild): net::ERR_BLOCKED_BY_RESPONSE.<this>.
_CHROME_NET_ERROR = {"same-origin": "NotSameOrigin", "same-site": "NotSameSite"}


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpCheck:
    ok: bool
    policy: str | None = None  # the recognised value, or None when absent or ignored
    chrome: str | None = None  # console line when blocked
    safari: str | None = None
    step: Step | None = None  # None when there is no header at all (nothing to explain)


def corp_check(
    headers: h.Headers,
    request_origin: Origin,
    request_site: Site,
    url_origin: Origin,
    url_site: Site,
    url: str,
    *,
    step_id: str,
) -> CorpCheck:
    """Run the CORP check of a no-cors response from ``url`` for a request made by ``request_origin``."""
    raw = h.get_combined(headers, CORP)
    if raw is None:
        return CorpCheck(ok=True)
    # Fetch compares the whole (combined) value byte for byte: two lines, or other case, are ignored.
    policy = raw.strip(" \t") if raw.strip(" \t") in _POLICIES else None
    if policy is None:
        return CorpCheck(ok=True, step=step(
            INFO,
            step_id,
            f"{CORP}: {raw!r} is not a recognised value and is ignored",
            "Only the exact values same-origin, same-site and cross-origin (lower-case, one header line) count; "
            "anything else is treated as if the header were absent.",
            specs.FETCH_CORP,
        ))
    if policy == "cross-origin":
        return CorpCheck(ok=True, policy=policy, step=step(
            PASS,
            step_id,
            f"{CORP}: cross-origin allows every page to embed it",
            "The server explicitly allows no-cors loads from any origin.",
            specs.FETCH_CORP,
        ))
    if policy == "same-origin":
        allowed = same_origin(request_origin, url_origin)
        why = (
            "the page is same-origin with the resource"
            if allowed
            else f"the page's origin {request_origin.serialize()} is not {url_origin.serialize()}"
        )
    else:
        allowed = _schemelessly_same_site(request_site, url_site) and (
            request_origin.scheme == "https" or url_origin.scheme != "https"
        )
        if allowed:
            why = "the page and the resource share a site"
        elif not _schemelessly_same_site(request_site, url_site):
            why = f"the page's site {request_site.serialize()} is not the resource's site {url_site.serialize()}"
        else:
            why = (
                "a resource served over https is never same-site with a page served over http for this check"
            )
    if allowed:
        return CorpCheck(ok=True, policy=policy, step=step(
            PASS,
            step_id,
            f"{CORP}: {policy} allows this page: {why}",
            "The server limits no-cors loads to pages of the same "
            f"{'origin' if policy == 'same-origin' else 'site'}, and this page qualifies.",
            specs.FETCH_CORP,
        ))
    return CorpCheck(
        ok=False,
        policy=policy,
        chrome=render(Failure.CORP_BLOCKED, CHROME, error=_CHROME_NET_ERROR[policy]),
        safari=render(Failure.CORP_BLOCKED, SAFARI, url=url),
        step=step(
            FAIL,
            step_id,
            f"{CORP}: {policy} blocks this no-cors load: {why}",
            f"The server asked the browser not to hand this response to pages of other "
            f"{'origins' if policy == 'same-origin' else 'sites'} in no-cors mode. The browser fetches it and "
            "then drops it as a network error, so the element gets nothing. A CORS-mode request (the "
            "crossorigin attribute) with a passing CORS check is not subject to this header.",
            specs.FETCH_CORP,
        ),
    )


def _schemelessly_same_site(a: Site, b: Site) -> bool:
    if a.opaque or b.opaque:
        return a.opaque_origin is b.opaque_origin
    return a.domain == b.domain
