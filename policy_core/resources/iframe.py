"""``iframe``: may the page show the target in an ``<iframe>``, and may its script reach into it?

Embedding is the framed document's decision: CSP ``frame-ancestors`` when any enforced policy
has it, otherwise ``X-Frame-Options`` (HTML § The X-Frame-Options header; CSP3 § frame-ancestors;
Chromium ``ancestor_throttle.cc``). Script access is the same-origin policy's decision (HTML §
Cross-origin objects): only a same-origin frame's document is reachable.
"""

from __future__ import annotations

from dataclasses import replace

from ..context import Context
from ..framing import (
    CSP_REPORT_ONLY,
    FrameAncestors,
    frame_ancestors_directives,
    match_frame_ancestors,
    parse_x_frame_options,
)
from ..mixed_content import SPEC_MIXED_CONTENT, chrome_blocked_message, is_mixed_content
from ..report import FAIL, INFO, NO_CONSOLE, PASS, SKIP, Console, Trace, Verdict
from .dom import (
    REACHABLE_CROSS_ORIGIN_TEXT,
    SPEC_CROSS_ORIGIN_OBJECTS,
    cross_origin_access_console,
    explain_origin_comparison,
)

SPEC_XFO = "HTML § The X-Frame-Options header"
SPEC_FRAME_ANCESTORS = "CSP Level 3 § frame-ancestors"
SPEC_NO_CONTENT = "HTML § Populating a session history entry (204 and 205 responses)"
SPEC_NAVIGATE = "HTML § Navigating across documents"

_REACHABLE_DETAIL = (
    "A cross-origin WindowProxy exposes only: " + REACHABLE_CROSS_ORIGIN_TEXT
    + ". postMessage is the sanctioned channel between the page and the frame."
)


def evaluate(ctx: Context) -> Verdict:
    trace = Trace()
    scenario = ctx.scenario
    framed_ctx = _final_context(ctx, trace)
    final = framed_ctx.scenario.target

    # Every URL the frame loads; without redirects (the usual case) just the target, with no generator.
    urls = (scenario.target, *[r.location for r in scenario.redirects]) if scenario.redirects else (scenario.target,)
    for url in urls:
        if is_mixed_content(scenario.page, url):
            trace.add(
                ("iframe.mixed-content",
                FAIL,
                "http frame on an https page: blocked as mixed content",
                "Frames are blockable mixed content: an https page may not load a document over plain "
                "http into a frame.",
                SPEC_MIXED_CONTENT),
            )
            https = "https:" + url.href[len("http:") :]
            return _blocked(
                trace,
                Console(chrome=chrome_blocked_message(scenario.page, url, "frame")),
                (f"Frame the https URL instead: {https}",),
                (),
            )

    if not final.is_http:
        trace.add(
            ("iframe.framing",
            SKIP,
            f"A {final.scheme}: document has no response headers to refuse framing",
            "X-Frame-Options and CSP frame-ancestors come from an HTTP response.",
            SPEC_XFO),
        )
        fixes: tuple[str, ...] = ()
        warnings: tuple[str, ...] = ()
        embed, console = True, NO_CONSOLE
    elif scenario.response.status in (204, 205):
        trace.add(
            ("iframe.no-content",
            FAIL,
            f"A {scenario.response.status} response has nothing to show",
            "A navigation answered with 204 No Content or 205 Reset Content is abandoned: the frame keeps its "
            "initial empty document, and framing headers are not even checked.",
            SPEC_NO_CONTENT),
        )
        return _blocked(trace, NO_CONSOLE, (), ())
    else:
        embed, console, fixes, warnings = _check_framing(framed_ctx, trace)

    if not embed:
        return _blocked(trace, console, fixes, warnings)
    trace.add(
        ("iframe.embed",
        PASS,
        "The frame shows the target document",
        "Loading and rendering another origin's document in a frame needs no permission from the page's "
        "side; only the framed document can refuse.",
        SPEC_NAVIGATE),
    )
    return _script_access(framed_ctx, trace, console, fixes, warnings)


def _final_context(ctx: Context, trace: Trace) -> Context:
    """The frame holds the document of the last URL in the redirect chain: compare against that."""
    redirects = ctx.scenario.redirects
    if not redirects:
        return ctx
    final = redirects[-1].location
    trace.add(
        ("iframe.redirects",
        INFO,
        f"The frame follows {len(redirects)} redirect(s) to {final.href}",
        "The document that ends up in the frame is the last response; its headers decide framing, and its "
        "origin is the one script access is compared with.",
        SPEC_NAVIGATE),
    )
    return Context.of(replace(ctx.scenario, target=final, target_input=final.href))


