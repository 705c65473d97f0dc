"""The catalogue's messages of documents and cookies, and the console lines dom, iframe and cookie print.

Every wording is a template explain can compile (plain ``{name}`` fields, no format specs), it
renders, and every console line the three verdicts print, over the scenario catalogue and a sweep
of generated scenarios, is a rendering of a registered wording. No engine file of the three
verdicts types a browser sentence itself.
"""

from __future__ import annotations

import re
import string
import tokenize
from functools import cache
from pathlib import Path

import pytest

import policy_core
from policy_core.messages import CATALOGUE, CHROME, Failure, Message, Wording, render
from policy_core.messages.cookies import CHROME_EXCLUSIONS, DOCUMENT_COOKIE, chrome_names, devtools_reason
from policy_core.messages.documents import SECURITY_ERROR, WINDOW_PROPERTY
from policy_core.mixed_content import chrome_blocked_message

from .document_sweep import evaluated

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT_KEYS = (
    Failure.CROSS_ORIGIN_FRAME_ACCESS,
    Failure.SANDBOXED_FRAME_ACCESS,
    Failure.X_FRAME_OPTIONS,
    Failure.X_FRAME_OPTIONS_CONFLICT,
    Failure.X_FRAME_OPTIONS_INVALID,
    Failure.FRAME_ANCESTORS,
    SECURITY_ERROR,
    WINDOW_PROPERTY,
)
COOKIE_KEYS = (DOCUMENT_COOKIE, Failure.DOCUMENT_COOKIE_SANDBOXED, Failure.DOCUMENT_COOKIE_DATA_URL)
OWN_MESSAGES = [CATALOGUE[key] for key in (*DOCUMENT_KEYS, *COOKIE_KEYS)]
OWN_WORDINGS = [(m, w) for m in OWN_MESSAGES for w in m.wordings]
ENGINE_FILES = [
    ROOT / "policy_core" / "resources" / "dom.py",
    *sorted((ROOT / "policy_core" / "resources" / "iframe").glob("*.py")),
    *sorted((ROOT / "policy_core" / "resources" / "cookie").glob("*.py")),
    *(ROOT / "policy_core" / name for name in ("cookies.py", "setcookie.py", "framing.py", "context.py")),
]


def _ids(pairs: list[tuple[Message, Wording]]) -> list[str]:
    return [f"{m.key}-{w.browser}-{w.era}" for m, w in pairs]


@pytest.mark.parametrize(("message", "wording"), OWN_WORDINGS, ids=_ids(OWN_WORDINGS))
def test_wording_fields_are_plain_names(message: Message, wording: Wording) -> None:
    for _, name, spec, conversion in string.Formatter().parse(wording.text):
        if name is None:
            continue
        assert re.fullmatch(r"[a-z][a-z_]*", name), f"{message.key}: field {name!r} is not a plain name"
        assert not spec and conversion is None, f"{message.key}: {{{name}}} has a format spec or conversion"


@pytest.mark.parametrize(("message", "wording"), OWN_WORDINGS, ids=_ids(OWN_WORDINGS))
def test_wording_renders_its_fields(message: Message, wording: Wording) -> None:
    values = {name: f"<{name}>" for name in wording.fields}
    text = wording.render(**values)
    assert all(f"<{name}>" in text for name in wording.fields)
    assert "{" not in text and "}" not in text
    if wording.era == "current":
        assert render(message.key, wording.browser, **values) == text


def test_every_key_is_registered_once_and_failure_keys_are_failure_codes() -> None:
    keys = [m.key for m in OWN_MESSAGES]
    assert len(keys) == len(set(keys))
    for key in keys:
        # A failure's key is its code; a surrounding sentence has a dotted "frame." key.
        assert key in set(Failure) or key.startswith("frame."), key


