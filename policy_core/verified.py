"""The browser versions the engine's verdicts and console sentences were last verified with.

Written by the browser suite (``OP_BROWSER_RECORD=… pytest -m browser tests/browser``, see
docs/browser-harness.md) from the browsers it drove; edit it by running the suite, not by hand.
A report carries it as ``verified_with`` (docs/scenario-format.md).
"""

from __future__ import annotations

# (browser, version) as the harness's driver reports them, in the suite's order.
VERIFIED_WITH: tuple[tuple[str, str], ...] = (
    ("chromium", "Chromium 156.0.8078.114"),
    ("firefox", "Firefox 153.8.0"),
)
