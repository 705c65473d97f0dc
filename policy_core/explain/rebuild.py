"""Rebuild a scenario from what a message says: ``scenario_for(recognised)``.

The scenario (the contract format) makes the engine fail the way the message says; every value
the message does not carry is a stand-in, and each one is a line of the scenario's ``notes``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..cors import ACAC, ACAO
from ..errors import ScenarioError, escape_unsafe
from ..headers import is_token
from ..messages.codes import Failure as F
from ..netspace import address_space
from ..origins import host_ip, parse_url
from .reasons import CORS_CHECK_FAILURES, PREFLIGHT_FAILURES, REASONS
from .records import Recognised

# Stand-ins for what a message does not say (reserved .example names, RFC 2606).
ASSUMED_PAGE = "https://your-page.example/"
ASSUMED_TARGET = "https://other-site.example/resource"
ASSUMED_EMBEDDER = "https://embedding-page.example/"
ASSUMED_IMAGE = "https://images.other-site.example/photo.png"
ASSUMED_SCRIPT = "https://cdn.other-site.example/app.js"
ASSUMED_INSECURE = "http://other-site.example/resource"
# For an http: URL the assumed page is http: too (an https: page would fail on mixed content first).
ASSUMED_HTTP_PAGE = "http://your-page.example/"
ASSUMED_HTTP_EMBEDDER = "http://embedding-page.example/"
# For a local or loopback URL (a developer's own server) the assumed page is local too: a public http: page
# would fail Local Network Access first. *.localhost is loopback (RFC 6761).
ASSUMED_LOCAL_PAGE = "http://your-page.localhost/"
# An IP address in each address space Local Network Access names (the playground needs an address).
_SPACE_ADDRESS = {"local": "192.168.1.20", "private": "192.168.1.20", "loopback": "127.0.0.1"}
# What each cookie message says about the cookie: its SameSite value, and the capability it loses.
_COOKIES = {
    F.COOKIE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX: ("", "cookie.sent"),
    F.COOKIE_SAMESITE_NONE_INSECURE: ("None", "cookie.stored"),
    F.COOKIE_SAMESITE_LAX: ("Lax", "cookie.sent"),
}
# The MIME type CORB and ORB most often block (an HTML error page, a JSON API answer).
_BLOCKED_MIME = {F.CORB_BLOCKED: "text/html", F.ORB_BLOCKED: "application/json"}
_LOCAL_NETWORK = frozenset({F.INSECURE_PRIVATE_NETWORK, F.PRIVATE_NETWORK_PERMISSION_DENIED})

# A value that makes each header CORS-unsafe, so the request needs a preflight.
_UNSAFE_VALUES = {
    "content-type": "application/json",
    "authorization": "Bearer <token>",
    "accept": "application/json(x)",
    "range": "bytes=-500",
}


def _valid_url(text: str | None, fallback: str, what: str, notes: list[str]) -> str:
    if text:
        try:
            parse_url(text)
            return text
        except ScenarioError:
            notes.append(f"The {what} in the message ({text!r}) is not a URL; assumed {fallback}.")
            return fallback
    notes.append(f"The message does not name the {what}; assumed {fallback}.")
    return fallback


def scenario_for(rec: Recognised) -> dict[str, Any]:
    """A scenario mapping (the contract format) in which the engine fails as the message says."""
    reason = REASONS[rec.reason]
    notes: list[str] = []
    mapping: dict[str, Any] = {"version": 1, "title": f"Explained: {reason.rule}"}
    resource = rec.resource
    if resource == "fetch" and rec.kind not in (None, "fetch", "XMLHttpRequest", "Fetch API"):
        notes.append(
            f"Chrome said {rec.kind!r}; the playground models it as a fetch() with the same CORS request."
        )
    if not reason.modelled:
        notes.append(
            "The playground cannot reproduce this failure itself (it is not a CORS header problem it "
            "models); the scenario shows the same request so you can check the rest of it."
        )

    if resource in ("dom",):
        _dom_scenario(rec, mapping, notes)
    elif resource == "iframe":
        _iframe_scenario(rec, mapping, notes)
    elif rec.reason == F.CANVAS_TAINTED:
        mapping.update(page=ASSUMED_PAGE, target=ASSUMED_IMAGE, resources=["image"])
        notes.append(
            f"The message names neither the page nor the image; assumed {ASSUMED_PAGE} and {ASSUMED_IMAGE}."
        )
        mapping["expect"] = {"image.read_pixels": False}
    elif rec.reason == F.CORP_BLOCKED:
        mapping.update(
            page=ASSUMED_PAGE,
            target=_valid_url(rec.url, ASSUMED_IMAGE, "blocked URL", notes),
            resources=["image"],
        )
        notes.append(
            f"The message does not name the page; assumed {ASSUMED_PAGE}, another site. Safari prints this "
            "for any no-cors load (image, script, fetch with mode 'no-cors'); modelled as an <img>."
        )
        if rec.hint and "Coep" in rec.hint:
            notes.append(
                "COEP: the page's Cross-Origin-Embedder-Policy: require-corp made a response without "
                "Cross-Origin-Resource-Policy count as same-origin; the playground models that as the response's "
                "own Cross-Origin-Resource-Policy: same-origin."
            )
        mapping["response"] = {"status": 200, "headers": [["Cross-Origin-Resource-Policy", "same-origin"]]}
        mapping["expect"] = {"image.display": False}
    elif rec.reason == F.MIXED_CONTENT:
        _mixed_content_scenario(rec, mapping, notes)
    elif rec.reason in (F.MIXED_CONTENT_UPGRADED, F.MIXED_CONTENT_FORM):
        _mixed_content_warning_scenario(rec, mapping, notes)
    elif rec.reason in _COOKIES:
        _cookie_scenario(rec, mapping, notes)
    elif rec.reason in _BLOCKED_MIME:
        _blocked_mime_scenario(rec, mapping, notes)
    elif rec.reason == F.SCRIPT_ERROR_MUTED:
        mapping.update(page=ASSUMED_PAGE, target=ASSUMED_SCRIPT, resources=["script"])
        notes.append(
            f"The message names neither the page nor the script; assumed {ASSUMED_PAGE} and {ASSUMED_SCRIPT}."
        )
        mapping["expect"] = {"script.read_errors": False}
    else:
        _cors_scenario(rec, mapping, notes)
    notes.insert(
        0,
        f"Built from a pasted {rec.browser.capitalize() if rec.browser != 'all' else 'browser'} message: "
        f"{escape_unsafe(rec.message[:300])}",  # pasted text: never a control character in notes
    )
    mapping["notes"] = "\n".join(notes)
    return mapping


def _page(rec: Recognised, mapping: dict[str, Any], notes: list[str], fallback: str = ASSUMED_PAGE) -> str:
    """The page URL from the message's origin; ``null`` is a sandboxed frame (or a file: page)."""
    if rec.origin == "null":
        if rec.url and rec.url.startswith("file:"):
            mapping["page"] = "file:///index.html"
            notes.append(
                "The origin is null: the page was opened from a file: URL (assumed file:///index.html)."
            )
            return "null"
        mapping["page"] = fallback
        mapping["page_sandboxed"] = True
        notes.append(
            f"The origin is null: modelled as a sandboxed frame without allow-same-origin at {fallback} "
            "(a file: page has a null origin too)."
        )
        return "null"
    page = _valid_url(rec.origin, fallback, "page's origin", notes)
    mapping["page"] = page
    return parse_url(page).origin.serialize()


