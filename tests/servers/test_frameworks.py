"""Each exported configuration, run in the real framework on loopback and probed as the browser
would: the engine, given the real answers, must say the request passes, or the export must say
(in its first line) why that framework cannot express the fix, and the real server must then
indeed fail. So every "cannot express" line is a real limit, and every other export a real fix."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from origin_playground.exports import NODE_METHODS, cannot_express, cors_intent, export
from policy_core import evaluate

from .cases import READ, Case, all_cases
from .chromium_fetch import readable
from .conftest import skip_if_missing
from .frameworks import FRAMEWORKS, NODE, ServerFailed, server_log, serving
from .loopback import probe_on_loopback, with_real_answers

pytestmark = pytest.mark.servers
CASES = all_cases()
FETCH_CASES = [case for case in CASES if case.resource == "fetch"]


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    return next((value for key, value in headers if key.lower() == name), None)


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_exported_fix_on_the_real_server(case: Case, framework: str, tmp_path: Path) -> None:
    skip_if_missing(framework)
    scenario = case.scenario
    report = evaluate(scenario)
    text = export(framework, scenario, report)
    intent = cors_intent(scenario, report)
    limits = cannot_express(framework, intent)
    try:
        with serving(framework, text, scenario.request.method, tmp_path) as port:
            result = probe_on_loopback(scenario, port)
    except ServerFailed as error:
        pytest.fail(f"{framework} refused the export: {error}\n{text}")
    verdict = with_real_answers(scenario, result).verdict(case.resource)
    assert verdict is not None
    exchanges = [(e.method, e.status) for e in result.exchanges]
    if limits:
        assert text.splitlines()[0].lstrip("#/ ").startswith("CANNOT EXPRESS: "), text
        assert not verdict.capability(READ[case.resource]), (
            f"{framework} now expresses it: drop the limit ({limits[0]}); {exchanges}")
        return
    assert verdict.capability(READ[case.resource]), (
        f"{verdict.console.chrome}\n{exchanges}\n{text}\nserver: {server_log(tmp_path)}")
    if verdict.fetch is not None:  # a fetch: sent, and preflighted exactly when the engine said it would be
        assert verdict.capability("send") and verdict.fetch.preflight == intent.preflight
    final_method = result.exchanges[-1].method
    assert [m for m, _ in exchanges] == (["OPTIONS", final_method] if intent.preflight else [final_method])
    final = result.exchanges[-1].response_headers
    assert _header(final, "access-control-allow-origin") == intent.origin
    assert "origin" in (_header(final, "vary") or "").lower()  # every framework varies on Origin
    if intent.credentials:
        assert _header(final, "access-control-allow-credentials") == "true"
    if intent.expose:
        exposed = {name.strip().lower() for name in (_header(final, "access-control-expose-headers") or "").split(",")}
        assert set(intent.expose) <= exposed
    if intent.preflight:
        preflight = result.exchanges[0].response_headers
        assert _header(preflight, "access-control-max-age") == str(intent.max_age)


@pytest.mark.skipif(NODE is None, reason="node is not installed (apt-get install nodejs)")
def test_node_methods_are_nodes_own() -> None:
    """The methods the Express limit names are exactly those Node's HTTP parser accepts."""
    node = shutil.which("node")
    assert node is not None
    shown = subprocess.run([node, "-p", "require('http').METHODS.join(' ')"], capture_output=True, text=True,
                           timeout=30, check=True).stdout.split()
    assert frozenset(shown) == NODE_METHODS


@pytest.mark.browser
@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("case", FETCH_CASES, ids=[case.name for case in FETCH_CASES])
def test_chromium_reads_what_the_engine_allows(case: Case, framework: str, chromium, tmp_path: Path) -> None:
    """Real Chromium, on the scenario's page, fetches from the real server running the export:
    it reads the answer exactly when the engine (given that server's real answers) says it may,
    and that is every export without a CANNOT EXPRESS line."""
    skip_if_missing(framework)
    scenario = case.scenario
    report = evaluate(scenario)
    text = export(framework, scenario, report)
    limits = cannot_express(framework, cors_intent(scenario, report))
    with serving(framework, text, scenario.request.method, tmp_path) as port:
        result = probe_on_loopback(scenario, port)
        facts = chromium.fetch(scenario, port)
    verdict = result.report.verdict("fetch")
    assert verdict is not None
    assert readable(facts) == verdict.capability("read"), (facts, verdict.console.chrome)
    assert readable(facts) is not bool(limits), (facts, limits)
    if not limits:
        assert facts["status"] == result.exchanges[-1].status  # the answer the probe got, read by the page
        assert facts["body"] == "ok" or facts["status"] != 200
        assert not [line for line in facts["console"] if "CORS policy" in line]
