"""The loopback server that plays scenarios and records every request that reaches it.

One listener per scenario port (the browser maps ``*:PORT`` to ``127.0.0.1:REAL``), each speaking
plain HTTP/1.1 or TLS, decided per connection from its first byte, so http and https hosts share it.
Every request carries a marker query parameter (``__op=CASE-ROLE``, see ``marker``) that says
which case and which hop it belongs to; the marker is the only thing the harness adds to the
scenario's URLs, and it is removed again from everything shown (``strip_marker``). Unique URLs
per case also keep one case's preflight-cache and HTTP-cache entries out of the next case.

Responses are written line by line: the scenario's status and header lines in order, duplicates
kept, nothing added, except a ``Content-Type`` for the harness's own body when the scenario names
none and a ``Location`` line for a redirect. The body is the harness's own: for an image or a
script, the kind the scenario's ``response.body`` names (``HttpResponse.body_for``).
The connection is closed after each response, which frames the body without a Content-Length.
"""

from __future__ import annotations

import base64
import re
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qsl, urlsplit

MARKER = "__op"
# CASE and ROLE are letters and digits only, so a period or quote after a URL is never taken in.
_MARKER_RE = re.compile(r"([?&])" + MARKER + r"=[A-Za-z0-9]+-[A-Za-z0-9]+(&?)")

# A 1x1 opaque red PNG: what every image case serves.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
# The probe script: counts its runs, then throws, so window.onerror shows whether errors are muted.
SCRIPT = b"window.__opRan = (window.__opRan || 0) + 1;\nthrow new Error('op-probe');\n"
FRAME_HTML = (
    b"<!doctype html><title>op-frame</title><p>framed</p>"
    b"<script>try { parent.postMessage('op-rendered', '*'); } catch (e) {}</script>"
)
PAGE_HTML = b"<!doctype html><meta charset=utf-8><title>op-page</title><body></body>"
# What a typical server sends with an error status (a scenario's ``response.body = "html"``).
ERROR_PAGE = b"<!doctype html><title>Not Found</title><h1>Not Found</h1><p>The requested URL was not found.</p>"
FETCH_BODY = b"op-body"

BODIES: dict[str, tuple[bytes, str]] = {
    "fetch": (FETCH_BODY, "text/plain"),
    "image": (PNG, "image/png"),
    "script": (SCRIPT, "text/javascript"),
    "document": (FRAME_HTML, "text/html"),
    "page": (PAGE_HTML, "text/html; charset=utf-8"),
    "html": (ERROR_PAGE, "text/html"),
    "empty": (b"", ""),  # no body, so no Content-Type either
}

Header = tuple[str, str]


def marker(case: str, role: str) -> str:
    return f"{MARKER}={case}-{role}"


def with_marker(url: str, case: str, role: str) -> str:
    """``url`` with the case's marker as its last query parameter (before any fragment)."""
    if not url.startswith(("http://", "https://")):
        return url
    base, hash_, fragment = url.partition("#")
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}{marker(case, role)}{hash_}{fragment}"