def _mixed_content_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    resource = "script" if rec.kind == "script" else "fetch"
    page = rec.origin if rec.origin and rec.origin.startswith("https://") else None
    page = _valid_url(page, ASSUMED_PAGE, "HTTPS page", notes)
    target = rec.url if rec.url and rec.url.startswith("http://") else None
    target = _valid_url(target, ASSUMED_INSECURE, "insecure (http:) URL", notes)
    if parse_url(target).hostname in ("localhost", "127.0.0.1", "[::1]"):
        notes.append(
            f"Browsers today treat {target} as potentially trustworthy (no mixed content); the scenario loads "
            f"{ASSUMED_INSECURE} instead."
        )
        target = ASSUMED_INSECURE
    mapping.update(page=page, target=target, resources=[resource])
    if resource == "fetch" and rec.kind not in (None, "script"):
        notes.append(f"Modelled as a fetch() of the same URL (the message says {rec.kind!r}).")
    if rec.browser == "chrome" and "should also be served" in rec.message:
        notes.append(
            "Chrome only warned about this passive content; the playground shows what it does for a fetch() "
            "or a script today: blocked."
        )
    mapping["expect"] = {"fetch.send": False} if resource == "fetch" else {"script.execute": False}


def _mixed_content_warning_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    """Chrome's warnings, not failures: an http image upgraded to https, a form posting to http."""
    page = rec.origin if rec.origin and rec.origin.startswith("https://") else None
    page = _valid_url(page, ASSUMED_PAGE, "HTTPS page", notes)
    target = rec.url if rec.url and rec.url.startswith("http://") else None
    target = _valid_url(target, ASSUMED_INSECURE, "insecure (http:) URL", notes)
    mapping.update(page=page, target=target)
    if rec.reason == F.MIXED_CONTENT_UPGRADED:
        mapping["resources"] = ["image"]
        mapping["expect"] = {"image.display": True}
    else:
        mapping["resources"] = ["cookie"]
        mapping["cookie"] = {"name": "sid", "via": "form-post"}
        notes.append("Modelled as a form POST carrying a cookie, the case where Chrome prints this warning.")


