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
from textual.app import App, ComposeResult
from textual.content import Content
from textual.lazy import Lazy
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app import OriginPlaygroundApp
from tui.repaint import AfterFirstPaint, content_height, post_refreshes_now

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
