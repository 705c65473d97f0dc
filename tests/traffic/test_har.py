"""``origin-playground har``: HARs from real Chromium (Playwright), Firefox and Chrome DevTools."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from origin_playground.har import HarError, analyse_stream, read_har

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = FIXTURES / "chromium-playwright.har"
FIREFOX = FIXTURES / "firefox-devtools.har"
FIREFOX_ESR = FIXTURES / "firefox-esr.har"  # recorded from real Firefox ESR 153 (record_firefox_har.py)
DEVTOOLS = FIXTURES / "chrome-devtools.har"


def _by_url(path: Path) -> dict[str, dict]:
    rows = read_har(path).rows
    return {f"{row.method} {row.url}": row for row in rows}


# --- real Chromium 156, recorded by Playwright (tests/traffic/record_chromium_har.py) ----------


def test_chromium_har_verdicts_agree_with_what_chromium_did() -> None:
    result = read_har(CHROMIUM)
    # Every request Chromium refused (a _failureText) is blocked or incomplete, never allowed;
    # every evaluated request it delivered is allowed.
    raw = json.loads(CHROMIUM.read_text("utf-8"))["log"]["entries"]
    for row in result.rows:
        failed = bool(raw[row.index]["response"].get("_failureText"))
        if row.status == "evaluated":
            assert row.allowed is (not failed), (row.index, row.url)


def test_chromium_har_rows() -> None:
    rows = _by_url(CHROMIUM)
    base = "http://api.example.test:8080"
    assert rows[f"GET {base}/ok"].verdict_word == "allowed"
    assert rows[f"GET {base}/creds-ok"].verdict_word == "allowed"
    assert rows[f"GET {base}/creds-ok"].mapping["request"]["credentials"] == "include"  # a Cookie was sent
    assert rows["GET http://cdn.other.test:8080/lib.js"].kind == "script"
    assert rows["GET http://cdn.other.test:8080/pic.png"].verdict_word == "allowed"
    frame = rows["GET http://cdn.other.test:8080/frame"]
    assert (frame.kind, frame.resource, frame.verdict_word) == ("frame", "iframe", "blocked")
    # The redirect chain is one request with the hop folded in.
    redirect = rows[f"GET {base}/redirect"]
    assert redirect.redirect_indexes and redirect.verdict_word == "allowed"
    assert redirect.mapping["redirects"][0]["location"] == "http://cdn.other.test:8080/data"
    assert "GET http://cdn.other.test:8080/data" not in rows
    # Blocked requests have no answer in a Playwright HAR: incomplete, with the reason.
    for path in ("/no-acao", "/creds-wildcard"):
        row = rows[f"GET {base}{path}"]
        assert row.status == "incomplete" and "no answer recorded" in row.reason and "net::ERR_FAILED" in row.reason
    # Playwright leaves preflights out: a preflighted request cannot be judged from it.
    put = rows[f"PUT {base}/put-ok"]
    assert put.status == "incomplete" and "needs a preflight (PUT, content-type, x-trace)" in put.reason
    assert rows["GET http://app.example.test:8080/local"].status == "same-origin"
    assert rows["GET http://app.example.test:8080/"].status == "same-origin"  # the page itself


def test_chromium_har_page_origin_is_inferred_without_sec_fetch_headers() -> None:
    # Over http:// Chromium sends no Sec-Fetch-* headers: the page comes from Origin/Referer.
    for row in read_har(CHROMIUM).rows:
        assert row.page_origin == "http://app.example.test:8080"


def test_chromium_har_cli(run_cli) -> None:
    status, out, err = run_cli("har", str(CHROMIUM))
    assert status == 1 and err == ""  # the frame is blocked
    assert "✘ blocked    #4    GET     frame" in out
    assert "Refused to display" in out
    assert "GET     fetch      http://app.example.test:8080/local" not in out  # same-origin: counted only
    assert out.rstrip().endswith("distinct evaluations")
    assert "15 entries: 12 cross-origin requests (5 allowed, 1 blocked, 6 incomplete), 2 same-origin" in out


# --- real Firefox ESR 153, its own DevTools HAR export --------------------------------------

# What the lab page's requests do in a browser, by design of tests/traffic/server.py.
LAB_VERDICTS = {
    "GET http://cdn.other.test:8080/lib.js": "allowed",
    "GET http://cdn.other.test:8080/pic.png": "allowed",
    "GET http://cdn.other.test:8080/pic-no-acao.png": "blocked",  # crossorigin, no ACAO
    "GET http://cdn.other.test:8080/frame": "blocked",  # X-Frame-Options: DENY
    "GET http://cdn.other.test:8080/font.woff2": "blocked",  # fonts are CORS requests
    "GET http://api.example.test:8080/ok": "allowed",
    "GET http://api.example.test:8080/no-acao": "blocked",
    "PUT http://api.example.test:8080/put-ok": "allowed",
    "PUT http://api.example.test:8080/put-bad": "blocked",  # the preflight allows no PUT
    "GET http://api.example.test:8080/creds-wildcard": "blocked",
    "GET http://api.example.test:8080/creds-ok": "allowed",
    "GET http://api.example.test:8080/redirect": "allowed",
}


def test_firefox_esr_har_every_verdict_as_designed() -> None:
    # Firefox records the answers of blocked requests and lists preflights (after their request).
    rows = _by_url(FIREFOX_ESR)
    assert {key: rows[key].verdict_word for key in LAB_VERDICTS} == LAB_VERDICTS
    assert rows["PUT http://api.example.test:8080/put-bad"].preflight_index is not None
    assert "OPTIONS http://api.example.test:8080/put-ok" not in rows  # folded into its request
    assert rows["GET http://app.example.test:8080/local"].status == "same-origin"


def test_chromium_har_matches_the_design_where_it_can_tell() -> None:
    rows = _by_url(CHROMIUM)
    for key, expected in LAB_VERDICTS.items():
        assert rows[key].verdict_word in (expected, "incomplete"), key


def test_fresh_firefox_recording_agrees(tmp_path) -> None:
    import os
    import shutil

    if os.environ.get("RECORD_FIREFOX_HAR") != "1":
        pytest.skip("set RECORD_FIREFOX_HAR=1 to re-record the Firefox HAR (Firefox's auto-export is timing-based)")
    if not Path("/usr/bin/firefox-esr").exists():
        pytest.skip("no Firefox ESR at /usr/bin/firefox-esr")
    if not os.environ.get("DISPLAY") and not shutil.which("xvfb-run"):
        pytest.skip("Firefox's DevTools need an X display: no DISPLAY and no xvfb-run")
    from .record_firefox_har import record

    path = tmp_path / "fresh.har"
    record(path)
    rows = _by_url(path)
    assert {key: rows[key].verdict_word for key in LAB_VERDICTS} == LAB_VERDICTS


# --- Firefox DevTools export (hand-made from Firefox's HAR shape) -----------------------------


def test_firefox_har_pairs_preflights_and_evaluates() -> None:
    rows = _by_url(FIREFOX)
    put = rows["PUT https://api.example.com/items"]
    assert put.preflight_index == 1 and put.verdict_word == "allowed"
    assert put.mapping["request"]["headers"] == [["Content-Type", "application/json"]]
    me = rows["GET https://api.example.com/me"]
    assert me.verdict_word == "blocked"
    assert "wildcard '*' when the request's credentials mode is 'include'" in me.report.verdict("fetch").console.chrome
    orphan = rows["OPTIONS https://api.example.com/items/1"]
    assert orphan.status == "incomplete" and "a preflight with no request" in orphan.reason
    assert rows["GET https://cdn.example.net/logo.png"].verdict_word == "allowed"
    assert rows["GET https://app.example.com/app.js"].status == "same-origin"


def test_identical_pairs_are_evaluated_once() -> None:
    result = read_har(FIREFOX)
    public = [row for row in result.rows if row.url == "https://api.example.com/public"]
    assert len(public) == 2 and public[0].report is public[1].report
    assert result.evaluations == 4  # items, me, logo, public


def test_firefox_har_json(run_cli) -> None:
    status, out, err = run_cli("har", str(FIREFOX), "--json")
    assert status == 1 and err == ""
    data = json.loads(out)
    assert data["version"] == 1
    first = data["entries"][0]
    assert list(first)[:8] == ["index", "url", "method", "page_origin", "resource", "status", "reason", "report"]
    assert {e["status"] for e in data["entries"]} == {"evaluated", "incomplete"}
    put = next(e for e in data["entries"] if e["method"] == "PUT")
    assert put["report"]["verdicts"]["fetch"]["preflight"] is True
    assert put["report"]["verdicts"]["fetch"]["can"]["read"] is True
    orphan = next(e for e in data["entries"] if e["method"] == "OPTIONS")
    assert orphan["report"] is None


def test_failing_lists_only_blocked_and_incomplete(run_cli) -> None:
    status, out, _ = run_cli("har", str(FIREFOX), "--failing")
    assert status == 1
    assert "allowed    #" not in out and "✘ blocked    #3" in out and "? incomplete #6" in out


def test_same_origin_listed_on_request(run_cli) -> None:
    _, out, _ = run_cli("har", str(FIREFOX), "--same-origin")
    assert "same-origin #8" in out


# --- Chrome DevTools export (sanitized, HTTP/2 pseudo-headers, preflight entries) --------------


def test_devtools_har() -> None:
    rows = _by_url(DEVTOOLS)
    cart = rows["POST https://api.shop.example/cart"]
    # The request itself failed (status 0), but its preflight's answer decides: not allowed.
    assert cart.status == "evaluated" and cart.verdict_word == "blocked" and cart.preflight_index == 1
    assert "content-type is not allowed by Access-Control-Allow-Headers" in cart.report.verdict("fetch").console.chrome
    assert all(not name.startswith(":") for name, _ in cart.mapping["request"]["headers"])
    assert rows["GET https://api.shop.example/stock"].verdict_word == "blocked"
    font = rows["GET https://fonts.cdn.example/f.woff2"]
    assert (font.kind, font.resource, font.verdict_word) == ("font", "fetch", "allowed")
    chain = rows["GET https://api.shop.example/old"]
    assert chain.verdict_word == "allowed" and chain.mapping["redirects"][0]["status"] == 301
    tracker = rows["GET https://tracker.example/p.gif"]
    assert tracker.status == "incomplete" and "ERR_BLOCKED_BY_CLIENT" in tracker.reason
    bad = [row for row in read_har(DEVTOOLS).rows if "not a usable HAR entry" in row.reason]
    assert len(bad) == 1 and "request.url is missing" in bad[0].reason  # one bad entry, the others reported


def test_save_scenarios_are_checkable(run_cli, tmp_path) -> None:
    status, _, err = run_cli("har", str(DEVTOOLS), "--save-scenarios", str(tmp_path))
    assert status == 1 and "scenario files" in err
    saved = sorted(tmp_path.glob("entry-*.toml"))
    assert [p.name for p in saved] == ["entry-2.toml", "entry-3.toml", "entry-4.toml", "entry-5.toml"]
    status, out, _ = run_cli("check", str(tmp_path / "entry-3.toml"), "--json")
    assert status == 0 and json.loads(out)["verdicts"]["fetch"]["can"]["read"] is False


# --- secrets --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CHROMIUM, FIREFOX_ESR, FIREFOX, DEVTOOLS], ids=lambda p: p.stem)
def test_secrets_never_printed(run_cli, path) -> None:
    for flags in ((), ("--json",)):
        _, out, err = run_cli("har", str(path), "--same-origin", *flags)
        assert "SECRET-VALUE" not in out + err


def test_secrets_on_request(run_cli) -> None:
    result = read_har(FIREFOX, show_secrets=True)
    me = next(row for row in result.rows if row.url.endswith("/me"))
    assert me.mapping["request"]["credentials"] == "include"
    hidden = read_har(FIREFOX)
    page = json.dumps([row.to_dict() for row in hidden.rows])
    assert "SECRET-VALUE" not in page


def test_set_cookie_redacted_keeps_attributes() -> None:
    from origin_playground.har import redact

    assert redact("Set-Cookie", "sid=abc; Secure; SameSite=None") == "sid=REDACTED; Secure; SameSite=None"
    assert redact("Cookie", "a=1; b=2") == "a=REDACTED; b=REDACTED"
    assert redact("Authorization", "Bearer xyz") == "Bearer REDACTED"


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"", "is an empty file, not a HAR file"),
        (b"[1, 2]", "is not a HAR file (expected a JSON object"),
        (b'{"foo": 1}', 'no "log" object'),
        (b'{"log": {"version": "2.0", "entries": []}}', "log.version is '2.0'; this reads HAR 1.1 and 1.2"),
        (b'{"log": {"version": "1.2"}}', "no log.entries"),
        (b'{"log": {"version": "1.2", "entries": [}', "is not valid JSON"),
        (b"\xff\xfe garbage", "is not valid JSON"),
    ],
)
def test_not_a_har_is_one_line(run_cli, tmp_path, text, expected) -> None:
    path = tmp_path / "x.har"
    path.write_bytes(text)
    status, out, err = run_cli("har", str(path))
    assert status == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_file(run_cli, tmp_path) -> None:
    status, _, err = run_cli("har", str(tmp_path / "none.har"))
    assert status == 2 and "no such file" in err and err.count("\n") == 1


def test_truncated_har_reports_the_entries_before_the_break(run_cli, tmp_path) -> None:
    text = FIREFOX.read_bytes()
    cut = text[: text.index(b'"https://api.example.com/public"') + 10]
    path = tmp_path / "cut.har"
    path.write_bytes(cut)
    status, out, err = run_cli("har", str(path))
    assert status == 2
    assert "https://api.example.com/me" in out  # the entries before the break
    assert "breaks off or is malformed after entry 4" in err and err.count("\n") == 1


def test_bad_entries_among_good_ones() -> None:
    har = {"log": {"version": "1.2", "entries": [
        "not an entry",
        {"request": {"method": "GET", "url": "https://b.example/x", "headers": [
            {"name": "Origin", "value": "https://a.example"}]},
         "response": {"status": 200, "headers": [{"name": "Access-Control-Allow-Origin", "value": "*"}]}},
        {"request": {"method": "GET", "url": "https://b.example/y", "headers": "nope"}, "response": {}},
        {"request": {"method": "GET", "url": "https://b.example/z", "headers": [
            {"name": "Origin", "value": "https://a.example"}]},
         "response": {"status": 200, "headers": [{"name": "X-Bad", "value": "a\u0000b"}]}},
        {"request": {"method": "GET", "url": "https://b.example/w", "headers": []}, "response": {"status": "200"}},
        {"request": {"method": "GET", "url": "https://b.example/v", "headers": []}, "response": {"status": 99999}},
    ]}}
    rows = analyse_stream(io.BytesIO(json.dumps(har).encode())).rows
    assert [row.status for row in rows] == ["incomplete", "evaluated", "incomplete", "incomplete", "incomplete", "incomplete"]
    assert rows[4].reason == rows[5].reason == "not a usable HAR entry: response.status is not an HTTP status code"
    assert rows[0].reason == "not a usable HAR entry: entry is not a JSON object"
    assert rows[1].verdict_word == "allowed"
    assert "headers is not a list" in rows[2].reason
    assert "the HAR's values do not make a scenario: response.headers[0][1]" in rows[3].reason


def test_page_unknown_is_incomplete() -> None:
    har = {"log": {"version": "1.2", "entries": [
        {"request": {"method": "GET", "url": "https://b.example/x.png", "headers": []},
         "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "image/png"}],
                      "content": {"mimeType": "image/png"}}}]}}
    row = analyse_stream(io.BytesIO(json.dumps(har).encode())).rows[0]
    assert row.status == "incomplete" and "the page is unknown" in row.reason


def test_other_version_raises() -> None:
    with pytest.raises(HarError, match=r"1\.1 and 1\.2"):
        analyse_stream(io.BytesIO(b'{"log": {"version": "0.9", "entries": []}}'))


# --- a fresh recording from real Chromium, where Playwright and Chromium are installed ----------


def test_fresh_chromium_recording_agrees(tmp_path) -> None:
    pytest.importorskip("playwright", reason="Playwright for Python is not installed (pip install playwright)")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    from .record_chromium_har import record

    path = tmp_path / "fresh.har"
    record(path)
    fresh = {(row.method, row.url): (row.status, row.verdict_word) for row in read_har(path).rows}
    committed = {(row.method, row.url): (row.status, row.verdict_word) for row in read_har(CHROMIUM).rows}
    assert fresh == committed


def test_non_http_urls_and_missing_preflights_say_why() -> None:
    har = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [
        {"_resourceType": "image", "request": {"method": "GET", "url": "data:image/png;base64,AAAA", "headers": [
            {"name": "Referer", "value": "https://a.example/"}]}, "response": {"status": 200, "headers": []}},
        {"_resourceType": "fetch", "request": {"method": "PUT", "url": "https://b.example/x", "headers": [
            {"name": "Origin", "value": "https://a.example"}, {"name": "Sec-Fetch-Mode", "value": "cors"}]},
         "response": {"status": 200, "headers": [{"name": "Access-Control-Allow-Origin", "value": "https://a.example"}]}},
    ]}}
    data, put = analyse_stream(io.BytesIO(json.dumps(har).encode())).rows
    assert data.status == "incomplete" and data.reason.startswith("a data: URL")
    assert put.status == "incomplete"
    assert put.reason == ("needs a preflight (PUT), which this HAR does not hold "
                          "(answered from the browser's preflight cache, or left out of the HAR)")