def _cookie_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    samesite, lost = _COOKIES[rec.reason]
    target = _valid_url(rec.url, ASSUMED_TARGET, "cookie's site", notes)
    mapping.update(page=ASSUMED_PAGE, target=target, resources=["cookie"])
    notes.append(f"The message does not name the page; assumed {ASSUMED_PAGE}, another site.")
    name = rec.hint if rec.hint and is_token(rec.hint) else "sid"
    secure = target.startswith("https:") and rec.reason != F.COOKIE_SAMESITE_NONE_INSECURE
    mapping["cookie"] = {"name": name, "samesite": samesite, "secure": secure, "via": "fetch"}
    mapping["request"] = {"credentials": "include"}  # so SameSite, not the credentials mode, decides
    notes.append("The cookie travels on a fetch() with credentials 'include' from the page.")
    mapping["expect"] = {lost: False}


def _blocked_mime_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    mime = rec.hint if rec.hint and "/" in rec.hint and "\x00" not in rec.hint else _BLOCKED_MIME[rec.reason]
    target = _valid_url(rec.url, ASSUMED_TARGET, "blocked URL", notes)
    mapping.update(page=ASSUMED_PAGE, target=target, resources=["script"])
    notes.append(
        f"The message does not name the page; assumed {ASSUMED_PAGE}. The blocked no-cors load is modelled as a "
        f"<script> without crossorigin answered with {mime} and X-Content-Type-Options: nosniff: its body "
        "never reaches the page, as with CORB and ORB."
    )
    mapping["response"] = {
        "status": 200,
        "headers": [["Content-Type", mime], ["X-Content-Type-Options", "nosniff"]],
    }
    mapping["expect"] = {"script.execute": False}


