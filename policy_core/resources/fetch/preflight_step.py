"""The preflight step of the fetch verdict: classify the request, send the OPTIONS, judge the answer."""

from __future__ import annotations

from ... import headers as h
from ... import specs
from ...console import chrome_cors_message, failed_to_fetch, firefox_cors_message
from ...context import Context
from ...cors import cors_check
from ...cors_fixes import allow_lines
from ...fetch_rules import CHROME_MAX_AGE_CAP, is_safelisted_method
from ...messages import FIREFOX, Failure, render
from ...messages.cors import chrome_cors_error, firefox_request_did_not_succeed
from ...preflight import (
    CHROME_AUTHORIZATION_DEPRECATION,
    PreflightOutcome,
    check_preflight,
    chrome_authorization_issue,
    firefox_authorization_warning,
    preflight_request_lines,
)
from ...report import cors_issue
from .advice import client_side_fixes, firefox_and_safari, null_origin_fixes, trust_note
from .state import KIND, Out, Request, fix_block, request_target


def _classify(out: Out, state: Request) -> None:
    """The first request's method and headers: which ones need a preflight, and why."""
    classification = state.classification
    method = state.method
    if is_safelisted_method(method):
        out.trace.passed("fetch.classify.method", f"{method} is a CORS-safelisted method",
                         "GET, HEAD and POST need no preflight by themselves.", specs.FETCH_METHODS)
    else:
        out.trace.info("fetch.classify.method", f"{method} is not a CORS-safelisted method: it needs a preflight",
                       "Only GET, HEAD and POST can be sent cross-origin without asking first.", specs.FETCH_METHODS)
    if classification.unsafe:
        details = "; ".join([f"{name}: {why}" for name, why in classification.unsafe])
        if classification.over_total:
            details += ". The safelisted values together exceed 1024 bytes, so they count as unsafe too"
        out.trace.info(
            "fetch.classify.headers",
            f"CORS-unsafe request headers: {', '.join(classification.unsafe_names)}",
            f"{details}. These names (lower-cased, sorted) go in Access-Control-Request-Headers.",
            specs.FETCH_HEADERS,
        )
    elif classification.sent:
        out.trace.passed(
            "fetch.classify.headers",
            "Every request header is CORS-safelisted",
            "Accept, Accept-Language, Content-Language, a form or text/plain Content-Type and a single "
            "byte Range, each at most 128 bytes, need no preflight.",
            specs.FETCH_HEADERS,
        )


def preflight_if_needed(out: Out, ctx: Context, state: Request, *, first: bool) -> bool:
    """Explain the classification; send and judge the preflight when one is needed. False: blocked."""
    if first:
        _classify(out, state)
    if not state.needs_preflight():
        if first:
            out.trace.skipped(
                "fetch.preflight",
                "No preflight: this is a simple request",
                "A safelisted method with only safelisted headers is sent straight away, like a form could "
                "send it. The server acts on it before the browser decides whether script may read the answer.",
                specs.FETCH_MAIN_PREFLIGHT_FLAG,
            )
        return True

    method = state.method
    unsafe_names = state.classification.unsafe_names
    reasons = []
    if not is_safelisted_method(method):
        reasons.append(f"method {method}")
    if unsafe_names:
        reasons.append(f"header{'s' if len(unsafe_names) > 1 else ''} {', '.join(unsafe_names)}")
    lines = preflight_request_lines(request_target(state.url), state.origin, method, unsafe_names)
    request_text = "\n".join(lines)
    suffix = "" if first else f" (for the redirected request to {state.url.href})"
    out.trace.info(
        "fetch.preflight",
        f"A preflight is sent first{suffix}, because of {' and '.join(reasons)}",
        f"The browser asks permission with an OPTIONS request:\n{request_text}\n"
        "It also sends Host, Accept: */*, User-Agent and the Sec-Fetch-* headers, but never cookies or "
        "Authorization: a preflight carries no credentials. Access-Control-Request-Headers lists the names "
        "lower-cased, sorted and joined by ',' without spaces.",
        specs.FETCH_PREFLIGHT,
    )
    # ``preflight``: whether a preflight is sent at all, on any hop (a same-origin request redirected to
    # another origin is preflighted there: Chromium 156 and Firefox 153); the request lines are the first's.
    out.preflight = True
    if first:
        out.preflight_lines = lines
        out.preflight_method = method
        out.preflight_headers = tuple(sorted(unsafe_names))
    preflight = ctx.scenario.preflight
    result = check_preflight(
        preflight.status,
        preflight.headers,
        url=state.url.href,
        request_origin=state.origin,
        credentials_include=ctx.scenario.request.credentials == "include",
        method=method,
        unsafe_names=unsafe_names,
        header_count=len({name.lower() for name, _ in state.headers}),
    )
    out.trace.extend(result.steps)
    if result.ok:
        _passed(out, state, result, first=first)
        return True
    _failed(out, ctx, state, result)
    if first:
        out.cache = 0
    return False


