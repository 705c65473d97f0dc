"""Stored? The checks a Set-Cookie line passes on its way into the cookie store (RFC 6265bis § 5.6, § 5.7).

Set in a first-party response from the target's host. Each refusal names Chrome's exclusion reason.
"""

from __future__ import annotations

from ... import cookies as c
from ... import specs
from ...messages import Failure
from ...messages.cookies import CHROME_EXCLUSIONS, chrome_names
from .advice import serve_https
from .run import CookieRun


def store(run: CookieRun) -> bool:
    ctx, cookie, trace, fix = run.ctx, run.cookie, run.trace, run.fix
    target = ctx.scenario.target
    origin_text = ctx.target_origin_text
    if target.scheme not in c.COOKIEABLE_SCHEMES:
        trace.failed(
            "cookie.store.scheme",
            f"A {target.scheme}: URL cannot set cookies",
            "Only http and https responses carry Set-Cookie into the browser's cookie store (Chrome: "
            f"{chrome_names(Failure.COOKIE_SCHEME_NOT_SUPPORTED)}).",
            specs.COOKIE_STORAGE,
        )
        run.fixes.append("Set the cookie from an http(s) URL of the site that needs it.")
        return False
    ok = True
    host = target.hostname
    secure_origin = c.is_secure_for_cookies(ctx.target_origin)
    size = len((cookie.name + cookie.value).encode())
    if size > c.MAX_NAME_VALUE_BYTES:
        ok = False
        trace.failed(
            "cookie.store.size",
            f"Name and value are {size} bytes; the limit is {c.MAX_NAME_VALUE_BYTES}",
            f"A cookie whose name plus value exceeds {c.MAX_NAME_VALUE_BYTES} bytes is ignored (Chrome: "
            f"{chrome_names(Failure.COOKIE_NAME_VALUE_TOO_LARGE)}).",
            specs.COOKIE_SET_COOKIE,
        )
        run.fixes.append("Keep the cookie small: store an identifier and keep the data on the server.")

    ok &= _store_secure(run, secure_origin, origin_text)
    ok &= _store_samesite(run)
    ok &= _store_prefix(run, secure_origin, host)
    if cookie.partitioned:
        if cookie.secure and secure_origin:
            trace.passed(
                "cookie.store.partitioned",
                "Partitioned cookie with Secure from a secure origin",
                "CHIPS: a Partitioned cookie is stored in a jar keyed by the top-level site it is set under. "
                f"Set in a first-party response, its partition is {ctx.target_site.serialize()}.",
                specs.COOKIE_PARTITIONED,
            )
        else:
            ok = False
            trace.failed(
                "cookie.store.partitioned",
                "Partitioned without Secure (or from an insecure origin) is rejected",
                "Chrome rejects a Partitioned cookie unless it is Secure and set from https or localhost "
                f"({chrome_names(Failure.COOKIE_INVALID_PARTITIONED)}).",
                specs.COOKIE_PARTITIONED,
            )
            fix.set(secure=True)
    ok &= _store_domain(run, host)
    _store_path(run)
    trace.info(
        "cookie.store.context",
        "Set in a first-party response, so SameSite does not limit storing",
        f"This verdict assumes {host} sets the cookie while the user visits it directly (a same-site context). "
        "Set in a response to a cross-site subresource or frame instead, Chrome would refuse Strict, Lax and "
        "unspecified cookies and keep only SameSite=None (WPT cookies/samesite/setcookie-lax.html, "
        "setcookie-navigation.https.html), and blocked third-party cookies would not be stored at all.",
        specs.COOKIE_STORAGE,
    )
    return ok