def _dom_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    mapping["resources"] = ["dom"]
    _page(rec, mapping, notes)
    if rec.reason == F.SANDBOXED_FRAME_ACCESS:
        mapping["page_sandboxed"] = True
    target = _valid_url(rec.url, ASSUMED_TARGET, "other frame's origin", notes)
    if mapping["page"].startswith("https:") and target.startswith("http:"):
        # Browsers today block an http: document in an https: page's frame as mixed content, before any
        # script could be refused access to it; the message is about the access, so keep that failure.
        target = "https:" + target[len("http:") :]
        notes.append(
            "An https: page framing an http: document is blocked today as mixed content, before any script "
            f"access; the message names the access failure, so the other frame is taken as {target}."
        )
    mapping["target"] = target
    mapping["expect"] = {"dom.access": False}


def _iframe_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    mapping["resources"] = ["iframe"]
    mapping["target"] = target = _valid_url(rec.url, ASSUMED_TARGET, "framed page", notes)
    embedder = ASSUMED_HTTP_EMBEDDER if target.startswith("http:") else ASSUMED_EMBEDDER
    mapping["page"] = embedder
    notes.append(f"The message does not name the embedding page; assumed {embedder}, another site.")
    hint = (rec.hint or "").replace("\x00", "")
    if rec.reason == F.FRAME_ANCESTORS:
        header = ("Content-Security-Policy", hint or "frame-ancestors 'self'")
    elif rec.reason == F.FRAME_ANCESTORS_REPORT_ONLY:
        header = ("Content-Security-Policy-Report-Only", hint or "frame-ancestors 'self'")
    elif rec.reason == F.X_FRAME_OPTIONS:
        header = ("X-Frame-Options", (hint or "deny").upper())
    else:
        header = ("X-Frame-Options", hint or "DENY, SAMEORIGIN")
    mapping["response"] = {"status": 200, "headers": [list(header)]}
    if REASONS[rec.reason].blocking:
        mapping["expect"] = {"iframe.embed": False}


