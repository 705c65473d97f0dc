"""Firefox 153's console lines and decisions for fetch, as the browser suite saw them (tests/browser)."""

from __future__ import annotations

from policy_core import evaluate, load_scenario
from policy_core.messages.cors import is_firefox_warning

PAGE = "https://app.example.com/dashboard"
ORIGIN = "https://app.example.com"
API = "https://api.example.com/v1/items"
BLOCKED = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "


def fetch(target=API, **extra):
    verdict = evaluate(
        load_scenario({"version": 1, "page": PAGE, "target": target, "resources": ["fetch"], **extra})
    ).verdict("fetch")
    assert verdict is not None
    return verdict


def firefox_lines(verdict) -> list[str]:
    return (verdict.console.firefox or "").splitlines()


def did_not_succeed(url: str) -> str:
    return f"{BLOCKED}{url}. (Reason: CORS request did not succeed). Status code: (null)."


def hop(location: str, *headers: list[str], status: int = 307) -> dict:
    return {"status": status, "location": location, "headers": list(headers)}


def test_a_redirect_failing_the_cors_check_adds_the_request_did_not_succeed_line() -> None:
    verdict = fetch(redirects=[hop("https://cdn.other.net/final", status=302)])
    assert firefox_lines(verdict) == [
        f"{BLOCKED}{API}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 302.",
        did_not_succeed(API),
    ]


def test_the_final_response_failing_the_cors_check_prints_one_line() -> None:
    verdict = fetch(redirects=[hop("https://api.example.com/moved", ["Access-Control-Allow-Origin", ORIGIN])])
    assert firefox_lines(verdict) == [
        f"{BLOCKED}https://api.example.com/moved. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). "
        "Status code: 200."
    ]


def test_a_second_hop_failing_names_the_url_that_redirected() -> None:
    verdict = fetch(redirects=[hop("https://api.example.com/moved", ["Access-Control-Allow-Origin", ORIGIN]),
                               hop("https://cdn.other.net/final")])
    assert firefox_lines(verdict)[-1] == did_not_succeed("https://api.example.com/moved")
    userinfo = fetch(redirects=[hop("https://api.example.com/moved", ["Access-Control-Allow-Origin", ORIGIN]),
                                hop("https://u:p@cdn.other.net/final", ["Access-Control-Allow-Origin", "*"])])
    assert firefox_lines(userinfo) == [did_not_succeed("https://api.example.com/moved")]


def test_same_origin_mode_redirected_to_another_origin_is_a_security_error() -> None:
    verdict = fetch(target="https://app.example.com/api/items", request={"mode": "same-origin"},
                    redirects=[hop("https://cdn.other.net/final")])
    assert firefox_lines(verdict) == [f"Security Error: Content at {PAGE} may not load data from https://cdn.other.net/final."]
    assert verdict.console.chrome is not None and verdict.console.chrome.startswith("Unsafe attempt to load URL")


def preflighted(status: int, *headers: list[str]):
    return fetch(request={"method": "PUT"}, preflight={"status": status, "headers": list(headers)})


def test_a_preflight_redirect_firefox_follows_prints_the_request_line_twice() -> None:
    location = ["Location", API + "/"]
    missing = f"{BLOCKED}{API}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 302."
    assert firefox_lines(preflighted(302, location)) == [missing, did_not_succeed(API), did_not_succeed(API)]
    # Without a Location, a 3xx is only a status that is not ok: one request line.
    assert firefox_lines(preflighted(302)) == [missing, did_not_succeed(API)]


def test_a_preflight_redirect_passing_the_cors_check_is_refused_first() -> None:
    verdict = preflighted(302, ["Access-Control-Allow-Origin", ORIGIN], ["Location", API + "/"])
    assert firefox_lines(verdict) == [
        f"{BLOCKED}{API}. (Reason: CORS request external redirect not allowed).",
        f"{BLOCKED}{API}. (Reason: CORS preflight response did not succeed). Status code: 302.",
        did_not_succeed(API),
    ]


