"""Cookie rules of RFC 6265bis as Chrome ships them: storage checks, matching, SameSite contexts.

Pure predicates only; the ``cookie`` verdict (resources/cookie/) turns them into trace steps.
Where Chrome's code (net/cookies/cookie_util.cc, canonical_cookie.cc) and the draft differ, the
functions follow Chrome and say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from .element_request import element_request
from .origins import host_ip, is_potentially_trustworthy
from .sites import Site, registrable_domain

COOKIEABLE_SCHEMES = frozenset({"http", "https"})
MAX_NAME_VALUE_BYTES = 4096  # RFC 6265bis § 5.6 step 4; Chrome EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE

# Name prefixes, longest first so "__Host-Http-" wins over "__Host-". Matched case-insensitively
# (RFC 6265bis § 4.1.3; Chrome's GetCookiePrefix uses INSENSITIVE_ASCII).
PREFIX_SECURE, PREFIX_HOST, PREFIX_HTTP, PREFIX_HOST_HTTP = "__Secure-", "__Host-", "__Http-", "__Host-Http-"
_PREFIXES = (PREFIX_HOST_HTTP, PREFIX_SECURE, PREFIX_HTTP, PREFIX_HOST)
_PREFIXES_LOWER = tuple((p.lower(), p) for p in _PREFIXES)

# SameSite contexts of a request (Chrome's CookieOptions::SameSiteCookieContext::ContextType).
STRICT_CONTEXT = "same-site"  # every SameSite cookie may be sent
LAX_CONTEXT = "lax"  # cross-site top-level navigation with a safe method: Lax and None
LAX_UNSAFE_CONTEXT = (
    "lax-method-unsafe"  # cross-site top-level POST: only None (and Chrome's 2-minute exception)
)
CROSS_SITE_CONTEXT = "cross-site"  # only None

TOP_LEVEL_VIAS = frozenset({"navigation", "form-post"})

# Chrome's kLaxAllowUnsafeMaxAge: an unspecified-SameSite cookie at most this old still goes out on a
# cross-site top-level POST (CanonicalCookie::IsRecentlyCreated, "now - creation <= 2 minutes").
LAX_ALLOWING_UNSAFE_MAX_AGE = 120


# Chrome's CookieAccessScheme: https, or localhost / loopback (kTrustworthy) even over http.
# RFC 6265bis leaves "secure protocol" to the user agent; Chrome and Firefox count http://localhost
# (Secure Contexts' potentially trustworthy origins), Safari does not. The same function under the
# cookie rules' name, not a wrapper around it: the cookie verdict asks three times per evaluation.
is_secure_for_cookies = is_potentially_trustworthy


def domain_match(host: str, domain: str) -> bool:
    """RFC 6265bis § 5.1.3: identical, or a subdomain of ``domain`` when ``host`` is a name, not an IP."""
    if host == domain:
        return True
    return host.endswith("." + domain) and host_ip(host) is None


def path_match(request_path: str, cookie_path: str) -> bool:
    """RFC 6265bis § 5.1.4: equal, or a prefix ending at a "/" boundary."""
    if request_path == cookie_path:
        return True
    if not request_path.startswith(cookie_path):
        return False
    return cookie_path.endswith("/") or request_path[len(cookie_path)] == "/"


def cookie_prefix(name: str) -> str:
    """The name prefix the cookie claims ("" for none), matched case-insensitively."""
    if not name.startswith("__"):
        return ""
    lowered = name[:12].lower()
    for lower, canonical in _PREFIXES_LOWER:
        if lowered.startswith(lower):
            return canonical
    return ""


def prefix_problems(
    prefix: str,
    *,
    secure: bool,
    secure_origin: bool,
    httponly: bool,
    domain_attribute: str,
    path_attribute: str | None,
    host: str,
) -> tuple[str, ...]:
    """What a prefixed cookie lacks (empty when valid). Chrome's IsCookiePrefixValid, newest form:
    the setting URL must be secure (https or localhost), as for the Secure attribute."""
    if not prefix:
        return ()
    problems = []
    if not secure:
        problems.append("the Secure attribute")
    if not secure_origin:
        problems.append("a secure setting origin (https, or localhost)")
    if prefix in (PREFIX_HOST, PREFIX_HOST_HTTP):
        if path_attribute != "/":
            problems.append("an explicit Path=/")
        # Chrome lets an IP host name itself (a host cookie anyway); any other Domain is refused.
        if domain_attribute and not (host_ip(host) is not None and domain_attribute == host):
            problems.append("no Domain attribute")
    if prefix in (PREFIX_HTTP, PREFIX_HOST_HTTP) and not httponly:
        problems.append("the HttpOnly attribute")
    return tuple(problems)


def is_public_suffix(domain: str) -> bool:
    """A name with no registrable domain of its own (com, co.uk, github.io, a single label)."""
    return host_ip(domain) is None and registrable_domain(domain) is None


@dataclass(frozen=True, slots=True, kw_only=True)
class DomainCheck:
    ok: bool
    host_only: bool
    domain: str  # the cookie's domain: the setting host when host-only
    code: str  # ok | host-only | host-only-public-suffix | ip-host | ip-mismatch | public-suffix | mismatch


def check_domain_attribute(host: str, domain_attribute: str) -> DomainCheck:
    """RFC 6265bis § 5.7 steps 9-10 as Chrome's GetCookieDomainWithString implements them."""
    if not domain_attribute:
        return DomainCheck(ok=True, host_only=True, domain=host, code="host-only")
    if host_ip(host) is not None:
        # An IP host may only name itself, which makes a host cookie.
        if domain_attribute == host:
            return DomainCheck(ok=True, host_only=True, domain=host, code="ip-host")
        return DomainCheck(ok=False, host_only=True, domain=host, code="ip-mismatch")
    host_registrable = registrable_domain(host)
    if host_registrable is None:
        # The host is itself a public suffix (or a single label such as localhost): only
        # Domain=<host> is allowed, and it yields a host-only cookie.
        if domain_attribute == host:
            return DomainCheck(ok=True, host_only=True, domain=host, code="host-only-public-suffix")
        code = "public-suffix" if is_public_suffix(domain_attribute) else "mismatch"
        return DomainCheck(ok=False, host_only=True, domain=host, code=code)
    if not domain_match(host, domain_attribute):
        return DomainCheck(ok=False, host_only=True, domain=host, code="mismatch")
    if is_public_suffix(domain_attribute):
        return DomainCheck(ok=False, host_only=True, domain=host, code="public-suffix")
    return DomainCheck(ok=True, host_only=False, domain=domain_attribute, code="ok")


