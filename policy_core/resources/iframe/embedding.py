"""Whether the framed document lets the page frame it: CSP frame-ancestors, else X-Frame-Options.

The headers are parsed by policy_core/framing.py; this module narrates the decision. The order
(an enforced frame-ancestors decides alone, X-Frame-Options only otherwise) is Chromium's
``ancestor_throttle.cc``, and CSP3's. Chrome's messages name the framed document's origin.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ... import messages, specs
from ...context import Context
from ...framing import (
    CSP_REPORT_ONLY,
    FrameAncestors,
    frame_ancestors_directives,
    match_frame_ancestors,
    parse_x_frame_options,
)
from ...messages import CHROME, FIREFOX, Failure
from ...report import NO_CONSOLE, Console, Trace


@dataclass(frozen=True, slots=True, kw_only=True)
class Framing:
    """What the framed document's headers decide, and what that prints and suggests."""

    embed: bool
    console: Console = NO_CONSOLE
    # Report-only frame-ancestors violations: Chrome prints them before the rest, Firefox after.
    report_only: Console = NO_CONSOLE
    fixes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


_NOT_YOURS_FIX = "If you don't own it: it refuses to be framed on purpose; link to it or open it in a new window."


def check_framing(ctx: Context, trace: Trace) -> Framing:
    framing = _check_enforced(ctx, trace)
    report_only = _report_only(ctx, trace)
    return replace(framing, report_only=report_only) if report_only else framing


def _ancestor_for_firefox(ctx: Context) -> str:
    """Firefox names the violating ancestor's URL only when it is same-origin with the frame."""
    return ctx.scenario.page.href if ctx.same_origin else "<unknown>"


def _report_only(ctx: Context, trace: Trace) -> Console:
    """Each report-only frame-ancestors the page violates: a console line, no block (Chromium 156, Firefox 153)."""
    lines, firefox = [], []
    for directive in frame_ancestors_directives(ctx.scenario.response.headers, CSP_REPORT_ONLY):
        shown = f"frame-ancestors {directive.value}".rstrip()
        violated = match_frame_ancestors(directive.sources, ctx.page_origin, ctx.target_origin).matched is None
        trace.info(
            "iframe.frame-ancestors.report-only",
            f"Report-only frame-ancestors {directive.value} is not enforced",
            "Content-Security-Policy-Report-Only reports violations but blocks nothing, and does not make "
            "the browser skip X-Frame-Options."
            + (" The page violates it: Chrome logs a warning (and would send a report)." if violated else ""),
            specs.CSP_FRAME_ANCESTORS,
        )
        if violated:
            lines.append(messages.render(Failure.FRAME_ANCESTORS_REPORT_ONLY, CHROME, url=_origin_url(ctx), directive=shown))
            firefox.append(
                messages.render(Failure.FRAME_ANCESTORS_REPORT_ONLY, FIREFOX, url=_ancestor_for_firefox(ctx), directive=shown)
            )
    return Console(chrome="\n".join(lines) or None, firefox="\n".join(firefox) or None)


def _check_enforced(ctx: Context, trace: Trace) -> Framing:
    headers = ctx.scenario.response.headers
    directives = frame_ancestors_directives(headers)
    xfo = parse_x_frame_options(headers)
    if directives:
        return _check_frame_ancestors(ctx, trace, directives, has_xfo=xfo.value != "none")
    trace.skipped(
        "iframe.frame-ancestors",
        "No Content-Security-Policy frame-ancestors directive",
        "Without an enforced frame-ancestors directive, X-Frame-Options decides.",
        specs.CSP_FRAME_ANCESTORS,
    )
    return _check_x_frame_options(ctx, trace, xfo.value, xfo.raw)


def _origin_url(ctx: Context) -> str:
    # Chrome's framing messages name the framed document's origin, with a trailing slash
    # (browser-rules.md § 2.4: "Strip url to origin in X-Frame-Options violation messages").
    return ctx.target_origin_text + "/"


# --- CSP frame-ancestors ------------------------------------------------------------------------


