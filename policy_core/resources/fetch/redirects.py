"""Sending the request and following its redirects: the fetch verdict's narration of ``redirects.walk``."""

from __future__ import annotations

from ... import headers as h
from ... import specs
from ...console import chrome_cors_message, failed_to_fetch, firefox_cors_message, with_line
from ...context import Context
from ...cors import cors_check
from ...fetch_rules import CORS_NON_WILDCARD_NAME, REQUEST_BODY_HEADERS, classify_request_headers
from ...messages import CHROME, FIREFOX, Failure, render
from ...messages.cors import chrome_cors_error, firefox_request_did_not_succeed
from ...origins import same_origin
from ...redirects import (
    TOO_MANY_DETAIL,
    TOO_MANY_SUMMARY,
    Hop,
    chrome_credentials_message,
    credentials_detail,
    not_http_summary,
    walk,
)
from ...report import cors_issue
from .advice import cors_failure
from .gates import CHROME_CORS_SCHEMES, blocked_as_mixed_content, disallowed_by_mode
from .preflight_step import preflight_if_needed
from .state import KIND, Out, Request


def explain_send(out: Out, state: Request) -> None:
    if state.tainting == "basic":
        detail = "A same-origin request carries no Origin header for GET/HEAD and needs no permission."
    elif state.tainting == "opaque":
        detail = f"The request goes out with Origin: {state.origin} only for POST; the server acts on it."
    else:
        detail = (
            f"The request goes out with Origin: {state.origin}. The server receives and acts on it whatever it "
            "answers: CORS decides only whether script may read the answer."
        )
    out.trace.passed("fetch.send", f"{state.method} {state.url.href} is sent", detail, specs.FETCH_MAIN)


def follow_redirects(out: Out, ctx: Context, state: Request) -> bool:
    """Narrate each hop; False when one ends the fetch (the request was sent, nothing is readable)."""
    scenario = ctx.scenario
    if not scenario.redirects:
        return True  # the usual case: nothing to follow
    mode = scenario.request.mode
    hops = walk(scenario.redirects, page=scenario.page, page_origin=ctx.page_origin, start=state.url,
                tainting=state.tainting, request_origin=state.origin, mode=mode, method=state.method)
    for hop in hops:
        if not _follow(out, ctx, state, hop, mode):
            return False
    return True


def _follow(out: Out, ctx: Context, state: Request, hop: Hop, mode: str) -> bool:
    trace = out.trace
    current, location = hop.current, hop.location
    if hop.over_limit:
        trace.failed("fetch.redirect.limit", TOO_MANY_SUMMARY, f"{TOO_MANY_DETAIL}; script sees {failed_to_fetch()}.",
                     specs.FETCH_REDIRECT)
        out.fixes.append("Fix the redirect loop on the server, or fetch the final URL directly.")
        out.network_error = "too-many-redirects"
        return False
    trace.info("fetch.redirect.hop", f"{current.href} answers {hop.status} -> {location.href}",
               f"Redirect {hop.number}: the browser follows it itself (redirect: 'follow').", specs.FETCH_REDIRECT)
    if hop.tainting == "cors":
        check = cors_check(hop.headers, hop.request_origin, ctx.scenario.request.credentials == "include", kind=KIND,
                           step_prefix="fetch.redirect", where=f"the {hop.status} redirect response")
        trace.extend(check.steps)
        if not check.ok:
            cors_failure(out, ctx, state, check, hop.status,
                         "Send the CORS headers on the redirect response too (each hop is checked):")
            if out.firefox:
                # Firefox 153 then fails the request as a whole: a second line, with no status (the browser suite).
                out.firefox += "\n" + firefox_request_did_not_succeed(current.href)
            return False
    if hop.error == Failure.REDIRECT_NOT_HTTP:
        trace.failed("fetch.redirect.scheme", not_http_summary(location.scheme), "A redirect location must be http(s).",
                     specs.FETCH_REDIRECT)
        _not_http_console(out, ctx, hop, mode)
        return False
    if hop.error == Failure.REDIRECT_CONTAINS_CREDENTIALS:
        trace.failed(
            "fetch.redirect.credentials",
            "The redirect location contains a username/password",
            "A CORS request may not follow a redirect to a URL with userinfo (user:pass@): network error. "
            + credentials_detail(location),
            specs.FETCH_REDIRECT,
        )
        out.chrome = chrome_credentials_message(KIND, current, ctx.page_origin_text, ctx.scenario.target)
        out.network_error = "cors"
        out.devtools.extend(cors_issue(chrome_cors_error(Failure.REDIRECT_CONTAINS_CREDENTIALS), out.chrome))
        out.firefox = firefox_request_did_not_succeed(current.href)  # the URL that redirected (Firefox 153)
        out.fixes.append(
            "Remove the user:password@ part from the Location header; authenticate with a header or cookie instead."
        )
        return False
    if blocked_as_mixed_content(out, ctx, location, "fetch.redirect.mixed-content"):
        if hop.tainting == "cors":  # Firefox 153 then fails the cross-origin request itself (the browser suite)
            out.firefox = with_line(out.firefox, firefox_request_did_not_succeed(current.href))
        return False
    _rewrite_for_redirect(out, state, hop)
    if mode == "same-origin" and not same_origin(ctx.page_origin, location.origin):
        disallowed_by_mode(out, ctx, location, ctx.scenario.target)
        return False
    if hop.taints:
        if state.origin != "null":
            trace.info(
                "fetch.redirect.taint",
                "Cross-origin redirect: the request's Origin becomes null",
                f"{current.origin.serialize()} redirected to yet another origin, so the request's "
                'redirect-taint is no longer same-origin and its origin serializes as "null" from now on. '
                "The final response must allow Origin: null (or *), not the page's origin.",
                specs.FETCH_REDIRECT_TAINT,
            )
        state.origin = "null"
    state.url = location
    state.tainting = hop.tainting_after
    if state.tainting != hop.tainting:
        trace.info(
            "fetch.redirect.cross-origin",
            "The redirect leaves the page's origin: CORS applies now",
            "From here the response is cross-origin: "
            + ("opaque (no-cors)." if mode == "no-cors" else "it must pass the CORS check."),
            specs.FETCH_MAIN,
        )
    if not (state.tainting == "cors" and state.needs_preflight()):
        return True
    if state.origin != "null":
        return preflight_if_needed(out, ctx, state, first=False)
    out.tainted_preflight = True
    if not out.firefox_rules:
        return preflight_if_needed(out, ctx, state, first=False)
    # Firefox 153 sends the page's origin on this preflight; the actual request still carries
    # Origin: null (the browser suite).
    state.origin = ctx.page_origin_text
    try:
        return preflight_if_needed(out, ctx, state, first=False)
    finally:
        state.origin = "null"


