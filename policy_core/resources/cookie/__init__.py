"""``cookie``: is the cookie stored, sent on the page's request, and readable from document.cookie?

RFC 6265bis as Chrome ships it: the target's host sets the cookie in a first-party response
(``store``), then the page makes the ``via`` request to the target URL (``send``, ``samesite``),
then the page's script reads ``document.cookie`` (``read``); ``advice`` warns about the design.
The rules live in policy_core/cookies.py; these modules explain them. Browsers attach cookies by
*site* and host, not by origin: a cookie is not the same-origin policy's business, which is why
CORS and SameSite are separate gates.
"""

from __future__ import annotations

from ... import cookies as c
from ... import messages, specs
from ...context import Context
from ...messages import FIREFOX
from ...messages.cookies import COOKIE_ISSUES, FIREFOX_REJECTIONS
from ...mixed_content import is_mixed_content
from ...report import FAIL, NO_CONSOLE, BrowserDifference, Console, DevtoolsIssue, Verdict, unique
from ...scenario import Cookie
from .advice import DEVTOOLS_WHERE, warn
from .read import document_cookie_console, read
from .run import CookieRun, canonical_line
from .send import send
from .store import store
from .via import via_request

DEFAULT_COOKIE = Cookie()

_VIA_TEXT = {
    "fetch": "a fetch() from the page",
    "image": "an <img> on the page",
    "script": "a <script src> on the page",
    "iframe": "an <iframe> on the page (a nested navigation, not top-level)",
    "navigation": "a top-level navigation from the page (link, location.href, GET form)",
    "form-post": "a top-level form POST from the page",
}


def evaluate(ctx: Context) -> Verdict:
    cookie = ctx.scenario.cookie or DEFAULT_COOKIE
    run = CookieRun(ctx, cookie)
    trace = run.trace
    _describe(run)
    stored = store(run)
    if stored:
        sent = send(run)
        readable = read(run)
        warn(run, sent=sent)
    else:
        sent = readable = False
        trace.skipped(
            "cookie.send.stored",
            "Not stored, so never sent",
            "A rejected Set-Cookie leaves nothing in the cookie store: no request carries it.",
            specs.COOKIE_STORAGE,
        )
        trace.skipped(
            "cookie.read.stored",
            "Not stored, so document.cookie cannot show it",
            "document.cookie lists only stored cookies.",
            specs.HTML_DOCUMENT_COOKIE,
        )
    if not (stored and sent):
        trace.info(
            "cookie.devtools",
            "Where Chrome reports it: DevTools, not the console",
            DEVTOOLS_WHERE,
            specs.CHROME_DEVTOOLS,
        )
    # The corrected Set-Cookie line first, then the other fixes in the order the rules found them.
    fixes = [run.fix.line()] if run.fix.changed else []
    via_console, via_issues = via_request(ctx, cookie.via)
    return Verdict(
        resource="cookie",
        can=(("stored", stored), ("sent", sent), ("script_read", readable)),
        trace=trace.steps(),
        # document.cookie throws in a sandboxed or data: page, whatever the cookie; then the via
        # request prints what it prints as a fetch, image, script or frame.
        console=_rejection_console(run).then(document_cookie_console(ctx)).then(via_console),
        devtools=(*via_issues, *_cookie_issues(run, stored=stored, sent=sent)),
        fixes=unique([*fixes, *run.fixes, *run.other_fixes]),
        warnings=tuple(run.warnings),
        elsewhere=_elsewhere(run, stored),
    )


def _elsewhere(run: CookieRun, stored: bool) -> tuple[BrowserDifference, ...]:
    """Firefox's send decision where it differs from Chrome's (its SameSite rules; found with the harness)."""
    if not stored or run.firefox is None:
        return ()
    sent, why = run.firefox
    return (BrowserDifference(browser="firefox", can=(("sent", sent),), why=why),)