def _passed(out: Out, state: Request, result: PreflightOutcome, *, first: bool) -> None:
    max_age = result.max_age
    if first and max_age is not None:
        out.cache = max_age.chrome_seconds
        if max_age.parsed is not None and max_age.parsed > CHROME_MAX_AGE_CAP:
            out.warnings.append(
                f"Access-Control-Max-Age: {max_age.parsed} is capped by browsers: Chrome caches the preflight for "
                f"at most 2 hours ({CHROME_MAX_AGE_CAP} s), Firefox for 24 hours (86400 s). The playground reports "
                "Chrome's value."
            )
    if result.authorization_by_wildcard:
        out.devtools.append(chrome_authorization_issue())
        out.firefox = firefox_authorization_warning(state.url.href)
        out.warnings.append(
            f'Chrome (a DevTools issue): "{CHROME_AUTHORIZATION_DEPRECATION}" The request sends Authorization, and the preflight allows it '
            "only through Access-Control-Allow-Headers: *. Chrome and Firefox still accept this (the playground follows "
            "Chrome), but the Fetch standard never lets * cover Authorization, and conforming browsers fail the "
            "preflight. Fix: list Authorization explicitly, e.g. Access-Control-Allow-Headers: *, Authorization."
        )
        out.fixes.append(
            fix_block(
                f"Answer the preflight (OPTIONS {state.url.href}) with Authorization listed explicitly:",
                [line for line in result.needed_lines if line.startswith("Access-Control-Allow-Headers")],
            )
        )
    if result.method_case_differs:
        out.warnings.append(
            f"Method {state.method!r} is case-sensitive: this preflight passes in current Chrome, Firefox and the "
            "standard, which compare it byte for byte with Access-Control-Allow-Methods, but Chrome with the enterprise "
            "policy AccessControlAllowMethodsInCORSPreflightSpecConformant set to false (and Chrome before that change) "
            f"upper-cases it to {state.method.upper()!r} and refuses it. Send the method upper-case and list it "
            "upper-case."
        )
    out.trace.passed(
        "fetch.preflight.result",
        "The preflight passed: the actual request may be sent",
        f"Chrome caches this permission for {max_age.chrome_seconds if max_age else 5} s, so "
        "identical requests skip the preflight until then.",
        specs.FETCH_PREFLIGHT,
    )


def _firefox_first(ctx: Context, state: Request, result: PreflightOutcome) -> tuple[str | None, int | None, bool]:
    """Firefox's reason, status and URL quoting for a failed preflight.

    Firefox 153 runs the CORS check on the preflight response before it looks at the status or a
    redirect (the browser suite): a 404 or 3xx preflight without Access-Control-Allow-Origin is reported
    as the missing header, with the status.
    """
    preflight = ctx.scenario.preflight
    check = cors_check(preflight.headers, state.origin, ctx.scenario.request.credentials == "include", kind=KIND)
    if not check.ok and check.firefox_reason:
        return check.firefox_reason, preflight.status if check.firefox_status else None, check.firefox_quote_url
    if 300 <= preflight.status <= 399 and result.failure in (
        Failure.PREFLIGHT_DISALLOWED_REDIRECT, Failure.PREFLIGHT_INVALID_STATUS
    ):
        # A redirect is one more status that is not ok to Firefox: no word of the redirect.
        return render(Failure.PREFLIGHT_INVALID_STATUS, FIREFOX), preflight.status, False
    return result.firefox_reason, result.firefox_status, result.firefox_quote_url


