"""``iframe``: may the page show the target in an ``<iframe>``, and may its script reach into it?

Embedding is the framed document's decision (``embedding``: CSP ``frame-ancestors``, else
``X-Frame-Options``). Script access is the same-origin policy's decision (HTML § Cross-origin
objects): only a same-origin frame's document is reachable; the comparison and its messages are
the dom verdict's.
"""

from __future__ import annotations

from dataclasses import replace

from ... import specs
from ...console import chrome_load_line, with_line, with_line_before
from ...context import Context
from ...messages import FIREFOX, Failure, render
from ...mixed_content import chrome_blocked_message, is_mixed_content
from ...report import NO_CONSOLE, Console, Trace, Verdict, mixed_content_issue
from ..dom import REACHABLE_CROSS_ORIGIN_TEXT, cross_origin_access_console, origin_comparison, postmessage_fix
from .embedding import Framing, check_framing

_REACHABLE_DETAIL = (
    "A cross-origin WindowProxy exposes only: " + REACHABLE_CROSS_ORIGIN_TEXT
    + ". postMessage is the sanctioned channel between the page and the frame."
)


def evaluate(ctx: Context) -> Verdict:
    trace = Trace()
    scenario = ctx.scenario
    framed_ctx = _final_context(ctx, trace)
    final = framed_ctx.scenario.target

    # Every URL the frame loads: the target, then each redirect's location.
    for url in (scenario.target, *[r.location for r in scenario.redirects]):
        if is_mixed_content(scenario.page, url):
            trace.failed(
                "iframe.mixed-content",
                "http frame on an https page: blocked as mixed content",
                "Frames are blockable mixed content: an https page may not load a document over plain "
                "http into a frame.",
                specs.MIXED_CONTENT,
            )
            https = "https:" + url.href[len("http:") :]
            blocked = chrome_blocked_message(scenario.page, url, "frame")
            verdict = _blocked(trace, Framing(
                embed=False,
                console=Console(chrome=blocked, firefox=render(Failure.MIXED_CONTENT, FIREFOX, url=url.href)),
                fixes=(f"Frame the https URL instead: {https}",),
            ))
            return replace(verdict, devtools=(mixed_content_issue("MixedContentBlocked", blocked),))

    if not final.is_http:
        trace.skipped(
            "iframe.framing",
            f"A {final.scheme}: document has no response headers to refuse framing",
            "X-Frame-Options and CSP frame-ancestors come from an HTTP response.",
            specs.HTML_XFO,
        )
        framing = Framing(embed=True)
    elif scenario.response.status in (204, 205):
        trace.failed(
            "iframe.no-content",
            f"A {scenario.response.status} response has nothing to show",
            "A navigation answered with 204 No Content or 205 Reset Content is abandoned: the frame keeps its "
            "initial empty document, and framing headers are not even checked.",
            specs.HTML_NO_CONTENT,
        )
        return _blocked(trace, Framing(embed=False))
    else:
        framing = check_framing(framed_ctx, trace)

    # Chromium 156 prints, in this order: report-only frame-ancestors violations, the document's error
    # status (with no reason phrase when it refused to show it), then the X-Frame-Options / CSP lines.
    status = scenario.response.status if final.is_http else None
    # Firefox prints its framing lines, then the report-only ones.
    line = chrome_load_line(status=status, phrase=framing.embed)
    first = with_line(framing.report_only.chrome, line)
    framing = replace(framing, console=replace(
        framing.console,
        chrome=with_line_before(framing.console.chrome, first),
        firefox=with_line(framing.console.firefox, framing.report_only.firefox),
    ))
    if not framing.embed:
        return _blocked(trace, framing)
    trace.passed(
        "iframe.embed",
        "The frame shows the target document",
        "Loading and rendering another origin's document in a frame needs no permission from the page's "
        "side; only the framed document can refuse.",
        specs.HTML_NAVIGATE,
    )
    return _script_access(framed_ctx, trace, framing)


