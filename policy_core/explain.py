"""Explain a pasted console error: recognise the browser's message, then rebuild the scenario.

``recognise(text)`` finds Chrome's, Firefox's or Safari's CORS message (or one of the other
same-origin failures of browser-rules.md § 2.4) anywhere in pasted text and pulls out the URL,
the page's origin, the failed rule as a stable reason code, and the method, header or value the
message names. ``scenario_for(rec)`` turns that into a scenario mapping (the contract format)
that makes the engine fail the same way, so the learner sees the trace and the fix.

The reasons the shared CORS check reports are not retyped here: their wordings are read off
``cors.cors_check`` itself at import, so the recogniser and the engine cannot drift apart.
Every other sentence is a constant below naming its line in reference/browser-rules.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .console import CHROME_PREFLIGHT_PREFIX, chrome_cors_message, firefox_cors_message, safari_cors_message
from .cors import ACAC, ACAO, FETCH_SUFFIX, cors_check
from .errors import ScenarioError
from .headers import is_token
from .origins import host_ip, parse_url

# Longer pastes are cut: a console error is a few lines, and regex time must stay bounded.
MAX_TEXT = 20_000

# Stand-ins for what a message does not say (reserved .example names, RFC 2606).
ASSUMED_PAGE = "https://your-page.example/"
ASSUMED_TARGET = "https://other-site.example/resource"
ASSUMED_EMBEDDER = "https://embedding-page.example/"
ASSUMED_IMAGE = "https://images.other-site.example/photo.png"
ASSUMED_SCRIPT = "https://cdn.other-site.example/app.js"


@dataclass(frozen=True, slots=True)
class Reason:
    """A failure the recogniser knows: which verdict it belongs to and the rule that failed."""

    code: str
    resource: str  # the verdict that shows it: fetch, dom, iframe, image, script
    rule: str  # the failed rule, in one line
    modelled: bool = True  # False: the playground cannot reproduce it (network errors, PNA, prefs)
    blocking: bool = True  # False: a warning; the browser still allows the request


_R = Reason
REASONS: dict[str, Reason] = {
    r.code: r
    for r in (
        _R("missing-allow-origin", "fetch", "The response has no Access-Control-Allow-Origin header"),
        _R(
            "wildcard-with-credentials",
            "fetch",
            "Access-Control-Allow-Origin: * cannot be used when credentials are included",
        ),
        _R(
            "multiple-allow-origin",
            "fetch",
            "Access-Control-Allow-Origin must name exactly one origin (one header line)",
        ),
        _R(
            "invalid-allow-origin",
            "fetch",
            "Access-Control-Allow-Origin is not a serialized origin, null or *",
        ),
        _R(
            "allow-origin-mismatch",
            "fetch",
            "Access-Control-Allow-Origin is not byte-for-byte the page's origin",
        ),
        _R(
            "origin-not-allowed",
            "fetch",
            "Access-Control-Allow-Origin is missing or does not match the page's origin "
            "(Safari uses one sentence for both)",
        ),
        _R(
            "invalid-allow-credentials",
            "fetch",
            "Credentials are included, so Access-Control-Allow-Credentials must be exactly true",
        ),
        _R("disallowed-by-mode", "fetch", "A request with mode 'same-origin' went to another origin"),
        _R(
            "invalid-response",
            "fetch",
            "The preflight failed with a network error, not a CORS answer",
            modelled=False,
        ),
        _R(
            "scheme-not-supported",
            "fetch",
            "CORS works only over http(s): a file: (or other) URL cannot be fetched with CORS",
        ),
        _R(
            "preflight-invalid-status",
            "fetch",
            "The preflight (OPTIONS) response must have an ok status (200-299)",
        ),
        _R(
            "preflight-disallowed-redirect",
            "fetch",
            "The preflight (OPTIONS) response must not be a redirect",
        ),
        _R(
            "invalid-allow-methods",
            "fetch",
            "Access-Control-Allow-Methods must be a comma-separated list of method tokens",
        ),
        _R(
            "invalid-allow-headers",
            "fetch",
            "Access-Control-Allow-Headers must be a comma-separated list of header names",
        ),
        _R(
            "method-not-allowed",
            "fetch",
            "The request's method is not listed in the preflight's Access-Control-Allow-Methods",
        ),
        _R(
            "header-not-allowed",
            "fetch",
            "A request header is not listed in the preflight's Access-Control-Allow-Headers",
        ),
        _R(
            "redirect-contains-credentials",
            "fetch",
            "A cross-origin redirect went to a URL with a username and password",
        ),
        _R(
            "authorization-wildcard",
            "fetch",
            "Access-Control-Allow-Headers: * does not cover Authorization in the standard "
            "(Chrome and Firefox still allow it, with a warning)",
            blocking=False,
        ),
        _R(
            "insecure-private-network",
            "fetch",
            "Local Network Access: an insecure (http) page cannot reach a more private address space",
        ),
        _R(
            "invalid-private-network-access",
            "fetch",
            "Private/Local Network Access: the declared target address space is not the resource's",
            modelled=False,
        ),
        _R(
            "unexpected-private-network-access",
            "fetch",
            "Private Network Access: the request declared no target address space but reached a private one",
            modelled=False,
        ),
        _R(
            "preflight-missing-allow-private-network",
            "fetch",
            "Private Network Access: the preflight lacks Access-Control-Allow-Private-Network: true",
            modelled=False,
        ),
        _R(
            "preflight-invalid-allow-private-network",
            "fetch",
            "Private Network Access: Access-Control-Allow-Private-Network must be exactly true",
            modelled=False,
        ),
        _R(
            "preflight-missing-private-network-access-id",
            "fetch",
            "Private Network Access: the preflight lacks Private-Network-Access-Id",
            modelled=False,
        ),
        _R(
            "preflight-missing-private-network-access-name",
            "fetch",
            "Private Network Access: the preflight lacks Private-Network-Access-Name",
            modelled=False,
        ),
        _R(
            "private-network-permission-unavailable",
            "fetch",
            "Private Network Access: the permission prompt could not be shown",
            modelled=False,
        ),
        _R(
            "private-network-permission-denied",
            "fetch",
            "Local Network Access: the user (or policy) denied the local-network permission",
            modelled=False,
        ),
        _R(
            "preflight-missing-allow-external",
            "fetch",
            "CORS-RFC1918 (2020, superseded by Private Network Access): the "
            "preflight lacks Access-Control-Allow-External",
            modelled=False,
        ),
        _R(
            "preflight-invalid-allow-external",
            "fetch",
            "CORS-RFC1918 (2020, superseded by Private Network Access): "
            "Access-Control-Allow-External must be true",
            modelled=False,
        ),
        _R("cors-disabled", "fetch", "Firefox's content.cors.disable preference is on", modelled=False),
        _R(
            "request-did-not-succeed",
            "fetch",
            "The request failed at the network level (DNS, TLS, connection, blocked by an extension)",
            modelled=False,
        ),
        _R("origin-header-not-added", "fetch", "Firefox could not add the Origin header", modelled=False),
        _R(
            "access-control-checks",
            "fetch",
            "Safari blocked the response in its access control checks (the reason is on the line before)",
        ),
        _R(
            "corp-blocked",
            "image",
            "The response's Cross-Origin-Resource-Policy forbids this page from loading it",
        ),
        _R("cross-origin-frame-access", "dom", "Script may not reach into a document of another origin"),
        _R(
            "sandboxed-frame-access",
            "dom",
            "A sandboxed frame without allow-same-origin has an opaque origin",
        ),
        _R("x-frame-options", "iframe", "X-Frame-Options forbids framing the page here"),
        _R("x-frame-options-conflict", "iframe", "Conflicting X-Frame-Options values fall back to DENY"),
        _R(
            "x-frame-options-invalid",
            "iframe",
            "An X-Frame-Options value Chrome does not know (such as ALLOW-FROM) is ignored",
            blocking=False,
        ),
        _R("frame-ancestors", "iframe", "CSP frame-ancestors forbids framing the page here"),
        _R("canvas-tainted", "image", "A cross-origin image drawn without CORS taints the canvas"),
        _R("script-error-muted", "script", "Errors from a cross-origin script loaded without CORS are muted"),
    )
}

BROWSERS = ("chrome", "firefox", "safari", "all")


@dataclass(frozen=True, slots=True)
class Recognised:
    """What a pasted message says. Fields the message does not carry are None."""

    browser: str  # chrome | firefox | safari | all
    reason: str  # a key of REASONS
    message: str  # the matched message, normalised (plain quotes, single spaces)
    url: str | None = None  # the resource's URL (the last one, after redirects)
    initial_url: str | None = None  # Chrome's "(redirected from '…')"
    origin: str | None = None  # the page's serialized origin
    kind: str | None = None  # Chrome's resource word (fetch, XMLHttpRequest, image…) or Safari's API
    preflight: bool = False  # the message is about the preflight response
    hint: str | None = None  # the method, header name or header value the message quotes
    status: int | None = None
    credentials: bool | None = None  # True when the message implies credentials mode "include"
    variant: str = "current"  # which wording: current, or an older one

    @property
    def rule(self) -> str:
        return REASONS[self.reason].rule

    @property
    def resource(self) -> str:
        if REASONS[self.reason].resource == "fetch" and self.kind in ("image", "script"):
            return self.kind
        return REASONS[self.reason].resource

    @property
    def method(self) -> str | None:
        return self.hint if self.reason == "method-not-allowed" else None

    @property
    def header(self) -> str | None:
        return self.hint if self.reason in ("header-not-allowed", "authorization-wildcard") else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "browser": self.browser,
            "reason": self.reason,
            "rule": self.rule,
            "resource": self.resource,
            "modelled": REASONS[self.reason].modelled,
            "variant": self.variant,
            "url": self.url,
            "initial_url": self.initial_url,
            "origin": self.origin,
            "kind": self.kind,
            "preflight": self.preflight,
            "hint": self.hint,
            "method": self.method,
            "header": self.header,
            "status": self.status,
            "credentials": self.credentials,
            "message": self.message,
        }


# --- normalising pasted text ------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_SPACES = re.compile(r"\s+")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


def _normalise(text: str) -> str:
    """Plain quotes (Firefox's are typographic, users retype them plain) and single spaces (pastes wrap)."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip()


def _decode_hint(hint: str) -> str:
    """Undo Chromium's EncodeHint (``\\u00E9`` back to ``é``), so the header value is the server's."""
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), hint)


