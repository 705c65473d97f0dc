"""``dom``: may script on the page reach into the target's document (a frame or a popup)?

HTML § Cross-origin objects: only same-origin documents are accessible; a cross-origin
WindowProxy exposes a short allowlist and every other property throws SecurityError.
"""

from __future__ import annotations

from ..context import Context
from ..origins import DEFAULT_PORTS, Origin
from ..report import FAIL, INFO, NO_CONSOLE, PASS, Console, Trace, Verdict

SPEC_ORIGIN = "HTML § Origin (same origin)"
SPEC_CROSS_ORIGIN_OBJECTS = "HTML § Cross-origin objects"
SPEC_DOCUMENT_DOMAIN = "HTML § Relaxing the same-origin restriction"
SPEC_SANDBOX = "HTML § Sandboxing"

REACHABLE_CROSS_ORIGIN = (
    "window.postMessage(), close(), focus(), blur()",
    "window.location (set it, or call location.replace(); reading it throws)",
    "window.frames, length, top, parent, opener, self, window, closed",
    "indexed and named child frames (frames[0])",
)
# The allowlist as one sentence, joined once at import (dom and iframe quote it in every cross-origin verdict).
REACHABLE_CROSS_ORIGIN_TEXT = "; ".join(REACHABLE_CROSS_ORIGIN)
_REACHABLE_DETAIL = (
    "A cross-origin WindowProxy exposes only: " + REACHABLE_CROSS_ORIGIN_TEXT
    + ". postMessage is the sanctioned channel between origins."
)


def _port_text(origin: Origin) -> str:
    if origin.port is not None:
        return str(origin.port)
    default = DEFAULT_PORTS.get(origin.scheme)
    return f"{default} (default)" if default is not None else "(none)"


def explain_origin_comparison(ctx: Context, trace: Trace, prefix: str) -> None:
    """Steps comparing the two origins part by part; shared by the dom and iframe verdicts."""
    rows = ctx.memo.get("origin-comparison")
    if rows is None:  # worked out once per evaluation, whichever verdict asks first
        rows = ctx.memo["origin-comparison"] = _origin_comparison(ctx)
    for suffix, result, summary, detail, spec in rows:
        trace.add((prefix + suffix, result, summary, detail, spec))


def _origin_comparison(ctx: Context) -> list[tuple[str, str, str, str, str]]:
    """(step id suffix, result, summary, detail, spec) for each step of the origin comparison."""
    page, target = ctx.page_origin, ctx.target_origin
    rows = [(".origins", INFO, f"Page origin {ctx.page_origin_text}, target origin {ctx.target_origin_text}",
             "An origin is the scheme, host and port of a URL; path, query and fragment do not count. "
             "Default ports are left out of the serialization.", "URL § Origin")]
    if page.opaque or target.opaque:
        who = []
        if page.opaque:
            who.append("the page is a sandboxed frame without allow-same-origin" if ctx.scenario.page_sandboxed
                       else f"the page's URL ({ctx.scenario.page.scheme}:) has an opaque origin")
        if target.opaque:
            who.append(f"the target's URL ({ctx.scenario.target.scheme}:) has an opaque origin")
        rows.append((".compare.opaque", FAIL, "An opaque origin is never the same as another origin",
                     f"{'; '.join(who).capitalize()}. An opaque origin serializes as \"null\" and is same-origin "
                     "only with itself, never with another document, even one made from the same URL.",
                     SPEC_SANDBOX if ctx.scenario.page_sandboxed else SPEC_ORIGIN))
        return rows
    rows.append(_part_row("scheme", page.scheme, target.scheme, page, target))
    rows.append(_part_row("host", page.host, target.host, page, target))
    if page.port is None and target.port is None:
        defaults = sorted({f"{DEFAULT_PORTS.get(page.scheme, 'none')} for {page.scheme}",
                           f"{DEFAULT_PORTS.get(target.scheme, 'none')} for {target.scheme}"})
        rows.append((".compare.port", PASS, "Port: default = default",
                     f"Neither URL names a port, so each uses its scheme's default ({', '.join(defaults)}); the URL "
                     "standard stores no port for either, so this part is equal.", SPEC_ORIGIN))
    else:
        rows.append(_part_row("port", _port_text(page), _port_text(target), page, target))
    return rows


_PART_LABELS = {"scheme": "Scheme", "host": "Host", "port": "Port"}


def _part_row(part: str, mine: str, theirs: str, page: Origin, target: Origin) -> tuple[str, str, str, str, str]:
    # Ports compare as the URL stores them (None for the default), not as shown.
    equal = page.port == target.port if part == "port" else mine == theirs
    return (
        f".compare.{part}",
        PASS if equal else FAIL,
        f"{_PART_LABELS[part]}: {mine} {'=' if equal else '≠'} {theirs}",
        "Equal." if equal else _difference_detail(part, page, target),
        SPEC_ORIGIN,
    )


