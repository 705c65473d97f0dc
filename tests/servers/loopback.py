"""``probe`` a real server on loopback while the scenario keeps its own URLs.

The scenario's target (``https://api.example.net/items``) stays the URL the engine reasons about
and the ``Host`` the server sees; only the socket moves: ``Loopback`` sends each request to the
127.0.0.1 port serving that host and port (plain http, fine on loopback). A host the scenario does
not map is refused, so nothing here ever leaves the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import httpx

import policy_core
from origin_playground import probe as probe_module
from policy_core import Report, Scenario
from policy_core.origins import DEFAULT_PORTS


def host_port(scenario: Scenario) -> tuple[str, int]:
    target = scenario.target
    return target.hostname, target.port or DEFAULT_PORTS[target.scheme]


class Loopback(httpx.BaseTransport):
    """Sends a request for (host, port) to 127.0.0.1:real_port; refuses every other host."""

    def __init__(self, routes: dict[tuple[str, int], int]) -> None:
        self._routes = routes
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.host, request.url.port or DEFAULT_PORTS[request.url.scheme])
        real = self._routes.get(key) or self._routes.get((f"[{key[0]}]", key[1]))
        if real is None:
            raise httpx.ConnectError(f"{key[0]}:{key[1]} is not a loopback test server", request=request)
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=real)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@contextmanager
def _hosts_resolve_to_loopback(hosts: set[str]) -> Iterator[None]:
    def resolve(host: str, port: int) -> None:
        assert host in hosts, f"probe asked to resolve {host!r}, which no test server serves"

    with mock.patch.object(probe_module, "_resolve", resolve):
        yield


def probe_on_loopback(scenario: Scenario, port: int) -> probe_module.ProbeResult:
    """Probe ``scenario``'s request (its preflight first, when the browser sends one) on ``port``."""
    mapping: dict[str, Any] = scenario.to_mapping()
    mapping.pop("expect", None)
    for key in ("preflight", "response", "redirects"):
        mapping.pop(key, None)  # the real server's answers replace the scenario's
    mapping["resources"] = ["fetch"]  # an element in CORS mode sends what this fetch sends: GET with Origin
    mapping.pop("cookie", None)
    if scenario.request.crossorigin == "use-credentials":
        mapping["request"] = {**mapping.get("request", {}), "credentials": "include"}
    host, target_port = host_port(scenario)
    with _hosts_resolve_to_loopback({host}), Loopback({(host, target_port): port}) as transport:
        return probe_module.probe(mapping, timeout=10.0, transport=transport)


def with_real_answers(scenario: Scenario, result: probe_module.ProbeResult) -> Report:
    """``scenario`` (all its resources) evaluated with the answers the real server gave the probe."""
    mapping: dict[str, Any] = scenario.to_mapping()
    for key in ("preflight", "response", "redirects"):
        mapping.pop(key, None)
        if key in result.mapping:
            mapping[key] = result.mapping[key]
    return policy_core.evaluate(policy_core.load_scenario(mapping))