# --- the messages ---------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _regex(template: str) -> str:
    """A template with ``{name}`` placeholders as a regex with named groups; the rest is literal."""
    template = _normalise(template)
    out, pos = [], 0
    for match in _PLACEHOLDER.finditer(template):
        out.append(re.escape(template[pos : match.start()]))
        out.append(f"(?P<{match.group(1)}>.*?)")
        pos = match.end()
    out.append(re.escape(template[pos:]))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Pattern:
    browser: str
    code: str
    template: str
    sample: tuple[tuple[str, str], ...] = ()  # placeholder values for the example
    variant: str = "current"
    preflight: bool = False  # Chrome: the example carries the preflight prefix
    url: str = "https://api.example.com/v1/items"  # the example's URL and origin
    origin: str = "https://app.example.com"

    def example_reason(self) -> str:
        return self.template.format(**dict(self.sample))


_SAMPLE_URL = "https://api.example.com/v1/items"
_SAMPLE_ORIGIN = "https://app.example.com"
_SENTINEL = "hint-sentinel"
_SENTINEL_URL = "https://hint.invalid"


def _from_cors_check() -> dict[str, tuple[str, str | None, str | None]]:
    """Chrome/Firefox/Safari reason templates for the CORS-check failures, read off cors_check."""
    origin = "https://origin.invalid"

    def run(headers: tuple[tuple[str, str], ...], credentials: bool, kind: str = "image") -> Any:
        return cors_check(headers, origin, credentials, kind=kind)

    def tpl(text: str | None) -> str | None:
        if text is None:
            return None
        return (
            text.replace(f"{_SENTINEL_URL}, {_SENTINEL_URL}", "{hint}")
            .replace(_SENTINEL_URL, "{hint}")
            .replace(_SENTINEL, "{hint}")
            .replace(origin, "{origin}")
        )

    checks = {
        "missing-allow-origin": run((), False),
        "wildcard-with-credentials": run(((ACAO, "*"),), True),
        "multiple-allow-origin": run(((ACAO, f"{_SENTINEL_URL}, {_SENTINEL_URL}"),), False),
        "invalid-allow-origin": run(((ACAO, _SENTINEL),), False),
        "allow-origin-mismatch": run(((ACAO, _SENTINEL_URL),), False),
        "invalid-allow-credentials": run(((ACAO, origin), (ACAC, _SENTINEL)), True),
    }
    out = {
        code: (tpl(c.chrome_reason) or "", tpl(c.firefox_reason), tpl(c.safari_reason))
        for code, c in checks.items()
    }
    # Firefox counts header lines: two lines give its own "Multiple" sentence.
    two_lines = run(((ACAO, origin), (ACAO, origin)), False)
    out["firefox-multiple"] = ("", tpl(two_lines.firefox_reason), None)
    xhr = run(((ACAO, "*"),), True, kind="XMLHttpRequest").chrome_reason or ""
    out["xhr-suffix"] = (xhr[len(out["wildcard-with-credentials"][0]) :], None, None)
    return out


