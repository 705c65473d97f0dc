"""Chrome's console text split into the page's own lines and the network layer's last line."""

from __future__ import annotations

LOAD_LINE_PREFIX = "Failed to load resource: "  # Chromium's line after a failed or error-status load


def page_part(chrome: str | None) -> str | None:
    """Chrome's text without its closing "Failed to load resource" line (the CORS, framing… lines)."""
    if chrome is None:
        return None
    lines = chrome.split("\n")
    if lines and lines[-1].startswith(LOAD_LINE_PREFIX):
        lines = lines[:-1]
    return "\n".join(lines) or None


def load_line(chrome: str | None) -> str | None:
    """Chrome's closing "Failed to load resource" line, or None."""
    last = (chrome or "").split("\n")[-1]
    return last if last.startswith(LOAD_LINE_PREFIX) else None
