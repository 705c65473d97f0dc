"""Try hard to lose work (issue 14): random typing, one-line pastes and terminal resizes in every
editor field; not a character may be lost, and the draft must say what the field says.

Bounded and seeded: the seed is printed and named in every failure; replay one with
``TUI_FUZZ_SEED=<n>``, type more with ``TUI_EDITOR_FUZZ_CHARS=<per field>``."""

from __future__ import annotations

import asyncio
import os
import random

import pytest
from textual import events
from textual.widgets import Input, TextArea

from origin_playground.deck import shipped_decks
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.talk import TalkScreen
from tui.widgets.cookie_editor import line_text

CHARS = int(os.environ.get("TUI_EDITOR_FUZZ_CHARS", "24"))
SIZES = [(80, 24), (120, 40), (100, 30), (60, 20)]
TEXT = "abcXYZ019-_.~!$&'*+^`|"  # header-name characters, and more
# Pilot drops a key whose name is a word ("€" is euro_sign): such characters come as pastes.
LOOSE = TEXT + " :/;=,\"()[]{}?#@%<>é"
# A one-line paste that is no header line: it is text in the field, as typed.
PLAIN_PASTES = ["plain", "x-y", "[bold]m[/]", "é€"]

# (pane key, field id, what may be typed, the draft's view of the field)
FIELDS = [
    ("f4", "#request-method", TEXT, lambda d: d.request["method"]),
    ("f4", "#request-headers-name", LOOSE.replace(":", ""), None),
    ("f4", "#request-headers-value", LOOSE, None),
    ("f5", "#response-headers-value", LOOSE, None),
    ("f6", "#cookie-line", LOOSE, lambda d: (d.cookie or {}).get("set_cookie")),
    ("f6", "#cookie-name", TEXT, lambda d: (d.cookie or {}).get("name")),
    ("f6", "#cookie-domain", TEXT, lambda d: (d.cookie or {}).get("domain")),
]


def _seed() -> int:
    return int(os.environ.get("TUI_FUZZ_SEED") or random.SystemRandom().randrange(2**32))


@pytest.mark.parametrize(("pane", "field", "alphabet", "draft_view"), FIELDS, ids=[f[1] for f in FIELDS])
def test_typing_pasting_and_resizing_never_lose_a_character(pane, field, alphabet, draft_view) -> None:
    seed = _seed()
    rng = random.Random(seed)
    print(f"editor fuzz {field}: seed {seed}")

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press(pane)
            await pilot.pause()
            await pilot.pause()
            widget = app.screen.query_one(field, Input)
            widget.focus()
            widget.value = ""
            await pilot.pause()
            expected = ""
            for _ in range(CHARS):
                roll = rng.random()
                if roll < 0.1:
                    await pilot.resize_terminal(*rng.choice(SIZES))
                    widget.focus()  # a resize may move the pane; the field keeps its text
                elif roll < 0.2:
                    text = rng.choice(PLAIN_PASTES)
                    app.post_message(events.Paste(text))
                    expected += text
                else:
                    char = rng.choice(alphabet)
                    await pilot.press(char if char != " " else "space")
                    expected += char
                await pilot.pause()
                assert widget.value == expected, f"seed {seed}: {widget.value!r} != {expected!r}"
            if draft_view is not None:
                shown = draft_view(app.session.draft)
                wanted = line_text(expected) if field == "#cookie-line" else expected.strip()
                if shown is not None or wanted:
                    assert shown == wanted, f"seed {seed}: the draft says {shown!r}, the field {expected!r}"

    asyncio.run(scenario())


def test_the_talk_editor_survives_typing_resizing_and_undo() -> None:
    seed = _seed()
    rng = random.Random(seed)
    print(f"talk editor fuzz: seed {seed}")

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), talk_path=shipped_decks()[0])
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("pagedown", "e")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TalkScreen)
            editor = screen.query_one("#talk-editor", TextArea)
            original = editor.text
            editor.move_cursor(editor.document.end)
            await pilot.press("enter", "#", "space")
            typed = "\n# "
            for _ in range(CHARS):
                if rng.random() < 0.15:
                    await pilot.resize_terminal(*rng.choice(SIZES))
                else:
                    char = rng.choice(LOOSE)
                    await pilot.press(char if char != " " else "space")
                    typed += char
                await pilot.pause()
                assert editor.text == original + typed, f"seed {seed}"
            # A comment changes nothing: the slide's verdicts are the deck's.
            assert screen.evaluation is not None and screen.evaluation.error is None
            for _ in range(CHARS + 5):
                await pilot.press("ctrl+z")
            await pilot.pause()
            assert editor.text == original, f"seed {seed}: undo did not come back to the slide"
            assert screen.evaluation.error is None

    asyncio.run(scenario())
