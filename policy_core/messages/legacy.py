"""Messages of older wordings (2014 onwards) and sentences the engine never prints; used by explain.

Everything here is a browser's sentence that explain recognises but the engine does not print:
Chrome's older wordings, Firefox's and Safari's sentences for failures the playground does not
model (a network error, a preference, Private Network Access), and their older forms.

Keys (the convention of this module):

* ``<failure code>`` — a failure whose every wording lives here (no other area prints it), e.g.
  ``cors-disabled``; its wordings are the browsers' reason sentences.
* ``legacy.<key>.<n>`` — more wordings of a key whose current wordings belong to another area
  module: ``legacy.missing-allow-origin.1`` is one more reason sentence of ``missing-allow-origin``,
  ``legacy.frame.cors.1`` one more form of the frame ``frame.cors``. ``n`` counts from 1 and only
  keeps keys distinct; explain reads the key back as ``<key>`` (``policy_core.explain.patterns.base_key``).

Roles of the dotted keys explain knows (the engine's areas register the current wordings; the
constants are in ``policy_core/explain/patterns.py``): ``frame.cors`` the sentence around a CORS
reason (its ``{reason}`` field; Safari's is the ``… cannot load`` line printed after the reason),
``frame.cors.redirected`` Chrome's frame with ``(redirected from …)``, ``frame.cors.quoted``,
``frame.cors.with-status`` and ``frame.cors.quoted.with-status`` Firefox's other frames,
``frame.cors.preflight`` Chrome's preflight prefix, ``frame.cors.warning`` Firefox's warning
frame, ``frame.cors.status`` the status sentence after old Chrome's message, ``frame.cors.origin``
the origin sentence after it, and ``suffix.<name>`` a sentence Chrome appends to some reasons. A
key ``<failure>.<detail>`` (``canvas-tainted.export``) is one more reason sentence of that failure.

``era`` is ``current`` or the browser versions a wording belongs to. Templates follow the catalogue's
rule: plain ``{field}`` names, the literal text between them exactly the browser's.
"""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import CHROME, FIREFOX, SAFARI, Message, Wording
from .codes import Failure
from .subresources import CANVAS_EXPORT

# Chromium before 133 advised mode 'no-cors' after some reasons (cors_error_string.cc, kNoCorsInformation).
NO_CORS_ADVICE = "Chromium up to 132 (with the no-cors advice)"
# Chrome's XMLHttpRequest-era frame, before "Access to … at … from origin …" (Chrome 64 and earlier).
CHROME_XHR_ERA = "legacy (Chrome up to about 2017)"
# The CORS-RFC1918 draft's headers, shipped behind a flag in 2020 and superseded by Private Network Access.
RFC1918_ERA = "Chromium 2020 (CORS-RFC1918)"
# Chrome's DOMException text before the exception's own reason (for a DOM method that threw).
_DOM_EXCEPTION = "Failed to execute '{operation}' on '{interface}': "
OLDER_FIREFOX = "older Firefox"  # the keys CORSPreflightDidNotSucceed and CORSMissingAllowHeaderFromPreflight


def _one(key: str, *wordings: Wording) -> Message:
    return Message(key=key, wordings=wordings)


