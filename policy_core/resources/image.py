"""``image``: does an ``<img>`` from the target show on the page, and can the page read its pixels?

The same-origin policy restricts reading, not loading: a cross-origin image displays, but
drawing it on a canvas clears the canvas's origin-clean flag unless the image was fetched in
CORS mode (the ``crossorigin`` attribute) and passed the CORS check (HTML § CORS settings
attributes; HTML § Security with canvas elements).
"""

from __future__ import annotations

from dataclasses import replace

from .. import specs
from ..console import with_line, with_line_before
from ..context import Context
from ..cors import ACAO
from ..element_request import element_request
from ..headers import has
from ..messages import CHROME, FIREFOX, SAFARI, Failure, render
from ..messages.subresources import CANVAS_EXPORT, MIXED_CONTENT_UPGRADED
from ..mixed_content import is_mixed_content
from ..redirects import MAX_REDIRECTS
from ..report import Console, Trace, Verdict
from ..subresource import Load, fetch_subresource
from .element_load import element_issues, with_firefox_load_line

# What getImageData on a tainted canvas prints (browser-rules.md § 2.4).
TAINTED = Console(
    chrome=render(Failure.CANVAS_TAINTED, CHROME, operation="getImageData", interface="CanvasRenderingContext2D"),
    firefox=render(Failure.CANVAS_TAINTED, FIREFOX),
    safari=render(Failure.CANVAS_TAINTED, SAFARI),
)
_WHY = {
    "none": "The <img> has no crossorigin attribute.",
    "anonymous": 'crossorigin="anonymous" asks for a CORS request without cross-origin credentials.',
    "use-credentials": 'crossorigin="use-credentials" asks for a CORS request with credentials.',
}


def evaluate(ctx: Context) -> Verdict:
    verdict = _evaluate(ctx)
    page, target = ctx.scenario.page, ctx.scenario.target
    if not is_mixed_content(page, target):
        return verdict
    # Chromium 156 warns that it rewrote the URL before anything else the load prints.
    line = render(MIXED_CONTENT_UPGRADED, CHROME, page=page.href, url=target.href)
    return replace(verdict, console=replace(verdict.console, chrome=with_line_before(verdict.console.chrome, line)))


def _evaluate(ctx: Context) -> Verdict:
    trace = Trace()
    crossorigin = ctx.scenario.request.crossorigin
    asked = element_request(crossorigin)
    mode, credentials = asked.mode, asked.credentials
    load = fetch_subresource(ctx, trace, "image", mode, credentials, _WHY[crossorigin])
    verdict = _judge(ctx, trace, load)
    return replace(verdict, devtools=element_issues(ctx.scenario, load, verdict.console.chrome))


def _broken(trace: Trace, summary: str, detail: str, never: str, console: Console,
            fixes: tuple[str, ...]) -> Verdict:
    """The <img> shows as broken: nothing to draw on a canvas either."""
    trace.failed("image.display", summary, detail, specs.HTML_IMAGE_DATA)
    trace.skipped("image.canvas", "Nothing to draw on a canvas", never, specs.HTML_CANVAS)
    return Verdict(resource="image", can=(("display", False), ("read_pixels", False)), trace=trace.steps(),
                   console=console, fixes=fixes, warnings=())


