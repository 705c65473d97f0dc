"""Fetching an ``<img>`` or ``<script>``: the Fetch rules the image and script verdicts share.

The element's ``crossorigin`` attribute picks the request's mode and credentials mode (HTML §
CORS settings attributes). Fetch then follows redirects, works out the response tainting
(basic, cors or opaque), runs the CORS check (``cors.cors_check``, never a copy) on every
response of a CORS request, the Cross-Origin-Resource-Policy check (``corp.corp_check``) on
every opaque one, and finally looks at the status. The verdicts decide what the outcome means
for their element (a tainted canvas, muted errors).
"""

from __future__ import annotations

from typing import NamedTuple

from . import headers as h
from .console import chrome_cors_message, firefox_cors_message
from .context import Context
from .corp import CorpCheck, corp_check
from .cors import ACAO, CorsCheck, cors_check
from .mixed_content import SPEC_MIXED_CONTENT, chrome_blocked_message, is_mixed_content, upgraded
from .origins import Url, same_origin
from .redirects import (
    MAX_REDIRECTS,
    chrome_credentials_message,
    location_error,
    over_limit,
    tainting_after,
    taints_origin,
)
from .report import FAIL, INFO, NO_CONSOLE, Console, Trace, new_record
from .sites import site_of

SPEC_CORS_SETTINGS = "HTML § CORS settings attributes"
SPEC_MAIN_FETCH = "Fetch § Main fetch (response tainting)"
SPEC_REDIRECT = "Fetch § HTTP-redirect fetch"
SPEC_OK_STATUS = "Fetch § ok status"

_CREDENTIALS_WORDS = {
    "include": "cookies and HTTP auth are sent to any origin",
    "same-origin": "cookies are sent only if the URL is same-origin with the page",
    "omit": "no cookies",
}


class Load(NamedTuple):
    # A NamedTuple, not a frozen dataclass: as immutable, and several times cheaper to build (hot path).
    """How the fetch ended. ``tainting`` is the final response tainting (basic, cors or opaque)."""

    loaded: bool
    tainting: str
    # mixed-content, cors, corp, redirect-credentials, redirect-limit, redirect-scheme, status; None when loaded
    failure: str | None
    url: Url  # the URL of the response that ended the fetch
    console: Console
    fixes: tuple[str, ...]
    cors: CorsCheck | None  # the failed CORS check, when that is what stopped it

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
    trace.add(
        (f"{kind}.request",
        INFO,
        f"{mode} request, credentials mode {credentials}",
        f"{why} So the browser sends a {mode} request: {_CREDENTIALS_WORDS[credentials]}.",
        SPEC_CORS_SETTINGS),
    )

    url = _mixed_content(ctx, trace, kind, initial)
    if url is None:
        return _blocked_mixed(ctx, kind, initial)
    tainting = tainting_after("basic", page_origin, url, mode)
    tainted_origin = False
    cors_request_origin = page_origin_text
    _explain_tainting(trace, kind, tainting, url, page_origin_text, first=True)

    for number, redirect in enumerate(scenario.redirects, 1):
        if over_limit(number - 1):
            return _redirect_network_error(
                trace,
                kind,
                url,
                "limit",
                f"More than {MAX_REDIRECTS} redirects: network error",
                f"Fetch gives up after {MAX_REDIRECTS} redirects (Chrome: net::ERR_TOO_MANY_REDIRECTS), so the "
                f"element gets a network error instead of a {kind}.",
                "Fix the redirect loop on the server, or point the element at the final URL directly.",
                tainting,
            )
        failed = _check_response(
            ctx,
            trace,
            kind,
            url,
            redirect.headers,
            redirect.status,
            tainting,
            credentials,
            cors_request_origin,
            where="the redirect response",
            hop=number,
        )
        if failed is not None:
            return failed
        location = redirect.location
        trace.add(
            (f"{kind}.redirect",
            INFO,
            f"Redirect {number}: {redirect.status} to {location.href}",
            f"{url.href} answered {redirect.status} with Location {redirect.location_input!r}; the browser "
            "follows it with the same mode and credentials mode.",
            SPEC_REDIRECT),
        )
        error = location_error(location, mode, tainting, page_origin)
        if error == "scheme":
            return _redirect_network_error(
                trace,
                kind,
                url,
                "scheme",
                f"Redirect to a {location.scheme}: URL: network error",
                f"A redirect location must be http(s); anything else ends the fetch with a network error, so the "
                f"element gets no {kind}.",
                f"Redirect to an https URL instead of {location.href}",
                tainting,
            )
        if error == "credentials":
            return _redirect_credentials(ctx, trace, kind, url, location, tainting)
        if not tainted_origin and taints_origin(page_origin, url, location):
            tainted_origin = True
            cors_request_origin = "null"
            trace.add(
                (f"{kind}.redirect.tainted-origin",
                INFO,
                "The request's origin is now tainted: Origin: null",
                f"A redirect from {url.origin.serialize()} (already cross-origin to the page) to another "
                "origin sets the request's tainted-origin flag: from here on the Origin header is null and "
                "the CORS check compares Access-Control-Allow-Origin with 'null'.",
                SPEC_REDIRECT),
            )
        next_url = _mixed_content(ctx, trace, kind, location)
        if next_url is None:
            return _blocked_mixed(ctx, kind, location)
        url = next_url
        before = tainting
        tainting = tainting_after(tainting, page_origin, url, mode)
        if tainting != before:
            _explain_tainting(trace, kind, tainting, url, page_origin_text, first=False)
        elif tainting == "opaque" and same_origin(page_origin, url.origin):
            trace.add(
                (f"{kind}.tainting",
                INFO,
                "Still opaque: a redirect back to the page's origin does not help",
                "Once a no-cors response is opaque it stays opaque for the rest of the redirect chain, even "
                "when the last URL is same-origin with the page.",
                SPEC_MAIN_FETCH),
            )

    response = scenario.response
    failed = _check_response(
        ctx,
        trace,
        kind,
        url,
        response.headers,
        response.status,
        tainting,
        credentials,
        cors_request_origin,
        where=f"the {kind} response",
        hop=0,
    )
    if failed is not None:
        return failed
    if mode == "no-cors" and h.has(response.headers, ACAO) and tainting == "opaque":
        trace.add(
            (f"{kind}.cors-headers-ignored",
            INFO,
            f"{ACAO} on the response changes nothing without the crossorigin attribute",
            "A no-cors request never runs the CORS check, so the response stays opaque whatever CORS headers "
            "the server sends. Only a crossorigin attribute (a CORS request) lets those headers count.",
            SPEC_CORS_SETTINGS),
        )
    if url.is_http and not 200 <= response.status <= 299:
        trace.add(
            (f"{kind}.status",
            FAIL,
            f"Status {response.status} is not an ok status: the {kind} fails to load",
            f"The element gets an error response instead of a {kind} and fires its error event. (Chrome also "
            f"logs the failed request with its status.)",
            SPEC_OK_STATUS),
        )
        return new_record(Load, (False, tainting, "status", url, NO_CONSOLE, (), None))
    return new_record(Load, (True, tainting, None, url, NO_CONSOLE, (), None))


