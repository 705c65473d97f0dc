"""Messages of CORS, preflight, redirects, request mode, scheme and Local Network Access (fetch and the CORS part of image/script).

A failure's message holds each browser's *reason* sentence; the frames around a reason
(Chrome's ``Access to … has been blocked by CORS policy: {reason}``, Firefox's ``Cross-Origin
Request Blocked: … (Reason: {reason}).``, Safari's ``… due to access control checks.``) are
messages of their own under ``frame.*``. Texts: browser-rules.md § 2.1-2.3, Chromium
``cors_error_string.cc`` (newest), Firefox ``dom/locales/en-US/chrome/security/security.properties``.
"""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import CHROME, FIREFOX, SAFARI, Message, Wording
from .codes import Failure


def _m(key: str, *wordings: tuple[str, str]) -> Message:
    return Message(key=key, wordings=tuple(Wording(browser=b, text=t) for b, t in wordings))


# Keys of the frames and suffixes (the failures' keys are their Failure codes).
FRAME = "frame.cors"  # Chrome, Firefox and Safari frames of a blocked CORS request
FRAME_REDIRECTED = "frame.cors.redirected"  # Chrome, when the last URL is not the initial one
FRAME_WITH_STATUS = "frame.cors.with-status"  # Firefox, with the status code
FRAME_QUOTED = "frame.cors.quoted"  # Firefox quotes the URL for some reasons
FRAME_QUOTED_WITH_STATUS = "frame.cors.quoted.with-status"
FRAME_PREFLIGHT = "frame.cors.preflight"  # Chrome's preflight prefix before the reason
FRAME_WARNING = "frame.cors.warning"  # Firefox's "Cross-Origin Request Warning" frame
SUFFIX_FETCH = "suffix.fetch"  # Chrome appends it to some reasons when the initiator is fetch()
SUFFIX_XHR = "suffix.xhr"  # Chrome appends it to the credentials reasons for XMLHttpRequest
TYPEERROR_FAILED_TO_FETCH = "typeerror.failed-to-fetch"
TYPEERROR_URL_CREDENTIALS = "typeerror.url-credentials"
TYPEERROR_NO_CORS_METHOD = "typeerror.no-cors-method"
TYPEERROR_FORBIDDEN_METHOD = "typeerror.forbidden-method"
NET_TOO_MANY_REDIRECTS = "net.too-many-redirects"
# What Chromium 156 prints for mode "same-origin" to another origin: no CORS frame (the request is
# refused before CORS), one sentence for the URL itself and another for a redirect that leaves the origin.
MODE_SAME_ORIGIN = Failure.DISALLOWED_BY_MODE + ".fetch"
MODE_SAME_ORIGIN_REDIRECT = Failure.DISALLOWED_BY_MODE + ".redirect"

# Chrome reports the Authorization-under-* deprecation as a DevTools issue (CDP Audits.issueAdded),
# not as a console line; its text is the failure's Chrome wording.
DEVTOOLS_AUTHORIZATION_WILDCARD = ("DeprecationIssue", "AuthorizationCoveredByWildcard")  # (code, reason)

