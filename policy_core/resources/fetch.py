"""``fetch``: does ``fetch(target, {method, mode, credentials, headers})`` go out, and can script read the answer?

WHATWG Fetch § 4.1 main fetch, § 4.4 HTTP-redirect fetch, § 4.8 CORS-preflight fetch,
§ 4.10 CORS check, in Chrome's decision order and with Chrome's console text (browser-rules.md
§ 2.1). Where Chrome and the standard disagree (method case against Allow-Methods, ``*``
covering Authorization, the Max-Age cap) the verdict follows Chrome and says so.
"""

from __future__ import annotations

from .. import headers as h
from ..console import chrome_cors_message, firefox_cors_message, safari_cors_message
from ..context import Context
from ..cors import ACAO, CorsCheck, cors_check
from ..fetch_rules import (
    CHROME_MAX_AGE_CAP,
    CORS_NON_WILDCARD_NAME,
    REQUEST_BODY_HEADERS,
    HeaderClassification,
    basic_exposed_headers,
    classify_request_headers,
    exposed_response_headers,
    is_forbidden_method,
    is_safelisted_method,
    no_cors_headers,
    normalize_method,
)
from ..mixed_content import chrome_blocked_message, is_mixed_content
from ..netspace import PUBLIC, address_space, more_private
from ..origins import Url, is_potentially_trustworthy, same_origin
from ..preflight import (
    CHROME_AUTHORIZATION_DEPRECATION,
    PreflightOutcome,
    check_preflight,
    firefox_authorization_warning,
    preflight_request_lines,
)
from ..redirects import (
    chrome_credentials_message,
    drops_authorization,
    location_error,
    over_limit,
    rewrites_to_get,
    tainting_after,
    taints_origin,
)
from ..report import (
    FAIL,
    INFO,
    PASS,
    SKIP,
    Console,
    FetchDetails,
    Trace,
    Verdict,
    unique,
)

KIND = "fetch"
CHROME_CORS_SCHEMES = "chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app"

SPEC_MAIN = "Fetch § 4.1 Main fetch"
SPEC_METHOD = "Fetch § 2.2.1 Methods"
SPEC_HEADERS = "Fetch § 2.2.2 Headers"
SPEC_REQUEST = "Fetch § 5.4 Request class"
SPEC_NO_CORS = "Fetch § 5.4 Request class (mode no-cors)"
SPEC_CREDENTIALS = "Fetch § 3.2.5 CORS protocol and credentials"
SPEC_CORS_PROTOCOL = "Fetch § 3.2 CORS protocol"
SPEC_REDIRECT = "Fetch § 4.4 HTTP-redirect fetch"
SPEC_TAINT = "Fetch § 2.2.5 Requests (redirect-taint, serializing a request origin)"
SPEC_EXPOSE = "Fetch § 2.2.6 Responses (CORS filtered response)"
SPEC_MIXED = "Mixed Content § 4.4 Should fetching request be blocked as mixed content?"
SPEC_LNA = "WICG Local Network Access (Chrome 142)"
SPEC_SCHEME_FETCH = "Fetch § 4.2 Scheme fetch"

# Request headers that only make a request non-simple and that a server never needs.
NEEDLESS_REQUEST_HEADERS = frozenset({"x-requested-with", "cache-control", "pragma"})


class _Out:
    """What the verdict is building: trace, console, fixes, warnings and the fetch-specific keys."""

    __slots__ = (
        "cache",
        "chrome",
        "credentials",
        "exposed",
        "firefox",
        "fixes",
        "preflight",
        "preflight_headers",
        "preflight_lines",
        "preflight_method",
        "safari",
        "trace",
        "warnings",
    )

    def __init__(self) -> None:
        self.trace = Trace()
        self.fixes: list[str] = []
        self.warnings: list[str] = []
        self.chrome: str | None = None
        self.firefox: str | None = None
        self.safari: str | None = None
        self.preflight = False
        self.exposed: tuple[str, ...] = ()
        self.cache: int | None = None
        self.preflight_lines: tuple[str, ...] = ()
        self.preflight_method: str | None = None
        self.preflight_headers: tuple[str, ...] = ()
        self.credentials = False

    def verdict(self, send: bool, read: bool) -> Verdict:
        return Verdict(
            resource=KIND,
            can=(("send", send), ("read", read)),
            trace=self.trace.steps(),
            console=Console(chrome=self.chrome, firefox=self.firefox, safari=self.safari),
            fixes=unique(self.fixes),
            warnings=unique(self.warnings),
            fetch=FetchDetails(
                preflight=self.preflight,
                exposed_headers=self.exposed if read else (),
                preflight_cache_seconds=self.cache,
                preflight_request=self.preflight_lines,
                preflight_method=self.preflight_method,
                preflight_headers=self.preflight_headers,
                credentials=self.credentials,
            ),
        )