def cookie_matches_host(host: str, cookie_domain: str, host_only: bool) -> bool:
    """RFC 6265bis § 5.8.3: a host-only cookie needs the identical host; a domain cookie, a domain-match."""
    return host == cookie_domain if host_only else domain_match(host, cookie_domain)


def samesite_context(via: str, page_site: Site, target_site: Site, same_site_pages: bool) -> str:
    """The request's SameSite context (RFC 6265bis § 5.2; Chrome's ComputeSameSiteContextForRequest).

    Subresources and frames: the page's top-level site against the target. Top-level navigations:
    the target is its own site for cookies, so only the initiator (the page) decides between
    strict and lax; an unsafe method (form POST) downgrades lax. ``same_site_pages`` is the
    schemeful same-site result (an opaque page is cross-site with everything).
    """
    if same_site_pages:
        return STRICT_CONTEXT
    if via == "navigation":
        return LAX_CONTEXT
    if via == "form-post":
        return LAX_UNSAFE_CONTEXT
    return CROSS_SITE_CONTEXT


def samesite_allows(samesite: str, context: str) -> bool:
    """Whether a cookie with this SameSite value goes out in ``context`` (Chrome: absent = Lax)."""
    if samesite == "None" or context == STRICT_CONTEXT:
        return True
    if samesite == "Strict":
        return False
    return context == LAX_CONTEXT  # Lax, or absent (Lax by default)


def lax_allowing_unsafe(samesite: str, context: str, age_seconds: int | None) -> bool:
    """Chrome's exception to Lax-by-default: a fresh cookie without SameSite rides a cross-site POST.

    RFC 6265bis § 5.6.7.2 permits it; Chrome ships it. ``age_seconds`` None is an old cookie.
    """
    return (
        samesite == ""
        and context == LAX_UNSAFE_CONTEXT
        and age_seconds is not None
        and age_seconds <= LAX_ALLOWING_UNSAFE_MAX_AGE
    )


def firefox_samesite_allows(samesite: str, context: str) -> bool:
    """Firefox 153: an absent SameSite is None (``network.cookie.sameSite.laxByDefault`` is false)."""
    return samesite_allows(samesite or "None", context)


def third_party_blocked(setting: str, via: str, context: str) -> bool:
    """The browser's setting "blocked" keeps a cookie off a cross-site subresource or frame request.

    A top-level navigation makes the target first-party, so it is never third-party. ``context`` is
    computed the way the browser judges first-party (Chrome: schemeless, SiteForCookies::IsFirstParty).
    """
    return setting == "blocked" and via not in TOP_LEVEL_VIAS and context != STRICT_CONTEXT


def request_credentials_mode(via: str, credentials: str, crossorigin: str, script_type: str) -> str:
    """The request's credentials mode: fetch's option, the HTML CORS settings attribute, or include."""
    if via == "fetch":
        return credentials
    if via in ("image", "script"):
        return element_request(crossorigin, module=via == "script" and script_type == "module").credentials
    return "include"  # iframe, navigation, form-post: navigations always include credentials


def credentials_allow(mode: str, same_origin: bool) -> bool:
    """Fetch § 4.5 HTTP-network-or-cache fetch: include credentials when include, or same-origin to the same origin."""
    return mode == "include" or (mode == "same-origin" and same_origin)


def partition_key_site(via: str, page_site: Site, target_site: Site) -> Site:
    """The top-level site a request runs under (CHIPS partition key): the target for top-level navigations."""
    return target_site if via in TOP_LEVEL_VIAS else page_site


def set_cookie_line(
    name: str,
    value: str,
    *,
    path: str = "/",
    domain: str = "",
    secure: bool = False,
    httponly: bool = False,
    samesite: str = "",
    partitioned: bool = False,
) -> str:
    """A Set-Cookie header line with attributes in a conventional order (for fixes)."""
    parts = [f"{name}={value}" if name else value, f"Path={path}"]
    if domain:
        parts.append(f"Domain={domain}")
    if secure:
        parts.append("Secure")
    if httponly:
        parts.append("HttpOnly")
    if samesite:
        parts.append(f"SameSite={samesite}")
    if partitioned:
        parts.append("Partitioned")
    return "Set-Cookie: " + "; ".join(parts)
