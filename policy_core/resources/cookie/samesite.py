"""SameSite, partitions and third-party cookies: the site-based gates of a request's cookies.

RFC 6265bis § 5.2 (the request's same-site context, schemeful), CHIPS (Partitioned cookies), and
the browsers' third-party cookie policy, which sits outside the RFC.
"""

from __future__ import annotations

from ... import cookies as c
from ... import specs
from ...context import Context
from ...messages import Failure
from ...messages.cookies import THIRD_PARTY_BLOCKED, devtools_reason
from ...sites import Site, same_site, site_of
from .advice import ALLOW_SAME_ORIGIN, CSRF_AFTER_NONE, serve_https
from .run import CookieRun

_CONTEXT_TEXT = {
    c.STRICT_CONTEXT: "same-site: Strict, Lax, None and unspecified cookies may all be sent",
    c.LAX_CONTEXT: "cross-site top-level navigation with a safe method: Lax and None cookies may be sent, Strict may not",
    c.LAX_UNSAFE_CONTEXT: "cross-site top-level navigation with an unsafe method (POST): only None cookies may be sent",
    c.CROSS_SITE_CONTEXT: "cross-site subresource or frame: only SameSite=None cookies may be sent",
}


# The failure a SameSite value is left out with (Chrome's exclusion reasons).
_SAMESITE_FAILURE = {
    "Strict": Failure.COOKIE_SAMESITE_STRICT,
    "Lax": Failure.COOKIE_SAMESITE_LAX,
    "": Failure.COOKIE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX,
}


def _schemeless_same_site(ctx: Context) -> bool:
    page, target = ctx.page_site, ctx.target_site
    return not page.opaque and not target.opaque and page.domain == target.domain


def send_samesite(run: CookieRun, context: str) -> bool:
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    samesite = cookie.samesite
    label = f"SameSite={samesite}" if samesite else "SameSite absent (Lax by default in Chrome)"
    why = _site_comparison(ctx)
    allowed = c.samesite_allows(samesite, context)
    detail = f"{why} The request's context is {_CONTEXT_TEXT[context]}."
    if samesite == "None":
        trace.passed("cookie.send.samesite", f"{label}: sent in every context", detail, specs.COOKIE_SAME_SITE)
        return True
    if allowed:
        summary = f"{label}: sent ({'same-site request' if context == c.STRICT_CONTEXT else 'top-level GET navigation'})"
        if context == c.LAX_CONTEXT:
            detail += (
                " Lax cookies ride along when the user follows a link to the site, which keeps them logged in "
                "(WPT cookies/samesite/form-get-blank.https.html, window-open.https.html)."
            )
        trace.passed("cookie.send.samesite", summary, detail, specs.COOKIE_SAME_SITE)
        return True
    age = cookie.age_seconds
    if c.lax_allowing_unsafe(samesite, context, age):
        trace.passed(
            "cookie.send.samesite",
            f"{label}, set {age} s ago: sent (Chrome's two-minute Lax-allowing-unsafe exception)",
            f"{detail} RFC 6265bis makes an absent SameSite Lax by default, which keeps a cookie off a "
            "cross-site POST, and lets a browser relax that for new cookies (Lax-allowing-unsafe). Chrome "
            f"does: a cookie without SameSite at most {c.LAX_ALLOWING_UNSAFE_MAX_AGE} s old is still sent on a "
            f"top-level cross-site POST, and this one is {age} s old (cookie.age_seconds). Two minutes later "
            "the same POST goes out without it. Firefox and Safari send it anyway: they treat an absent "
            "SameSite as None.",
            specs.COOKIE_LAX_ALLOWING_UNSAFE,
        )
        run.warnings.append(
            "This works only while the cookie is fresh: Chrome's exception for cookies without SameSite "
            f"ends {c.LAX_ALLOWING_UNSAFE_MAX_AGE} s after Set-Cookie, so a real user's older session cookie is "
            "not sent on this cross-site POST."
        )
        return True
    schemeful = _schemeless_same_site(ctx)  # same registrable domain: only the scheme differs
    reason = devtools_reason(_SAMESITE_FAILURE[samesite], schemeful=schemeful)
    if schemeful:
        detail += (
            " Both are on the registrable domain "
            + ctx.page_site.domain
            + ", but http and https are different "
            "sites since Chrome 89 (schemeful same-site; WPT cookies/schemeful-same-site). Firefox 153 "
            "compares sites without the scheme (network.cookie.sameSite.schemeful is false)."
        )
    detail += f" Chrome leaves the cookie out (DevTools reason {reason})."
    if context == c.LAX_UNSAFE_CONTEXT and samesite == "":
        age_text = (
            "the scenario gives no cookie.age_seconds, so the age is unknown and the verdict takes an old cookie "
            "(set at login, as a real session cookie usually is)"
            if age is None
            else f"this one is {age} s old (cookie.age_seconds)"
        )
        detail += (
            " RFC 6265bis makes an absent SameSite Lax by default. Chrome's 'Lax-allowing-unsafe' exception "
            "still sends such a cookie on a top-level cross-site POST while it is at most 2 minutes "
            f"({c.LAX_ALLOWING_UNSAFE_MAX_AGE} s) old; {age_text}, so the exception does not apply."
        )
    if samesite == "":
        detail += (
            " Firefox and Safari treat an absent SameSite as None and would send it, subject to their "
            "third-party cookie rules."
        )
    trace.failed(
        "cookie.send.samesite",
        f"{label}: not sent on this cross-site request",
        detail,
        specs.COOKIE_LAX_ALLOWING_UNSAFE if context == c.LAX_UNSAFE_CONTEXT and samesite == "" else specs.COOKIE_SAME_SITE,
    )
    _samesite_fix(run, context)
    return False


