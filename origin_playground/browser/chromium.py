"""Drive the system Chromium through Playwright, with Chromium's own defaults.

``ignore_default_args=True`` drops every flag Playwright would add (its ``--disable-features=…``
list switches off HTTPS upgrades, third-party storage partitioning and more); the harness passes
only the flags below, each for a reason. Never ``playwright install``: the browser is Debian's.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .observe import PID_FILE, Issue

EXECUTABLE_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
INSTALL_HINT = "no Chromium found: install one with 'apt-get install chromium'"

# Every flag the harness passes, and why. Nothing else is passed.
FLAGS: tuple[tuple[str, str], ...] = (
    ("--headless", "no display on CI machines"),
    ("--no-sandbox", "Chromium's sandbox cannot start as root in a container"),
    ("--remote-debugging-pipe", "how Playwright talks to the browser (its only required flag)"),
    ("--no-first-run", "no first-run tabs or dialogs in the fresh profile"),
    ("--disable-background-networking", "a closed network: stop calls to Google's hosts (they hang)"),
    ("--disable-component-update", "a closed network: no component downloads"),
    ("--disable-sync", "a closed network: no sync service"),
    ("--disable-gpu", "no GPU in CI; software rendering"),
    ("--disable-quic", "the loopback server speaks HTTP/1.1 over TCP only"),
    ("--ignore-certificate-errors", "the server's certificate is self-signed, made at start"),
    ("--disable-features=HttpsUpgrades", "the scenario names the page's scheme: an http page must stay http "
     "(the automatic upgrade would reach the https listener on 443 and change the page's origin)"),
)


def executable() -> str | None:
    for candidate in EXECUTABLE_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    return found


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return executable() is not None


class Chromium:
    """One Chromium, one page, reused for every case; restarted only when new ports must be mapped."""

    name = "chromium"

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        path = executable()
        if path is None:
            raise RuntimeError(INSTALL_HINT)
        self._path = path
        self._playwright = sync_playwright().start()
        self._profile: tempfile.TemporaryDirectory[str] | None = None
        self._context: Any = None
        self._page: Any = None
        self._cdp: Any = None
        self._ports: dict[int, int] = {}
        self._console: list[str] = []
        self._issues: list[Issue] = []
        self._third_party = True  # the running profile's third-party cookie preference: allowed
        self.version = ""

    # --- lifetime ------------------------------------------------------------------------------

    def use_ports(self, port_map: dict[int, int]) -> None:
        if self._context is not None and all(self._ports.get(p) == r for p, r in port_map.items()):
            return
        self._stop_browser()
        self._ports = dict(port_map)
        self._launch()

    def _launch(self) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="op-chromium-")
        profile = Path(self._profile.name)
        (profile / "Default").mkdir()
        (profile / PID_FILE).write_text(str(os.getpid()))  # lets a later run remove it after a SIGKILL
        # The case's third-party cookie setting, as the profile's preference: 0 allowed, 1 blocked. Set it
        # always: a fresh Chromium 156 profile without it blocks them (measured, headless and headful), and
        # CDP Network.setCookieControls did not block them in a cross-site frame. begin_case relaunches on a change.
        mode = 0 if self._third_party else 1
        (profile / "Default" / "Preferences").write_text(json.dumps({"profile": {"cookie_controls_mode": mode}}))
        # "*:PORT" matches every host on that port: the URLs stay the scenario's, only the socket moves.
        rules = ", ".join(f"MAP *:{port} 127.0.0.1:{real}" for port, real in sorted(self._ports.items()))
        args = [flag for flag, _why in FLAGS]
        args += [f"--user-data-dir={profile}", f"--host-resolver-rules={rules}", "about:blank"]
        self._context = self._playwright.chromium.launch_persistent_context(
            str(profile), executable_path=self._path, ignore_default_args=True, args=args,
        )
        self._page = self._context.pages[0] if self._context.pages else self._context.new_page()
        self._page.on("console", lambda message: self._console.append(message.text))
        self._cdp = self._context.new_cdp_session(self._page)
        self._cdp.on("Audits.issueAdded", self._on_issue)
        self._cdp.send("Audits.enable")
        self.version = self._cdp.send("Browser.getVersion")["product"].replace("Chrome/", "Chromium ")

    def _on_issue(self, event: dict[str, Any]) -> None:
        issue = event.get("issue", {})
        code = issue.get("code", "")
        details = issue.get("details", {})
        self._issues.append(Issue(code=code, reason=_reason(details), text=json.dumps(details, sort_keys=True)))

    def _stop_browser(self) -> None:
        if self._context is not None:
            try:
                self._context.close()
            except Exception:  # a browser that already died is closed enough
                pass
            self._context = None
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    @property
    def profile(self) -> str:
        return self._profile.name if self._profile is not None else ""

    def close(self) -> None:
        self._stop_browser()
        self._playwright.stop()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- one case ------------------------------------------------------------------------------

    def begin_case(self, *, third_party_cookies: bool) -> None:
        if self._third_party is not third_party_cookies:
            self._stop_browser()
            self._third_party = third_party_cookies
            self._launch()
        self._context.clear_cookies()
        try:
            self._page.goto("about:blank")
        except Exception:  # the last case's form POST or link navigation committed late: go again
            self._page.goto("about:blank")
        self._console.clear()
        self._issues.clear()

    def goto(self, url: str) -> None:
        try:
            self._page.goto(url, wait_until="load", timeout=10000)
        except Exception as error:  # a refused page is an observation, not a crash
            self._console.append(f"[harness] navigation to {url} failed: {error}".splitlines()[0])

    def evaluate(self, function: str, arg: dict[str, Any]) -> Any:
        try:
            return self._page.evaluate(function, arg)
        except Exception as error:  # the page navigated away while the action ran
            return {"harness_error": str(error).splitlines()[0]}

    def wait(self, ms: int) -> None:
        self._page.wait_for_timeout(ms)

    def cookies(self) -> list[dict[str, Any]]:
        return list(self._context.cookies())

    def console(self) -> list[str]:
        return list(self._console)

    def issues(self) -> list[Issue]:
        return list(self._issues)


def _reason(details: dict[str, Any]) -> str:
    """The issue's reason: the one enum its details carry (deprecation type, cookie reasons, CORS error)."""
    for value in details.values():
        if not isinstance(value, dict):
            continue
        if "type" in value and isinstance(value["type"], str):
            return value["type"]
        reasons = [*value.get("cookieExclusionReasons", []), *value.get("cookieWarningReasons", [])]
        if reasons:
            return ",".join(reasons)
        status = value.get("corsErrorStatus")
        if isinstance(status, dict):
            return str(status.get("corsError", ""))
        for key in ("reason", "errorType", "resolutionStatus", "violationType", "heavyAdReason"):
            found = value.get(key)
            if isinstance(found, str):
                return found
    return ""
