"""``dom``: may script on the page reach into the target's document (a frame or a popup)?

HTML § Cross-origin objects: only same-origin documents are accessible; a cross-origin
WindowProxy exposes a short allowlist and every other property throws SecurityError.
The origin comparison and the cross-origin access messages are shared with the iframe verdict.
"""

from __future__ import annotations

from .. import messages, specs
from ..context import Context
from ..messages import CHROME, FIREFOX, SAFARI, Failure
from ..messages.documents import SECURITY_ERROR
from ..mixed_content import chrome_blocked_message, is_mixed_content
from ..origins import DEFAULT_PORTS, Origin
from ..report import FAIL, INFO, NO_CONSOLE, PASS, Console, Step, Trace, Verdict, mixed_content_issue, step

REACHABLE_CROSS_ORIGIN = (
    "window.postMessage(), close(), focus(), blur()",
    "window.location (set it, or call location.replace(); reading it throws)",
    "window.frames, length, top, parent, opener, self, window, closed",
    "indexed and named child frames (frames[0])",
)
# The allowlist as one sentence (dom and iframe quote it in every cross-origin verdict).
REACHABLE_CROSS_ORIGIN_TEXT = "; ".join(REACHABLE_CROSS_ORIGIN)
_REACHABLE_DETAIL = (
    "A cross-origin WindowProxy exposes only: " + REACHABLE_CROSS_ORIGIN_TEXT
    + ". postMessage is the sanctioned channel between origins."
)
_PART_LABELS = {"scheme": "Scheme", "host": "Host", "port": "Port"}


def evaluate(ctx: Context) -> Verdict:
    trace = Trace()
    trace.extend(origin_comparison(ctx, "dom"))
    page_origin = ctx.page_origin_text
    if ctx.same_origin:
        trace.passed(
            "dom.same-origin",
            "Same origin: the page's script can read and change the document",
            "Same-origin documents share full DOM access through iframe.contentWindow.document, "
            "window.open() handles and window.opener.",
            specs.HTML_CROSS_ORIGIN_OBJECTS,
        )
        return Verdict(resource="dom", can=(("access", True),), trace=trace.steps(), console=NO_CONSOLE)

    trace.failed(
        "dom.same-origin",
        "Cross-origin: touching the document throws SecurityError",
        "Reading contentWindow.document, or any property outside the cross-origin allowlist, throws a "
        "SecurityError DOMException. The browser still loads and renders the other document; it only "
        "refuses to let this script into it.",
        specs.HTML_CROSS_ORIGIN_OBJECTS,
    )
    _explain_document_domain(ctx, trace)
    trace.info(
        "dom.cross-origin-reachable",
        "What stays reachable cross-origin: postMessage, location, frames, close/focus/blur",
        _REACHABLE_DETAIL,
        specs.HTML_CROSS_ORIGIN_OBJECTS,
    )
    fixes = [postmessage_fix(ctx)]
    if not ctx.page_origin.opaque and not ctx.target_origin.opaque:
        fixes.append(
            f"If you own both, serve them from one origin (for example put the other document under {page_origin}/...)."
        )
    if ctx.scenario.page_sandboxed:
        fixes.append(
            "If the sandboxed page must reach same-origin documents, add allow-same-origin to its sandbox "
            "attribute (never together with allow-scripts for untrusted content)."
        )
    mixed = _mixed_frame_console(ctx, trace)
    return Verdict(
        resource="dom",
        can=(("access", False),),
        trace=trace.steps(),
        console=mixed or cross_origin_access_console(ctx),
        devtools=(mixed_content_issue("MixedContentBlocked", mixed.chrome or ""),) if mixed else (),
        fixes=tuple(fixes),
    )