def _store_secure(run: CookieRun, secure_origin: bool, origin_text: str) -> bool:
    cookie, trace = run.cookie, run.trace
    if not cookie.secure:
        trace.info(
            "cookie.store.secure",
            "No Secure attribute: the cookie is also sent over plain http",
            "Without Secure the browser sends the cookie to http:// URLs of the host too, where a network "
            "attacker can read or overwrite it.",
            specs.COOKIE_STORAGE,
        )
        return True
    if secure_origin:
        local = not origin_text.startswith("https:") and not origin_text.startswith("wss:")
        detail = (
            "The setting URL is https, a secure protocol."
            if not local
            else f"{origin_text} is localhost / loopback: Chrome (since 89) and Firefox (since 75) treat it as secure "
            "for cookies; Safari does not and rejects the cookie."
        )
        trace.passed(
            "cookie.store.secure",
            f"Secure cookie set from a secure origin ({origin_text})",
            detail,
            specs.COOKIE_STORAGE,
        )
        return True
    trace.failed(
        "cookie.store.secure",
        f"A Secure cookie set from {origin_text} is rejected",
        "A cookie with the Secure attribute is ignored unless the setting URL is secure: https, or (Chrome, "
        f"Firefox) http://localhost and loopback addresses. Chrome: {chrome_names(Failure.COOKIE_SECURE_ONLY)}.",
        specs.COOKIE_STORAGE,
    )
    run.fixes.append(serve_https(run.ctx.scenario.target.hostname, run.ctx.scenario.target.href))
    return False


def _store_samesite(run: CookieRun) -> bool:
    cookie, trace = run.cookie, run.trace
    if cookie.samesite == "None":
        if cookie.secure:
            trace.passed(
                "cookie.store.samesite-none",
                "SameSite=None comes with Secure",
                "SameSite=None is accepted only together with Secure (WPT "
                "cookies/samesite-none-secure/cookies-without-samesite-must-be-secure.https.html).",
                specs.COOKIE_STORAGE,
            )
            return True
        trace.failed(
            "cookie.store.samesite-none",
            "SameSite=None without Secure is rejected",
            "Chrome (since 80) and Firefox ignore a SameSite=None cookie that lacks Secure; it is never stored "
            "(WPT cookies/samesite-none-secure/cookies-without-samesite-must-be-secure.https.html). Chrome: "
            f"{chrome_names(Failure.COOKIE_SAMESITE_NONE_INSECURE)}.",
            specs.COOKIE_STORAGE,
        )
        run.fix.set(secure=True)
        return False
    if not cookie.samesite:
        trace.info(
            "cookie.store.samesite-default",
            "No SameSite attribute: Chrome enforces SameSite=Lax by default",
            "An absent (or unknown) SameSite value means the browser's default. Chrome and Edge (since 80) treat "
            "it as Lax; Firefox and Safari never shipped Lax-by-default and treat it as None. Say SameSite=Lax "
            "(or Strict, or None; Secure) explicitly so every browser agrees.",
            specs.COOKIE_SAME_SITE,
        )
    return True


def _store_prefix(run: CookieRun, secure_origin: bool, host: str) -> bool:
    cookie, trace = run.cookie, run.trace
    if not cookie.name:
        hidden = c.cookie_prefix(cookie.value)
        if not hidden:
            return True
        trace.failed(
            "cookie.store.prefix",
            f"A nameless cookie whose value starts with {hidden} is rejected",
            "Servers see a nameless cookie as its value alone, so a value starting with a prefix would pose as "
            f"a prefixed cookie; Chrome refuses it ({CHROME_EXCLUSIONS[Failure.COOKIE_INVALID_PREFIX].status}).",
            specs.COOKIE_PREFIXES,
        )
        run.fixes.append("Give the cookie a name: Set-Cookie: name=value; ...")
        return False
    prefix = c.cookie_prefix(cookie.name)
    if not prefix:
        return True
    problems = c.prefix_problems(
        prefix,
        secure=cookie.secure,
        secure_origin=secure_origin,
        httponly=cookie.httponly,
        domain_attribute=cookie.domain,
        path_attribute=run.path_attribute,
        host=host,
    )
    spelled = cookie.name[: len(prefix)]
    case_note = (
        (
            f" The name says {spelled!r}: the prefix matches case-insensitively (RFC 6265bis; Chrome), so the "
            "rules apply anyway."
        )
        if spelled != prefix
        else ""
    )
    needs = {
        c.PREFIX_SECURE: "Secure, set from a secure origin",
        c.PREFIX_HOST: "Secure, set from a secure origin, Path=/ and no Domain (so it is locked to this host)",
        c.PREFIX_HTTP: "Secure, set from a secure origin, and HttpOnly (Chrome 140+)",
        c.PREFIX_HOST_HTTP: "everything __Host- needs, plus HttpOnly (Chrome 140+)",
    }[prefix]
    if not problems:
        trace.passed(
            "cookie.store.prefix",
            f"{prefix} prefix requirements met",
            f"{prefix} needs {needs}.{case_note}",
            specs.COOKIE_PREFIXES,
        )
        return True
    trace.failed(
        "cookie.store.prefix",
        f"{prefix} cookie needs {', '.join(problems)}: rejected",
        f"{prefix} needs {needs}. A cookie that claims the prefix without meeting it is ignored (Chrome: "
        f"{chrome_names(Failure.COOKIE_INVALID_PREFIX)}).{case_note}",
        specs.COOKIE_PREFIXES,
    )
    run.fix.set(secure=True)
    if prefix in (c.PREFIX_HOST, c.PREFIX_HOST_HTTP):
        run.fix.set(path="/", domain="")
    if prefix in (c.PREFIX_HTTP, c.PREFIX_HOST_HTTP):
        run.fix.set(httponly=True)
    if not secure_origin:
        target = run.ctx.scenario.target
        run.fixes.append(serve_https(target.hostname, target.href))
    return False


