"""Firefox's script lines and decisions where they are its own (Firefox 153, found with the browser suite)."""

from __future__ import annotations

from policy_core import evaluate, load_scenario

PAGE = "https://app.example.com/dashboard"
SAME = "https://app.example.com/a.js"
OTHER = "https://static.example.com/a.js"
ANY = ("Access-Control-Allow-Origin", "*")
JSON_NOSNIFF = (("Content-Type", "application/json"), ("X-Content-Type-Options", "nosniff"))


def script(target: str, status: int = 200, *headers: tuple[str, str], crossorigin: str = "none",
           module: bool = False, redirects: list | None = None, body: str | None = None):
    response: dict = {"status": status, "headers": [list(h) for h in headers]}
    if body is not None:
        response["body"] = body
    scenario = load_scenario({
        "version": 1, "page": PAGE, "target": target, "resources": ["script"],
        "request": {"crossorigin": crossorigin, "script_type": "module" if module else "classic"},
        "response": response, "redirects": redirects or [],
    })
    verdict = evaluate(scenario).verdict("script")
    assert verdict is not None
    return verdict


def firefox(verdict) -> list[str]:
    return (verdict.console.firefox or "").split("\n") if verdict.console.firefox else []


def gave_up(url: str) -> str:
    return (f"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}. "
            "(Reason: CORS request did not succeed). Status code: (null).")


def module_mime(url: str, mime: str) -> str:
    return f"Loading module from “{url}” was blocked because of a disallowed MIME type (“{mime}”)."


def nosniff(url: str, mime: str) -> str:
    return f"The resource from “{url}” was blocked due to MIME type (“{mime}”) mismatch (X-Content-Type-Options: nosniff)."


def test_cors_failure_on_a_redirect_ends_with_did_not_succeed() -> None:
    hop = [{"status": 307, "location": "https://cdn.other.net/b.js", "headers": []}]
    classic = firefox(script(OTHER, 200, ANY, crossorigin="use-credentials", redirects=hop))
    assert classic[0].endswith("(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 307.")
    assert classic[1:] == [gave_up(OTHER)]
    module = firefox(script(OTHER, 200, ANY, module=True, redirects=hop))
    assert module[1:] == [module_mime(OTHER, ""), gave_up(OTHER)]


def test_cors_failure_on_the_final_response_prints_only_the_cors_line() -> None:
    lines = firefox(script(OTHER, crossorigin="anonymous"))
    assert len(lines) == 1 and "CORS header ‘Access-Control-Allow-Origin’ missing" in lines[0]


def test_firefox_checks_the_mime_type_before_the_cors_check() -> None:
    # The CORS check would fail, but Firefox refuses the MIME type first, then gives up on the request.
    v = script(OTHER, 200, *JSON_NOSNIFF, crossorigin="anonymous")
    assert firefox(v) == [nosniff(OTHER, "application/json"), gave_up(OTHER)]
    assert v.console.chrome is not None and "blocked by CORS policy" in v.console.chrome  # Chrome: CORS first
    v = script(OTHER, 200, ANY, ("Content-Type", "application/json"), module=True)
    assert firefox(v) == [module_mime(OTHER, "application/json"), gave_up(OTHER)]


def test_firefox_checks_the_mime_type_of_an_error_response() -> None:
    assert firefox(script(SAME, 404, module=True)) == [module_mime(SAME, "text/html")]  # the HTML error page
    assert firefox(script(SAME, 404, module=True, body="script")) == []
    assert firefox(script("https://cdn.other.net/a.js", 404, *JSON_NOSNIFF)) == [
        nosniff("https://cdn.other.net/a.js", "application/json")]


def test_chrome_runs_the_nosniff_check_on_a_cors_same_origin_error_response() -> None:
    v = script(SAME, 404, *JSON_NOSNIFF)
    assert (v.console.chrome or "").split("\n") == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)",
        f"Refused to execute script from '{SAME}' because its MIME type ('application/json') is not executable, "
        "and strict MIME type checking is enabled.",
    ]


def test_body_that_is_not_javascript_does_not_run() -> None:
    for body in ("html", "empty"):
        v = script(SAME, 200, body=body)
        assert (v.capability("execute"), v.capability("read_errors")) == (False, False)
        assert v.console.chrome is None
    v = script(SAME, 200, body="image")
    assert v.console.chrome == f"Refused to execute script from '{SAME}' because its MIME type ('image/png') is not executable."
    assert v.console.firefox == f"Script from “{SAME}” was blocked because of a disallowed MIME type (“image/png”)."


def test_firefox_does_not_mute_a_cross_origin_classic_script() -> None:
    v = script("https://cdn.other.net/a.js")
    assert v.can_in("chrome") == (("execute", True), ("read_errors", False))
    assert dict(v.can_in("firefox")) == {"execute": True, "read_errors": True}
    assert [d.browser for d in v.elsewhere] == ["firefox"] and "Script error." in v.elsewhere[0].why
    # A module script, or a classic one fetched with CORS, is not muted anywhere: nothing to add.
    assert script(OTHER, 200, ANY, module=True).elsewhere == ()
    assert script(OTHER, 200, ANY, crossorigin="anonymous").elsewhere == ()
