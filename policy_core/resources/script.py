"""``script``: does a ``<script src>`` from the target run on the page, and can the page see its errors?

A classic script from another origin runs (no-cors), but HTML mutes its errors: window.onerror
gets the muted message (``script-error-muted``) with no file, line or column, unless the script was fetched with CORS
(``crossorigin``) and passed. Module scripts are always fetched with CORS. Whatever its origin, a
script runs with the page's origin: including it is trusting it with everything on the page.

Firefox 153 differs (the browser suite): it does not mute a cross-origin classic script's errors
(``Verdict.elsewhere``), and it checks the MIME type before the status and the CORS check, so its
console lines follow their own order (``_firefox_console``).
"""

from __future__ import annotations

from dataclasses import replace

from .. import headers as h
from .. import specs
from ..console import with_line
from ..context import Context
from ..cors import ACAO
from ..element_request import element_request
from ..messages import CHROME, FIREFOX, Failure, render
from ..messages.cors import firefox_request_did_not_succeed
from ..messages.subresources import NET_BLOCKED_BY_ORB
from ..redirects import MAX_REDIRECTS
from ..report import NO_CONSOLE, BrowserDifference, Console, Trace, Verdict
from ..subresource import JS_MIME_TYPES, Load, fetch_subresource
from .element_load import element_issues, with_firefox_load_line

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
    verdict = _judge(ctx, trace, load, module)
    console = replace(verdict.console, firefox=_firefox_console(ctx, load, module, verdict.console.firefox))
    verdict = replace(verdict, console=console, elsewhere=_firefox_unmuted(verdict, load, module))
    return replace(verdict, devtools=element_issues(ctx.scenario, load, verdict.console.chrome))


def _firefox_unmuted(verdict: Verdict, load: Load, module: bool) -> tuple[BrowserDifference, ...]:
    """Firefox 153 does not mute a cross-origin classic script's errors (seen with and without its remote agent)."""
    if module or dict(verdict.can).get("read_errors") or not dict(verdict.can).get("execute"):
        return ()
    return (BrowserDifference(
        browser="firefox", can=(("read_errors", True),),
        why="Firefox 153 hands window.onerror the full error of a cross-origin classic script (its message and "
            "line, not 'Script error.'), where HTML mutes it.",
    ),)


def _firefox_console(ctx: Context, load: Load, module: bool, lines: str | None) -> str | None:
    """Firefox's lines: it checks a script's MIME type before the status and the CORS check, and a CORS
    load it gives up on ends with "CORS request did not succeed" (Firefox 153, the browser suite)."""
    url = load.url.href
    if load.at_redirect or (load.failure not in (None, Failure.NOT_OK_STATUS) and load.cors is None):
        return lines  # stopped before the final response (a redirect's CORS check, CORP, mixed content, ...)
    refused = _firefox_mime_refusal(ctx, url, module)
    if refused is None:
        return lines
    if load.tainting != "cors":
        return refused
    # The two lines come from different parts of Firefox; most runs print the MIME line first.
    return with_line(refused, firefox_request_did_not_succeed(url))


def _firefox_mime_refusal(ctx: Context, url: str, module: bool) -> str | None:
    mime = _content_type(ctx)
    if mime is None or mime in JS_MIME_TYPES:
        return None
    if module:
        return render(Failure.MODULE_MIME_TYPE, FIREFOX, url=url, mime=mime)
    if _nosniff(ctx.scenario.response.headers):
        return render(Failure.NOSNIFF_MIME_TYPE, FIREFOX, url=url, mime=mime)
    if mime.startswith(("image/", "audio/", "video/")) or mime == "text/csv":
        return render(Failure.SCRIPT_MIME_BLOCKED, FIREFOX, url=url, mime=mime)
    return None


# The Content-Type a typical server (and the browser harness) sends with each body (scenario.RESPONSE_BODIES).
_BODY_TYPES = {"script": "text/javascript", "image": "image/png", "html": "text/html", "empty": ""}


def _content_type(ctx: Context) -> str | None:
    """The response's MIME type essence: the scenario's Content-Type, else its body's ("" for no body).
    None when the scenario names neither (a script body by default), which is taken as JavaScript."""
    response = ctx.scenario.response
    lines = h.lines_of(response.headers, "content-type")
    if lines:
        return h.trim(lines[-1].split(";", 1)[0]).lower()
    body = response.body_for("script")
    return None if body == "script" else _BODY_TYPES[body]


def _nosniff(headers: h.Headers) -> bool:
    value = h.get_combined(headers, "X-Content-Type-Options")
    return value is not None and h.trim(value.split(",", 1)[0]).lower() == "nosniff"


