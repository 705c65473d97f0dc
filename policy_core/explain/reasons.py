"""What each failure explain recognises means: the verdict that shows it and the rule that failed.

Keyed by the ``Failure`` code (policy_core.messages.codes), the one vocabulary of the engine,
explain, the exports and the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..messages.codes import Failure
from ..messages.codes import Failure as F


@dataclass(frozen=True, slots=True, kw_only=True)
class Reason:
    """A failure the recogniser knows: which verdict it belongs to and the rule that failed."""

    code: Failure
    resource: str  # the verdict that shows it: fetch, dom, iframe, image, script
    rule: str  # the failed rule, in one line
    modelled: bool = True  # False: the playground cannot reproduce it (network errors, PNA, prefs)
    blocking: bool = True  # False: a warning; the browser still allows the request
    fetch_suffix: bool = False  # Chrome appends its fetch-only suffix sentence to this reason


def _r(
    code: Failure,
    resource: str,
    rule: str,
    *,
    modelled: bool = True,
    blocking: bool = True,
    fetch_suffix: bool = False,
) -> Reason:
    return Reason(
        code=code,
        resource=resource,
        rule=rule,
        modelled=modelled,
        blocking=blocking,
        fetch_suffix=fetch_suffix,
    )


# A StrEnum key: REASONS["missing-allow-origin"] finds Failure.MISSING_ALLOW_ORIGIN's reason.
REASONS: dict[str, Reason] = {
    r.code: r
    for r in (
        _r(F.MISSING_ALLOW_ORIGIN, "fetch", "The response has no Access-Control-Allow-Origin header"),
        _r(
            F.WILDCARD_WITH_CREDENTIALS,
            "fetch",
            "Access-Control-Allow-Origin: * cannot be used when credentials are included",
        ),
        _r(
            F.MULTIPLE_ALLOW_ORIGIN,
            "fetch",
            "Access-Control-Allow-Origin must name exactly one origin (one header line)",
            fetch_suffix=True,
        ),
        _r(
            F.INVALID_ALLOW_ORIGIN,
            "fetch",
            "Access-Control-Allow-Origin is not a serialized origin, null or *",
            fetch_suffix=True,
        ),
        _r(
            F.ALLOW_ORIGIN_MISMATCH,
            "fetch",
            "Access-Control-Allow-Origin is not byte-for-byte the page's origin",
            fetch_suffix=True,
        ),
        _r(
            F.ORIGIN_NOT_ALLOWED,
            "fetch",
            "Access-Control-Allow-Origin is missing or does not match the page's origin (Safari uses one sentence for both)",
        ),
        _r(
            F.INVALID_ALLOW_CREDENTIALS,
            "fetch",
            "Credentials are included, so Access-Control-Allow-Credentials must be exactly true",
        ),
        _r(F.DISALLOWED_BY_MODE, "fetch", "A request with mode 'same-origin' went to another origin"),
        _r(
            F.INVALID_RESPONSE,
            "fetch",
            "The preflight failed with a network error, not a CORS answer",
            modelled=False,
        ),
        _r(
            F.SCHEME_NOT_SUPPORTED,
            "fetch",
            "CORS works only over http(s): a file: (or other) URL cannot be fetched with CORS",
        ),
        _r(
            F.PREFLIGHT_INVALID_STATUS,
            "fetch",
            "The preflight (OPTIONS) response must have an ok status (200-299)",
        ),
        _r(
            F.PREFLIGHT_DISALLOWED_REDIRECT,
            "fetch",
            "The preflight (OPTIONS) response must not be a redirect",
        ),
        _r(
            F.INVALID_ALLOW_METHODS,
            "fetch",
            "Access-Control-Allow-Methods must be a comma-separated list of method tokens",
        ),
        _r(
            F.INVALID_ALLOW_HEADERS,
            "fetch",
            "Access-Control-Allow-Headers must be a comma-separated list of header names",
        ),
        _r(
            F.METHOD_NOT_ALLOWED,
            "fetch",
            "The request's method is not listed in the preflight's Access-Control-Allow-Methods",
        ),
        _r(
            F.HEADER_NOT_ALLOWED,
            "fetch",
            "A request header is not listed in the preflight's Access-Control-Allow-Headers",
        ),
        _r(
            F.REDIRECT_CONTAINS_CREDENTIALS,
            "fetch",
            "A cross-origin redirect went to a URL with a username and password",
        ),
        _r(
            F.AUTHORIZATION_WILDCARD,
            "fetch",
            "Access-Control-Allow-Headers: * does not cover Authorization in the standard (Chrome and Firefox still allow it, with a warning)",
            blocking=False,
        ),
        _r(
            F.INSECURE_PRIVATE_NETWORK,
            "fetch",
            "Local Network Access: an insecure (http) page cannot reach a more private address space",
        ),
        _r(
            F.INVALID_PRIVATE_NETWORK_ACCESS,
            "fetch",
            "Private/Local Network Access: the declared target address space is not the resource's",
            modelled=False,
        ),
        _r(
            F.UNEXPECTED_PRIVATE_NETWORK_ACCESS,
            "fetch",
            "Private Network Access: the request declared no target address space but reached a private one",
            modelled=False,
        ),
        _r(
            F.PREFLIGHT_MISSING_ALLOW_PRIVATE_NETWORK,
            "fetch",
            "Private Network Access: the preflight lacks Access-Control-Allow-Private-Network: true",
            modelled=False,
        ),
        _r(
            F.PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK,
            "fetch",
            "Private Network Access: Access-Control-Allow-Private-Network must be exactly true",
            modelled=False,
        ),
        _r(
            F.PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_ID,
            "fetch",
            "Private Network Access: the preflight lacks Private-Network-Access-Id",
            modelled=False,
        ),
        _r(
            F.PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_NAME,
            "fetch",
            "Private Network Access: the preflight lacks Private-Network-Access-Name",
            modelled=False,
        ),
        _r(
            F.PRIVATE_NETWORK_PERMISSION_UNAVAILABLE,
            "fetch",
            "Private Network Access: the permission prompt could not be shown",
            modelled=False,
        ),
        _r(
            F.PRIVATE_NETWORK_PERMISSION_DENIED,
            "fetch",
            "Local Network Access: the user (or policy) denied the local-network permission",
            modelled=False,
        ),
        _r(
            F.PREFLIGHT_MISSING_ALLOW_EXTERNAL,
            "fetch",
            "CORS-RFC1918 (2020, superseded by Private Network Access): the preflight lacks Access-Control-Allow-External",
            modelled=False,
        ),
        _r(
            F.PREFLIGHT_INVALID_ALLOW_EXTERNAL,
            "fetch",
            "CORS-RFC1918 (2020, superseded by Private Network Access): Access-Control-Allow-External must be true",
            modelled=False,
        ),
        _r(F.CORS_DISABLED, "fetch", "Firefox's content.cors.disable preference is on", modelled=False),
        _r(
            F.REQUEST_DID_NOT_SUCCEED,
            "fetch",
            "The request failed at the network level (DNS, TLS, connection, blocked by an extension)",
            modelled=False,
        ),
        _r(F.ORIGIN_HEADER_NOT_ADDED, "fetch", "Firefox could not add the Origin header", modelled=False),
        _r(
            F.ACCESS_CONTROL_CHECKS,
            "fetch",
            "Safari blocked the response in its access control checks (the reason is on the line before)",
        ),
        _r(
            F.CORP_BLOCKED,
            "image",
            "The response's Cross-Origin-Resource-Policy forbids this page from loading it",
        ),
        _r(F.CROSS_ORIGIN_FRAME_ACCESS, "dom", "Script may not reach into a document of another origin"),
        _r(
            F.SANDBOXED_FRAME_ACCESS,
            "dom",
            "A sandboxed frame without allow-same-origin has an opaque origin",
        ),
        _r(F.X_FRAME_OPTIONS, "iframe", "X-Frame-Options forbids framing the page here"),
        _r(F.X_FRAME_OPTIONS_CONFLICT, "iframe", "Conflicting X-Frame-Options values fall back to DENY"),
        _r(
            F.X_FRAME_OPTIONS_INVALID,
            "iframe",
            "An X-Frame-Options value Chrome does not know (such as ALLOW-FROM) is ignored",
            blocking=False,
        ),
        _r(F.FRAME_ANCESTORS, "iframe", "CSP frame-ancestors forbids framing the page here"),
        _r(
            F.FRAME_ANCESTORS_REPORT_ONLY,
            "iframe",
            "A report-only CSP frame-ancestors policy logs the violation; the frame still renders",
            blocking=False,
        ),
        _r(F.CANVAS_TAINTED, "image", "A cross-origin image drawn without CORS taints the canvas"),
        _r(F.SCRIPT_ERROR_MUTED, "script", "Errors from a cross-origin script loaded without CORS are muted"),
        # --- issue 12: the other same-origin failures people paste ----------------------------------------
        _r(
            F.MIXED_CONTENT,
            "fetch",
            "A page loaded over HTTPS may not load scripts, fetches or frames over plain HTTP (mixed content)",
        ),
        _r(
            F.MIXED_CONTENT_UPGRADED,
            "image",
            "An http image on an https page is fetched over https instead (mixed content autoupgrade)",
            blocking=False,
        ),
        _r(
            F.MIXED_CONTENT_FORM,
            "cookie",
            "A form on an https page posts to plain http: Chrome warns, and the user's data travels unencrypted",
            blocking=False,
        ),
        _r(
            F.CORB_BLOCKED,
            "script",
            "Cross-Origin Read Blocking: a no-cors response that looks like HTML, XML or JSON reaches the page empty",
        ),
        _r(
            F.ORB_BLOCKED,
            "script",
            "Opaque Response Blocking: a no-cors response of a type no element may read (JSON, HTML…) is dropped",
        ),
        _r(
            F.CORS_BLOCKED,
            "fetch",
            "The response failed the CORS check (the message does not say which rule)",
        ),
        _r(
            F.PREFLIGHTED_REQUEST_REDIRECTED,
            "fetch",
            "Chrome up to 51 would not follow a redirect of a request that needed a preflight (Fetch allows it now)",
            modelled=False,
        ),
        _r(
            F.CORS_REQUEST_NOTICE,
            "fetch",
            "IE and EdgeHTML note a CORS request (SEC7118) or its preflight (SEC7119); any failure is on another line",
            modelled=False,
            blocking=False,
        ),
        _r(
            F.NULL_ORIGIN_REQUEST,
            "fetch",
            "Old WebKit refused every cross-origin request from a page whose origin is null (a file: page)",
        ),
        _r(
            F.COOKIE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX,
            "cookie",
            "A cookie set without SameSite is Lax by default (Chrome 80+): it is not sent on cross-site requests",
        ),
        _r(
            F.COOKIE_SAMESITE_NONE_INSECURE,
            "cookie",
            "A SameSite=None cookie must also be Secure, or the browser rejects it",
        ),
        _r(
            F.COOKIE_SAMESITE_LAX,
            "cookie",
            "A SameSite=Lax or Strict cookie is neither sent nor set in a cross-site context",
        ),
    )
}

# The failures that are a verdict of the shared CORS check (Fetch § 4.10), on a response or a preflight.
CORS_CHECK_FAILURES = frozenset(
    {
        F.MISSING_ALLOW_ORIGIN,
        F.WILDCARD_WITH_CREDENTIALS,
        F.MULTIPLE_ALLOW_ORIGIN,
        F.INVALID_ALLOW_ORIGIN,
        F.ALLOW_ORIGIN_MISMATCH,
        F.ORIGIN_NOT_ALLOWED,
        F.INVALID_ALLOW_CREDENTIALS,
        F.ACCESS_CONTROL_CHECKS,
        F.CORS_BLOCKED,
        F.NULL_ORIGIN_REQUEST,
    }
)
# Messages that only frame or announce another one: listed after the specific message of the same paste.
GENERIC = frozenset({F.ACCESS_CONTROL_CHECKS, F.CORS_REQUEST_NOTICE, F.CORS_BLOCKED})
# The failures that happen in (or because of) the preflight: the rebuilt request needs one.
PREFLIGHT_FAILURES = frozenset(
    {
        F.PREFLIGHT_INVALID_STATUS,
        F.PREFLIGHT_DISALLOWED_REDIRECT,
        F.INVALID_ALLOW_METHODS,
        F.INVALID_ALLOW_HEADERS,
        F.METHOD_NOT_ALLOWED,
        F.HEADER_NOT_ALLOWED,
        F.INVALID_RESPONSE,
        F.AUTHORIZATION_WILDCARD,
        F.PREFLIGHT_MISSING_ALLOW_PRIVATE_NETWORK,
        F.PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK,
        F.PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_ID,
        F.PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_NAME,
        F.PREFLIGHT_MISSING_ALLOW_EXTERNAL,
        F.PREFLIGHT_INVALID_ALLOW_EXTERNAL,
        F.PREFLIGHTED_REQUEST_REDIRECTED,
    }
)
