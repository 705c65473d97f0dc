"""The Learn screen: walking the guided flow by keyboard to a verdict, Back, typed and pasted
answers, "Open in the workbench", the first-start offer, the key and the palette entry."""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.theme import Theme
from textual.widgets import Input, OptionList, Static, TextArea

from policy_core.learn import plain_answer, wanted
from tests.tui.conftest import RecordingClipboard
from themes import register_themes
from tui import config as user_config
from tui.app import OriginPlaygroundApp
from tui.commands import ACTIONS
from tui.screens.confirm_quit import UnsavedChanges
from tui.screens.learn import ANSWER, LearnOffer, LearnScreen

SIZE = (120, 40)


def learn_app(theme: str | None = None) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), learn=True, theme=theme)


def shown(screen: LearnScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def pick(pilot: Pilot[None], words: str) -> None:
    """Choose the example whose label holds ``words``, with the arrow keys and Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, LearnScreen)
    options = screen.query_one("#learn-choices", OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, label in enumerate(labels) if words in label)
    options.focus()
    await pilot.press("home", *["down"] * index, "enter")
    await pilot.pause()


async def type_answer(pilot: Pilot[None], text: str) -> None:
    free = pilot.app.screen.query_one("#learn-free", Input)
    free.focus()
    free.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()


def step(app: OriginPlaygroundApp) -> str:
    screen = app.screen
    assert isinstance(screen, LearnScreen)
    return screen.progress.step


# (want, [(question, label words or ("type", text))...], capabilities, a sentence of the plain answer)
WALKS = [
    ("fetch", [("page", "app.example.com"), ("want", "fetch()"), ("target", "subdomain"), ("method", "GET"),
               ("headers", "No extra"), ("credentials", "The default"), ("server", "no CORS headers")],
     {"send": True, "read": False}, "What does not: page script reads the response."),
    ("iframe", [("page", "www.a.com"), ("want", "frame"), ("target", "widget.example.net"),
                ("framing", "DENY")],
     {"embed": False, "script_access": False}, "Why: X-Frame-Options: DENY"),
    ("image", [("page", "localhost"), ("want", "image"), ("target", "CDN"), ("pixels", "reads the pixels"),
               ("crossorigin", "anonymous"), ("server", "Allow-Origin: *")],
     {"display": True, "read_pixels": True}, "Yes: your page can do what it wants here."),
    ("script", [("page", "app.example.com"), ("want", "script"), ("target", "third-party"),
                ("crossorigin", "No crossorigin"), ("server", "no CORS headers")],
     {"execute": True, "read_errors": False}, "What works: the script runs."),
    ("cookie", [("page", "bad-site.com"), ("want", "cookie"), ("target", "bank"), ("set_cookie", "SameSite=Lax"),
                ("via", "form on the page")],
     {"stored": True, "sent": False, "script_read": False}, "Why: SameSite=Lax: not sent on this cross-site request"),
    ("dom", [("page", "www.a.com"), ("want", "DOM"), ("target", ("type", "https://www.a.com:8443/admin"))],
     {"access": False}, "They differ in port"),
]


@pytest.mark.parametrize(("want", "answers", "can", "sentence"), WALKS, ids=[w[0] for w in WALKS])
def test_each_resource_type_walks_to_a_right_verdict(
    want: str, answers: list[tuple[str, Any]], can: dict[str, bool], sentence: str
) -> None:
    async def scenario() -> None:
        app = learn_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for question, answer in answers:
                assert step(app) == question
                if isinstance(answer, tuple):
                    await type_answer(pilot, answer[1])
                else:
                    await pick(pilot, answer)
            assert step(app) == ANSWER
            screen = app.screen
            assert isinstance(screen, LearnScreen) and screen.report is not None
            verdict = screen.report.verdict(want)
            assert verdict is not None and dict(verdict.can) == can
            plain = shown(screen, "#learn-plain")
            assert sentence in plain
            resource, capabilities = wanted(screen.progress.answers)
            assert plain.splitlines()[0] == plain_answer(screen.report, resource, capabilities)[0]
            console = shown(screen, "#learn-console")
            assert (verdict.console.chrome or "nothing printed") in console
            for _ in range(50):  # the What if list is worked out after the answer is painted
                await pilot.pause(0.05)
                if "working it out" not in shown(screen, "#learn-what-if"):
                    break
            what_if = shown(screen, "#learn-what-if")
            assert what_if.startswith("What if") and "working it out" not in what_if

    asyncio.run(scenario())


def test_open_in_the_workbench_carries_every_answer() -> None:
    async def scenario() -> None:
        app = learn_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_answer(pilot, "https://shop.example/cart")
            await pick(pilot, "fetch()")
            await type_answer(pilot, "https://api.shop.example/orders")
            await pick(pilot, "PUT")
            await pick(pilot, "JSON")
            await type_answer(pilot, "X-Trace: 42")
            await pick(pilot, "include")
            assert step(app) == "server"
            paste = app.screen.query_one("#learn-paste", TextArea)
            paste.text = ("HTTP/1.1 201 Created\nAccess-Control-Allow-Origin: https://shop.example\n"
                          "Access-Control-Allow-Credentials: true\n")
            app.screen.query_one("#learn-use-paste").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert step(app) == "preflight"
            await pick(pilot, "404")
            assert step(app) == ANSWER
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert not isinstance(app.screen, LearnScreen)
            draft = app.session.draft
            assert (draft.page, draft.target) == ("https://shop.example/cart", "https://api.shop.example/orders")
            assert draft.resources == ["fetch"]
            assert draft.request["method"] == "PUT" and draft.request["credentials"] == "include"
            assert draft.request_headers == [("Content-Type", "application/json"), ("X-Trace", "42")]
            assert draft.response.status == 201
            assert draft.response.headers == [("Access-Control-Allow-Origin", "https://shop.example"),
                                              ("Access-Control-Allow-Credentials", "true")]
            assert draft.preflight.status == 404
            assert app.session.source_name.startswith("Learn: ")
            # ... and the workbench comes back to the flow where the learner left it.
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert isinstance(app.screen, LearnScreen) and step(app) == ANSWER

    asyncio.run(scenario())


def test_open_in_the_workbench_mid_way_asks_before_dropping_unsaved_changes() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.session.edit(target="https://unsaved.example/")
            await pilot.press("ctrl+f")
            await pilot.pause()
            await pick(pilot, "localhost")
            await pick(pilot, "DOM")
            await pilot.press("ctrl+g")  # the target is not answered yet: its first example
            await pilot.pause()
            assert isinstance(app.screen, UnsavedChanges)
            app.screen.dismiss("discard")
            await pilot.pause()
            assert app.session.draft.page == "http://localhost:3000/"
            assert app.session.draft.resources == ["dom"]

    asyncio.run(scenario())


def test_back_returns_to_the_previous_question_with_its_answer_kept() -> None:
    async def scenario() -> None:
        app = learn_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pick(pilot, "localhost")
            await pick(pilot, "image")
            assert step(app) == "target"
            await pilot.press("escape")
            await pilot.pause()
            assert step(app) == "want"
            options = app.screen.query_one("#learn-choices", OptionList)
            assert "image" in str(options.get_option_at_index(options.highlighted or 0).prompt)
            await pick(pilot, "DOM")  # a changed answer walks forward again
            assert step(app) == "target"
            await pilot.press("escape", "escape", "escape")  # want, page, then out of the flow
            await pilot.pause()
            assert not isinstance(app.screen, LearnScreen)

    asyncio.run(scenario())


def test_a_bad_typed_answer_is_one_line_naming_the_field_and_the_step_stays() -> None:
    async def scenario() -> None:
        app = learn_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_answer(pilot, "[b]app.example.com")
            assert step(app) == "page"
            assert isinstance(app.screen, LearnScreen)
            error = shown(app.screen, "#learn-error")
            assert error.startswith("✘ page:") and "[b]app.example.com" in error and "\n" not in error

    asyncio.run(scenario())


def test_a_concept_screen_shows_its_text_and_opens_its_library_example() -> None:
    async def scenario() -> None:
        app = learn_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LearnScreen)
            text = shown(screen, "#learn-concept-text")
            assert text.startswith("What is an origin?") and "Example: " in text
            await pilot.press("escape")
            await pilot.pause()
            assert screen.concept is None and step(app) == "page"
            await pilot.press("f2")
            await pilot.pause()
            screen.query_one("#learn-concept-example").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, LearnScreen)
            assert app.session.draft.target == "https://example.com:8443/"

    asyncio.run(scenario())


def test_first_start_offers_the_tour_once(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"

    async def first() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), config_path=config)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LearnOffer)
            await pilot.press("enter")  # the tour is the focused choice
            await pilot.pause()
            assert isinstance(app.screen, LearnScreen)
        assert config.exists()
        assert user_config.load_config(config).config.theme is None

    async def second() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), config_path=config)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert not isinstance(app.screen, (LearnOffer, LearnScreen))

    asyncio.run(first())
    asyncio.run(second())


def test_declining_the_offer_opens_the_workbench(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(), config_path=tmp_path / "c.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is app.workbench

    asyncio.run(scenario())


def test_the_answer_step_works_in_every_theme() -> None:
    class Names:
        def __init__(self) -> None:
            self.names: list[str] = []

        def register_theme(self, theme: Theme) -> None:
            self.names.append(theme.name)

    registry = Names()
    register_themes(registry)
    assert len(registry.names) >= 4

    async def scenario(theme: str) -> None:
        app = learn_app(theme=theme)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for words in ("app.example.com", "image", "CDN", "only shows", "No crossorigin", "no CORS"):
                await pick(pilot, words)
            assert step(app) == ANSWER and app.theme == theme

    for name in registry.names:
        asyncio.run(scenario(name))


def test_the_palette_and_the_key_open_the_flow() -> None:
    assert ("learn" in {action for _title, _help, action in ACTIONS})

    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert isinstance(app.screen, LearnScreen)
            await pilot.press("ctrl+f")  # already open: no second one
            await pilot.pause()
            assert sum(isinstance(s, LearnScreen) for s in app.screen_stack) == 1

    asyncio.run(scenario())


def test_learn_without_a_terminal_is_one_line() -> None:
    env = {name: value for name, value in os.environ.items() if name != "TEXTUAL_DRIVER"}
    result = subprocess.run([sys.executable, "-m", "origin_playground", "learn"], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60, env=env)
    assert result.returncode == 2
    assert result.stderr.strip() == "origin-playground learn: the guided flow needs a terminal"


LEARN_KEYS = ["up", "down", "home", "end", "enter", "enter", "tab", "shift+tab", "escape", "f2", "ctrl+g",
              "ctrl+f", "pagedown", "pageup", "space", "backspace", "a", "/", ":", "[", "]"]
LEARN_PASTES = ["[bold red]not markup[/]", "\x1b]0;PWNED\x07", "HTTP/1.1 204 No Content\nVary: Origin\nnot a header",
                "https://www.a.com:8443/?q=[b]x[/b]", "X-Trace: 1", "sid=1; SameSite=None", "x" * 5_000]


def test_random_keys_and_pastes_in_the_flow_never_crash_the_app() -> None:
    seed = random.SystemRandom().randrange(2**32)
    print(f"learn fuzz seed: {seed}")
    rng = random.Random(seed)

    async def scenario() -> None:
        app = learn_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for _ in range(80):
                if not app.is_running:
                    break
                if rng.random() < 0.85:
                    await pilot.press(rng.choice(LEARN_KEYS))
                else:
                    app.post_message(events.Paste(rng.choice(LEARN_PASTES)))
                    await pilot.pause()
                if not any(isinstance(s, LearnScreen) for s in app.screen_stack) and rng.random() < 0.5:
                    await pilot.press("ctrl+f")  # back into the flow, where it was left
            await pilot.pause()
        assert app.return_code in (None, 0)

    asyncio.run(scenario())
