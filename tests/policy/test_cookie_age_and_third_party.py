"""Cookie age (Chrome's two-minute Lax-allowing-unsafe rule), the third-party cookie setting, and
Firefox's own cookie decisions (Verdict.elsewhere). Each behaviour was found with the browser harness."""

from __future__ import annotations

from dataclasses import replace

import pytest

from origin_playground.browser.play import unplayable_age
from policy_core import ScenarioError, evaluate, load_scenario

PAY, SHOP = "https://pay.example.net/checkout", "https://shop.example.com/payment/return"
NEWS, WIDGET = "https://news.example.org/", "https://widget.example.net/embed"


def scenario(page: str, target: str, cookie: dict | str, **extra):
    return load_scenario({"version": 1, "page": page, "target": target, "resources": ["cookie"],
                          "cookie": cookie, **extra})


def verdict(page: str, target: str, cookie: dict | str, **extra):
    result = evaluate(scenario(page, target, cookie, **extra)).verdict("cookie")
    assert result is not None
    return result


def step(result, step_id: str):
    (found,) = [s for s in result.trace if s.id == step_id]
    return found


def post(age: int | None, line: str = "sid=1; Path=/; Secure; HttpOnly"):
    cookie: dict = {"set_cookie": line, "via": "form-post"}
    if age is not None:
        cookie["age_seconds"] = age
    return verdict(PAY, SHOP, cookie)


# --- cookie.age_seconds ------------------------------------------------------------------------


@pytest.mark.parametrize(("age", "sent"), [(0, True), (30, True), (120, True), (121, False), (3600, False),
                                           (None, False)])
def test_unspecified_samesite_cookie_rides_a_cross_site_post_for_two_minutes(age, sent) -> None:
    result = post(age)
    assert result.capability("sent") is sent
    samesite = step(result, "cookie.send.samesite")
    assert samesite.spec.startswith("RFC 6265bis § 5.6.7.2")
    if sent:
        assert "Lax-allowing-unsafe" in samesite.summary and f"{age} s" in samesite.summary
        assert "Lax by default" in samesite.detail
        assert any("120 s" in w for w in result.warnings)
    else:
        assert samesite.result == "fail"
        assert ("age is unknown" in samesite.detail) is (age is None)


def test_age_changes_nothing_for_an_explicit_samesite_or_another_request() -> None:
    assert post(5, "sid=1; Path=/; Secure; SameSite=Lax").capability("sent") is False
    # A cross-site fetch is not a top-level POST: the exception does not reach it.
    fetched = verdict(PAY, SHOP, {"set_cookie": "sid=1; Path=/; Secure", "age_seconds": 5})
    assert fetched.capability("sent") is False


def test_firefox_sends_the_old_cookie_anyway() -> None:
    (difference,) = post(None).elsewhere
    assert difference.browser == "firefox" and difference.can == (("sent", True),)
    assert "network.cookie.sameSite.laxByDefault" in difference.why
    assert post(30).elsewhere == ()  # fresh: Chrome sends it too


def test_age_seconds_is_checked_and_round_trips() -> None:
    given = scenario(PAY, SHOP, {"set_cookie": "sid=1; Secure", "via": "form-post", "age_seconds": 30})
    assert given.cookie is not None and given.cookie.age_seconds == 30
    assert given.to_mapping()["cookie"] == {"set_cookie": "sid=1; Secure", "via": "form-post", "age_seconds": 30}
    table = scenario(PAY, SHOP, {"name": "sid", "age_seconds": 7})
    assert table.to_mapping()["cookie"]["age_seconds"] == 7
    assert "age_seconds" not in scenario(PAY, SHOP, {"name": "sid"}).to_mapping()["cookie"]
    for bad, message in ((-1, "expected an integer from 0"), ("30", "expected an integer, got"),
                         (True, "expected an integer, got"), (10**9, "expected an integer from 0 to 34560000")):
        with pytest.raises(ScenarioError) as error:
            scenario(PAY, SHOP, {"name": "sid", "age_seconds": bad})
        assert str(error.value).startswith("cookie.age_seconds: ") and message in str(error.value)