CATALOGUE.register(
    # --- Chrome: frames and suffixes of older versions --------------------------------------------------
    _one(
        "legacy.frame.cors.1",
        Wording(browser=CHROME, text="{api} cannot load {url}. {reason}", era=CHROME_XHR_ERA),
    ),
    _one(
        "legacy.frame.cors.origin.1",
        Wording(
            browser=CHROME, text="Origin '{origin}' is therefore not allowed access.", era=CHROME_XHR_ERA
        ),
    ),
    _one(
        "legacy.frame.cors.status.1",
        Wording(browser=CHROME, text="The response had HTTP status code {status}.", era=CHROME_XHR_ERA),
    ),
    _one(
        "legacy.suffix.fetch.1",
        Wording(
            browser=CHROME,
            text="Have the server send the header with a valid value, or, if an opaque response serves your needs, "
            "set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
            era=NO_CORS_ADVICE,
        ),
    ),
    _one(
        "legacy.suffix.missing-allow-origin.1",
        Wording(
            browser=CHROME,
            text="If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the "
            "resource with CORS disabled.",
            era=NO_CORS_ADVICE,
        ),
    ),
    # --- Chrome: reasons the engine does not print (cors_error_string.cc) -------------------------------
    _one(Failure.INVALID_RESPONSE, Wording(browser=CHROME, text="The response is invalid.")),
    _one(
        Failure.INVALID_PRIVATE_NETWORK_ACCESS,
        Wording(
            browser=CHROME,
            text="Request had a target IP address space of `{target}` yet the resource is in address space `{space}`.",
        ),
    ),
    _one(
        Failure.UNEXPECTED_PRIVATE_NETWORK_ACCESS,
        Wording(
            browser=CHROME,
            text="Request had no target IP address space, yet the resource is in address space `{space}`.",
        ),
    ),
    _one(
        Failure.PREFLIGHT_MISSING_ALLOW_PRIVATE_NETWORK,
        Wording(
            browser=CHROME,
            text="No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this "
            "private network request targeting the `{space}` address space.",
        ),
    ),
    _one(
        Failure.PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK,
        Wording(
            browser=CHROME,
            text="The 'Access-Control-Allow-Private-Network' header in the preflight response for this private "
            "network request targeting the `{space}` address space had a value of '{value}',  not 'true'.",
        ),
    ),
    _one(
        Failure.PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_ID,
        Wording(
            browser=CHROME,
            text="No 'Private-Network-Access-Id' header was present in the preflight response for this private "
            "network request targeting the `{space}` address space.",
        ),
    ),
    _one(
        Failure.PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_NAME,
        Wording(
            browser=CHROME,
            text="No 'Private-Network-Access-Name' header was present in the preflight response for this private "
            "network request targeting the `{space}` address space.",
        ),
    ),
    _one(
        Failure.PRIVATE_NETWORK_PERMISSION_UNAVAILABLE,
        Wording(
            browser=CHROME, text="Unable to ask for permission to access the `{space}` IP address space."
        ),
    ),
    _one(
        Failure.PREFLIGHT_MISSING_ALLOW_EXTERNAL,
        Wording(
            browser=CHROME,
            text="No 'Access-Control-Allow-External' header was present in the preflight response for this external "
            "request (This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/').",
            era=RFC1918_ERA,
        ),
    ),
    _one(
        Failure.PREFLIGHT_INVALID_ALLOW_EXTERNAL,
        Wording(
            browser=CHROME,
            text="The 'Access-Control-Allow-External' header in the preflight response for this external request had "
            "a value of '{value}',  not 'true'",
            era=RFC1918_ERA,
        ),
    ),
    # --- Chrome: outside fetch -----------------------------------------------------------------------------
    # The frame being accessed is sandboxed: documents.py has that wording; here the other side's.
    _one(
        "legacy.sandboxed-frame-access.1",
        Wording(
            browser=CHROME,
            text='Sandbox access violation: Blocked a frame at "{origin}" from accessing a frame at "{url}". The frame '
            'requesting access is sandboxed and lacks the "allow-same-origin" flag.',
        ),
    ),
    # Chrome's whole exception for toDataURL and toBlob; its reason is the engine's (subresources.py).
    _one(
        "legacy.canvas-tainted.1",
        Wording(browser=CHROME, text=_DOM_EXCEPTION + CATALOGUE[CANVAS_EXPORT].wording(CHROME).text),
    ),
    _one(
        "legacy.canvas-tainted.2",
        Wording(browser=CHROME, text=_DOM_EXCEPTION + "Tainted canvases may not be loaded."),
    ),
    # WebKit's DOMWindow::crossDomainAccessErrorMessage, when only the schemes differ.
    _one(
        "legacy.cross-origin-frame-access.1",
        Wording(
            browser=SAFARI,
            text='Blocked a frame with origin "{origin}" from accessing a frame with origin "{url}". The frame '
            'requesting access has a protocol of "{scheme}", the frame being accessed has a protocol of '
            '"{target_scheme}". Protocols must match.',
        ),
    ),
    # --- Firefox: security.properties keys for failures the engine does not model ---------------------
    _one(Failure.CORS_DISABLED, Wording(browser=FIREFOX, text="CORS disabled")),
    _one(Failure.REQUEST_DID_NOT_SUCCEED, Wording(browser=FIREFOX, text="CORS request did not succeed")),
    _one(
        Failure.ORIGIN_HEADER_NOT_ADDED, Wording(browser=FIREFOX, text="CORS header ‘Origin’ cannot be added")
    ),
    # Older keys, as MDN's error pages name them.
    _one(
        "legacy.preflight-invalid-status.1",
        Wording(browser=FIREFOX, text="CORS preflight channel did not succeed", era=OLDER_FIREFOX),
    ),
    _one(
        "legacy.header-not-allowed.1",
        Wording(
            browser=FIREFOX,
            text="missing token ‘{header}’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel",
            era=OLDER_FIREFOX,
        ),
    ),
    # --- Safari: the reason lines with the status code newer Safari appends -----------------------------
    _one(
        "legacy.origin-not-allowed.1",
        Wording(
            browser=SAFARI,
            text="Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: {status}",
        ),
    ),
    _one(
        "legacy.preflight-invalid-status.2",
        Wording(browser=SAFARI, text="Preflight response is not successful. Status code: {status}"),
    ),
)
