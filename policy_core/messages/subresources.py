"""Messages of subresources: image and script loads, canvas taint, muted errors, CORP, ORB, mixed content.

Chrome's canvas text is Blink's exception text, Firefox's is observed, Safari's is WebKit's
console line (browser-rules.md § 2.4). The mixed-content, CORP, MIME and ORB lines are observed
in Chrome consoles (not in browser-rules.md).
"""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import CHROME, FIREFOX, SAFARI, Message, Wording
from .codes import Failure

CANVAS_EXPORT = "canvas-tainted.export"  # Chrome's toDataURL / toBlob exception
NET_BLOCKED_BY_ORB = "net.blocked-by-orb"
# Chrome's network-layer line after a load ends in a network error, or in an error status (Chromium 156).
LOAD_FAILED = "load-failed.err-failed"  # a CORS failure (preflight, response or redirect)
LOAD_FAILED_TOO_MANY_REDIRECTS = "load-failed.too-many-redirects"
LOAD_FAILED_UNSAFE_REDIRECT = "load-failed.unsafe-redirect"  # a redirect to a non-http(s) URL
LOAD_ERROR_STATUS = "load-failed.error-status"  # a response with status >= 400 that reached the page
# Mixed-content warnings, not blocks (Chromium 156): an image rewritten to https, a form posting to http.
MIXED_CONTENT_UPGRADED = Failure.MIXED_CONTENT_UPGRADED
MIXED_CONTENT_FORM = Failure.MIXED_CONTENT_FORM
# The reason phrases a typical HTTP/1.1 server sends (RFC 7231 § 6 names, as Python's http.server and the
# browser harness send them), which Chrome's status line quotes.
REASON_PHRASES = {
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
    408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
    413: "Request Entity Too Large", 414: "Request-URI Too Long", 415: "Unsupported Media Type",
    416: "Requested Range Not Satisfiable", 417: "Expectation Failed", 418: "I'm a Teapot",
    421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency",
    425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
    431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
    507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended",
    511: "Network Authentication Required",
}

# Everything this area registers (the tests check each wording).
MESSAGES: tuple[Message, ...] = (
    Message(
        key=Failure.MIXED_CONTENT,
        wordings=(
            Wording(
                browser=CHROME,
                text="Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure "
                "{what} '{url}'. This request has been blocked; the content must be served over HTTPS.",
            ),
            # Firefox 153 (the browser suite), for a blocked fetch or frame.
            Wording(browser=FIREFOX, text="Blocked loading mixed active content “{url}”"),
        ),
    ),
    Message(
        key=MIXED_CONTENT_UPGRADED,
        wordings=(
            Wording(
                browser=CHROME,
                text="Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure "
                "element '{url}'. This request was automatically upgraded to HTTPS, For more information see "
                "https://blog.chromium.org/2019/10/no-more-mixed-messages-about-https.html",
            ),
        ),
    ),
    Message(
        key=MIXED_CONTENT_FORM,
        wordings=(
            Wording(
                browser=CHROME,
                text="Mixed Content: The page at '{page}' was loaded over a secure connection, but contains a form "
                "that targets an insecure endpoint '{url}'. This endpoint should be made available over a secure "
                "connection.",
            ),
        ),
    ),
    Message(
        key=Failure.CORP_BLOCKED,
        wordings=(
            # {error} is NotSameOrigin or NotSameSite; "Failed to load resource: " is Chrome's frame.
            Wording(browser=CHROME, text="Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.{error}"),
            # Firefox 153 (the browser suite).
            Wording(
                browser=FIREFOX,
                text="The resource at “{url}” was blocked due to its Cross-Origin-Resource-Policy header (or lack "
                "thereof). See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy_(CORP)#",
            ),
            Wording(
                browser=SAFARI,
                text="Cancelled load to {url} because it violates the resource's Cross-Origin-Resource-Policy "
                "response header.",
            ),
        ),
    ),
    Message(
        key=Failure.CANVAS_TAINTED,
        wordings=(
            Wording(
                browser=CHROME,
                text="Failed to execute '{operation}' on '{interface}': The canvas has been tainted by "
                "cross-origin data.",
            ),
            Wording(browser=FIREFOX, text="The operation is insecure."),
            Wording(
                browser=SAFARI,
                text="Unable to get image data from canvas because the canvas has been tainted by cross-origin "
                "data.",
            ),
        ),
    ),
    Message(key=CANVAS_EXPORT, wordings=(Wording(browser=CHROME, text="Tainted canvases may not be exported."),)),
    # The message window.onerror gets for a muted error (every browser).
    Message(
        key=Failure.SCRIPT_ERROR_MUTED,
        wordings=tuple(Wording(browser=b, text="Script error.") for b in (CHROME, FIREFOX, SAFARI)),
    ),
    Message(
        key=Failure.MODULE_MIME_TYPE,
        wordings=(
            # Newest Chrome says "JavaScript-or-Wasm" (observed 2025); older builds said "JavaScript module script".
            Wording(
                browser=CHROME,
                text="Failed to load module script: Expected a JavaScript-or-Wasm module script but the server "
                'responded with a MIME type of "{mime}". Strict MIME type checking is enforced for module '
                "scripts per HTML spec.",
            ),
            Wording(
                browser=FIREFOX,
                text="Loading module from “{url}” was blocked because of a disallowed MIME type (“{mime}”).",
            ),
        ),
    ),
    Message(
        key=Failure.NOSNIFF_MIME_TYPE,
        wordings=(
            Wording(
                browser=CHROME,
                text="Refused to execute script from '{url}' because its MIME type ('{mime}') is not executable, "
                "and strict MIME type checking is enabled.",
            ),
            Wording(
                browser=FIREFOX,
                text="The resource from “{url}” was blocked due to MIME type (“{mime}”) mismatch "
                "(X-Content-Type-Options: nosniff).",
            ),
        ),
    ),
    Message(
        key=Failure.SCRIPT_MIME_BLOCKED,
        wordings=(
            Wording(
                browser=CHROME,
                text="Refused to execute script from '{url}' because its MIME type ('{mime}') is not executable.",
            ),
            # Firefox 153 (the browser suite).
            Wording(
                browser=FIREFOX,
                text="Script from “{url}” was blocked because of a disallowed MIME type (“{mime}”).",
            ),
        ),
    ),
    Message(key=NET_BLOCKED_BY_ORB, wordings=(Wording(browser=CHROME, text="net::ERR_BLOCKED_BY_ORB"),)),
    Message(key=LOAD_FAILED, wordings=(Wording(browser=CHROME, text="Failed to load resource: net::ERR_FAILED"),)),
    Message(
        key=LOAD_FAILED_TOO_MANY_REDIRECTS,
        wordings=(Wording(browser=CHROME, text="Failed to load resource: net::ERR_TOO_MANY_REDIRECTS"),),
    ),
    Message(
        key=LOAD_FAILED_UNSAFE_REDIRECT,
        wordings=(Wording(browser=CHROME, text="Failed to load resource: net::ERR_UNSAFE_REDIRECT"),),
    ),
    Message(
        key=LOAD_ERROR_STATUS,
        wordings=(
            # {phrase} is the status line's reason phrase as the server sent it ("" for a blocked frame).
            Wording(browser=CHROME, text="Failed to load resource: the server responded with a status of {status} ({phrase})"),
        ),
    ),
)

CATALOGUE.register(*MESSAGES)