def test_the_harness_refuses_an_age_it_cannot_make() -> None:
    old = scenario(PAY, SHOP, {"set_cookie": "sid=1; Secure", "via": "form-post"})
    why = unplayable_age(old, "cookie", "chromium")
    assert "no age" in why and "Lax-allowing-unsafe" in why
    assert unplayable_age(old, "cookie", "firefox") == ""  # Firefox decides the same either way
    assert old.cookie is not None
    fresh = replace(old, cookie=replace(old.cookie, age_seconds=60))
    assert unplayable_age(fresh, "cookie", "chromium") == ""
    # An old cookie whose verdict does not depend on its age is played.
    lax = scenario(PAY, SHOP, {"set_cookie": "sid=1; Secure; SameSite=Lax", "via": "form-post"})
    assert unplayable_age(lax, "cookie", "chromium") == ""


# --- third_party_cookies -----------------------------------------------------------------------


def none_cookie(via: str) -> dict:
    return {"set_cookie": "sid=1; Path=/; Secure; HttpOnly; SameSite=None", "via": via}


def test_third_party_cookies_allowed_by_default() -> None:
    result = verdict(NEWS, WIDGET, none_cookie("iframe"))
    assert result.capability("sent") is True
    third = step(result, "cookie.send.third-party")
    assert third.result == "pass" and '"allowed"' in third.detail
    assert "Chromium 156 blocks them in a fresh profile" in third.detail


@pytest.mark.parametrize("via", ["iframe", "fetch", "image", "script"])
def test_blocked_third_party_cookies_stay_off_cross_site_subresources(via) -> None:
    cookie = none_cookie(via)
    extra = {"request": {"credentials": "include", "crossorigin": "use-credentials"}}
    result = verdict(NEWS, WIDGET, cookie, third_party_cookies="blocked", **extra)
    assert result.capability("stored") is True and result.capability("sent") is False
    third = step(result, "cookie.send.third-party")
    assert third.result == "fail" and "UserPreferences" in third.detail
    assert "Total Cookie Protection" in third.detail and "Safari blocks" in third.detail
    assert any("Storage Access API" in fix for fix in result.fixes)
    assert result.elsewhere == ()  # Firefox with the same setting blocks it too


@pytest.mark.parametrize("via", ["navigation", "form-post"])
def test_blocking_third_party_cookies_spares_top_level_requests(via) -> None:
    result = verdict(NEWS, WIDGET, none_cookie(via), third_party_cookies="blocked")
    assert result.capability("sent") is True
    assert step(result, "cookie.send.third-party").result == "info"


def test_blocked_setting_is_schemeful_in_chrome_not_in_firefox() -> None:
    result = verdict("http://app.example.com/", "https://api.example.com/me",
                     {"set_cookie": "sid=1; Path=/; Secure; SameSite=None"},
                     third_party_cookies="blocked", request={"credentials": "include"})
    assert result.capability("sent") is False
    (difference,) = result.elsewhere
    assert difference.can == (("sent", True),) and "first-party without the scheme" in difference.why


def test_same_site_requests_are_not_third_party() -> None:
    result = verdict("https://app.example.com/", "https://api.example.com/me", none_cookie("fetch"),
                     third_party_cookies="blocked", request={"credentials": "include"})
    assert result.capability("sent") is True


def test_third_party_cookies_is_checked_and_round_trips() -> None:
    blocked = scenario(NEWS, WIDGET, none_cookie("iframe"), third_party_cookies="blocked")
    assert blocked.third_party_cookies == "blocked"
    assert blocked.to_mapping()["third_party_cookies"] == "blocked"
    assert "third_party_cookies" not in scenario(NEWS, WIDGET, none_cookie("iframe")).to_mapping()
    with pytest.raises(ScenarioError) as error:
        scenario(NEWS, WIDGET, none_cookie("iframe"), third_party_cookies="partitioned")
    assert str(error.value).startswith("third_party_cookies: ") and "allowed" in str(error.value)


# --- Firefox's SameSite rules ------------------------------------------------------------------


def test_firefox_has_no_lax_by_default() -> None:
    result = verdict("https://app.example.com/", "https://api.other.net/me",
                     {"set_cookie": "sid=1; Path=/; Secure", "via": "image"},
                     request={"crossorigin": "use-credentials"})
    assert result.capability("sent") is False
    (difference,) = result.elsewhere
    assert difference.browser == "firefox" and difference.can == (("sent", True),)
    assert result.can_in("firefox") == (("stored", True), ("sent", True), ("script_read", False))