def _cors_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    code = rec.reason
    if code == F.NULL_ORIGIN_REQUEST and rec.origin is None:
        rec = replace(rec, origin="null")
    last_url = _valid_url(rec.url, ASSUMED_TARGET, "requested URL", notes)
    origin = _page(rec, mapping, notes, _assumed_page_for(last_url))
    if mapping["page"].startswith("https:") and last_url.startswith("http:"):
        last_url = "https:" + last_url[len("http:") :]
        notes.append(
            "An https: page loading an http: URL fails on mixed content before CORS; the message names a CORS "
            f"failure, so the URL is taken as {last_url}."
        )
    if code == F.INSECURE_PRIVATE_NETWORK:
        last_url = _with_address(last_url, rec.hint, notes)
    elif mapping["page"].startswith("http:") and _space(last_url) != "public" and _space(mapping["page"]) == "public":
        notes.append(
            "Today's Chrome refuses this earlier: an http: page may not reach a private or local address "
            "(Local Network Access)."
        )
    allow_origin = origin if origin != "null" else "null"
    resource = rec.resource
    if code in _LOCAL_NETWORK and resource != "fetch":
        notes.append(
            f"The playground models Local Network Access for fetch() only: the {resource} is modelled as a "
            "fetch() of the same URL."
        )
        resource = "fetch"
    mapping["resources"] = [resource]
    credentials = bool(rec.credentials)
    if code == F.ALLOW_ORIGIN_MISMATCH and rec.hint == "*":
        credentials = True
        notes.append("Firefox says '*' does not match only for a request with credentials: modelled with them.")
    preflight = (rec.preflight or code in PREFLIGHT_FAILURES) and resource == "fetch"

    request: dict[str, Any] = {}
    if resource == "fetch":
        if credentials:
            request["credentials"] = "include"
        if code == F.DISALLOWED_BY_MODE:
            request["mode"] = "same-origin"
    else:
        request["crossorigin"] = "use-credentials" if credentials else "anonymous"

    good = [[ACAO, allow_origin]] + ([[ACAC, "true"]] if credentials else [])
    preflight_headers = [list(h) for h in good]
    response_headers = [list(h) for h in good]
    if preflight:
        _preflight_request(rec, request, preflight_headers, notes)
    failing = _failing_cors_headers(rec, allow_origin, credentials)
    if code in CORS_CHECK_FAILURES:
        if preflight:
            preflight_headers = failing + [h for h in preflight_headers if h[0] not in (ACAO, ACAC)]
        else:
            response_headers = failing
    if code == F.ACCESS_CONTROL_CHECKS:
        notes.append(
            "Only Safari's wrapper line was pasted, not the reason above it; assumed the most common "
            "reason, a response without Access-Control-Allow-Origin."
        )

    if rec.initial_url and rec.initial_url != last_url:
        mapping["target"] = _valid_url(rec.initial_url, ASSUMED_TARGET, "first URL", notes)
        mapping["redirects"] = [{"status": 302, "location": last_url, "headers": [list(h) for h in good]}]
    elif code == F.PREFLIGHTED_REQUEST_REDIRECTED:
        mapping["target"] = last_url
        location = _valid_url(rec.hint, ASSUMED_TARGET, "redirect location", notes)
        mapping["redirects"] = [{"status": 302, "location": location, "headers": [list(h) for h in good]}]
        notes.append("Today's browsers follow this redirect (Fetch allows it since 2016): the scenario passes.")
    elif code == F.REDIRECT_CONTAINS_CREDENTIALS:
        mapping["target"] = last_url
        location = (
            rec.hint
            or "https://user:password@" + (parse_url(last_url).hostname or "other-site.example") + "/"
        )
        mapping["redirects"] = [
            {
                "status": 302,
                "location": _valid_url(
                    location, "https://user:password@other-site.example/", "redirect location", notes
                ),
                "headers": [list(h) for h in good],
            }
        ]
    else:
        mapping["target"] = last_url

    if code == F.SCHEME_NOT_SUPPORTED and parse_url(last_url).scheme in ("http", "https"):
        mapping["target"] = "file:///data.json"
        notes.append("The message names no URL of another scheme; assumed file:///data.json.")
    if request:
        mapping["request"] = request
    if preflight:
        mapping["preflight"] = {"status": _preflight_status(rec), "headers": preflight_headers}
        if code == F.PREFLIGHT_DISALLOWED_REDIRECT:
            # A 3xx is a redirect only with a Location (without one it fails as a status).
            location = parse_url(mapping["target"]).href + "/"  # serialized: no control character a paste held
            mapping["preflight"]["headers"] = [*preflight_headers, ["Location", location]]
    # Firefox names the actual response's status (its frame.cors.with-status): keep it.
    status = rec.status if rec.status is not None and not preflight else 200
    mapping["response"] = {"status": status, "headers": response_headers}
    if REASONS[code].blocking and REASONS[code].modelled:
        if resource == "fetch":
            mapping["expect"] = {"fetch.read": False}
            if preflight or code == F.DISALLOWED_BY_MODE:
                mapping["expect"]["fetch.send"] = False
        elif resource == "image":
            mapping["expect"] = {"image.display": False}
        elif resource == "script":
            mapping["expect"] = {"script.execute": False}


def _space(url: str) -> str:
    return address_space(parse_url(url).hostname or "", domain_default="public")


def _assumed_page_for(url: str) -> str:
    """A page that reaches ``url`` without failing on mixed content or Local Network Access first."""
    parsed = parse_url(url)
    if parsed.scheme != "http":
        return ASSUMED_PAGE
    return ASSUMED_LOCAL_PAGE if _space(url) != "public" else ASSUMED_HTTP_PAGE


def _with_address(url: str, space: str | None, notes: list[str]) -> str:
    """Local Network Access needs an IP address: a host name is replaced by one of the named address space."""
    host = parse_url(url).hostname or ""
    if host_ip(host) is not None:
        return url
    address = _SPACE_ADDRESS.get(space or "", _SPACE_ADDRESS["local"])
    notes.append(
        f"The URL names a host, not an IP address: the playground cannot know its address space, so {host} "
        f"is modelled as {address} (the `{space or 'local'}` space the message names)."
    )
    return re.sub(re.escape(host), address, url, count=1, flags=re.IGNORECASE)


