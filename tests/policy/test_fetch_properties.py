"""hypothesis invariants of the fetch verdict."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from policy_core import evaluate, load_scenario
from policy_core.fetch_rules import is_cors_safelisted_request_header

PAGE = "https://app.example.com/"
TARGETS = [
    "https://api.example.com/v1",
    "https://app.example.com/api",
    "https://cdn.example.net/x",
    "http://localhost:8080/",
    "https://app.example.com:8443/",
]
METHODS = st.sampled_from(["GET", "POST", "HEAD", "PUT", "DELETE", "patch", "PATCH", "OPTIONS"])
HEADER = st.tuples(
    st.sampled_from(["Content-Type", "X-Trace", "Authorization", "Accept", "Range", "Accept-Language"]),
    st.sampled_from(["application/json", "text/plain", "1", "bytes=0-", "bytes=-5", "en", "@"]),
)
ACAO = st.sampled_from(["*", "https://app.example.com", "null", "https://other.example", None])
LIST = st.sampled_from(
    [None, "*", "PUT, DELETE", "content-type, x-trace", "authorization", "*, authorization", "bad value"]
)


def run(
    target, method, credentials, headers, mode="cors", acao="*", acam=None, acah=None, status=204, acac=None
):
    def lines(origin):
        out = [] if origin is None else [["Access-Control-Allow-Origin", origin]]
        if acac:
            out.append(["Access-Control-Allow-Credentials", acac])
        return out

    preflight = (
        lines(acao)
        + ([["Access-Control-Allow-Methods", acam]] if acam else [])
        + ([["Access-Control-Allow-Headers", acah]] if acah else [])
    )
    scenario = {
        "version": 1,
        "page": PAGE,
        "target": target,
        "resources": ["fetch"],
        "request": {
            "method": method,
            "credentials": credentials,
            "mode": mode,
            "headers": [list(h) for h in headers],
        },
        "preflight": {"status": status, "headers": preflight},
        "response": {"headers": lines(acao)},
    }
    verdict = evaluate(load_scenario(scenario)).verdict("fetch")
    assert verdict is not None
    return verdict


@settings(max_examples=150, deadline=None)
@given(
    METHODS,
    st.sampled_from(["omit", "same-origin", "include"]),
    st.lists(HEADER, max_size=3),
    st.sampled_from(["cors", "no-cors", "same-origin"]),
)
def test_same_origin_always_readable(method, credentials, headers, mode) -> None:
    # no-cors's method limit holds for same-origin URLs too: fetch() throws (Chromium 156, Firefox 153).
    assume(not (mode == "no-cors" and method.upper() not in ("GET", "HEAD", "POST")))
    verdict = run("https://app.example.com/api/items", method, credentials, headers, mode=mode, acao=None)
    assert verdict.capability("send") and verdict.capability("read")
    assert not verdict.fetch.preflight and verdict.console.chrome is None


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(TARGETS),
    METHODS,
    st.lists(HEADER, max_size=3),
    LIST,
    LIST,
    st.sampled_from([None, "true"]),
)
def test_credentials_never_make_star_readable(target, method, headers, acam, acah, acac) -> None:
    verdict = run(target, method, "include", headers, acao="*", acam=acam, acah=acah, acac=acac)
    if target.startswith("https://app.example.com/"):
        return  # same origin: no CORS
    assert not verdict.capability("read")


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(TARGETS),
    METHODS,
    st.sampled_from(["omit", "include"]),
    st.lists(HEADER, max_size=3),
    ACAO,
    LIST,
    LIST,
    st.sampled_from([200, 204, 301, 403, 404]),
    st.sampled_from([None, "true"]),
)
def test_failed_preflight_never_sends(
    target, method, credentials, headers, acao, acam, acah, status, acac
) -> None:
    verdict = run(
        target, method, credentials, headers, acao=acao, acam=acam, acah=acah, status=status, acac=acac
    )
    if verdict.fetch.preflight and any(
        s.id == "fetch.preflight.blocks-request" for s in verdict.trace
    ):
        assert not verdict.capability("send") and not verdict.capability("read")
        assert verdict.fetch.preflight_cache_seconds == 0
    if verdict.fetch.preflight:
        assert verdict.fetch.preflight_request[0].startswith("OPTIONS ")
    else:
        assert verdict.fetch.preflight_request == ()
        assert verdict.fetch.preflight_cache_seconds is None


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TARGETS), METHODS, st.lists(HEADER, min_size=1, max_size=4), st.data())
def test_removing_unsafe_header_never_adds_preflight(target, method, headers, data) -> None:
    unsafe = [i for i, (n, v) in enumerate(headers) if not is_cors_safelisted_request_header(n, v)]
    if not unsafe:
        return
    drop = data.draw(st.sampled_from(unsafe))
    fewer = headers[:drop] + headers[drop + 1 :]
    before = run(target, method, "omit", headers).fetch.preflight
    after = run(target, method, "omit", fewer).fetch.preflight
    assert before or not after