def _difference_detail(part: str, page: Origin, target: Origin) -> str:
    if part == "scheme":
        return "Different schemes make different origins, even on the same host: http and https never share."
    if part == "host":
        if target.host.endswith("." + page.host) or page.host.endswith("." + target.host):
            return "A subdomain is a different host, so a different origin (though it may be the same site)."
        return "Hosts are compared exactly, after the URL parser has lower-cased and IDNA-encoded them."
    return "Different ports make different origins, as on http://localhost:3000 and http://localhost:8080."


def evaluate(ctx: Context) -> Verdict:
    trace = Trace()
    explain_origin_comparison(ctx, trace, "dom")
    page_origin = ctx.page_origin_text
    if ctx.same_origin:
        trace.add(("dom.same-origin", PASS, "Same origin: the page's script can read and change the document",
                  "Same-origin documents share full DOM access through iframe.contentWindow.document, "
                  "window.open() handles and window.opener.", SPEC_CROSS_ORIGIN_OBJECTS))
        return Verdict(resource="dom", can=(("access", True),), trace=trace.to_steps(), console=NO_CONSOLE, fixes=(), warnings=())

    trace.add(("dom.same-origin", FAIL, "Cross-origin: touching the document throws SecurityError",
              "Reading contentWindow.document, or any property outside the cross-origin allowlist, throws a "
              "SecurityError DOMException. The browser still loads and renders the other document; it only "
              "refuses to let this script into it.", SPEC_CROSS_ORIGIN_OBJECTS))
    _explain_document_domain(ctx, trace)
    trace.add(("dom.cross-origin-reachable", INFO, "What stays reachable cross-origin: postMessage, location, frames, close/focus/blur",
              _REACHABLE_DETAIL, SPEC_CROSS_ORIGIN_OBJECTS))
    target_origin = ctx.target_origin_text
    fixes = [
        f"Exchange data with postMessage: otherWindow.postMessage(data, '{target_origin}'), and in the receiver "
        f"check event.origin === '{page_origin}' before trusting event.data.",
    ]
    if not ctx.page_origin.opaque and not ctx.target_origin.opaque:
        fixes.append(f"If you own both, serve them from one origin (for example put the other document under {page_origin}/...).")
    if ctx.scenario.page_sandboxed:
        fixes.append("If the sandboxed page must reach same-origin documents, add allow-same-origin to its sandbox "
                     "attribute (never together with allow-scripts for untrusted content).")
    return Verdict(resource="dom", can=(("access", False),), trace=trace.to_steps(), console=cross_origin_access_console(ctx), fixes=tuple(fixes), warnings=())


def cross_origin_access_console(ctx: Context) -> Console:
    """What each browser prints when script touches a cross-origin document (shared with iframe)."""
    console: Console | None = ctx.memo.get("cross-origin-access-console")
    if console is None:  # built once per evaluation, whichever verdict asks first
        page_origin, target_origin = ctx.page_origin_text, ctx.target_origin_text
        console = ctx.memo["cross-origin-access-console"] = Console(chrome=f'Blocked a frame with origin "{page_origin}" from accessing a cross-origin frame.', firefox='SecurityError: Permission denied to access property "document" on cross-origin object', safari=f'Blocked a frame with origin "{page_origin}" from accessing a frame with origin "{target_origin}". '
            "Protocols, domains, and ports must match.")
    return console


def _explain_document_domain(ctx: Context, trace: Trace) -> None:
    if ctx.page_origin.opaque or ctx.target_origin.opaque:
        trace.add(("dom.document-domain", INFO, "document.domain cannot help an opaque origin",
                  "Setting document.domain throws in a document with an opaque origin.", SPEC_DOCUMENT_DOMAIN))
        return
    if ctx.same_site and ctx.page_origin.scheme == ctx.target_origin.scheme and ctx.page_origin.port == ctx.target_origin.port:
        trace.add(("dom.document-domain", INFO, "document.domain is deprecated and disabled by origin-keyed agent clusters",
                  f"These pages share the site {ctx.page_site.serialize()}. Long ago both could set "
                  f"document.domain = '{ctx.page_site.domain}' to reach each other. Chrome (since 115) puts every "
                  "origin in its own agent cluster by default, so the setter does nothing unless both pages send "
                  "Origin-Agent-Cluster: ?0; the HTML standard deprecates it. Use postMessage instead.",
                  SPEC_DOCUMENT_DOMAIN))
        return
    trace.add(("dom.document-domain", INFO, "document.domain cannot bridge these origins",
              "document.domain only relaxes the host, only to a shared registrable domain, and never changes the "
              "scheme or port; it is deprecated and disabled by default in Chrome (origin-keyed agent clusters).",
              SPEC_DOCUMENT_DOMAIN))