# Chrome raises a DevTools CorsIssue beside each CORS console line; its reason is Chromium's
# network::mojom::CorsError name (observed in Chromium 156 over the browser suite). A failure of the
# CORS check on a preflight response gets the "Preflight" name.
DEVTOOLS_CORS_ISSUE = "CorsIssue"
CHROME_CORS_ERROR: dict[str, str] = {
    Failure.DISALLOWED_BY_MODE: "DisallowedByMode",
    Failure.INVALID_RESPONSE: "InvalidResponse",
    Failure.SCHEME_NOT_SUPPORTED: "CorsDisabledScheme",
    Failure.MISSING_ALLOW_ORIGIN: "MissingAllowOriginHeader",
    Failure.WILDCARD_WITH_CREDENTIALS: "WildcardOriginNotAllowed",
    Failure.MULTIPLE_ALLOW_ORIGIN: "MultipleAllowOriginValues",
    Failure.INVALID_ALLOW_ORIGIN: "InvalidAllowOriginValue",
    Failure.ALLOW_ORIGIN_MISMATCH: "AllowOriginMismatch",
    Failure.INVALID_ALLOW_CREDENTIALS: "InvalidAllowCredentials",
    Failure.PREFLIGHT_INVALID_STATUS: "PreflightInvalidStatus",
    Failure.PREFLIGHT_DISALLOWED_REDIRECT: "PreflightDisallowedRedirect",
    Failure.INVALID_ALLOW_METHODS: "InvalidAllowMethodsPreflightResponse",
    Failure.INVALID_ALLOW_HEADERS: "InvalidAllowHeadersPreflightResponse",
    Failure.METHOD_NOT_ALLOWED: "MethodDisallowedByPreflightResponse",
    Failure.HEADER_NOT_ALLOWED: "HeaderDisallowedByPreflightResponse",
    Failure.REDIRECT_CONTAINS_CREDENTIALS: "RedirectContainsCredentials",
    Failure.INSECURE_PRIVATE_NETWORK: "InsecurePrivateNetwork",
    Failure.INVALID_PRIVATE_NETWORK_ACCESS: "InvalidPrivateNetworkAccess",
    Failure.UNEXPECTED_PRIVATE_NETWORK_ACCESS: "UnexpectedPrivateNetworkAccess",
    Failure.PREFLIGHT_MISSING_ALLOW_PRIVATE_NETWORK: "PreflightMissingAllowPrivateNetwork",
    Failure.PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK: "PreflightInvalidAllowPrivateNetwork",
}
# The CORS check's own failures, which a preflight response prefixes with "Preflight".
_CORS_CHECK_FAILURES = frozenset({
    Failure.MISSING_ALLOW_ORIGIN, Failure.WILDCARD_WITH_CREDENTIALS, Failure.MULTIPLE_ALLOW_ORIGIN,
    Failure.INVALID_ALLOW_ORIGIN, Failure.ALLOW_ORIGIN_MISMATCH, Failure.INVALID_ALLOW_CREDENTIALS,
})


def chrome_cors_error(failure: str, *, preflight: bool = False) -> str | None:
    """Chromium's CorsError name for ``failure`` (the CorsIssue's reason), or None when it raises none."""
    name = CHROME_CORS_ERROR.get(failure)
    if name is not None and preflight and failure in _CORS_CHECK_FAILURES:
        return "Preflight" + name
    return name


_FIREFOX_FRAME = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "

