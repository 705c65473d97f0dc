"""Fetching an ``<img>`` or ``<script>``: the Fetch rules the image and script verdicts share.

The element's ``crossorigin`` attribute picks the request's mode and credentials mode (HTML §
CORS settings attributes, ``element_request``). Fetch then follows redirects (``redirects.walk``,
narrated here), works out the response tainting (basic, cors or opaque), runs the CORS check
(``cors.cors_check``) on every response of a CORS request, the Cross-Origin-Resource-Policy
check (``corp.corp_check``) on every opaque one, and finally looks at the status. The verdicts
decide what the outcome means for their element (a tainted canvas, muted errors).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import headers as h
from . import specs
from .console import chrome_cors_message, chrome_load_line, firefox_cors_message, with_line
from .context import Context
from .corp import CorpCheck, corp_check
from .cors import ACAC, ACAO, CorsCheck, cors_check
from .cors_fixes import NEVER_ALLOW_NULL, OPAQUE_PAGE_FIX, allow_lines
from .messages import Failure
from .mixed_content import chrome_blocked_message, is_mixed_content, upgraded
from .origins import Url, same_origin
from .redirects import (
    TOO_MANY_DETAIL,
    TOO_MANY_SUMMARY,
    chrome_credentials_message,
    credentials_detail,
    not_http_summary,
    tainting_after,
    walk,
)
from .report import NO_CONSOLE, Console, Trace
from .sites import site_of

# HTML § JavaScript MIME type essences.
JS_MIME_TYPES = frozenset(
    {
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)


_CREDENTIALS_WORDS = {
    "include": "cookies and HTTP auth are sent to any origin",
    "same-origin": "cookies are sent only if the URL is same-origin with the page",
    "omit": "no cookies",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Load:
    """How the fetch ended. ``tainting`` is the final response tainting (basic, cors or opaque)."""

    loaded: bool
    tainting: str
    # Why it did not load: the CORS check's own failure code, CORP_BLOCKED, MIXED_CONTENT,
    # REDIRECT_CONTAINS_CREDENTIALS, TOO_MANY_REDIRECTS, REDIRECT_NOT_HTTP or NOT_OK_STATUS; None when loaded.
    failure: Failure | None
    url: Url  # the URL of the response that ended the fetch
    console: Console = NO_CONSOLE
    fixes: tuple[str, ...] = ()
    cors: CorsCheck | None = None  # the failed CORS check, when that is what stopped it
    at_redirect: bool = False  # the CORS check failed on a redirect response, not the final one

    @property
    def cors_same_origin(self) -> bool:
        """HTML "CORS-same-origin": the page may read it (pixels, error details)."""
        return self.loaded and self.tainting != "opaque"


def fetch_subresource(ctx: Context, trace: Trace, kind: str, mode: str, credentials: str, why: str) -> Load:
    """Walk the request through Fetch, adding ``<kind>.*`` steps to ``trace``."""
    scenario = ctx.scenario
    page_origin = ctx.page_origin
    page_origin_text = ctx.page_origin_text
    initial = scenario.target
    trace.info(
        f"{kind}.request",
        f"{mode} request, credentials mode {credentials}",
        f"{why} So the browser sends a {mode} request: {_CREDENTIALS_WORDS[credentials]}.",
        specs.HTML_CORS_SETTINGS,
    )

    if is_mixed_content(scenario.page, initial):
        if kind != "image":
            _explain_mixed(trace, kind, None)
            return _blocked_mixed(ctx, kind, initial)
        url = upgraded(initial)
        _explain_mixed(trace, kind, url)
    else:
        url = initial
    tainting = tainting_after("basic", page_origin, url, mode)
    hops = walk(scenario.redirects, page=scenario.page, page_origin=page_origin, start=url,
                tainting=tainting, request_origin=page_origin_text, mode=mode, upgrade_mixed=kind == "image")
    cors_request_origin = page_origin_text
    _explain_tainting(trace, kind, tainting, url, page_origin_text, first=True)

    for hop in hops:
        if hop.over_limit:
            return _redirect_network_error(
                trace, kind, url, Failure.TOO_MANY_REDIRECTS, TOO_MANY_SUMMARY,
                f"{TOO_MANY_DETAIL}, so the element gets a network error instead of a {kind}.",
                "Fix the redirect loop on the server, or point the element at the final URL directly.",
                tainting,
            )
        failed = _check_response(ctx, trace, kind, url, hop.headers, hop.status, tainting, credentials,
                                 cors_request_origin, where="the redirect response", redirected=True)
        if failed is not None:
            return failed
        location = hop.location
        trace.info(
            f"{kind}.redirect",
            f"Redirect {hop.number}: {hop.status} to {location.href}",
            f"{url.href} answered {hop.status} with Location {hop.location_input!r}; the browser "
            "follows it with the same mode and credentials mode.",
            specs.FETCH_REDIRECT,
        )
        if hop.error == Failure.REDIRECT_NOT_HTTP:
            return _redirect_network_error(
                trace, kind, url, Failure.REDIRECT_NOT_HTTP, not_http_summary(location.scheme),
                f"A redirect location must be http(s); anything else ends the fetch with a network error, so the "
                f"element gets no {kind}.",
                f"Redirect to an https URL instead of {location.href}",
                tainting,
            )
        if hop.error == Failure.REDIRECT_CONTAINS_CREDENTIALS:
            return _redirect_credentials(ctx, trace, kind, url, location, tainting)
        if hop.taints:
            cors_request_origin = "null"
            trace.info(
                f"{kind}.redirect.tainted-origin",
                "The request's origin is now tainted: Origin: null",
                f"A redirect from {url.origin.serialize()} (already cross-origin to the page) to another "
                "origin sets the request's tainted-origin flag: from here on the Origin header is null and "
                "the CORS check compares Access-Control-Allow-Origin with 'null'.",
                specs.FETCH_REDIRECT,
            )
        if hop.mixed:
            if kind != "image":
                _explain_mixed(trace, kind, None)
                return _blocked_mixed(ctx, kind, location)
            _explain_mixed(trace, kind, hop.next_url)
        url = hop.next_url or location
        tainting = hop.tainting_after
        if tainting != hop.tainting:
            _explain_tainting(trace, kind, tainting, url, page_origin_text, first=False)
        elif tainting == "opaque" and same_origin(page_origin, url.origin):
            trace.info(
                f"{kind}.tainting",
                "Still opaque: a redirect back to the page's origin does not help",
                "Once a no-cors response is opaque it stays opaque for the rest of the redirect chain, even "
                "when the last URL is same-origin with the page.",
                specs.FETCH_MAIN_TAINTING,
            )

    response = scenario.response
    failed = _check_response(ctx, trace, kind, url, response.headers, response.status, tainting, credentials,
                             cors_request_origin, where=f"the {kind} response", redirected=False)
    if failed is not None:
        return failed
    if mode == "no-cors" and h.has(response.headers, ACAO) and tainting == "opaque":
        trace.info(
            f"{kind}.cors-headers-ignored",
            f"{ACAO} on the response changes nothing without the crossorigin attribute",
            "A no-cors request never runs the CORS check, so the response stays opaque whatever CORS headers "
            "the server sends. Only a crossorigin attribute (a CORS request) lets those headers count.",
            specs.HTML_CORS_SETTINGS,
        )
    if url.is_http and not 200 <= response.status <= 299:
        dropped = _orb_drops(response.headers, tainting, response.body_for(kind))
        line = None if dropped else chrome_load_line(status=response.status)
        if kind == "image" and response.body_for(kind) == "image" and not dropped:
            trace.info(
                f"{kind}.status",
                f"Status {response.status} is not an ok status, but the body is an image: it still shows",
                "HTML's image loading decodes whatever body arrives and never looks at the status (a script "
                "needs an ok status; an image does not), so an error response that carries an image "
                "displays, as in Chrome and Firefox. Chrome also logs the request with its status.",
                specs.HTML_IMAGE_DATA,
            )
            return Load(loaded=True, tainting=tainting, failure=None, url=url, console=Console(chrome=line))
        trace.failed(
            f"{kind}.status",
            f"Status {response.status} is not an ok status: the {kind} fails to load",
            f"The element gets an error response instead of a {kind} and fires its error event. (Chrome also "
            f"logs the failed request with its status.)",
            specs.FETCH_OK_STATUS,
        )
        return Load(loaded=False, tainting=tainting, failure=Failure.NOT_OK_STATUS, url=url, console=Console(chrome=line))
    return Load(loaded=True, tainting=tainting, failure=None, url=url)


# What the response tainting means, as the step's summary.
_TAINTING_SUMMARY = {
    "basic": "same-origin (basic): no CORS check is needed",
    "cors": "cross-origin CORS request: the server must opt in",
    "opaque": "cross-origin no-cors request: the response is opaque",
}


def _explain_tainting(trace: Trace, kind: str, tainting: str, url: Url, page_origin: str, *, first: bool) -> None:
    # str.capitalize also lower-cases the rest ("cors request"), as the first step always said.
    summary = _TAINTING_SUMMARY[tainting].capitalize() if first else "After the redirect, " + _TAINTING_SUMMARY[tainting]
    if tainting == "basic":
        detail = (
            f"{url.href} is same-origin with the page ({page_origin})"
            if url.scheme != "data"
            else "A data: URL is fetched as a basic response"
        ) + ", so the page may use it fully."
    elif tainting == "cors":
        detail = (
            f"{url.origin.serialize()} is not the page's origin {page_origin}, and the request is in cors "
            "mode: every response must pass the CORS check, or the fetch fails as a network error."
        )
    else:
        detail = (
            f"{url.origin.serialize()} is not the page's origin {page_origin}. A no-cors response is "
            "delivered to the element but is opaque to the page's script: it can be shown or run, "
            "not read."
        )
    trace.info(f"{kind}.tainting", summary, detail, specs.FETCH_MAIN_TAINTING)


def _check_response(
    ctx: Context,
    trace: Trace,
    kind: str,
    url: Url,
    headers: h.Headers,
    status: int,
    tainting: str,
    credentials: str,
    request_origin: str,
    *,
    where: str,
    redirected: bool,
) -> Load | None:
    """Fetch § HTTP fetch: the CORS check on a cors response, the CORP check on an opaque one."""
    prefix = f"{kind}.redirect" if redirected else kind
    if tainting == "cors":
        check = cors_check(headers, request_origin, credentials == "include", kind=kind,
                           step_prefix=f"{prefix}.cors", where=where)
        trace.extend(check.steps)
        if not check.ok:
            return replace(_cors_failed(ctx, kind, url, status, check, credentials), at_redirect=redirected)
        return None
    if tainting == "opaque":
        corp = corp_check(headers, ctx.page_origin, ctx.page_site, url.origin, site_of(url.origin), url.href,
                          step_id=f"{prefix}.corp")
        if corp.step is not None:
            trace.record(corp.step)
        if not corp.ok:
            return _corp_failed(ctx, url, corp)
    return None


def _cors_failed(ctx: Context, kind: str, url: Url, status: int, check: CorsCheck, credentials: str) -> Load:
    origin = ctx.page_origin_text
    console = Console(
        chrome=with_line(chrome_cors_message(kind, url.href, origin, check.chrome_reason or "",
                                             initial_url=ctx.scenario.target.href), chrome_load_line(network_error="cors")),
        firefox=firefox_cors_message(url.href, check.firefox_reason or "",
                                     status=status if check.firefox_status else None,
                                     quote_url=check.firefox_quote_url),
        safari=check.safari_reason,
    )
    return Load(loaded=False, tainting="cors", failure=check.failure, url=url, console=console,
                fixes=cors_fixes(check, origin, credentials), cors=check)


def cors_fixes(check: CorsCheck, origin: str, credentials: str) -> tuple[str, ...]:
    """The smallest server change that makes this CORS check pass."""
    if check.failure == Failure.INVALID_ALLOW_CREDENTIALS:
        return (f"Add to the response: {ACAC}: true",)
    if credentials == "include" and origin == "null":  # never a header naming null, with cookies least of all
        return (
            OPAQUE_PAGE_FIX,
            f'Or, if the resource needs no cookies, use crossorigin="anonymous" and {ACAO}: *. {NEVER_ALLOW_NULL}',
        )
    if credentials == "include":
        return (
            f"Echo the page's origin and allow credentials: {', '.join(allow_lines(origin, True))}",
            f'Or, if the resource needs no cookies, use crossorigin="anonymous" and {ACAO}: *',
        )
    lines = allow_lines(origin, False)
    if origin == "null":
        return (
            f"Send {lines[0]} (the request's origin is null, and no credentials are included, so the wildcard "
            "is the safe choice)",
        )
    return (f"Send exactly one origin: {lines[0]} (and {lines[-1]}), or {ACAO}: * for a public resource",)


def _corp_failed(ctx: Context, url: Url, corp: CorpCheck) -> Load:
    fixes = (
        "If the resource is meant to be embedded by other sites, send: Cross-Origin-Resource-Policy: cross-origin",
        f'Or load it in CORS mode (crossorigin="anonymous") and send {ACAO}: '
        f"{ctx.page_origin_text if not ctx.page_origin.opaque else '*'}: CORP does not apply to a CORS request "
        "that passes",
    )
    return Load(loaded=False, tainting="opaque", failure=Failure.CORP_BLOCKED, url=url,
                console=Console(chrome=corp.chrome, safari=corp.safari), fixes=fixes)


def _redirect_credentials(ctx: Context, trace: Trace, kind: str, url: Url, location: Url, tainting: str) -> Load:
    trace.failed(
        f"{kind}.redirect.credentials",
        "A CORS request cannot follow a redirect to a URL with a username or password",
        "For a cross-origin CORS request Fetch returns a network error instead of following a Location that "
        "carries user:password@. " + credentials_detail(location),
        specs.FETCH_REDIRECT,
    )
    console = Console(chrome=with_line(chrome_credentials_message(kind, url, ctx.page_origin_text,
                                                                  ctx.scenario.target),
                                       chrome_load_line(network_error="cors")))
    return Load(loaded=False, tainting=tainting, failure=Failure.REDIRECT_CONTAINS_CREDENTIALS, url=url,
                console=console, fixes=("Redirect to the URL without the user:password@ part",))


def _redirect_network_error(
    trace: Trace, kind: str, url: Url, failure: Failure, summary: str, detail: str, fix: str, tainting: str
) -> Load:
    """Too many redirects, or a non-http(s) Location: Fetch's network error (no CORS console message)."""
    name = "limit" if failure == Failure.TOO_MANY_REDIRECTS else "scheme"
    trace.failed(f"{kind}.redirect.{name}", summary, detail, specs.FETCH_REDIRECT)
    line = chrome_load_line(network_error="too-many-redirects" if name == "limit" else "unsafe-redirect")
    return Load(loaded=False, tainting=tainting, failure=failure, url=url, console=Console(chrome=line), fixes=(fix,))