def _firefox_follows(ctx: Context) -> bool:
    """Firefox 153 tries to follow a 3xx preflight that names a Location; without one it is just a status."""
    preflight = ctx.scenario.preflight
    return 300 <= preflight.status <= 399 and h.has(preflight.headers, "location")


def _firefox_lines(ctx: Context, state: Request, first: str) -> list[str]:
    """Firefox's lines after its first one (``_firefox_first``), as the browser suite saw them.

    It then fails the request itself: "CORS request did not succeed", with no status. A preflight
    redirect it tries to follow adds a line: when the 3xx passed the CORS check, its refusal of the
    redirect comes first and the status line second; when it failed it, the request line comes twice.
    """
    url = state.url.href
    did_not_succeed = firefox_request_did_not_succeed(url)
    if not _firefox_follows(ctx):
        return [first, did_not_succeed]
    preflight = ctx.scenario.preflight
    if cors_check(preflight.headers, state.origin, ctx.scenario.request.credentials == "include", kind=KIND).ok:
        refused = firefox_cors_message(url, render(Failure.PREFLIGHT_DISALLOWED_REDIRECT, FIREFOX))
        return [refused, first, did_not_succeed]
    return [first, did_not_succeed, did_not_succeed]


def _failed(out: Out, ctx: Context, state: Request, result: PreflightOutcome) -> None:
    out.trace.failed(
        "fetch.preflight.blocks-request",
        "The preflight failed: the actual request is never sent",
        f"The server did not agree to receive {state.method} with these headers from {state.origin}, so the "
        "browser stops here: the server never sees the real request. That is the point of the preflight: it "
        "protects servers that predate CORS from requests no HTML form could have sent (PUT, DELETE, JSON "
        f"bodies, custom headers). Script sees {failed_to_fetch()}.",
        specs.FETCH_PREFLIGHT,
    )
    out.chrome = chrome_cors_message(
        KIND,
        state.url.href,
        ctx.page_origin_text,
        result.chrome_reason or "",
        initial_url=ctx.scenario.target.href,
        preflight=result.chrome_prefix,
    )
    out.network_error = "cors"
    out.devtools.extend(cors_issue(chrome_cors_error(result.failure or "", preflight=True), result.chrome_reason or ""))
    firefox_and_safari(out, state, *_firefox_first(ctx, state, result), result.safari_reason)
    if out.firefox:
        out.firefox = "\n".join(_firefox_lines(ctx, state, out.firefox))
    if state.origin == "null":
        null_origin_fixes(out, ctx, state)
        return
    if result.failure == Failure.PREFLIGHT_DISALLOWED_REDIRECT:
        out.fixes.append(
            f"Make the server answer OPTIONS {state.url.href} itself (no redirect), or call the URL the "
            "redirect points to directly."
        )
        return
    intro = f"Answer the preflight (OPTIONS {state.url.href}) with status 204 and:"
    if result.failure == Failure.PREFLIGHT_INVALID_STATUS:
        intro = (
            f"Answer OPTIONS {state.url.href} with 204 before any authentication check (a preflight never carries "
            "cookies or Authorization), with:"
        )
    if result.method_case_differs:
        out.fixes.append(
            f"Client-side: call fetch() with method: '{state.method.upper()}'. Only DELETE, GET, HEAD, "
            f"OPTIONS, POST and PUT are upper-cased for you; {state.method!r} is sent and compared as written."
        )
        out.warnings.append(
            f"Method {state.method!r} is case-sensitive: current Chrome, Firefox and the standard compare it byte for "
            "byte with Access-Control-Allow-Methods and refuse it here; Chrome before the "
            "AccessControlAllowMethodsInCORSPreflightSpecConformant change (or with that enterprise policy set to false) "
            f"upper-cased it to {state.method.upper()!r} and allowed it."
        )
    out.fixes.append(fix_block(trust_note(ctx, state) + intro, result.needed_lines))
    credentials_include = ctx.scenario.request.credentials == "include"
    if not cors_check(ctx.scenario.response.headers, state.origin, credentials_include, kind=KIND).ok:
        # The preflight is only the first gate: without these the answer stays unreadable.
        out.fixes.append(fix_block(
            f"Then the actual response to {state.method} {state.url.href} must carry:",
            allow_lines(state.origin, credentials_include)))
    client_side_fixes(out, state)