# What the response tainting means, as the step's summary.
_TAINTING_SUMMARY = {
    "basic": "same-origin (basic): no CORS check is needed",
    "cors": "cross-origin CORS request: the server must opt in",
    "opaque": "cross-origin no-cors request: the response is opaque",
}
# The first step's summaries, capitalized once (str.capitalize also lower-cases the rest: "cors request").
_FIRST_TAINTING_SUMMARY = {tainting: summary.capitalize() for tainting, summary in _TAINTING_SUMMARY.items()}


def _explain_tainting(
    trace: Trace, kind: str, tainting: str, url: Url, page_origin: str, *, first: bool
) -> None:
    summary = _FIRST_TAINTING_SUMMARY[tainting] if first else "After the redirect, " + _TAINTING_SUMMARY[tainting]
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
    trace.add((f"{kind}.tainting", INFO, summary, detail, SPEC_MAIN_FETCH))


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
    hop: int,
) -> Load | None:
    """Fetch § HTTP fetch: the CORS check on a cors response, the CORP check on an opaque one."""
    prefix = f"{kind}.redirect" if hop else kind
    if tainting == "cors":
        check = cors_check(
            headers,
            request_origin,
            credentials == "include",
            kind=kind,
            step_prefix=f"{prefix}.cors",
            where=where,
        )
        trace.extend(check.steps)
        if not check.ok:
            return _cors_failed(ctx, kind, url, status, check, credentials)
        return None
    if tainting == "opaque":
        corp = corp_check(
            headers,
            ctx.page_origin,
            ctx.page_site,
            url.origin,
            site_of(url.origin),
            url.href,
            step_id=f"{prefix}.corp",
        )
        if corp.step is not None:
            trace.extend((corp.step,))
        if not corp.ok:
            return _corp_failed(ctx, kind, url, corp)
    return None


