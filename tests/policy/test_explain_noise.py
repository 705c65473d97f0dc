"""Issue 12's property: console noise around a message never changes what explain recognises.

Every example of ``KNOWN_MESSAGES`` (one per catalogue wording explain knows, rendered from its template)
is wrapped in the kinds of noise real pastes carry: console prefixes and locations, timestamps, ``[Error]``
and ``Uncaught (in promise)``, Chrome's ``GET … net::ERR_FAILED`` line, stack lines, markdown (fences,
backticks, ``**``, ``>`` quotes), HTML entities, line wraps inside the message and a sentence of the
user's own. The first message recognised must keep its code, URL, origin, quoted value and language.
"""

from __future__ import annotations

import html
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_core.explain import KNOWN_MESSAGES, recognise, recognise_all
from policy_core.explain.normalise import normalise

MESSAGES = [message for _, _, message in KNOWN_MESSAGES]

BEFORE = st.sampled_from(
    [
        "",
        "index.html:1 ",
        "main.js:12:7 ",
        "(index):1 ",
        "VM17687:1 ",
        "2023-05-11 11:27:55.251 ",
        "[Error] ",
        "Uncaught (in promise) ",
        "> ",
        "```\n",
        "```text\n",
        "**",
        "`",
        "I'm getting this error:\n",
        "GET https://cdn.example.net/app.js 404 (Not Found)\n",
    ]
)
AFTER = st.sampled_from(
    [
        "",
        "\nnet::ERR_FAILED",
        "\nGET https://api.example.com/v1/items net::ERR_FAILED 200",
        "\n    at fetch (app.js:3:9)\n    at HTMLButtonElement.onclick ((index):57:176)",
        "\n```",
        "**",
        "`",
        " index.js:18646",
        "\n\nAny idea what I'm doing wrong? Thanks!",
    ]
)


def _key(text: str) -> tuple[object, ...] | None:
    rec = recognise(text)
    return None if rec is None else (rec.reason, rec.url, rec.origin, rec.hint, rec.language)


def _wrap(message: str, data: st.DataObject) -> str:
    """The message with a line wrap at a space inside it (pastes wrap), maybe indented."""
    spaces = [i for i, c in enumerate(message) if c == " "]
    if spaces and data.draw(st.booleans()):
        at = data.draw(st.sampled_from(spaces))
        message = message[:at] + data.draw(st.sampled_from(["\n", "\n  ", "\r\n", "\t"])) + message[at + 1 :]
    return message


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MESSAGES), BEFORE, AFTER, st.data())
def test_noise_around_a_message_never_changes_what_is_recognised(
    message: str, before: str, after: str, data: st.DataObject
) -> None:
    expected = _key(message)
    assert expected is not None, message
    noisy = before + _wrap(message, data) + after
    if data.draw(st.booleans()):
        noisy = html.escape(noisy)  # a web page's entities: &#x27; &quot; &gt;
    assert _key(noisy) == expected, noisy


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(MESSAGES), min_size=2, max_size=4, unique=True), AFTER)
def test_each_message_of_a_paste_is_found(messages: list[str], after: str) -> None:
    """Several messages in one paste: every one is listed (a message is never swallowed by another)."""
    paste = "\n".join(messages) + after
    found = recognise_all(paste)
    for message in messages:
        if any(message != other and normalise(message) in normalise(other) for other in messages):
            continue  # the same sentence inside a longer message of the paste: listed once
        rec = recognise(message)
        assert rec is not None
        # IE's SEC7120-SEC7123 take the URL of the SEC7118 notice of the same paste.
        assert any(
            (f.reason, f.origin, f.hint) == (rec.reason, rec.origin, rec.hint) and rec.url in (None, f.url)
            for f in found
        ), (message, found)


def test_a_megabyte_paste_with_messages_and_noise_answers_well_under_a_second() -> None:
    """Bounded input (the first 20 000 characters) and bounded patterns: a long paste stays fast."""
    paste = ("index.js:1 " + "\n".join(MESSAGES[:30]) + "\n    at x (a.js:1:1)\n") * 200
    paste = (paste + "a" * 1_048_576)[:1_048_576]
    start = time.perf_counter()
    found = recognise_all(paste)
    assert time.perf_counter() - start < 0.5
    assert found  # the messages at the start are still found