def _not_http_console(out: Out, ctx: Context, hop: Hop, mode: str) -> None:
    """The lines for a redirect to a URL that is not http(s), as Chromium 156 and Firefox 153 print them.

    A data: location is refused by the network layer (Chrome: ERR_UNSAFE_REDIRECT, no CORS line); any
    other scheme fails a cors-mode request's scheme check, named at the location. Firefox then fails
    the request itself when it was already cross-origin (the browser suite). Chrome's line for
    another mode (net::ERR_UNKNOWN_URL_SCHEME) is not modelled yet.
    """
    current, location = hop.current, hop.location
    if location.scheme == "data":
        out.network_error = "unsafe-redirect"
    elif mode == "cors":
        reason = render(Failure.SCHEME_NOT_SUPPORTED, CHROME, schemes=CHROME_CORS_SCHEMES)
        out.chrome = chrome_cors_message(KIND, location.href, ctx.page_origin_text, reason,
                                         initial_url=ctx.scenario.target.href)
        out.network_error = "cors"
        out.devtools.extend(cors_issue(chrome_cors_error(Failure.SCHEME_NOT_SUPPORTED), out.chrome))
        out.firefox = firefox_cors_message(location.href, render(Failure.SCHEME_NOT_SUPPORTED, FIREFOX))
    if hop.tainting == "cors":
        out.firefox = with_line(out.firefox, firefox_request_did_not_succeed(current.href))


def _rewrite_for_redirect(out: Out, state: Request, hop: Hop) -> None:
    headers = state.headers
    if hop.method_after != hop.method:
        headers = tuple((n, v) for n, v in headers if n.lower() not in REQUEST_BODY_HEADERS)
        state.method = hop.method_after
        rule = "301/302 rewrite POST" if hop.status != 303 else "303 rewrites every method but GET/HEAD"
        out.trace.info(
            "fetch.redirect.method",
            f"{hop.status} turns {hop.method} into GET",
            f"{rule} to GET; the body and its headers (Content-Type, Content-Language, ...) are dropped. Use "
            "307/308 to keep the method and body.",
            specs.FETCH_REDIRECT,
        )
    if hop.drops_authorization and h.has(headers, CORS_NON_WILDCARD_NAME):
        headers = tuple((n, v) for n, v in headers if n.lower() != CORS_NON_WILDCARD_NAME)
        out.trace.info(
            "fetch.redirect.authorization",
            "Authorization is dropped on the cross-origin redirect",
            "Fetch removes the Authorization header when a redirect changes origin, so a token never leaks "
            "to another origin.",
            specs.FETCH_REDIRECT,
        )
    if headers is not state.headers:
        state.headers = headers
        state.classification = classify_request_headers(headers)
