"""Sent? Whether the page's ``via`` request to the target URL carries the stored cookie.

The cookie's own scope (RFC 6265bis § 5.8.3: domain, path, Secure), then SameSite and the
browsers' third-party policy (``samesite``), then the request's credentials mode (Fetch, HTML).
"""

from __future__ import annotations

from ... import cookies as c
from ... import specs
from ...messages import Failure
from ...messages.cookies import chrome_names
from ...mixed_content import is_mixed_content
from ...scenario import Request
from .run import CookieRun
from .samesite import (
    firefox_context,
    firefox_first_party,
    firefox_samesite,
    send_partition,
    send_samesite,
    send_third_party,
)


def send(run: CookieRun) -> bool:
    """Chrome's decision; where Firefox decides otherwise, ``run.firefox`` holds its decision and why."""
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    scenario = ctx.scenario
    target = scenario.target
    via = cookie.via
    ok = True
    if via == "fetch" and scenario.request.mode == "same-origin" and not ctx.same_origin:
        trace.failed(
            "cookie.send.request-mode",
            "fetch with mode 'same-origin' to another origin is never sent",
            "A same-origin-mode request to a cross-origin URL fails with a TypeError before it leaves the "
            "browser, so no cookie goes anywhere.",
            specs.FETCH_MAIN,
        )
        run.fixes.append(f"fetch('{target.href}', {{ mode: 'cors', credentials: 'include' }})")
        ok = False

    if c.cookie_matches_host(target.hostname, run.domain, run.host_only):
        trace.passed(
            "cookie.send.domain-match",
            f"{target.hostname} matches the cookie's domain",
            f"The cookie belongs to {run.domain}{'' if run.host_only else ' and its subdomains'}; the request "
            f"goes to {target.hostname}.",
            specs.COOKIE_RETRIEVAL,
        )
    else:  # cannot happen for a cookie the target set itself; kept for completeness
        ok = False
        trace.failed(
            "cookie.send.domain-match",
            f"{target.hostname} does not match the cookie's domain",
            f"Chrome: {chrome_names(Failure.COOKIE_DOMAIN_MISMATCH)}.",
            specs.COOKIE_RETRIEVAL,
        )

    if c.path_match(target.pathname, cookie.path):
        trace.passed(
            "cookie.send.path-match",
            f"{target.pathname} is within Path={cookie.path}",
            "The request path path-matches the cookie's path.",
            specs.COOKIE_PATH_MATCH,
        )
    else:
        ok = False
        trace.failed(
            "cookie.send.path-match",
            f"{target.pathname} is outside Path={cookie.path}: not sent",
            f"The cookie is only for {cookie.path} and below (Chrome: {chrome_names(Failure.COOKIE_NOT_ON_PATH)}).",
            specs.COOKIE_PATH_MATCH,
        )
        run.fix.set(path="/")

    if cookie.secure:
        if c.is_secure_for_cookies(ctx.target_origin):
            trace.passed(
                "cookie.send.secure",
                "Secure cookie over a secure connection",
                f"{ctx.target_origin_text} is https (or localhost, which Chrome treats as secure).",
                specs.COOKIE_RETRIEVAL,
            )
        else:
            ok = False
            trace.failed(
                "cookie.send.secure",
                "Secure cookie is not sent over http",
                f"Chrome: {chrome_names(Failure.COOKIE_SECURE_ONLY)}.",
                specs.COOKIE_RETRIEVAL,
            )
    else:
        trace.skipped(
            "cookie.send.secure",
            "Not Secure: sent over http and https alike",
            "Only Secure cookies are held back from insecure requests.",
            specs.COOKIE_RETRIEVAL,
        )

    context = c.samesite_context(via, ctx.page_site, ctx.target_site, ctx.same_site)
    samesite_ok = send_samesite(run, context)
    firefox_ok, firefox_why = firefox_samesite(run, context, samesite_ok)
    if cookie.partitioned:
        ok &= send_partition(run)
    # The third-party setting, where SameSite let the cookie through. Chrome judges first-party with the
    # scheme (an http page's request to https on its own domain is third-party), Firefox without it.
    third_party_ok = send_third_party(run, context) if samesite_ok else True
    firefox_ok &= not c.third_party_blocked(scenario.third_party_cookies, via, firefox_context(run))
    # Where Firefox's SameSite would let it through, its request to http from an https page never leaves:
    # mixed content (fetch, script, frame) or, for a form, the insecure-form warning page (the harness).
    firefox_ok &= not (via in _FIREFOX_MIXED_BLOCKED and is_mixed_content(scenario.page, target))
    ok &= _send_credentials(run)
    firefox_ok &= ok
    ok &= samesite_ok and third_party_ok
    if firefox_ok != ok:
        run.firefox = (firefox_ok, firefox_why or firefox_first_party(run))
    if scenario.redirects:
        trace.info(
            "cookie.send.redirects",
            "Only the first request, to the target URL, is judged here",
            "Each redirect hop is a new request that gets the cookies of its own URL. Chrome also requires every "
            "URL in the chain to be same-site for Strict/Lax cookies: a cross-site hop makes the rest of the "
            "chain cross-site (Lax for a top-level GET) (WPT cookies/samesite/fetch.https.html redirect cases).",
            specs.COOKIE_SAME_SITE,
        )
    return ok


