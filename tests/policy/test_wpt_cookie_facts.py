"""Every fact in shared/reference/wpt-cookie-facts.md as a table-driven test.

Setup as in cookies/resources/cookie-helper.sub.js: four cookies with Path=/ (samesite_strict,
samesite_lax, samesite_none with Secure, samesite_unspecified), and the expected states STRICT
(all four sent), LAX (all but strict) and CROSS_SITE (only none). Sources are cited per case id:
[CHR] the Chromium mirror of WPT, [GECKO] gecko-dev, [WPT] web-platform-tests itself.
"""

from __future__ import annotations

import pytest

from policy_core import cookies as c
from policy_core import evaluate, load_scenario
from policy_core.setcookie import parse_set_cookie

SECURE_ORIGIN = "https://web-platform.test"
SECURE_SUBDOMAIN_ORIGIN = "https://www1.web-platform.test"
SECURE_CROSS_SITE_ORIGIN = "https://not-web-platform.test"
INSECURE_ORIGIN = "http://web-platform.test"
RESOURCE = "/cookies/resources/list.py"

COOKIES = {
    "samesite_strict": "samesite_strict=1; Path=/; SameSite=Strict",
    "samesite_lax": "samesite_lax=1; Path=/; SameSite=Lax",
    "samesite_none": "samesite_none=1; Path=/; SameSite=None; Secure",
    "samesite_unspecified": "samesite_unspecified=1; Path=/",
}
STRICT = frozenset(COOKIES)
LAX = STRICT - {"samesite_strict"}
CROSS_SITE = frozenset({"samesite_none"})


def verdict(page: str, target: str, line: str, via: str = "fetch", **extra):
    scenario = {
        "version": 1,
        "page": page,
        "target": target,
        "resources": ["cookie"],
        "cookie": {"set_cookie": line, "via": via},
        **extra,
    }
    result = evaluate(load_scenario(scenario)).verdict("cookie")
    assert result is not None
    return result


def sent(page: str, target: str, via: str, cookies: dict[str, str] = COOKIES, **extra) -> frozenset[str]:
    return frozenset(
        name for name, line in cookies.items() if verdict(page, target, line, via, **extra).capability("sent")
    )


INCLUDE = {"request": {"credentials": "include"}}