def postmessage_fix(
    ctx: Context,
    *,
    lead: str = "Exchange data with postMessage",
    window: str = "otherWindow",
    receiver: str = "in the receiver",
) -> str:
    """postMessage between the two documents, without ever naming the opaque origin "null".

    "null" is no targetOrigin (postMessage throws a SyntaxError), and every sandboxed frame and
    data: page of any site has event.origin "null", so checking it proves nothing. ``lead``,
    ``window`` and ``receiver`` let the iframe verdict say it in its own words."""
    if ctx.target_origin.opaque:
        send = (
            f"{window}.postMessage(data, '*') (the other document's origin is opaque, so no target "
            "origin can name it: 'null' throws a SyntaxError; '*' delivers to whatever document that "
            "window holds now, so send nothing secret)"
        )
    else:
        send = f"{window}.postMessage(data, '{ctx.target_origin_text}')"
    if ctx.page_origin.opaque:
        check = (
            f"{receiver} check event.source === the window you expect before trusting event.data "
            "(this page's origin is opaque, and event.origin is 'null' for every sandboxed frame and data: "
            "page of any site, so checking it proves nothing)"
        )
    else:
        check = f"{receiver} check event.origin === '{ctx.page_origin_text}' before trusting event.data"
    return f"{lead}: {send}, and {check}."


def _mixed_frame_console(ctx: Context, trace: Trace) -> Console:
    """An http document framed by an https page is blocked as mixed content: the frame stays empty, so
    the page's script finds nothing to be refused (Chromium 156 and Firefox 153 print only the block)."""
    page, target = ctx.scenario.page, ctx.scenario.target
    if not is_mixed_content(page, target):
        return NO_CONSOLE
    trace.info(
        "dom.mixed-content",
        "In a frame, the http document is blocked as mixed content",
        "An https page may not load an http document into a frame: the frame keeps an empty document and "
        "the console shows the mixed-content block instead. Opened with window.open() it loads (a top-level "
        "window is not mixed content), and reaching into it throws as above.",
        specs.MIXED_CONTENT,
    )
    return Console(
        chrome=chrome_blocked_message(page, target, "frame"),
        firefox=messages.render(Failure.MIXED_CONTENT, FIREFOX, url=target.href),
    )


def cross_origin_access_console(ctx: Context) -> Console:
    """What each browser prints when script touches a cross-origin document (shared with iframe)."""
    page, target = ctx.page_origin_text, ctx.target_origin_text
    key = Failure.CROSS_ORIGIN_FRAME_ACCESS
    return Console(
        chrome=messages.render(key, CHROME, origin=page),
        firefox=messages.render(SECURITY_ERROR, FIREFOX, reason=messages.render(key, FIREFOX, property="document")),
        safari=messages.render(key, SAFARI, origin=page, url=target),
    )


# --- the origin comparison, part by part (dom and iframe) ---------------------------------------


def origin_comparison(ctx: Context, prefix: str) -> tuple[Step, ...]:
    """The steps comparing the two origins part by part, with ids under ``prefix`` (dom or iframe)."""
    page, target = ctx.page_origin, ctx.target_origin
    steps = [
        step(
            INFO,
            f"{prefix}.origins",
            f"Page origin {ctx.page_origin_text}, target origin {ctx.target_origin_text}",
            "An origin is the scheme, host and port of a URL; path, query and fragment do not count. "
            "Default ports are left out of the serialization.",
            specs.URL_ORIGIN,
        )
    ]
    if page.opaque or target.opaque:
        steps.append(_opaque_step(ctx, prefix))
        return tuple(steps)
    steps.append(_part_step(prefix, "scheme", page.scheme, target.scheme, page, target))
    steps.append(_part_step(prefix, "host", page.host, target.host, page, target))
    if page.port is None and target.port is None:
        defaults = sorted({
            f"{DEFAULT_PORTS.get(page.scheme, 'none')} for {page.scheme}",
            f"{DEFAULT_PORTS.get(target.scheme, 'none')} for {target.scheme}",
        })
        steps.append(step(
            PASS,
            f"{prefix}.compare.port",
            "Port: default = default",
            f"Neither URL names a port, so each uses its scheme's default ({', '.join(defaults)}); the URL "
            "standard stores no port for either, so this part is equal.",
            specs.HTML_SAME_ORIGIN,
        ))
    else:
        steps.append(_part_step(prefix, "port", _port_text(page), _port_text(target), page, target))
    return tuple(steps)


