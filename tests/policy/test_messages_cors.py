"""The CORS and subresource messages of the catalogue: well-formed templates, and the only source of the
engine's console lines (every line fetch, image and script print is a rendering of a registered wording)."""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

import pytest

import policy_core
from policy_core.messages import CATALOGUE, Wording, cors, subresources

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted([*ROOT.glob("origin_playground/scenarios/*.toml"), *ROOT.glob("tests/scenarios/*/*.toml")])
MESSAGES = (*cors.MESSAGES, *subresources.MESSAGES)
WORDINGS = [(message.key, w) for message in MESSAGES for w in message.wordings]
SUFFIXES = [w.text for key in (cors.SUFFIX_FETCH, cors.SUFFIX_XHR) for w in CATALOGUE[key].wordings]


def _label(item: tuple[str, Wording]) -> str:
    return f"{item[0]}--{item[1].browser}"


@pytest.mark.parametrize("item", WORDINGS, ids=[_label(i) for i in WORDINGS])
def test_fields_are_plain_names(item: tuple[str, Wording]) -> None:
    _, wording = item
    for _literal, name, spec, conversion in string.Formatter().parse(wording.text):
        if name is None:
            continue
        assert name.isidentifier(), name
        assert spec == "" and conversion is None, (name, spec, conversion)


@pytest.mark.parametrize("item", WORDINGS, ids=[_label(i) for i in WORDINGS])
def test_renders_with_sample_values(item: tuple[str, Wording]) -> None:
    key, wording = item
    # A {reason} is itself a catalogued sentence; every other field takes a visible sample.
    values = {name: f"<{name}>" for name in wording.fields if name != "reason"}
    if "reason" in wording.fields:
        values["reason"] = policy_core.messages.render("missing-allow-origin", "chrome")
    text = policy_core.messages.render(key, wording.browser, **values)
    for value in values.values():
        assert value in text
    assert "{" not in text and "}" not in text
    assert _matches(text), text  # a rendering is recognised as one


def test_every_message_is_registered_once_with_a_current_wording() -> None:
    keys = [m.key for m in MESSAGES]
    assert len(keys) == len(set(keys))
    for message in MESSAGES:
        assert message.wordings and all(w.era == "current" for w in message.wordings), message.key
        assert CATALOGUE[message.key] is message


@cache
def _pattern(text: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    parts, names = [], []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append("(.*?)")
            names.append(name)
    return re.compile("".join(parts), re.DOTALL), tuple(names)


def _matches(text: str, depth: int = 0) -> bool:
    """``text`` is a rendering of some registered wording; a ``{reason}`` must itself be one (plus a suffix)."""
    if depth > 3:
        return False
    for _key, wording in WORDINGS:
        pattern, names = _pattern(wording.text)
        found = pattern.fullmatch(text)
        if found is None:
            continue
        reasons = [value for name, value in zip(names, found.groups(), strict=True) if name == "reason"]
        if all(_reason_matches(value, depth + 1) for value in reasons):
            return True
    return False


def _reason_matches(value: str, depth: int) -> bool:
    if _matches(value, depth):
        return True
    return any(value.endswith(s) and _matches(value.removesuffix(s), depth) for s in SUFFIXES)


def _console_lines() -> list[tuple[str, str, str]]:
    out = []
    for path in SCENARIOS:
        report = policy_core.evaluate(policy_core.load_scenario(path))
        for resource in ("fetch", "image", "script"):
            verdict = report.verdict(resource)
            if verdict is None:
                continue
            for browser, line in verdict.console.to_dict().items():
                if line:
                    out.append((f"{path.parent.name}/{path.stem}:{resource}:{browser}", browser, line))
    return out


LINES = _console_lines()


def test_the_scenarios_print_something() -> None:
    assert len(LINES) > 40
    assert {browser for _, browser, _ in LINES} == {"chrome", "firefox", "safari"}


@pytest.mark.parametrize("where,browser,line", LINES, ids=[w for w, _, _ in LINES])
def test_every_console_line_is_a_rendering_of_the_catalogue(where: str, browser: str, line: str) -> None:
    # Safari prints the reason and its frame on two lines; Chrome's network line follows its CORS line;
    # Firefox's "CORS request did not succeed" line follows a failed preflight's.
    for part in line.split("\n"):
        assert _matches(part), part


def test_the_matcher_rejects_text_that_is_not_catalogued() -> None:
    assert not _matches("Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: made up reason.")
    assert not _matches("Something no browser prints")