_CHECK = _from_cors_check()
XHR_SUFFIX = _CHECK["xhr-suffix"][0]
# browser-rules.md l.70-72, versions (a)/(b): kNoCorsInformation before Chromium dropped the no-cors advice.
OLD_FETCH_SUFFIX = (
    " Have the server send the header with a valid value, or, if an opaque response serves your needs, "
    "set the request's mode to 'no-cors' to fetch the resource with CORS disabled."
)
# browser-rules.md l.47, versions (a)/(b): the missing-ACAO reason's fetch suffix.
OLD_MISSING_SUFFIX = (
    " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the "
    "resource with CORS disabled."
)
_OLD = "Chromium up to 132 (with the no-cors advice)"

_h = (("hint", "https://app.example.com/"),)


def _chrome_patterns() -> list[_Pattern]:
    c = _CHECK
    pats: list[_Pattern] = []
    # CORS-check reasons, with their suffixes: longest first, since a shorter one matches its prefix.
    pats += [
        _Pattern(
            "chrome", "missing-allow-origin", c["missing-allow-origin"][0] + OLD_MISSING_SUFFIX, variant=_OLD
        ),
        _Pattern("chrome", "missing-allow-origin", c["missing-allow-origin"][0]),
        _Pattern(
            "chrome",
            "wildcard-with-credentials",
            c["wildcard-with-credentials"][0] + XHR_SUFFIX,
            variant="XMLHttpRequest (withCredentials)",
        ),
        _Pattern("chrome", "wildcard-with-credentials", c["wildcard-with-credentials"][0]),
        _Pattern(
            "chrome",
            "invalid-allow-credentials",
            c["invalid-allow-credentials"][0] + XHR_SUFFIX,
            (("hint", ""),),
            variant="XMLHttpRequest (withCredentials)",
        ),
        _Pattern("chrome", "invalid-allow-credentials", c["invalid-allow-credentials"][0], (("hint", ""),)),
    ]
    samples = {
        "multiple-allow-origin": (("hint", "https://app.example.com, https://admin.example.com"),),
        "invalid-allow-origin": (("hint", "app.example.com"),),
        "allow-origin-mismatch": _h,
    }
    for code, sample in samples.items():
        base = c[code][0].removesuffix(FETCH_SUFFIX)
        pats += [
            _Pattern("chrome", code, base + OLD_FETCH_SUFFIX, sample, variant=_OLD),
            _Pattern("chrome", code, base + FETCH_SUFFIX, sample),
            _Pattern("chrome", code, base, sample, variant="not fetch (no suffix)"),
        ]
    space, t, r = (("space", "local"),), (("t", "local"),), (("r", "local"),)
    # browser-rules.md l.44-68 (the reason table), verbatim.
    pats += [
        _Pattern("chrome", "disallowed-by-mode", "Cross origin requests are not allowed by request mode."),
        _Pattern("chrome", "invalid-response", "The response is invalid."),
        _Pattern(
            "chrome",
            "scheme-not-supported",
            "Cross origin requests are only supported for protocol schemes: {list}.",
            (("list", "chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app"),),
            url="file:///home/me/site/data.json",
            origin="null",
        ),
        _Pattern("chrome", "preflight-invalid-status", "It does not have HTTP ok status.", preflight=True),
        _Pattern(
            "chrome",
            "preflight-disallowed-redirect",
            "Redirect is not allowed for a preflight request.",
            preflight=True,
        ),
        _Pattern(
            "chrome",
            "invalid-allow-methods",
            "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
        ),
        _Pattern(
            "chrome",
            "invalid-allow-headers",
            "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
        ),
        _Pattern(
            "chrome",
            "method-not-allowed",
            "Method {hint} is not allowed by Access-Control-Allow-Methods in preflight response.",
            (("hint", "PUT"),),
        ),
        _Pattern(
            "chrome",
            "header-not-allowed",
            "Request header field {hint} is not allowed by Access-Control-Allow-Headers in preflight response.",
            (("hint", "x-api-key"),),
        ),
        _Pattern(
            "chrome",
            "redirect-contains-credentials",
            "Redirect location '{hint}' contains a username and password, "
            "which is disallowed for cross-origin requests.",
            (("hint", "https://user:pass@api.example.com/v1/items"),),
        ),
        _Pattern(
            "chrome",
            "insecure-private-network",
            "The request client is not a secure context and the resource is "
            "in more-private address space `{space}`.",
            space,
            url="http://192.168.1.20/api/status",
            origin="http://app.example.com",
        ),
        _Pattern(
            "chrome",
            "invalid-private-network-access",
            "Request had a target IP address space of `{t}` yet the resource is in address space `{r}`.",
            (("t", "private"), ("r", "local")),
        ),
        _Pattern(
            "chrome",
            "unexpected-private-network-access",
            "Request had no target IP address space, yet the resource is in address space `{r}`.",
            r,
        ),
        _Pattern(
            "chrome",
            "preflight-missing-allow-private-network",
            "No 'Access-Control-Allow-Private-Network' header "
            "was present in the preflight response for this private network request targeting the `{t}` address "
            "space.",
            t,
            preflight=True,
        ),
        _Pattern(
            "chrome",
            "preflight-invalid-allow-private-network",
            "The 'Access-Control-Allow-Private-Network' header "
            "in the preflight response for this private network request targeting the `{t}` address space had a "
            "value of '{hint}',  not 'true'.",
            (("t", "local"), ("hint", "false")),
            preflight=True,
        ),
        _Pattern(
            "chrome",
            "preflight-missing-private-network-access-id",
            "No 'Private-Network-Access-Id' header was "
            "present in the preflight response for this private network request targeting the `{t}` address "
            "space.",
            t,
        ),
        _Pattern(
            "chrome",
            "preflight-missing-private-network-access-name",
            "No 'Private-Network-Access-Name' header was "
            "present in the preflight response for this private network request targeting the `{t}` address "
            "space.",
            t,
        ),
        _Pattern(
            "chrome",
            "private-network-permission-unavailable",
            "Unable to ask for permission to access the `{t}` IP address space.",
            t,
        ),
        _Pattern(
            "chrome",
            "private-network-permission-denied",
            "Permission was denied for this request to access the `{t}` address space.",
            t,
        ),
        _Pattern(
            "chrome",
            "preflight-missing-allow-external",
            "No 'Access-Control-Allow-External' header was present in "
            "the preflight response for this external request (This is an experimental header which is defined in "
            "'https://wicg.github.io/cors-rfc1918/').",
            variant="Chromium 2020 (CORS-RFC1918)",
            preflight=True,
        ),
        _Pattern(
            "chrome",
            "preflight-invalid-allow-external",
            "The 'Access-Control-Allow-External' header in the "
            "preflight response for this external request had a value of '{hint}',  not 'true'",
            (("hint", "false"),),
            variant="Chromium 2020 (CORS-RFC1918)",
            preflight=True,
        ),
    ]
    return pats


