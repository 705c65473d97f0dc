"""Invariants of the cookie verdict, over generated pages, targets and cookies."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_core import cookies as c
from policy_core import evaluate, load_scenario
from policy_core.scenario import CREDENTIALS, CROSSORIGIN, SAMESITE, VIAS

HOSTS = [
    "a.example.com",
    "b.example.com",
    "example.com",
    "other.example.net",
    "localhost",
    "127.0.0.1",
    "myapp.github.io",
    "shop.example.co.uk",
]
SCHEMES = ["https", "http"]
PATHS = ["/", "/api", "/api/v1", "/admin/", "/apix"]
DOMAINS = ["", "example.com", "com", "github.io", "co.uk", "example.co.uk", "other.org"]

urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}{path}",
    st.sampled_from(SCHEMES),
    st.sampled_from(HOSTS),
    st.sampled_from(PATHS),
)
cookie_tables = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["sid", "__Secure-sid", "__Host-sid", "__Http-sid", "__host-sid"]),
        "samesite": st.sampled_from(SAMESITE),
        "secure": st.booleans(),
        "httponly": st.booleans(),
        "domain": st.sampled_from(DOMAINS),
        "path": st.sampled_from(["/", "/api", "/admin"]),
        "via": st.sampled_from(VIAS),
        "partitioned": st.booleans(),
    }
)
requests = st.fixed_dictionaries(
    {"credentials": st.sampled_from(CREDENTIALS), "crossorigin": st.sampled_from(CROSSORIGIN)}
)


def run(page: str, target: str, cookie: dict, request: dict, sandboxed: bool = False):
    report = evaluate(
        load_scenario(
            {
                "version": 1,
                "page": page,
                "target": target,
                "resources": ["cookie"],
                "cookie": cookie,
                "request": request,
                "page_sandboxed": sandboxed,
            }
        )
    )
    return report, report.verdict("cookie")


@settings(max_examples=300, deadline=None)
@given(urls, urls, cookie_tables, requests, st.booleans())
def test_capabilities_are_consistent(
    page: str, target: str, cookie: dict, request: dict, sandboxed: bool
) -> None:
    report, verdict = run(page, target, cookie, request, sandboxed)
    stored, sent, read = (verdict.capability(k) for k in ("stored", "sent", "script_read"))
    assert stored or not (sent or read)  # nothing unstored is sent or read
    if cookie["httponly"]:
        assert not read
    if cookie["samesite"] == "None" and not cookie["secure"]:
        assert not stored
    if cookie["domain"] in ("com", "github.io", "co.uk"):
        assert not stored or target.split("/")[2] == cookie["domain"]
    if cookie["samesite"] == "Strict" and not report.same_site:
        assert not sent  # SameSite=Strict is never sent cross-site
    if cookie["samesite"] in ("Lax", "") and not report.same_site and cookie["via"] != "navigation":
        assert not sent  # Lax (and Chrome's default) only crosses sites on top-level GET navigations
    if cookie["via"] == "fetch" and request["credentials"] == "omit":
        assert not sent
    if sandboxed:
        assert not read and verdict.console.chrome is not None
    ids = [step.id for step in verdict.trace]
    assert len(ids) == len(set(ids)), ids  # each rule appears once
    assert all(step.id.startswith("cookie.") for step in verdict.trace)
    assert all(step.result in ("pass", "fail", "info", "skip") for step in verdict.trace)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(SCHEMES),
    st.sampled_from(HOSTS),
    st.sampled_from(PATHS),
    st.sampled_from(SAMESITE),
    st.booleans(),
)
def test_same_origin_page_reads_its_own_non_httponly_cookie(
    scheme: str, host: str, path: str, samesite: str, secure: bool
) -> None:
    url = f"{scheme}://{host}{path}"
    if samesite == "None":
        secure = True
    if secure and not c.is_secure_for_cookies(
        load_scenario({"version": 1, "page": url, "target": url}).page.origin
    ):
        return  # a Secure cookie cannot be set here at all (tested elsewhere)
    _, verdict = run(url, url, {"samesite": samesite, "secure": secure, "path": "/"}, {})
    assert verdict.capability("stored")
    assert verdict.capability("script_read")
    assert verdict.capability("sent")  # same-origin fetch with the default credentials mode


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(HOSTS), st.sampled_from(PATHS), st.sampled_from(["/", "/api", "/admin"]))
def test_path_match_is_prefix_at_slash_boundary(host: str, request_path: str, cookie_path: str) -> None:
    matched = c.path_match(request_path, cookie_path)
    assert matched == (
        request_path == cookie_path
        or (
            request_path.startswith(cookie_path)
            and (cookie_path.endswith("/") or request_path[len(cookie_path)] == "/")
        )
    )
    assert c.domain_match(host, host)
    assert c.path_match(request_path, "/")
