"""Every failure the engine reports and explain recognises, by one stable code.

One vocabulary for the engine, explain, the exports and the report. Each area adds its own codes
in its own group below; a code is never renamed (the report and explain's JSON carry it).
"""

from __future__ import annotations

from enum import StrEnum


class Failure(StrEnum):
    # --- the CORS check (Fetch § 4.10), on a response or a preflight ------------------------------
    MISSING_ALLOW_ORIGIN = "missing-allow-origin"
    WILDCARD_WITH_CREDENTIALS = "wildcard-with-credentials"
    MULTIPLE_ALLOW_ORIGIN = "multiple-allow-origin"
    INVALID_ALLOW_ORIGIN = "invalid-allow-origin"
    ALLOW_ORIGIN_MISMATCH = "allow-origin-mismatch"
    ORIGIN_NOT_ALLOWED = "origin-not-allowed"  # Safari's one sentence for missing and mismatch
    INVALID_ALLOW_CREDENTIALS = "invalid-allow-credentials"
    ACCESS_CONTROL_CHECKS = "access-control-checks"  # Safari's "due to access control checks."

    # --- fetch: request, mode, scheme ---------------------------------------------------------------
    DISALLOWED_BY_MODE = "disallowed-by-mode"
    SCHEME_NOT_SUPPORTED = "scheme-not-supported"
    CORS_DISABLED = "cors-disabled"
    REQUEST_DID_NOT_SUCCEED = "request-did-not-succeed"
    ORIGIN_HEADER_NOT_ADDED = "origin-header-not-added"
    INVALID_RESPONSE = "invalid-response"

    # --- the preflight (Fetch § 4.8) -------------------------------------------------------------------
    PREFLIGHT_CORS = "preflight-cors"  # the preflight's CORS check failed (the check's own code says how)
    PREFLIGHT_INVALID_STATUS = "preflight-invalid-status"
    PREFLIGHT_DISALLOWED_REDIRECT = "preflight-disallowed-redirect"
    INVALID_ALLOW_METHODS = "invalid-allow-methods"
    INVALID_ALLOW_HEADERS = "invalid-allow-headers"
    METHOD_NOT_ALLOWED = "method-not-allowed"
    HEADER_NOT_ALLOWED = "header-not-allowed"
    AUTHORIZATION_WILDCARD = "authorization-wildcard"  # a deprecation, not a block

    # --- redirects (Fetch § 4.4) -----------------------------------------------------------------------
    REDIRECT_CONTAINS_CREDENTIALS = "redirect-contains-credentials"
    TOO_MANY_REDIRECTS = "too-many-redirects"  # more than 20: a network error, no CORS message
    REDIRECT_NOT_HTTP = "redirect-not-http"  # a Location that is not http(s): a network error

    # --- Local / Private Network Access --------------------------------------------------------------
    INSECURE_PRIVATE_NETWORK = "insecure-private-network"
    INVALID_PRIVATE_NETWORK_ACCESS = "invalid-private-network-access"
    UNEXPECTED_PRIVATE_NETWORK_ACCESS = "unexpected-private-network-access"
    PREFLIGHT_MISSING_ALLOW_PRIVATE_NETWORK = "preflight-missing-allow-private-network"
    PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK = "preflight-invalid-allow-private-network"
    PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_ID = "preflight-missing-private-network-access-id"
    PREFLIGHT_MISSING_PRIVATE_NETWORK_ACCESS_NAME = "preflight-missing-private-network-access-name"
    PRIVATE_NETWORK_PERMISSION_UNAVAILABLE = "private-network-permission-unavailable"
    PRIVATE_NETWORK_PERMISSION_DENIED = "private-network-permission-denied"
    PREFLIGHT_MISSING_ALLOW_EXTERNAL = "preflight-missing-allow-external"
    PREFLIGHT_INVALID_ALLOW_EXTERNAL = "preflight-invalid-allow-external"

    # --- subresources: image, script, mixed content, CORP ---------------------------------------------
    MIXED_CONTENT = "mixed-content"
    CORP_BLOCKED = "corp-blocked"
    CANVAS_TAINTED = "canvas-tainted"
    SCRIPT_ERROR_MUTED = "script-error-muted"
    NOT_OK_STATUS = "not-ok-status"  # the element gets an error response (status outside 200-299)
    MODULE_MIME_TYPE = "module-mime-type"
    NOSNIFF_MIME_TYPE = "nosniff-mime-type"
    SCRIPT_MIME_BLOCKED = "script-mime-blocked"  # image/*, audio/*, video/*, text/csv never run
    MIXED_CONTENT_UPGRADED = "mixed-content-upgraded"  # a warning: an http image loaded over https instead
    MIXED_CONTENT_FORM = "mixed-content-form"  # a warning: a form on an https page posts to http

    # --- documents: dom access and framing -------------------------------------------------------------
    CROSS_ORIGIN_FRAME_ACCESS = "cross-origin-frame-access"
    SANDBOXED_FRAME_ACCESS = "sandboxed-frame-access"
    X_FRAME_OPTIONS = "x-frame-options"
    X_FRAME_OPTIONS_CONFLICT = "x-frame-options-conflict"
    X_FRAME_OPTIONS_INVALID = "x-frame-options-invalid"
    FRAME_ANCESTORS = "frame-ancestors"
    FRAME_ANCESTORS_REPORT_ONLY = "frame-ancestors-report-only"  # a violation logged, nothing blocked

    # --- cookies -------------------------------------------------------------------------------------------
    # A Set-Cookie line the browser refuses to store (RFC 6265bis § 5.6, § 5.7).
    COOKIE_SCHEME_NOT_SUPPORTED = "cookie-scheme-not-supported"
    COOKIE_NAME_VALUE_TOO_LARGE = "cookie-name-value-too-large"
    COOKIE_SECURE_ONLY = "cookie-secure-only"  # set from, or sent to, an insecure URL
    COOKIE_SAMESITE_NONE_INSECURE = "cookie-samesite-none-insecure"
    COOKIE_INVALID_PREFIX = "cookie-invalid-prefix"
    COOKIE_INVALID_PARTITIONED = "cookie-invalid-partitioned"
    COOKIE_INVALID_DOMAIN = "cookie-invalid-domain"
    # A stored cookie a request leaves out (RFC 6265bis § 5.8.3).
    COOKIE_DOMAIN_MISMATCH = "cookie-domain-mismatch"
    COOKIE_NOT_ON_PATH = "cookie-not-on-path"
    COOKIE_SAMESITE_STRICT = "cookie-samesite-strict"
    COOKIE_SAMESITE_LAX = "cookie-samesite-lax"
    COOKIE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX = "cookie-samesite-unspecified-treated-as-lax"
    # document.cookie throws SecurityError (HTML § Cookies).
    DOCUMENT_COOKIE_SANDBOXED = "document-cookie-sandboxed"
    DOCUMENT_COOKIE_DATA_URL = "document-cookie-data-url"

    # --- explain only: messages the engine does not print, recognised in pastes -------------------------
    # The failure each names is not (or not yet) a verdict of the engine; explain rebuilds the nearest one.
    CORS_BLOCKED = "cors-blocked"  # a CORS frame without its reason (Firefox 24-37, a paste cut short)
    PREFLIGHTED_REQUEST_REDIRECTED = "preflighted-request-redirected"  # Chrome before 2016 refused it
    CORB_BLOCKED = "corb-blocked"  # Cross-Origin Read Blocking (Chrome 67 to 2023)
    ORB_BLOCKED = "orb-blocked"  # Opaque Response Blocking (net::ERR_BLOCKED_BY_ORB)
    CORS_REQUEST_NOTICE = "cors-request-notice"  # IE/EdgeHTML's SEC7118/SEC7119: a notice, not a failure
    NULL_ORIGIN_REQUEST = "null-origin-request"  # old WebKit: "Cannot make any requests from null."
