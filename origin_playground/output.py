"""Writing JSON for people's terminals and for programs at once (``check --json``, ``compare --json``).

``json.dumps(..., ensure_ascii=False)`` keeps text readable, but writes C1 controls, bidi
overrides, line separators and lone surrogates raw: a terminal may act on them, and a strict
UTF-8 stream cannot encode a surrogate at all. Each is written as its ``\\uXXXX`` escape
instead: the same JSON value, safe on any terminal.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

# Outside strings JSON is ASCII, so these can only occur inside a string, where \\uXXXX is the
# JSON escape for exactly that code unit (json.dumps already escapes C0 controls).
_UNSAFE_IN_JSON = re.compile("[\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029\\ud800-\\udfff]")


def json_text(data: Any) -> str:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_json(data: Any, stream: TextIO) -> None:
    stream.write(json_text(data) + "\n")
