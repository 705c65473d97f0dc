"""The one redirect walk (redirects.walk) and the one CORS fix-line builder (cors_fixes.allow_lines)."""

from __future__ import annotations

from policy_core.cors_fixes import allow_lines
from policy_core.messages import Failure
from policy_core.origins import parse_url, same_origin
from policy_core.redirects import MAX_REDIRECTS, TOO_MANY_SUMMARY, walk
from policy_core.scenario import Redirect

PAGE = parse_url("https://app.example.com/")


def _walk(*locations: str, mode: str = "cors", method: str = "GET", upgrade: bool = False, start: str = "https://api.example.com/a"):
    redirects = [Redirect(status=302, location=parse_url(loc), location_input=loc) for loc in locations]
    start_url = parse_url(start)
    tainting = "basic" if same_origin(start_url.origin, PAGE.origin) else ("opaque" if mode == "no-cors" else "cors")
    return walk(redirects, page=PAGE, page_origin=PAGE.origin, start=start_url, tainting=tainting,
                request_origin="https://app.example.com", mode=mode, method=method, upgrade_mixed=upgrade)


def test_a_third_origin_taints_the_request_origin_once() -> None:
    hops = _walk("https://cdn.example.net/b", "https://other.example.org/c", "https://last.example.org/d")
    assert [h.taints for h in hops] == [True, False, False]
    assert [h.request_origin for h in hops] == ["https://app.example.com", "null", "null"]


def test_same_origin_start_becomes_cors_after_leaving() -> None:
    hops = _walk("https://api.example.com/x", start="https://app.example.com/a")
    assert (hops[0].tainting, hops[0].tainting_after, hops[0].taints) == ("basic", "cors", False)


def test_the_walk_stops_at_a_network_error() -> None:
    hops = _walk("data:text/plain,x", "https://api.example.com/never")
    assert len(hops) == 1 and hops[0].error == Failure.REDIRECT_NOT_HTTP
    hops = _walk("https://u:p@cdn.example.net/x")
    assert hops[-1].error == Failure.REDIRECT_CONTAINS_CREDENTIALS


def test_mixed_content_is_blocked_or_upgraded() -> None:
    blocked = _walk("http://cdn.example.net/x", "https://cdn.example.net/y")
    assert len(blocked) == 1 and blocked[0].mixed
    upgraded = _walk("http://cdn.example.net/x", "https://cdn.example.net/y", upgrade=True)
    assert len(upgraded) == 2 and upgraded[0].next_url is not None
    assert upgraded[0].next_url.href == "https://cdn.example.net/x"


def test_the_limit_is_max_redirects_and_said_once() -> None:
    hops = _walk(*[f"https://api.example.com/{n}" for n in range(MAX_REDIRECTS + 1)])
    assert len(hops) == MAX_REDIRECTS + 1 and hops[-1].over_limit and not any(h.over_limit for h in hops[:-1])
    assert TOO_MANY_SUMMARY == f"More than {MAX_REDIRECTS} redirects: network error"


def test_method_rewrite_follows_the_chain() -> None:
    hops = _walk("https://api.example.com/b", "https://api.example.com/c", method="POST")
    assert [(h.method, h.method_after) for h in hops] == [("POST", "GET"), ("GET", "GET")]


def test_allow_lines() -> None:
    assert allow_lines("https://app.example.com", False) == (
        "Access-Control-Allow-Origin: https://app.example.com",
        "Vary: Origin",
    )
    assert allow_lines("https://app.example.com", True, also=("Access-Control-Allow-Methods: PUT",)) == (
        "Access-Control-Allow-Origin: https://app.example.com",
        "Access-Control-Allow-Credentials: true",
        "Access-Control-Allow-Methods: PUT",
        "Vary: Origin",
    )
    assert allow_lines("null", False) == ("Access-Control-Allow-Origin: *",)