def _judge(ctx: Context, trace: Trace, load: Load, module: bool) -> Verdict:
    if not load.loaded:
        console = with_firefox_load_line(ctx.scenario, load, module=module)
        mime = _content_type(ctx)
        if load.failure == Failure.NOT_OK_STATUS and not module and load.tainting != "opaque" \
                and mime is not None and mime not in JS_MIME_TYPES and _nosniff(ctx.scenario.response.headers):
            # Chromium 156 still runs the nosniff check on the error response, after its status line.
            line = render(Failure.NOSNIFF_MIME_TYPE, CHROME, url=load.url.href, mime=mime)
            console = replace(console, chrome=with_line(console.chrome, line))
        return _not_run(
            ctx,
            trace,
            load,
            module,
            "The script does not run",
            _not_loaded_detail(load),
            console,
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

    body = ctx.scenario.response.body_for("script")
    if load.url.is_http and body != "script":
        return _not_run(
            ctx,
            trace,
            load,
            module,
            "The body is not JavaScript: nothing runs",
            "An HTML page fails to parse as a script (a SyntaxError) and an image or an empty body holds no "
            "script, so none of it runs." + (" Chrome's Opaque Response Blocking drops an opaque HTML body "
                                             "before that." if body == "html" and load.tainting == "opaque" else ""),
            NO_CONSOLE,
            (f"Serve the script itself at {load.url.href}",),
        )

    trace.passed(
        "script.execute",
        "The script runs",
        "Running a script never needs the server's permission (unless it is a module script, which needs "
        "CORS).",
        specs.HTML_MODULE_SCRIPT if module else specs.HTML_CLASSIC_SCRIPT,
    )
    if load.tainting != "basic":
        trace.info(
            "script.page-origin",
            "It runs with the page's origin: it can read everything on the page",
            f"The script came from {load.url.origin.serialize()}, but it runs in the page's realm with the "
            f"page's origin ({ctx.page_origin_text}): it can read and change the DOM, read non-HttpOnly "
            "cookies and storage, and fetch the page's own APIs with its cookies. Including a script is "
            "trusting its server completely.",
            specs.HTML_SCRIPT_REALM_ORIGIN,
        )

    if load.cors_same_origin:
        how = (
            "it is same-origin with the page"
            if load.tainting == "basic"
            else "it was fetched with CORS and passed the check"
        )
        trace.passed(
            "script.errors",
            "window.onerror sees the full error: message, file, line and column",
            f"Errors are not muted because {how}.",
            specs.HTML_MUTED_ERRORS,
        )
        return Verdict(
            resource="script",
            can=(("execute", True), ("read_errors", True)),
            trace=trace.steps(),
            console=NO_CONSOLE,
            fixes=(),
            warnings=_warnings(ctx, load),
        )

    muted = render(Failure.SCRIPT_ERROR_MUTED, CHROME)
    trace.failed(
        "script.errors",
        f"Its errors are muted: window.onerror gets '{muted}'",
        "The script is cross-origin and was fetched without CORS, so HTML mutes its errors: an error "
        f"event reports the message '{muted}', an empty filename, line 0 and column 0, and a null "
        "error object, so a cross-origin script cannot leak its contents through error messages. "
        "DevTools still shows the real error to the developer; only the page's script is kept blind.",
        specs.HTML_MUTED_ERRORS,
    )
    return Verdict(
        resource="script",
        can=(("execute", True), ("read_errors", False)),
        trace=trace.steps(),
        console=NO_CONSOLE,
        fixes=_mute_fixes(ctx, load),
        warnings=_warnings(ctx, load),
    )


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
    trace.failed(
        "script.execute", summary, detail, specs.HTML_MODULE_SCRIPT if module else specs.HTML_CLASSIC_SCRIPT
    )
    trace.skipped(
        "script.errors", "No script, no errors to see", "The script never ran.", specs.HTML_MUTED_ERRORS
    )
    return Verdict(
        resource="script",
        can=(("execute", False), ("read_errors", False)),
        trace=trace.steps(),
        console=console,
        fixes=fixes,
        warnings=_warnings(ctx, load),
    )


def _not_loaded_detail(load: Load) -> str:
    if load.cors is not None:
        return (
            "A script fetched in CORS mode that fails the CORS check is a network error: it does not run "
            "at all. The script element fires its error event."
        )
    return (
        {
            Failure.CORP_BLOCKED: "The server's Cross-Origin-Resource-Policy forbids this no-cors load: the script element gets a "
            "network error.",
            Failure.MIXED_CONTENT: "Browsers block http scripts on https pages.",
            Failure.REDIRECT_CONTAINS_CREDENTIALS: "The redirect cannot be followed in CORS mode.",
            Failure.TOO_MANY_REDIRECTS: f"Fetch stopped after {MAX_REDIRECTS} redirects: there is no script to use.",
            Failure.REDIRECT_NOT_HTTP: "A redirect to a non-http(s) URL is a network error: there is no script to use.",
            Failure.NOT_OK_STATUS: "HTML runs a script only from a response with an ok status.",
        }.get(load.failure, "The request was not made.")
        if load.failure
        else "The request was not made."
    )


def _mime_check(ctx: Context, trace: Trace, load: Load, module: bool) -> Console | None:
    """Fetch's nosniff and MIME-type blocks and HTML's module MIME rule; None when the script may run."""
    headers = ctx.scenario.response.headers
    implied = _content_type(ctx)
    if implied is None:
        trace.skipped(
            "script.mime",
            "No Content-Type in the scenario: assumed text/javascript",
            "The scenario does not say what Content-Type the server sends, so this check assumes a "
            "JavaScript MIME type. Without one a module script fails, and with "
            "X-Content-Type-Options: nosniff so does a classic script.",
            specs.FETCH_SCRIPT_MIME,
        )
        return None
    mime = implied
    if mime in JS_MIME_TYPES:
        trace.passed(
            "script.mime", f"Content-Type {mime} is a JavaScript MIME type", "", specs.FETCH_SCRIPT_MIME
        )
        return None
    url = load.url.href
    if module:
        trace.failed(
            "script.mime",
            f"A module script must be served as JavaScript, not {mime}",
            "HTML checks module scripts' MIME type strictly, whatever X-Content-Type-Options says.",
            specs.HTML_MODULE_SCRIPT,
        )
        return Console(
            chrome=render(Failure.MODULE_MIME_TYPE, CHROME, mime=mime),
            firefox=render(Failure.MODULE_MIME_TYPE, FIREFOX, url=url, mime=mime),
        )
    nosniff_value = h.get_combined(headers, "X-Content-Type-Options")
    nosniff = nosniff_value is not None and h.trim(nosniff_value.split(",", 1)[0]).lower() == "nosniff"
    if nosniff:
        orb = (
            " For a cross-origin no-cors response Chrome's Opaque Response Blocking may already have dropped "
            f"the body ({render(NET_BLOCKED_BY_ORB, CHROME)}); either way the script does not run."
            if load.tainting == "opaque"
            else ""
        )
        trace.failed(
            "script.mime",
            f"nosniff: {mime} is not a JavaScript MIME type, so it does not run",
            "With X-Content-Type-Options: nosniff a script must be served with a JavaScript MIME type." + orb,
            specs.FETCH_NOSNIFF,
        )
        # ORB drops an opaque one before the MIME check, and Chromium 156 then prints nothing.
        dropped = load.tainting == "opaque" and not mime.startswith(("image/", "audio/", "video/"))
        return Console(
            chrome=None if dropped else render(Failure.NOSNIFF_MIME_TYPE, CHROME, url=url, mime=mime),
            firefox=render(Failure.NOSNIFF_MIME_TYPE, FIREFOX, url=url, mime=mime),
        )
    if mime.startswith(("image/", "audio/", "video/")) or mime == "text/csv":
        trace.failed(
            "script.mime",
            f"{mime} is never executed as a script",
            "Fetch blocks scripts served as image, audio, video or text/csv even without nosniff.",
            specs.FETCH_SCRIPT_MIME,
        )
        return Console(chrome=render(Failure.SCRIPT_MIME_BLOCKED, CHROME, url=url, mime=mime))
    trace.info(
        "script.mime",
        f"{mime} is not a JavaScript MIME type, but a classic script still runs",
        "Without X-Content-Type-Options: nosniff browsers execute a classic script whatever its type "
        "(except image, audio, video and text/csv). Serve it as text/javascript.",
        specs.FETCH_SCRIPT_MIME,
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
    if load.tainting != "basic" and load.failure not in (Failure.MIXED_CONTENT, Failure.NOT_OK_STATUS):
        return (
            f"A third-party script runs with your page's full powers. Pin the exact file with Subresource "
            f'Integrity: <script src="{load.url.href}" integrity="sha384-<base64 SHA-384 of the file>" '
            'crossorigin="anonymous"></script> (SRI on a cross-origin script needs CORS: the server must send '
            f"{ACAO}).",
        )
    return ()