def strip_marker(text: str) -> str:
    """Remove every marker from ``text`` (URLs in console lines, request targets)."""

    def replace(match: re.Match[str]) -> str:
        lead, trail = match.group(1), match.group(2)
        if lead == "?":
            return "?" if trail else ""
        return "&" if trail else ""

    return _MARKER_RE.sub(replace, text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    status: int
    headers: tuple[Header, ...] = ()
    body_kind: str = ""  # a key of BODIES, or "" for no body


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """How the server answers one case: by role (``page``, ``set``, ``h0``, ``h1``, ...)."""

    answers: dict[str, Answer]
    preflight: Answer | None = None  # the answer to an OPTIONS on any hop


@dataclass(frozen=True, slots=True, kw_only=True)
class Received:
    """One request as it reached the server."""

    method: str
    target: str  # the request target, marker removed
    headers: tuple[Header, ...]
    tls: bool
    port: int  # the scenario's port (the browser's view)
    role: str

    @property
    def preflight(self) -> bool:
        """A CORS preflight: an OPTIONS that names the method it asks for (an OPTIONS fetch does not)."""
        return self.method == "OPTIONS" and self.header("Access-Control-Request-Method") is not None

    def header(self, name: str) -> str | None:
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        return ", ".join(values) if values else None

    def to_dict(self) -> dict[str, object]:
        return {
            "method": self.method,
            "target": self.target,
            "scheme": "https" if self.tls else "http",
            "port": self.port,
            "headers": [list(h) for h in self.headers],
        }


@dataclass
class _Case:
    plan: Plan
    received: list[Received] = field(default_factory=list)


class Server:
    """Listeners on loopback for a set of scenario ports; cases are added and removed while it runs."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        self._tls = tls
        self._cases: dict[str, _Case] = {}
        self._lock = threading.Lock()
        self._servers: dict[int, socketserver.ThreadingTCPServer] = {}
        self._threads: list[threading.Thread] = []
        self.stray: list[Received] = []  # requests that carried no known marker

    # --- listeners -----------------------------------------------------------------------------

    def listen(self, ports: Iterable[int]) -> None:
        for port in ports:
            if port not in self._servers:
                self._start(port)

    @property
    def port_map(self) -> dict[int, int]:
        """Scenario port -> the loopback port its listener has."""
        return {port: srv.server_address[1] for port, srv in self._servers.items()}

    def _start(self, scenario_port: int) -> None:
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                server._handle(self.request, scenario_port)

        class Listener(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        srv = Listener(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=srv.serve_forever, name=f"op-listener-{scenario_port}", daemon=True)
        thread.start()
        self._servers[scenario_port] = srv
        self._threads.append(thread)

    def close(self) -> None:
        for srv in self._servers.values():
            srv.shutdown()
            srv.server_close()
        self._servers.clear()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- cases ---------------------------------------------------------------------------------

    def add(self, case: str, plan: Plan) -> None:
        with self._lock:
            self._cases[case] = _Case(plan)

    def received(self, case: str) -> list[Received]:
        with self._lock:
            return list(self._cases[case].received) if case in self._cases else []

    def remove(self, case: str) -> None:
        with self._lock:
            self._cases.pop(case, None)

    # --- one connection ------------------------------------------------------------------------

    def _handle(self, sock: socket.socket, port: int) -> None:
        sock.settimeout(10)
        try:
            first = sock.recv(1, socket.MSG_PEEK)
            tls = first == b"\x16"  # a TLS handshake record
            conn: socket.socket = self._tls.wrap_socket(sock, server_side=True) if tls else sock
            request = _read_request(conn)
            if request is None:
                return
            method, target, headers, _body = request
            conn.sendall(self._respond(method, target, headers, tls, port))
        except (OSError, ssl.SSLError, ValueError):
            return  # a browser that gave up on a connection is not the server's problem
        finally:
            try:
                sock.close()
            except OSError:
                pass

    def _respond(self, method: str, target: str, headers: list[Header], tls: bool, port: int) -> bytes:
        query = dict(parse_qsl(urlsplit(target).query, keep_blank_values=True))
        case_id, _, role = query.get(MARKER, "").rpartition("-")
        received = Received(method=method, target=strip_marker(target),
                            headers=tuple((k, strip_marker(v)) for k, v in headers), tls=tls,
                            port=port, role=role)
        with self._lock:
            case = self._cases.get(case_id)
            if case is None:
                self.stray.append(received)
            else:
                case.received.append(received)
        if case is None:
            # Not a case's request (the favicon, mostly): an empty answer the browser does not log.
            return _encode(Answer(status=204), method)
        plan = case.plan
        if received.preflight and plan.preflight is not None and role.startswith("h"):
            return _encode(plan.preflight, method)
        answer = plan.answers.get(role)
        return _encode(answer or Answer(status=404), method)


def _read_request(conn: socket.socket) -> tuple[str, str, list[Header], bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 1 << 20:
            return None
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers: list[Header] = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip(), value.strip()))
    length = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return method, target, headers, rest


def _encode(answer: Answer, method: str) -> bytes:
    try:
        reason = HTTPStatus(answer.status).phrase
    except ValueError:
        reason = "Status"
    lines = [f"HTTP/1.1 {answer.status} {reason}"]
    lines += [f"{name}: {value}" for name, value in answer.headers]
    body = b""
    if answer.body_kind and method != "HEAD" and answer.status not in (204, 304):
        body, content_type = BODIES[answer.body_kind]
        if content_type and not any(name.lower() == "content-type" for name, _ in answer.headers):
            lines.append(f"Content-Type: {content_type}")
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("latin-1", errors="replace") + body
