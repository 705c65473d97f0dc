"""Fixes and warnings several cookie rules share, and the warnings about a stored cookie's design."""

from __future__ import annotations

from .run import CookieRun

CSRF_AFTER_NONE = (
    "With SameSite=None the cookie rides on every cross-site request: protect state-changing endpoints "
    "with a CSRF token or an Origin / Sec-Fetch-Site check."
)
ALLOW_SAME_ORIGIN = (
    "If the sandboxed page is trusted, add allow-same-origin to its sandbox attribute (never together "
    "with allow-scripts for untrusted content): it gets its real origin, cookies and same-site "
    "requests back."
)
DEVTOOLS_WHERE = (
    "Chrome prints nothing in the console for a blocked cookie. It reports it in DevTools: Network > the request > "
    "Cookies tab (tick 'show filtered out request cookies'; a blocked Set-Cookie shows with a yellow warning and its "
    "reason), Application > Cookies (what is stored), and the Issues panel."
)


def serve_https(what: str, href: str) -> str:
    url = "https:" + href[len("http:") :] if href.startswith("http:") else href
    return f"Serve {what} over https: {url}"


def warn(run: CookieRun, *, sent: bool) -> None:
    """What a stored cookie's attributes expose it to (CSRF, XSS, subdomains), whatever the verdict."""
    ctx, cookie, warnings = run.ctx, run.cookie, run.warnings
    if cookie.samesite == "None":
        warnings.insert(
            0,
            "SameSite=None: the browser attaches this cookie to requests from any site, including a "
            "cross-site form POST or fetch. If it is a session cookie, every endpoint it authenticates "
            "is exposed to CSRF: require a CSRF token, or check Origin / Sec-Fetch-Site on "
            "state-changing requests.",
        )
    if not cookie.httponly:
        warnings.append(
            f"Not HttpOnly: any script running on pages of {ctx.scenario.target.hostname} (including an "
            "injected one, via XSS) can read it from document.cookie. A session cookie should be HttpOnly."
        )
    if cookie.domain and not run.host_only:
        warnings.append(
            f"Domain={cookie.domain} shares the cookie with every subdomain of {cookie.domain}; any of "
            "them (say, one taken over) can read and overwrite it. Prefer a host-only __Host- cookie."
        )
    if sent and not ctx.same_origin and cookie.via in ("fetch", "form-post"):
        warnings.append(
            "CORS does not stop this request: it reaches the server with the cookie, and the server acts "
            "on it, before the browser checks Access-Control-Allow-Origin. CORS only decides whether "
            "script may read the response; protecting state-changing endpoints from cross-site requests "
            "(CSRF) is the job of SameSite, CSRF tokens and Origin / Sec-Fetch-Site checks."
        )
