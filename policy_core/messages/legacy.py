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
from .catalogue import CHROME, EDGE, FIREFOX, SAFARI, Message, Wording
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

# --- issue 12: what people really paste ------------------------------------------------------------------
# The wordings below were found in the public pastes of tests/explain_corpus (each era names the browser
# versions; "as pasted" marks a form users' consoles or redactions leave, such as a URL taken out).
CHROME_2014 = "Chrome 42-63 (XMLHttpRequest era)"
CHROME_FAILED_TO_LOAD = "Chrome 64-69 ('Failed to load URL:')"
CHROME_FONT = "Chrome up to 63 (web fonts)"
WEBKIT_ERA = "WebKit (Safari up to 9, Chrome up to 27)"
AS_PASTED = "as pasted (a part of the message left out)"
CHROME_SAMESITE_WARNING = "Chrome 76-79 (a warning before SameSite=Lax by default)"
CHROME_SAMESITE_BLOCK = "Chrome 80-84 (SameSite=Lax by default)"
DEVTOOLS_ISSUE = "current (DevTools Issues panel)"
FIREFOX_2014 = "Firefox 24-37 (no reason given)"
EDGE_LEGACY = "Internet Explorer 10-11 and EdgeHTML 12-18"

CATALOGUE.register(
    # --- Chrome: frames of older versions, and as pasted ------------------------------------------------
    _one("legacy.frame.cors.2", Wording(browser=CHROME, text="Access to {kind} at from origin '{origin}' has been blocked by CORS policy: {reason}", era=AS_PASTED)),
    _one("legacy.frame.cors.3", Wording(browser=CHROME, text="Access to {kind} at {url} from origin '{origin}' has been blocked by CORS policy: {reason}", era=AS_PASTED)),
    _one("legacy.frame.cors.4", Wording(browser=CHROME, text="Access to {kind} at '{url}' from origin has been blocked by CORS policy: {reason}", era=AS_PASTED)),
    _one("legacy.frame.cors.5", Wording(browser=CHROME, text="Access to {kind} at `{url}` has been blocked by CORS policy: {reason}", era=AS_PASTED)),
    _one("legacy.frame.cors.6", Wording(browser=CHROME, text="Failed to load {url}: {reason}", era=CHROME_FAILED_TO_LOAD)),
    _one("legacy.frame.cors.7", Wording(browser=CHROME, text="Failed to load {url} {reason}", era=AS_PASTED)),
    _one("legacy.frame.cors.8", Wording(browser=CHROME, text="Failed to load: {url} {reason}", era=AS_PASTED)),
    _one(
        "legacy.frame.cors.9",
        Wording(
            browser=CHROME,
            text="Font from origin '{url}' has been blocked from loading by Cross-Origin Resource Sharing policy: {reason}",
            era=CHROME_FONT,
        ),
    ),
    _one("legacy.frame.cors.10", Wording(browser=CHROME, text="{api} cannot load {url} {reason}", era=AS_PASTED)),
    _one(
        "legacy.suffix.xhr.1",
        Wording(
            browser=CHROME,
            text=" The credentials mode of an XMLHttpRequest is controlled by the withCredentials attribute.",
            era=CHROME_2014,
        ),
    ),
    # --- Chrome: older reasons ---------------------------------------------------------------------------
    _one(
        "legacy.wildcard-with-credentials.1",
        Wording(
            browser=CHROME,
            # {wildcard}: '*', or '_' where markdown ate the star
            text="A wildcard '{wildcard}' cannot be used in the 'Access-Control-Allow-Origin' header when the "
            "credentials flag is true.",
            era=CHROME_2014,
        ),
    ),
    _one(
        "legacy.preflight-disallowed-redirect.1",
        Wording(browser=CHROME, text="Response for preflight is invalid (redirect)", era=CHROME_2014),
    ),
    _one(
        "legacy.preflight-invalid-status.3",
        Wording(browser=CHROME, text="Response for preflight has invalid HTTP status code {status}", era=CHROME_2014),
    ),
    _one(
        Failure.PREFLIGHTED_REQUEST_REDIRECTED,
        Wording(
            browser=CHROME,
            text="The request was redirected to '{location}', which is disallowed for cross-origin requests that "
            "require preflight.",
            era="Chrome up to 51",
        ),
    ),
    # --- Chrome: outside fetch -------------------------------------------------------------------------------
    _one(
        "legacy.x-frame-options.1",
        Wording(
            browser=CHROME,
            text="Refused to display in a frame because it set 'X-Frame-Options' to '{disposition}'.",
            era=AS_PASTED,
        ),
    ),
    _one(
        "legacy.frame-ancestors.1",
        Wording(
            browser=CHROME,
            text="Refused to display '{url}' in a frame because an ancestor violates the following Content Security "
            'Policy directive: "{directive}".',
            era="Chrome up to 60",
        ),
    ),
    _one(
        "legacy.frame-ancestors.2",
        Wording(
            browser=CHROME,
            text='ancestor violates the following Content Security Policy directive: "{directive}"',
            era=AS_PASTED,
        ),
    ),
    _one(
        "legacy.cross-origin-frame-access.2",
        Wording(
            browser=CHROME,
            text="Unsafe JavaScript attempt to access frame with URL {url} from frame with URL {page}. Domains, "
            "protocols and ports must match.",
            era=WEBKIT_ERA,
        ),
    ),
    # Mixed content: Chrome's warning for passive content, and the blocked line cut short.
    _one(
        "legacy.mixed-content.1",
        Wording(
            browser=CHROME,
            text="Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure {what} "
            "'{url}'. This content should also be served over HTTPS.",
            era="current (passive content: a warning)",
        ),
    ),
    _one(
        "legacy.mixed-content.2",
        Wording(
            browser=CHROME,
            text="Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure {what} '{url}'.",
            era=AS_PASTED,
        ),
    ),
    _one(
        "legacy.mixed-content.3",
        Wording(
            browser=CHROME, text="was loaded over HTTPS, but requested an insecure {what} '{url}'.", era=AS_PASTED
        ),
    ),
    # Firefox's security.properties BlockMixedActiveContent / BlockMixedDisplayContent (en-US).
    _one("legacy.mixed-content.5", Wording(browser=FIREFOX, text="Blocked loading mixed display content “{url}”")),
    # CORB (Chrome 67 to 2023) and CORP's other texts.
    _one(
        Failure.CORB_BLOCKED,
        Wording(
            browser=CHROME,
            text="Cross-Origin Read Blocking (CORB) blocked cross-origin response {url} with MIME type {mime}. See "
            "https://www.chromestatus.com/feature/5629709824032768 for more details.",
            era="Chrome 67-118",
        ),
        Wording(
            browser=CHROME,
            text="Cross-Origin Read Blocking (CORB) blocked cross-origin response {url} with MIME type {mime}.",
            era=AS_PASTED,
        ),
        Wording(
            browser=CHROME, text="Cross-Origin Read Blocking (CORB) blocked cross-origin response", era=AS_PASTED
        ),
    ),
    # DevTools' Network panel shows the net error alone; {error} names CORP's or COEP's reason.
    _one("legacy.corp-blocked.1", Wording(browser=CHROME, text="ERR_BLOCKED_BY_RESPONSE.{error}")),
    _one(
        "legacy.corp-blocked.2",
        Wording(
            browser=CHROME,
            text="To use this resource from a different origin, the server needs to specify a cross-origin resource "
            "policy in the response headers:",
            era=DEVTOOLS_ISSUE,
        ),
    ),
    # --- cookies: Chrome's console warnings of 2019-2020 and DevTools' issue, Firefox's console -------------
    _one(
        "legacy.cookie-samesite-unspecified-treated-as-lax.1",
        Wording(
            browser=CHROME,
            text="A cookie associated with a cross-site resource at {url} was set without the `SameSite` attribute.",
            era=CHROME_SAMESITE_WARNING,
        ),
    ),
    _one(
        "legacy.cookie-samesite-unspecified-treated-as-lax.2",
        Wording(
            browser=CHROME,
            text="A cookie associated with a cross-site resource at {url} was set without the 'SameSite' attribute.",
            era=CHROME_SAMESITE_WARNING,
        ),
    ),
    _one(
        "legacy.cookie-samesite-unspecified-treated-as-lax.3",
        Wording(
            browser=CHROME,
            text="A cookie associated with a cross-site resource at {url} was set without the SameSite attribute.",
            era=CHROME_SAMESITE_BLOCK,
        ),
    ),
    _one(
        "legacy.cookie-samesite-unspecified-treated-as-lax.4",
        Wording(
            browser=CHROME,
            text="Because a cookie's SameSite attribute was not set or is invalid, it defaults to SameSite=Lax, "
            "which prevents the cookie from being sent in a cross-site request.",
            era=DEVTOOLS_ISSUE,
        ),
    ),
    _one(
        "legacy.cookie-samesite-unspecified-treated-as-lax.5",
        Wording(
            browser=CHROME,
            text="Because a cookie's SameSite attribute was not set or is invalid, it defaults to SameSite=Lax, "
            "which will prevent the cookie from being sent in a cross-site request in a future version of the browser.",
            era="Chrome 80-84 (DevTools Issues panel)",
        ),
    ),
    # Firefox: netwerk/locales/en-US/necko.properties.
    _one(
        "legacy.cookie-samesite-none-insecure.1",
        Wording(
            browser=FIREFOX,
            text="Cookie “{name}” will be soon rejected because it has the “SameSite” attribute set to “None” or an "
            "invalid value, without the “secure” attribute.",
            era="Firefox 69-104 (a warning)",
        ),
    ),
    _one(
        "legacy.cookie-samesite-lax.1",
        Wording(
            browser=FIREFOX,
            text="Cookie “{name}” has been rejected because it is in a cross-site context and its “SameSite” is "
            "“Lax” or “Strict”.",
        ),
    ),
    # --- Firefox and Safari: older sentences ------------------------------------------------------------------
    _one(
        Failure.CORS_BLOCKED,
        Wording(
            browser=FIREFOX,
            text="Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
            "{url}. This can be fixed by moving the resource to the same domain or enabling CORS.",
            era=FIREFOX_2014,
        ),
    ),
    _one("legacy.request-did-not-succeed.1", Wording(browser=FIREFOX, text="CORS request failed", era=OLDER_FIREFOX)),
    _one(
        "legacy.scheme-not-supported.1",
        Wording(browser=SAFARI, text="Cross origin requests are only supported for HTTP.", era=WEBKIT_ERA),
    ),
    _one(Failure.NULL_ORIGIN_REQUEST, Wording(browser=SAFARI, text="Cannot make any requests from null.", era=WEBKIT_ERA)),
    # --- Internet Explorer and EdgeHTML (SEC7118-SEC7123, CSS3115) ---------------------------------------------
    _one(
        Failure.CORS_REQUEST_NOTICE,
        Wording(browser=EDGE, text="SEC7118: {api} for {url} required Cross Origin Resource Sharing (CORS).", era=EDGE_LEGACY),
        Wording(browser=EDGE, text="SEC7119: {api} for {url} required CORS preflight.", era=EDGE_LEGACY),
    ),
    _one(
        "legacy.origin-not-allowed.2",
        Wording(browser=EDGE, text="SEC7120: Origin {origin} not found in Access-Control-Allow-Origin header.", era=EDGE_LEGACY),
    ),
    _one(
        "legacy.origin-not-allowed.3",
        Wording(
            browser=EDGE,
            text="SEC7120: [CORS] The origin '{origin}' failed to allow a cross-origin {what} resource at '{url}'.",
            era=EDGE_LEGACY,
        ),
    ),
    _one(
        "legacy.wildcard-with-credentials.2",
        Wording(
            browser=EDGE,
            text="SEC7121: Wildcard in Access-Control-Allow-Origin not allowed when credentials flag is set to true.",
            era=EDGE_LEGACY,
        ),
    ),
    _one(
        "legacy.header-not-allowed.2",
        Wording(
            browser=EDGE,
            text="SEC7123: Request header {header} was not present in the Access-Control-Allow-Headers list.",
            era=EDGE_LEGACY,
        ),
    ),
    _one(
        "legacy.missing-allow-origin.1",
        Wording(
            browser=EDGE,
            text="CSS3115: @font-face failed cross-origin request. No Access-Control-Allow-Origin header.",
            era=EDGE_LEGACY,
        ),
    ),
)

CATALOGUE.register(
    # Firefox's frame with the URL redacted to "..." and its "at" lost; its reason cut after "CORS header".
    _one(
        "legacy.frame.cors.11",
        Wording(
            browser=FIREFOX,
            text="Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource {url} "
            "(Reason: {reason}).",
            era=AS_PASTED,
        ),
    ),
    _one("legacy.header-not-allowed.3", Wording(browser=FIREFOX, text="missing token ‘{header}’ in CORS header", era=AS_PASTED)),
)

# Firefox's localized sentences register with the legacy ones (policy_core/messages/localized.py).
from . import localized  # noqa: E402,F401
