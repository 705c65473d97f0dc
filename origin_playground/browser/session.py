"""One harness run: the TLS context, the server and one browser, closed together whatever happens."""

from __future__ import annotations

import atexit
from typing import Any

from policy_core import Scenario

from .certs import temporary_context
from .observe import Driver, Observation
from .play import THIRD_PARTY_COOKIES_DEFAULT, play
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

    def __enter__(self) -> Harness:
        atexit.register(self.close)  # also on an interpreter exit that skips __exit__
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
    def version(self) -> str:
        return self._driver.version if self._driver is not None else ""

    def play(self, scenario: Scenario, resource: str, *,
             third_party_cookies: bool = THIRD_PARTY_COOKIES_DEFAULT) -> Observation:
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
