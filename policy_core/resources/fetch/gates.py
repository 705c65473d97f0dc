"""Before anything is sent: the method, the URL, dropped headers, mixed content, mode, scheme, LNA.

Each gate explains itself in the trace and returns False when the request never goes out.
"""

from __future__ import annotations

from ... import specs
from ...console import chrome_cors_message, failed_to_fetch, firefox_cors_message
from ...context import Context
from ...fetch_rules import (
    HeaderClassification,
    classify_request_headers,
    is_forbidden_method,
    is_safelisted_method,
    no_cors_headers,
)
from ...messages import CHROME, FIREFOX, Failure, render
from ...messages import cors as m
from ...mixed_content import chrome_blocked_message, is_mixed_content
from ...netspace import PUBLIC, address_space, more_private
from ...origins import Url, is_potentially_trustworthy
from ...report import cors_issue, mixed_content_issue
from .state import KIND, Out, Request

# Chrome's list in kCorsDisabledScheme (cors_error_string.cc): Chromium 156's CORS-enabled schemes,
# as its console line lists them (a fetch redirected to ftp:, the browser suite).
CHROME_CORS_SCHEMES = (
    "chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, "
    "isolated-app"
)


def method_ok(out: Out, given: str, method: str) -> bool:
    trace = out.trace
    if is_forbidden_method(method):
        trace.failed(
            "fetch.method",
            f"{given} is a forbidden method: fetch() throws, nothing is sent",
            "CONNECT, TRACE and TRACK (in any case) are forbidden methods. Chrome rejects with "
            + render(m.TYPEERROR_FORBIDDEN_METHOD, CHROME, method=given),
            specs.FETCH_METHODS,
        )
        out.fixes.append("Use another method: browsers never let a page send CONNECT, TRACE or TRACK.")
        return False
    if method != given:
        trace.info(
            "fetch.method",
            f"Method {given!r} is normalized to {method}",
            "Fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT (matched case-insensitively).",
            specs.FETCH_METHODS,
        )
    elif method.upper() != method:
        trace.info(
            "fetch.method",
            f"Method {method!r} is sent as written",
            "Only DELETE, GET, HEAD, OPTIONS, POST and PUT are normalized; other methods are case-sensitive, "
            f"so {method!r} is not {method.upper()!r}: servers and Access-Control-Allow-Methods see it as "
            "written.",
            specs.FETCH_METHODS,
        )
    else:
        trace.passed("fetch.method", f"Method {method}", "A valid, non-forbidden method.", specs.FETCH_METHODS)
    return True


def url_credentials_ok(out: Out, ctx: Context) -> bool:
    if not ctx.scenario.target.has_credentials:
        return True
    out.trace.failed(
        "fetch.url-credentials",
        "The URL contains a username or password: fetch() throws",
        "new Request() refuses URLs with credentials (user:pass@host); nothing is sent. Chrome rejects with "
        + render(m.TYPEERROR_URL_CREDENTIALS, CHROME, url=ctx.scenario.target_input),
        specs.FETCH_REQUEST_CLASS,
    )
    out.fixes.append(
        "Remove the user:password@ part from the URL and send credentials in an Authorization header "
        "(with credentials: 'include' only if the server also uses cookies)."
    )
    return False


def explain_dropped_headers(out: Out, classification: HeaderClassification) -> None:
    if not classification.dropped:
        return
    out.trace.info(
        "fetch.forbidden-headers",
        f"The browser drops {', '.join(name for name, _ in classification.dropped)}",
        "; ".join(why for _, why in classification.dropped) + ". Forbidden request-headers are silently "
        "ignored when script sets them (no error); the browser sets its own values.",
        specs.FETCH_HEADERS,
    )


def blocked_as_mixed_content(out: Out, ctx: Context, url: Url, step_id: str) -> bool:
    page = ctx.scenario.page
    if not is_mixed_content(page, url):
        if page.scheme != "https" or url.scheme != "http":
            return False
        out.trace.passed(
            step_id,
            f"{url.origin.serialize()} is potentially trustworthy: not mixed content",
            "localhost, *.localhost and loopback IPs count as secure, so an https page may fetch them over "
            "http.",
            specs.MIXED_CONTENT,
        )
        return False
    out.trace.failed(
        step_id,
        "Mixed content: an https page cannot fetch an http URL",
        "fetch() is blockable mixed content: the browser blocks it before CORS is even considered, and "
        f"nothing is sent. Script sees {failed_to_fetch()}.",
        specs.MIXED_CONTENT,
    )
    out.chrome = chrome_blocked_message(page, url, "resource")
    out.devtools.append(mixed_content_issue("MixedContentBlocked", out.chrome))
    out.firefox = render(Failure.MIXED_CONTENT, FIREFOX, url=url.href)
    out.fixes.append(f"Serve the API over HTTPS and call https://{url.href.removeprefix('http://')}")
    return True


