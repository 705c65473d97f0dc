"""Messages of cookies: Set-Cookie rejections, SameSite, third-party cookies, document.cookie.

Chrome prints nothing in the console for a refused or withheld cookie: it names the reason in
DevTools instead. ``CHROME_EXCLUSIONS`` holds those names per failure (Chrome's
``CookieInclusionStatus`` value, and DevTools' blocked-reason name). The one console sentence of
cookies is the SecurityError ``document.cookie`` throws in a document without cookies of its own.
Firefox does log a refused Set-Cookie line in the console (``FIREFOX_REJECTIONS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import CATALOGUE
from .catalogue import CHROME, FIREFOX, Message, Wording
from .codes import Failure

# Chrome's DOMException for document.cookie: the property read, then the reason.
DOCUMENT_COOKIE = "frame.document-cookie"

CATALOGUE.register(
    # Firefox 153 logs a refused Set-Cookie line in the console (Chrome only in DevTools): {name} is the
    # cookie's name. Observed over the browser suite.
    Message(
        key=Failure.COOKIE_SECURE_ONLY,
        wordings=(
            Wording(
                browser=FIREFOX,
                text="Cookie “{name}” has been rejected because a non-HTTPS cookie can’t be set as “secure”.",
            ),
        ),
    ),
    Message(
        key=Failure.COOKIE_SAMESITE_NONE_INSECURE,
        wordings=(
            Wording(
                browser=FIREFOX,
                text="Cookie “{name}” rejected because it has the “SameSite=None” attribute but is missing the "
                "“secure” attribute.",
            ),
        ),
    ),
    Message(
        key=Failure.COOKIE_INVALID_DOMAIN,
        wordings=(Wording(browser=FIREFOX, text="Cookie “{name}” has been rejected for invalid domain."),),
    ),
    Message(
        key=Failure.COOKIE_INVALID_PREFIX,
        wordings=(Wording(browser=FIREFOX, text="Cookie “{name}” has been rejected for invalid prefix."),),
    ),
    Message(
        key=DOCUMENT_COOKIE,
        wordings=(Wording(browser=CHROME, text="Failed to read the 'cookie' property from 'Document': {reason}"),),
    ),
    Message(
        key=Failure.DOCUMENT_COOKIE_SANDBOXED,
        wordings=(Wording(browser=CHROME, text="The document is sandboxed and lacks the 'allow-same-origin' flag."),),
    ),
    Message(
        key=Failure.DOCUMENT_COOKIE_DATA_URL,
        wordings=(Wording(browser=CHROME, text="Cookies are disabled inside 'data:' URLs."),),
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChromeExclusion:
    """How Chrome names one cookie failure (net/cookies/cookie_inclusion_status.h, DevTools' Cookies tab)."""

    status: str  # the CookieInclusionStatus exclusion reason, e.g. EXCLUDE_SECURE_ONLY
    devtools: str | None  # DevTools' blocked-reason name, e.g. SecureOnly; None where the verdict names none

    def names(self) -> str:
        """Both names as the trace quotes them: ``EXCLUDE_SECURE_ONLY, DevTools reason SecureOnly``."""
        return self.status if self.devtools is None else f"{self.status}, DevTools reason {self.devtools}"


CHROME_EXCLUSIONS: dict[Failure, ChromeExclusion] = {
    Failure.COOKIE_SCHEME_NOT_SUPPORTED: ChromeExclusion(
        status="EXCLUDE_NONCOOKIEABLE_SCHEME", devtools="SchemeNotSupported"
    ),
    Failure.COOKIE_NAME_VALUE_TOO_LARGE: ChromeExclusion(
        status="EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE", devtools="NameValuePairExceedsMaxSize"
    ),
    Failure.COOKIE_SECURE_ONLY: ChromeExclusion(status="EXCLUDE_SECURE_ONLY", devtools="SecureOnly"),
    Failure.COOKIE_SAMESITE_NONE_INSECURE: ChromeExclusion(
        status="EXCLUDE_SAMESITE_NONE_INSECURE", devtools="SameSiteNoneInsecure"
    ),
    Failure.COOKIE_INVALID_PREFIX: ChromeExclusion(status="EXCLUDE_INVALID_PREFIX", devtools="InvalidPrefix"),
    Failure.COOKIE_INVALID_PARTITIONED: ChromeExclusion(status="EXCLUDE_INVALID_PARTITIONED", devtools=None),
    Failure.COOKIE_INVALID_DOMAIN: ChromeExclusion(status="EXCLUDE_INVALID_DOMAIN", devtools="InvalidDomain"),
    Failure.COOKIE_DOMAIN_MISMATCH: ChromeExclusion(status="EXCLUDE_DOMAIN_MISMATCH", devtools=None),
    Failure.COOKIE_NOT_ON_PATH: ChromeExclusion(status="EXCLUDE_NOT_ON_PATH", devtools="NotOnPath"),
    Failure.COOKIE_SAMESITE_STRICT: ChromeExclusion(status="EXCLUDE_SAMESITE_STRICT", devtools="SameSiteStrict"),
    Failure.COOKIE_SAMESITE_LAX: ChromeExclusion(status="EXCLUDE_SAMESITE_LAX", devtools="SameSiteLax"),
    Failure.COOKIE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX: ChromeExclusion(
        status="EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX", devtools="SameSiteUnspecifiedTreatedAsLax"
    ),
}

# A cookie the browser's third-party setting withholds (the user's choice, not a rule of the cookie).
THIRD_PARTY_BLOCKED = ChromeExclusion(status="EXCLUDE_USER_PREFERENCES", devtools="UserPreferences")


def chrome_names(failure: Failure) -> str:
    return CHROME_EXCLUSIONS[failure].names()


def devtools_reason(failure: Failure, *, schemeful: bool = False) -> str:
    """DevTools' blocked-reason name; a SameSite one gets ``Schemeful`` when only the scheme made it cross-site."""
    reason = CHROME_EXCLUSIONS[failure].devtools
    if reason is None:
        raise KeyError(f"{failure}: DevTools names no reason")
    return "Schemeful" + reason if schemeful else reason


# The store step whose failure Firefox logs, and the failure it logs it as (the first one failed).
FIREFOX_REJECTIONS: dict[str, Failure] = {
    "cookie.store.secure": Failure.COOKIE_SECURE_ONLY,
    "cookie.store.samesite-none": Failure.COOKIE_SAMESITE_NONE_INSECURE,
    "cookie.store.domain": Failure.COOKIE_INVALID_DOMAIN,
    "cookie.store.prefix": Failure.COOKIE_INVALID_PREFIX,
}


# Chrome's CookieIssue (DevTools Issues panel, CDP Audits.issueAdded): the reasons Chromium 156 raised in
# the browser suite's cookie cases, joined as the harness shows them (exclusion reasons, then warnings).
# Chrome raises none for an explicit Strict or Lax, a rejected Secure cookie, or a blocked third-party one.
COOKIE_ISSUES: dict[str, tuple[str, str]] = {
    # reason -> (CDP operation, what the issue is about)
    "ExcludeSameSiteNoneInsecure,WarnSameSiteNoneInsecure": (
        "SetCookie",
        "A SameSite=None cookie was rejected because it lacks Secure.",
    ),
    "ExcludeSameSiteUnspecifiedTreatedAsLax,WarnSameSiteUnspecifiedCrossSiteContext": (
        "ReadCookie",
        "A cookie without SameSite was treated as Lax and left off a cross-site request.",
    ),
    "WarnSameSiteUnspecifiedLaxAllowUnsafe": (
        "ReadCookie",
        "A cookie without SameSite went on a cross-site POST only because it is under two minutes old.",
    ),
    "WarnThirdPartyPhaseout": (
        "ReadCookie",
        "A third-party (cross-site) SameSite=None cookie was sent; browsers that block third-party cookies "
        "leave it out.",
    ),
}

