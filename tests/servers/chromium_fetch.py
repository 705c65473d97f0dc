"""Real Chromium fetches from the real framework servers, with the scenarios' own URLs.

One Chromium for the session (the harness's executable and flags,
``origin_playground.browser.chromium``), told with ``--host-resolver-rules`` to send every page
host to a small page server and every target host to a relay. Both listen on 127.0.0.1 and speak
TLS when the connection's first byte says so (the harness's throw-away certificate, which the
harness flags tell Chromium to accept), so https stays https. The relay pipes each connection to
the framework server under test (``Relay.backend``); switching it drops every open connection.
Each fetch has a URL of its own (a marker query parameter: no preflight cache entry carries over)
and uses the harness's own fetch action (``actions.as_function("fetch")``).
"""

from __future__ import annotations

import contextlib
import itertools
import select
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from origin_playground.browser.actions import as_function
from origin_playground.browser.certs import server_context
from origin_playground.browser.chromium import FLAGS, executable
from policy_core import Scenario, Url
from policy_core.origins import DEFAULT_PORTS

_TLS_HANDSHAKE = 0x16
_counter = itertools.count(1)


def _host_port(url: Url) -> str:
    return f"{url.hostname}:{url.port or DEFAULT_PORTS[url.scheme]}"


class Relay:
    """127.0.0.1:port → 127.0.0.1:backend, unwrapping TLS when the client starts a handshake."""

    def __init__(self, context: ssl.SSLContext, backend: int = 0) -> None:
        self.backend = backend
        self._context = context
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def switch(self, backend: int) -> None:
        self.backend = backend
        with self._lock:
            for conn in list(self._open):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.switch(0)
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        client: socket.socket = conn
        with self._lock:
            self._open.add(conn)
        try:
            first = conn.recv(1, socket.MSG_PEEK)
            if first and first[0] == _TLS_HANDSHAKE:
                client = self._context.wrap_socket(conn, server_side=True)
            with socket.create_connection(("127.0.0.1", self.backend), timeout=10) as upstream:
                _pipe(client, upstream)
        except (OSError, ssl.SSLError):
            pass  # a closed browser connection or a switched backend ends the pipe
        finally:
            with self._lock:
                self._open.discard(conn)
            with contextlib.suppress(OSError):
                client.close()


def _pipe(client: socket.socket, upstream: socket.socket) -> None:
    """Both directions in one thread (an SSL socket must not be read and written concurrently)."""
    while True:
        pending = isinstance(client, ssl.SSLSocket) and client.pending() > 0
        readable = [client] if pending else select.select([client, upstream], [], [], 30)[0]
        if not readable:
            return
        for source in readable:
            data = source.recv(65536)
            if not data:
                return
            (upstream if source is client else client).sendall(data)


class _Page(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b"<!doctype html><title>servers suite page</title><body>page</body>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class ChromiumFetch:
    """``with ChromiumFetch(scenarios) as chromium: chromium.fetch(scenario, port)``."""

    def __init__(self, scenarios: Iterable[Scenario]) -> None:
        scenarios = list(scenarios)
        self._dir = tempfile.TemporaryDirectory(prefix="op-servers-")
        context = server_context(Path(self._dir.name))
        self._pages = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
        threading.Thread(target=self._pages.serve_forever, daemon=True).start()
        self._page_relay = Relay(context, self._pages.server_address[1])
        self.target = Relay(context)
        pages = {_host_port(s.page) for s in scenarios}
        targets = {_host_port(s.target) for s in scenarios}
        assert not pages & targets, "a host is a page in one scenario and a target in another"
        rules = [f"MAP {host} 127.0.0.1:{self._page_relay.port}" for host in sorted(pages)]
        rules += [f"MAP {host} 127.0.0.1:{self.target.port}" for host in sorted(targets)]
        from playwright.sync_api import sync_playwright

        path = executable()
        assert path is not None
        self._playwright = sync_playwright().start()
        profile = Path(self._dir.name) / "profile"
        args = [flag for flag, _why in FLAGS]
        args += [f"--user-data-dir={profile}", f"--host-resolver-rules={', '.join(rules)}"]
        try:
            self._browser = self._playwright.chromium.launch(executable_path=path, ignore_default_args=True,
                                                             args=args)
        except BaseException:
            self._playwright.stop()
            self._close_servers()
            raise
        self.version = self._browser.version
        self._context = self._browser.new_context()
        self._page = self._context.new_page()
        self._console: list[str] = []
        self._page.on("console", lambda message: self._console.append(message.text))

    def fetch(self, scenario: Scenario, backend: int) -> dict[str, Any]:
        """The harness's fetch action on the scenario's page, against ``backend``: its facts and console."""
        self.target.switch(backend)
        self._console.clear()
        page = self._page
        page.goto(scenario.page.href, wait_until="load", timeout=10000)
        request = scenario.request
        # A URL of its own: no preflight or HTTP cache entry of an earlier fetch applies.
        base, hash_, fragment = scenario.target.href.partition("#")
        url = f"{base}{'&' if '?' in base else '?'}__srv={next(_counter)}{hash_}{fragment}"
        facts: dict[str, Any] = page.evaluate(as_function("fetch"), {
            "url": url, "method": request.method, "mode": request.mode, "credentials": request.credentials,
            "headers": [list(h) for h in request.headers]})
        page.wait_for_timeout(50)  # console lines trail the promise by a few milliseconds
        facts["console"] = list(self._console)
        return facts

    def close(self) -> None:
        try:
            self._browser.close()
            self._playwright.stop()
        finally:
            self._close_servers()

    def _close_servers(self) -> None:
        self.target.close()
        self._page_relay.close()
        self._pages.shutdown()
        self._pages.server_close()
        self._dir.cleanup()

    def __enter__(self) -> ChromiumFetch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def readable(facts: dict[str, Any]) -> bool:
    """What the harness counts as read: resolved, not opaque, body read."""
    return bool(facts.get("resolved")) and facts.get("type") == "cors" and "body_error" not in facts