@pytest.mark.parametrize("samesite", ["Lax", "Strict"])
def test_firefox_compares_sites_without_the_scheme(samesite) -> None:
    result = verdict("http://example.com/", "https://example.com/api",
                     {"set_cookie": f"sid=1; Path=/; Secure; SameSite={samesite}"},
                     request={"credentials": "include"})
    assert result.capability("sent") is False
    (difference,) = result.elsewhere
    assert "network.cookie.sameSite.schemeful" in difference.why and f"SameSite={samesite}" in difference.why


def test_firefox_agrees_where_its_rules_are_chromes() -> None:
    strict = verdict(NEWS, WIDGET, {"set_cookie": "sid=1; Path=/; Secure; SameSite=Strict", "via": "iframe"})
    assert strict.capability("sent") is False and strict.elsewhere == ()
    rejected = verdict("http://a.example.com/", "http://a.example.com/", {"set_cookie": "sid=1; Secure"})
    assert rejected.capability("stored") is False and rejected.elsewhere == ()
    # Not sent in either browser for another reason: the request carries no credentials.
    omitted = verdict("https://app.example.com/", "https://api.other.net/me", {"set_cookie": "sid=1; Secure"},
                      request={"credentials": "omit"})
    assert omitted.elsewhere == ()


@pytest.mark.parametrize("via", ["form-post", "iframe", "fetch", "script"])
def test_firefox_never_sends_a_request_an_https_page_may_not_make_to_http(via) -> None:
    # Schemeless same-site would let Firefox send the Strict cookie, but the request never leaves:
    # mixed content, or the insecure-form warning page for a form (seen with the harness: nothing arrives).
    result = verdict("https://app.example.com/dashboard", "http://api.example.com/v1/me",
                     {"set_cookie": "sid=1; Path=/; Domain=example.com; SameSite=Strict", "via": via},
                     request={"credentials": "include"})
    assert result.capability("sent") is False and result.elsewhere == ()


# --- Chrome's CookieIssue (the reasons Chromium 156 raised over the browser suite's cookie cases) ---


def cookie_issues(result) -> list[str]:
    return [issue.reason for issue in result.devtools if issue.code == "CookieIssue"]


def test_cookie_issues_name_what_chrome_reports() -> None:
    assert cookie_issues(post(30)) == ["WarnSameSiteUnspecifiedLaxAllowUnsafe"]
    assert cookie_issues(post(None)) == [
        "ExcludeSameSiteUnspecifiedTreatedAsLax,WarnSameSiteUnspecifiedCrossSiteContext"
    ]
    assert cookie_issues(verdict(NEWS, WIDGET, none_cookie("iframe"))) == ["WarnThirdPartyPhaseout"]
    insecure = verdict(NEWS, WIDGET, {"set_cookie": "sid=1; SameSite=None", "via": "iframe"})
    assert cookie_issues(insecure) == ["ExcludeSameSiteNoneInsecure,WarnSameSiteNoneInsecure"]


def test_no_cookie_issue_where_chrome_raises_none() -> None:
    assert cookie_issues(verdict(NEWS, WIDGET, none_cookie("iframe"), third_party_cookies="blocked")) == []
    assert cookie_issues(verdict(NEWS, WIDGET, none_cookie("navigation"))) == []  # first-party on arrival
    strict = {"set_cookie": "sid=1; Path=/; Secure; SameSite=Strict", "via": "iframe"}
    assert cookie_issues(verdict(NEWS, WIDGET, strict)) == []  # an explicit choice: no issue
    # Left out for another reason too (its path): Chrome reports nothing.
    off_path = {"set_cookie": "sid=1; Path=/other; Secure", "via": "iframe"}
    assert cookie_issues(verdict(NEWS, WIDGET, off_path)) == []
    # A frame to http from an https page is never requested (mixed content).
    mixed = {"set_cookie": "sid=1; Path=/", "via": "iframe"}
    assert cookie_issues(verdict(NEWS, "http://widget.example.net/embed", mixed)) == []