# Requests an https page may not make to http in Chrome (mixed content): no request, no cookie issue.
_MIXED_BLOCKED = frozenset({"fetch", "script", "iframe"})


def _cookie_issues(run: CookieRun, *, stored: bool, sent: bool) -> tuple[DevtoolsIssue, ...]:
    """Chrome's CookieIssues: one for a rejected SameSite=None cookie without Secure, and on the via
    request one for a cookie left out only by Lax-by-default, sent only by the two-minute exception,
    or sent as a third-party SameSite=None cookie (Chromium 156 over the browser suite)."""
    ctx, cookie = run.ctx, run.cookie
    failed = {step.id for step in run.trace if step.result == FAIL}
    reasons = []
    if "cookie.store.samesite-none" in failed:
        reasons.append("ExcludeSameSiteNoneInsecure,WarnSameSiteNoneInsecure")
    context = c.samesite_context(cookie.via, ctx.page_site, ctx.target_site, ctx.same_site)
    requested = not (cookie.via in _MIXED_BLOCKED and is_mixed_content(ctx.scenario.page, ctx.scenario.target))
    if stored and requested:
        send_failed = {step for step in failed if step.split(".")[1] == "send"}  # cookie.send.*
        if cookie.samesite == "" and send_failed == {"cookie.send.samesite"}:
            reasons.append("ExcludeSameSiteUnspecifiedTreatedAsLax,WarnSameSiteUnspecifiedCrossSiteContext")
        elif sent and c.lax_allowing_unsafe(cookie.samesite, context, cookie.age_seconds):
            reasons.append("WarnSameSiteUnspecifiedLaxAllowUnsafe")
        elif (
            sent
            and cookie.samesite == "None"
            and not cookie.partitioned
            and context != c.STRICT_CONTEXT
            and cookie.via not in c.TOP_LEVEL_VIAS
        ):
            reasons.append("WarnThirdPartyPhaseout")
    return tuple(
        DevtoolsIssue(code="CookieIssue", reason=reason, text=f"{COOKIE_ISSUES[reason][1]} ({cookie.name or 'nameless'})")
        for reason in reasons
    )


def _rejection_console(run: CookieRun) -> Console:
    """Firefox logs the first reason it refused the Set-Cookie line (as the target's response arrives)."""
    for step in run.trace:
        failure = FIREFOX_REJECTIONS.get(step.id)
        if failure is not None and step.result == FAIL:
            return Console(firefox=messages.render(failure, FIREFOX, name=run.cookie.name))
    return NO_CONSOLE


def _describe(run: CookieRun) -> None:
    """The cookie being evaluated: its Set-Cookie line (or the default cookie) and the request that carries it."""
    cookie, scenario = run.cookie, run.ctx.scenario
    host = scenario.target.hostname or scenario.target.href
    via = _VIA_TEXT[cookie.via]
    if scenario.cookie is None:
        line = canonical_line(cookie)
        run.trace.info(
            "cookie.source",
            f"No cookie given: evaluating the default cookie ({line.removeprefix('Set-Cookie: ')})",
            f"The scenario names no cookie, so this is the default: {line}, set by {host} in a response "
            f"to {scenario.target.href}, then carried by {via}.",
            specs.COOKIE_SET_COOKIE,
        )
        return
    # A cookie given as a table is shown as the canonical line; one given as a line, as written.
    given = f"Set-Cookie: {cookie.set_cookie}" if cookie.set_cookie is not None else canonical_line(cookie)
    detail = (
        f"{host} answers a first-party request to {scenario.target.href} with {given}. The page then makes "
        f"{via} to that URL."
    )
    if cookie.notes:
        detail += " While parsing the line the browser " + "; ".join(cookie.notes) + "."
    run.trace.info(
        "cookie.source",
        f"{host} sets {cookie.name or '(nameless)'}={cookie.value}",
        detail,
        specs.COOKIE_SET_COOKIE,
    )
