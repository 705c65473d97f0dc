"""``har`` end to end on a large HAR built from the library scenarios: entries per second.

The HAR repeats each library scenario's request (its preflight, redirect hops and answers, with
Chrome-like request headers and a small body) many times, as a real session does. Measured in
the same run:

- baseline: streaming the file with ijson and counting the entries (the cost of reading it);
- ``har`` (text) and ``har --json``: read, pair, evaluate (identical pairs once), print.

Bar (issue 16): at least 10,000 entries per second end to end.
Run: python benchmarks/har_throughput.py [ENTRIES]
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import byte_compile_project, interleaved_medians

import policy_core
from origin_playground.commands.har import write_json, write_text
from origin_playground.har import read_har
from origin_playground.library import list_scenarios

BAR = 10_000
BROWSER_HEADERS = [
    ("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate, br, zstd"), ("Accept-Language", "en-US,en;q=0.9"),
    ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0"),
    ("Sec-Fetch-Dest", "empty"), ("Sec-Fetch-Site", "cross-site"),
]


def _headers(pairs: Any) -> list[dict[str, str]]:
    return [{"name": n, "value": v} for n, v in pairs]


def _entry(method: str, url: str, request: list[tuple[str, str]], status: int, response: Any,
           redirect: str = "") -> dict[str, Any]:
    return {
        "pageref": "page_1", "startedDateTime": "2026-12-01T10:00:00.000Z", "time": 12, "_resourceType": "fetch",
        "request": {"method": method, "url": url, "httpVersion": "HTTP/2", "headers": _headers(request),
                    "cookies": [], "queryString": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": status, "statusText": "", "httpVersion": "HTTP/2", "headers": _headers(response),
                     "cookies": [], "content": {"size": 64, "mimeType": "application/json", "text": "x" * 64},
                     "redirectURL": redirect, "headersSize": -1, "bodySize": 64},
        "cache": {}, "timings": {"send": 0, "wait": 10, "receive": 2},
    }


def _session(mapping: dict[str, Any]) -> list[dict[str, Any]]:
    """The HAR entries a browser would record for one library scenario's fetch."""
    scenario = policy_core.load_scenario(mapping)
    origin = scenario.page.origin.serialize()
    request = scenario.request
    base = [*BROWSER_HEADERS, ("Referer", scenario.page.href), ("Sec-Fetch-Mode", request.mode)]
    if request.mode == "cors":
        base.append(("Origin", origin))
    if request.credentials == "include":
        base.append(("Cookie", "sid=1"))
    entries = []
    verdict = policy_core.evaluate(scenario).verdict("fetch")
    fetch = verdict.fetch if verdict is not None else None
    if fetch is not None and fetch.preflight:
        asked = [("Access-Control-Request-Method", fetch.preflight_method or request.method)]
        if fetch.preflight_headers:
            asked.append(("Access-Control-Request-Headers", ",".join(fetch.preflight_headers)))
        entries.append(_entry("OPTIONS", scenario.target.href, [*base, *asked], scenario.preflight.status,
                              scenario.preflight.headers))
    url = scenario.target.href
    for hop in scenario.redirects:
        entries.append(_entry(request.method, url, [*base, *request.headers], hop.status,
                              [*hop.headers, ("Location", hop.location.href)], hop.location.href))
        url = hop.location.href
    entries.append(_entry(request.method, url, [*base, *request.headers], scenario.response.status,
                          scenario.response.headers))
    return entries


def build_har(count: int) -> dict[str, Any]:
    sessions = []
    for item in list_scenarios():
        mapping = policy_core.read_scenario_file(item.path)
        mapping["resources"] = ["fetch"]
        mapping.pop("expect", None)
        sessions.append(_session(mapping))
    entries: list[dict[str, Any]] = []
    while len(entries) < count:
        for session in sessions:
            entries.extend(session)
    return {"log": {"version": "1.2", "creator": {"name": "benchmark", "version": "1"},
                    "pages": [{"id": "page_1", "title": "https://app.example.com/"}], "entries": entries[:count]}}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    byte_compile_project()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.har"
        path.write_text(json.dumps(build_har(count)), "utf-8")
        size = path.stat().st_size

        def baseline() -> float:
            import ijson

            start = time.process_time()
            with path.open("rb") as handle:
                sum(1 for _ in ijson.items(handle, "log.entries.item", use_float=True))
            return time.process_time() - start

        def har_text() -> float:
            start = time.process_time()
            result = read_har(path)
            write_text(result, [row for row in result.rows if row.status != "same-origin"], io.StringIO())
            return time.process_time() - start

        def har_json() -> float:
            start = time.process_time()
            result = read_har(path)
            write_json(result, result.rows, io.StringIO())
            return time.process_time() - start

        wall = time.perf_counter()
        medians = interleaved_medians({"baseline": baseline, "har": har_text, "har --json": har_json}, rounds=3)
        wall = time.perf_counter() - wall
        evaluations = read_har(path).evaluations
    print(f"HAR: {count} entries, {size / 1e6:.1f} MB, {evaluations} distinct evaluations; CPU seconds, median of 3")
    for name, seconds in medians.items():
        ratio = seconds / medians["baseline"]
        print(f"  {name:<11} {seconds:6.3f} s  {count / seconds:9,.0f} entries/s  {ratio:5.2f}x baseline")
    slowest = max(medians["har"], medians["har --json"])
    rate = count / slowest
    print(f"end to end: {rate:,.0f} entries/s (bar {BAR:,}) {'OK' if rate >= BAR else 'UNDER THE BAR'}"
          f"  [{wall:.1f} s wall for all rounds]")


if __name__ == "__main__":
    main()
