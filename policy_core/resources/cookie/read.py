"""Readable? Whether the page's script sees the cookie in ``document.cookie`` (HTML § Cookies).

The page reads with its own URL: its host, path and security decide, as on a request, and
HttpOnly hides the cookie from script altogether.
"""

from __future__ import annotations

from ... import cookies as c
from ... import messages, specs
from ...context import Context
from ...messages import CHROME, Failure
from ...messages.cookies import DOCUMENT_COOKIE
from ...origins import Url, parse_url
from ...report import NO_CONSOLE, Console
from ...sites import registrable_domain, same_site
from .advice import ALLOW_SAME_ORIGIN, serve_https
from .run import CookieRun


def read(run: CookieRun) -> bool:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    page = _cookie_url(ctx.scenario.page)
    if ctx.page_origin.opaque or page.scheme not in c.COOKIEABLE_SCHEMES:
        _read_unavailable(run)
        return False
    ok = True
    host = page.hostname
    host_matches = c.cookie_matches_host(host, run.domain, run.host_only)
    if host_matches:
        trace.passed(
            "cookie.read.domain-match",
            f"The page's host {host} matches the cookie's domain",
            f"document.cookie shows the cookies of the page's own host; this cookie is for {run.domain}"
            f"{'' if run.host_only else ' and its subdomains'}.",
            specs.COOKIE_RETRIEVAL,
        )
    else:
        ok = False
        scope = f"{run.domain} only" if run.host_only else f"{run.domain} and its subdomains"
        trace.failed(
            "cookie.read.domain-match",
            f"The page's host {host} is not the cookie's host: invisible",
            f"A page reads only cookies of its own host (and parent domains that chose Domain=). This cookie "
            f"belongs to {scope}. Cookies are scoped by host, not shared across sites.",
            specs.COOKIE_RETRIEVAL,
        )
        if not cookie.httponly:  # HttpOnly hides it anyway: no point widening the domain
            _read_domain_fix(run, host)
    if c.path_match(page.pathname, cookie.path):
        trace.passed(
            "cookie.read.path-match",
            f"The page's path {page.pathname} is within Path={cookie.path}",
            "document.cookie uses the document's URL path.",
            specs.COOKIE_PATH_MATCH,
        )
    else:
        ok = False
        trace.failed(
            "cookie.read.path-match",
            f"The page's path {page.pathname} is outside Path={cookie.path}",
            "document.cookie only lists cookies whose path path-matches the document's URL.",
            specs.COOKIE_PATH_MATCH,
        )
        run.fix.set(path="/")
    if cookie.secure:
        if c.is_secure_for_cookies(ctx.page_origin):
            trace.passed(
                "cookie.read.secure",
                "Secure cookie on a secure page",
                "Secure cookies are visible to script on https pages (and on http://localhost in Chrome).",
                specs.COOKIE_RETRIEVAL,
            )
        else:
            ok = False
            trace.failed(
                "cookie.read.secure",
                "Secure cookie hidden from an http page",
                "A non-secure document never sees Secure cookies in document.cookie.",
                specs.COOKIE_RETRIEVAL,
            )
            run.fixes.append(serve_https("the page", page.href))
    if cookie.httponly:
        ok = False
        trace.failed(
            "cookie.read.httponly",
            "HttpOnly: hidden from document.cookie (by design)",
            "HttpOnly cookies go to the server on requests but are never exposed to script, which keeps a "
            "session token out of reach of injected scripts.",
            specs.HTML_DOCUMENT_COOKIE,
        )
        if host_matches:
            run.other_fixes.append(
                "HttpOnly is what hides it, on purpose: keep it on a session cookie and give the "
                "page what it needs from an endpoint (e.g. GET /session) instead of the cookie."
            )
    else:
        trace.passed(
            "cookie.read.httponly",
            "Not HttpOnly: script may see it",
            "Cookies without HttpOnly are exposed to document.cookie.",
            specs.HTML_DOCUMENT_COOKIE,
        )
    trace.info(
        "cookie.read.samesite",
        "The page is the top-level document: SameSite hides nothing here",
        "document.cookie of a top-level document is a same-site context for its own cookies. Inside a cross-site "
        "iframe, Strict, Lax and unspecified cookies would be left out and only SameSite=None shown (WPT "
        "cookies/samesite/iframe.https.html, cookie-helper.sub.js verifyDocumentCookie*).",
        specs.COOKIE_SAME_SITE,
    )
    if cookie.partitioned:
        if same_site(ctx.page_site, ctx.target_site):
            trace.passed(
                "cookie.read.partition",
                "The page's top-level site is the cookie's partition",
                f"Partition {ctx.target_site.serialize()}.",
                specs.COOKIE_PARTITIONED,
            )
        else:
            ok = False
            trace.failed(
                "cookie.read.partition",
                "The cookie's partition is another top-level site",
                f"Partition {ctx.target_site.serialize()}; the page is top-level on {ctx.page_site.serialize()}.",
                specs.COOKIE_PARTITIONED,
            )
    return ok


def _cookie_url(page: Url) -> Url:
    """The URL document.cookie works with: a blob: document uses the URL it was created under (WPT fact 17)."""
    if page.scheme == "blob" and not page.origin.opaque:
        return parse_url(page.pathname, field_path="page")
    return page


def document_cookie_console(ctx: Context) -> Console:
    """Chrome's SecurityError when a document without cookies of its own touches document.cookie.

    Printed whether or not the cookie was stored: the page's script throws the moment it reads.
    """
    if ctx.scenario.page_sandboxed:
        reason = Failure.DOCUMENT_COOKIE_SANDBOXED
    elif ctx.scenario.page.scheme == "data":
        reason = Failure.DOCUMENT_COOKIE_DATA_URL
    else:
        return NO_CONSOLE
    return Console(chrome=messages.render(DOCUMENT_COOKIE, CHROME, reason=messages.render(reason, CHROME)))


def _read_unavailable(run: CookieRun) -> None:
    ctx = run.ctx
    page = ctx.scenario.page
    if ctx.scenario.page_sandboxed:
        run.trace.failed(
            "cookie.read.document",
            "A sandboxed page cannot use document.cookie: SecurityError",
            "A document with an opaque origin has no cookies of its own: reading document.cookie throws a "
            "SecurityError DOMException.",
            specs.HTML_SANDBOX,
        )
        run.other_fixes.append(ALLOW_SAME_ORIGIN)
    elif page.scheme == "data":
        run.trace.failed(
            "cookie.read.document",
            "A data: URL document has no cookies: SecurityError",
            "Reading document.cookie in a data: document throws a SecurityError.",
            specs.HTML_DOCUMENT_COOKIE,
        )
    else:
        run.trace.failed(
            "cookie.read.document",
            f"A {page.scheme}: page has no cookie jar of its own",
            "document.cookie only reflects cookies of http(s) documents (a file: or opaque-origin page sees "
            "none).",
            specs.HTML_DOCUMENT_COOKIE,
        )


def _read_domain_fix(run: CookieRun, page_host: str) -> None:
    ctx = run.ctx
    shared = registrable_domain(page_host)
    if shared is not None and shared == registrable_domain(ctx.scenario.target.hostname):
        run.fix.set(domain=shared)
        run.warnings.append(
            f"The Domain={shared} fix shares the cookie with every host under {shared}: only do it "
            "if all of them are trusted."
        )
    else:
        run.other_fixes.append(
            f"A page cannot read another site's cookies: have {ctx.target_origin_text} return the "
            f"value in a response the page fetches with credentials: 'include' (and CORS)."
        )
