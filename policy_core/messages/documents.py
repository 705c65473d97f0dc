"""Messages of documents: cross-origin DOM access, X-Frame-Options, CSP frame-ancestors.

Chrome's framing messages come from ``content/browser/renderer_host/ancestor_throttle.cc``; ``{url}``
there is the framed document's origin as a URL, with a trailing slash (browser-rules.md § 2.4).
"""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import CHROME, FIREFOX, SAFARI, Message, Wording
from .codes import Failure

# A DOMException as the console shows it: the exception's name, then its message.
SECURITY_ERROR = "frame.security-error"
# Chrome's thrown form of a cross-origin property read (observed pasted; the engine prints the reason alone).
WINDOW_PROPERTY = "frame.window-property"
# Chrome's frame-ancestors refusal before Chromium printed "Framing '…' violates …" (browser-rules.md § 2.4).
OLDER_CHROME = "older Chrome (browser-rules.md § 2.4)"

CATALOGUE.register(
    Message(
        key=Failure.CROSS_ORIGIN_FRAME_ACCESS,
        wordings=(
            Wording(browser=CHROME, text='Blocked a frame with origin "{origin}" from accessing a cross-origin frame.'),
            Wording(browser=FIREFOX, text='Permission denied to access property "{property}" on cross-origin object'),
            Wording(
                browser=SAFARI,
                text='Blocked a frame with origin "{origin}" from accessing a frame with origin "{url}". '
                "Protocols, domains, and ports must match.",
            ),
        ),
    ),
    Message(
        key=Failure.SANDBOXED_FRAME_ACCESS,
        wordings=(
            Wording(
                browser=CHROME,
                text='Sandbox access violation: Blocked a frame at "{origin}" from accessing a frame at "{url}". '
                'The frame being accessed is sandboxed and lacks the "allow-same-origin" flag.',
            ),
        ),
    ),
    Message(
        key=SECURITY_ERROR,
        wordings=(Wording(browser=FIREFOX, text="SecurityError: {reason}"),),
    ),
    Message(
        key=WINDOW_PROPERTY,
        wordings=(
            Wording(
                browser=CHROME,
                text="SecurityError: Failed to read a named property '{property}' from 'Window': {reason}",
            ),
        ),
    ),
    Message(
        key=Failure.X_FRAME_OPTIONS,
        wordings=(
            Wording(
                browser=CHROME,
                text="Refused to display '{url}' in a frame because it set 'X-Frame-Options' to '{disposition}'.",
            ),
            # Firefox 153 (the browser suite): the framed document's URL; the closing quotes are “ as printed.
            Wording(
                browser=FIREFOX,
                text="The loading of “{url}” in a frame is denied by “X-Frame-Options“ directive set to "
                "“{disposition}“.",
            ),
        ),
    ),
    Message(
        key=Failure.X_FRAME_OPTIONS_CONFLICT,
        wordings=(
            Wording(
                browser=CHROME,
                text="Refused to display '{url}' in a frame because it set multiple 'X-Frame-Options' headers with "
                "conflicting values ('{value}'). Falling back to 'deny'.",
            ),
        ),
    ),
    Message(
        key=Failure.X_FRAME_OPTIONS_INVALID,
        wordings=(
            Wording(
                browser=CHROME,
                text="Invalid 'X-Frame-Options' header encountered when loading '{url}': '{value}' is not a "
                "recognized directive. The header will be ignored.",
            ),
            # Firefox 153 names no value: it prints the word “invalid” whatever the header said.
            Wording(
                browser=FIREFOX,
                text="Invalid X-Frame-Options header was found when loading “{url}”: “invalid” is not a valid "
                "directive.",
            ),
        ),
    ),
    Message(
        key=Failure.FRAME_ANCESTORS,
        wordings=(
            # Chromium 156 (the browser suite); it ends the line with a newline, which the console drops.
            Wording(
                browser=CHROME,
                text="Framing '{url}' violates the following Content Security Policy directive: \"{directive}\". "
                "The request has been blocked.",
            ),
            Wording(
                browser=CHROME,
                text="Refused to frame '{url}' because an ancestor violates the following Content Security Policy "
                'directive: "{directive}".',
                era=OLDER_CHROME,
            ),
            # Firefox 153: {url} is the ancestor's URL when it is same-origin with the frame, else <unknown>.
            Wording(
                browser=FIREFOX,
                text="Content-Security-Policy: The page’s settings blocked the loading of a resource (frame-ancestors) "
                "at {url} because it violates the following directive: “{directive}”",
            ),
        ),
    ),
    Message(
        key=Failure.FRAME_ANCESTORS_REPORT_ONLY,
        wordings=(
            Wording(
                browser=CHROME,
                text="Framing '{url}' violates the following report-only Content Security Policy directive: "
                '"{directive}". The violation has been logged, but no further action has been taken.',
            ),
            Wording(
                browser=FIREFOX,
                text="Content-Security-Policy: (Report-Only policy) The page’s settings would block the loading of a "
                "resource (frame-ancestors) at {url} because it violates the following directive: “{directive}”",
            ),
        ),
    ),
)
