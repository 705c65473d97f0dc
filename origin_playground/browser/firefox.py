"""Drive Firefox ESR through its built-in WebDriver BiDi agent (no geckodriver, no Marionette).

A fresh profile's ``user.js`` maps every hostname to loopback (``network.dns.forceResolve``) and
every scenario port to its listener (``network.socket.forcePort``), turns HTTPS-First off (the
scenario names the page's scheme) and sets third-party cookies as the case's scenario says
(``network.cookie.cookieBehavior`` 0 allowed, 1 blocked; a change of setting relaunches Firefox).

What BiDi cannot show: ``log.entryAdded`` carries Firefox's console *errors* only (the remote agent
listens to the console service's "error" events), so ``Cross-Origin Request Warning: …`` lines are
not observed (they need Marionette's chrome context, which cannot share a Firefox with BiDi), and
Firefox has no DevTools issues channel: ``issues()`` is always empty.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .observe import PID_FILE, Issue

EXECUTABLE_CANDIDATES = ("/usr/bin/firefox-esr", "/usr/bin/firefox")
INSTALL_HINT = "no Firefox found: install one with 'apt-get install firefox-esr'"

PREFERENCES = {
    "network.dns.forceResolve": "127.0.0.1",
    "dom.security.https_first": False,
    "dom.security.https_first_pbm": False,
    "dom.security.https_first_schemeless": False,
    # The scenario's third_party_cookies: 0 "allowed" (the setting "Cookies: none blocked"), 1 "blocked"
    # ("All cross-site cookies"); Firefox's own default is 5, Total Cookie Protection. Set per launch.
    "network.cookie.cookieBehavior": 0,
    "network.cookie.cookieBehavior.pbmode": 0,
    "browser.shell.checkDefaultBrowser": False,
    "app.update.disabledForTesting": True,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "network.http.http3.enable": False,
}


def executable() -> str | None:
    for candidate in EXECUTABLE_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("firefox-esr")


def available() -> bool:
    try:
        import websockets.sync.client  # noqa: F401
    except ImportError:
        return False
    return executable() is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child before exec: Linux kills it when the harness process dies, even by SIGKILL."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the process group kill in close() still applies


def _user_js(prefs: dict[str, Any]) -> str:
    return "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())


class Firefox:
    name = "firefox"

    def __init__(self) -> None:
        path = executable()
        if path is None:
            raise RuntimeError(INSTALL_HINT)
        self._path = path
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: tempfile.TemporaryDirectory[str] | None = None
        self._ws: Any = None
        self._ws_stack = contextlib.ExitStack()
        self._reader: threading.Thread | None = None
        self._ids = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._cond = threading.Condition()
        self._console: list[str] = []
        self._ports: dict[int, int] = {}
        self._context = ""
        self._third_party = True  # the cookieBehavior of the running Firefox: allowed
        self.version = ""

    # --- lifetime ------------------------------------------------------------------------------

    def use_ports(self, port_map: dict[int, int]) -> None:
        if self._process is not None and all(self._ports.get(p) == r for p, r in port_map.items()):
            return
        self._stop_browser()
        self._ports = dict(port_map)
        self._launch()

    def _launch(self) -> None:
        from websockets.sync.client import connect

        self._profile = tempfile.TemporaryDirectory(prefix="op-firefox-")
        prefs = dict(PREFERENCES)
        behaviour = 0 if self._third_party else 1  # a pref BiDi cannot change: a new launch per setting
        prefs["network.cookie.cookieBehavior"] = prefs["network.cookie.cookieBehavior.pbmode"] = behaviour
        prefs["network.socket.forcePort"] = ";".join(f"{p}={r}" for p, r in sorted(self._ports.items()))
        Path(self._profile.name, "user.js").write_text(_user_js(prefs))
        Path(self._profile.name, PID_FILE).write_text(str(os.getpid()))  # see session.remove_stale_profiles
        port = _free_port()
        self._process = subprocess.Popen(
            [self._path, "--headless", "--no-remote", "--remote-debugging-port", str(port),
             "--profile", self._profile.name],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,  # its own group
            preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = connect(f"ws://127.0.0.1:{port}/session", max_size=None, open_timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    self._stop_browser()
                    raise RuntimeError("Firefox did not open its WebDriver BiDi port") from None
                time.sleep(0.2)
        self._ws = self._ws_stack.enter_context(connection)  # closed with the stack in _stop_browser
        self._reader = threading.Thread(target=self._read, daemon=True, name="op-bidi-reader")
        self._reader.start()
        session = self._send("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
        caps = session.get("capabilities", {})
        self.version = f"Firefox {caps.get('browserVersion', '')}".strip()
        self._send("session.subscribe", {"events": ["log.entryAdded"]})
        self._context = self._send("browsingContext.getTree", {})["contexts"][0]["context"]

    def _read(self) -> None:
        try:
            for raw in self._ws:
                message = json.loads(raw)
                if message.get("type") == "event":
                    if message.get("method") == "log.entryAdded":
                        entry = message["params"]
                        if entry.get("type") != "console":  # console-api calls are the page's own
                            self._console.append(entry.get("text", ""))
                    continue
                with self._cond:
                    self._replies[message.get("id", -1)] = message
                    self._cond.notify_all()
        except Exception:  # the socket closed: the browser is going away
            with self._cond:
                self._cond.notify_all()

    def _send(self, method: str, params: dict[str, Any], timeout: float = 20) -> dict[str, Any]:
        self._ids += 1
        ident = self._ids
        self._ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        with self._cond:
            while ident not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"BiDi {method} timed out")
                self._cond.wait(left)
            reply = self._replies.pop(ident)
        if reply.get("type") == "error":
            raise RuntimeError(f"BiDi {method}: {reply.get('error')}: {reply.get('message')}")
        return dict(reply.get("result", {}))

    def _stop_browser(self) -> None:
        if self._ws is not None:
            try:
                self._ws_stack.close()
            except Exception:  # already closed
                pass
            self._ws = None
        if self._process is not None:
            try:
                os.killpg(self._process.pid, signal.SIGTERM)
                self._process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self._process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self._process = None
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    @property
    def profile(self) -> str:
        return self._profile.name if self._profile is not None else ""

    def close(self) -> None:
        self._stop_browser()

    # --- one case ------------------------------------------------------------------------------

    def begin_case(self, *, third_party_cookies: bool) -> None:
        if third_party_cookies is not self._third_party:
            self._stop_browser()
            self._third_party = third_party_cookies
            self._launch()
        self._send("storage.deleteCookies", {})
        self.goto("about:blank")
        self._console.clear()

    def goto(self, url: str) -> None:
        try:
            self._send("browsingContext.navigate", {"context": self._context, "url": url, "wait": "complete"})
        except (RuntimeError, TimeoutError) as error:
            self._console.append(f"[harness] navigation to {url} failed: {error}")

    def evaluate(self, function: str, arg: dict[str, Any]) -> Any:
        wrapper = f"async (text) => JSON.stringify(await ({function})(JSON.parse(text)))"
        try:
            result = self._send("script.callFunction", {
                "functionDeclaration": wrapper, "awaitPromise": True, "target": {"context": self._context},
                "arguments": [{"type": "string", "value": json.dumps(arg)}],
            })
        except (RuntimeError, TimeoutError) as error:
            return {"harness_error": str(error)}
        if result.get("type") == "exception":
            return {"harness_error": json.dumps(result.get("exceptionDetails", {}))[:300]}
        return json.loads(result["result"]["value"])

    def wait(self, ms: int) -> None:
        time.sleep(ms / 1000)

    def cookies(self) -> list[dict[str, Any]]:
        result = self._send("storage.getCookies", {})
        return [{"name": c["name"], "value": c["value"].get("value", ""), "domain": c.get("domain", "")}
                for c in result.get("cookies", [])]

    def console(self) -> list[str]:
        return list(self._console)

    def issues(self) -> list[Issue]:
        return []  # Firefox has no DevTools issues channel