def _final_context(ctx: Context, trace: Trace) -> Context:
    """The frame holds the document of the last URL in the redirect chain: compare against that."""
    redirects = ctx.scenario.redirects
    if not redirects:
        return ctx
    final = redirects[-1].location
    trace.info(
        "iframe.redirects",
        f"The frame follows {len(redirects)} redirect(s) to {final.href}",
        "The document that ends up in the frame is the last response; its headers decide framing, and its "
        "origin is the one script access is compared with.",
        specs.HTML_NAVIGATE,
    )
    return Context.of(replace(ctx.scenario, target=final, target_input=final.href))


def _blocked(trace: Trace, framing: Framing) -> Verdict:
    trace.skipped(
        "iframe.script-access",
        "No target document in the frame to reach",
        "The target never loaded into the frame (Chrome shows an error page there instead).",
        specs.HTML_CROSS_ORIGIN_OBJECTS,
    )
    return Verdict(
        resource="iframe",
        can=(("embed", False), ("script_access", False)),
        trace=trace.steps(),
        console=framing.console,
        fixes=framing.fixes,
        warnings=framing.warnings,
    )


def _script_access(ctx: Context, trace: Trace, framing: Framing) -> Verdict:
    trace.extend(origin_comparison(ctx, "iframe"))
    if ctx.same_origin:
        trace.passed(
            "iframe.script-access",
            "Same origin: iframe.contentWindow.document is reachable",
            "The page's script can read and change the framed document, and the frame's script can reach "
            "the page through window.parent.",
            specs.HTML_CROSS_ORIGIN_OBJECTS,
        )
        return Verdict(
            resource="iframe",
            can=(("embed", True), ("script_access", True)),
            trace=trace.steps(),
            console=framing.console,
            fixes=framing.fixes,
            warnings=framing.warnings,
        )
    trace.failed(
        "iframe.script-access",
        "Cross-origin: iframe.contentWindow.document throws SecurityError",
        "The frame renders, but the page's script cannot read or change its document (nor the frame's "
        "script the page's).",
        specs.HTML_CROSS_ORIGIN_OBJECTS,
    )
    trace.info(
        "iframe.cross-origin-reachable",
        "What stays reachable cross-origin: postMessage, location, frames, close/focus/blur",
        _REACHABLE_DETAIL,
        specs.HTML_CROSS_ORIGIN_OBJECTS,
    )
    # What touching the frame's document prints: the framing message (if any), then the dom verdict's.
    access = cross_origin_access_console(ctx)
    console = framing.console
    if console == NO_CONSOLE:
        console = access
    else:
        console = Console(
            chrome=_both(console.chrome, access.chrome),
            firefox=_both(console.firefox, access.firefox),
            safari=_both(console.safari, access.safari),
        )
    fixes = (
        *framing.fixes,
        postmessage_fix(ctx, lead="Talk to the frame with postMessage", window="iframe.contentWindow",
                        receiver="in the frame"),
    )
    return Verdict(
        resource="iframe",
        can=(("embed", True), ("script_access", False)),
        trace=trace.steps(),
        console=console,
        fixes=fixes,
        warnings=framing.warnings,
    )


def _both(framing: str | None, touching: str | None) -> str | None:
    """The framing message, then the access message, one per line; None when neither is printed."""
    if framing and touching:
        return f"{framing}\n{touching}"
    return framing or touching or None


def load_console(ctx: Context) -> Console:
    """What loading the frame prints, without what touching its document would (a cookie's via iframe)."""
    console = evaluate(ctx).console
    redirects = ctx.scenario.redirects
    framed = Context.of(replace(ctx.scenario, target=redirects[-1].location)) if redirects else ctx
    access = cross_origin_access_console(framed)

    def without(text: str | None, line: str | None) -> str | None:
        kept = [t for t in (text or "").splitlines() if t != line]
        return "\n".join(kept) or None

    return Console(
        chrome=without(console.chrome, access.chrome),
        firefox=without(console.firefox, access.firefox),
        safari=without(console.safari, access.safari),
    )
