"""What to tell the developer when the CORS check or the preflight fails: console lines and fixes."""

from __future__ import annotations

from ... import specs
from ...console import chrome_cors_message, failed_to_fetch, firefox_cors_message, safari_cors_message
from ...context import Context
from ...cors import CorsCheck
from ...cors_fixes import NEVER_ALLOW_NULL, OPAQUE_PAGE_FIX, allow_lines
from ...messages import Failure
from ...messages.cors import chrome_cors_error
from ...report import cors_issue
from .state import KIND, Out, Request, fix_block

# Request headers that only make a request non-simple and that a server never needs.
NEEDLESS_REQUEST_HEADERS = frozenset({"x-requested-with", "cache-control", "pragma"})


def cors_failure(out: Out, ctx: Context, state: Request, check: CorsCheck, status: int, fix_intro: str) -> None:
    """The CORS check failed on ``status`` (the actual response, or a redirect): console and server fix."""
    out.trace.failed(
        "fetch.read",
        "The CORS check failed: script cannot read the response",
        "The request was sent and the server acted on it; the browser withholds the answer from script "
        f"({failed_to_fetch()}).",
        specs.FETCH_CORS_CHECK,
    )
    out.chrome = chrome_cors_message(
        KIND, state.url.href, ctx.page_origin_text, check.chrome_reason or "", initial_url=ctx.scenario.target.href
    )
    out.network_error = "cors"
    out.devtools.extend(cors_issue(chrome_cors_error(check.failure or ""), check.chrome_reason or ""))
    firefox_and_safari(
        out,
        state,
        check.firefox_reason,
        status if check.firefox_status else None,
        check.firefox_quote_url,
        check.safari_reason,
    )
    if state.origin == "null":
        null_origin_fixes(out, ctx, state)
        return
    credentials_include = ctx.scenario.request.credentials == "include"
    out.fixes.append(fix_block(trust_note(ctx, state) + fix_intro, allow_lines(state.origin, credentials_include)))
    if check.failure == Failure.WILDCARD_WITH_CREDENTIALS:
        out.fixes.append(
            "Client-side: if the page does not need cookies for this call, drop credentials: 'include' "
            "and keep Access-Control-Allow-Origin: *."
        )


def firefox_and_safari(
    out: Out,
    state: Request,
    firefox_reason: str | None,
    firefox_status: int | None,
    quote_url: bool,
    safari_reason: str | None,
) -> None:
    """Firefox's and Safari's sentences for a failed CORS or preflight check, where they are known."""
    if firefox_reason:
        out.firefox = firefox_cors_message(state.url.href, firefox_reason, status=firefox_status, quote_url=quote_url)
    if safari_reason:
        out.safari = safari_cors_message("Fetch API", state.url.href, safari_reason)


def null_origin_fixes(out: Out, ctx: Context, state: Request) -> None:
    if ctx.page_origin.opaque:
        out.fixes.append(OPAQUE_PAGE_FIX)
    else:
        out.fixes.append(
            f"Fetch the final URL {state.url.href} directly: after a cross-origin redirect the Origin is "
            f"null, so the server cannot allow {ctx.page_origin_text} any more."
        )
        if ctx.scenario.request.credentials != "include":
            out.fixes.append(fix_block(f"Or, for public data, answer {state.url.href} with:", allow_lines("null", False)))
    out.warnings.append(NEVER_ALLOW_NULL)


def trust_note(ctx: Context, state: Request) -> str:
    """A server fix for another site opens the user's data to it: say so before the header lines."""
    if ctx.same_site:
        return ""
    return f"Only if you trust {state.origin} to read these responses (it is another site): "


def client_side_fixes(out: Out, state: Request) -> None:
    needless = [
        name
        for name in state.classification.unsafe_names
        if name in NEEDLESS_REQUEST_HEADERS
        or name.startswith("access-control-")
        or (name == "content-type" and state.method in ("GET", "HEAD"))
    ]
    for name in needless:
        if name.startswith("access-control-"):
            why = f"{name} is a response header: sending it from the page only forces a preflight"
        elif name == "content-type":
            why = f"a {state.method} request has no body, so Content-Type is needless"
        else:
            why = f"{name} is not needed by the server and only forces a preflight"
        out.fixes.append(f"Client-side: drop the {name} request header ({why}).")