class _Request:
    """The request as it travels: method, headers and URL change across redirects."""

    __slots__ = ("classification", "headers", "method", "origin", "tainting", "url")

    def __init__(
        self, method: str, classification: HeaderClassification, url: Url, origin: str, tainting: str
    ) -> None:
        self.method = method
        self.headers = classification.sent
        self.url = url
        self.origin = origin  # serialized request origin, "null" once redirect-tainted
        self.tainting = tainting  # basic | cors | opaque
        self.classification = classification

    def needs_preflight(self) -> bool:
        return not is_safelisted_method(self.method) or bool(self.classification.unsafe_names)


def request_target(url: Url) -> str:
    """The request-target of the HTTP request line: path and query, no fragment."""
    rest = url.href[len(url.origin.serialize()) :] if not url.origin.opaque else url.pathname
    return rest.partition("#")[0] or "/"


def evaluate(ctx: Context) -> Verdict:
    scenario = ctx.scenario
    request = scenario.request
    out = _Out()
    out.credentials = request.credentials == "include"
    method = normalize_method(request.method)

    if not _method_ok(out, request.method, method):
        return out.verdict(False, False)
    if scenario.target.has_credentials:
        out.trace.add(
            ("fetch.url-credentials",
            FAIL,
            "The URL contains a username or password: fetch() throws",
            "new Request() refuses URLs with credentials (user:pass@host); nothing is sent. Chrome rejects with "
            "TypeError: Failed to execute 'fetch' on 'Window': Request cannot be constructed from a URL that "
            f"includes credentials: {scenario.target_input}",
            SPEC_REQUEST),
        )
        out.fixes.append(
            "Remove the user:password@ part from the URL and send credentials in an Authorization header "
            "(with credentials: 'include' only if the server also uses cookies)."
        )
        return out.verdict(False, False)

    classification = classify_request_headers(request.headers)
    _explain_dropped_headers(out, classification)
    if _blocked_as_mixed_content(out, ctx, scenario.target, "fetch.mixed-content"):
        return out.verdict(False, False)

    target = scenario.target
    page_origin = ctx.page_origin_text
    out.trace.add(
        ("fetch.origins",
        INFO,
        f"Page origin {page_origin}, target origin {ctx.target_origin_text}",
        "An origin is scheme, host and port. A same-origin fetch needs no permission; a cross-origin one is "
        "governed by the request's mode (cors by default).",
        "URL § Origin"),
    )

    if target.scheme == "data":
        out.trace.add(
            ("fetch.data-url",
            PASS,
            "A data: URL is decoded by the browser: readable, no CORS, no server",
            "Main fetch handles data: URLs with a scheme fetch and a basic (readable) response in every "
            "mode; no request leaves the browser.",
            SPEC_SCHEME_FETCH),
        )
        return out.verdict(False, True)

    mode = request.mode
    if not ctx.same_origin:
        if mode == "same-origin":
            _disallowed_by_mode(out, ctx, target, target)
            return out.verdict(False, False)
        if not target.is_http:
            _non_http_target(out, ctx, target, mode)
            return out.verdict(False, False)
        if not _local_network_ok(out, ctx, target):
            return out.verdict(False, False)
    elif not target.is_http and target.scheme != "blob":
        _non_http_target(out, ctx, target, mode)
        return out.verdict(False, False)

    if mode == "no-cors" and not ctx.same_origin:
        if not is_safelisted_method(method):
            out.trace.add(
                ("fetch.no-cors.method",
                FAIL,
                f"{method} is not allowed in no-cors mode: fetch() throws",
                "no-cors requests are limited to GET, HEAD and POST, so a page cannot use them to send what a "
                "form could not. Nothing is sent; Chrome rejects with TypeError: Failed to execute 'fetch' on "
                f"'Window': '{method}' is unsupported in no-cors mode.",
                SPEC_NO_CORS),
            )
            out.fixes.append(
                f"Use mode: 'cors' for a {method} request, and have the server answer its preflight."
            )
            return out.verdict(False, False)
        headers, removed = no_cors_headers(classification.sent)
        if removed:
            classification = classify_request_headers(headers)
            out.trace.add(
                ("fetch.no-cors.headers",
                INFO,
                f"no-cors drops {', '.join(removed)}",
                "In no-cors mode the Headers object only accepts no-CORS-safelisted request-headers (Accept, "
                "Accept-Language, Content-Language, and a safelisted Content-Type); the others are silently "
                "left out.",
                SPEC_NO_CORS),
            )

    state = _Request(
        method,
        classification,
        target,
        page_origin,
        "basic" if ctx.same_origin else ("opaque" if mode == "no-cors" else "cors"),
    )
    _explain_mode_and_credentials(out, ctx, state)

    if state.tainting == "cors" and not _preflight_if_needed(out, ctx, state, first=True):
        return out.verdict(False, False)

    _explain_send(out, ctx, state)
    if not _follow_redirects(out, ctx, state):
        return out.verdict(True, False)
    readable = _final_response(out, ctx, state)
    _csrf_boundary(out, ctx, state)
    return out.verdict(True, readable)


