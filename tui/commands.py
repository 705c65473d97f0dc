"""Command-palette providers: every workbench action, every library scenario, every toggle."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from origin_playground.library import list_scenarios
from policy_core import RESOURCE_TYPES

if TYPE_CHECKING:
    from .app import OriginPlaygroundApp

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
    ("Quit", "Leave the workbench (asks when there are unsaved changes)", "quit"),
)


class WorkbenchCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("OriginPlaygroundApp", self.app)
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for title, help_text, action in ACTIONS:
            commands.append((title, help_text, partial(app.run_action, action)))
        for entry in list_scenarios():
            commands.append(
                (f"Load scenario: {entry.title}", entry.slug, partial(app.load_library_entry, entry))
            )
        for resource in RESOURCE_TYPES:
            commands.append(
                (
                    f"Toggle resource: {resource}",
                    "Switch this verdict on or off",
                    partial(app.toggle_resource, resource),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