def _preflight_status(rec: Recognised) -> int:
    if rec.reason == F.PREFLIGHT_DISALLOWED_REDIRECT:
        return 302
    if rec.reason in (F.PREFLIGHT_INVALID_STATUS, F.INVALID_RESPONSE):
        return rec.status if rec.status is not None and not 200 <= rec.status < 300 else 404
    return 204


def _safe_token(text: str | None, fallback: str, what: str, notes: list[str]) -> str:
    if text and is_token(text):
        return text
    if text:
        notes.append(f"The {what} in the message ({text!r}) is not a valid HTTP token; assumed {fallback}.")
    return fallback


def _preflight_request(
    rec: Recognised, request: dict[str, Any], allow: list[list[str]], notes: list[str]
) -> None:
    """The request that needs the preflight, and a preflight answer that passes all but the failing rule."""
    code = rec.reason
    if code == F.METHOD_NOT_ALLOWED:
        method = _safe_token(rec.hint, "PUT", "method", notes)
        if rec.hint is None:
            notes.append("The message does not name the method; assumed PUT.")
        request["method"] = method
        allow.append(["Access-Control-Allow-Methods", "GET, POST"])
        return
    if code in (F.HEADER_NOT_ALLOWED, F.AUTHORIZATION_WILDCARD):
        name = _safe_token(
            rec.hint, "x-api-key" if code == F.HEADER_NOT_ALLOWED else "authorization", "header name", notes
        )
        request["headers"] = [[name, _UNSAFE_VALUES.get(name.lower(), "1")]]
        if code == F.AUTHORIZATION_WILDCARD:
            allow.append(["Access-Control-Allow-Headers", "*"])
        return
    if code == F.INVALID_ALLOW_METHODS:
        request["method"] = "PUT"
        bad = rec.hint if rec.hint and not is_token(rec.hint) and "\x00" not in rec.hint else "GET; PUT"
        allow.append(["Access-Control-Allow-Methods", bad])
        notes.append("The message does not say which method triggered the preflight; assumed PUT.")
        return
    request["method"] = "POST"
    request["headers"] = [["Content-Type", "application/json"]]
    if code == F.INVALID_ALLOW_HEADERS:
        bad = (
            rec.hint
            if rec.hint and not is_token(rec.hint) and "\x00" not in rec.hint
            else "Content-Type; X-Api-Key"
        )
        allow.append(["Access-Control-Allow-Headers", bad])
    else:
        allow.append(["Access-Control-Allow-Headers", "Content-Type"])
    notes.append(
        "The message does not say what made the request need a preflight; assumed a POST with "
        "Content-Type: application/json, the most common cause."
    )


def _failing_cors_headers(rec: Recognised, origin: str, credentials: bool) -> list[list[str]]:
    """Response headers that fail the CORS check for ``rec``'s reason."""
    hint = (rec.hint or "").replace("\x00", "")
    code = rec.reason
    if code == F.WILDCARD_WITH_CREDENTIALS:
        return [[ACAO, "*"]]
    if code == F.MULTIPLE_ALLOW_ORIGIN:
        if rec.browser == "chrome" and hint:
            return [[ACAO, hint]]
        return [[ACAO, origin], [ACAO, origin]]  # Firefox counts lines; Chrome sees "o, o"
    if code == F.INVALID_ALLOW_ORIGIN:
        return [[ACAO, hint or origin.partition("://")[2] or "app.example.com"]]
    if code == F.ALLOW_ORIGIN_MISMATCH:
        # The value the message quotes, unless it is the page's own origin (old Chrome said so for null).
        return [[ACAO, hint if hint and hint != origin else origin + "/"]]
    if code == F.INVALID_ALLOW_CREDENTIALS:
        return [[ACAO, origin]] + ([[ACAC, hint]] if hint else [])
    return []  # missing-allow-origin, origin-not-allowed, access-control-checks