def _blocked(trace: Trace, console: Console, fixes: tuple[str, ...], warnings: tuple[str, ...]) -> Verdict:
    trace.add(
        ("iframe.script-access",
        SKIP,
        "No target document in the frame to reach",
        "The target never loaded into the frame (Chrome shows an error page there instead).",
        SPEC_CROSS_ORIGIN_OBJECTS),
    )
    return Verdict(resource="iframe", can=(("embed", False), ("script_access", False)), trace=trace.to_steps(), console=console, fixes=fixes, warnings=warnings)


def _origin_url(ctx: Context) -> str:
    # Chrome's framing messages name the framed document's origin, with a trailing slash
    # (browser-rules.md § 2.4: "Strip url to origin in X-Frame-Options violation messages").
    return ctx.target_origin_text + "/"


def _check_framing(ctx: Context, trace: Trace) -> tuple[bool, Console, tuple[str, ...], tuple[str, ...]]:
    headers = ctx.scenario.response.headers
    for directive in frame_ancestors_directives(headers, CSP_REPORT_ONLY):
        trace.add(
            ("iframe.frame-ancestors.report-only",
            INFO,
            f"Report-only frame-ancestors {directive.value} is not enforced",
            "Content-Security-Policy-Report-Only reports violations but blocks nothing, and does not make "
            "the browser skip X-Frame-Options.",
            SPEC_FRAME_ANCESTORS),
        )
    directives = frame_ancestors_directives(headers)
    xfo = parse_x_frame_options(headers)
    if directives:
        return _check_frame_ancestors(ctx, trace, directives, xfo.value != "none")
    trace.add(
        ("iframe.frame-ancestors",
        SKIP,
        "No Content-Security-Policy frame-ancestors directive",
        "Without an enforced frame-ancestors directive, X-Frame-Options decides.",
        SPEC_FRAME_ANCESTORS),
    )
    return _check_x_frame_options(ctx, trace, xfo.value, xfo.raw)


def _check_frame_ancestors(
    ctx: Context, trace: Trace, directives: tuple[FrameAncestors, ...], has_xfo: bool
) -> tuple[bool, Console, tuple[str, ...], tuple[str, ...]]:
    page, framed = ctx.page_origin, ctx.target_origin
    page_text = ctx.page_origin_text
    refusals: list[str] = []
    warnings: list[str] = []
    for directive in directives:
        which = (
            f" (policy {directive.policy_index + 1} of {directive.policy_count}, each enforced on its own)"
            if directive.policy_count > 1
            else ""
        )
        shown = f"frame-ancestors {directive.value}".rstrip()
        match = match_frame_ancestors(directive.sources, page, framed)
        ignored = f" Ignored as meaningless here: {', '.join(match.ignored)}." if match.ignored else ""
        if match.matched is not None:
            trace.add(
                ("iframe.frame-ancestors",
                PASS,
                f"{shown}: {match.matched} matches the page{which}",
                f"The page's origin {page_text} matches the source expression {match.matched}.{ignored}",
                SPEC_FRAME_ANCESTORS),
            )
            if match.matched in ("*", "https:", "http:"):
                warnings.append(
                    f"{shown} lets any {'https ' if match.matched == 'https:' else ''}site frame this "
                    "document: if it has buttons that act (pay, delete, change settings), a hostile "
                    "page can overlay it and trick users into clicking (clickjacking)."
                )
            continue
        if match.is_none:
            summary, detail = (
                f"{shown}: no page may frame it{which}",
                "'none' (or an empty list) matches nothing.",
            )
        else:
            summary = f"{shown}: nothing matches the page's origin {page_text}{which}"
            detail = _why_no_match(directive, ctx)
        trace.add(("iframe.frame-ancestors", FAIL, summary, detail + ignored, SPEC_FRAME_ANCESTORS))
        refusals.append(
            f"Refused to frame '{_origin_url(ctx)}' because an ancestor violates the following "
            f'Content Security Policy directive: "{shown}".'
        )
    if has_xfo:
        trace.add(
            ("iframe.x-frame-options",
            SKIP,
            "X-Frame-Options is ignored: frame-ancestors decides",
            "When an enforced CSP has frame-ancestors, browsers skip X-Frame-Options entirely (Chrome, "
            "Firefox and Safari agree; CSP3 says so).",
            SPEC_FRAME_ANCESTORS),
        )
    if not refusals:
        return True, NO_CONSOLE, (), tuple(warnings)
    fixes: tuple[str, ...]
    if page.opaque:
        fixes = (
            "The page is a sandboxed frame with an opaque origin, which no source expression matches; give "
            "the sandbox allow-same-origin if it is trusted content.",
        )
    else:
        kept = [s for d in directives for s in d.sources if s.lower() != "'none'"]
        sources = " ".join(dict.fromkeys([*kept, page_text]))
        fixes = (
            f"If you own the framed document and trust this page, send: Content-Security-Policy: "
            f"frame-ancestors {sources}",
            "If you don't own it: it refuses to be framed on purpose; link to it or open it in a new window.",
        )
    # Chrome prints one line per violated policy.
    return False, Console(chrome="\n".join(refusals)), fixes, tuple(warnings)


