"""``cookie``: is the cookie stored, sent on the page's request, and readable from document.cookie?

RFC 6265bis as Chrome ships it: the target's host sets the cookie in a first-party response,
then the page makes the ``via`` request to the target URL, then the page's script reads
``document.cookie``. The rules live in policy_core/cookies.py; this module explains them.
Browsers attach cookies by *site* and host, not by origin: a cookie is not the same-origin
policy's business, which is why CORS and SameSite are separate gates.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from .. import cookies as c
from ..context import Context
from ..origins import Url, parse_url
from ..report import FAIL, INFO, NO_CONSOLE, PASS, SKIP, Console, Trace, Verdict
from ..scenario import Cookie, Request
from ..setcookie import ParsedSetCookie, parse_set_cookie
from ..sites import Site, registrable_domain, same_site, site_of

DEFAULT_COOKIE = Cookie()

SPEC_SET_COOKIE = "RFC 6265bis § 5.6 The Set-Cookie header field"
SPEC_STORAGE = "RFC 6265bis § 5.7 Storage model"
SPEC_PREFIXES = "RFC 6265bis § 4.1.3 Cookie name prefixes"
SPEC_DOMAIN_MATCH = "RFC 6265bis § 5.1.3 Domain matching"
SPEC_PATH_MATCH = "RFC 6265bis § 5.1.4 Paths and path-match"
SPEC_RETRIEVAL = "RFC 6265bis § 5.8.3 Retrieval algorithm"
SPEC_SAMESITE = "RFC 6265bis § 5.2 Same-site and cross-site requests"
SPEC_LAX_UNSAFE = "RFC 6265bis § 5.6.7.2 Lax-allowing-unsafe enforcement"
SPEC_CREDENTIALS = "Fetch § HTTP-network-or-cache fetch (include credentials)"
SPEC_CORS_SETTINGS = "HTML § CORS settings attributes"
SPEC_DOCUMENT_COOKIE = "HTML § Cookies (document.cookie)"
SPEC_CHIPS = "CHIPS: Cookies Having Independent Partitioned State (Partitioned attribute)"
SPEC_THIRD_PARTY = "Browser policy (third-party cookies), outside RFC 6265bis"

DEVTOOLS_WHERE = (
    "Chrome prints nothing in the console for a blocked cookie. It reports it in DevTools: Network > the request > "
    "Cookies tab (tick 'show filtered out request cookies'; a blocked Set-Cookie shows with a yellow warning and its "
    "reason), Application > Cookies (what is stored), and the Issues panel."
)

_VIA_TEXT = {
    "fetch": "a fetch() from the page",
    "image": "an <img> on the page",
    "script": "a <script src> on the page",
    "iframe": "an <iframe> on the page (a nested navigation, not top-level)",
    "navigation": "a top-level navigation from the page (link, location.href, GET form)",
    "form-post": "a top-level form POST from the page",
}

_CONTEXT_TEXT = {
    c.STRICT_CONTEXT: "same-site: Strict, Lax, None and unspecified cookies may all be sent",
    c.LAX_CONTEXT: "cross-site top-level navigation with a safe method: Lax and None cookies may be sent, Strict may not",
    c.LAX_UNSAFE_CONTEXT: "cross-site top-level navigation with an unsafe method (POST): only None cookies may be sent",
    c.CROSS_SITE_CONTEXT: "cross-site subresource or frame: only SameSite=None cookies may be sent",
}

# Chrome's CookieInclusionStatus exclusion reasons (DevTools' blocked-reason names in brackets).
_SAMESITE_REASON = {"Strict": "SameSiteStrict", "Lax": "SameSiteLax", "": "SameSiteUnspecifiedTreatedAsLax"}

_CSRF_AFTER_NONE = (
    "With SameSite=None the cookie rides on every cross-site request: protect state-changing endpoints "
    "with a CSRF token or an Origin / Sec-Fetch-Site check."
)
_ALLOW_SAME_ORIGIN = (
    "If the sandboxed page is trusted, add allow-same-origin to its sandbox attribute (never together "
    "with allow-scripts for untrusted content): it gets its real origin, cookies and same-site "
    "requests back."
)

_READ_SECURITY_ERROR = "Failed to read the 'cookie' property from 'Document': "


@lru_cache(maxsize=256)
def _parsed(line: str) -> ParsedSetCookie | None:
    # The loader parsed it already; the verdict needs the raw Path attribute (for __Host-).
    return parse_set_cookie(line)


class _FixedCookie:
    """The cookie as it should be set, built up by every rule that fails (one Set-Cookie fix).

    Only the attributes a rule changed are kept; the rest are read from the cookie itself, so a
    cookie that passes every rule (the usual case) copies nothing.
    """

    __slots__ = ("changes", "cookie")

    def __init__(self, cookie: Cookie) -> None:
        self.cookie = cookie
        self.changes: dict[str, Any] = {}

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def set(self, **attrs: Any) -> None:
        for key, value in attrs.items():
            if self.changes.get(key, getattr(self.cookie, key)) != value:
                self.changes[key] = value

    def line(self) -> str:
        return _canonical_line(replace(self.cookie, **self.changes))


def _canonical_line(cookie: Cookie) -> str:
    """The cookie as one Set-Cookie line, attributes in the conventional order."""
    return c.set_cookie_line(
        cookie.name,
        cookie.value,
        path=cookie.path,
        domain=cookie.domain,
        secure=cookie.secure,
        httponly=cookie.httponly,
        samesite=cookie.samesite,
        partitioned=cookie.partitioned,
    )


class _Run:
    """Per-evaluation state shared by the three phases."""

    __slots__ = ("cookie", "ctx", "domain", "fix", "fixes", "host_only", "other_fixes", "trace", "warnings")

    def __init__(self, ctx: Context, cookie: Cookie) -> None:
        self.ctx, self.cookie = ctx, cookie
        self.trace = Trace()
        self.fix = _FixedCookie(cookie)
        self.fixes: list[str] = []  # fixes outside the Set-Cookie line (https, credentials, attributes)
        self.other_fixes: list[str] = []  # fixes that come after the Set-Cookie line
        self.warnings: list[str] = []
        self.domain = ""
        self.host_only = True


def evaluate(ctx: Context) -> Verdict:
    cookie = ctx.scenario.cookie or DEFAULT_COOKIE
    run = _Run(ctx, cookie)
    _describe(run)
    stored = _store(run)
    if stored:
        sent = _send(run)
        read, console = _read(run)
        _warn(run, sent)
    else:
        # document.cookie still throws in a sandboxed or data: page, whatever the cookie.
        sent, read, console = False, False, _document_cookie_console(ctx)
        run.trace.add(
            ("cookie.send.stored",
            SKIP,
            "Not stored, so never sent",
            "A rejected Set-Cookie leaves nothing in the cookie store: no request carries it.",
            SPEC_STORAGE),
        )
        run.trace.add(
            ("cookie.read.stored",
            SKIP,
            "Not stored, so document.cookie cannot show it",
            "document.cookie lists only stored cookies.",
            SPEC_DOCUMENT_COOKIE),
        )
    if not (stored and sent):
        run.trace.add(
            ("cookie.devtools",
            INFO,
            "Where Chrome reports it: DevTools, not the console",
            DEVTOOLS_WHERE,
            "Chrome DevTools"),
        )
    fixes = list(run.fixes)
    if run.fix.changed:
        fixes.insert(0, run.fix.line())
    fixes.extend(run.other_fixes)
    return Verdict(resource="cookie", can=(("stored", stored), ("sent", sent), ("script_read", read)), trace=run.trace.to_steps(), console=console, fixes=tuple(dict.fromkeys(fixes)) if fixes else (), warnings=tuple(run.warnings))


# --- the cookie itself ----------------------------------------------------------------------


def _describe(run: _Run) -> None:
    cookie, scenario = run.cookie, run.ctx.scenario
    host = scenario.target.hostname or scenario.target.href
    # The canonical line is shown only for the default cookie or a cookie given without its raw line.
    line = (
        _canonical_line(cookie)
        if scenario.cookie is None or cookie.set_cookie is None
        else ""
    )
    if scenario.cookie is None:
        run.trace.add(
            ("cookie.source",
            INFO,
            f"No cookie given: evaluating the default cookie ({line[12:]})",
            f"The scenario names no cookie, so this is the default: {line}, set by {host} in a response "
            f"to {scenario.target.href}, then carried by {_VIA_TEXT[cookie.via]}.",
            SPEC_SET_COOKIE),
        )
        return
    given = f"Set-Cookie: {cookie.set_cookie}" if cookie.set_cookie is not None else line
    detail = (
        f"{host} answers a first-party request to {scenario.target.href} with {given}. The page then makes "
        f"{_VIA_TEXT[cookie.via]} to that URL."
    )
    if cookie.notes:
        detail += " While parsing the line the browser " + "; ".join(cookie.notes) + "."
    run.trace.add(
        ("cookie.source",
        INFO,
        f"{host} sets {cookie.name or '(nameless)'}={cookie.value}",
        detail,
        SPEC_SET_COOKIE),
    )


# --- stored ---------------------------------------------------------------------------------


def _store(run: _Run) -> bool:
    ctx, cookie, trace, fix = run.ctx, run.cookie, run.trace, run.fix
    target = ctx.scenario.target
    origin_text = ctx.target_origin_text
    if target.scheme not in c.COOKIEABLE_SCHEMES:
        trace.add(
            ("cookie.store.scheme",
            FAIL,
            f"A {target.scheme}: URL cannot set cookies",
            "Only http and https responses carry Set-Cookie into the browser's cookie store (Chrome: "
            "EXCLUDE_NONCOOKIEABLE_SCHEME, DevTools reason SchemeNotSupported).",
            SPEC_STORAGE),
        )
        run.fixes.append("Set the cookie from an http(s) URL of the site that needs it.")
        return False
    ok = True
    host = target.hostname
    secure_origin = c.is_secure_for_cookies(ctx.target_origin)
    size = len((cookie.name + cookie.value).encode())
    if size > c.MAX_NAME_VALUE_BYTES:
        ok = False
        trace.add(
            ("cookie.store.size",
            FAIL,
            f"Name and value are {size} bytes; the limit is 4096",
            "A cookie whose name plus value exceeds 4096 bytes is ignored (Chrome: "
            "EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE, DevTools reason NameValuePairExceedsMaxSize).",
            SPEC_SET_COOKIE),
        )
        run.fixes.append("Keep the cookie small: store an identifier and keep the data on the server.")

    ok &= _store_secure(run, secure_origin, origin_text)
    ok &= _store_samesite(run)
    ok &= _store_prefix(run, secure_origin, host)
    if cookie.partitioned:
        if cookie.secure and secure_origin:
            trace.add(
                ("cookie.store.partitioned",
                PASS,
                "Partitioned cookie with Secure from a secure origin",
                "CHIPS: a Partitioned cookie is stored in a jar keyed by the top-level site it is set under. "
                f"Set in a first-party response, its partition is {ctx.target_site.serialize()}.",
                SPEC_CHIPS),
            )
        else:
            ok = False
            trace.add(
                ("cookie.store.partitioned",
                FAIL,
                "Partitioned without Secure (or from an insecure origin) is rejected",
                "Chrome rejects a Partitioned cookie unless it is Secure and set from https or localhost "
                "(EXCLUDE_INVALID_PARTITIONED).",
                SPEC_CHIPS),
            )
            fix.set(secure=True)
    ok &= _store_domain(run, host)
    _store_path(run)
    trace.add(
        ("cookie.store.context",
        INFO,
        "Set in a first-party response, so SameSite does not limit storing",
        f"This verdict assumes {host} sets the cookie while the user visits it directly (a same-site context). "
        "Set in a response to a cross-site subresource or frame instead, Chrome would refuse Strict, Lax and "
        "unspecified cookies and keep only SameSite=None (WPT cookies/samesite/setcookie-lax.html, "
        "setcookie-navigation.https.html), and blocked third-party cookies would not be stored at all.",
        SPEC_STORAGE),
    )
    return ok


def _store_secure(run: _Run, secure_origin: bool, origin_text: str) -> bool:
    cookie, trace = run.cookie, run.trace
    if not cookie.secure:
        trace.add(
            ("cookie.store.secure",
            INFO,
            "No Secure attribute: the cookie is also sent over plain http",
            "Without Secure the browser sends the cookie to http:// URLs of the host too, where a network "
            "attacker can read or overwrite it.",
            SPEC_STORAGE),
        )
        return True
    if secure_origin:
        local = not origin_text.startswith("https:") and not origin_text.startswith("wss:")
        detail = (
            "The setting URL is https, a secure protocol."
            if not local
            else f"{origin_text} is localhost / loopback: Chrome (since 89) and Firefox (since 75) treat it as secure "
            "for cookies; Safari does not and rejects the cookie."
        )
        trace.add(
            ("cookie.store.secure",
            PASS,
            f"Secure cookie set from a secure origin ({origin_text})",
            detail,
            SPEC_STORAGE),
        )
        return True
    trace.add(
        ("cookie.store.secure",
        FAIL,
        f"A Secure cookie set from {origin_text} is rejected",
        "A cookie with the Secure attribute is ignored unless the setting URL is secure: https, or (Chrome, "
        "Firefox) http://localhost and loopback addresses. Chrome: EXCLUDE_SECURE_ONLY, DevTools reason "
        "SecureOnly.",
        SPEC_STORAGE),
    )
    run.fixes.append(_serve_https(run.ctx.scenario.target.hostname, run.ctx.scenario.target.href))
    return False


def _store_samesite(run: _Run) -> bool:
    cookie, trace = run.cookie, run.trace
    if cookie.samesite == "None":
        if cookie.secure:
            trace.add(
                ("cookie.store.samesite-none",
                PASS,
                "SameSite=None comes with Secure",
                "SameSite=None is accepted only together with Secure (WPT "
                "cookies/samesite-none-secure/cookies-without-samesite-must-be-secure.https.html).",
                SPEC_STORAGE),
            )
            return True
        trace.add(
            ("cookie.store.samesite-none",
            FAIL,
            "SameSite=None without Secure is rejected",
            "Chrome (since 80) and Firefox ignore a SameSite=None cookie that lacks Secure; it is never stored "
            "(WPT cookies/samesite-none-secure/cookies-without-samesite-must-be-secure.https.html). Chrome: "
            "EXCLUDE_SAMESITE_NONE_INSECURE, DevTools reason SameSiteNoneInsecure.",
            SPEC_STORAGE),
        )
        run.fix.set(secure=True)
        return False
    if not cookie.samesite:
        trace.add(
            ("cookie.store.samesite-default",
            INFO,
            "No SameSite attribute: Chrome enforces SameSite=Lax by default",
            "An absent (or unknown) SameSite value means the browser's default. Chrome and Edge (since 80) treat "
            "it as Lax; Firefox and Safari never shipped Lax-by-default and treat it as None. Say SameSite=Lax "
            "(or Strict, or None; Secure) explicitly so every browser agrees.",
            SPEC_SAMESITE),
        )
    return True


def _store_prefix(run: _Run, secure_origin: bool, host: str) -> bool:
    cookie, trace = run.cookie, run.trace
    if not cookie.name:
        hidden = c.cookie_prefix(cookie.value)
        if not hidden:
            return True
        trace.add(
            ("cookie.store.prefix",
            FAIL,
            f"A nameless cookie whose value starts with {hidden} is rejected",
            "Servers see a nameless cookie as its value alone, so a value starting with a prefix would pose as "
            "a prefixed cookie; Chrome refuses it (EXCLUDE_INVALID_PREFIX).",
            SPEC_PREFIXES),
        )
        run.fixes.append("Give the cookie a name: Set-Cookie: name=value; ...")
        return False
    prefix = c.cookie_prefix(cookie.name)
    if not prefix:
        return True
    if cookie.set_cookie is not None:
        parsed = _parsed(cookie.set_cookie)
        path_attribute = parsed.path if parsed is not None else None
    else:
        path_attribute = cookie.path  # the table form always names the path
    problems = c.prefix_problems(
        prefix,
        secure=cookie.secure,
        secure_origin=secure_origin,
        httponly=cookie.httponly,
        domain_attribute=cookie.domain,
        path_attribute=path_attribute,
        host=host,
    )
    spelled = cookie.name[: len(prefix)]
    case_note = (
        (
            f" The name says {spelled!r}: the prefix matches case-insensitively (RFC 6265bis; Chrome), so the "
            "rules apply anyway."
        )
        if spelled != prefix
        else ""
    )
    needs = {
        c.PREFIX_SECURE: "Secure, set from a secure origin",
        c.PREFIX_HOST: "Secure, set from a secure origin, Path=/ and no Domain (so it is locked to this host)",
        c.PREFIX_HTTP: "Secure, set from a secure origin, and HttpOnly (Chrome 140+)",
        c.PREFIX_HOST_HTTP: "everything __Host- needs, plus HttpOnly (Chrome 140+)",
    }[prefix]
    if not problems:
        trace.add(
            ("cookie.store.prefix",
            PASS,
            f"{prefix} prefix requirements met",
            f"{prefix} needs {needs}.{case_note}",
            SPEC_PREFIXES),
        )
        return True
    trace.add(
        ("cookie.store.prefix",
        FAIL,
        f"{prefix} cookie needs {', '.join(problems)}: rejected",
        f"{prefix} needs {needs}. A cookie that claims the prefix without meeting it is ignored (Chrome: "
        f"EXCLUDE_INVALID_PREFIX, DevTools reason InvalidPrefix).{case_note}",
        SPEC_PREFIXES),
    )
    run.fix.set(secure=True)
    if prefix in (c.PREFIX_HOST, c.PREFIX_HOST_HTTP):
        run.fix.set(path="/", domain="")
    if prefix in (c.PREFIX_HTTP, c.PREFIX_HOST_HTTP):
        run.fix.set(httponly=True)
    if not secure_origin:
        target = run.ctx.scenario.target
        run.fixes.append(_serve_https(target.hostname, target.href))
    return False


def _store_domain(run: _Run, host: str) -> bool:
    cookie, trace = run.cookie, run.trace
    check = c.check_domain_attribute(host, cookie.domain)
    run.domain, run.host_only = check.domain, check.host_only
    if check.ok:
        if check.code == "host-only":
            trace.add(
                ("cookie.store.domain",
                PASS,
                f"No Domain attribute: a host-only cookie for {host}",
                f"Only requests to exactly {host} carry it; subdomains and the parent domain do not.",
                SPEC_STORAGE),
            )
        elif check.code == "ok":
            trace.add(
                ("cookie.store.domain",
                PASS,
                f"Domain={cookie.domain} covers {host}",
                f"{host} domain-matches {cookie.domain}, which is not a public suffix, so the cookie goes to "
                f"{cookie.domain} and every subdomain of it.",
                SPEC_DOMAIN_MATCH),
            )
        else:
            trace.add(
                ("cookie.store.domain",
                PASS,
                f"Domain={cookie.domain} names the host itself: host-only",
                f"{host} has no registrable domain (an IP address, a single label such as localhost, or a public "
                "suffix), so Domain may only repeat the host, and the cookie stays host-only.",
                SPEC_STORAGE),
            )
        return True
    reasons = {
        "ip-mismatch": f"{host} is an IP address: a Domain attribute may only repeat it exactly.",
        "public-suffix": f"{cookie.domain} is a public suffix (Public Suffix List): a cookie for it would reach "
        "unrelated sites, so browsers refuse it.",
        "mismatch": f"{host} does not domain-match {cookie.domain}: a host can only set cookies for itself or a "
        "parent domain.",
    }
    trace.add(
        ("cookie.store.domain",
        FAIL,
        f"Domain={cookie.domain} is not allowed for {host}: rejected",
        reasons[check.code] + " Chrome: EXCLUDE_INVALID_DOMAIN, DevTools reason InvalidDomain.",
        SPEC_DOMAIN_MATCH if check.code == "mismatch" else SPEC_STORAGE),
    )
    run.fix.set(domain="")
    return False


def _store_path(run: _Run) -> None:
    cookie = run.cookie
    explicit = True
    if cookie.set_cookie is not None:
        parsed = _parsed(cookie.set_cookie)
        explicit = parsed is not None and parsed.path is not None
    if explicit:
        run.trace.add(
            ("cookie.store.path",
            INFO,
            f"Path={cookie.path}",
            f"Sent only to URLs whose path is {cookie.path} or below it (a '/' boundary counts: /api "
            "matches /api/x, not /apix). Path limits where it is sent, it is not a security boundary.",
            SPEC_PATH_MATCH),
        )
    else:
        run.trace.add(
            ("cookie.store.path",
            INFO,
            f"No (valid) Path attribute: default-path {cookie.path}",
            f"Without Path the cookie gets the directory of the setting URL's path "
            f"({run.ctx.scenario.target.pathname} -> {cookie.path}). Say Path=/ to send it site-wide.",
            SPEC_PATH_MATCH),
        )


# --- sent -----------------------------------------------------------------------------------


def _send(run: _Run) -> bool:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    scenario = ctx.scenario
    target = scenario.target
    via = cookie.via
    ok = True
    if via == "fetch" and scenario.request.mode == "same-origin" and not ctx.same_origin:
        trace.add(
            ("cookie.send.request-mode",
            FAIL,
            "fetch with mode 'same-origin' to another origin is never sent",
            "A same-origin-mode request to a cross-origin URL fails with a TypeError before it leaves the "
            "browser, so no cookie goes anywhere.",
            "Fetch § Main fetch"),
        )
        run.fixes.append(f"fetch('{target.href}', {{ mode: 'cors', credentials: 'include' }})")
        ok = False

    if c.cookie_matches_host(target.hostname, run.domain, run.host_only):
        trace.add(
            ("cookie.send.domain-match",
            PASS,
            f"{target.hostname} matches the cookie's domain",
            f"The cookie belongs to {run.domain}{'' if run.host_only else ' and its subdomains'}; the request "
            f"goes to {target.hostname}.",
            SPEC_RETRIEVAL),
        )
    else:  # cannot happen for a cookie the target set itself; kept for completeness
        ok = False
        trace.add(
            ("cookie.send.domain-match",
            FAIL,
            f"{target.hostname} does not match the cookie's domain",
            "Chrome: EXCLUDE_DOMAIN_MISMATCH.",
            SPEC_RETRIEVAL),
        )

    if c.path_match(target.pathname, cookie.path):
        trace.add(
            ("cookie.send.path-match",
            PASS,
            f"{target.pathname} is within Path={cookie.path}",
            "The request path path-matches the cookie's path.",
            SPEC_PATH_MATCH),
        )
    else:
        ok = False
        trace.add(
            ("cookie.send.path-match",
            FAIL,
            f"{target.pathname} is outside Path={cookie.path}: not sent",
            f"The cookie is only for {cookie.path} and below (Chrome: EXCLUDE_NOT_ON_PATH, DevTools reason "
            "NotOnPath).",
            SPEC_PATH_MATCH),
        )
        run.fix.set(path="/")

    if cookie.secure:
        if c.is_secure_for_cookies(ctx.target_origin):
            trace.add(
                ("cookie.send.secure",
                PASS,
                "Secure cookie over a secure connection",
                f"{ctx.target_origin_text} is https (or localhost, which Chrome treats as secure).",
                SPEC_RETRIEVAL),
            )
        else:
            ok = False
            trace.add(
                ("cookie.send.secure",
                FAIL,
                "Secure cookie is not sent over http",
                "Chrome: EXCLUDE_SECURE_ONLY, DevTools reason SecureOnly.",
                SPEC_RETRIEVAL),
            )
    else:
        trace.add(
            ("cookie.send.secure",
            SKIP,
            "Not Secure: sent over http and https alike",
            "Only Secure cookies are held back from insecure requests.",
            SPEC_RETRIEVAL),
        )

    context = c.samesite_context(via, ctx.page_site, ctx.target_site, ctx.same_site)
    samesite_ok = _send_samesite(run, context)
    ok &= samesite_ok
    if cookie.partitioned:
        ok &= _send_partition(run)
    if samesite_ok:
        _send_third_party(run, context)
    ok &= _send_credentials(run)
    if scenario.redirects:
        trace.add(
            ("cookie.send.redirects",
            INFO,
            "Only the first request, to the target URL, is judged here",
            "Each redirect hop is a new request that gets the cookies of its own URL. Chrome also requires every "
            "URL in the chain to be same-site for Strict/Lax cookies: a cross-site hop makes the rest of the "
            "chain cross-site (Lax for a top-level GET) (WPT cookies/samesite/fetch.https.html redirect cases).",
            SPEC_SAMESITE),
        )
    return ok


def _schemeless_same_site(ctx: Context) -> bool:
    page, target = ctx.page_site, ctx.target_site
    return not page.opaque and not target.opaque and page.domain == target.domain


def _send_samesite(run: _Run, context: str) -> bool:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    samesite = cookie.samesite
    label = f"SameSite={samesite}" if samesite else "SameSite absent (Lax by default in Chrome)"
    why = _site_comparison(ctx)
    allowed = c.samesite_allows(samesite, context)
    detail = f"{why} The request's context is {_CONTEXT_TEXT[context]}."
    if samesite == "None":
        trace.add(("cookie.send.samesite", PASS, f"{label}: sent in every context", detail, SPEC_SAMESITE))
        return True
    if allowed:
        summary = f"{label}: sent ({'same-site request' if context == c.STRICT_CONTEXT else 'top-level GET navigation'})"
        if context == c.LAX_CONTEXT:
            detail += (
                " Lax cookies ride along when the user follows a link to the site, which keeps them logged in "
                "(WPT cookies/samesite/form-get-blank.https.html, window-open.https.html)."
            )
        trace.add(("cookie.send.samesite", PASS, summary, detail, SPEC_SAMESITE))
        return True
    reason = _SAMESITE_REASON[samesite]
    if _schemeless_same_site(ctx):
        reason = "Schemeful" + reason
        detail += (
            " Both are on the registrable domain "
            + ctx.page_site.domain
            + ", but http and https are different "
            "sites since Chrome 89 (schemeful same-site; WPT cookies/schemeful-same-site)."
        )
    detail += f" Chrome leaves the cookie out (DevTools reason {reason})."
    if context == c.LAX_UNSAFE_CONTEXT and samesite == "":
        detail += (
            " Chrome's 'Lax-allowing-unsafe' exception would still send an unspecified-SameSite cookie on a "
            "top-level cross-site POST if the cookie is at most 2 minutes old (DevTools issue "
            "SameSiteUnspecifiedLaxAllowUnsafeRead); the cookie's age is unknown here, so the verdict does "
            "not apply it."
        )
    if samesite == "":
        detail += (
            " Firefox and Safari treat an absent SameSite as None and would send it, subject to their "
            "third-party cookie rules."
        )
    trace.add(
        ("cookie.send.samesite",
        FAIL,
        f"{label}: not sent on this cross-site request",
        detail,
        SPEC_LAX_UNSAFE if context == c.LAX_UNSAFE_CONTEXT and samesite == "" else SPEC_SAMESITE),
    )
    _samesite_fix(run, context)
    return False


def _site_comparison(ctx: Context) -> str:
    scenario = ctx.scenario
    if scenario.page_sandboxed:
        return (
            "The page is a sandboxed frame without allow-same-origin: its origin is opaque, and an opaque origin "
            "is cross-site with everything, even the URL it was loaded from (WPT "
            "cookies/samesite/sandbox-iframe-subresource.https.html)."
        )
    if ctx.page_origin.opaque:
        return f"The page's URL ({scenario.page.scheme}:) has an opaque origin, which is cross-site with everything."
    page, target = ctx.page_site.serialize(), ctx.target_site.serialize()
    if ctx.same_site:
        return f"Page site {page} = target site {target} (scheme + registrable domain)."
    return f"Page site {page} ≠ target site {target} (sites compare scheme + registrable domain)."


def _samesite_fix(run: _Run, context: str) -> None:
    ctx, cookie = run.ctx, run.cookie
    if ctx.scenario.page_sandboxed:
        run.other_fixes.append(_ALLOW_SAME_ORIGIN)
    if _schemeless_same_site(ctx) and ctx.page_origin.scheme != ctx.target_origin.scheme:
        run.fixes.append(_serve_https("the page", ctx.scenario.page.href))
        return
    if context == c.LAX_CONTEXT and cookie.samesite == "Strict":
        run.fix.set(samesite="Lax")  # Lax is what keeps users logged in when they arrive from a link
        return
    if context == c.LAX_UNSAFE_CONTEXT:
        # Making a cross-site POST carry the session cookie is exactly what CSRF needs: no header fix.
        run.other_fixes.append(
            "If this cross-site POST is legitimate (a payment provider or identity provider posting back), do not "
            "depend on the session cookie on that endpoint: carry a signed one-time token in the form, then redirect "
            "(303) to a GET page, which a top-level navigation reaches with Lax cookies. SameSite=None would make it "
            "work but re-opens CSRF on that endpoint."
        )
        return
    run.fix.set(samesite="None", secure=True)
    run.other_fixes.append(_CSRF_AFTER_NONE)
    if not c.is_secure_for_cookies(ctx.target_origin):
        run.fixes.append(_serve_https(ctx.scenario.target.hostname, ctx.scenario.target.href))
    if context == c.CROSS_SITE_CONTEXT and not ctx.page_origin.opaque:
        page_site = ctx.page_site.domain
        run.other_fixes.append(
            f"Or serve the endpoint from the page's own site (e.g. api.{page_site}) so the cookie "
            "is first-party and SameSite=Lax keeps working in every browser."
        )


def _send_partition(run: _Run) -> bool:
    ctx, trace = run.ctx, run.trace
    top_level = _top_level_site(ctx, run.cookie.via)
    partition = ctx.target_site.serialize()
    if same_site(top_level, ctx.target_site):
        trace.add(
            ("cookie.send.partition",
            PASS,
            f"Partition {partition} matches the top-level site",
            f"The cookie lives in the {partition} partition (where it was set), and this request runs under the "
            f"top-level site {top_level.serialize()}.",
            SPEC_CHIPS),
        )
        return True
    trace.add(
        ("cookie.send.partition",
        FAIL,
        f"Partition {partition} ≠ top-level site {top_level.serialize()}: not sent",
        f"A Partitioned cookie set first-party on {partition} is only sent under that top-level site. Embedded "
        f"under {top_level.serialize()}, the target sees a different, separate cookie jar: it must set its cookie "
        "again from inside the embed.",
        SPEC_CHIPS),
    )
    run.other_fixes.append(
        f"Set the Partitioned cookie from the embedded context itself (in the response to the "
        f"request made under {top_level.serialize()}), or drop Partitioned for a first-party cookie."
    )
    return False


def _top_level_site(ctx: Context, via: str) -> Site:
    if ctx.scenario.page_sandboxed and via not in c.TOP_LEVEL_VIAS:
        # The sandboxed frame's top-level document is not modelled: assume it is the page URL's site.
        return site_of(ctx.scenario.page.origin)
    return c.partition_key_site(via, ctx.page_site, ctx.target_site)


def _send_third_party(run: _Run, context: str) -> None:
    """Browser policy on top of SameSite: Chrome sends, Safari blocks, Firefox partitions."""
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    if context == c.STRICT_CONTEXT:
        return
    if cookie.via in c.TOP_LEVEL_VIAS:
        trace.add(
            ("cookie.send.third-party",
            INFO,
            "Top-level navigation: first-party at its destination",
            f"After the navigation {ctx.scenario.target.hostname} is the top-level site, so third-party cookie "
            "blocking (Safari, Chrome with the setting on) and partitioning (Firefox) do not apply to it.",
            SPEC_THIRD_PARTY),
        )
        return
    if cookie.partitioned:
        return  # the partition step decided
    page = ctx.page_site.serialize() if not ctx.page_origin.opaque else "the sandboxed page's top-level site"
    trace.add(
        ("cookie.send.third-party",
        PASS,
        "Chrome sends third-party cookies by default (user-controllable)",
        f"This is a third-party (cross-site) request under {page}. Chrome kept third-party cookies enabled by "
        "default (users can block them in Settings > Privacy and security; Incognito blocks them), so it is "
        "sent. Safari blocks all third-party cookies (ITP): not sent. Firefox's Total Cookie Protection "
        f"partitions them by top-level site: the cookie {ctx.scenario.target.hostname} set first-party is not in "
        f"the {page} partition, so Firefox does not send it either.",
        SPEC_THIRD_PARTY),
    )
    run.warnings.append(
        "This design relies on third-party cookies: Safari blocks them and Firefox partitions them, "
        "so the cross-site request goes out without the cookie there (and in Chrome for users who "
        "block third-party cookies). Prefer a same-site endpoint, or a Partitioned cookie set inside "
        "the embed, or the Storage Access API."
    )


def _send_credentials(run: _Run) -> bool:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    request, via = ctx.scenario.request, cookie.via
    mode = c.request_credentials_mode(via, request.credentials, request.crossorigin, request.script_type)
    allowed = c.credentials_allow(mode, ctx.same_origin)
    target = ctx.scenario.target.href
    where = _request_words(via, request)
    if allowed:
        detail = f"{where} uses credentials mode '{mode}'"
        detail += (
            ", so cookies are attached."
            if mode == "include"
            else " and the request is same-origin, so cookies are attached."
        )
        if (
            not ctx.same_origin
            and via in ("fetch", "image", "script")
            and (
                (via == "fetch" and request.mode == "cors")
                or (via != "fetch" and request.crossorigin == "use-credentials")
            )
        ):
            detail += (
                f" Reading the cross-origin response then needs Access-Control-Allow-Origin: "
                f"{ctx.page_origin_text} (exact, not *) and Access-Control-Allow-Credentials: true: see the "
                f"{via} verdict. A request that needs a CORS preflight sends the OPTIONS without cookies, and the "
                "request with the cookie only if the preflight passes."
            )
        trace.add(
            ("cookie.send.credentials-mode",
            PASS,
            f"Credentials mode '{mode}': cookies attached",
            detail,
            SPEC_CORS_SETTINGS if via in ("image", "script") else SPEC_CREDENTIALS),
        )
        return True
    if mode == "omit":
        detail = f"{where} never attaches cookies."
    else:
        detail = (
            f"{where} uses credentials mode 'same-origin': cookies go only to the page's own origin "
            f"({ctx.page_origin_text}), and {ctx.target_origin_text} is another origin — same-site is not "
            "enough."
        )
    trace.add(
        ("cookie.send.credentials-mode",
        FAIL,
        f"Credentials mode '{mode}': the request carries no cookies",
        detail,
        SPEC_CORS_SETTINGS if via in ("image", "script") else SPEC_CREDENTIALS),
    )
    acao = (
        (
            f" and have {ctx.target_origin_text} answer Access-Control-Allow-Origin: {ctx.page_origin_text} plus "
            "Access-Control-Allow-Credentials: true"
        )
        if not ctx.page_origin.opaque
        else ""
    )
    if via == "fetch":
        run.fixes.append(f"fetch('{target}', {{ credentials: 'include' }}){acao}")
    else:
        run.fixes.append(
            f'<{"img" if via == "image" else "script"} src="{target}" crossorigin="use-credentials">{acao}'
        )
    return False


def _request_words(via: str, request: Request) -> str:
    """How the request is made, in words; only the one text needed is built (hot path)."""
    if via == "fetch":
        return f"fetch() with credentials: '{request.credentials}'"
    if via == "image":
        return f"<img> with {_crossorigin_text(request.crossorigin)}"
    if via == "script":
        module = " type=module" if request.script_type == "module" else ""
        return f"<script{module}> with {_crossorigin_text(request.crossorigin)}"
    return _NAVIGATION_WORDS[via]


_NAVIGATION_WORDS = {
    "iframe": "an <iframe> navigation",
    "navigation": "a top-level navigation",
    "form-post": "a top-level form POST",
}


def _crossorigin_text(value: str) -> str:
    return "no crossorigin attribute" if value == "none" else f'crossorigin="{value}"'


# --- script_read ----------------------------------------------------------------------------


def _read(run: _Run) -> tuple[bool, Console]:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    page = _cookie_url(ctx.scenario.page)
    if ctx.page_origin.opaque or page.scheme not in c.COOKIEABLE_SCHEMES:
        return False, _read_unavailable(run)
    ok = True
    host = page.hostname
    host_matches = c.cookie_matches_host(host, run.domain, run.host_only)
    if host_matches:
        trace.add(
            ("cookie.read.domain-match",
            PASS,
            f"The page's host {host} matches the cookie's domain",
            f"document.cookie shows the cookies of the page's own host; this cookie is for {run.domain}"
            f"{'' if run.host_only else ' and its subdomains'}.",
            SPEC_RETRIEVAL),
        )
    else:
        ok = False
        scope = f"{run.domain} only" if run.host_only else f"{run.domain} and its subdomains"
        trace.add(
            ("cookie.read.domain-match",
            FAIL,
            f"The page's host {host} is not the cookie's host: invisible",
            f"A page reads only cookies of its own host (and parent domains that chose Domain=). This cookie "
            f"belongs to {scope}. Cookies are scoped by host, not shared across sites.",
            SPEC_RETRIEVAL),
        )
        if not cookie.httponly:  # HttpOnly hides it anyway: no point widening the domain
            _read_domain_fix(run, host)
    if c.path_match(page.pathname, cookie.path):
        trace.add(
            ("cookie.read.path-match",
            PASS,
            f"The page's path {page.pathname} is within Path={cookie.path}",
            "document.cookie uses the document's URL path.",
            SPEC_PATH_MATCH),
        )
    else:
        ok = False
        trace.add(
            ("cookie.read.path-match",
            FAIL,
            f"The page's path {page.pathname} is outside Path={cookie.path}",
            "document.cookie only lists cookies whose path path-matches the document's URL.",
            SPEC_PATH_MATCH),
        )
        run.fix.set(path="/")
    if cookie.secure:
        if c.is_secure_for_cookies(ctx.page_origin):
            trace.add(
                ("cookie.read.secure",
                PASS,
                "Secure cookie on a secure page",
                "Secure cookies are visible to script on https pages (and on http://localhost in Chrome).",
                SPEC_RETRIEVAL),
            )
        else:
            ok = False
            trace.add(
                ("cookie.read.secure",
                FAIL,
                "Secure cookie hidden from an http page",
                "A non-secure document never sees Secure cookies in document.cookie.",
                SPEC_RETRIEVAL),
            )
            run.fixes.append(_serve_https("the page", page.href))
    if cookie.httponly:
        ok = False
        trace.add(
            ("cookie.read.httponly",
            FAIL,
            "HttpOnly: hidden from document.cookie (by design)",
            "HttpOnly cookies go to the server on requests but are never exposed to script, which keeps a "
            "session token out of reach of injected scripts.",
            SPEC_DOCUMENT_COOKIE),
        )
        if host_matches:
            run.other_fixes.append(
                "HttpOnly is what hides it, on purpose: keep it on a session cookie and give the "
                "page what it needs from an endpoint (e.g. GET /session) instead of the cookie."
            )
    else:
        trace.add(
            ("cookie.read.httponly",
            PASS,
            "Not HttpOnly: script may see it",
            "Cookies without HttpOnly are exposed to document.cookie.",
            SPEC_DOCUMENT_COOKIE),
        )
    trace.add(
        ("cookie.read.samesite",
        INFO,
        "The page is the top-level document: SameSite hides nothing here",
        "document.cookie of a top-level document is a same-site context for its own cookies. Inside a cross-site "
        "iframe, Strict, Lax and unspecified cookies would be left out and only SameSite=None shown (WPT "
        "cookies/samesite/iframe.https.html, cookie-helper.sub.js verifyDocumentCookie*).",
        SPEC_SAMESITE),
    )
    if cookie.partitioned:
        if same_site(ctx.page_site, ctx.target_site):
            trace.add(
                ("cookie.read.partition",
                PASS,
                "The page's top-level site is the cookie's partition",
                f"Partition {ctx.target_site.serialize()}.",
                SPEC_CHIPS),
            )
        else:
            ok = False
            trace.add(
                ("cookie.read.partition",
                FAIL,
                "The cookie's partition is another top-level site",
                f"Partition {ctx.target_site.serialize()}; the page is top-level on {ctx.page_site.serialize()}.",
                SPEC_CHIPS),
            )
    return ok, NO_CONSOLE


def _cookie_url(page: Url) -> Url:
    """The URL document.cookie works with: a blob: document uses the URL it was created under (WPT fact 17)."""
    if page.scheme == "blob" and not page.origin.opaque:
        return parse_url(page.pathname, field_path="page")
    return page


def _document_cookie_console(ctx: Context) -> Console:
    """Chrome's SecurityError when a document without cookies of its own touches document.cookie."""
    if ctx.scenario.page_sandboxed:
        return Console(
            chrome=_READ_SECURITY_ERROR + "The document is sandboxed and lacks the 'allow-same-origin' flag."
        )
    if ctx.scenario.page.scheme == "data":
        return Console(chrome=_READ_SECURITY_ERROR + "Cookies are disabled inside 'data:' URLs.")
    return NO_CONSOLE


