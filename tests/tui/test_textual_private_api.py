"""The one private Textual API the TUI uses, ``Widget._check_refresh`` (tui/repaint.py's
``post_refreshes_now``), pinned: these fail loudly when a Textual upgrade changes it, so that the
keystroke path is re-checked instead of silently losing a frame or doing nothing. Likewise
``Lazy.mount_composed_widgets``, which tui/repaint.py's ``AfterFirstPaint`` replaces."""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import subprocess
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual.app import App, ComposeResult
from textual.content import Content
from textual.lazy import Lazy
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app import OriginPlaygroundApp
from tui.repaint import AfterFirstPaint, ChangedOnlyCompositor, content_height, post_refreshes_now

PINNED_TEXTUAL = "8.2.8"
# sha256 of inspect.getsource(Widget._check_refresh) in Textual 8.2.8.
CHECK_REFRESH_SHA256 = "ad1c8196be9747bff64e8e37a934439fcfd8160ed02c5127660989428d5711a6"
# sha256 of inspect.getsource(Lazy.mount_composed_widgets) in Textual 8.2.8.
LAZY_MOUNT_SHA256 = "e765f2e56823f3a2b6ce7f8136ddcac4ef3a927a51bb039c1748e6f6658ac126"
ROOT = Path(__file__).resolve().parents[2]


def test_textual_is_the_pinned_version() -> None:
    assert version("textual") == PINNED_TEXTUAL, (
        "Textual is not the pinned version: re-check tui/repaint.py's use of Widget._check_refresh, "
        "then update PINNED_TEXTUAL and CHECK_REFRESH_SHA256 here"
    )


def test_check_refresh_is_unchanged() -> None:
    source = inspect.getsource(Widget._check_refresh)
    assert hashlib.sha256(source.encode()).hexdigest() == CHECK_REFRESH_SHA256, (
        "Textual changed Widget._check_refresh: re-read it, re-check tui/repaint.py's "
        "post_refreshes_now (and benchmarks/tui_keystroke.py), then update CHECK_REFRESH_SHA256"
    )


def test_lazy_mount_is_unchanged() -> None:
    source = inspect.getsource(Lazy.mount_composed_widgets)
    assert hashlib.sha256(source.encode()).hexdigest() == LAZY_MOUNT_SHA256, (
        "Textual changed Lazy.mount_composed_widgets: re-read it, re-check tui/repaint.py's "
        "AfterFirstPaint (which replaces it), then update LAZY_MOUNT_SHA256"
    )