def _why_no_match(directive: FrameAncestors, ctx: Context) -> str:
    if ctx.page_origin.opaque:
        return (
            "The page's origin is opaque (a sandboxed frame): CSP matches the ancestor's serialized origin, "
            "and 'null' matches no source expression."
        )
    lowered = [s.lower() for s in directive.sources]
    notes = [f"The page's origin {ctx.page_origin_text} matches none of: {' '.join(directive.sources)}."]
    if "'self'" in lowered:
        notes.append(
            f"'self' means the framed document's own origin ({ctx.target_origin_text}), not the page's."
        )
    if any(s.startswith("*.") or "://*." in s for s in lowered):
        notes.append("A *.example.com wildcard matches subdomains only, never example.com itself.")
    notes.append(
        "Host sources without a scheme take the framed document's scheme (http also allows https); a "
        "missing port means the default port."
    )
    return " ".join(notes)


_NOT_YOURS_FIX = "If you don't own it: it refuses to be framed on purpose; link to it or open it in a new window."


def _own_xfo_fix(ctx: Context) -> str:
    """The fix for the framed document's owner when X-Frame-Options refuses the page."""
    if ctx.page_origin.opaque:
        return (
            "The page is a sandboxed frame with an opaque origin; only allow-same-origin on its sandbox (for "
            "trusted content) can make it match."
        )
    return (
        f"If you own the framed document and trust this page, replace X-Frame-Options with: "
        f"Content-Security-Policy: frame-ancestors 'self' {ctx.page_origin_text}"
    )


def _check_x_frame_options(
    ctx: Context, trace: Trace, value: str, raw: str
) -> tuple[bool, Console, tuple[str, ...], tuple[str, ...]]:
    # The messages and fixes are only worked out in the branches that print them.
    if value == "none":
        trace.add(
            ("iframe.x-frame-options",
            INFO,
            "No X-Frame-Options: any page may frame it",
            "Neither X-Frame-Options nor frame-ancestors restricts framing, so every site can embed this "
            "document. That is right for a widget meant to be embedded; a page with sensitive buttons "
            "should send frame-ancestors to prevent clickjacking.",
            SPEC_XFO),
        )
        return True, NO_CONSOLE, (), ()
    if value == "allowall":
        trace.add(
            ("iframe.x-frame-options",
            INFO,
            "X-Frame-Options: ALLOWALL allows every page to frame it",
            "ALLOWALL is not in the standard; Chrome recognises it and allows framing, like no header.",
            SPEC_XFO),
        )
        return True, NO_CONSOLE, (), ()
    if value == "invalid":
        trace.add(
            ("iframe.x-frame-options",
            INFO,
            f"X-Frame-Options: {raw!r} is not a recognised value: ignored",
            "Only DENY and SAMEORIGIN (any case) count. ALLOW-FROM was never supported by Chrome or Safari "
            "and Firefox dropped it, so the header protects nothing and the page may frame the document. "
            "Chrome logs a console error.",
            SPEC_XFO),
        )
        console = Console(
            chrome=f"Invalid 'X-Frame-Options' header encountered when loading '{_origin_url(ctx)}': "
            f"'{raw}' is not a recognized directive. The header will be ignored."
        )
        allowed = _allow_from_origin(raw)
        replacement = (
            f"Content-Security-Policy: frame-ancestors {allowed}"
            if allowed
            else "Content-Security-Policy: frame-ancestors 'self' https://trusted.example"
        )
        return (
            True,
            console,
            (),
            (
                f"X-Frame-Options {raw!r} is ignored, so any site can frame this document. To allow only chosen "
                f"sites, send: {replacement}",
            ),
        )
    if value == "conflict":
        trace.add(
            ("iframe.x-frame-options",
            FAIL,
            f"Conflicting X-Frame-Options values ({raw}): treated as DENY",
            "Several different values (across commas or header lines) make the header contradictory; "
            "browsers fall back to the safest reading and refuse every frame.",
            SPEC_XFO),
        )
        console = Console(
            chrome=f"Refused to display '{_origin_url(ctx)}' in a frame because it set multiple "
            f"'X-Frame-Options' headers with conflicting values ('{raw}'). Falling back to 'deny'."
        )
        return (
            False,
            console,
            (
                "Send a single X-Frame-Options line with one value (DENY or SAMEORIGIN), or use "
                "Content-Security-Policy frame-ancestors instead.",
                _own_xfo_fix(ctx),
            ),
            (),
        )
    if value == "deny":
        trace.add(
            ("iframe.x-frame-options",
            FAIL,
            "X-Frame-Options: DENY refuses every frame",
            "DENY means no page may frame this document, not even one of its own origin.",
            SPEC_XFO),
        )
        return False, _refused(_origin_url(ctx), "deny"), (_own_xfo_fix(ctx), _NOT_YOURS_FIX), ()
    # sameorigin: every ancestor must be same-origin with the framed document (here: the page).
    page_text = ctx.page_origin_text
    if ctx.same_origin:
        trace.add(
            ("iframe.x-frame-options",
            PASS,
            "X-Frame-Options: SAMEORIGIN allows this same-origin page",
            f"The page ({page_text}) is same-origin with the framed document.",
            SPEC_XFO),
        )
        return True, NO_CONSOLE, (), ()
    trace.add(
        ("iframe.x-frame-options",
        FAIL,
        f"X-Frame-Options: SAMEORIGIN refuses {page_text}",
        f"SAMEORIGIN allows only ancestors of the framed document's origin ({ctx.target_origin_text}); "
        f"the page's origin {page_text} differs ({', '.join(ctx.origin_diff) or 'opaque'}).",
        SPEC_XFO),
    )
    return False, _refused(_origin_url(ctx), "sameorigin"), (_own_xfo_fix(ctx), _NOT_YOURS_FIX), ()