def _orb_drops(headers: h.Headers, tainting: str, body: str) -> bool:
    """Chrome's Opaque Response Blocking drops an opaque nosniff response that is not script or media,
    and an opaque response whose body sniffs as HTML (whatever its Content-Type), whatever its
    status, and then prints no "Failed to load resource" line (seen in Chromium 156)."""
    if tainting != "opaque":
        return False
    if body == "html":
        return True
    nosniff = h.get_combined(headers, "X-Content-Type-Options")
    if nosniff is None or h.trim(nosniff.split(",", 1)[0]).lower() != "nosniff":
        return False
    lines = h.lines_of(headers, "content-type")
    mime = h.trim(lines[-1].split(";", 1)[0]).lower() if lines else ""
    return bool(mime) and mime not in JS_MIME_TYPES and not mime.startswith(("image/", "audio/", "video/"))


def _explain_mixed(trace: Trace, kind: str, better: Url | None) -> None:
    """An http URL on an https page: an image is upgraded to ``better``; a script is blocked (None)."""
    if better is not None:
        trace.info(
            f"{kind}.mixed-content",
            f"http image on an https page: upgraded to {better.href}",
            "Images are upgradeable mixed content: current Chrome, Firefox and Safari rewrite the request to "
            "https instead of loading it insecurely (it fails if the server does not answer on https). "
            "The rest of this trace is about the upgraded URL.",
            specs.MIXED_CONTENT,
        )
        return
    trace.failed(
        f"{kind}.mixed-content",
        f"http {kind} on an https page: blocked as mixed content",
        f"A {kind} fetched over plain http could be rewritten by anyone on the network and would run "
        "with the page's powers, so browsers block it before it is requested.",
        specs.MIXED_CONTENT,
    )


def _blocked_mixed(ctx: Context, kind: str, url: Url) -> Load:
    console = Console(chrome=chrome_blocked_message(ctx.scenario.page, url, kind))
    https = "https:" + url.href[len("http:") :]
    return Load(loaded=False, tainting="basic", failure=Failure.MIXED_CONTENT, url=url, console=console,
                fixes=(f"Load it over https: {https}",))
