"""UrlInput skips the layout pass a stock Input asks for on every key; it must behave the same.

Same keys, same pastes, same values set from code: value, cursor, selection, scroll and the
painted line must match a stock Input's at every point.
"""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input

from tui.widgets.url_pane import UrlInput


class _Host(App[None]):
    CSS = "Horizontal { height: 1; } Input { width: 1fr; height: 1; border: none; padding: 0; }"

    def __init__(self, input_class: type[Input]) -> None:
        super().__init__()
        self.input_class = input_class

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield self.input_class(id="url", select_on_focus=False)


async def _states(input_class: type[Input]) -> list[tuple[object, ...]]:
    app = _Host(input_class)
    states: list[tuple[object, ...]] = []
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one("#url", Input)
        field.focus()
        await pilot.pause()

        def record(label: str) -> None:
            app.screen._compositor.render_update(full=True)
            states.append((label, field.value, field.cursor_position, tuple(field.selection), field.scroll_x,
                           str(field.render_line(0).text)))

        await pilot.press(*"https://www.example.com/a/very/long/path/that/scrolls")
        record("typed")
        await pilot.press("home")
        record("home")
        await pilot.press("end")
        record("end")
        for _ in range(30):
            await pilot.press("backspace")
        record("shrunk")
        await pilot.press("shift+left", "shift+left", "shift+left")
        record("selected")
        field.insert_text_at_cursor("PASTED/and/more/text/to/scroll/again")
        await pilot.pause()
        record("pasted")
        await pilot.press("home", "shift+end", "backspace")
        record("cleared")
        field.value = "https://x.com/" + "z" * 60
        field.cursor_position = len(field.value)
        await pilot.pause()
        record("set long")
        field.value = "ab"
        await pilot.pause()
        record("set short")
    return states


def test_url_input_behaves_like_a_stock_input() -> None:
    stock = asyncio.run(_states(Input))
    ours = asyncio.run(_states(UrlInput))
    assert len(stock) == len(ours) == 9
    for expected, actual in zip(stock, ours, strict=True):
        assert actual == expected
