"""The one exception the core raises for bad input, and the escaping every error line goes through."""

from __future__ import annotations

import unicodedata

# Shown escaped wherever user text reaches a terminal: C0 and C1 controls and DEL (they move the
# cursor, set the title, clear the screen), lone surrogates (not text; they cannot be encoded),
# bidi embeddings, overrides and isolates (they reorder what is shown), and the line separators.
_BIDI_AND_SEPARATORS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
MAX_SHOWN = 120  # characters of one user value quoted in an error line


def is_unsafe_char(ch: str) -> bool:
    """A character that must never reach a terminal raw (see above)."""
    return ch in _BIDI_AND_SEPARATORS or unicodedata.category(ch) in ("Cc", "Cs")


def escape_unsafe(text: str, keep: str = "", *, every_invisible: bool = False) -> str:
    """``text`` with every unsafe character as a Python-style escape (``\\x1b``, ``\\u202e``).

    Idempotent: the escapes are plain printable text. Characters in ``keep`` (say newlines in a
    multi-line block) stay as they are. ``every_invisible`` escapes whatever ``str.isprintable``
    refuses (also U+FEFF, zero-width joiners, unassigned code points), as repr does: for error
    lines, where seeing exactly what was typed matters more than how it looks.
    """
    if text.isprintable():  # the common case: nothing to do
        return text
    out = []
    for ch in text:
        if ch in keep or (ch.isprintable() if every_invisible else not is_unsafe_char(ch)):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


def shown(value: str, limit: int = MAX_SHOWN) -> str:
    """A user value quoted for an error line: repr-style quotes and escapes, long values cut short."""
    if len(value) > limit:
        return repr(value[: limit - 20]) + f"… ({len(value)} characters)"
    return repr(value)


def _one_line(text: str, limit: int) -> str:
    text = escape_unsafe(text, every_invisible=True)
    if len(text) > limit:
        text = text[: limit - 20] + f"… ({len(text)} characters)"
    return text


class ScenarioError(ValueError):
    """Bad input: the message is one line and starts with the key path it is about.

    Example: ``request.credentials: expected omit, same-origin or include, got 'includ'``.
    The path and problem are made safe for a terminal here, once, so no caller can print a raw
    escape sequence or a second line from a hostile key or value.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = _one_line(path, 300)
        self.problem = _one_line(problem, 1000)
        super().__init__(f"{self.path}: {self.problem}" if self.path else self.problem)