def _read_unavailable(run: _Run) -> Console:
    ctx = run.ctx
    page = ctx.scenario.page
    if ctx.scenario.page_sandboxed:
        run.trace.add(
            ("cookie.read.document",
            FAIL,
            "A sandboxed page cannot use document.cookie: SecurityError",
            "A document with an opaque origin has no cookies of its own: reading document.cookie throws a "
            "SecurityError DOMException.",
            "HTML § Sandboxing"),
        )
        run.other_fixes.append(_ALLOW_SAME_ORIGIN)
    elif page.scheme == "data":
        run.trace.add(
            ("cookie.read.document",
            FAIL,
            "A data: URL document has no cookies: SecurityError",
            "Reading document.cookie in a data: document throws a SecurityError.",
            SPEC_DOCUMENT_COOKIE),
        )
    else:
        run.trace.add(
            ("cookie.read.document",
            FAIL,
            f"A {page.scheme}: page has no cookie jar of its own",
            "document.cookie only reflects cookies of http(s) documents (a file: or opaque-origin page sees "
            "none).",
            SPEC_DOCUMENT_COOKIE),
        )
    return _document_cookie_console(ctx)


def _read_domain_fix(run: _Run, page_host: str) -> None:
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


# --- warnings -------------------------------------------------------------------------------