# --- Classifying the request ------------------------------------------------------------------


def _method_ok(out: _Out, given: str, method: str) -> bool:
    if is_forbidden_method(method):
        out.trace.add(
            ("fetch.method",
            FAIL,
            f"{given} is a forbidden method: fetch() throws, nothing is sent",
            "CONNECT, TRACE and TRACK (in any case) are forbidden methods. Chrome rejects with TypeError: "
            f"Failed to execute 'fetch' on 'Window': '{given}' HTTP method is unsupported.",
            SPEC_METHOD),
        )
        out.fixes.append("Use another method: browsers never let a page send CONNECT, TRACE or TRACK.")
        return False
    if method != given:
        out.trace.add(
            ("fetch.method",
            INFO,
            f"Method {given!r} is normalized to {method}",
            "Fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT (matched case-insensitively).",
            SPEC_METHOD),
        )
    elif method.upper() != method:
        out.trace.add(
            ("fetch.method",
            INFO,
            f"Method {method!r} is sent as written",
            "Only DELETE, GET, HEAD, OPTIONS, POST and PUT are normalized; other methods are case-sensitive, "
            f"so {method!r} is not {method.upper()!r}: servers and Access-Control-Allow-Methods see it as "
            "written.",
            SPEC_METHOD),
        )
    else:
        out.trace.add(("fetch.method", PASS, f"Method {method}", "A valid, non-forbidden method.", SPEC_METHOD))
    return True


def _explain_dropped_headers(out: _Out, classification: HeaderClassification) -> None:
    if not classification.dropped:
        return
    out.trace.add(
        ("fetch.forbidden-headers",
        INFO,
        f"The browser drops {', '.join(name for name, _ in classification.dropped)}",
        "; ".join(why for _, why in classification.dropped) + ". Forbidden request-headers are silently "
        "ignored when script sets them (no error); the browser sets its own values.",
        SPEC_HEADERS),
    )


def _blocked_as_mixed_content(out: _Out, ctx: Context, url: Url, step_id: str) -> bool:
    page = ctx.scenario.page
    if not is_mixed_content(page, url):
        if page.scheme != "https" or url.scheme != "http":
            return False
        out.trace.add(
            (step_id,
            PASS,
            f"{url.origin.serialize()} is potentially trustworthy: not mixed content",
            "localhost, *.localhost and loopback IPs count as secure, so an https page may fetch them over "
            "http.",
            SPEC_MIXED),
        )
        return False
    out.trace.add(
        (step_id,
        FAIL,
        "Mixed content: an https page cannot fetch an http URL",
        "fetch() is blockable mixed content: the browser blocks it before CORS is even considered, and "
        "nothing is sent. Script sees TypeError: Failed to fetch.",
        SPEC_MIXED),
    )
    out.chrome = chrome_blocked_message(page, url, "resource")
    out.fixes.append(f"Serve the API over HTTPS and call https://{url.href.removeprefix('http://')}")
    return True


def _disallowed_by_mode(out: _Out, ctx: Context, url: Url, initial: Url) -> None:
    out.trace.add(
        ("fetch.mode",
        FAIL,
        "mode: 'same-origin' forbids cross-origin URLs: network error, nothing sent",
        "A same-origin-mode request to another origin is a network error before anything is sent.",
        SPEC_MAIN),
    )
    out.chrome = chrome_cors_message(
        KIND,
        url.href,
        ctx.page_origin_text,
        "Cross origin requests are not allowed by request mode.",
        initial_url=initial.href,
    )
    out.fixes.append(
        "Use mode: 'cors' (the default) and have the server send Access-Control-Allow-Origin, or call a "
        "same-origin URL (for example a proxy route on your own origin)."
    )