def firefox_context(run: CookieRun) -> str:
    """The request's SameSite context as Firefox 153 computes it: sites compared without the scheme."""
    ctx = run.ctx
    return c.samesite_context(run.cookie.via, ctx.page_site, ctx.target_site, ctx.same_site or _schemeless_same_site(ctx))


def firefox_samesite(run: CookieRun, context: str, chrome_allowed: bool) -> tuple[bool, str]:
    """Firefox 153's SameSite decision, and why it differs from Chrome's ("" when it does not).

    Firefox only ever sends more: no Lax by default, and no scheme in its same-site test.
    """
    ctx, samesite = run.ctx, run.cookie.samesite
    firefox = firefox_context(run)
    allowed = c.firefox_samesite_allows(samesite, firefox)
    if allowed == chrome_allowed:
        return allowed, ""
    if c.firefox_samesite_allows(samesite, context):  # in Chrome's own context too: only the default differs
        return allowed, (
            "Firefox 153 treats a cookie without SameSite as SameSite=None (network.cookie.sameSite.laxByDefault "
            "is false), so it sends it on this cross-site request."
        )
    return allowed, (
        "Firefox 153 compares sites without the scheme (network.cookie.sameSite.schemeful is false): "
        f"{ctx.page_origin_text} and {ctx.target_origin_text} share the registrable domain {ctx.page_site.domain}, "
        f"so the request is same-site there and the SameSite={samesite or 'Lax'} cookie is sent."
    )


def firefox_first_party(run: CookieRun) -> str:
    """Why Firefox sends a cookie Chrome's third-party setting withholds: its first-party test has no scheme."""
    ctx = run.ctx
    return (
        "Firefox 153 judges first-party without the scheme: "
        f"{ctx.page_origin_text} and {ctx.target_origin_text} share the registrable domain {ctx.page_site.domain}, "
        "so blocking third-party cookies (network.cookie.cookieBehavior 1) does not touch this request."
    )


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


def _samesite_fix(run: CookieRun, context: str) -> None:
    ctx, cookie = run.ctx, run.cookie
    if ctx.scenario.page_sandboxed:
        run.other_fixes.append(ALLOW_SAME_ORIGIN)
    if _schemeless_same_site(ctx) and ctx.page_origin.scheme != ctx.target_origin.scheme:
        run.fixes.append(serve_https("the page", ctx.scenario.page.href))
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
    run.other_fixes.append(CSRF_AFTER_NONE)
    if not c.is_secure_for_cookies(ctx.target_origin):
        run.fixes.append(serve_https(ctx.scenario.target.hostname, ctx.scenario.target.href))
    if context == c.CROSS_SITE_CONTEXT and not ctx.page_origin.opaque:
        page_site = ctx.page_site.domain
        run.other_fixes.append(
            f"Or serve the endpoint from the page's own site (e.g. api.{page_site}) so the cookie "
            "is first-party and SameSite=Lax keeps working in every browser."
        )


