"""Scenario text: reading a file or a stream, and decoding TOML or JSON into the raw mapping.

Reading a named file is the only I/O in the core, and it happens only here; the work of parsing is
bounded before the parser runs.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import ScenarioError, shown
from .fields import HugeInteger, type_name
from .files import check_suffix, read_regular_file

MAX_FILE_BYTES = 1024 * 1024


def read_scenario_file(path: Path) -> dict[str, Any]:
    """The raw mapping in a scenario file: kind of file, size, encoding and syntax checked."""
    if os.path.isdir(path):  # said plainly, before the extension is judged
        raise ScenarioError(str(path), "is a directory, not a scenario file")
    fmt = _format_of(path)  # before the file is opened
    data = read_regular_file(path, max_bytes=MAX_FILE_BYTES)
    return parse_scenario_text(data, fmt, str(path))


def read_scenario_stream(data: bytes, label: str = "stdin") -> dict[str, Any]:
    """The raw mapping in bytes read from a stream (``check -``): JSON when it starts with ``{``, else TOML.

    The caller reads at most MAX_FILE_BYTES + 1 bytes, so an endless stream is refused, not awaited.
    """
    fmt = "json" if data.lstrip().startswith(b"{") else "toml"
    return parse_scenario_text(data, fmt, label)


def _format_of(path: Path) -> str:
    return check_suffix(path, (".toml", ".json"), "file")[1:]


def parse_scenario_text(data: bytes | str, fmt: str, label: str = "scenario") -> dict[str, Any]:
    """Decode TOML or JSON text into the raw mapping, with a one-line error naming ``label``.

    The work is bounded before the parser runs (see ``toml_shape_problem``); JSON rejects a key
    given twice (the standard library keeps the last silently) and reads an integer too long to
    convert as a HugeInteger, so the field it is in can be named.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise ScenarioError(label, "is over 1 MiB; scenario files are at most 1 MiB")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ScenarioError(label, f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    else:
        if len(data) > MAX_FILE_BYTES:
            raise ScenarioError(label, "is over 1 MiB; scenario files are at most 1 MiB")
        text = data
    try:
        if fmt == "toml":
            problem = toml_shape_problem(text)
            if problem is not None:
                raise ScenarioError(label if problem[0] is None else problem[0], problem[1])
            loaded: Any = tomllib.loads(text)
        elif fmt == "json":
            loaded = json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int)
        else:
            raise ScenarioError(label, f"unknown format {fmt!r}; expected toml or json")
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(label, f"is not valid TOML: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ScenarioError(label, f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except _DuplicateKey as exc:
        raise ScenarioError(label, f"is not valid JSON: the key {shown(exc.key)} is given twice in one object") from None
    except RecursionError:
        raise ScenarioError(label, "is nested too deeply") from None
    except ScenarioError:
        raise
    except ValueError as exc:  # the parser's own last resort (say, int() of a huge number)
        raise ScenarioError(label, f"cannot be read: {exc}") from None
    if not isinstance(loaded, dict):
        raise ScenarioError(label, f"expected a table of keys at the top, got {type_name(loaded)}")
    return loaded


# --- bounding the parsers' work -------------------------------------------------------------------

# The standard library's TOML parser is quadratic in the parts of one dotted key (40,000 parts:
# many seconds) and linear but slow in the number of items. A scenario has a few dozen keys; these
# bounds are far above any real one and keep the worst accepted 1 MiB file well under a second.
MAX_KEY_PARTS = 32
MAX_ITEMS = 10_000  # keys, table headers and list items together
MAX_INTEGER_DIGITS = 100  # longer digit runs are refused before int() is asked to convert them

_TOML_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^\\]|\\[\s\S])*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_TOML_SEGMENT = re.compile(r"[^=,\n\[\]{}]+")
_TOML_DIGITS = re.compile(rf"(?<![\w.:+-])[+-]?[0-9][0-9_]{{{MAX_INTEGER_DIGITS},}}(?![\w.:])")
_TOML_HEADER = re.compile(r"^[ \t]*\[+([^\]\n]*)\]", re.MULTILINE)


def _blank_strings(match: re.Match[str]) -> str:
    """A string or comment as a placeholder of the same line count (so line numbers still hold)."""
    token = match.group()
    if token.startswith("#"):
        return ""
    return '""' + "\n" * token.count("\n")


def toml_shape_problem(text: str) -> tuple[str | None, str] | None:
    """Why TOML ``text`` is refused before parsing, as (field path or None for the file, problem)."""
    bare = _TOML_STRING_OR_COMMENT.sub(_blank_strings, text)
    items = bare.count("=") + bare.count(",") + bare.count("[")
    if items > MAX_ITEMS:
        return None, f"has {items} keys and items; scenario files have at most {MAX_ITEMS}"
    for segment in _TOML_SEGMENT.finditer(bare):
        parts = segment.group().count(".") + 1
        if parts > MAX_KEY_PARTS:
            line = bare.count("\n", 0, segment.start()) + 1
            return None, f"line {line}: a dotted key of {parts} parts; keys have at most {MAX_KEY_PARTS}"
    huge = _TOML_DIGITS.search(bare)
    if huge is not None:
        digits = sum(ch.isdigit() for ch in huge.group())
        return _toml_field_at(bare, huge.start()), f"a {digits}-digit integer is far too large for any field"
    return None


def _toml_field_at(bare: str, position: int) -> str | None:
    """The key path of the value at ``position``: the last table header, then the line's key."""
    line_start = bare.rfind("\n", 0, position) + 1
    key = bare[line_start:position].partition("=")[0].strip()
    headers = list(_TOML_HEADER.finditer(bare, 0, line_start))
    table = headers[-1].group(1).strip() if headers else ""
    if not key or key.startswith('""'):
        return table or None
    return f"{table}.{key}" if table else key


def _json_int(text: str) -> int | HugeInteger:
    digits = len(text.lstrip("-"))
    return HugeInteger(digits) if digits > MAX_INTEGER_DIGITS else int(text)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


# --- validation helpers -------------------------------------------------------------------------
