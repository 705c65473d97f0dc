"""Command-palette providers: every workbench action, every library scenario, every toggle.

Each command runs an App action or posts an App message (tui/messages.py); this module does not
import the App."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message

from origin_playground.library import list_scenarios
from policy_core import RESOURCE_TYPES

from .messages import CopyExport, OpenDeck, ResumeTalk, ShowLibraryScenario, ToggleResource
from .session import Session


class _HasSession(Protocol):
    session: Session


# (title, help, action name) for each app action; the same actions have key bindings.
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Scenario library…", "Pick one of the built-in scenarios", "library"),
    ("Open scenario file…", "Open a .toml or .json scenario", "open"),
    ("Save scenario…", "Save the scenario as TOML (atomic write)", "save"),
    ("Copy scenario as TOML", "Copy the current scenario to the clipboard", "copy_scenario"),
    ("Focus URLs", "Edit the page and target URLs", "focus_pane('urls')"),
    ("Focus resources", "Toggle resource types", "focus_pane('resources')"),
    ("Focus request", "Method, mode, credentials, crossorigin, headers", "focus_pane('request')"),
    ("Focus response", "The preflight and actual responses", "focus_pane('response')"),
    ("Focus cookie", "The cookie the target sets", "focus_pane('cookie')"),
    ("Focus trace", "The selected verdict's steps", "focus_pane('trace')"),
    (
        "Maximise the pane",
        "The pane with the focus fills the screen; again, or Esc, restores it",
        "maximize_pane",
    ),
    ("Help", "Every key, and a primer on origin, SOP, CORS, preflight, credentials, CSRF", "help"),
    ("Origins: compare URLs", "The origin table: same origin, which part differs, same site", "origins"),
    (
        "Explain a console error",
        "Paste Chrome's, Firefox's or Safari's message: the rule and the fix",
        "explain",
    ),
    ("Learn: the guided flow", "Plain questions about your page, then the answer in plain sentences", "learn"),
    ("Talk: resume or open the shipped deck", "Present a deck; PageDown/PageUp step, → reveals", "talk"),
    ("Export: preview, copy, save…", "The scenario or report in any export format: Copy, or Save to file", "export_menu"),
    ("Open HAR file…", "Every cross-origin request of a DevTools HAR, evaluated; open one in the workbench", "open_har"),
    ("Probe the live server…", "Shows what would be sent, and sends it only when you confirm", "probe"),
    ("Paste a curl command…", "DevTools' Copy as cURL, or your notes: loaded as the scenario", "paste_curl"),
    (
        "Verify in a real browser…",
        "Play the scenario in headless Chromium or Firefox (asks first): engine and browser side by side",
        "verify",
    ),
    ("Quit", "Leave the workbench (asks when there are unsaved changes)", "quit"),
)

# (title, help, export format) for each copy command; origin_playground.exports makes the text.
EXPORT_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Copy scenario as TOML (export)", "The scenario file, through the exporter", "toml"),
    ("Copy report as Markdown", "For a bug report or a chat", "markdown"),
    ("Copy report as JSON", "The documented report format", "json"),
    ("Copy curl commands", "The preflight and the actual request, to try against the server", "curl"),
    ("Copy nginx config", "add_header lines for the fix", "nginx"),
    ("Copy Express config", "The cors package's options for the fix", "express"),
    ("Copy Flask-CORS config", "CORS(app, ...) for the fix", "flask"),
    ("Copy FastAPI config", "Starlette's CORSMiddleware for the fix", "fastapi"),
    ("Copy Django config", "django-cors-headers settings for the fix", "django"),
)


class _ListedCommands(Provider):
    """A provider whose commands are a list of (title, help, callback); subclasses say which."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


def _posting(target: Provider, make: Callable[[], Message]) -> Callable[[], object]:
    """A command that posts a fresh App message each time it runs."""
    return lambda: target.app.post_message(make())


class WorkbenchCommands(_ListedCommands):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for title, help_text, action in ACTIONS:
            commands.append((title, help_text, partial(app.run_action, action)))
        for entry in list_scenarios():
            commands.append(
                (
                    f"Load scenario: {entry.title}",
                    entry.slug,
                    _posting(self, partial(ShowLibraryScenario, entry.slug)),
                )
            )
        for resource in RESOURCE_TYPES:
            commands.append(
                (
                    f"Toggle resource: {resource}",
                    "Switch this verdict on or off",
                    _posting(self, partial(ToggleResource, resource)),
                )
            )
        for title, help_text, fmt in EXPORT_COMMANDS:
            commands.append((title, help_text, _posting(self, partial(CopyExport, fmt))))
        return commands


class TalkCommands(_ListedCommands):
    """Talk mode: open a shipped deck or a deck file, resume the current one."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from origin_playground.deck import shipped_decks

        commands: list[tuple[str, str, Callable[[], object]]] = []
        for path in shipped_decks():
            commands.append(
                (f"Talk: open shipped deck ({path.stem})", str(path), _posting(self, partial(OpenDeck, path)))
            )
        commands.append(
            (
                "Talk: open deck file…",
                "A .toml deck (docs/talk-decks.md)",
                partial(self.app.run_action, "open_deck_file"),
            )
        )
        if cast(_HasSession, self.app).session.deck is not None:
            commands.append(("Talk: resume", "Back to the slide you left", _posting(self, ResumeTalk)))
        return commands