def _cors_failed(ctx: Context, kind: str, url: Url, status: int, check: CorsCheck, credentials: str) -> Load:
    origin = ctx.page_origin_text
    initial = ctx.scenario.target.href
    console = Console(
        chrome=chrome_cors_message(kind, url.href, origin, check.chrome_reason or "", initial_url=initial),
        firefox=firefox_cors_message(
            url.href,
            check.firefox_reason or "",
            status=status if check.firefox_status else None,
            quote_url=check.firefox_quote_url,
        ),
        safari=check.safari_reason,
    )
    return Load(False, "cors", "cors", url, console, cors_fixes(check, origin, credentials), check)


def cors_fixes(check: CorsCheck, origin: str, credentials: str) -> tuple[str, ...]:
    """The smallest server change that makes this CORS check pass."""
    if check.failure == "invalid-allow-credentials":
        return ("Add to the response: Access-Control-Allow-Credentials: true",)
    if credentials == "include":
        return (
            f"Echo the page's origin and allow credentials: Access-Control-Allow-Origin: {origin}, "
            "Access-Control-Allow-Credentials: true, Vary: Origin",
            'Or, if the resource needs no cookies, use crossorigin="anonymous" and '
            "Access-Control-Allow-Origin: *",
        )
    if origin == "null":
        return (
            "Send Access-Control-Allow-Origin: * (the request's origin is null, and no credentials are "
            "included, so the wildcard is the safe choice)",
        )
    return (
        f"Send exactly one origin: Access-Control-Allow-Origin: {origin} (and Vary: Origin), or "
        "Access-Control-Allow-Origin: * for a public resource",
    )


def _corp_failed(ctx: Context, kind: str, url: Url, corp: CorpCheck) -> Load:
    fixes = (
        "If the resource is meant to be embedded by other sites, send: Cross-Origin-Resource-Policy: cross-origin",
        f'Or load it in CORS mode (crossorigin="anonymous") and send Access-Control-Allow-Origin: '
        f"{ctx.page_origin_text if not ctx.page_origin.opaque else '*'}: CORP does not apply to a CORS request "
        "that passes",
    )
    return Load(
        False,
        "opaque",
        "corp",
        url,
        Console(chrome=corp.chrome, firefox=None, safari=corp.safari),
        fixes,
        None,
    )


def _redirect_credentials(
    ctx: Context, trace: Trace, kind: str, url: Url, location: Url, tainting: str
) -> Load:
    trace.add(
        (f"{kind}.redirect.credentials",
        FAIL,
        "A CORS request cannot follow a redirect to a URL with a username or password",
        f"The Location {location.href} carries user:password@; for a cross-origin CORS request Fetch "
        "returns a network error instead of following it.",
        SPEC_REDIRECT),
    )
    console = Console(
        chrome=chrome_credentials_message(kind, url, ctx.page_origin_text, location, ctx.scenario.target)
    )
    return Load(
        False,
        tainting,
        "redirect-credentials",
        url,
        console,
        ("Redirect to the URL without the user:password@ part",),
        None,
    )


def _redirect_network_error(
    trace: Trace, kind: str, url: Url, failure: str, summary: str, detail: str, fix: str, tainting: str
) -> Load:
    """Too many redirects, or a non-http(s) Location: Fetch's network error (no CORS console message)."""
    trace.add((f"{kind}.redirect.{failure}", FAIL, summary, detail, SPEC_REDIRECT))
    return Load(False, tainting, f"redirect-{failure}", url, NO_CONSOLE, (fix,), None)


def _mixed_content(ctx: Context, trace: Trace, kind: str, url: Url) -> Url | None:
    """The URL to fetch after the mixed-content check: the same, upgraded (images), or None (blocked)."""
    page = ctx.scenario.page
    if not is_mixed_content(page, url):
        return url
    if kind == "image":
        better = upgraded(url)
        trace.add(
            (f"{kind}.mixed-content",
            INFO,
            f"http image on an https page: upgraded to {better.href}",
            "Images are upgradeable mixed content: current Chrome, Firefox and Safari rewrite the request to "
            "https instead of loading it insecurely (it fails if the server does not answer on https). "
            "The rest of this trace is about the upgraded URL.",
            SPEC_MIXED_CONTENT),
        )
        return better
    trace.add(
        (f"{kind}.mixed-content",
        FAIL,
        f"http {kind} on an https page: blocked as mixed content",
        f"A {kind} fetched over plain http could be rewritten by anyone on the network and would run "
        "with the page's powers, so browsers block it before it is requested.",
        SPEC_MIXED_CONTENT),
    )
    return None


def _blocked_mixed(ctx: Context, kind: str, url: Url) -> Load:
    console = Console(chrome=chrome_blocked_message(ctx.scenario.page, url, kind))
    https = "https:" + url.href[len("http:") :]
    return Load(False, "basic", "mixed-content", url, console, (f"Load it over https: {https}",), None)
