"""Play one resource type of one scenario: serve it, drive the page, observe.

``unplayable`` says when loopback cannot reproduce a case, so it is reported, never compared.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import replace
from typing import Any

from policy_core import Scenario, Url, evaluate
from policy_core.cookies import set_cookie_line
from policy_core.netspace import LOCAL, LOOPBACK, PUBLIC, address_space
from policy_core.origins import DEFAULT_PORTS, host_ip

from .actions import as_function
from .observe import Driver, Observation
from .server import Answer, Plan, Server, strip_marker, with_marker

_counter = itertools.count(1)

# Which body the final hop serves, by resource type (and by the cookie's ``via``); an image's or a
# script's is the scenario's ``response.body`` (an HTML error page for an error status by default).
BODY_KIND = {"fetch": "fetch", "image": "image", "script": "script", "dom": "document", "iframe": "document",
             "navigation": "document", "form-post": "document"}
# Third-party cookies: None plays the scenario's own setting (third_party_cookies, default "allowed" as
# Chrome ships a normal window; a bare Chromium 156 profile blocks them); True or False overrides it.
THIRD_PARTY_COOKIES_DEFAULT: bool | None = None
# What the browser's verdict is named by in Verdict.can_in.
_ENGINE_BROWSER = {"chromium": "chrome", "firefox": "firefox"}


def scenario_urls(scenario: Scenario) -> list[Url]:
    return [scenario.page, scenario.target, *(r.location for r in scenario.redirects)]


def ports_of(scenario: Scenario) -> set[int]:
    """The scenario ports the server must listen on (the browser's view of each URL)."""
    ports = set()
    for url in scenario_urls(scenario):
        if url.scheme in DEFAULT_PORTS and url.scheme in ("http", "https"):
            ports.add(url.port if url.port is not None else DEFAULT_PORTS[url.scheme])
            if url.scheme == "http":
                ports.add(443)  # an http image or script may be upgraded to https (mixed content)
    return ports


def unplayable(scenario: Scenario, resource: str) -> str:
    """Why this case cannot be played on loopback, or "" when it can."""
    if scenario.page.scheme not in ("http", "https"):
        return f"the page is a {scenario.page.scheme}: URL; the harness serves http(s) pages only"
    if scenario.target.scheme not in ("http", "https") and not (
        resource in ("dom", "iframe") and scenario.target.scheme in ("data", "about")
    ):
        return f"the target is a {scenario.target.scheme}: URL, which the harness cannot serve for {resource}"
    page_space = _space(scenario.page.hostname)
    for url in scenario_urls(scenario):
        if url.scheme not in ("http", "https"):
            continue
        space = _space(url.hostname)
        if host_ip(url.hostname) is not None and space != LOOPBACK:
            return f"{url.hostname} is a {space} IP address; on loopback it would be a loopback address"
        if space == LOOPBACK and page_space != LOOPBACK:
            return (f"{url.hostname} is loopback but the page is not: Local Network Access sees loopback to "
                    "loopback there, since every scenario host is served on 127.0.0.1")
    return ""


def unplayable_age(scenario: Scenario, resource: str, browser: str) -> str:
    """Why the cookie's age cannot be played, or "": the harness's cookie is set a moment before the request,
    and CDP's Network.setCookie (like BiDi's storage.setCookie) takes no creation time, so an old cookie
    cannot be made. A scenario whose verdict in ``browser`` needs an old cookie is not played."""
    cookie = scenario.cookie
    if resource != "cookie" or cookie is None or cookie.age_seconds == 0:
        return ""
    fresh = evaluate(replace(scenario, cookie=replace(cookie, age_seconds=0))).verdict("cookie")
    given = evaluate(scenario).verdict("cookie")
    assert fresh is not None and given is not None
    name = _ENGINE_BROWSER.get(browser, browser)
    if fresh.can_in(name) == given.can_in(name):
        return ""
    age = "has no age (an old cookie)" if cookie.age_seconds is None else f"is {cookie.age_seconds} s old"
    return (f"the scenario's cookie {age}, the harness's is set a moment before the request, and this verdict "
            "depends on it (Chrome's two-minute Lax-allowing-unsafe rule)")


def _space(host: str) -> str:
    space = address_space(host, domain_default=PUBLIC)
    return LOCAL if space == LOCAL else space


def plan_for(scenario: Scenario, resource: str, case: str) -> Plan:
    kind = BODY_KIND[scenario.cookie.via if resource == "cookie" and scenario.cookie else resource]
    answers: dict[str, Answer] = {}
    page_headers = (("Content-Security-Policy", "sandbox allow-scripts"),) if scenario.page_sandboxed else ()
    answers["page"] = Answer(status=200, headers=page_headers, body_kind="page")
    for i, redirect in enumerate(scenario.redirects):
        location = with_marker(redirect.location.href, case, f"h{i + 1}")
        answers[f"h{i}"] = Answer(status=redirect.status, headers=(("Location", location), *redirect.headers))
    if kind in ("image", "script"):  # the engine judges these bodies: serve the one the scenario names
        kind = scenario.response.body_for(kind)
    answers[f"h{len(scenario.redirects)}"] = Answer(
        status=scenario.response.status, headers=tuple(scenario.response.headers), body_kind=kind
    )
    if resource == "cookie" and scenario.cookie is not None:
        answers["set"] = Answer(status=200, headers=(_set_cookie_header(scenario),), body_kind="page")
    preflight = Answer(status=scenario.preflight.status, headers=tuple(scenario.preflight.headers))
    return Plan(answers=answers, preflight=preflight)


def _set_cookie_header(scenario: Scenario) -> tuple[str, str]:
    cookie = scenario.cookie
    assert cookie is not None
    if cookie.set_cookie is not None:
        line = cookie.set_cookie
    else:
        line = set_cookie_line(cookie.name, cookie.value, path=cookie.path, domain=cookie.domain,
                               secure=cookie.secure, httponly=cookie.httponly, samesite=cookie.samesite,
                               partitioned=cookie.partitioned)
    if line.lower().startswith("set-cookie:"):
        line = line[len("set-cookie:"):]
    return ("Set-Cookie", line.strip())


def play(driver: Driver, server: Server, scenario: Scenario, resource: str,
         *, third_party_cookies: bool | None = THIRD_PARTY_COOKIES_DEFAULT) -> Observation:
    """Play ``resource`` of ``scenario`` in ``driver``'s browser and say what happened."""
    why = unplayable(scenario, resource) or unplayable_age(scenario, resource, driver.name)
    if why:
        return Observation(resource=resource, browser=driver.name, unplayable=why)
    server.listen(ports_of(scenario))
    driver.use_ports(server.port_map)
    case = f"c{next(_counter)}"
    server.add(case, plan_for(scenario, resource, case))
    try:
        if third_party_cookies is None:
            third_party_cookies = scenario.third_party_cookies == "allowed"
        driver.begin_case(third_party_cookies=third_party_cookies)
        facts: dict[str, Any] = {}
        if resource == "cookie" and scenario.cookie is not None:
            driver.goto(with_marker(scenario.target.href, case, "set"))
            facts["jar"] = [c for c in driver.cookies() if c.get("name") == scenario.cookie.name]
        driver.goto(with_marker(scenario.page.href, case, "page"))
        target = with_marker(scenario.target.href, case, "h0")
        facts.update(_act(driver, server, scenario, resource, case, target))
        driver.wait(60)  # console lines and issues can trail the action by a few milliseconds
        received = server.received(case)
        return Observation(
            resource=resource,
            browser=driver.name,
            can=_capabilities(scenario, resource, facts, received),
            preflighted=any(r.preflight for r in received) if resource == "fetch" else None,
            facts=facts,
            # Chromium ends some lines with a newline (CSP's "… The request has been blocked.\n").
            console=tuple(strip_marker(line).rstrip() for line in driver.console()),
            issues=tuple(driver.issues()),
            received=tuple(r for r in received if r.role != "set" and r.role != "page"),
        )
    finally:
        server.remove(case)


def _act(driver: Driver, server: Server, scenario: Scenario, resource: str, case: str, target: str) -> dict[str, Any]:
    request = scenario.request
    params = {"url": target, "method": request.method, "mode": request.mode, "credentials": request.credentials,
              "headers": [list(h) for h in request.headers], "crossorigin": request.crossorigin,
              "module": request.script_type == "module"}
    if resource != "cookie":
        return dict(driver.evaluate(as_function(resource), params))
    assert scenario.cookie is not None
    via = scenario.cookie.via
    seen = driver.evaluate(as_function("document-cookie"), {})
    out: dict[str, Any] = {"document_cookie": seen}
    if via in ("navigation", "form-post"):
        driver.evaluate(as_function(via), params)
        _wait_for(driver, server, case, "h0")
    else:
        out["via"] = driver.evaluate(as_function("dom" if via == "iframe" else via), params)
    return out


def _wait_for(driver: Driver, server: Server, case: str, role: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(r.role == role for r in server.received(case)):
            driver.wait(150)  # let the navigation commit, so its console lines arrive
            return
        driver.wait(20)


def _capabilities(scenario: Scenario, resource: str, facts: dict[str, Any], received: list[Any]) -> tuple[tuple[str, bool], ...]:
    actual = [r for r in received if r.role == "h0" and not r.preflight]
    if resource == "fetch":
        readable = bool(facts.get("resolved")) and facts.get("type") not in ("opaque", "opaqueredirect") \
            and "body_error" not in facts
        return (("send", bool(actual)), ("read", readable))
    if resource == "image":
        return (("display", bool(facts.get("displayed"))), ("read_pixels", bool(facts.get("read_pixels"))))
    if resource == "script":
        return (("execute", bool(facts.get("executed"))), ("read_errors", bool(facts.get("read_errors"))))
    if resource == "dom":
        return (("access", bool(facts.get("access"))),)
    if resource == "iframe":
        return (("embed", bool(facts.get("rendered"))), ("script_access", bool(facts.get("access"))))
    assert scenario.cookie is not None
    name, value = scenario.cookie.name, scenario.cookie.value
    stored = bool(facts.get("jar"))
    pair = f"{name}={value}"
    sent = any(pair in [c.strip() for c in (r.header("Cookie") or "").split(";")] for r in actual)
    document_cookie = facts.get("document_cookie") or {}
    visible = bool(document_cookie.get("ok")) and pair in [c.strip() for c in document_cookie.get("cookie", "").split(";")]
    return (("stored", stored), ("sent", sent), ("script_read", visible))
