"""A verdict's per-browser decisions: ``can`` is Chrome's, ``elsewhere`` only what another browser decides otherwise."""

from __future__ import annotations

from policy_core import BrowserDifference, Verdict


def _verdict(*elsewhere: BrowserDifference) -> Verdict:
    return Verdict(resource="cookie", can=(("stored", True), ("sent", False), ("script_read", True)), trace=(),
                   elsewhere=elsewhere)


def test_can_in_a_browser_overrides_only_what_differs() -> None:
    verdict = _verdict(BrowserDifference(browser="firefox", can=(("sent", True),), why="no Lax by default"))
    assert verdict.can_in("chrome") == verdict.can
    assert verdict.can_in("firefox") == (("stored", True), ("sent", True), ("script_read", True))
    assert verdict.can_in("safari") == verdict.can


def test_browsers_key_only_when_some_browser_differs() -> None:
    assert "browsers" not in _verdict().to_dict()
    difference = BrowserDifference(browser="firefox", can=(("sent", True),), why="no Lax by default")
    assert _verdict(difference).to_dict()["browsers"] == [
        {"browser": "firefox", "can": {"sent": True}, "why": "no Lax by default"}]