def _non_http_target(out: _Out, ctx: Context, target: Url, mode: str) -> None:
    scheme = target.scheme
    if scheme == "blob":
        out.trace.add(
            ("fetch.scheme",
            FAIL,
            "A blob: URL only resolves in the origin that created it",
            "A blob: URL from another origin is a network error (script sees TypeError: Failed to fetch).",
            SPEC_SCHEME_FETCH),
        )
        return
    if mode == "cors":
        out.trace.add(
            ("fetch.scheme",
            FAIL,
            f"CORS requests only work over http(s); {scheme}: is a network error",
            "Main fetch returns a network error for a cors-mode request whose URL is not HTTP(S). Opening the "
            "page from file:// is the usual cause: file: origins are opaque and file: URLs cannot use CORS.",
            SPEC_MAIN),
        )
        out.chrome = chrome_cors_message(
            KIND,
            target.href,
            ctx.page_origin_text,
            f"Cross origin requests are only supported for protocol schemes: {CHROME_CORS_SCHEMES}.",
        )
        out.firefox = firefox_cors_message(target.href, "CORS request not http")
    else:
        out.trace.add(
            ("fetch.scheme",
            FAIL,
            f"fetch() cannot load {scheme}: URLs from this page",
            "Only http(s), data: and same-origin blob: URLs can be fetched; anything else is a network error.",
            SPEC_SCHEME_FETCH),
        )
    out.fixes.append(
        "Serve the page and the data from a local web server (for example `python -m http.server`) "
        "and fetch an http(s) URL."
    )


def _local_network_ok(out: _Out, ctx: Context, target: Url) -> bool:
    page = ctx.scenario.page
    page_space = address_space(page.hostname, domain_default=PUBLIC)
    target_space = address_space(target.hostname)
    if not more_private(target_space, page_space):
        return True
    if not is_potentially_trustworthy(page.origin):
        out.trace.add(
            ("fetch.local-network",
            FAIL,
            f"Local Network Access: an insecure {page_space} page cannot reach the {target_space} address space",
            "Chrome 142+ needs the user's permission (local-network / loopback-network) before a page reaches a "
            "more private address space, and insecure (http) pages are denied without a prompt. Nothing is "
            "sent.",
            SPEC_LNA),
        )
        out.chrome = chrome_cors_message(
            KIND,
            target.href,
            ctx.page_origin_text,
            "The request client is not a secure context and the resource is in more-private "
            f"address space `{target_space}`.",
        )
        out.fixes.append("Serve the page over HTTPS: only secure contexts can ask for local network access.")
        return False
    out.trace.add(
        ("fetch.local-network",
        INFO,
        f"Local Network Access: Chrome asks the user before this {page_space} page reaches {target_space}",
        f"The target is in the {target_space} address space, more private than the page's {page_space} one. "
        "Chrome 142+ shows a permission prompt (local-network / loopback-network); the verdict assumes the user "
        "allows it. If they deny it, nothing is sent and Chrome prints: Permission was denied for this request "
        f"to access the `{target_space}` address space. Standard CORS still applies on top.",
        SPEC_LNA),
    )
    return True


def _explain_mode_and_credentials(out: _Out, ctx: Context, state: _Request) -> None:
    request = ctx.scenario.request
    if state.tainting == "basic":
        out.trace.add(
            ("fetch.same-origin",
            PASS,
            "Same origin: no CORS at all",
            "The target has the page's origin, so the response is a basic response that script reads in full "
            "(every header but Set-Cookie). No Origin check, no preflight, no Access-Control-* header needed.",
            SPEC_MAIN),
        )
        cookies = "not sent (credentials: 'omit')" if request.credentials == "omit" else "sent"
        out.trace.add(
            ("fetch.credentials",
            INFO,
            f"Cookies for the target are {cookies}",
            "credentials 'same-origin' (the default) and 'include' both attach cookies and HTTP auth to "
            "same-origin requests; 'omit' sends none and ignores Set-Cookie.",
            SPEC_CREDENTIALS),
        )
        return
    if state.tainting == "opaque":
        out.trace.add(
            ("fetch.mode",
            INFO,
            "mode: 'no-cors': the request is sent, the response is opaque",
            "A no-cors request needs no permission to go out, but script gets an opaque response: status 0, "
            "no headers, an empty body. Nothing is readable and no console error is printed. It is for "
            "caching or fire-and-forget beacons, never for reading data.",
            SPEC_NO_CORS),
        )
    else:
        out.trace.add(
            ("fetch.mode",
            INFO,
            "mode: 'cors' and cross-origin: the CORS protocol applies",
            f"The browser sends Origin: {state.origin} and hands the response to script only if the server "
            "opts in with Access-Control-Allow-Origin.",
            SPEC_CORS_PROTOCOL),
        )
    if request.credentials == "include":
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
    elif request.credentials == "omit":
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
    out.trace.add(("fetch.credentials", INFO, summary, detail, SPEC_CREDENTIALS))


# --- Preflight -------------------------------------------------------------------------------


