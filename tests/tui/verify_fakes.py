"""A fake browser for the verify screen's tests: it 'observes' what the engine predicts (or, for
the resources told to differ, the opposite read), records its lifetime, and can be held mid-play."""

from __future__ import annotations

import threading
from typing import Any

import policy_core
from origin_playground.browser.compare import engine_console
from origin_playground.browser.observe import Issue, Observation
from origin_playground.browser.server import Received


class FakePlayer:
    version = "FakeChromium 156.0"

    def __init__(self, differ: tuple[str, ...] = (), hold: threading.Event | None = None) -> None:
        self.differ = differ
        self.hold = hold  # play() waits for it
        self.entered = self.closed = False
        self.playing = threading.Event()  # set when play() starts
        self.played: list[str] = []
        self.report: policy_core.Report | None = None

    def __call__(self, browser: str) -> FakePlayer:  # the screen's open_player
        self.browser = browser
        return self

    def __enter__(self) -> FakePlayer:
        self.entered = True
        return self

    def __exit__(self, *exc: Any) -> None:
        self.closed = True

    def play(self, scenario: policy_core.Scenario, resource: str) -> Observation:
        self.playing.set()
        if self.hold is not None:
            self.hold.wait(10)
        self.played.append(resource)
        verdict = policy_core.evaluate(scenario).verdict(resource)
        assert verdict is not None
        can = tuple((name, (not allowed) if resource in self.differ and name == "read" else allowed)
                    for name, allowed in verdict.can)
        preflighted = verdict.fetch.preflight if verdict.fetch is not None else None
        received = [Received(method="OPTIONS", target="/items", headers=(("Access-Control-Request-Method", "POST"),),
                             tls=True, port=443, role="preflight")] if preflighted else []
        received.append(Received(method=scenario.request.method, target="/items", headers=(("Origin", "https://app.example.com"),),
                                 tls=True, port=443, role="actual"))
        return Observation(
            resource=resource, browser="chromium", can=can, preflighted=preflighted,
            console=tuple(engine_console(verdict, "chromium")),
            issues=tuple(Issue(code=i.code, reason=i.reason) for i in verdict.devtools),
            received=tuple(received),
        )
