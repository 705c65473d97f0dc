"""Verify in a real browser: the engine's verdict beside what a headless browser did (issue 11 §2).

Nothing starts until the user picks a browser (it starts that browser and a loopback server). The
harness runs in a thread worker, so the UI never waits on it. The lines shown are the CLI's own
(origin_playground/commands/verify.py's ``verification_lines``). Esc while it runs asks the worker
to stop: the screen stays, saying so, until the browser and the server are closed, then closes, so
neither ever outlives the screen.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

import policy_core
from origin_playground.commands.verify import (
    Player,
    Verification,
    harness_problem,
    play_report,
    verification_lines,
)
from origin_playground.glyphs import NO, YES, literal

BROWSER_NAMES = {"chromium": "Chromium", "firefox": "Firefox"}
INTRO = (
    "Plays this scenario in a headless browser against a loopback HTTPS server on this machine "
    "(the scenario's hosts are mapped to 127.0.0.1; nothing leaves the machine)."
)

OpenPlayer = Callable[[str], AbstractContextManager[Player]]


def open_harness(browser: str) -> AbstractContextManager[Player]:
    """The real thing: one browser and one server, closed when the block ends."""
    from origin_playground.browser.session import Harness

    return Harness(browser)


def result_text(lines: list[str]) -> Text:
    """The CLI's lines, literal, with each resource's agree/DIFFER line and each differing row marked."""
    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        style = ""
        if line.endswith(": agree") and not line.startswith(" "):
            style = "bold green"
        elif line.endswith(": DIFFER") or line.endswith("<- differs") or line.startswith("  differs: "):
            style = "bold red"
        elif not line.startswith(" ") and "cannot be played on loopback" in line:
            style = "bold yellow"
        text.append(line, style=style)
    return text


class VerifyScreen(ModalScreen[None]):
    CSS_PATH = "verify_screen.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="close-verify")]

    def __init__(
        self,
        scenario: policy_core.Scenario,
        report: policy_core.Report,
        name: str,
        *,
        open_player: OpenPlayer | None = None,
        problem: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.report = report
        self.scenario_name = name
        self._open_player = open_player or open_harness
        self._problem = problem or harness_problem
        self._cancel = threading.Event()
        self.running = False  # a worker holds (or is starting) a browser
        self._close_when_done = False  # Esc while running: close once the browser is shut
        self.verification: Verification | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog verify-dialog"):
            yield Label(f"Verify in a real browser: {literal(self.scenario_name)}", classes="dialog-title",
                        markup=False)
            yield Static(INTRO, classes="dialog-hint", markup=False)
            with VerticalScroll(id="verify-result-box"):
                yield Static("", id="verify-result", markup=False)
            yield Static("Pick a browser to start it.", id="verify-status", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start Chromium", id="verify-chromium", variant="warning", compact=True)
                yield Button("Start Firefox", id="verify-firefox", compact=True)
                yield Button("Close", id="verify-close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#verify-close", Button).focus()  # Enter alone never starts a browser

    def on_unmount(self) -> None:
        self._cancel.set()  # the app is closing under a run: stop before the next resource

    def _status(self, text: str) -> None:
        self.query_one("#verify-status", Static).update(Text(literal(text)))

    def _set_buttons(self, enabled: bool) -> None:
        for browser in BROWSER_NAMES:
            self.query_one(f"#verify-{browser}", Button).disabled = not enabled

    @on(Button.Pressed, "#verify-chromium, #verify-firefox")
    def _start(self, event: Button.Pressed) -> None:
        if self.running:
            return
        browser = (event.button.id or "").removeprefix("verify-")
        self.running = True
        self._cancel.clear()
        self._set_buttons(False)
        self.query_one("#verify-result", Static).update("")
        self._status(f"Starting {BROWSER_NAMES[browser]}…")
        self._verify(browser)

    @work(exclusive=True, group="verify")
    async def _verify(self, browser: str) -> None:
        """The harness runs in a thread (it blocks); this waits for it on the UI's loop."""
        loop = asyncio.get_running_loop()

        def playing(resource: str) -> None:
            loop.call_soon_threadsafe(self._playing, browser, resource)

        verification, problem = await asyncio.to_thread(self._play, browser, playing)
        # The thread has returned: the browser and the server are closed. A message, so that
        # closing the screen happens in its own handler (not in this worker, which it awaits).
        self.post_message(self.Finished(verification, problem))

    def _play(self, browser: str, playing: Callable[[str], None]) -> tuple[Verification | None, str]:
        """In a thread: (the verification, "") or (None, the one line saying why not)."""
        try:
            problem = self._problem(browser)
            if problem is not None:
                return None, problem
            with self._open_player(browser) as player:
                return play_report(player, self.scenario, self.report, self._cancel.is_set, playing), ""
        except Exception as error:  # a browser that crashed or timed out: one line, never a traceback
            return None, f"The browser run failed: {error}".splitlines()[0]

    def _playing(self, browser: str, resource: str) -> None:
        if self.is_attached and not self._close_when_done:
            self._status(f"Playing {resource} in {BROWSER_NAMES[browser]}… (Esc stops it)")

    @dataclass
    class Finished(Message):
        verification: Verification | None
        problem: str

    @on(Finished)
    def _done(self, event: Finished) -> None:
        verification, problem = event.verification, event.problem
        self.running = False
        if self._close_when_done:
            self.dismiss(None)
            return
        self._set_buttons(True)
        if verification is None:
            self._status(problem)
            return
        self.verification = verification
        lines = verification_lines(verification)
        self.query_one("#verify-result", Static).update(result_text(lines))
        self.query_one("#verify-result-box", VerticalScroll).scroll_home(animate=False)
        if verification.unplayable:
            self._status(f"{NO} not verified: a case cannot be played on loopback (see above)")
        else:
            mark = YES if verification.agree else NO
            self._status(f"{mark} {lines[-1]}; the browser is closed.")

    @on(Button.Pressed, "#verify-close")
    def action_close(self) -> None:
        if not self.running:
            self.dismiss(None)
            return
        self._close_when_done = True
        self._cancel.set()
        self._status("Stopping: the screen closes once the browser and the server are shut…")


def open_arguments(draft_mapping: dict[str, Any]) -> tuple[policy_core.Scenario, policy_core.Report]:
    """The scenario and the engine's report for a draft (ScenarioError naming the field)."""
    scenario = policy_core.load_scenario(draft_mapping)
    return scenario, policy_core.evaluate(scenario)