def _preflight_if_needed(out: _Out, ctx: Context, state: _Request, *, first: bool) -> bool:
    """Explain the classification; send and judge the preflight when one is needed. False: blocked."""
    classification = state.classification
    unsafe_names = classification.unsafe_names
    method = state.method
    suffix = "" if first else f" (for the redirected request to {state.url.href})"
    safelisted = is_safelisted_method(method)
    if first:
        if safelisted:
            out.trace.add(
                ("fetch.classify.method",
                PASS,
                f"{method} is a CORS-safelisted method",
                "GET, HEAD and POST need no preflight by themselves.",
                SPEC_METHOD),
            )
        else:
            out.trace.add(
                ("fetch.classify.method",
                INFO,
                f"{method} is not a CORS-safelisted method: it needs a preflight",
                "Only GET, HEAD and POST can be sent cross-origin without asking first.",
                SPEC_METHOD),
            )
        if classification.unsafe:
            details = "; ".join([f"{name}: {why}" for name, why in classification.unsafe])
            if classification.over_total:
                details += ". The safelisted values together exceed 1024 bytes, so they count as unsafe too"
            out.trace.add(
                ("fetch.classify.headers",
                INFO,
                f"CORS-unsafe request headers: {', '.join(unsafe_names)}",
                f"{details}. These names (lower-cased, sorted) go in Access-Control-Request-Headers.",
                SPEC_HEADERS),
            )
        elif classification.sent:
            out.trace.add(
                ("fetch.classify.headers",
                PASS,
                "Every request header is CORS-safelisted",
                "Accept, Accept-Language, Content-Language, a form or text/plain Content-Type and a single "
                "byte Range, each at most 128 bytes, need no preflight.",
                SPEC_HEADERS),
            )
    if not state.needs_preflight():
        if first:
            out.trace.add(
                ("fetch.preflight",
                SKIP,
                "No preflight: this is a simple request",
                "A safelisted method with only safelisted headers is sent straight away, like a form could "
                "send it. The server acts on it before the browser decides whether script may read the answer.",
                "Fetch § 4.1 Main fetch (CORS-preflight flag)"),
            )
        return True

    reasons = []
    if not safelisted:
        reasons.append(f"method {method}")
    if unsafe_names:
        reasons.append(f"header{'s' if len(unsafe_names) > 1 else ''} {', '.join(unsafe_names)}")
    lines = preflight_request_lines(request_target(state.url), state.origin, method, unsafe_names)
    request_text = "\n".join(lines)
    out.trace.add(
        ("fetch.preflight",
        INFO,
        f"A preflight is sent first{suffix}, because of {' and '.join(reasons)}",
        f"The browser asks permission with an OPTIONS request:\n{request_text}\n"
        "It also sends Host, Accept: */*, User-Agent and the Sec-Fetch-* headers, but never cookies or "
        "Authorization: a preflight carries no credentials. Access-Control-Request-Headers lists the names "
        "lower-cased, sorted and joined by ',' without spaces.",
        "Fetch § 4.8 CORS-preflight fetch"),
    )
    if first:
        out.preflight = True
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
    )
    out.trace.extend(result.steps)
    if result.ok:
        _preflight_passed(out, ctx, state, result, first=first)
        return True
    _preflight_failed(out, ctx, state, result)
    if first:
        out.cache = 0
    return False


