"""``script``: does a ``<script src>`` from the target run on the page, and can the page see its errors?

A classic script from another origin runs (no-cors), but HTML mutes its errors: window.onerror
gets ``Script error.`` with no file, line or column, unless the script was fetched with CORS
(``crossorigin``) and passed. Module scripts are always fetched with CORS. Whatever its origin, a
script runs with the page's origin: including it is trusting it with everything on the page.
"""

from __future__ import annotations

from .. import headers as h
from ..context import Context
from ..cors import ACAO
from ..element_request import element_request
from ..report import FAIL, INFO, NO_CONSOLE, PASS, SKIP, Console, Trace, Verdict
from ..subresource import Load, fetch_subresource

SPEC_MUTED = "HTML § Runtime script errors (muted errors)"
SPEC_CLASSIC = "HTML § Fetch a classic script"
SPEC_MODULE = "HTML § Fetch a single module script"
SPEC_NOSNIFF = "Fetch § Should response to request be blocked due to nosniff?"
SPEC_SCRIPT_MIME = "Fetch § Should response to request be blocked due to its MIME type?"
SPEC_ORIGIN = "HTML § Origin (a script runs in the page's realm)"

# HTML § JavaScript MIME type essences.
JS_MIME_TYPES = frozenset(
    {
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

_WHY_CLASSIC = {
    "none": "A classic <script> without a crossorigin attribute.",
    "anonymous": 'A classic <script crossorigin="anonymous"> asks for a CORS request without cross-origin credentials.',
    "use-credentials": 'A classic <script crossorigin="use-credentials"> asks for a CORS request with credentials.',
}
_WHY_MODULE = {
    "none": '<script type="module"> is always fetched in CORS mode; without a crossorigin attribute its '
    "credentials mode is same-origin.",
    "anonymous": '<script type="module" crossorigin="anonymous">: CORS mode, credentials same-origin.',
    "use-credentials": '<script type="module" crossorigin="use-credentials">: CORS mode, credentials included.',
}


def evaluate(ctx: Context) -> Verdict:
    trace = Trace()
    request = ctx.scenario.request
    module = request.script_type == "module"
    crossorigin = request.crossorigin
    asked = element_request(crossorigin, module=module)
    why = (_WHY_MODULE if module else _WHY_CLASSIC)[crossorigin]
    load = fetch_subresource(ctx, trace, "script", asked.mode, asked.credentials, why)

    if not load.loaded:
        return _not_run(
            ctx,
            trace,
            load,
            module,
            "The script does not run",
            _not_loaded_detail(load.failure),
            load.console,
            load.fixes,
        )

    refused = _mime_check(ctx, trace, load, module)
    if refused is not None:
        return _not_run(
            ctx,
            trace,
            load,
            module,
            "The script does not run: its MIME type is refused",
            "The response arrived, but the browser will not execute it as a script.",
            refused,
            ("Serve it with Content-Type: text/javascript",),
        )

    trace.add(
        ("script.execute",
        PASS,
        "The script runs",
        "Running a script never needs the server's permission (unless it is a module script, which needs "
        "CORS).",
        SPEC_MODULE if module else SPEC_CLASSIC),
    )
    if load.tainting != "basic":
        trace.add(
            ("script.page-origin",
            INFO,
            "It runs with the page's origin: it can read everything on the page",
            f"The script came from {load.url.origin.serialize()}, but it runs in the page's realm with the "
            f"page's origin ({ctx.page_origin_text}): it can read and change the DOM, read non-HttpOnly "
            "cookies and storage, and fetch the page's own APIs with its cookies. Including a script is "
            "trusting its server completely.",
            SPEC_ORIGIN),
        )

    if load.cors_same_origin:
        how = (
            "it is same-origin with the page"
            if load.tainting == "basic"
            else "it was fetched with CORS and passed the check"
        )
        trace.add(
            ("script.errors",
            PASS,
            "window.onerror sees the full error: message, file, line and column",
            f"Errors are not muted because {how}.",
            SPEC_MUTED),
        )
        return Verdict(resource="script", can=(("execute", True), ("read_errors", True)), trace=trace.to_steps(), console=NO_CONSOLE, fixes=(), warnings=_warnings(ctx, load))

    trace.add(
        ("script.errors",
        FAIL,
        "Its errors are muted: window.onerror gets 'Script error.'",
        "The script is cross-origin and was fetched without CORS, so HTML mutes its errors: an error "
        "event reports the message 'Script error.', an empty filename, line 0 and column 0, and a null "
        "error object, so a cross-origin script cannot leak its contents through error messages. "
        "DevTools still shows the real error to the developer; only the page's script is kept blind.",
        SPEC_MUTED),
    )
    return Verdict(resource="script", can=(("execute", True), ("read_errors", False)), trace=trace.to_steps(), console=NO_CONSOLE, fixes=_mute_fixes(ctx, load), warnings=_warnings(ctx, load))


def _not_run(
    ctx: Context,
    trace: Trace,
    load: Load,
    module: bool,
    summary: str,
    detail: str,
    console: Console,
    fixes: tuple[str, ...],
) -> Verdict:
    """The script never runs: say why, skip the error-muting question, and keep the SRI warning."""
    trace.add(("script.execute", FAIL, summary, detail, SPEC_MODULE if module else SPEC_CLASSIC))
    trace.add(("script.errors", SKIP, "No script, no errors to see", "The script never ran.", SPEC_MUTED))
    return Verdict(resource="script", can=(("execute", False), ("read_errors", False)), trace=trace.to_steps(), console=console, fixes=fixes, warnings=_warnings(ctx, load))


def _not_loaded_detail(failure: str | None) -> str:
    return {
        "cors": "A script fetched in CORS mode that fails the CORS check is a network error: it does not run "
        "at all. The script element fires its error event.",
        "corp": "The server's Cross-Origin-Resource-Policy forbids this no-cors load: the script element gets a "
        "network error.",
        "mixed-content": "Browsers block http scripts on https pages.",
        "redirect-credentials": "The redirect cannot be followed in CORS mode.",
        "redirect-limit": "Fetch stopped after 20 redirects: there is no script to use.",
        "redirect-scheme": "A redirect to a non-http(s) URL is a network error: there is no script to use.",
        "status": "HTML runs a script only from a response with an ok status.",
    }.get(failure or "", "The request was not made.")


def _mime_check(ctx: Context, trace: Trace, load: Load, module: bool) -> Console | None:
    """Fetch's nosniff and MIME-type blocks and HTML's module MIME rule; None when the script may run."""
    headers = ctx.scenario.response.headers
    lines = h.lines_of(headers, "content-type")
    if not lines:
        trace.add(
            ("script.mime",
            SKIP,
            "No Content-Type in the scenario: assumed text/javascript",
            "The scenario does not say what Content-Type the server sends, so this check assumes a "
            "JavaScript MIME type. Without one a module script fails, and with "
            "X-Content-Type-Options: nosniff so does a classic script.",
            SPEC_SCRIPT_MIME),
        )
        return None
    mime = h.trim(lines[-1].split(";", 1)[0]).lower()
    if mime in JS_MIME_TYPES:
        trace.add(("script.mime", PASS, f"Content-Type {mime} is a JavaScript MIME type", "", SPEC_SCRIPT_MIME))
        return None
    url = load.url.href
    if module:
        trace.add(
            ("script.mime",
            FAIL,
            f"A module script must be served as JavaScript, not {mime}",
            "HTML checks module scripts' MIME type strictly, whatever X-Content-Type-Options says.",
            SPEC_MODULE),
        )
        # Newest Chrome says "JavaScript-or-Wasm" (observed 2025); older builds said "JavaScript module script".
        return Console(
            chrome=f"Failed to load module script: Expected a JavaScript-or-Wasm module script but the "
            f'server responded with a MIME type of "{mime}". Strict MIME type checking is enforced '
            "for module scripts per HTML spec."
        )
    nosniff_value = h.get_combined(headers, "X-Content-Type-Options")
    nosniff = nosniff_value is not None and h.trim(nosniff_value.split(",", 1)[0]).lower() == "nosniff"
    if nosniff:
        orb = (
            " For a cross-origin no-cors response Chrome's Opaque Response Blocking may already have dropped "
            "the body (net::ERR_BLOCKED_BY_ORB); either way the script does not run."
            if load.tainting == "opaque"
            else ""
        )
        trace.add(
            ("script.mime",
            FAIL,
            f"nosniff: {mime} is not a JavaScript MIME type, so it does not run",
            "With X-Content-Type-Options: nosniff a script must be served with a JavaScript MIME type." + orb,
            SPEC_NOSNIFF),
        )
        # Observed Chrome text (not in browser-rules.md).
        return Console(
            chrome=f"Refused to execute script from '{url}' because its MIME type ('{mime}') is not "
            "executable, and strict MIME type checking is enabled."
        )
    if mime.startswith(("image/", "audio/", "video/")) or mime == "text/csv":
        trace.add(
            ("script.mime",
            FAIL,
            f"{mime} is never executed as a script",
            "Fetch blocks scripts served as image, audio, video or text/csv even without nosniff.",
            SPEC_SCRIPT_MIME),
        )
        # Observed Chrome text (not in browser-rules.md).
        return Console(
            chrome=f"Refused to execute script from '{url}' because its MIME type ('{mime}') is not "
            "executable."
        )
    trace.add(
        ("script.mime",
        INFO,
        f"{mime} is not a JavaScript MIME type, but a classic script still runs",
        "Without X-Content-Type-Options: nosniff browsers execute a classic script whatever its type "
        "(except image, audio, video and text/csv). Serve it as text/javascript.",
        SPEC_SCRIPT_MIME),
    )
    return None


def _mute_fixes(ctx: Context, load: Load) -> tuple[str, ...]:
    origin = "*" if ctx.page_origin.opaque else ctx.page_origin_text
    markup = f'<script src="{load.url.href}" crossorigin="anonymous"></script>'
    if h.has(ctx.scenario.response.headers, ACAO):
        return (f"The server already sends {ACAO}; add the attribute to see error details: {markup}",)
    return (
        f"To see error details, fetch it with CORS: {markup}, and have its server send {ACAO}: * (or "
        f"{ACAO}: {origin}) — adding the attribute without the header stops the script from running",
    )


def _warnings(ctx: Context, load: Load) -> tuple[str, ...]:
    """Third-party scripts: suggest Subresource Integrity (it needs CORS on a cross-origin script)."""
    if load.tainting != "basic" and load.failure not in ("mixed-content", "status"):
        return (
            f"A third-party script runs with your page's full powers. Pin the exact file with Subresource "
            f'Integrity: <script src="{load.url.href}" integrity="sha384-<base64 SHA-384 of the file>" '
            'crossorigin="anonymous"></script> (SRI on a cross-origin script needs CORS: the server must send '
            f"{ACAO}).",
        )
    return ()
