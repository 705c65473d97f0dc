"""Fetch § 4.4 HTTP-redirect fetch: the redirect rules, once, for every verdict that follows redirects.

The fetch verdict and the subresource walk (image, script) each explain a hop in their own words,
but decide it here: the redirect limit, which locations are a network error (not http(s), or
userinfo in a CORS request), when the request's origin becomes tainted (``Origin: null``), how the
response tainting evolves, the method rewrite, when Authorization is dropped, and Chrome's
``kRedirectContainsCredentials`` sentence (browser-rules.md § 2.1, § 3.8; wpt-cors-facts.md 29-30).
"""

from __future__ import annotations

from .console import chrome_cors_message, encode_hint
from .origins import Origin, Url, same_origin

# Fetch: "If request's redirect count is 20, return a network error" (Chrome: ERR_TOO_MANY_REDIRECTS).
MAX_REDIRECTS = 20


def over_limit(index: int) -> bool:
    """Following redirect number ``index + 1`` would exceed the 20 Fetch allows."""
    return index >= MAX_REDIRECTS


def location_error(location: Url, mode: str, tainting: str, page_origin: Origin) -> str | None:
    """The network error a Location causes, in Fetch's order: "scheme", "credentials", or None to follow it.

    Userinfo fails a cors-mode request whose origin is not the location's origin, and any request
    whose response tainting is already cors (which catches a cross-origin hop back to the page).
    """
    if not location.is_http:
        return "scheme"
    if location.has_credentials and (
        tainting == "cors" or (mode == "cors" and not same_origin(page_origin, location.origin))
    ):
        return "credentials"
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


def chrome_credentials_message(
    kind: str, current: Url, page_origin_text: str, location: Url, initial: Url
) -> str:
    """Chrome's kRedirectContainsCredentials, naming the URL that redirected (and the initial one)."""
    reason = (
        f"Redirect location '{encode_hint(location.href)}' contains a username and password, which is "
        "disallowed for cross-origin requests."
    )
    return chrome_cors_message(kind, current.href, page_origin_text, reason, initial_url=initial.href)
