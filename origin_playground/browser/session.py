"""One harness run: the TLS context, the server and one browser, closed together whatever happens."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from policy_core import Scenario

from .certs import temporary_context
from .observe import PID_FILE, PROFILE_PREFIXES, Driver, Observation
from .play import THIRD_PARTY_COOKIES_DEFAULT, play, ports_of
from .server import Server

BROWSERS = ("chromium", "firefox")


def open_driver(browser: str) -> Driver:
    if browser == "chromium":
        from .chromium import Chromium

        return Chromium()
    from .firefox import Firefox

    return Firefox()


def install_hint(browser: str) -> str:
    if browser == "chromium":
        from .chromium import INSTALL_HINT

        return INSTALL_HINT
    from .firefox import INSTALL_HINT as FIREFOX_HINT

    return FIREFOX_HINT


def available(browser: str) -> bool:
    if browser == "chromium":
        from .chromium import available as chromium_available

        return chromium_available()
    from .firefox import available as firefox_available

    return firefox_available()


class Harness:
    """``with Harness("chromium") as h: h.play(scenario, "fetch")``: nothing outlives the block."""

    def __init__(self, browser: str = "chromium") -> None:
        self.browser = browser
        self._server: Server | None = None
        self._driver: Driver | None = None
        self._previous_sigterm: Any = None

    def __enter__(self) -> Harness:
        remove_stale_profiles()
        atexit.register(self.close)  # also on an interpreter exit that skips __exit__
        self._previous_sigterm = None
        if threading.current_thread() is threading.main_thread() \
                and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            # SIGTERM (a CI timeout, `kill`) would end Python without cleanup: make it an exit.
            self._previous_sigterm = signal.signal(signal.SIGTERM, _exit_on_sigterm)
        try:
            self._server = Server(temporary_context())
            self._driver = open_driver(self.browser)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def profile(self) -> str:
        return self._driver.profile if self._driver is not None else ""

    @property
    def version(self) -> str:
        return self._driver.version if self._driver is not None else ""

    def prepare(self, scenarios: Iterable[Scenario]) -> None:
        """Listen on every port these scenarios use up front, so the browser starts once."""
        assert self._driver is not None and self._server is not None, "use Harness as a context manager"
        ports: set[int] = set()
        for scenario in scenarios:
            ports |= ports_of(scenario)
        self._server.listen(ports)
        self._driver.use_ports(self._server.port_map)

    def play(self, scenario: Scenario, resource: str, *,
             third_party_cookies: bool | None = THIRD_PARTY_COOKIES_DEFAULT) -> Observation:
        assert self._driver is not None and self._server is not None, "use Harness as a context manager"
        return play(self._driver, self._server, scenario, resource, third_party_cookies=third_party_cookies)

    def close(self) -> None:
        driver, server = self._driver, self._server
        self._driver = self._server = None
        try:
            if driver is not None:
                driver.close()
        finally:
            if server is not None:
                server.close()
            atexit.unregister(self.close)
            if self._previous_sigterm is not None:
                signal.signal(signal.SIGTERM, self._previous_sigterm)
                self._previous_sigterm = None


def remove_stale_profiles() -> None:
    """Delete temporary profiles left by a harness process that was killed (SIGKILL cannot clean up)."""
    for directory in Path(tempfile.gettempdir()).iterdir():
        if not directory.name.startswith(PROFILE_PREFIXES):
            continue
        try:
            pid = int((directory / PID_FILE).read_text())
        except (OSError, ValueError):
            continue  # not ours, or still being made
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(directory, ignore_errors=True)
        except PermissionError:
            pass  # another user's live process


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)