def _refused(origin_url: str, disposition: str) -> Console:
    # The disposition is always lower-case, whatever case the header used (browser-rules.md § 2.4).
    return Console(
        chrome=f"Refused to display '{origin_url}' in a frame because it set 'X-Frame-Options' to "
        f"'{disposition}'."
    )


def _allow_from_origin(raw: str) -> str | None:
    words = raw.split()
    if len(words) == 2 and words[0].lower() == "allow-from":
        return words[1].rstrip("/")
    return None


def _script_access(
    ctx: Context, trace: Trace, console: Console, fixes: tuple[str, ...], warnings: tuple[str, ...]
) -> Verdict:
    explain_origin_comparison(ctx, trace, "iframe")
    if ctx.same_origin:
        trace.add(
            ("iframe.script-access",
            PASS,
            "Same origin: iframe.contentWindow.document is reachable",
            "The page's script can read and change the framed document, and the frame's script can reach "
            "the page through window.parent.",
            SPEC_CROSS_ORIGIN_OBJECTS),
        )
        return Verdict(resource="iframe", can=(("embed", True), ("script_access", True)), trace=trace.to_steps(), console=console, fixes=fixes, warnings=warnings)
    page_text, target_text = ctx.page_origin_text, ctx.target_origin_text
    trace.add(
        ("iframe.script-access",
        FAIL,
        "Cross-origin: iframe.contentWindow.document throws SecurityError",
        "The frame renders, but the page's script cannot read or change its document (nor the frame's "
        "script the page's).",
        SPEC_CROSS_ORIGIN_OBJECTS),
    )
    trace.add(
        ("iframe.cross-origin-reachable",
        INFO,
        "What stays reachable cross-origin: postMessage, location, frames, close/focus/blur",
        _REACHABLE_DETAIL,
        SPEC_CROSS_ORIGIN_OBJECTS),
    )
    # What touching the frame's document prints: the dom verdict's messages (one source for them).
    access = cross_origin_access_console(ctx)
    if console == NO_CONSOLE:  # framing printed nothing (the usual case): only the access messages
        console = access
    else:
        console = Console(chrome=_both(console.chrome, access.chrome), firefox=_both(console.firefox, access.firefox), safari=_both(console.safari, access.safari))
    fixes = (
        *fixes,
        f"Talk to the frame with postMessage: iframe.contentWindow.postMessage(data, '{target_text}'); in "
        f"the frame, check event.origin === '{page_text}' before trusting event.data.",
    )
    return Verdict(resource="iframe", can=(("embed", True), ("script_access", False)), trace=trace.to_steps(), console=console, fixes=fixes, warnings=warnings)


def _both(framing: str | None, touching: str | None) -> str | None:
    """The framing message, then the access message, one per line; None when neither is printed."""
    if framing and touching:
        return f"{framing}\n{touching}"
    return framing or touching or None