CHROME_PATTERNS = _chrome_patterns()
_CHROME_COMPILED = [(p, re.compile(_regex(p.template))) for p in CHROME_PATTERNS]

# browser-rules.md l.26: the frame; l.92-94: the legacy "XMLHttpRequest cannot load" form.
_CHROME_FRAME = re.compile(
    r"Access to (?P<kind>[A-Za-z][A-Za-z ]{0,40}?) at '(?P<url>\S*?)' (?:\(redirected from '(?P<initial>\S*?)'\) )?"
    r"from origin '(?P<origin>\S*?)' has been blocked by CORS policy: (?P<rest>.*)"
)
_CHROME_LEGACY = re.compile(r"(?P<kind>XMLHttpRequest|Fetch API) cannot load (?P<url>\S+?)\. (?P<rest>.*)")
_LEGACY_ORIGIN = re.compile(r"Origin '(?P<origin>\S*?)' is therefore not allowed access")
_LEGACY_STATUS = re.compile(r"The response had HTTP status code (?P<status>\d{3})")
_PREFLIGHT_PREFIX = _normalise(CHROME_PREFLIGHT_PREFIX) + " "
# browser-rules.md l.89: Chrome's deprecation warning (not a failure).
CHROME_AUTHORIZATION_WARNING = (
    "Authorization will not be covered by the wildcard symbol (*) in CORS "
    "Access-Control-Allow-Headers handling."
)


def _firefox_patterns() -> list[_Pattern]:
    c = _CHECK
    tok = (("tok", "PUT;"),)
    return [
        _Pattern("firefox", "missing-allow-origin", c["missing-allow-origin"][1] or ""),
        _Pattern("firefox", "wildcard-with-credentials", c["wildcard-with-credentials"][1] or ""),
        _Pattern("firefox", "multiple-allow-origin", c["firefox-multiple"][1] or ""),
        _Pattern("firefox", "allow-origin-mismatch", c["allow-origin-mismatch"][1] or "", _h),
        _Pattern("firefox", "invalid-allow-credentials", c["invalid-allow-credentials"][1] or ""),
        # browser-rules.md l.108-123 (security.properties), verbatim.
        _Pattern("firefox", "cors-disabled", "CORS disabled"),
        _Pattern("firefox", "request-did-not-succeed", "CORS request did not succeed"),
        _Pattern("firefox", "scheme-not-supported", "CORS request not http"),
        _Pattern("firefox", "preflight-invalid-status", "CORS preflight response did not succeed"),
        _Pattern(
            "firefox",
            "invalid-allow-methods",
            "invalid token ‘{tok}’ in CORS header ‘Access-Control-Allow-Methods’",
            tok,
        ),
        _Pattern(
            "firefox",
            "method-not-allowed",
            "Did not find method in CORS header ‘Access-Control-Allow-Methods’",
        ),
        _Pattern(
            "firefox",
            "invalid-allow-headers",
            "invalid token ‘{tok}’ in CORS header ‘Access-Control-Allow-Headers’",
            (("tok", "x-api-key;"),),
        ),
        _Pattern(
            "firefox",
            "header-not-allowed",
            "header ‘{name}’ is not allowed according to header "
            "‘Access-Control-Allow-Headers’ from CORS preflight response",
            (("name", "x-api-key"),),
        ),
        _Pattern("firefox", "preflight-disallowed-redirect", "CORS request external redirect not allowed"),
        _Pattern("firefox", "origin-header-not-added", "CORS header ‘Origin’ cannot be added"),
        # Older Firefox wordings (CORSPreflightDidNotSucceed, CORSMissingAllowHeaderFromPreflight), as
        # MDN's error pages name them; not in browser-rules.md, which lists the current keys.
        _Pattern(
            "firefox",
            "preflight-invalid-status",
            "CORS preflight channel did not succeed",
            variant="older Firefox",
        ),
        _Pattern(
            "firefox",
            "header-not-allowed",
            "missing token ‘{name}’ in CORS header ‘Access-Control-Allow-Headers’ "
            "from CORS preflight channel",
            (("name", "x-api-key"),),
            variant="older Firefox",
        ),
    ]


FIREFOX_PATTERNS = _firefox_patterns()
_FIREFOX_COMPILED = [(p, re.compile(_regex(p.template))) for p in FIREFOX_PATTERNS]
# browser-rules.md l.104: the frame; the URL is quoted for some reasons, and "Status code: N." may follow.
_FIREFOX_FRAME = re.compile(
    r"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
    r"'?(?P<url>\S+?)'?\. \(Reason: (?P<reason>[^()]*?)\)\.?(?: Status code: (?P<status>\S+?)\.)?(?=\s|$)"
)
# browser-rules.md l.121: the Authorization-wildcard warning.
_FIREFOX_WARNING = re.compile(
    r"Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at "
    r"(?P<url>\S+?) soon\. \(Reason: When the .Access-Control-Allow-Headers. is .\*., the .Authorization. header is "
    r"not covered"
)