# Everything this area registers (the tests check each wording).
MESSAGES: tuple[Message, ...] = (
    # --- frames ------------------------------------------------------------------------------------
    _m(
        FRAME,
        (CHROME, "Access to {kind} at '{url}' from origin '{origin}' has been blocked by CORS policy: {reason}"),
        (FIREFOX, _FIREFOX_FRAME + "{url}. (Reason: {reason})."),
        (SAFARI, "{api} cannot load {url} due to access control checks."),
    ),
    _m(
        FRAME_REDIRECTED,
        (
            CHROME,
            "Access to {kind} at '{url}' (redirected from '{initial_url}') from origin '{origin}' has been "
            "blocked by CORS policy: {reason}",
        ),
    ),
    _m(FRAME_WITH_STATUS, (FIREFOX, _FIREFOX_FRAME + "{url}. (Reason: {reason}). Status code: {status}.")),
    _m(FRAME_QUOTED, (FIREFOX, _FIREFOX_FRAME + "‘{url}’. (Reason: {reason}).")),
    _m(FRAME_QUOTED_WITH_STATUS, (FIREFOX, _FIREFOX_FRAME + "‘{url}’. (Reason: {reason}). Status code: {status}.")),
    _m(FRAME_PREFLIGHT, (CHROME, "Response to preflight request doesn't pass access control check: {reason}")),
    _m(
        FRAME_WARNING,
        (
            FIREFOX,
            "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at "
            "{url} soon. (Reason: {reason}).",
        ),
    ),
    _m(SUFFIX_FETCH, (CHROME, " Have the server send the header with a valid value.")),
    _m(
        SUFFIX_XHR,
        (
            CHROME,
            " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the "
            "withCredentials attribute.",
        ),
    ),
    _m(TYPEERROR_FAILED_TO_FETCH, (CHROME, "TypeError: Failed to fetch")),
    _m(
        TYPEERROR_URL_CREDENTIALS,
        (
            CHROME,
            "TypeError: Failed to execute 'fetch' on 'Window': Request cannot be constructed from a URL that "
            "includes credentials: {url}",
        ),
    ),
    _m(
        TYPEERROR_NO_CORS_METHOD,
        (CHROME, "TypeError: Failed to execute 'fetch' on 'Window': '{method}' is unsupported in no-cors mode."),
    ),
    _m(
        TYPEERROR_FORBIDDEN_METHOD,
        (CHROME, "TypeError: Failed to execute 'fetch' on 'Window': '{method}' HTTP method is unsupported."),
    ),
    _m(NET_TOO_MANY_REDIRECTS, (CHROME, "net::ERR_TOO_MANY_REDIRECTS")),
    # --- the CORS check ------------------------------------------------------------------------------
    _m(
        Failure.MISSING_ALLOW_ORIGIN,
        (CHROME, "No 'Access-Control-Allow-Origin' header is present on the requested resource."),
        (FIREFOX, "CORS header ‘Access-Control-Allow-Origin’ missing"),
    ),
    _m(
        Failure.WILDCARD_WITH_CREDENTIALS,
        (
            CHROME,
            "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' "
            "when the request's credentials mode is 'include'.",
        ),
        (FIREFOX, "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’"),
        (SAFARI, "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."),
    ),
    _m(
        Failure.MULTIPLE_ALLOW_ORIGIN,
        (CHROME, "The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed."),
        (FIREFOX, "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed"),
        (SAFARI, "Access-Control-Allow-Origin cannot contain more than one origin."),
    ),
    _m(
        Failure.INVALID_ALLOW_ORIGIN,
        (CHROME, "The 'Access-Control-Allow-Origin' header contains the invalid value '{value}'."),
    ),
    _m(
        Failure.ALLOW_ORIGIN_MISMATCH,
        (CHROME, "The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin."),
        (FIREFOX, "CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’"),
    ),
    _m(Failure.ORIGIN_NOT_ALLOWED, (SAFARI, "Origin {origin} is not allowed by Access-Control-Allow-Origin.")),
    _m(
        Failure.INVALID_ALLOW_CREDENTIALS,
        (
            CHROME,
            "The value of the 'Access-Control-Allow-Credentials' header in the response is '{value}' which must "
            "be 'true' when the request's credentials mode is 'include'.",
        ),
        (FIREFOX, "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’"),
        (SAFARI, 'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".'),
    ),
    # --- request mode, scheme -----------------------------------------------------------------------
    _m(Failure.DISALLOWED_BY_MODE, (CHROME, "Cross origin requests are not allowed by request mode.")),
    _m(
        MODE_SAME_ORIGIN,
        (
            CHROME,
            'Fetch API cannot load {url}. Request mode is "same-origin" but the URL\'s origin is not same as the '
            "request origin {origin}.",
        ),
        # Firefox 153 (the browser suite): {page} is the page's URL.
        (FIREFOX, "Security Error: Content at {page} may not load data from {url}."),
    ),
    _m(
        MODE_SAME_ORIGIN_REDIRECT,
        (CHROME, "Unsafe attempt to load URL {url} from frame with URL {page}. Domains, protocols and ports must match."),
    ),
    _m(
        Failure.SCHEME_NOT_SUPPORTED,
        (CHROME, "Cross origin requests are only supported for protocol schemes: {schemes}."),
        (FIREFOX, "CORS request not http"),
    ),
    # --- the preflight ----------------------------------------------------------------------------------
    _m(
        Failure.PREFLIGHT_DISALLOWED_REDIRECT,
        (CHROME, "Redirect is not allowed for a preflight request."),
        (FIREFOX, "CORS request external redirect not allowed"),
    ),
    _m(
        Failure.PREFLIGHT_INVALID_STATUS,
        (CHROME, "It does not have HTTP ok status."),
        (FIREFOX, "CORS preflight response did not succeed"),
        (SAFARI, "Preflight response is not successful"),
    ),
    _m(
        Failure.INVALID_ALLOW_METHODS,
        (CHROME, "Cannot parse Access-Control-Allow-Methods response header field in preflight response."),
        (FIREFOX, "invalid token ‘{token}’ in CORS header ‘Access-Control-Allow-Methods’"),
    ),
    _m(
        Failure.INVALID_ALLOW_HEADERS,
        (CHROME, "Cannot parse Access-Control-Allow-Headers response header field in preflight response."),
        (FIREFOX, "invalid token ‘{token}’ in CORS header ‘Access-Control-Allow-Headers’"),
    ),
    _m(
        Failure.METHOD_NOT_ALLOWED,
        (CHROME, "Method {method} is not allowed by Access-Control-Allow-Methods in preflight response."),
        (FIREFOX, "Did not find method in CORS header ‘Access-Control-Allow-Methods’"),
        (SAFARI, "Method {method} is not allowed by Access-Control-Allow-Methods."),
    ),
    _m(
        Failure.HEADER_NOT_ALLOWED,
        (
            CHROME,
            "Request header field {header} is not allowed by Access-Control-Allow-Headers in preflight response.",
        ),
        (
            FIREFOX,
            "header ‘{header}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS "
            "preflight response",
        ),
        (SAFARI, "Request header field {header} is not allowed by Access-Control-Allow-Headers."),
    ),
    _m(
        Failure.AUTHORIZATION_WILDCARD,
        (
            CHROME,
            "Authorization will not be covered by the wildcard symbol (*) in CORS Access-Control-Allow-Headers "
            "handling.",
        ),
        (
            FIREFOX,
            "When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To "
            "include the `Authorization` header, it must be explicitly listed in CORS header "
            "`Access-Control-Allow-Headers`",
        ),
    ),
    # --- redirects ------------------------------------------------------------------------------------
    _m(
        Failure.REDIRECT_CONTAINS_CREDENTIALS,
        (
            CHROME,
            "Redirect location '{location}' contains a username and password, which is disallowed for "
            "cross-origin requests.",
        ),
    ),
    # --- Local Network Access ---------------------------------------------------------------------------
    _m(
        Failure.INSECURE_PRIVATE_NETWORK,
        (
            CHROME,
            "The request client is not a secure context and the resource is in more-private address space "
            "`{space}`.",
        ),
    ),
    _m(
        Failure.PRIVATE_NETWORK_PERMISSION_DENIED,
        (CHROME, "Permission was denied for this request to access the `{space}` address space."),
    ),
    # --- Firefox: the request as a whole failed (its second line after a failed preflight) --------------
    _m(Failure.REQUEST_DID_NOT_SUCCEED, (FIREFOX, "CORS request did not succeed")),
)

CATALOGUE.register(*MESSAGES)


def firefox_request_did_not_succeed(url: str) -> str:
    """Firefox's line for a request that failed as a whole (after a failed preflight): no status, "(null)"."""
    reason = CATALOGUE.render(Failure.REQUEST_DID_NOT_SUCCEED, FIREFOX)
    return CATALOGUE.render(FRAME_WITH_STATUS, FIREFOX, url=url, reason=reason, status="(null)")


def is_firefox_warning(line: str) -> bool:
    """A line Firefox logs as a warning (``frame.cors.warning``), not an error: WebDriver BiDi's
    ``log.entryAdded`` does not carry it, so the browser harness cannot observe it (Firefox 153 prints
    it: its console service, read through Marionette, has it)."""
    prefix = CATALOGUE.render(FRAME_WARNING, FIREFOX, url="\0", reason="").partition("\0")[0]
    return line.startswith(prefix)