def send_partition(run: CookieRun) -> bool:
    ctx, trace = run.ctx, run.trace
    top_level = _top_level_site(ctx, run.cookie.via)
    partition = ctx.target_site.serialize()
    if same_site(top_level, ctx.target_site):
        trace.passed(
            "cookie.send.partition",
            f"Partition {partition} matches the top-level site",
            f"The cookie lives in the {partition} partition (where it was set), and this request runs under the "
            f"top-level site {top_level.serialize()}.",
            specs.COOKIE_PARTITIONED,
        )
        return True
    trace.failed(
        "cookie.send.partition",
        f"Partition {partition} ≠ top-level site {top_level.serialize()}: not sent",
        f"A Partitioned cookie set first-party on {partition} is only sent under that top-level site. Embedded "
        f"under {top_level.serialize()}, the target sees a different, separate cookie jar: it must set its cookie "
        "again from inside the embed.",
        specs.COOKIE_PARTITIONED,
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


def send_third_party(run: CookieRun, context: str) -> bool:
    """Browser policy on top of SameSite: the scenario's third-party cookie setting (Chrome's default: allowed)."""
    ctx, cookie, trace = run.ctx, run.cookie, run.trace
    setting = ctx.scenario.third_party_cookies
    if context == c.STRICT_CONTEXT:
        return True
    if cookie.via in c.TOP_LEVEL_VIAS:
        trace.info(
            "cookie.send.third-party",
            "Top-level navigation: first-party at its destination",
            f"After the navigation {ctx.scenario.target.hostname} is the top-level site, so third-party cookie "
            "blocking (Safari, Chrome and Firefox with the setting on) and partitioning (Firefox) do not apply to it.",
            specs.THIRD_PARTY_COOKIES,
        )
        return True
    if cookie.partitioned:
        return True  # the partition step decided
    page = ctx.page_site.serialize() if not ctx.page_origin.opaque else "the sandboxed page's top-level site"
    defaults = (
        "Each browser ships its own default: Chrome allows third-party cookies in a normal window (Incognito "
        "blocks them), while Debian's Chromium 156 blocks them in a fresh profile (measured with the harness); Firefox's Total "
        "Cookie Protection (state partitioning, network.cookie.cookieBehavior 5) keeps a separate jar per "
        f"top-level site, so the cookie {ctx.scenario.target.hostname} set first-party is not in the {page} jar; "
        "Safari blocks them all (Intelligent Tracking Prevention)."
    )
    if not c.third_party_blocked(setting, cookie.via, context):
        trace.passed(
            "cookie.send.third-party",
            "Third-party cookies allowed (the browser's setting; Chrome's default): sent",
            f"This is a third-party (cross-site) request under {page}. The scenario's setting is "
            "third_party_cookies = \"allowed\", so it is sent. " + defaults,
            specs.THIRD_PARTY_COOKIES,
        )
        run.warnings.append(
            "This design relies on third-party cookies: Safari blocks them and Firefox partitions them by "
            "default, so the cross-site request goes out without the cookie there (and in Chrome for users who "
            "block third-party cookies, and in Incognito). Prefer a same-site endpoint, or a Partitioned cookie "
            "set inside the embed, or the Storage Access API."
        )
        return True
    trace.failed(
        "cookie.send.third-party",
        "Third-party cookies blocked (the browser's setting): not sent",
        f"This is a third-party (cross-site) request under {page}, and the scenario's setting is "
        "third_party_cookies = \"blocked\" (Chrome: Settings > Privacy and security > Third-party cookies, or "
        f"Incognito; Firefox: network.cookie.cookieBehavior 1). Chrome: {THIRD_PARTY_BLOCKED.names()}. "
        + defaults,
        specs.THIRD_PARTY_COOKIES,
    )
    run.other_fixes.append(
        "Do not depend on a third-party cookie: serve the endpoint from the page's own site, or set a "
        "Partitioned cookie from inside the embed (CHIPS), or ask for it with the Storage Access API "
        "(document.requestStorageAccess())."
    )
    return False