def disallowed_by_mode(out: Out, ctx: Context, url: Url, initial: Url) -> None:
    out.trace.failed(
        "fetch.mode",
        "mode: 'same-origin' forbids cross-origin URLs: network error, nothing sent",
        "A same-origin-mode request to another origin is a network error before anything is sent.",
        specs.FETCH_MAIN,
    )
    # Chromium refuses it before CORS, so its line is no CORS frame: the Fetch API's own sentence, or
    # after a redirect the frame-loader's "Unsafe attempt" sentence (seen in Chromium 156).
    if url.href == initial.href:
        out.chrome = render(m.MODE_SAME_ORIGIN, CHROME, url=url.href, origin=ctx.page_origin_text)
        out.devtools.extend(cors_issue(m.chrome_cors_error(Failure.DISALLOWED_BY_MODE), out.chrome))
    else:
        out.chrome = render(m.MODE_SAME_ORIGIN_REDIRECT, CHROME, url=url.href, page=ctx.scenario.page.href)
    # Firefox 153 has one sentence for both, naming the URL that left the origin (the browser suite).
    out.firefox = render(m.MODE_SAME_ORIGIN, FIREFOX, page=ctx.scenario.page.href, url=url.href)
    out.fixes.append(
        "Use mode: 'cors' (the default) and have the server send Access-Control-Allow-Origin, or call a "
        "same-origin URL (for example a proxy route on your own origin)."
    )


def non_http_target(out: Out, ctx: Context, target: Url, mode: str) -> None:
    scheme = target.scheme
    if scheme == "blob":
        out.trace.failed(
            "fetch.scheme",
            "A blob: URL only resolves in the origin that created it",
            f"A blob: URL from another origin is a network error (script sees {failed_to_fetch()}).",
            specs.FETCH_SCHEME,
        )
        return
    if mode == "cors":
        out.trace.failed(
            "fetch.scheme",
            f"CORS requests only work over http(s); {scheme}: is a network error",
            "Main fetch returns a network error for a cors-mode request whose URL is not HTTP(S). Opening the "
            "page from file:// is the usual cause: file: origins are opaque and file: URLs cannot use CORS.",
            specs.FETCH_MAIN,
        )
        out.chrome = chrome_cors_message(
            KIND,
            target.href,
            ctx.page_origin_text,
            render(Failure.SCHEME_NOT_SUPPORTED, CHROME, schemes=CHROME_CORS_SCHEMES),
        )
        out.firefox = firefox_cors_message(target.href, render(Failure.SCHEME_NOT_SUPPORTED, FIREFOX))
        out.devtools.extend(cors_issue(m.chrome_cors_error(Failure.SCHEME_NOT_SUPPORTED), out.chrome))
    else:
        out.trace.failed(
            "fetch.scheme",
            f"fetch() cannot load {scheme}: URLs from this page",
            "Only http(s), data: and same-origin blob: URLs can be fetched; anything else is a network error.",
            specs.FETCH_SCHEME,
        )
    out.fixes.append(
        "Serve the page and the data from a local web server (for example `python -m http.server`) "
        "and fetch an http(s) URL."
    )


def local_network_ok(out: Out, ctx: Context, target: Url) -> bool:
    page = ctx.scenario.page
    page_space = address_space(page.hostname, domain_default=PUBLIC)
    target_space = address_space(target.hostname)
    if not more_private(target_space, page_space):
        return True
    if not is_potentially_trustworthy(page.origin):
        out.trace.failed(
            "fetch.local-network",
            f"Local Network Access: an insecure {page_space} page cannot reach the {target_space} address space",
            "Chrome 142+ needs the user's permission (local-network / loopback-network) before a page reaches a "
            "more private address space, and insecure (http) pages are denied without a prompt. Nothing is "
            "sent.",
            specs.LOCAL_NETWORK_ACCESS,
        )
        out.chrome = chrome_cors_message(
            KIND, target.href, ctx.page_origin_text, render(Failure.INSECURE_PRIVATE_NETWORK, CHROME, space=target_space)
        )
        out.devtools.extend(cors_issue(m.chrome_cors_error(Failure.INSECURE_PRIVATE_NETWORK), out.chrome))
        out.fixes.append("Serve the page over HTTPS: only secure contexts can ask for local network access.")
        return False
    denied = render(Failure.PRIVATE_NETWORK_PERMISSION_DENIED, CHROME, space=target_space)
    out.trace.info(
        "fetch.local-network",
        f"Local Network Access: Chrome asks the user before this {page_space} page reaches {target_space}",
        f"The target is in the {target_space} address space, more private than the page's {page_space} one. "
        "Chrome 142+ shows a permission prompt (local-network / loopback-network); the verdict assumes the user "
        f"allows it. If they deny it, nothing is sent and Chrome prints: {denied} Standard CORS still applies "
        "on top.",
        specs.LOCAL_NETWORK_ACCESS,
    )
    return True