def _warn(run: _Run, sent: bool) -> None:
    ctx, cookie, warnings = run.ctx, run.cookie, run.warnings
    if cookie.samesite == "None":
        warnings.insert(
            0,
            "SameSite=None: the browser attaches this cookie to requests from any site, including a "
            "cross-site form POST or fetch. If it is a session cookie, every endpoint it authenticates "
            "is exposed to CSRF: require a CSRF token, or check Origin / Sec-Fetch-Site on "
            "state-changing requests.",
        )
    if not cookie.httponly:
        warnings.append(
            f"Not HttpOnly: any script running on pages of {ctx.scenario.target.hostname} (including an "
            "injected one, via XSS) can read it from document.cookie. A session cookie should be HttpOnly."
        )
    if cookie.domain and not run.host_only:
        warnings.append(
            f"Domain={cookie.domain} shares the cookie with every subdomain of {cookie.domain}; any of "
            "them (say, one taken over) can read and overwrite it. Prefer a host-only __Host- cookie."
        )
    if sent and not ctx.same_origin and cookie.via in ("fetch", "form-post"):
        warnings.append(
            "CORS does not stop this request: it reaches the server with the cookie, and the server acts "
            "on it, before the browser checks Access-Control-Allow-Origin. CORS only decides whether "
            "script may read the response; protecting state-changing endpoints from cross-site requests "
            "(CSRF) is the job of SameSite, CSRF tokens and Origin / Sec-Fetch-Site checks."
        )


def _serve_https(what: str, href: str) -> str:
    url = "https:" + href[len("http:") :] if href.startswith("http:") else href
    return f"Serve {what} over https: {url}"