@dataclass(frozen=True, slots=True)
class _Searched:
    """A message found anywhere in the text (Safari and the non-fetch failures)."""

    browser: str
    code: str
    regex: re.Pattern[str]
    example: str
    variant: str = "current"


def _searched() -> list[_Searched]:
    c = _CHECK
    origin = _SAMPLE_ORIGIN
    s = [
        # Safari, browser-rules.md l.137-145; the CORS-check sentences come from cors_check.
        _Searched(
            "safari",
            "wildcard-with-credentials",
            re.compile(_regex(c["wildcard-with-credentials"][2] or "")),
            c["wildcard-with-credentials"][2] or "",
        ),
        _Searched(
            "safari",
            "multiple-allow-origin",
            re.compile(_regex(c["multiple-allow-origin"][2] or "")),
            c["multiple-allow-origin"][2] or "",
        ),
        _Searched(
            "safari",
            "origin-not-allowed",
            re.compile(
                r"Origin (?P<origin>\S+) is not allowed by Access-Control-Allow-Origin\.?"
                r"(?: Status code: (?P<status>\d{3}))?"
            ),
            (c["missing-allow-origin"][2] or "").format(origin=origin) + " Status code: 200",
        ),
        _Searched(
            "safari",
            "invalid-allow-credentials",
            re.compile(_regex(c["invalid-allow-credentials"][2] or "")),
            c["invalid-allow-credentials"][2] or "",
        ),
        _Searched(
            "safari",
            "preflight-invalid-status",
            re.compile(r"Preflight response is not successful\.?(?: Status code: (?P<status>\d{3}))?"),
            "Preflight response is not successful. Status code: 404",
        ),
        _Searched(
            "safari",
            "header-not-allowed",
            re.compile(
                r"Request header field (?P<hint>\S+) is not allowed by Access-Control-Allow-Headers\."
            ),
            "Request header field x-api-key is not allowed by Access-Control-Allow-Headers.",
        ),
        # WebKit CrossOriginPreflightResultCache.cpp's method sentence, the twin of the header one above
        # (not in browser-rules.md; seen pasted with the "Fetch API cannot load" wrapper).
        _Searched(
            "safari",
            "method-not-allowed",
            re.compile(r"Method (?P<hint>\S+) is not allowed by Access-Control-Allow-Methods\."),
            "Method PUT is not allowed by Access-Control-Allow-Methods.",
        ),
        _Searched(
            "safari",
            "corp-blocked",
            re.compile(
                r"Cancelled load to (?P<url>\S+) because it violates the resource's "
                r"Cross-Origin-Resource-Policy response header\."
            ),
            f"Cancelled load to {_SAMPLE_URL} because it violates the resource's Cross-Origin-Resource-Policy "
            "response header.",
        ),
        _Searched(
            "safari",
            "access-control-checks",
            _SAFARI_WRAPPER,
            f"Fetch API cannot load {_SAMPLE_URL} due to access control checks.",
        ),
        # Cross-origin DOM access, browser-rules.md l.148-155.
        _Searched(
            "chrome",
            "sandboxed-frame-access",
            re.compile(
                r"Sandbox access violation: Blocked a frame at \"(?P<origin>[^\"]*)\" from accessing a "
                r"frame at \"(?P<url>[^\"]*)\""
            ),
            'Sandbox access violation: Blocked a frame at "https://app.example.com" from accessing a frame at '
            '"https://app.example.com". The frame being accessed is sandboxed and lacks the "allow-same-origin" flag.',
        ),
        _Searched(
            "chrome",
            "cross-origin-frame-access",
            re.compile(
                r"Blocked a frame with origin \"(?P<origin>[^\"]*)\" from accessing a frame with origin "
                r"\"(?P<url>[^\"]*)\""
            ),
            'Blocked a frame with origin "https://www.a.com" from accessing a frame with origin '
            '"https://www.b.com". Protocols, domains, and ports must match.',
        ),
        _Searched(
            "chrome",
            "cross-origin-frame-access",
            re.compile(
                r"Blocked a frame with origin \"(?P<origin>[^\"]*)\" from accessing a cross-origin frame"
            ),
            "SecurityError: Failed to read a named property 'document' from 'Window': Blocked a frame with origin "
            '"https://www.a.com" from accessing a cross-origin frame.',
        ),
        _Searched(
            "firefox",
            "cross-origin-frame-access",
            re.compile(r"Permission denied to access property \"(?P<hint>[^\"]*)\" on cross-origin object"),
            'SecurityError: Permission denied to access property "host" on cross-origin object',
        ),
        # Framing, browser-rules.md l.160-172 (ancestor_throttle.cc).
        _Searched(
            "chrome",
            "x-frame-options",
            re.compile(
                r"Refused to display '(?P<url>[^']*)' in a frame because it set 'X-Frame-Options' to "
                r"'(?P<hint>[^']*)'\."
            ),
            "Refused to display 'https://widget.other.com/' in a frame because it set 'X-Frame-Options' to "
            "'sameorigin'.",
        ),
        _Searched(
            "chrome",
            "x-frame-options-conflict",
            re.compile(
                r"Refused to display '(?P<url>[^']*)' in a frame because it set multiple 'X-Frame-Options' "
                r"headers with conflicting values \('(?P<hint>.*?)'\)\. Falling back to 'deny'\."
            ),
            "Refused to display 'https://widget.other.com/' in a frame because it set multiple 'X-Frame-Options' "
            "headers with conflicting values ('DENY, SAMEORIGIN'). Falling back to 'deny'.",
        ),
        _Searched(
            "chrome",
            "x-frame-options-invalid",
            re.compile(
                r"Invalid 'X-Frame-Options' header encountered when loading '(?P<url>[^']*)': "
                r"'(?P<hint>.*?)' is not a recognized directive\. The header will be ignored\."
            ),
            "Invalid 'X-Frame-Options' header encountered when loading 'https://widget.other.com/': "
            "'ALLOW-FROM https://app.example.com' is not a recognized directive. The header will be ignored.",
        ),
        _Searched(
            "chrome",
            "frame-ancestors",
            re.compile(
                r"Refused to frame '(?P<url>[^']*)' because an ancestor violates the following Content "
                r"Security Policy directive: \"(?P<hint>frame-ancestors[^\"]*)\""
            ),
            "Refused to frame 'https://widget.other.com/' because an ancestor violates the following Content "
            "Security Policy directive: \"frame-ancestors 'self'\".",
        ),
        # Canvas tainting, browser-rules.md l.156-159.
        _Searched(
            "chrome",
            "canvas-tainted",
            re.compile(
                r"Failed to execute '(?P<hint>\w+)' on '\w+': (?:The canvas has been tainted by "
                r"cross-origin data|Tainted canvases may not be (?:exported|loaded))\."
            ),
            "Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by "
            "cross-origin data.",
        ),
        _Searched(
            "safari",
            "canvas-tainted",
            re.compile(
                r"Unable to get image data from canvas because the canvas has been tainted by cross-origin "
                r"data\."
            ),
            "Unable to get image data from canvas because the canvas has been tainted by cross-origin data.",
        ),
        _Searched(
            "firefox",
            "canvas-tainted",
            re.compile(r"^(?:Uncaught )?(?:SecurityError: )?The operation is insecure\.?$"),
            "SecurityError: The operation is insecure.",
            variant="Firefox and Safari (the same sentence is used for other security errors too)",
        ),
        # Muted script errors (HTML "muted errors"), browser-rules.md l.174.
        _Searched(
            "all",
            "script-error-muted",
            re.compile(r"^(?:Uncaught )?Script error\.?(?: at :0(?::0)?)?$"),
            "Script error.",
        ),
        # Chrome's Authorization-wildcard deprecation warning.
        _Searched(
            "chrome",
            "authorization-wildcard",
            re.compile(re.escape(CHROME_AUTHORIZATION_WARNING)),
            CHROME_AUTHORIZATION_WARNING,
        ),
    ]
    return s