def redirected_put(response_allow_origin: str):
    return fetch(
        target="https://api.example.com:8443/v1/items",
        request={"method": "PUT"},
        preflight={"status": 204, "headers": [["Access-Control-Allow-Origin", ORIGIN],
                                               ["Access-Control-Allow-Methods", "PUT"]]},
        response={"headers": [["Access-Control-Allow-Origin", response_allow_origin]]},
        redirects=[hop("https://api.example.com/moved", ["Access-Control-Allow-Origin", ORIGIN], status=308)],
    )


def test_firefox_preflights_a_tainted_redirect_with_the_page_origin() -> None:
    verdict = redirected_put("*")
    assert dict(verdict.can) == {"send": True, "read": False}  # Chrome: the preflight's Origin is null
    assert dict(verdict.can_in("firefox")) == {"send": True, "read": True}
    (difference,) = verdict.elsewhere
    assert difference.browser == "firefox" and difference.can == (("read", True),)
    assert "page's origin" in difference.why and "null" in difference.why
    assert verdict.console.firefox is None  # Firefox reads it: nothing to print
    assert "not equal to the supplied origin" in (verdict.console.chrome or "")


def test_firefox_then_checks_the_response_against_null() -> None:
    verdict = redirected_put(ORIGIN)
    assert not verdict.elsewhere  # both fail, at different steps
    assert firefox_lines(verdict) == [
        f"{BLOCKED}https://api.example.com/moved. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not "
        f"match ‘{ORIGIN}’)."
    ]


def test_the_authorization_wildcard_line_is_a_firefox_warning() -> None:
    verdict = fetch(request={"headers": [["Authorization", "Bearer x"]]},
                    preflight={"status": 204, "headers": [["Access-Control-Allow-Origin", "*"],
                                                          ["Access-Control-Allow-Headers", "*"]]},
                    response={"headers": [["Access-Control-Allow-Origin", "*"]]})
    (line,) = firefox_lines(verdict)  # Firefox 153 logs it as a warning (CORSAllowHeaderFromPreflightDeprecation)
    assert line.startswith("Cross-Origin Request Warning: ") and is_firefox_warning(line)
    assert not is_firefox_warning(did_not_succeed(API))


def test_a_redirect_that_is_not_http() -> None:
    ftp = fetch(redirects=[hop("ftp://cdn.other.net/x", ["Access-Control-Allow-Origin", ORIGIN], status=302)])
    assert firefox_lines(ftp) == [f"{BLOCKED}ftp://cdn.other.net/x. (Reason: CORS request not http).", did_not_succeed(API)]
    assert (ftp.console.chrome or "").startswith(
        f"Access to fetch at 'ftp://cdn.other.net/x' (redirected from '{API}') from origin '{ORIGIN}' has been "
        "blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, "
        "chrome-experimental-site-token-provider,"
    )
    data = fetch(redirects=[hop("data:text/plain,hi", ["Access-Control-Allow-Origin", ORIGIN], status=302)])
    assert firefox_lines(data) == [did_not_succeed(API)]
    assert data.console.chrome == "Failed to load resource: net::ERR_UNSAFE_REDIRECT"
    # From the page's own origin nothing was cross-origin yet: no request line in Firefox.
    same = fetch(target="https://app.example.com/api/items", redirects=[hop("data:text/plain,hi", status=302)])
    assert same.console.firefox is None


def test_a_redirect_to_mixed_content() -> None:
    mixed = "Blocked loading mixed active content “http://api.example.com/moved”"
    verdict = fetch(redirects=[hop("http://api.example.com/moved", ["Access-Control-Allow-Origin", ORIGIN], status=302)])
    assert firefox_lines(verdict) == [mixed, did_not_succeed(API)]
    same = fetch(target="https://app.example.com/api/items", redirects=[hop("http://api.example.com/moved", status=302)])
    assert firefox_lines(same) == [mixed]
