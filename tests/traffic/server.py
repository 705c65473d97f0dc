"""A small loopback server with CORS answers, for recording HARs and for ``probe`` tests.

One process serves every host: ``app.example.test`` (the page), ``api.example.test`` (same site,
other origin) and ``cdn.other.test`` (another site); the browser maps them all to 127.0.0.1 with
``--host-resolver-rules`` and the port stays the server's. Routes are chosen by host and path.
Only ever binds 127.0.0.1.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP, API, CDN = "app.example.test", "api.example.test", "cdn.other.test"

# The page origin the API answers when probed by address (a loopback page: no Local Network Access block).
PROBE_PAGE = "http://localhost:3000"

# The fake secret the page sets; fixtures are checked for it never being printed.
SECRET = "s3cr3t-session"

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8ffff3f0005fe02fea7d6a4bd0000000049454e44ae426082"
)

PAGE = """<!doctype html>
<html><head><title>CORS lab</title>
<style>@font-face {{ font-family: lab; src: url({cdn}/font.woff2); }} body {{ font-family: lab; }}</style>
<script src="{cdn}/lib.js"></script>
</head><body>text
<img src="{cdn}/pic.png">
<img crossorigin="anonymous" src="{cdn}/pic-no-acao.png">
<iframe src="{cdn}/frame"></iframe>
<script>
const api = "{api}";
const calls = [
  () => fetch(api + "/ok"),
  () => fetch(api + "/no-acao"),
  () => fetch(api + "/put-ok", {{method: "PUT", headers: {{"Content-Type": "application/json", "X-Trace": "1"}}, body: "{{}}"}}),
  () => fetch(api + "/put-bad", {{method: "PUT", headers: {{"Content-Type": "application/json"}}, body: "{{}}"}}),
  () => fetch(api + "/creds-wildcard", {{credentials: "include"}}),
  () => fetch(api + "/creds-ok", {{credentials: "include"}}),
  () => fetch(api + "/redirect"),
  () => fetch("/local"),
];
(async () => {{
  for (const call of calls) {{ try {{ await (await call()).text(); }} catch (e) {{}} }}
  await new Promise(r => setTimeout(r, 300));
  document.title = "done";
}})();
</script></body></html>
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "lab"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    # --- helpers ---------------------------------------------------------------------------------
    def _base(self, host: str) -> str:
        return f"http://{host}:{self.server.server_address[1]}"

    def _send(self, status: int, headers: list[tuple[str, str]], body: bytes = b"") -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the probe's timeout test)

    def _route(self) -> None:
        self.server.received.append((self.command, self.path, list(self.headers.items())))
        host = (self.headers.get("Host") or "").split(":")[0]
        path = self.path.split("?")[0]
        app = self._base(APP)
        cdn = self._base(CDN)
        if host not in (APP, API, CDN):
            # Probed by address (127.0.0.1:PORT): the API's routes, then the CDN's; the page that
            # may read them is PROBE_PAGE, and the CDN is reached as localhost (another origin).
            host = CDN if path in ("/data", "/lib.js", "/pic.png", "/pic-no-acao.png", "/font.woff2", "/frame") else API
            app = PROBE_PAGE
            cdn = f"http://localhost:{self.server.server_address[1]}"
        if self.command not in ("GET", "HEAD", "OPTIONS"):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
        routes = {
            (APP, "/"): (200, [("Content-Type", "text/html; charset=utf-8"),
                               ("Set-Cookie", f"sid={SECRET}; Domain=example.test; Path=/; SameSite=Lax")],
                         PAGE.format(api=self._base(API), cdn=self._base(CDN)).encode()),
            (APP, "/start"): (200, [("Content-Type", "text/html")],
                              b"<script>setTimeout(() => location.href = '/', 6000)</script>start"),
            (APP, "/local"): (200, [("Content-Type", "application/json")], b"{}"),
            (API, "/ok"): (200, [("Content-Type", "application/json"), ("Access-Control-Allow-Origin", app),
                                 ("Vary", "Origin")], b"{}"),
            (API, "/patch-ok"): (200, [("Access-Control-Allow-Origin", app)], b"{}"),
            (API, "/no-acao"): (200, [("Content-Type", "application/json")], b"{}"),
            (API, "/creds-wildcard"): (200, [("Content-Type", "application/json"),
                                             ("Access-Control-Allow-Origin", "*")], b"{}"),
            (API, "/creds-ok"): (200, [("Content-Type", "application/json"), ("Access-Control-Allow-Origin", app),
                                       ("Access-Control-Allow-Credentials", "true"), ("Vary", "Origin")], b"{}"),
            (API, "/redirect"): (302, [("Location", f"{cdn}/data"),
                                       ("Access-Control-Allow-Origin", app)], b""),
            (CDN, "/data"): (200, [("Content-Type", "application/json"), ("Access-Control-Allow-Origin", "*")], b"{}"),
            (CDN, "/lib.js"): (200, [("Content-Type", "text/javascript")], b"window.lib = 1;"),
            (CDN, "/pic.png"): (200, [("Content-Type", "image/png")], PNG_1PX),
            (CDN, "/pic-no-acao.png"): (200, [("Content-Type", "image/png")], PNG_1PX),
            (CDN, "/font.woff2"): (200, [("Content-Type", "font/woff2")], b"wOF2"),
            (CDN, "/frame"): (200, [("Content-Type", "text/html"), ("X-Frame-Options", "DENY")], b"<p>frame</p>"),
            # probe targets
            (API, "/slow"): (200, [], b""),
        }
        if self.command == "OPTIONS":
            self._preflight(host, path, app)
            return
        if (host, path) == (API, "/put-ok") and self.command == "PUT":
            self._send(200, [("Content-Type", "application/json"), ("Access-Control-Allow-Origin", app)], b"{}")
            return
        if (host, path) == (API, "/put-bad") and self.command == "PUT":
            self._send(200, [("Access-Control-Allow-Origin", app)], b"{}")
            return
        if (host, path) == (API, "/slow"):
            threading.Event().wait(5)
        status, headers, body = routes.get((host, path), (404, [("Content-Type", "text/plain")], b"not found"))
        self._send(status, headers, body)

    def _preflight(self, host: str, path: str, app: str) -> None:
        if (host, path) == (API, "/put-ok"):
            self._send(204, [("Access-Control-Allow-Origin", app), ("Access-Control-Allow-Methods", "GET, PUT"),
                             ("Access-Control-Allow-Headers", "content-type, x-trace"),
                             ("Access-Control-Max-Age", "0")])
        elif (host, path) == (API, "/patch-ok"):
            self._send(204, [("Access-Control-Allow-Origin", app), ("Access-Control-Allow-Methods", "patch")])
        elif (host, path) == (API, "/put-bad"):
            # No Access-Control-Allow-Methods: PUT is not allowed.
            self._send(204, [("Access-Control-Allow-Origin", app), ("Access-Control-Allow-Headers", "content-type")])
        else:
            self._send(404, [])

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _route
    do_patch = _route  # fetch() sends `patch` as typed (it upper-cases only the six standard methods)


class Lab(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.received: list[tuple[str, str, list[tuple[str, str]]]] = []  # (method, path, headers) in order

    @property
    def port(self) -> int:
        return int(self.server_address[1])


@contextmanager
def serving() -> Iterator[Lab]:
    """Run the lab on a free loopback port (127.0.0.1 only)."""
    server = Lab()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
