"""SVG snapshots of the Learn screen's three kinds of step: a question, a concept, the answer, at
80x24 and 120x40. Regenerate only after reading the diff (``--snapshot-update``)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.learn import LearnScreen

SIZES = [(80, 24), (120, 40)]


def _app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), learn=True)


async def _pick(pilot: Pilot[None], words: str) -> None:
    options = pilot.app.screen.query_one("#learn-choices", OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    options.focus()
    await pilot.press("home", *["down"] * next(i for i, label in enumerate(labels) if words in label), "enter")
    await pilot.pause()


async def _second_question(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await _pick(pilot, "app.example.com")


async def _concept(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()


async def _answer(pilot: Pilot[None]) -> None:
    await pilot.pause()
    for words in ("app.example.com", "fetch()", "subdomain", "GET", "No extra", "include", "Allow-Origin: *"):
        await _pick(pilot, words)
    screen = pilot.app.screen
    assert isinstance(screen, LearnScreen)
    for _ in range(100):  # the What if list is worked out once the answer is on screen
        await pilot.pause(0.05)
        if "working it out" not in str(screen.query_one("#learn-what-if", Static).render()):
            break
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_learn_question(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(_app(), terminal_size=size, run_before=_second_question)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_learn_concept(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(_app(), terminal_size=size, run_before=_concept)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_learn_answer(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(_app(), terminal_size=size, run_before=_answer)