def _opaque_step(ctx: Context, prefix: str) -> Step:
    scenario = ctx.scenario
    who = []
    if ctx.page_origin.opaque:
        who.append(
            "the page is a sandboxed frame without allow-same-origin" if scenario.page_sandboxed
            else f"the page's URL ({scenario.page.scheme}:) has an opaque origin"
        )
    if ctx.target_origin.opaque:
        who.append(f"the target's URL ({scenario.target.scheme}:) has an opaque origin")
    return step(
        FAIL,
        f"{prefix}.compare.opaque",
        "An opaque origin is never the same as another origin",
        f"{'; '.join(who).capitalize()}. An opaque origin serializes as \"null\" and is same-origin "
        "only with itself, never with another document, even one made from the same URL.",
        specs.HTML_SANDBOX if scenario.page_sandboxed else specs.HTML_SAME_ORIGIN,
    )


def _port_text(origin: Origin) -> str:
    if origin.port is not None:
        return str(origin.port)
    default = DEFAULT_PORTS.get(origin.scheme)
    return f"{default} (default)" if default is not None else "(none)"


def _part_step(prefix: str, part: str, mine: str, theirs: str, page: Origin, target: Origin) -> Step:
    # Ports compare as the URL stores them (None for the default), not as shown.
    equal = page.port == target.port if part == "port" else mine == theirs
    return step(
        PASS if equal else FAIL,
        f"{prefix}.compare.{part}",
        f"{_PART_LABELS[part]}: {mine} {'=' if equal else '≠'} {theirs}",
        "Equal." if equal else _difference_detail(part, page, target),
        specs.HTML_SAME_ORIGIN,
    )


def _difference_detail(part: str, page: Origin, target: Origin) -> str:
    if part == "scheme":
        return "Different schemes make different origins, even on the same host: http and https never share."
    if part == "host":
        if target.host.endswith("." + page.host) or page.host.endswith("." + target.host):
            return "A subdomain is a different host, so a different origin (though it may be the same site)."
        return "Hosts are compared exactly, after the URL parser has lower-cased and IDNA-encoded them."
    return "Different ports make different origins, as on http://localhost:3000 and http://localhost:8080."


def _explain_document_domain(ctx: Context, trace: Trace) -> None:
    page, target = ctx.page_origin, ctx.target_origin
    if page.opaque or target.opaque:
        trace.info(
            "dom.document-domain",
            "document.domain cannot help an opaque origin",
            "Setting document.domain throws in a document with an opaque origin.",
            specs.HTML_DOCUMENT_DOMAIN,
        )
        return
    if ctx.same_site and page.scheme == target.scheme and page.port == target.port:
        trace.info(
            "dom.document-domain",
            "document.domain is deprecated and disabled by origin-keyed agent clusters",
            f"These pages share the site {ctx.page_site.serialize()}. Long ago both could set "
            f"document.domain = '{ctx.page_site.domain}' to reach each other. Chrome (since 115) puts every "
            "origin in its own agent cluster by default, so the setter does nothing unless both pages send "
            "Origin-Agent-Cluster: ?0; the HTML standard deprecates it. Use postMessage instead.",
            specs.HTML_DOCUMENT_DOMAIN,
        )
        return
    trace.info(
        "dom.document-domain",
        "document.domain cannot bridge these origins",
        "document.domain only relaxes the host, only to a shared registrable domain, and never changes the "
        "scheme or port; it is deprecated and disabled by default in Chrome (origin-keyed agent clusters).",
        specs.HTML_DOCUMENT_DOMAIN,
    )
