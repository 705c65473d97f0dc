"""``fetch``: does ``fetch(target, {method, mode, credentials, headers})`` go out, and can script read the answer?

WHATWG Fetch § 4.1 main fetch, § 4.4 HTTP-redirect fetch, § 4.8 CORS-preflight fetch,
§ 4.10 CORS check, in Chrome's decision order and with Chrome's console text (browser-rules.md
§ 2.1). Where Chrome and the standard disagree (method case against Allow-Methods, ``*``
covering Authorization, the Max-Age cap) the verdict follows Chrome and says so.

The steps live by kind: ``gates`` (before anything is sent), ``preflight_step``, ``redirects``
(sending and following), ``response`` (reading), ``advice`` (console lines and fixes on failure).
"""

from __future__ import annotations

from dataclasses import replace

from ... import specs
from ...context import Context
from ...fetch_rules import classify_request_headers, normalize_method
from ...report import BrowserDifference, Verdict
from .advice import NEEDLESS_REQUEST_HEADERS
from .gates import (
    CHROME_CORS_SCHEMES,
    blocked_as_mixed_content,
    disallowed_by_mode,
    explain_dropped_headers,
    explain_mode_and_credentials,
    local_network_ok,
    method_ok,
    no_cors_request,
    non_http_target,
    url_credentials_ok,
)
from .preflight_step import preflight_if_needed
from .redirects import explain_send, follow_redirects
from .response import csrf_boundary, final_response
from .state import KIND, Out, Request, request_target

__all__ = ["CHROME_CORS_SCHEMES", "KIND", "NEEDLESS_REQUEST_HEADERS", "evaluate", "request_target"]


# Why Firefox can decide a redirected, preflighted fetch otherwise (Verdict.elsewhere).
FIREFOX_TAINTED_PREFLIGHT = (
    "Firefox sends the page's origin, not null, on the preflight of a request redirected to another origin "
    "(the request itself carries Origin: null), so it checks that preflight's Access-Control-Allow-Origin "
    "against the page's origin; Chrome and the Fetch standard use the tainted origin, null."
)


def evaluate(ctx: Context) -> Verdict:
    credentials = ctx.scenario.request.credentials == "include"
    out = Out(credentials=credentials)
    verdict = _evaluate(ctx, out)
    if not out.tainted_preflight:
        return verdict
    # Played again with Firefox's rule: its console lines, and its decisions where they differ.
    firefox = _evaluate(ctx, Out(credentials=credentials, firefox_rules=True))
    console = replace(verdict.console, firefox=firefox.console.firefox)
    differs = tuple((name, allowed) for (name, allowed), (_, chrome) in zip(firefox.can, verdict.can, strict=True)
                    if allowed != chrome)
    elsewhere = (BrowserDifference(browser="firefox", can=differs, why=FIREFOX_TAINTED_PREFLIGHT),) if differs else ()
    return replace(verdict, console=console, elsewhere=verdict.elsewhere + elsewhere)


def _evaluate(ctx: Context, out: Out) -> Verdict:
    scenario = ctx.scenario
    request = scenario.request
    method = normalize_method(request.method)

    if not method_ok(out, request.method, method) or not url_credentials_ok(out, ctx):
        return out.verdict(False, False)

    classification = classify_request_headers(request.headers)
    explain_dropped_headers(out, classification)
    target = scenario.target
    if blocked_as_mixed_content(out, ctx, target, "fetch.mixed-content"):
        return out.verdict(False, False)

    out.trace.info(
        "fetch.origins",
        f"Page origin {ctx.page_origin_text}, target origin {ctx.target_origin_text}",
        "An origin is scheme, host and port. A same-origin fetch needs no permission; a cross-origin one is "
        "governed by the request's mode (cors by default).",
        specs.URL_ORIGIN,
    )
    if target.scheme == "data":
        out.trace.passed(
            "fetch.data-url",
            "A data: URL is decoded by the browser: readable, no CORS, no server",
            "Main fetch handles data: URLs with a scheme fetch and a basic (readable) response in every "
            "mode; no request leaves the browser.",
            specs.FETCH_SCHEME,
        )
        return out.verdict(False, True)

    mode = request.mode
    if not ctx.same_origin:
        if mode == "same-origin":
            disallowed_by_mode(out, ctx, target, target)
            return out.verdict(False, False)
        if not target.is_http:
            non_http_target(out, ctx, target, mode)
            return out.verdict(False, False)
        if not local_network_ok(out, ctx, target):
            return out.verdict(False, False)
    elif not target.is_http and target.scheme != "blob":
        non_http_target(out, ctx, target, mode)
        return out.verdict(False, False)

    # The Request constructor applies no-cors's limits whatever the URL, same-origin included.
    if mode == "no-cors":
        kept = no_cors_request(out, method, classification)
        if kept is None:
            return out.verdict(False, False)
        classification = kept

    tainting = "basic" if ctx.same_origin else ("opaque" if mode == "no-cors" else "cors")
    state = Request(
        method=method, classification=classification, url=target, origin=ctx.page_origin_text, tainting=tainting
    )
    explain_mode_and_credentials(out, ctx, state)

    if state.tainting == "cors" and not preflight_if_needed(out, ctx, state, first=True):
        return out.verdict(False, False)

    explain_send(out, state)
    if not follow_redirects(out, ctx, state):
        return out.verdict(True, False)
    readable = final_response(out, ctx, state)
    if out.network_error is None:
        out.final_status = scenario.response.status  # the response reached the page (opaque or not)
    csrf_boundary(out, ctx, state)
    return out.verdict(True, readable)
