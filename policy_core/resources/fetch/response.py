"""The actual response: what script may read of it, and the warnings a passing answer still deserves."""

from __future__ import annotations

from ... import headers as h
from ... import specs
from ...context import Context
from ...cors import ACAO, CorsCheck, cors_check
from ...cors_fixes import NEVER_ALLOW_NULL, OPAQUE_PAGE_FIX
from ...fetch_rules import basic_exposed_headers, exposed_response_headers
from .advice import cors_failure
from .state import KIND, Out, Request


def final_response(out: Out, ctx: Context, state: Request) -> bool:
    """True when script reads the response."""
    response = ctx.scenario.response
    trace = out.trace
    if state.tainting == "basic":
        out.exposed = basic_exposed_headers(response.headers)
        trace.passed("fetch.read", "Script reads the response: status, body and headers",
                     "A basic response hides only Set-Cookie and Set-Cookie2.", specs.FETCH_CORS_FILTERED)
        return True
    if state.tainting == "opaque":
        trace.failed(
            "fetch.read",
            "The response is opaque: script reads nothing (status 0, empty body)",
            "no-cors never exposes a cross-origin answer, and no console error is printed: response.type is "
            "'opaque'.",
            specs.FETCH_NO_CORS,
        )
        if ctx.page_origin.opaque:  # Origin: null, which no server should allow
            out.fixes.append(OPAQUE_PAGE_FIX)
            out.warnings.append(NEVER_ALLOW_NULL)
        else:
            out.fixes.append(
                "To read the response, use mode: 'cors' (the default) and have the server send "
                f"{ACAO}: {ctx.page_origin_text}."
            )
        return False
    credentials_include = ctx.scenario.request.credentials == "include"
    check = cors_check(response.headers, state.origin, credentials_include, kind=KIND, step_prefix="fetch.cors",
                       where="the response")
    trace.extend(check.steps)
    _response_warnings(out, ctx, state, response.headers, check)
    if not check.ok:
        cors_failure(out, ctx, state, check, response.status, f"Answer {state.method} {state.url.href} (any status) with:")
        return False
    exposure = exposed_response_headers(response.headers, credentials_include)
    out.exposed = exposure.names
    listed = exposure.listed
    if listed.failed:
        detail = (
            f"Access-Control-Expose-Headers has the invalid item {listed.bad_item!r}: one bad item "
            "cancels the whole list, so only the safelisted headers are readable."
        )
    elif exposure.wildcard:
        detail = "Access-Control-Expose-Headers: * exposes every header (no credentials), except Set-Cookie."
    else:
        detail = (
            "Script can read the CORS-safelisted response headers (Cache-Control, Content-Language, "
            "Content-Length, Content-Type, Expires, Last-Modified, Pragma) plus those listed in "
            "Access-Control-Expose-Headers (never Set-Cookie)."
        )
        if credentials_include and listed.present and "*" in listed.values:
            detail += " With credentials, * only names a header literally called *."
    summary = f"Readable headers: {', '.join(exposure.names) or '(none present)'}"
    if listed.failed:
        trace.failed("fetch.expose-headers", summary, detail, specs.FETCH_CORS_FILTERED)
    else:
        trace.passed("fetch.expose-headers", summary, detail, specs.FETCH_CORS_FILTERED)
    trace.passed("fetch.read", "The CORS check passed: script reads the response",
                 "Status and body are readable; headers as listed above.", specs.FETCH_CORS_CHECK)
    return True


def _response_warnings(out: Out, ctx: Context, state: Request, headers: h.Headers, check: CorsCheck) -> None:
    value, passed = check.allow_origin, check.ok  # the trimmed, combined ACAO the CORS check already read
    credentials_include = ctx.scenario.request.credentials == "include"
    if value == "null":
        out.warnings.append(
            "Access-Control-Allow-Origin: null is dangerous: every sandboxed iframe, data: URL and "
            "file: page sends Origin: null, so any site can read this response through one."
        )
    if value == "*" and (
        h.has(state.headers, "authorization") or h.has(headers, "set-cookie") or credentials_include
    ):
        out.warnings.append(
            "Access-Control-Allow-Origin: * on a response that depends on credentials (Authorization, "
            "cookies, Set-Cookie): any site can read what * allows. Serve user-specific data only to an "
            "allowlist of origins echoed with Vary: Origin."
        )
    if value not in (None, "*", "null") and passed:
        # Every Vary item, trimmed and lower-cased (lower-casing the joined lines first is the same).
        vary = set(map(str.strip, ",".join(h.lines_of(headers, "vary")).lower().split(",")))
        if "origin" not in vary and "*" not in vary:
            out.warnings.append(
                f"Access-Control-Allow-Origin echoes {value} but the response has no Vary: Origin: a "
                "shared cache (CDN, proxy) can serve this answer to another origin, which then fails "
                "CORS (or, if the cache keys on it, leaks the allowed origin). Add Vary: Origin."
            )
        if credentials_include:
            out.warnings.append(
                "A credentialed response echoes the requesting origin. One response cannot show whether "
                "the server reflects any Origin it receives: make sure it compares Origin against an "
                "allowlist, or any site can read your users' data."
            )


def csrf_boundary(out: Out, ctx: Context, state: Request) -> None:
    if ctx.same_origin or out.preflight or state.method in ("GET", "HEAD"):
        return
    out.trace.info(
        "fetch.csrf",
        f"This cross-origin {state.method} is sent and acted on, readable or not",
        "A simple request (safelisted method and headers) needs no preflight: the server processes it before "
        "the browser decides whether script may read the answer. CORS protects the response, not the server.",
        specs.FETCH_CORS_SAFELISTED,
    )
    out.warnings.append(
        f"CSRF boundary: a cross-origin {state.method} with safelisted headers is sent without a "
        "preflight and the server acts on it even though the page cannot read the answer. State-changing "
        "endpoints need CSRF defences: SameSite cookies, anti-CSRF tokens, and checking the Origin header "
        "(or requiring a non-safelisted Content-Type such as application/json)."
    )
