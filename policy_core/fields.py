"""The scenario's field checks: each value's type, range and characters, with the one-line error naming its key.

Used by the loader (and by decks, which share its wording for key and type errors).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .errors import ScenarioError, shown
from .headers import Headers, is_token, value_problem


class HugeInteger:
    """A JSON integer too long to convert (``int()`` refuses more than 4,300 digits by design)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits



def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, HugeInteger):
        return f"a {value.digits}-digit integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    if value is None:
        return "null"
    return type(value).__name__


def key_path(path: str, key: str) -> str:
    """``path.key``, the key quoted (escaped) when it is empty or holds a control character."""
    text = str(key)
    if not text or not text.isprintable() or '"' in text:
        text = '"' + repr(text)[1:-1].replace('"', '\\"') + '"'
    return f"{path}.{text}" if path else text


def check_keys(mapping: Mapping[str, Any], allowed: tuple[str, ...], path: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise ScenarioError(key_path(path, key), f"unknown key; expected one of {', '.join(allowed)}")


def mapping(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ScenarioError(path, f"expected a table, got {type_name(value)}")
    return value


def string(value: Any, path: str) -> str:
    """A string that is real Unicode text: a lone surrogate (from a JSON ``\\ud800`` escape or a
    non-UTF-8 byte in an argument) could be neither shown, saved nor sent."""
    if not isinstance(value, str):
        raise ScenarioError(path, f"expected a string, got {type_name(value)}")
    surrogate = _LONE_SURROGATE.search(value)
    if surrogate is not None:
        raise ScenarioError(
            path, f"is not valid Unicode text: a lone surrogate {surrogate.group()!r} at character {surrogate.start()}"
        )
    return value


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
COOKIE_CTL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")  # CTLs but HTAB
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_BLOCK_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def text_line(value: Any, path: str) -> str:
    """A one-line text field (title, cookie domain and path): no control characters but tab.

    NUL, CR, LF and ESC are refused as in header values: they would split a line, end a C string
    or drive a terminal, wherever the text goes next.
    """
    return _without_controls(string(value, path), path, _CONTROL)


def text_block(value: Any, path: str) -> str:
    """Free text over several lines (``notes``): line feeds and tabs, but no other control character."""
    return _without_controls(string(value, path), path, _BLOCK_CONTROL)


def _without_controls(text: str, path: str, pattern: re.Pattern[str]) -> str:
    control = pattern.search(text)
    if control is not None:
        raise ScenarioError(path, f"must not contain the control character {control.group()!r}")
    return text


def boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise ScenarioError(path, f"expected true or false, got {type_name(value)}")
    return value


def integer(value: Any, path: str, low: int, high: int) -> int:
    if isinstance(value, HugeInteger):
        raise ScenarioError(path, f"expected an integer from {low} to {high}, got {type_name(value)}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(path, f"expected an integer, got {type_name(value)}")
    if not low <= value <= high:
        got = str(value) if abs(value) < 10**12 else f"a {len(str(abs(value)))}-digit integer"
        raise ScenarioError(path, f"expected an integer from {low} to {high}, got {got}")
    return value


def choice(value: Any, path: str, choices: tuple[str, ...]) -> str:
    text = string(value, path)
    if text not in choices:
        options = [c if c else '""' for c in choices]
        listed = ", ".join(options[:-1]) + f" or {options[-1]}"
        raise ScenarioError(path, f"expected {listed}, got {shown(text)}")
    return text


def header_list(value: Any, path: str) -> Headers:
    pairs: list[tuple[Any, Any]]
    if isinstance(value, Mapping):
        pairs = list(value.items())
        where = [key_path(path, name) for name in value]
    elif isinstance(value, (list, tuple)):
        pairs = []
        where = []
        for index, item in enumerate(value):
            if not isinstance(item, (list, tuple)) or len(item) != 2:
                raise ScenarioError(f"{path}[{index}]", f"expected a [name, value] pair, got {type_name(item)}")
            pairs.append((item[0], item[1]))
            where.append(f"{path}[{index}]")
    else:
        raise ScenarioError(path, f"expected a list of [name, value] pairs, got {type_name(value)}")
    out: list[tuple[str, str]] = []
    for (name, header_value), at in zip(pairs, where, strict=True):
        name = string(name, f"{at}[0]" if at.endswith("]") else at)
        header_value = string(header_value, f"{at}[1]" if at.endswith("]") else at)
        if not is_token(name):
            raise ScenarioError(f"{at}[0]" if at.endswith("]") else at, f"{shown(name)} is not a valid header name (an HTTP token)")
        problem = value_problem(header_value)
        if problem:
            raise ScenarioError(f"{at}[1]" if at.endswith("]") else at, problem)
        out.append((name, header_value))
    return tuple(out)


def string_list(value: Any, path: str) -> list[str]:
    if not isinstance(value, (list, tuple)):
        raise ScenarioError(path, f"expected a list, got {type_name(value)}")
    return [string(item, f"{path}[{i}]") for i, item in enumerate(value)]


# --- the scenario ------------------------------------------------------------------------------