def test_only_repaint_uses_it() -> None:
    found = subprocess.run(
        ["grep", "-rln", "--include=*.py", "_check_refresh", str(ROOT / "tui")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    assert [Path(p).relative_to(ROOT).as_posix() for p in found] == ["tui/repaint.py"]


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("before", id="line")


def test_post_refreshes_now_hands_the_pending_repaint_to_the_screen() -> None:
    async def scenario() -> None:
        app = _One()
        async with app.run_test(size=(20, 3)) as pilot:
            await pilot.pause()
            line = app.query_one("#line", Static)
            line.update("after", layout=False)
            assert line._repaint_required
            post_refreshes_now([line])
            assert not line._repaint_required  # posted to the screen now, not at the widget's idle
            await pilot.pause()
            assert "after" in str(line.render())

    asyncio.run(scenario())


class _Later(App[None]):
    def __init__(self, quit_at_once: bool = False) -> None:
        super().__init__()
        self.quit_at_once = quit_at_once

    def compose(self) -> ComposeResult:
        yield Static("first", id="first")
        yield AfterFirstPaint(Static("later", id="later"))

    def on_mount(self) -> None:
        if self.quit_at_once:
            self.exit()


def test_after_first_paint_mounts_its_widget_after_the_first_frame() -> None:
    async def scenario() -> None:
        app = _Later()
        async with app.run_test(size=(20, 3)) as pilot:
            assert not app.query("#later")  # not in the first frame
            await pilot.pause()
            await pilot.pause()
            assert str(app.query_one("#later", Static).render()) == "later"
            assert not app.query(AfterFirstPaint)  # the placeholder is gone

    asyncio.run(scenario())


def test_after_first_paint_into_a_parent_that_is_gone_mounts_nothing() -> None:
    """Before: quitting within the first frames raised MountError from textual.lazy.Lazy (seen as
    a crash report when ctrl+q came before the workbench's lazy tabs were mounted)."""

    async def scenario() -> None:
        app = _Later(quit_at_once=True)
        async with app.run_test(size=(20, 3)) as pilot:
            await pilot.pause()
        assert app.return_code in (0, None)

    asyncio.run(scenario())


# --- the keystroke path (tui/repaint.py, issue 14 "Speed") -------------------------------------------


class _Hidden(App[None]):
    CSS = "#hidden { display: none; height: auto; } #shown { height: auto; }"

    def compose(self) -> ComposeResult:
        yield Static("", id="hidden")
        yield Static("one line", id="shown")


def test_content_height_is_textuals_wrapped_height() -> None:
    async def scenario() -> None:
        app = _Hidden()
        async with app.run_test(size=(30, 5)) as pilot:
            await pilot.pause()
            widget = app.query_one("#shown", Static)
            contents = [
                Content(""),
                Content("short"),
                Content("two\nlines\n"),
                Content.assemble(("✔ wide glyphs ", "bold"), "and a sentence long enough to wrap twice over"),
                Content("a_word_longer_than_the_width_itself_is_folded"),
            ]
            for content in contents:
                for width in (5, 12, 28, 60):
                    assert content_height(widget, content, width) == content.get_height(widget.styles, width)

    asyncio.run(scenario())


def test_typing_a_url_lays_out_nothing_and_posts_no_changed_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each keystroke in the target URL repaints the widgets it changed: no layout of the screen
    (which re-renders every widget), and no Input.Changed bubbling up through the containers.
    Before: the verdict strip, hidden at 120 columns (it is the narrow screen's), asked for a layout
    of the whole screen on every keystroke."""
    recording = False
    layouts: list[str] = []
    changed: list[Message] = []
    original = Widget.refresh

    def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
        if recording and kwargs.get("layout"):
            layouts.append(f"{type(self).__name__}#{self.id}")
        return original(self, *regions, **kwargs)

    def hook(message: Message) -> None:
        if recording and isinstance(message, Input.Changed):
            changed.append(message)

    monkeypatch.setattr(Widget, "refresh", refresh)

    async def scenario() -> None:
        nonlocal recording
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            box = app.query_one("#target-url", Input)
            box.focus()
            box.value = "https://www.a.co"  # an edited draft already (its title says so, and stays)
            box.cursor_position = len(box.value)
            for _ in range(3):  # the cards and lines take their room on the first keys
                await pilot.press("m", "backspace")
            await pilot.pause()
            recording = True
            for key in ("m", "backspace", "m", "backspace"):  # www.a.com <-> www.a.co: verdicts flip
                await pilot.press(key)
                await pilot.pause()
            recording = False
            assert str(app.query_one("#card-dom").render()).startswith("✘")  # www.a.co: blocked
            assert box.value == "https://www.a.co"

    asyncio.run(scenario())
    assert layouts == []
    assert changed == []


# --- the compositor that renders only what a frame changes (tui/repaint.py ChangedOnlyCompositor) ---

# sha256 of inspect.getsource(...) in Textual 8.2.8, for the compositor methods it relies on.
COMPOSITOR_SHA256 = {
    "render_partial_update": "888dccc892d8ecc28bab71d9bf3a2983109bf88252471634214a586416d5dbc5",
    "_get_renders": "8ac93299aa5d3bef43b3924a9d09741de8855d9c4823502bcf304fbd8fd40f17",
    "_render_chops": "ca8c3359d7afd0171bda158ab5b846fec5144539e438de5113d76f11eb357f0f",
    "visible_widgets": "6eddec5f271628f78b940c7d238a1b8b8804d8fc64f16a1c55419cb7a4dac37b",
}


def _compositor_source(name: str) -> str:
    member = inspect.getattr_static(Compositor, name)
    return inspect.getsource(member.fget if isinstance(member, property) else member)


def test_the_compositor_methods_it_relies_on_are_unchanged() -> None:
    for name, digest in COMPOSITOR_SHA256.items():
        assert hashlib.sha256(_compositor_source(name).encode()).hexdigest() == digest, (
            f"Textual changed Compositor.{name}: re-read it, re-check tui/repaint.py's "
            "ChangedOnlyCompositor (a partial update must paint what a full render shows), then "
            "update COMPOSITOR_SHA256"
        )


class _Cells:
    """The terminal as the frames left it: (character, style) per cell, from each update."""

    def __init__(self, width: int, height: int) -> None:
        self.rows: list[list[tuple[str, Any]]] = [[(" ", None)] * width for _ in range(height)]

    def write(self, y: int, x: int, strip: Any, stop: int) -> None:
        row = self.rows[y]
        for segment in strip:
            if segment.control:
                continue
            for char in segment.text:
                if x >= stop or x >= len(row):
                    return
                row[x] = (char, segment.style)
                x += max(cell_len(char), 1)

    def apply(self, update: Any) -> None:
        if isinstance(update, LayoutUpdate):
            for y, line in enumerate(update.strips, update.region.y):
                x = update.region.x
                for strip in line:
                    self.write(y, x, strip, len(self.rows[0]))
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):
            for y, x1, x2 in update.spans:
                for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
                    if strip is not None and x <= x2 and end > x1:
                        # As ChopsUpdate writes it: the chop cut to the span.
                        self.write(y, x, strip.crop(max(x1 - x, 0), min(x2, end) - x), min(end, x2))

    def differences(self, full: list[Any]) -> list[str]:
        expected = _Cells(len(self.rows[0]), len(self.rows))
        for y, strip in enumerate(full):
            expected.write(y, 0, strip, len(self.rows[0]))
        return [
            f"row {y}: shown {''.join(c for c, _ in got)!r}\n       full  {''.join(c for c, _ in want)!r}"
            for y, (got, want) in enumerate(zip(self.rows, expected.rows, strict=True))
            if got != want
        ]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_partial_updates_paint_what_a_full_render_shows(size: tuple[int, int]) -> None:
    """Every frame the workbench paints, applied cell by cell (characters and styles), equals a full
    render of its screen: typing that flips verdicts, a toggle, a focused card, an open "What if"
    list, a scroll, a tab, a theme."""

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=None)
        async with app.run_test(size=size) as pilot:
            cells = _Cells(*size)
            original = app._display

            def display(screen: Any, renderable: Any) -> None:
                original(screen, renderable)
                if renderable is not None and screen is app.screen:
                    cells.apply(renderable)

            app._display = display  # type: ignore[method-assign]
            await pilot.pause()
            app.screen.refresh(layout=True)  # one full frame, then partial ones
            await pilot.pause()

            async def check(what: str) -> None:
                await pilot.pause()
                await pilot.pause(0.05)
                found = cells.differences(app.screen._compositor.render_strips())
                assert not found, f"after {what}:\n" + "\n".join(found[:6])

            assert isinstance(app.screen._compositor, ChangedOnlyCompositor)
            box = app.query_one("#target-url", Input)
            box.focus()
            box.cursor_position = len(box.value)
            await check("focus")
            for key in ("backspace",) * 8 + tuple("a.com/x"):  # www.b.com/account -> www.a.com/x
                await pilot.press(key)
                await check(f"key {key}")
            await pilot.press("f3")
            await pilot.press("right", "space")  # the iframe toggle
            await check("a toggle")
            app.query_one("#card-dom").focus()
            await check("a focused card")
            await pilot.press("w")
            await check("the what-if list")
            app.query_one("#verdicts").scroll_end(animate=False)
            await check("a scroll")
            await pilot.press("f5")
            await check("the Response tab")
            app.theme = "origin-light"
            await check("a theme")

    asyncio.run(scenario())

# --- start-up (startup2) ---------------------------------------------------------------------------
# tui/app.py's _choose_theme sets the theme before the app runs, doing what App._watch_theme does
# less its stylesheet refresh (which parsed every source a second time); that includes the private
# App._refresh_truecolor_filter (the ANSI colours of a light theme). Both are pinned.

# sha256 of inspect.getsource(App._watch_theme) in Textual 8.2.8.
WATCH_THEME_SHA256 = "a6de38d37b42f5816ca3cca0ee184eafb00834059e78d138ca4ff1a8647041dd"
# sha256 of inspect.getsource(App._refresh_truecolor_filter) in Textual 8.2.8.
REFRESH_TRUECOLOR_FILTER_SHA256 = "de78b5ae8901952ab0aadd04be9cd4b17e6386d07a6886d0354630422f1aed55"


def test_watch_theme_and_the_truecolor_filter_are_unchanged() -> None:
    for method, pinned in (
        (App._watch_theme, WATCH_THEME_SHA256),
        (App._refresh_truecolor_filter, REFRESH_TRUECOLOR_FILTER_SHA256),
    ):
        source = inspect.getsource(method)
        assert hashlib.sha256(source.encode()).hexdigest() == pinned, (
            f"Textual changed App.{method.__name__}: re-read App._watch_theme, re-check that "
            "tui/app.py's _choose_theme still does all it does (but the stylesheet refresh), "
            "then update the pinned sha256 here"
        )


def _theme_state(app: App[None]) -> tuple[object, ...]:
    from textual.filter import ANSIToTruecolor

    (ansi,) = [f for f in app._filters if isinstance(f, ANSIToTruecolor)]
    classes = sorted(c for c in app.classes if c.startswith("-theme-") or c.endswith("-mode"))
    return app.theme, classes, dict(app.theme_variables), ansi._terminal_theme, ansi.enabled


def test_a_theme_chosen_at_start_is_the_theme_set_later() -> None:
    """Every theme, chosen before the app runs, leaves the app as setting it on a running app does
    (classes, CSS variables, the ANSI colour mapping: a light theme maps ANSI colours lightly)."""
    from themes import register_themes

    class Names:
        def __init__(self) -> None:
            self.names: list[str] = []

        def register_theme(self, theme: Any) -> None:
            self.names.append(theme.name)

    registry = Names()
    register_themes(registry)
    assert "origin-light" in registry.names

    async def scenario(name: str) -> None:
        started = OriginPlaygroundApp(theme=name, system_copy=None)
        switched = OriginPlaygroundApp(system_copy=None)
        async with started.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            at_start = _theme_state(started)
        async with switched.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            switched.theme = name
            await pilot.pause()
            assert _theme_state(switched) == at_start

    for name in registry.names:
        asyncio.run(scenario(name))