def _preflight_passed(
    out: _Out, ctx: Context, state: _Request, result: PreflightOutcome, *, first: bool
) -> None:
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
        out.chrome = CHROME_AUTHORIZATION_DEPRECATION
        out.firefox = firefox_authorization_warning(state.url.href)
        out.warnings.append(
            f'Chrome: "{CHROME_AUTHORIZATION_DEPRECATION}" The request sends Authorization, and the preflight allows it '
            "only through Access-Control-Allow-Headers: *. Chrome and Firefox still accept this (the playground follows "
            "Chrome), but the Fetch standard never lets * cover Authorization, and conforming browsers fail the "
            "preflight. Fix: list Authorization explicitly, e.g. Access-Control-Allow-Headers: *, Authorization."
        )
        out.fixes.append(
            _fix_block(
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
    out.trace.add(
        ("fetch.preflight.result",
        PASS,
        "The preflight passed: the actual request may be sent",
        f"Chrome caches this permission for {max_age.chrome_seconds if max_age else 5} s, so "
        "identical requests skip the preflight until then.",
        "Fetch § 4.8 CORS-preflight fetch"),
    )


def _preflight_failed(out: _Out, ctx: Context, state: _Request, result: PreflightOutcome) -> None:
    target = ctx.scenario.target
    out.trace.add(
        ("fetch.preflight.blocks-request",
        FAIL,
        "The preflight failed: the actual request is never sent",
        f"The server did not agree to receive {state.method} with these headers from {state.origin}, so the "
        "browser stops here: the server never sees the real request. That is the point of the preflight: it "
        "protects servers that predate CORS from requests no HTML form could have sent (PUT, DELETE, JSON "
        "bodies, custom headers). Script sees TypeError: Failed to fetch.",
        "Fetch § 4.8 CORS-preflight fetch"),
    )
    out.chrome = chrome_cors_message(
        KIND,
        state.url.href,
        ctx.page_origin_text,
        result.chrome_reason or "",
        initial_url=target.href,
        preflight=result.chrome_prefix,
    )
    _firefox_and_safari(
        out,
        state,
        result.firefox_reason,
        result.firefox_status,
        result.firefox_quote_url,
        result.safari_reason,
    )
    if state.origin == "null":
        _null_origin_fixes(out, ctx, state)
        return
    if result.failure == "preflight-redirect":
        out.fixes.append(
            f"Make the server answer OPTIONS {state.url.href} itself (no redirect), or call the URL the "
            "redirect points to directly."
        )
        return
    intro = f"Answer the preflight (OPTIONS {state.url.href}) with status 204 and:"
    if result.failure == "preflight-status":
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
    out.fixes.append(_fix_block(_trust_note(ctx, state) + intro, result.needed_lines))
    actual = ctx.scenario.response.headers
    credentials_include = ctx.scenario.request.credentials == "include"
    if not cors_check(actual, state.origin, credentials_include, kind=KIND).ok:
        # The preflight is only the first gate: without these the answer stays unreadable.
        out.fixes.append(_fix_block(
            f"Then the actual response to {state.method} {state.url.href} must carry:",
            _allow_lines(state.origin, credentials_include)))
    _client_side_fixes(out, state)


def _trust_note(ctx: Context, state: _Request) -> str:
    """A server fix for another site opens the user's data to it: say so before the header lines."""
    if ctx.same_site:
        return ""
    return f"Only if you trust {state.origin} to read these responses (it is another site): "


def _allow_lines(origin: str, credentials_include: bool) -> list[str]:
    lines = [f"{ACAO}: {origin}"]
    if credentials_include:
        lines.append("Access-Control-Allow-Credentials: true")
    lines.append("Vary: Origin")
    return lines


def _client_side_fixes(out: _Out, state: _Request) -> None:
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


# --- Sending and redirects -------------------------------------------------------------------


def _explain_send(out: _Out, ctx: Context, state: _Request) -> None:
    if state.tainting == "basic":
        detail = "A same-origin request carries no Origin header for GET/HEAD and needs no permission."
    elif state.tainting == "opaque":
        detail = f"The request goes out with Origin: {state.origin} only for POST; the server acts on it."
    else:
        detail = (
            f"The request goes out with Origin: {state.origin}. The server receives and acts on it whatever it "
            "answers: CORS decides only whether script may read the answer."
        )
    out.trace.add(("fetch.send", PASS, f"{state.method} {state.url.href} is sent", detail, SPEC_MAIN))


def _follow_redirects(out: _Out, ctx: Context, state: _Request) -> bool:
    scenario = ctx.scenario
    if not scenario.redirects:
        return True  # the usual case: nothing to follow
    mode = scenario.request.mode
    credentials_include = scenario.request.credentials == "include"
    for index, redirect in enumerate(scenario.redirects):
        current = state.url
        location = redirect.location
        if over_limit(index):
            out.trace.add(
                ("fetch.redirect.limit",
                FAIL,
                "More than 20 redirects: network error",
                "Fetch gives up after 20 redirects (Chrome: net::ERR_TOO_MANY_REDIRECTS); script sees "
                "TypeError: Failed to fetch.",
                SPEC_REDIRECT),
            )
            out.fixes.append("Fix the redirect loop on the server, or fetch the final URL directly.")
            return False
        out.trace.add(
            ("fetch.redirect.hop",
            INFO,
            f"{current.href} answers {redirect.status} -> {location.href}",
            f"Redirect {index + 1}: the browser follows it itself (redirect: 'follow').",
            SPEC_REDIRECT),
        )
        if state.tainting == "cors":
            check = cors_check(
                redirect.headers,
                state.origin,
                credentials_include,
                kind=KIND,
                step_prefix="fetch.redirect",
                where=f"the {redirect.status} redirect response",
            )
            out.trace.extend(check.steps)
            if not check.ok:
                _cors_failure(
                    out,
                    ctx,
                    state,
                    check,
                    redirect.status,
                    "Send the CORS headers on the redirect response too (each hop is checked):",
                )
                return False
        error = location_error(location, mode, state.tainting, ctx.page_origin)
        if error == "scheme":
            out.trace.add(
                ("fetch.redirect.scheme",
                FAIL,
                f"Redirect to a {location.scheme}: URL: network error",
                "A redirect location must be http(s).",
                SPEC_REDIRECT),
            )
            return False
        if error == "credentials":
            out.trace.add(
                ("fetch.redirect.credentials",
                FAIL,
                "The redirect location contains a username/password",
                "A CORS request may not follow a redirect to a URL with userinfo (user:pass@): network error.",
                SPEC_REDIRECT),
            )
            out.chrome = chrome_credentials_message(
                KIND, current, ctx.page_origin_text, location, scenario.target
            )
            out.fixes.append(
                "Remove the user:password@ part from the Location header; authenticate with a header or "
                "cookie instead."
            )
            return False
        if _blocked_as_mixed_content(out, ctx, location, "fetch.redirect.mixed-content"):
            return False
        _rewrite_for_redirect(out, state, redirect.status, current, location)
        if mode == "same-origin" and not same_origin(ctx.page_origin, location.origin):
            _disallowed_by_mode(out, ctx, location, scenario.target)
            return False
        if taints_origin(ctx.page_origin, current, location):
            if state.origin != "null":
                out.trace.add(
                    ("fetch.redirect.taint",
                    INFO,
                    "Cross-origin redirect: the request's Origin becomes null",
                    f"{current.origin.serialize()} redirected to yet another origin, so the request's "
                    'redirect-taint is no longer same-origin and its origin serializes as "null" from now on. '
                    "The final response must allow Origin: null (or *), not the page's origin.",
                    SPEC_TAINT),
                )
            state.origin = "null"
        state.url = location
        before = state.tainting
        state.tainting = tainting_after(before, ctx.page_origin, location, mode)
        if state.tainting != before:
            out.trace.add(
                ("fetch.redirect.cross-origin",
                INFO,
                "The redirect leaves the page's origin: CORS applies now",
                "From here the response is cross-origin: "
                + ("opaque (no-cors)." if mode == "no-cors" else "it must pass the CORS check."),
                SPEC_MAIN),
            )
        if state.tainting == "cors" and state.needs_preflight():
            if not _preflight_if_needed(out, ctx, state, first=False):
                return False
    return True


def _rewrite_for_redirect(out: _Out, state: _Request, status: int, current: Url, location: Url) -> None:
    headers = state.headers
    if rewrites_to_get(status, state.method):
        old = state.method
        headers = tuple((n, v) for n, v in headers if n.lower() not in REQUEST_BODY_HEADERS)
        state.method = "GET"
        out.trace.add(
            ("fetch.redirect.method",
            INFO,
            f"{status} turns {old} into GET",
            f"{'301/302 rewrite POST' if status != 303 else '303 rewrites every method but GET/HEAD'} to GET; "
            "the body and its headers (Content-Type, Content-Language, ...) are dropped. Use 307/308 to keep "
            "the method and body.",
            SPEC_REDIRECT),
        )
    if drops_authorization(current, location) and h.has(headers, CORS_NON_WILDCARD_NAME):
        headers = tuple((n, v) for n, v in headers if n.lower() != CORS_NON_WILDCARD_NAME)
        out.trace.add(
            ("fetch.redirect.authorization",
            INFO,
            "Authorization is dropped on the cross-origin redirect",
            "Fetch removes the Authorization header when a redirect changes origin, so a token never leaks "
            "to another origin.",
            SPEC_REDIRECT),
        )
    if headers is not state.headers:
        state.headers = headers
        state.classification = classify_request_headers(headers)


# --- The actual response ---------------------------------------------------------------------


def _final_response(out: _Out, ctx: Context, state: _Request) -> bool:
    response = ctx.scenario.response
    if state.tainting == "basic":
        out.exposed = basic_exposed_headers(response.headers)
        out.trace.add(
            ("fetch.read",
            PASS,
            "Script reads the response: status, body and headers",
            "A basic response hides only Set-Cookie and Set-Cookie2.",
            SPEC_EXPOSE),
        )
        return True
    if state.tainting == "opaque":
        out.trace.add(
            ("fetch.read",
            FAIL,
            "The response is opaque: script reads nothing (status 0, empty body)",
            "no-cors never exposes a cross-origin answer, and no console error is printed: response.type is "
            "'opaque'.",
            SPEC_NO_CORS),
        )
        out.fixes.append(
            "To read the response, use mode: 'cors' (the default) and have the server send "
            f"Access-Control-Allow-Origin: {ctx.page_origin_text}."
        )
        return False
    credentials_include = ctx.scenario.request.credentials == "include"
    check = cors_check(
        response.headers,
        state.origin,
        credentials_include,
        kind=KIND,
        step_prefix="fetch.cors",
        where="the response",
    )
    out.trace.extend(check.steps)
    _response_warnings(out, ctx, state, response.headers, check)
    if not check.ok:
        _cors_failure(
            out,
            ctx,
            state,
            check,
            response.status,
            f"Answer {state.method} {state.url.href} (any status) with:",
        )
        return False
    exposure = exposed_response_headers(response.headers, credentials_include)
    out.exposed = exposure.names
    listed = exposure.listed
    listed_failed = listed.failed
    if listed_failed:
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
    out.trace.add(
        ("fetch.expose-headers",
        PASS if not listed_failed else FAIL,
        f"Readable headers: {', '.join(exposure.names) or '(none present)'}",
        detail,
        SPEC_EXPOSE),
    )
    out.trace.add(
        ("fetch.read",
        PASS,
        "The CORS check passed: script reads the response",
        "Status and body are readable; headers as listed above.",
        "Fetch § 4.10 CORS check"),
    )
    return True


def _cors_failure(
    out: _Out, ctx: Context, state: _Request, check: CorsCheck, status: int, fix_intro: str
) -> None:
    target = ctx.scenario.target
    out.trace.add(
        ("fetch.read",
        FAIL,
        "The CORS check failed: script cannot read the response",
        "The request was sent and the server acted on it; the browser withholds the answer from script "
        "(TypeError: Failed to fetch).",
        "Fetch § 4.10 CORS check"),
    )
    out.chrome = chrome_cors_message(
        KIND, state.url.href, ctx.page_origin_text, check.chrome_reason or "", initial_url=target.href
    )
    _firefox_and_safari(
        out,
        state,
        check.firefox_reason,
        status if check.firefox_status else None,
        check.firefox_quote_url,
        check.safari_reason,
    )
    if state.origin == "null":
        _null_origin_fixes(out, ctx, state)
        return
    credentials_include = ctx.scenario.request.credentials == "include"
    out.fixes.append(_fix_block(_trust_note(ctx, state) + fix_intro, _allow_lines(state.origin, credentials_include)))
    if check.failure == "wildcard-with-credentials":
        out.fixes.append(
            "Client-side: if the page does not need cookies for this call, drop credentials: 'include' "
            "and keep Access-Control-Allow-Origin: *."
        )


def _firefox_and_safari(
    out: _Out,
    state: _Request,
    firefox_reason: str | None,
    firefox_status: int | None,
    quote_url: bool,
    safari_reason: str | None,
) -> None:
    """Firefox's and Safari's sentences for a failed CORS or preflight check, where they are known."""
    if firefox_reason:
        out.firefox = firefox_cors_message(
            state.url.href, firefox_reason, status=firefox_status, quote_url=quote_url
        )
    if safari_reason:
        out.safari = safari_cors_message("Fetch API", state.url.href, safari_reason)


def _null_origin_fixes(out: _Out, ctx: Context, state: _Request) -> None:
    if ctx.page_origin.opaque:
        out.fixes.append(
            "The page's origin is opaque (sandboxed frame or file:/data: page), so Origin is null. Serve "
            "the page from a real http(s) origin (or add allow-same-origin to the sandbox) rather than "
            "allowing null on the server."
        )
    else:
        out.fixes.append(
            f"Fetch the final URL {state.url.href} directly: after a cross-origin redirect the Origin is "
            f"null, so the server cannot allow {ctx.page_origin_text} any more."
        )
        if ctx.scenario.request.credentials != "include":
            out.fixes.append(
                _fix_block(f"Or, for public data, answer {state.url.href} with:", [f"{ACAO}: *"])
            )
    out.warnings.append(
        "Never answer Access-Control-Allow-Origin: null to make this work: sandboxed frames and data: "
        "pages of any site also send Origin: null."
    )


def _response_warnings(
    out: _Out, ctx: Context, state: _Request, headers: h.Headers, check: CorsCheck
) -> None:
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


def _csrf_boundary(out: _Out, ctx: Context, state: _Request) -> None:
    if ctx.same_origin or out.preflight or state.method in ("GET", "HEAD"):
        return
    out.trace.add(
        ("fetch.csrf",
        INFO,
        f"This cross-origin {state.method} is sent and acted on, readable or not",
        "A simple request (safelisted method and headers) needs no preflight: the server processes it before "
        "the browser decides whether script may read the answer. CORS protects the response, not the server.",
        "Fetch § 3.2 CORS protocol (CORS-safelisted requests)"),
    )
    out.warnings.append(
        f"CSRF boundary: a cross-origin {state.method} with safelisted headers is sent without a "
        "preflight and the server acts on it even though the page cannot read the answer. State-changing "
        "endpoints need CSRF defences: SameSite cookies, anti-CSRF tokens, and checking the Origin header "
        "(or requiring a non-safelisted Content-Type such as application/json)."
    )


def _fix_block(intro: str, lines: list[str] | tuple[str, ...]) -> str:
    return "\n".join([intro, *lines])
