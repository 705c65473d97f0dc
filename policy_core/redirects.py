"""Fetch § 4.4 HTTP-redirect fetch: the redirect rules and the one redirect walk.

``walk`` follows a scenario's redirect chain once, purely, and hands back one ``Hop`` per
redirect with every decision the browser makes on it: the redirect limit, a Location that is a
network error (not http(s), or userinfo in a CORS request), mixed content (blocked, or upgraded
for images), when the request's origin becomes tainted (``Origin: null``), how the response
tainting evolves, the method rewrite and when Authorization is dropped. The fetch verdict and
the subresource walk (image, script) each narrate the hops in their own words and stop where
their own checks fail (browser-rules.md § 2.1, § 3.8; wpt-cors-facts.md 29-30).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .console import chrome_cors_message, encode_hint
from .headers import Headers
from .messages import CHROME, Failure, render
from .messages import cors as m
from .mixed_content import is_mixed_content, upgraded
from .origins import Origin, Url, same_origin
from .scenario import Redirect

# Fetch: "If request's redirect count is 20, return a network error" (Chrome: ERR_TOO_MANY_REDIRECTS).
MAX_REDIRECTS = 20
# The limit step's wording, for every verdict that follows redirects.
TOO_MANY_SUMMARY = f"More than {MAX_REDIRECTS} redirects: network error"
TOO_MANY_DETAIL = f"Fetch gives up after {MAX_REDIRECTS} redirects (Chrome: {render(m.NET_TOO_MANY_REDIRECTS, CHROME)})"


def not_http_summary(scheme: str) -> str:
    """The step summary for a Location that is not http(s)."""
    return f"Redirect to a {scheme}: URL: network error"


def over_limit(index: int) -> bool:
    """Following redirect number ``index + 1`` would exceed the 20 Fetch allows."""
    return index >= MAX_REDIRECTS


def location_error(location: Url, mode: str, tainting: str, page_origin: Origin) -> Failure | None:
    """The network error a Location causes, in Fetch's order, or None to follow it.

    Userinfo fails a cors-mode request whose origin is not the location's origin, and any request
    whose response tainting is already cors (which catches a cross-origin hop back to the page).
    """
    if not location.is_http:
        return Failure.REDIRECT_NOT_HTTP
    if location.has_credentials and (
        tainting == "cors" or (mode == "cors" and not same_origin(page_origin, location.origin))
    ):
        return Failure.REDIRECT_CONTAINS_CREDENTIALS
    return None


def taints_origin(page_origin: Origin, current: Url, location: Url) -> bool:
    """This hop sets the tainted-origin flag: it changes origin, from a URL already cross-origin to the page.

    From then on the request's origin serializes as "null" (Origin: null, and the CORS check compares
    Access-Control-Allow-Origin with "null"). wpt-cors-facts.md 29.
    """
    return not same_origin(current.origin, location.origin) and not same_origin(page_origin, current.origin)


def tainting_after(tainting: str, page_origin: Origin, url: Url, mode: str) -> str:
    """Main fetch's response tainting: basic while every URL so far is same-origin (or data:); then it sticks."""
    if tainting != "basic" or same_origin(page_origin, url.origin) or url.scheme == "data":
        return tainting
    return "opaque" if mode == "no-cors" else "cors"


def rewrites_to_get(status: int, method: str) -> bool:
    """301/302 turn POST into GET; 303 turns every method but GET/HEAD into GET (body headers dropped)."""
    return (status in (301, 302) and method == "POST") or (status == 303 and method not in ("GET", "HEAD"))


def drops_authorization(current: Url, location: Url) -> bool:
    """Fetch removes Authorization when a hop changes origin, so a token never leaks to another origin."""
    return not same_origin(current.origin, location.origin)


def chrome_credentials_message(kind: str, current: Url, page_origin_text: str, initial: Url) -> str:
    """Chrome's kRedirectContainsCredentials, naming the URL that redirected (and the initial one).

    Chromium 156 prints the location as '' (its CorsURLLoader raises the error without the URL, the
    browser suite), so a verdict's trace names the URL with credentials (``credentials_detail``).
    """
    reason = render(Failure.REDIRECT_CONTAINS_CREDENTIALS, CHROME, location="")
    return chrome_cors_message(kind, current.href, page_origin_text, reason, initial_url=initial.href)


def credentials_detail(location: Url) -> str:
    """The trace's words for the URL Chrome's line leaves out ("Redirect location ''")."""
    return (f"The Location is {encode_hint(location.href)}, which carries user:password@. Chrome's console line "
            "leaves it out: it says Redirect location ''.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Hop:
    """One redirect and what the browser decides about it."""

    number: int  # 1-based
    status: int
    headers: Headers  # the redirect response's headers (checked like any response)
    location_input: str  # the Location as the scenario wrote it
    current: Url  # the URL that answered with this redirect
    location: Url  # where it points
    tainting: str  # the response tainting before this hop: basic | cors | opaque
    request_origin: str  # the serialized request origin before this hop ("null" once tainted)
    method: str  # the method of the request that got this redirect
    over_limit: bool = False  # one redirect too many: nothing else below applies
    error: Failure | None = None  # REDIRECT_NOT_HTTP or REDIRECT_CONTAINS_CREDENTIALS: a network error
    mixed: bool = False  # the location is mixed content for the page (blocked, or upgraded)
    next_url: Url | None = None  # the URL requested next: the location, or its https upgrade
    taints: bool = False  # this hop sets the request's tainted-origin flag (first time)
    tainting_after: str = ""  # the response tainting once the next URL is fetched
    method_after: str = ""  # 301/302/303 may turn the method into GET
    drops_authorization: bool = False  # the hop changes origin


def walk(
    redirects: Iterable[Redirect],
    *,
    page: Url,
    page_origin: Origin,
    start: Url,
    tainting: str,
    request_origin: str,
    mode: str,
    method: str = "GET",
    upgrade_mixed: bool = False,
) -> tuple[Hop, ...]:
    """Follow the redirect chain from ``start``; the last hop is the first one that ends the fetch, if any.

    ``upgrade_mixed``: mixed-content locations are upgraded to https (images) instead of blocked.
    """
    hops: list[Hop] = []
    current, tainted = start, False
    for number, redirect in enumerate(redirects, 1):
        location = redirect.location
        if over_limit(number - 1):
            hops.append(Hop(number=number, status=redirect.status, headers=redirect.headers,
                            location_input=redirect.location_input, current=current, location=location,
                            tainting=tainting, request_origin=request_origin, method=method, over_limit=True))
            break
        error = location_error(location, mode, tainting, page_origin)
        mixed = error is None and is_mixed_content(page, location)
        next_url = upgraded(location) if mixed and upgrade_mixed else location
        taints = error is None and not tainted and taints_origin(page_origin, current, location)
        hop = Hop(
            number=number,
            status=redirect.status,
            headers=redirect.headers,
            location_input=redirect.location_input,
            current=current,
            location=location,
            tainting=tainting,
            request_origin=request_origin,
            method=method,
            error=error,
            mixed=mixed,
            next_url=next_url,
            taints=taints,
            tainting_after=tainting_after(tainting, page_origin, next_url, mode),
            method_after="GET" if rewrites_to_get(redirect.status, method) else method,
            drops_authorization=drops_authorization(current, location),
        )
        hops.append(hop)
        if error is not None or (mixed and not upgrade_mixed):
            break
        if taints:
            tainted, request_origin = True, "null"
        current, tainting, method = next_url, hop.tainting_after, hop.method_after
    return tuple(hops)