# (id citing the WPT file, page, target, via, expected state)
REQUEST_CASES = [
    # 1. fetch(credentials: "include") [CHR cookies/samesite/fetch.https.html @24b7b97e; GECKO @0258554a]
    ("1-fetch-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "fetch", STRICT),
    ("1-fetch-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "fetch", STRICT),
    ("1-fetch-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "fetch", CROSS_SITE),
    # 2. <img> [CHR cookies/samesite/img.https.html @332cac77]
    ("2-img-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "image", STRICT),
    ("2-img-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "image", STRICT),
    ("2-img-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "image", CROSS_SITE),
    # 3. <iframe> load [CHR cookies/samesite/iframe.https.html @24b7b97e]
    ("3-iframe-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "iframe", STRICT),
    ("3-iframe-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "iframe", STRICT),
    ("3-iframe-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "iframe", CROSS_SITE),
    # 4. top-level forms [CHR form-get-blank.https.html, form-post-blank.https.html @24b7b97e; GECKO @1b618f3c]
    ("4-form-get-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "navigation", LAX),
    ("4-form-post-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "form-post", CROSS_SITE),
    ("4-form-get-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "navigation", STRICT),
    ("4-form-get-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "navigation", STRICT),
    ("4-form-post-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "form-post", STRICT),
    ("4-form-post-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "form-post", STRICT),
    # 5. window.open (auxiliary navigation, GET) [CHR window-open.https.html @24b7b97e; GECKO @1909af77]
    ("5-window-open-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "navigation", LAX),
    ("5-window-open-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "navigation", STRICT),
    ("5-window-open-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "navigation", STRICT),
    # 6. a redirect chain ending cross-site: the final request is judged like a direct one to it
    #    (CROSS_SITE for subresources and POST, LAX for top-level GET) [CHR/GECKO fetch, img, form-*, window-open]
    ("6-redirect-to-cross-site-fetch", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "fetch", CROSS_SITE),
    ("6-redirect-to-cross-site-img", SECURE_SUBDOMAIN_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "image", CROSS_SITE),
    ("6-redirect-to-cross-site-form-post", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "form-post", CROSS_SITE),
    ("6-redirect-to-cross-site-form-get", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "navigation", LAX),
    # 7. chains that stay same-site (same-host <-> subdomain) are STRICT [same files]
    ("7-same-site-chain-fetch", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "fetch", STRICT),
    ("7-same-site-chain-form-post", SECURE_SUBDOMAIN_ORIGIN, SECURE_ORIGIN, "form-post", STRICT),
    # 9. reloaded top-level form POST [CHR cookies/samesite/form-post-blank-reload.https.html @24b7b97e]
    ("9-reload-form-post-same-host", SECURE_ORIGIN, SECURE_ORIGIN, "form-post", STRICT),
    ("9-reload-form-post-subdomain", SECURE_ORIGIN, SECURE_SUBDOMAIN_ORIGIN, "form-post", STRICT),
    ("9-reload-form-post-cross-site", SECURE_ORIGIN, SECURE_CROSS_SITE_ORIGIN, "form-post", CROSS_SITE),
    # 16. about:blank inherits its creator's site: the scenario names the creator's URL as the page
    #     [CHR cookies/samesite/about-blank-subresource.https.html @5c22992b]
    ("16-about-blank-subresource", SECURE_ORIGIN + "/opener", SECURE_ORIGIN, "fetch", STRICT),
]


@pytest.mark.parametrize(
    ("page", "target", "via", "state"),
    [case[1:] for case in REQUEST_CASES],
    ids=[case[0] for case in REQUEST_CASES],
)
def test_samesite_request_states(page: str, target: str, via: str, state: frozenset[str]) -> None:
    assert sent(page + "/", target + RESOURCE, via, **INCLUDE) == state


def test_8_cross_site_redirect_back_is_explained_not_modelled() -> None:
    # 8. Cross-site URL redirecting to same-host: version-dependent (RFC 6265bis redirect-chain rule in newer
    # copies) [GECKO fetch.https.html @0258554a; CHR img.https.html @332cac77]. The verdict judges the first
    # request and says how the chain rule treats the later hops.
    result = verdict(
        SECURE_ORIGIN + "/",
        SECURE_CROSS_SITE_ORIGIN + "/redirect",
        COOKIES["samesite_lax"],
        "fetch",
        redirects=[{"status": 307, "location": SECURE_ORIGIN + RESOURCE}],
        **INCLUDE,
    )
    step = next(s for s in result.trace if s.id == "cookie.send.redirects")
    assert "every URL in the chain to be same-site" in step.detail
    assert result.capability("sent") is False


@pytest.mark.parametrize("name", sorted(COOKIES))
@pytest.mark.parametrize("via", ["navigation", "form-post"])
def test_10_top_level_navigation_can_set_every_samesite_value(name: str, via: str) -> None:
    # [CHR cookies/samesite/setcookie-navigation.https.html @332cac77]
    assert verdict(SECURE_CROSS_SITE_ORIGIN + "/", SECURE_ORIGIN + RESOURCE, COOKIES[name], via).capability(
        "stored"
    )


@pytest.mark.parametrize("name", sorted(COOKIES))
def test_11_12_setting_is_modelled_first_party_and_the_cross_site_rule_is_stated(name: str) -> None:
    # 11. [CHR setcookie-navigation.https.html] 12. [WPT cookies/samesite/setcookie-lax.html @5e9eaa63]:
    # from a cross-site context only SameSite=None is stored. The contract sets the cookie first-party,
    # so every value is stored, and the trace states the cross-site rule.
    result = verdict(SECURE_CROSS_SITE_ORIGIN + "/", SECURE_ORIGIN + RESOURCE, COOKIES[name], "iframe")
    assert result.capability("stored") is True
    step = next(s for s in result.trace if s.id == "cookie.store.context")
    assert "refuse Strict, Lax and unspecified" in step.detail and "SameSite=None" in step.detail


MULTI = {  # [CHR cookies/samesite/multiple-samesite-attributes.https.html + setSameSiteMultiAttribute.py @1d8b5aa1]
    "samesite_unsupported_none": ("x=1; Path=/; SameSite=Unsupported; SameSite=None; Secure", "None"),
    "samesite_lax_none": ("x=1; Path=/; SameSite=Lax; SameSite=None; Secure", "None"),
    "samesite_unsupported_strict": ("x=1; Path=/; SameSite=Unsupported; SameSite=Strict", "Strict"),
    "samesite_lax_strict": ("x=1; Path=/; SameSite=Lax; SameSite=Strict", "Strict"),
    "samesite_unsupported_lax": ("x=1; Path=/; SameSite=Unsupported; SameSite=Lax", "Lax"),
    "samesite_strict_lax": ("x=1; Path=/; SameSite=Strict; SameSite=Lax", "Lax"),
    "samesite_none_unsupported": ("x=1; Path=/; Secure; SameSite=None; SameSite=Unsupported", ""),
    "samesite_lax_unsupported": ("x=1; Path=/; SameSite=Lax; SameSite=Unsupported", ""),
    "samesite_strict_unsupported": ("x=1; Path=/; SameSite=Strict; SameSite=Unsupported", ""),
}
_MULTI_EXPECT = {  # last value -> (sent same-host, sent on cross-site GET navigation, sent cross-site fetch)
    "None": (True, True, True),
    "Strict": (True, False, False),
    "Lax": (True, True, False),
    "": (True, True, False),  # unknown = default = Lax in Chrome
}


@pytest.mark.parametrize("name", sorted(MULTI), ids=[f"13-{n}" for n in sorted(MULTI)])
def test_13_last_samesite_wins_and_unknown_means_default(name: str) -> None:
    line, last = MULTI[name]
    parsed = parse_set_cookie(line)
    assert parsed is not None and parsed.samesite == last
    same_host, lax_nav, cross_fetch = _MULTI_EXPECT[last]
    target = SECURE_ORIGIN + RESOURCE
    assert verdict(SECURE_ORIGIN + "/", target, line, "fetch", **INCLUDE).capability("sent") is same_host
    assert verdict(SECURE_CROSS_SITE_ORIGIN + "/", target, line, "navigation").capability("sent") is lax_nav
    assert (
        verdict(SECURE_CROSS_SITE_ORIGIN + "/", target, line, "fetch", **INCLUDE).capability("sent")
        is cross_fetch
    )


@pytest.mark.parametrize(
    ("line", "stored", "sent_cross_site"),
    [
        ("samesite_none=1; Path=/; SameSite=None", False, False),
        ("samesite_none=1; Path=/; SameSite=None; Secure", True, True),
    ],
    ids=["14-none-without-secure", "14-none-with-secure"],
)
def test_14_samesite_none_requires_secure(line: str, stored: bool, sent_cross_site: bool) -> None:
    # [CHR cookies/samesite-none-secure/cookies-without-samesite-must-be-secure.https.html @332cac77]
    result = verdict(SECURE_CROSS_SITE_ORIGIN + "/", SECURE_ORIGIN + RESOURCE, line, "fetch", **INCLUDE)
    assert result.capability("stored") is stored
    assert result.capability("sent") is sent_cross_site


SCHEMEFUL_COOKIES = {k: COOKIES[k] for k in ("samesite_strict", "samesite_lax")}


@pytest.mark.parametrize(
    ("target", "via", "state"),
    [
        (INSECURE_ORIGIN, "iframe", frozenset(SCHEMEFUL_COOKIES)),
        (SECURE_ORIGIN, "iframe", frozenset()),
        (SECURE_ORIGIN, "navigation", frozenset({"samesite_lax"})),
        (INSECURE_ORIGIN, "navigation", frozenset(SCHEMEFUL_COOKIES)),
    ],
    ids=[
        "15-iframe-same-scheme",
        "15-iframe-cross-scheme",
        "15-navigation-cross-scheme",
        "15-navigation-same-scheme",
    ],
)
def test_15_schemeful_same_site(target: str, via: str, state: frozenset[str]) -> None:
    # [CHR cookies/schemeful-same-site/schemeful-subresource.tentative.html @c9de22d7,
    #  schemeful-navigation.tentative.html @2ac9b83e]: the page is served from http://{{host}}
    assert sent(INSECURE_ORIGIN + "/", target + RESOURCE, via, SCHEMEFUL_COOKIES) == state


@pytest.mark.parametrize("name", sorted(COOKIES))
def test_17_blob_document_sees_its_creators_cookies(name: str) -> None:
    # [WPT cookies/samesite/blob-toplevel.https.html @fcf424c1]
    page = f"blob:{SECURE_ORIGIN}/9f1c2f5e-5a4e-4f55-9a55-2b0c2f9b1a11"
    assert verdict(page, SECURE_ORIGIN + RESOURCE, COOKIES[name]).capability("script_read") is True


def test_18_sandboxed_iframe_subresource_is_cross_site() -> None:
    # [CHR cookies/samesite/sandbox-iframe-subresource.https.html @bb6087ac]
    assert (
        sent(SECURE_ORIGIN + "/frame", SECURE_ORIGIN + RESOURCE, "image", page_sandboxed=True) == CROSS_SITE
    )


@pytest.mark.parametrize("name", sorted(COOKIES))
def test_19_same_site_document_sees_all_four(name: str) -> None:
    # [CHR cookies/resources/cookie-helper.sub.js verifyDocumentCookie*]
    assert verdict(SECURE_ORIGIN + "/cookies/", SECURE_ORIGIN + RESOURCE, COOKIES[name]).capability(
        "script_read"
    )


@pytest.mark.parametrize(
    ("samesite", "visible"),
    [("Strict", False), ("Lax", False), ("", False), ("None", True)],
    ids=["19-iframe-strict", "19-iframe-lax", "19-iframe-unspecified", "19-iframe-none"],
)
def test_19_cross_site_iframe_document_cookie(samesite: str, visible: bool) -> None:
    # Inside a cross-site iframe document.cookie is a cross-site context (also fact 3).
    # [CHR cookies/samesite/iframe.https.html @24b7b97e; cookie-helper.sub.js]
    assert c.samesite_allows(samesite, c.CROSS_SITE_CONTEXT) is visible


@pytest.mark.parametrize(
    ("credentials", "expected"),
    [("omit", frozenset()), ("same-origin", frozenset()), ("include", CROSS_SITE)],
    ids=["20-omit", "20-same-origin", "20-include"],
)
def test_20_cross_origin_fetch_needs_include(credentials: str, expected: frozenset[str]) -> None:
    # [WPT cors/credentials-flag.htm]; SameSite applies on top of CORS (wpt-cors-facts.md item 32).
    request = {"request": {"credentials": credentials}}
    assert sent(SECURE_ORIGIN + "/", SECURE_CROSS_SITE_ORIGIN + RESOURCE, "fetch", **request) == expected