def _check_frame_ancestors(
    ctx: Context, trace: Trace, directives: tuple[FrameAncestors, ...], *, has_xfo: bool
) -> Framing:
    page, framed = ctx.page_origin, ctx.target_origin
    page_text = ctx.page_origin_text
    refusals: list[str] = []
    firefox: list[str] = []
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
            trace.passed(
                "iframe.frame-ancestors",
                f"{shown}: {match.matched} matches the page{which}",
                f"The page's origin {page_text} matches the source expression {match.matched}.{ignored}",
                specs.CSP_FRAME_ANCESTORS,
            )
            if match.matched in ("*", "https:", "http:"):
                warnings.append(
                    f"{shown} lets any {'https ' if match.matched == 'https:' else ''}site frame this "
                    "document: if it has buttons that act (pay, delete, change settings), a hostile "
                    "page can overlay it and trick users into clicking (clickjacking)."
                )
            continue
        if match.is_none:
            summary = f"{shown}: no page may frame it{which}"
            detail = "'none' (or an empty list) matches nothing."
        else:
            summary = f"{shown}: nothing matches the page's origin {page_text}{which}"
            detail = _why_no_match(directive, ctx)
        trace.failed("iframe.frame-ancestors", summary, detail + ignored, specs.CSP_FRAME_ANCESTORS)
        refusals.append(messages.render(Failure.FRAME_ANCESTORS, CHROME, url=_origin_url(ctx), directive=shown))
        firefox.append(
            messages.render(Failure.FRAME_ANCESTORS, FIREFOX, url=_ancestor_for_firefox(ctx), directive=shown)
        )
    if has_xfo:
        trace.skipped(
            "iframe.x-frame-options",
            "X-Frame-Options is ignored: frame-ancestors decides",
            "When an enforced CSP has frame-ancestors, browsers skip X-Frame-Options entirely (Chrome, "
            "Firefox and Safari agree; CSP3 says so).",
            specs.CSP_FRAME_ANCESTORS,
        )
    if not refusals:
        return Framing(embed=True, warnings=tuple(warnings))
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
            _NOT_YOURS_FIX,
        )
    # Chrome (and Firefox) print one line per violated policy.
    console = Console(chrome="\n".join(refusals), firefox="\n".join(firefox))
    return Framing(embed=False, console=console, fixes=fixes, warnings=tuple(warnings))


def _why_no_match(directive: FrameAncestors, ctx: Context) -> str:
    if ctx.page_origin.opaque:
        return (
            "The page's origin is opaque (a sandboxed frame): CSP matches the ancestor's serialized origin, "
            "and 'null' matches no source expression."
        )
    lowered = [s.lower() for s in directive.sources]
    notes = [f"The page's origin {ctx.page_origin_text} matches none of: {' '.join(directive.sources)}."]
    if "'self'" in lowered:
        notes.append(f"'self' means the framed document's own origin ({ctx.target_origin_text}), not the page's.")
    if any(s.startswith("*.") or "://*." in s for s in lowered):
        notes.append("A *.example.com wildcard matches subdomains only, never example.com itself.")
    notes.append(
        "Host sources without a scheme take the framed document's scheme (http also allows https); a "
        "missing port means the default port."
    )
    return " ".join(notes)


# --- X-Frame-Options ----------------------------------------------------------------------------


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


def _refused(ctx: Context, disposition: str) -> Framing:
    # The disposition is always lower-case, whatever case the header used (browser-rules.md § 2.4).
    message = messages.render(Failure.X_FRAME_OPTIONS, CHROME, url=_origin_url(ctx), disposition=disposition)
    firefox = messages.render(Failure.X_FRAME_OPTIONS, FIREFOX, url=ctx.scenario.target.href, disposition=disposition)
    return Framing(
        embed=False, console=Console(chrome=message, firefox=firefox), fixes=(_own_xfo_fix(ctx), _NOT_YOURS_FIX)
    )


