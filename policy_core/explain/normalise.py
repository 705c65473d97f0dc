"""Clean-up of pasted text (and of the catalogue's templates, so both are read the same way)."""

from __future__ import annotations

import html
import re

# Longer pastes are cut: a console error is a few lines, and regex time must stay bounded.
MAX_TEXT = 20_000

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_SPACES = re.compile(r"\s+")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
# A line wrapped after a hyphen leaves a space inside a header name ("Access-Control- Allow-Origin").
_WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-z]-) (?=[A-Z][a-z])")


def normalise(text: str) -> str:
    """Plain quotes (Firefox's are typographic, users retype them plain) and single spaces (pastes wrap);
    HTML entities a web page kept (``&#39;``, ``&quot;``) are the characters they stand for."""
    if "&" in text:
        text = html.unescape(text)
    return _WRAPPED_HYPHEN.sub("", _SPACES.sub(" ", text.translate(_QUOTES)).strip())


def decode_hint(hint: str) -> str:
    """Undo Chromium's EncodeHint (``\\u00E9`` back to ``é``), so the header value is the server's."""
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), hint)


def status_code(text: str | None) -> int | None:
    """An HTTP status quoted by a message, when it is one (Firefox also prints ``(null)``)."""
    return int(text) if text and text.isdigit() and 100 <= int(text) <= 599 else None
