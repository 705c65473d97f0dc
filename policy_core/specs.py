"""Every standard section a trace step cites, spelled once.

A step's ``spec`` is one of these. Where the engine follows a browser instead of the standard,
the step says so in its detail and still cites the standard's rule here.
"""

from __future__ import annotations

# --- URL and HTML: origins and documents -----------------------------------------------------------
URL_ORIGIN = "URL § Origin"
HTML_SAME_ORIGIN = "HTML § Origin (same origin)"
HTML_SCRIPT_REALM_ORIGIN = "HTML § Origin (a script runs in the page's realm)"
HTML_CROSS_ORIGIN_OBJECTS = "HTML § Cross-origin objects"
HTML_DOCUMENT_DOMAIN = "HTML § Relaxing the same-origin restriction"
HTML_SANDBOX = "HTML § Sandboxing"
HTML_NAVIGATE = "HTML § Navigating across documents"
HTML_NO_CONTENT = "HTML § Populating a session history entry (204 and 205 responses)"
HTML_XFO = "HTML § The X-Frame-Options header"
CSP_FRAME_ANCESTORS = "CSP Level 3 § frame-ancestors"

# --- HTML: elements that fetch -----------------------------------------------------------------------
HTML_CORS_SETTINGS = "HTML § CORS settings attributes"
HTML_IMAGE_DATA = "HTML § Updating the image data"
HTML_CANVAS = "HTML § Security with canvas elements"
HTML_CLASSIC_SCRIPT = "HTML § Fetch a classic script"
HTML_MODULE_SCRIPT = "HTML § Fetch a single module script"
HTML_MUTED_ERRORS = "HTML § Runtime script errors (muted errors)"
HTML_DOCUMENT_COOKIE = "HTML § Cookies (document.cookie)"

# --- Fetch ---------------------------------------------------------------------------------------------
FETCH_METHODS = "Fetch § 2.2.1 Methods"
FETCH_HEADERS = "Fetch § 2.2.2 Headers"
FETCH_REDIRECT_TAINT = "Fetch § 2.2.5 Requests (redirect-taint, serializing a request origin)"
FETCH_CORS_FILTERED = "Fetch § 2.2.6 Responses (CORS filtered response)"
FETCH_CORS_PROTOCOL = "Fetch § 3.2 CORS protocol"
FETCH_CORS_SAFELISTED = "Fetch § 3.2 CORS protocol (CORS-safelisted requests)"
FETCH_CORS_HEADER_SYNTAX = "Fetch § 3.2.3 HTTP responses (CORS protocol header syntax)"
FETCH_CORS_CREDENTIALS = "Fetch § 3.2.5 CORS protocol and credentials"
FETCH_MAIN = "Fetch § 4.1 Main fetch"
FETCH_MAIN_PREFLIGHT_FLAG = "Fetch § 4.1 Main fetch (CORS-preflight flag)"
FETCH_MAIN_TAINTING = "Fetch § 4.1 Main fetch (response tainting)"
FETCH_SCHEME = "Fetch § 4.2 Scheme fetch"
FETCH_REDIRECT = "Fetch § 4.4 HTTP-redirect fetch"
FETCH_INCLUDE_CREDENTIALS = "Fetch § HTTP-network-or-cache fetch (include credentials)"
FETCH_PREFLIGHT = "Fetch § 4.8 CORS-preflight fetch"
FETCH_PREFLIGHT_CACHE = "Fetch § 4.9 CORS-preflight cache"
FETCH_CORS_CHECK = "Fetch § 4.10 CORS check"
FETCH_OK_STATUS = "Fetch § ok status"
FETCH_CORP = "Fetch § Cross-origin resource policy check"
FETCH_NOSNIFF = "Fetch § Should response to request be blocked due to nosniff?"
FETCH_SCRIPT_MIME = "Fetch § Should response to request be blocked due to its MIME type?"
FETCH_REQUEST_CLASS = "Fetch § 5.4 Request class"
FETCH_NO_CORS = "Fetch § 5.4 Request class (mode no-cors)"

# --- Other standards and browser policy ------------------------------------------------------------
MIXED_CONTENT = "Mixed Content § Should fetching request be blocked as mixed content?"
LOCAL_NETWORK_ACCESS = "WICG Local Network Access (Chrome 142)"
COOKIE_PREFIXES = "RFC 6265bis § 4.1.3 Cookie name prefixes"
COOKIE_DOMAIN_MATCH = "RFC 6265bis § 5.1.3 Domain matching"
COOKIE_PATH_MATCH = "RFC 6265bis § 5.1.4 Paths and path-match"
COOKIE_SAME_SITE = "RFC 6265bis § 5.2 Same-site and cross-site requests"
COOKIE_SET_COOKIE = "RFC 6265bis § 5.6 The Set-Cookie header field"
COOKIE_LAX_ALLOWING_UNSAFE = "RFC 6265bis § 5.6.7.2 Lax-allowing-unsafe enforcement"
COOKIE_STORAGE = "RFC 6265bis § 5.7 Storage model"
COOKIE_RETRIEVAL = "RFC 6265bis § 5.8.3 Retrieval algorithm"
COOKIE_PARTITIONED = "CHIPS: Cookies Having Independent Partitioned State (Partitioned attribute)"
THIRD_PARTY_COOKIES = "Browser policy (third-party cookies), outside RFC 6265bis"
CHROME_DEVTOOLS = "Chrome DevTools"

# Sections added later go in the group they belong to; each helper module adds only its own.