_FIREFOX_MIXED_BLOCKED = frozenset({"fetch", "script", "iframe", "form-post"})


def _send_credentials(run: CookieRun) -> bool:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    request, via = ctx.scenario.request, cookie.via
    mode = c.request_credentials_mode(via, request.credentials, request.crossorigin, request.script_type)
    allowed = c.credentials_allow(mode, ctx.same_origin)
    target = ctx.scenario.target.href
    where = _request_words(via, request)
    if allowed:
        detail = f"{where} uses credentials mode '{mode}'"
        detail += (
            ", so cookies are attached."
            if mode == "include"
            else " and the request is same-origin, so cookies are attached."
        )
        if (
            not ctx.same_origin
            and via in ("fetch", "image", "script")
            and (
                (via == "fetch" and request.mode == "cors")
                or (via != "fetch" and request.crossorigin == "use-credentials")
            )
        ):
            detail += (
                f" Reading the cross-origin response then needs Access-Control-Allow-Origin: "
                f"{ctx.page_origin_text} (exact, not *) and Access-Control-Allow-Credentials: true: see the "
                f"{via} verdict. A request that needs a CORS preflight sends the OPTIONS without cookies, and the "
                "request with the cookie only if the preflight passes."
            )
        trace.passed(
            "cookie.send.credentials-mode",
            f"Credentials mode '{mode}': cookies attached",
            detail,
            specs.HTML_CORS_SETTINGS if via in ("image", "script") else specs.FETCH_INCLUDE_CREDENTIALS,
        )
        return True
    if mode == "omit":
        detail = f"{where} never attaches cookies."
    else:
        detail = (
            f"{where} uses credentials mode 'same-origin': cookies go only to the page's own origin "
            f"({ctx.page_origin_text}), and {ctx.target_origin_text} is another origin — same-site is not "
            "enough."
        )
    trace.failed(
        "cookie.send.credentials-mode",
        f"Credentials mode '{mode}': the request carries no cookies",
        detail,
        specs.HTML_CORS_SETTINGS if via in ("image", "script") else specs.FETCH_INCLUDE_CREDENTIALS,
    )
    acao = (
        (
            f" and have {ctx.target_origin_text} answer Access-Control-Allow-Origin: {ctx.page_origin_text} plus "
            "Access-Control-Allow-Credentials: true"
        )
        if not ctx.page_origin.opaque
        else ""
    )
    if via == "fetch":
        run.fixes.append(f"fetch('{target}', {{ credentials: 'include' }}){acao}")
    else:
        run.fixes.append(
            f'<{"img" if via == "image" else "script"} src="{target}" crossorigin="use-credentials">{acao}'
        )
    return False


def _request_words(via: str, request: Request) -> str:
    """How the request is made, in words."""
    if via == "fetch":
        return f"fetch() with credentials: '{request.credentials}'"
    if via == "image":
        return f"<img> with {_crossorigin_text(request.crossorigin)}"
    if via == "script":
        module = " type=module" if request.script_type == "module" else ""
        return f"<script{module}> with {_crossorigin_text(request.crossorigin)}"
    return _NAVIGATION_WORDS[via]


_NAVIGATION_WORDS = {
    "iframe": "an <iframe> navigation",
    "navigation": "a top-level navigation",
    "form-post": "a top-level form POST",
}


def _crossorigin_text(value: str) -> str:
    return "no crossorigin attribute" if value == "none" else f'crossorigin="{value}"'