def _pattern(text: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append("(?P<reason>.+)" if name == "reason" else "(.*?)")  # a field may be empty (Chrome's "404 ()")
    return re.compile("".join(parts), re.DOTALL)


ALL_PATTERNS = [(_pattern(w.text), w) for m in CATALOGUE.messages() for w in m.wordings]


def is_rendering(line: str, browser: str) -> bool:
    """Whether ``line`` is one of ``browser``'s registered wordings with its fields filled in."""
    for pattern, wording in ALL_PATTERNS:
        if wording.browser != browser:
            continue
        match = pattern.fullmatch(line)
        if match is None:
            continue
        if "reason" not in wording.fields or is_rendering(match.group("reason"), browser):
            return True
    return False


def test_is_rendering_rejects_a_typed_sentence() -> None:
    assert is_rendering(render(Failure.X_FRAME_OPTIONS, CHROME, url="https://w.example/", disposition="deny"), CHROME)
    assert not is_rendering("Refused to display 'https://w.example/' in a frame, sorry.", CHROME)
    framed = render(DOCUMENT_COOKIE, CHROME, reason="The document is not a document.")
    assert not is_rendering(framed, CHROME)  # the frame fits, its reason is no registered wording


@cache
def _console_lines() -> list[tuple[str, str, str, policy_core.Scenario]]:
    """(resource, browser, line, scenario) for every console line dom, iframe and cookie print."""
    lines = []
    for scenario, report in evaluated():
        for resource in ("dom", "iframe", "cookie"):
            verdict = report.verdict(resource)
            if verdict is None:
                continue
            for browser, text in verdict.console.to_dict().items():
                for line in text.split("\n") if text else ():
                    lines.append((resource, browser, line, scenario))
    return lines


def _mixed_content_lines(scenario: policy_core.Scenario) -> set[str]:
    # The fetch area's sentence (mixed_content.chrome_blocked_message), which the iframe verdict quotes.
    chain = [scenario.target, *(r.location for r in scenario.redirects)]
    return {chrome_blocked_message(scenario.page, url, "frame") for url in chain}


def test_every_console_line_is_a_registered_wording() -> None:
    lines = _console_lines()
    assert {(r, b) for r, b, _, _ in lines} >= {
        ("dom", "chrome"), ("dom", "firefox"), ("dom", "safari"), ("iframe", "chrome"), ("cookie", "chrome"),
    }
    strays = sorted({
        (resource, browser, line)
        for resource, browser, line, scenario in lines
        if not is_rendering(line, browser)
        and not (resource == "iframe" and line in _mixed_content_lines(scenario))
    })
    assert not strays, strays[:5]


def _longest_literal(text: str) -> str:
    return max((literal for literal, _, _, _ in string.Formatter().parse(text)), key=len)


def _string_text(path: Path) -> str:
    """The file's string literals, adjacent ones joined (a sentence is often split over lines)."""
    pieces: list[str] = []
    joined: list[str] = []
    with path.open() as file:
        for token in tokenize.generate_tokens(file.readline):
            if token.type == tokenize.STRING:
                body = token.string.lstrip("rbfuRBFU")
                quote = body[:3] if body[:3] in ('"""', "'''") else body[0]
                joined.append(body[len(quote) : -len(quote)])
            elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT):
                if joined:
                    pieces.append("".join(joined))
                    joined = []
    pieces.append("".join(joined))
    return "\n".join(pieces)


def test_string_text_joins_split_literals(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text('x = (\n    "Refused to "\n    f"display {y}."\n)\n')
    assert "Refused to display {y}." in _string_text(source)


@pytest.mark.parametrize(("message", "wording"), OWN_WORDINGS, ids=_ids(OWN_WORDINGS))
def test_no_engine_file_types_the_sentence(message: Message, wording: Wording) -> None:
    literal = _longest_literal(wording.text).strip()
    if len(literal) < 12:
        return  # a frame such as "SecurityError: {reason}" has no telling text of its own
    for path in ENGINE_FILES:
        assert literal not in _string_text(path), f"{path.name} types {message.key}'s sentence: {literal!r}"


def test_chrome_exclusion_names() -> None:
    assert chrome_names(Failure.COOKIE_SECURE_ONLY) == "EXCLUDE_SECURE_ONLY, DevTools reason SecureOnly"
    assert chrome_names(Failure.COOKIE_DOMAIN_MISMATCH) == "EXCLUDE_DOMAIN_MISMATCH"
    assert devtools_reason(Failure.COOKIE_SAMESITE_LAX, schemeful=True) == "SchemefulSameSiteLax"
    with pytest.raises(KeyError):
        devtools_reason(Failure.COOKIE_INVALID_PARTITIONED)
    assert all(name.status.startswith("EXCLUDE_") for name in CHROME_EXCLUSIONS.values())
    assert all(code.value.startswith("cookie-") for code in CHROME_EXCLUSIONS)