def no_cors_request(out: Out, method: str, classification: HeaderClassification) -> HeaderClassification | None:
    """A no-cors request, to any URL: only GET/HEAD/POST (else None: fetch() throws), fewer headers."""
    if not is_safelisted_method(method):
        out.trace.failed(
            "fetch.no-cors.method",
            f"{method} is not allowed in no-cors mode: fetch() throws",
            "no-cors requests are limited to GET, HEAD and POST, so a page cannot use them to send what a "
            "form could not. Nothing is sent; Chrome rejects with "
            + render(m.TYPEERROR_NO_CORS_METHOD, CHROME, method=method),
            specs.FETCH_NO_CORS,
        )
        out.fixes.append(f"Use mode: 'cors' for a {method} request, and have the server answer its preflight.")
        return None
    headers, removed = no_cors_headers(classification.sent)
    if not removed:
        return classification
    out.trace.info(
        "fetch.no-cors.headers",
        f"no-cors drops {', '.join(removed)}",
        "In no-cors mode the Headers object only accepts no-CORS-safelisted request-headers (Accept, "
        "Accept-Language, Content-Language, and a safelisted Content-Type); the others are silently "
        "left out.",
        specs.FETCH_NO_CORS,
    )
    return classify_request_headers(headers)


def explain_mode_and_credentials(out: Out, ctx: Context, state: Request) -> None:
    credentials = ctx.scenario.request.credentials
    trace = out.trace
    if state.tainting == "basic":
        trace.passed(
            "fetch.same-origin",
            "Same origin: no CORS at all",
            "The target has the page's origin, so the response is a basic response that script reads in full "
            "(every header but Set-Cookie). No Origin check, no preflight, no Access-Control-* header needed.",
            specs.FETCH_MAIN,
        )
        cookies = "not sent (credentials: 'omit')" if credentials == "omit" else "sent"
        trace.info(
            "fetch.credentials",
            f"Cookies for the target are {cookies}",
            "credentials 'same-origin' (the default) and 'include' both attach cookies and HTTP auth to "
            "same-origin requests; 'omit' sends none and ignores Set-Cookie.",
            specs.FETCH_CORS_CREDENTIALS,
        )
        return
    if state.tainting == "opaque":
        trace.info(
            "fetch.mode",
            "mode: 'no-cors': the request is sent, the response is opaque",
            "A no-cors request needs no permission to go out, but script gets an opaque response: status 0, "
            "no headers, an empty body. Nothing is readable and no console error is printed. It is for "
            "caching or fire-and-forget beacons, never for reading data.",
            specs.FETCH_NO_CORS,
        )
    else:
        trace.info(
            "fetch.mode",
            "mode: 'cors' and cross-origin: the CORS protocol applies",
            f"The browser sends Origin: {state.origin} and hands the response to script only if the server "
            "opts in with Access-Control-Allow-Origin.",
            specs.FETCH_CORS_PROTOCOL,
        )
    if credentials == "include":
        detail = (
            "credentials: 'include' attaches the target's cookies and HTTP auth (if SameSite and third-party cookie "
            "settings allow: see the cookie verdict) and stores Set-Cookie from the response."
        )
        if state.tainting == "cors":
            detail += (
                " The response is then readable only if it echoes the exact origin (never *) and sends "
                "Access-Control-Allow-Credentials: true."
            )
        summary = "credentials: 'include': cookies are sent cross-origin"
    elif credentials == "omit":
        summary, detail = (
            "credentials: 'omit': no cookies, no HTTP auth",
            "Nothing identifies the user; Set-Cookie in the response is ignored.",
        )
    else:
        summary = "credentials: 'same-origin' (default): no cookies on this cross-origin request"
        detail = (
            "Cookies and HTTP auth go only to same-origin URLs, so this request carries none and Set-Cookie in "
            "the response is ignored. Use credentials: 'include' to send them."
        )
    trace.info("fetch.credentials", summary, detail, specs.FETCH_CORS_CREDENTIALS)
