"""The scenario: one question for the browser, as immutable data (see docs/scenario-format.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .headers import Headers
from .origins import Url

SCENARIO_VERSION = 1

# Each resource type and what a verdict says the page *can* do with it, in report order.
CAPABILITIES: dict[str, tuple[str, ...]] = {
    "dom": ("access",),
    "iframe": ("embed", "script_access"),
    "fetch": ("send", "read"),
    "image": ("display", "read_pixels"),
    "script": ("execute", "read_errors"),
    "cookie": ("stored", "sent", "script_read"),
}
RESOURCE_TYPES: tuple[str, ...] = tuple(CAPABILITIES)

# Each capability in a learner's words ("<resource>.<capability>"), for every place a person reads it.
CAPABILITY_PHRASES: dict[str, str] = {
    "dom.access": "page script reads or changes the other document",
    "iframe.embed": "the page shows it in a frame",
    "iframe.script_access": "page script can reach into the frame",
    "fetch.send": "the request reaches the server",
    "fetch.read": "page script reads the response",
    "fetch.preflight": "a preflight (OPTIONS) is sent first",
    "image.display": "the image shows",
    "image.read_pixels": "page script reads the image's pixels (canvas)",
    "script.execute": "the script runs",
    "script.read_errors": "window.onerror sees the script's real errors",
    "cookie.stored": "the browser keeps the cookie",
    "cookie.sent": "the cookie goes with the request",
    "cookie.script_read": "page script reads the cookie (document.cookie)",
}

MODES = ("cors", "no-cors", "same-origin")
CREDENTIALS = ("omit", "same-origin", "include")
CROSSORIGIN = ("none", "anonymous", "use-credentials")
SCRIPT_TYPES = ("classic", "module")
SAMESITE = ("Strict", "Lax", "None", "")
VIAS = ("fetch", "image", "script", "iframe", "navigation", "form-post")
# The browser's third-party cookie setting (docs/scenario-format.md "Cookie age and third-party cookies").
THIRD_PARTY_COOKIES = ("allowed", "blocked")
THIRD_PARTY_COOKIES_DEFAULT = "allowed"  # as Google Chrome ships for a normal window (a fresh Debian Chromium 156 profile blocks them: docs/browser-harness.md)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# [response] body (extension): what the final response carries. The scenario describes headers, and
# an <img> decodes the body whatever the status, so the body decides whether an error response
# shows. "auto" is what a typical server sends: the resource's own kind with an ok status (2xx), an
# HTML error page otherwise. "html" is any HTML page; "empty" is no body at all.
RESPONSE_BODIES = ("auto", "image", "script", "html", "empty")

# Expectation paths besides "<resource>.<capability>".
EXTRA_EXPECTATIONS = ("same_origin", "same_site", "fetch.preflight")


@dataclass(frozen=True, slots=True)
class Request:
    method: str = "GET"
    mode: str = "cors"
    credentials: str = "same-origin"
    crossorigin: str = "none"
    headers: Headers = ()
    script_type: str = "classic"  # extension: <script type="module"> always uses CORS


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A server's answer. With no headers it is a server that knows nothing of CORS."""

    status: int = 200
    headers: Headers = ()
    body: str = "auto"  # one of RESPONSE_BODIES; only [response] has one

    def body_for(self, kind: str) -> str:
        """The body this response carries for an element of ``kind`` ("image" or "script")."""
        if self.body != "auto":
            return self.body
        return kind if 200 <= self.status <= 299 else "html"


@dataclass(frozen=True, slots=True)
class Redirect:
    status: int
    location: Url
    location_input: str
    headers: Headers = ()


@dataclass(frozen=True, slots=True)
class Cookie:
    """A cookie the target's host sets, and which request from the page should carry it."""

    name: str = "sid"
    value: str = "1"
    samesite: str = ""  # "" = attribute absent: browsers treat it as Lax
    secure: bool = False
    httponly: bool = False
    domain: str = ""  # "" = host-only
    path: str = "/"
    via: str = "fetch"
    partitioned: bool = False  # extension: CHIPS
    set_cookie: str | None = None  # the Set-Cookie line it came from, when given that way
    notes: tuple[str, ...] = ()  # what parsing the Set-Cookie line ignored
    # Seconds between Set-Cookie and the page's request; None = old (set at login, long before), the
    # learner's usual cookie. Only Chrome's two-minute Lax-allowing-unsafe rule reads it.
    age_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class Expectation:
    path: str
    expected: bool


@dataclass(frozen=True, slots=True)
class Scenario:
    page: Url
    target: Url
    page_input: str
    target_input: str
    title: str = ""
    notes: str = ""
    resources: tuple[str, ...] = RESOURCE_TYPES
    page_sandboxed: bool = False
    request: Request = field(default_factory=Request)
    preflight: HttpResponse = field(default_factory=HttpResponse)
    response: HttpResponse = field(default_factory=HttpResponse)
    redirects: tuple[Redirect, ...] = ()
    cookie: Cookie | None = None
    expect: tuple[Expectation, ...] = ()
    version: int = SCENARIO_VERSION
    third_party_cookies: str = THIRD_PARTY_COOKIES_DEFAULT  # the browser's setting: allowed | blocked

    def to_mapping(self) -> dict[str, Any]:
        """The scenario as the file format's plain data; defaults are left out."""
        out: dict[str, Any] = {"version": self.version}
        if self.title:
            out["title"] = self.title
        if self.notes:
            out["notes"] = self.notes
        out["page"] = self.page_input
        out["target"] = self.target_input
        if self.resources != RESOURCE_TYPES:
            out["resources"] = list(self.resources)
        if self.page_sandboxed:
            out["page_sandboxed"] = True
        if self.third_party_cookies != THIRD_PARTY_COOKIES_DEFAULT:
            out["third_party_cookies"] = self.third_party_cookies
        request = _non_default(self.request, Request())
        if request:
            out["request"] = request
        for key in ("preflight", "response"):
            section = _non_default(getattr(self, key), HttpResponse())
            if section:
                out[key] = section
        if self.redirects:
            out["redirects"] = [
                {"status": r.status, "location": r.location_input, "headers": [list(h) for h in r.headers]}
                for r in self.redirects
            ]
        if self.cookie is not None:
            if self.cookie.set_cookie is not None:
                out["cookie"] = {"set_cookie": self.cookie.set_cookie, "via": self.cookie.via}
                if self.cookie.age_seconds is not None:
                    out["cookie"]["age_seconds"] = self.cookie.age_seconds
            else:
                cookie = _non_default(self.cookie, Cookie(), always=("name", "via"))
                cookie.pop("set_cookie", None)
                cookie.pop("notes", None)
                out["cookie"] = cookie
        if self.expect:
            out["expect"] = {e.path: e.expected for e in self.expect}
        return out


def _non_default(obj: Any, default: Any, always: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in obj.__slots__:
        value = getattr(obj, name)
        if name in always or value != getattr(default, name):
            out[name] = [list(h) for h in value] if name == "headers" else value
    return out