def _judge(ctx: Context, trace: Trace, load: Load) -> Verdict:
    url = load.url.href

    if not load.loaded:
        return _broken(trace, "The image does not load: the <img> shows as broken", _not_loaded_detail(load),
                       "The image never loaded.", with_firefox_load_line(ctx.scenario, load), load.fixes)

    body = ctx.scenario.response.body_for("image")
    if load.url.is_http and body != "image":
        detail = (f"The response carries {_BODY_WORDS[body]}, which does not decode as an image, so the element "
                  "fires its error event."
                  + (" (Chrome's Opaque Response Blocking drops an opaque HTML body before it is decoded.)"
                     if body == "html" and load.tainting == "opaque" else ""))
        return _broken(trace, "The body is not an image: the <img> shows as broken", detail,
                       "The image never decoded.", load.console, (f"Serve the image itself at {url}",))

    trace.passed(
        "image.display",
        "The image displays",
        "Showing an image never needs the server's permission: the pixels go to the screen, not to the "
        "page's script.",
        specs.HTML_IMAGE_DATA,
    )
    if load.cors_same_origin:
        how = (
            "it is same-origin with the page"
            if load.tainting == "basic"
            else "it was fetched in CORS mode and passed the CORS check"
        )
        trace.passed(
            "image.canvas",
            "The canvas stays readable: getImageData and toDataURL work",
            f"Drawing the image keeps the canvas origin-clean, because {how}.",
            specs.HTML_CANVAS,
        )
        return Verdict(
            resource="image",
            can=(("display", True), ("read_pixels", True)),
            trace=trace.steps(),
            console=load.console,  # Chrome's status line for an error status, else nothing
            fixes=(),
            warnings=(),
        )

    trace.failed(
        "image.canvas",
        "Drawing it taints the canvas: reading pixels throws SecurityError",
        "The image came from another origin in no-cors mode, so drawImage() clears the canvas's origin-clean "
        "flag. From then on getImageData(), toDataURL(), toBlob() and WebGL texImage2D() throw a "
        f"SecurityError (Chrome: '{render(CANVAS_EXPORT, CHROME)}' for toDataURL and toBlob). The "
        "page can still show the canvas.",
        specs.HTML_CANVAS,
    )
    return Verdict(
        resource="image",
        can=(("display", True), ("read_pixels", False)),
        trace=trace.steps(),
        console=_then(load.console, TAINTED),
        fixes=_taint_fixes(ctx, url, has(ctx.scenario.response.headers, ACAO)),
        warnings=(),
    )


# What a response body that is not an image is, in the trace (scenario.RESPONSE_BODIES).
_BODY_WORDS = {"html": "an HTML page", "script": "a script", "empty": "no body"}


def _then(first: Console, second: Console) -> Console:
    """``first``'s lines, then ``second``'s, per browser."""
    return Console(chrome=with_line(first.chrome, second.chrome), firefox=with_line(first.firefox, second.firefox),
                   safari=with_line(first.safari, second.safari))


def _not_loaded_detail(load: Load) -> str:
    if load.cors is not None:
        return (
            "A CORS-mode image that fails the CORS check is a network error: the image is not shown at all "
            "(not merely unreadable). Remove the crossorigin attribute to show it without reading its pixels, or "
            "have the server allow the page's origin."
        )
    return (
        {
            Failure.CORP_BLOCKED: "The server's Cross-Origin-Resource-Policy forbids this no-cors load, so the element gets a "
            "network error.",
            Failure.REDIRECT_CONTAINS_CREDENTIALS: "The redirect cannot be followed in CORS mode.",
            Failure.TOO_MANY_REDIRECTS: f"Fetch stopped after {MAX_REDIRECTS} redirects: there is no image to use.",
            Failure.REDIRECT_NOT_HTTP: "A redirect to a non-http(s) URL is a network error: there is no image to use.",
            Failure.NOT_OK_STATUS: "The server answered with an error status and a body that is not an image (a "
            "typical server's HTML error page), so there is nothing to decode.",
        }.get(load.failure, "The request was not made.")
        if load.failure
        else "The request was not made."
    )


def _taint_fixes(ctx: Context, url: str, has_acao: bool) -> tuple[str, ...]:
    origin = "*" if ctx.page_origin.opaque else ctx.page_origin_text
    markup = f'<img src="{url}" crossorigin="anonymous">'
    if has_acao:
        return (f"The server already sends {ACAO}; only the attribute is missing: {markup}",)
    return (
        f"Load it in CORS mode: {markup}, and have the image server send {ACAO}: * (a public image) or "
        f"{ACAO}: {origin} — adding the attribute without the header makes the image fail to load at all",
    )