# browser-rules.md l.143: Safari's wrapper line, which carries the URL.
_SAFARI_WRAPPER = re.compile(
    r"(?P<kind>Fetch API|XMLHttpRequest|Beacon API) cannot load (?P<url>\S+?) due to access control checks\."
)
SEARCHED = _searched()


def _examples() -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    for pattern in CHROME_PATTERNS:
        reason = pattern.example_reason()
        kind = "XMLHttpRequest" if pattern.variant.startswith("XMLHttpRequest") else "fetch"
        out.append(
            (
                "chrome",
                pattern.code,
                chrome_cors_message(kind, pattern.url, pattern.origin, reason, preflight=pattern.preflight),
            )
        )
    out.append(
        (
            "chrome",
            "missing-allow-origin",
            f"XMLHttpRequest cannot load {_SAMPLE_URL}. {CHROME_PREFLIGHT_PREFIX}"
            f"{_CHECK['missing-allow-origin'][0]} Origin '{_SAMPLE_ORIGIN}' is therefore not allowed access.",
        )
    )
    for pattern in FIREFOX_PATTERNS:
        status = 404 if pattern.code in ("missing-allow-origin", "preflight-invalid-status") else None
        url = "file:///home/me/site/data.json" if pattern.code == "scheme-not-supported" else _SAMPLE_URL
        out.append(
            (
                "firefox",
                pattern.code,
                firefox_cors_message(
                    url,
                    pattern.example_reason(),
                    status=status,
                    quote_url=pattern.code == "wildcard-with-credentials",
                ),
            )
        )
    out.append(
        (
            "firefox",
            "authorization-wildcard",
            f"Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at "
            f"{_SAMPLE_URL} soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` "
            "header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS "
            "header `Access-Control-Allow-Headers`).",
        )
    )
    for searched in SEARCHED:
        example = searched.example
        if searched.browser == "safari" and searched.code not in (
            "access-control-checks",
            "corp-blocked",
            "canvas-tainted",
        ):
            example = safari_cors_message("Fetch API", _SAMPLE_URL, example)
        out.append((searched.browser, searched.code, example))
    return tuple(out)


# (browser, reason code, an example message) for every wording recognised: the "here is what I know" list.
KNOWN_MESSAGES: tuple[tuple[str, str, str], ...] = _examples()


# --- recognising ----------------------------------------------------------------------------------