def _store_domain(run: CookieRun, host: str) -> bool:
    cookie, trace = run.cookie, run.trace
    check = c.check_domain_attribute(host, cookie.domain)
    run.domain, run.host_only = check.domain, check.host_only
    if check.ok:
        if check.code == "host-only":
            trace.passed(
                "cookie.store.domain",
                f"No Domain attribute: a host-only cookie for {host}",
                f"Only requests to exactly {host} carry it; subdomains and the parent domain do not.",
                specs.COOKIE_STORAGE,
            )
        elif check.code == "ok":
            trace.passed(
                "cookie.store.domain",
                f"Domain={cookie.domain} covers {host}",
                f"{host} domain-matches {cookie.domain}, which is not a public suffix, so the cookie goes to "
                f"{cookie.domain} and every subdomain of it.",
                specs.COOKIE_DOMAIN_MATCH,
            )
        else:
            trace.passed(
                "cookie.store.domain",
                f"Domain={cookie.domain} names the host itself: host-only",
                f"{host} has no registrable domain (an IP address, a single label such as localhost, or a public "
                "suffix), so Domain may only repeat the host, and the cookie stays host-only.",
                specs.COOKIE_STORAGE,
            )
        return True
    reasons = {
        "ip-mismatch": f"{host} is an IP address: a Domain attribute may only repeat it exactly.",
        "public-suffix": f"{cookie.domain} is a public suffix (Public Suffix List): a cookie for it would reach "
        "unrelated sites, so browsers refuse it.",
        "mismatch": f"{host} does not domain-match {cookie.domain}: a host can only set cookies for itself or a "
        "parent domain.",
    }
    trace.failed(
        "cookie.store.domain",
        f"Domain={cookie.domain} is not allowed for {host}: rejected",
        f"{reasons[check.code]} Chrome: {chrome_names(Failure.COOKIE_INVALID_DOMAIN)}.",
        specs.COOKIE_DOMAIN_MATCH if check.code == "mismatch" else specs.COOKIE_STORAGE,
    )
    run.fix.set(domain="")
    return False


def _store_path(run: CookieRun) -> None:
    cookie = run.cookie
    if run.path_attribute is not None:
        run.trace.info(
            "cookie.store.path",
            f"Path={cookie.path}",
            f"Sent only to URLs whose path is {cookie.path} or below it (a '/' boundary counts: /api "
            "matches /api/x, not /apix). Path limits where it is sent, it is not a security boundary.",
            specs.COOKIE_PATH_MATCH,
        )
    else:
        run.trace.info(
            "cookie.store.path",
            f"No (valid) Path attribute: default-path {cookie.path}",
            f"Without Path the cookie gets the directory of the setting URL's path "
            f"({run.ctx.scenario.target.pathname} -> {cookie.path}). Say Path=/ to send it site-wide.",
            specs.COOKIE_PATH_MATCH,
        )