def _check_x_frame_options(ctx: Context, trace: Trace, value: str, raw: str) -> Framing:
    if value == "none":
        trace.info(
            "iframe.x-frame-options",
            "No X-Frame-Options: any page may frame it",
            "Neither X-Frame-Options nor frame-ancestors restricts framing, so every site can embed this "
            "document. That is right for a widget meant to be embedded; a page with sensitive buttons "
            "should send frame-ancestors to prevent clickjacking.",
            specs.HTML_XFO,
        )
        return Framing(embed=True)
    if value == "allowall":
        trace.info(
            "iframe.x-frame-options",
            "X-Frame-Options: ALLOWALL allows every page to frame it",
            "ALLOWALL is not in the standard; Chrome recognises it and allows framing, like no header.",
            specs.HTML_XFO,
        )
        return Framing(embed=True)
    if value == "invalid":
        return _invalid_x_frame_options(ctx, trace, raw)
    if value == "conflict":
        trace.failed(
            "iframe.x-frame-options",
            f"Conflicting X-Frame-Options values ({raw}): treated as DENY",
            "Several different values (across commas or header lines) make the header contradictory; "
            "browsers fall back to the safest reading and refuse every frame. (Firefox calls the header "
            "invalid in its console, and refuses the frame too.)",
            specs.HTML_XFO,
        )
        message = messages.render(Failure.X_FRAME_OPTIONS_CONFLICT, CHROME, url=_origin_url(ctx), value=raw)
        # Firefox 153 reads conflicting values as its "invalid" value, and says so (the browser suite).
        firefox = messages.render(Failure.X_FRAME_OPTIONS_INVALID, FIREFOX, url=ctx.scenario.target.href)
        return Framing(
            embed=False,
            console=Console(chrome=message, firefox=firefox),
            fixes=(
                "Send a single X-Frame-Options line with one value (DENY or SAMEORIGIN), or use "
                "Content-Security-Policy frame-ancestors instead.",
                _own_xfo_fix(ctx),
            ),
        )
    if value == "deny":
        trace.failed(
            "iframe.x-frame-options",
            "X-Frame-Options: DENY refuses every frame",
            "DENY means no page may frame this document, not even one of its own origin.",
            specs.HTML_XFO,
        )
        return _refused(ctx, "deny")
    # sameorigin: every ancestor must be same-origin with the framed document (here: the page).
    page_text = ctx.page_origin_text
    if ctx.same_origin:
        trace.passed(
            "iframe.x-frame-options",
            "X-Frame-Options: SAMEORIGIN allows this same-origin page",
            f"The page ({page_text}) is same-origin with the framed document.",
            specs.HTML_XFO,
        )
        return Framing(embed=True)
    trace.failed(
        "iframe.x-frame-options",
        f"X-Frame-Options: SAMEORIGIN refuses {page_text}",
        f"SAMEORIGIN allows only ancestors of the framed document's origin ({ctx.target_origin_text}); "
        f"the page's origin {page_text} differs ({', '.join(ctx.origin_diff) or 'opaque'}).",
        specs.HTML_XFO,
    )
    return _refused(ctx, "sameorigin")


def _invalid_x_frame_options(ctx: Context, trace: Trace, raw: str) -> Framing:
    """A value Chrome does not know (ALLOW-FROM among them): ignored, with a console error."""
    trace.info(
        "iframe.x-frame-options",
        f"X-Frame-Options: {raw!r} is not a recognised value: ignored",
        "Only DENY and SAMEORIGIN (any case) count. ALLOW-FROM was never supported by Chrome or Safari "
        "and Firefox dropped it, so the header protects nothing and the page may frame the document. "
        "Chrome logs a console error.",
        specs.HTML_XFO,
    )
    message = messages.render(Failure.X_FRAME_OPTIONS_INVALID, CHROME, url=_origin_url(ctx), value=raw)
    firefox = messages.render(Failure.X_FRAME_OPTIONS_INVALID, FIREFOX, url=ctx.scenario.target.href)
    allowed = _allow_from_origin(raw)
    replacement = (
        f"Content-Security-Policy: frame-ancestors {allowed}"
        if allowed
        else "Content-Security-Policy: frame-ancestors 'self' https://trusted.example"
    )
    return Framing(
        embed=True,
        console=Console(chrome=message, firefox=firefox),
        warnings=(
            f"X-Frame-Options {raw!r} is ignored, so any site can frame this document. To allow only chosen "
            f"sites, send: {replacement}",
        ),
    )


def _allow_from_origin(raw: str) -> str | None:
    words = raw.split()
    if len(words) == 2 and words[0].lower() == "allow-from":
        return words[1].rstrip("/")
    return None