def recognise(text: str) -> Recognised | None:
    """The first browser message found in ``text``, or None when none is recognised. Never raises."""
    if not isinstance(text, str):
        return None
    flat = _normalise(text[:MAX_TEXT])
    if not flat:
        return None
    for finder in (_chrome, _chrome_legacy, _firefox, _safari, _searched_anywhere, _chrome_bare_reason):
        found = finder(flat)
        if found is not None:
            return found
    return None


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _status(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and 100 <= int(text) <= 599 else None


def _match_chrome_reason(rest: str) -> tuple[_Pattern, re.Match[str], bool] | None:
    preflight = rest.startswith(_PREFLIGHT_PREFIX)
    if preflight:
        rest = rest[len(_PREFLIGHT_PREFIX) :]
    for pattern, regex in _CHROME_COMPILED:
        match = regex.match(rest)
        if match is not None:
            return pattern, match, preflight
    return None


def _hint_of(match: re.Match[str]) -> str | None:
    for name in ("hint", "name", "tok", "t", "space", "list"):
        value = _group(match, name)
        if value is not None:
            return _decode_hint(value)
    return None


def _credentials_of(code: str, variant: str) -> bool | None:
    if code in ("wildcard-with-credentials", "invalid-allow-credentials"):
        return True
    return None


def _chrome(flat: str) -> Recognised | None:
    frame = _CHROME_FRAME.search(flat)
    if frame is None:
        return None
    found = _match_chrome_reason(frame.group("rest"))
    if found is None:
        return None
    pattern, match, preflight = found
    kind = frame.group("kind")
    return Recognised(
        browser="chrome",
        reason=pattern.code,
        message=flat[
            frame.start() : frame.start("rest") + match.end() + (len(_PREFLIGHT_PREFIX) if preflight else 0)
        ],
        url=frame.group("url"),
        initial_url=frame.group("initial"),
        origin=frame.group("origin"),
        kind=kind,
        preflight=preflight or pattern.preflight,
        hint=_hint_of(match),
        credentials=_credentials_of(pattern.code, pattern.variant),
        variant=pattern.variant,
    )


def _chrome_legacy(flat: str) -> Recognised | None:
    legacy = _CHROME_LEGACY.search(flat)
    if legacy is None:
        return None
    rest = legacy.group("rest")
    found = _match_chrome_reason(rest)
    if found is None:
        return None
    pattern, match, preflight = found
    origin = _LEGACY_ORIGIN.search(rest)
    status = _LEGACY_STATUS.search(rest)
    return Recognised(
        browser="chrome",
        reason=pattern.code,
        message=flat[legacy.start() :],
        url=legacy.group("url"),
        origin=origin.group("origin") if origin else None,
        kind=legacy.group("kind"),
        preflight=preflight or pattern.preflight,
        hint=_hint_of(match),
        status=_status(status.group("status")) if status else None,
        credentials=_credentials_of(pattern.code, pattern.variant),
        variant="legacy (Chrome up to about 2017)",
    )


def _firefox(flat: str) -> Recognised | None:
    frame = _FIREFOX_FRAME.search(flat)
    if frame is not None:
        reason = frame.group("reason").strip()
        for pattern, regex in _FIREFOX_COMPILED:
            match = regex.fullmatch(reason)
            if match is not None:
                return Recognised(
                    browser="firefox",
                    reason=pattern.code,
                    message=frame.group(0),
                    url=frame.group("url"),
                    preflight=pattern.code.startswith("preflight")
                    or pattern.code
                    in (
                        "invalid-allow-methods",
                        "invalid-allow-headers",
                        "method-not-allowed",
                        "header-not-allowed",
                    ),
                    hint=_hint_of(match),
                    status=_status(frame.group("status")),
                    credentials=_credentials_of(pattern.code, pattern.variant),
                    variant=pattern.variant,
                )
    warning = _FIREFOX_WARNING.search(flat)
    if warning is not None:
        return Recognised(
            browser="firefox",
            reason="authorization-wildcard",
            message=flat[warning.start() :],
            url=warning.group("url"),
            preflight=True,
            hint="authorization",
        )
    return None


_SAFARI_REASONS = (
    "wildcard-with-credentials",
    "multiple-allow-origin",
    "origin-not-allowed",
    "invalid-allow-credentials",
    "preflight-invalid-status",
    "header-not-allowed",
    "method-not-allowed",
)


def _safari(flat: str) -> Recognised | None:
    """Safari prints the reason on one line and ``… cannot load URL due to access control checks.`` on the next."""
    wrapper = _SAFARI_WRAPPER.search(flat)
    for searched in SEARCHED:
        if searched.browser != "safari" or searched.code not in _SAFARI_REASONS:
            continue
        match = searched.regex.search(flat)
        if match is None:
            continue
        return Recognised(
            browser="safari",
            reason=searched.code,
            message=match.group(0),
            url=wrapper.group("url") if wrapper else None,
            origin=_group(match, "origin"),
            kind=wrapper.group("kind") if wrapper else None,
            preflight=searched.code
            in ("preflight-invalid-status", "header-not-allowed", "method-not-allowed"),
            hint=_group(match, "hint"),
            status=_status(_group(match, "status")),
            credentials=_credentials_of(searched.code, ""),
        )
    return None


def _searched_anywhere(flat: str) -> Recognised | None:
    for searched in SEARCHED:
        if searched.browser == "safari" and searched.code in _SAFARI_REASONS:
            continue
        match = searched.regex.search(flat)
        if match is None:
            continue
        hint = _group(match, "hint")
        return Recognised(
            browser=searched.browser,
            reason=searched.code,
            message=match.group(0),
            url=_group(match, "url"),
            origin=_group(match, "origin"),
            kind=_group(match, "kind"),
            hint=hint,
            preflight=searched.code == "authorization-wildcard",
            variant=searched.variant,
        )
    return None


def _chrome_bare_reason(flat: str) -> Recognised | None:
    """Only Chrome's reason sentence was pasted (or DevTools' "Access blocked by CORS policy: …")."""
    for pattern, regex in _CHROME_COMPILED:
        if pattern.code in ("invalid-response",):
            continue  # too generic to recognise on its own
        match = regex.search(flat)
        if match is not None:
            before = flat[: match.start()]
            return Recognised(
                browser="chrome",
                reason=pattern.code,
                message=match.group(0),
                preflight=before.endswith(_PREFLIGHT_PREFIX) or pattern.preflight,
                hint=_hint_of(match),
                credentials=_credentials_of(pattern.code, pattern.variant),
                variant="reason only (no URL or origin in the text)",
            )
    return None


# --- building the scenario ------------------------------------------------------------------------

_PREFLIGHT_REASONS = frozenset(
    {
        "preflight-invalid-status",
        "preflight-disallowed-redirect",
        "invalid-allow-methods",
        "invalid-allow-headers",
        "method-not-allowed",
        "header-not-allowed",
        "invalid-response",
        "authorization-wildcard",
        "preflight-missing-allow-private-network",
        "preflight-invalid-allow-private-network",
        "preflight-missing-private-network-access-id",
        "preflight-missing-private-network-access-name",
        "preflight-missing-allow-external",
        "preflight-invalid-allow-external",
    }
)
_CORS_CHECK_REASONS = frozenset(
    {
        "missing-allow-origin",
        "wildcard-with-credentials",
        "multiple-allow-origin",
        "invalid-allow-origin",
        "allow-origin-mismatch",
        "origin-not-allowed",
        "invalid-allow-credentials",
        "access-control-checks",
    }
)
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
    elif rec.reason == "canvas-tainted":
        mapping.update(page=ASSUMED_PAGE, target=ASSUMED_IMAGE, resources=["image"])
        notes.append(
            f"The message names neither the page nor the image; assumed {ASSUMED_PAGE} and {ASSUMED_IMAGE}."
        )
        mapping["expect"] = {"image.read_pixels": False}
    elif rec.reason == "corp-blocked":
        mapping.update(
            page=ASSUMED_PAGE,
            target=_valid_url(rec.url, ASSUMED_IMAGE, "blocked URL", notes),
            resources=["image"],
        )
        notes.append(
            f"The message does not name the page; assumed {ASSUMED_PAGE}, another site. Safari prints this "
            "for any no-cors load (image, script, fetch with mode 'no-cors'); modelled as an <img>."
        )
        mapping["response"] = {"status": 200, "headers": [["Cross-Origin-Resource-Policy", "same-origin"]]}
        mapping["expect"] = {"image.display": False}
    elif rec.reason == "script-error-muted":
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
        f"{rec.message[:300]}",
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


def _dom_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    mapping["resources"] = ["dom"]
    _page(rec, mapping, notes)
    if rec.reason == "sandboxed-frame-access":
        mapping["page_sandboxed"] = True
    mapping["target"] = _valid_url(rec.url, ASSUMED_TARGET, "other frame's origin", notes)
    mapping["expect"] = {"dom.access": False}


def _iframe_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    mapping["resources"] = ["iframe"]
    mapping["page"] = ASSUMED_EMBEDDER
    notes.append(f"The message does not name the embedding page; assumed {ASSUMED_EMBEDDER}, another site.")
    mapping["target"] = _valid_url(rec.url, ASSUMED_TARGET, "framed page", notes)
    hint = (rec.hint or "").replace("\x00", "")
    if rec.reason == "frame-ancestors":
        header = ("Content-Security-Policy", hint or "frame-ancestors 'self'")
    elif rec.reason == "x-frame-options":
        header = ("X-Frame-Options", (hint or "deny").upper())
    else:
        header = ("X-Frame-Options", hint or "DENY, SAMEORIGIN")
    mapping["response"] = {"status": 200, "headers": [list(header)]}
    if REASONS[rec.reason].blocking:
        mapping["expect"] = {"iframe.embed": False}


def _cors_scenario(rec: Recognised, mapping: dict[str, Any], notes: list[str]) -> None:
    code = rec.reason
    origin = _page(rec, mapping, notes)
    allow_origin = origin if origin != "null" else "null"
    resource = rec.resource
    mapping["resources"] = [resource]
    last_url = _valid_url(rec.url, ASSUMED_TARGET, "requested URL", notes)
    credentials = bool(rec.credentials)
    preflight = (rec.preflight or code in _PREFLIGHT_REASONS) and resource == "fetch"

    request: dict[str, Any] = {}
    if resource == "fetch":
        if credentials:
            request["credentials"] = "include"
        if code == "disallowed-by-mode":
            request["mode"] = "same-origin"
    else:
        request["crossorigin"] = "use-credentials" if credentials else "anonymous"

    good = [[ACAO, allow_origin]] + ([[ACAC, "true"]] if credentials else [])
    preflight_headers = [list(h) for h in good]
    response_headers = [list(h) for h in good]
    if preflight:
        _preflight_request(rec, request, preflight_headers, notes)
    failing = _failing_cors_headers(rec, allow_origin, credentials)
    if code in _CORS_CHECK_REASONS:
        if preflight:
            preflight_headers = failing + [h for h in preflight_headers if h[0] not in (ACAO, ACAC)]
        else:
            response_headers = failing
    if code == "access-control-checks":
        notes.append(
            "Only Safari's wrapper line was pasted, not the reason above it; assumed the most common "
            "reason, a response without Access-Control-Allow-Origin."
        )

    if code == "insecure-private-network" and host_ip(parse_url(last_url).hostname) is None:
        notes.append(
            "The URL names a host, not an IP address: the playground cannot know its address space, so "
            "it reproduces this only for an IP address (such as http://192.168.1.20/)."
        )
    if rec.initial_url and rec.initial_url != last_url:
        mapping["target"] = _valid_url(rec.initial_url, ASSUMED_TARGET, "first URL", notes)
        mapping["redirects"] = [{"status": 302, "location": last_url, "headers": [list(h) for h in good]}]
    elif code == "redirect-contains-credentials":
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

    if code in ("scheme-not-supported",) and not last_url.startswith("file:") and rec.url is None:
        mapping["target"] = "file:///data.json"
    if request:
        mapping["request"] = request
    if preflight:
        mapping["preflight"] = {"status": _preflight_status(rec), "headers": preflight_headers}
    # Firefox names the actual response's status ("Status code: 404."): keep it.
    status = rec.status if rec.status is not None and not preflight else 200
    mapping["response"] = {"status": status, "headers": response_headers}
    if REASONS[code].blocking and REASONS[code].modelled:
        if resource == "fetch":
            mapping["expect"] = {"fetch.read": False}
            if preflight or code == "disallowed-by-mode":
                mapping["expect"]["fetch.send"] = False
        elif resource == "image":
            mapping["expect"] = {"image.display": False}
        elif resource == "script":
            mapping["expect"] = {"script.execute": False}


def _preflight_status(rec: Recognised) -> int:
    if rec.reason == "preflight-disallowed-redirect":
        return 302
    if rec.reason in ("preflight-invalid-status", "invalid-response"):
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
    if code == "method-not-allowed":
        method = _safe_token(rec.hint, "PUT", "method", notes)
        if rec.hint is None:
            notes.append("The message does not name the method; assumed PUT.")
        request["method"] = method
        allow.append(["Access-Control-Allow-Methods", "GET, POST"])
        return
    if code in ("header-not-allowed", "authorization-wildcard"):
        name = _safe_token(
            rec.hint, "x-api-key" if code == "header-not-allowed" else "authorization", "header name", notes
        )
        request["headers"] = [[name, _UNSAFE_VALUES.get(name.lower(), "1")]]
        if code == "authorization-wildcard":
            allow.append(["Access-Control-Allow-Headers", "*"])
        return
    if code == "invalid-allow-methods":
        request["method"] = "PUT"
        bad = rec.hint if rec.hint and not is_token(rec.hint) and "\x00" not in rec.hint else "GET; PUT"
        allow.append(["Access-Control-Allow-Methods", bad])
        notes.append("The message does not say which method triggered the preflight; assumed PUT.")
        return
    request["method"] = "POST"
    request["headers"] = [["Content-Type", "application/json"]]
    if code == "invalid-allow-headers":
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
    if code == "wildcard-with-credentials":
        return [[ACAO, "*"]]
    if code == "multiple-allow-origin":
        if rec.browser == "chrome" and hint:
            return [[ACAO, hint]]
        return [[ACAO, origin], [ACAO, origin]]  # Firefox counts lines; Chrome sees "o, o"
    if code == "invalid-allow-origin":
        return [[ACAO, hint or origin.partition("://")[2] or "app.example.com"]]
    if code == "allow-origin-mismatch":
        return [[ACAO, hint or origin + "/"]]
    if code == "invalid-allow-credentials":
        return [[ACAO, origin]] + ([[ACAC, hint]] if hint else [])
    return []  # missing-allow-origin, origin-not-allowed, access-control-checks
