"""OriginPlaygroundApp: the workbench of issue 5, on top of the pure policy core.

The App owns the session (tui/session.py) and hands it to its screens; screens and command
providers ask for app-level effects with messages (tui/messages.py), handled here. The App is the
one place that opens screens (never two of a kind: asking for one already open returns to it).

This module is the shell: start-up, the theme, opening screens, and the wiring of messages and
keys to the actions, which live in mixins by concern (draft_actions, export_actions,
traffic_actions, talk_actions, recovery_actions, learn_actions). Only the workbench is imported
at start-up; every other screen's module is imported where it is first opened (issue 14: start-up).
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer

import policy_core
from origin_playground import startup
from origin_playground.library import find_scenario, first_scenario
from themes import DEFAULT_THEME, VARIABLE_DEFAULTS, register_themes

from . import config as user_config
from . import messages
from .clipboard import pyperclip_copy
from .commands import TalkCommands, WorkbenchCommands
from .draft_actions import DraftActions
from .export_actions import ExportActions
from .keys import APP_BINDINGS, key_sections
from .learn_actions import LearnActions
from .recovery import RecoveryCopy, default_recovery_path
from .recovery_actions import RecoveryActions
from .screens.workbench import WorkbenchScreen
from .session import Session
from .state import load_draft
from .talk_actions import TalkActions
from .traffic_actions import TrafficActions
from .verify_actions import VerifyActions

if TYPE_CHECKING:
    from .screens.export_preview import ExportPreview
    from .screens.help import KeySections

EXPLAIN_ENGINE = "policy_core.explain"
WARM_UP = "origin-playground-warm-up"  # the thread that imports EXPLAIN_ENGINE after the first paint


class OriginPlaygroundApp(
    DraftActions, ExportActions, TrafficActions, TalkActions, RecoveryActions, LearnActions, VerifyActions,
    App[None],
):
    TITLE = "Origin Playground"
    CSS_PATH: ClassVar = ["app.tcss", "screens/dialogs.tcss"]
    COMMANDS: ClassVar = App.COMMANDS | {WorkbenchCommands, TalkCommands}
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)

    def __init__(
        self,
        scenario_path: Path | str | None = None,
        theme: str | None = None,
        *,
        system_copy: object = pyperclip_copy,
        config_path: Path | None = None,
        talk_path: Path | str | None = None,
        recovery_path: Path | None = None,
        learn: bool = False,
    ) -> None:
        super().__init__()
        register_themes(self)
        self._requested_theme = theme
        self.config_path = config_path  # None: no config is read or written (tests, embedding)
        self.recovery = RecoveryCopy(recovery_path)
        self.talk_path = talk_path
        self.system_copy = system_copy
        first = first_scenario()
        self.session = Session(load_draft(first.path), first.title)
        if scenario_path is not None:
            try:
                self.session.replace(load_draft(scenario_path), Path(scenario_path).name, Path(scenario_path))
            except policy_core.ScenarioError as error:
                self.session.load_error = str(error)
        self._recovery_timer: Timer | None = None
        self._start_learning = learn  # ``origin-playground learn``
        self._first_start = False
        self._start_notes: list[dict[str, Any]] = []  # notify() arguments, shown once mounted
        self._choose_theme()

    def _choose_theme(self) -> None:
        """Set the theme before the app runs: its stylesheet is then parsed and applied once with the
        theme's colours (set in on_mount, every widget was restyled and the stylesheet parsed again)."""
        saved = None
        if self.config_path is not None:
            loaded = user_config.load_config(self.config_path)
            saved = loaded.config.theme
            self._first_start = loaded.missing
            if loaded.problem is not None:
                self._start_notes.append(
                    {"message": loaded.problem, "title": "Settings", "severity": "warning", "timeout": 10}
                )
        name = self._requested_theme or os.environ.get("ORIGIN_PLAYGROUND_THEME") or saved or DEFAULT_THEME
        if name not in self.available_themes:
            self._start_notes.append(
                {"message": f"Unknown theme {name!r}; using {DEFAULT_THEME}.", "severity": "warning"}
            )
            name = DEFAULT_THEME
        # What App._watch_theme does, less its stylesheet refresh (a second parse of every source
        # right after the first): nothing is styled yet, so the variables are simply set.
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        self.update_classes(
            {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False
        )
        self._refresh_truecolor_filter(self.ansi_theme)  # pinned: tests/tui/test_textual_private_api.py
        self.stylesheet.set_variables(self.get_css_variables())

    # --- lifecycle --------------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def get_default_screen(self) -> WorkbenchScreen:
        return WorkbenchScreen(self.session)

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_paint)
        for note in self._start_notes:
            self.notify(**note, markup=False)
        if self._requested_theme and self.theme == self._requested_theme:
            self._remember_theme(self.theme)  # --theme is remembered for next time
        self.watch(self, "theme", self._remember_theme, init=False)
        self._update_title()
        if self.talk_path is not None:
            self.open_deck(Path(self.talk_path))
        if self.session.load_error is not None:
            self.notify(
                self.session.load_error,
                title="Could not open the scenario",
                severity="error",
                timeout=10,
                markup=False,
            )
        self._offer_recovery()
        if self._start_learning:
            self.action_learn()
        else:
            self.offer_learn(self._first_start)

    def _after_first_paint(self) -> None:
        # The widgets mounted after the first paint (the Request editor, the footer) are built by
        # the next frame: settle after them, so their start-up garbage is collected with the rest.
        self.call_after_refresh(self._settle_start_up)

    def _settle_start_up(self) -> None:
        startup.settle(collect=True)
        # The explain screen (F9, and the help screen's key list) imports the engine's explain
        # package: imported now, beside the running app (the pure engine only: nothing the app's
        # own thread imports). Its tables (~480 regexes) are built on first use, not here.
        threading.Thread(target=importlib.import_module, args=(EXPLAIN_ENGINE,), name=WARM_UP).start()

    # --- state ------------------------------------------------------------------------------------

    @property
    def workbench(self) -> WorkbenchScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, WorkbenchScreen)
        return screen

    def _update_title(self) -> None:
        self.sub_title = self.session.title

    def _remember_theme(self, name: str) -> None:
        if self.config_path is None:
            return
        try:
            user_config.save_config(self.config_path, user_config.Config(theme=name))
        except OSError as error:
            self.notify(
                f"{self.config_path}: theme not saved ({error.strerror or error})",
                title="Settings",
                severity="warning",
                markup=False,
            )

    # --- screens: one of each kind, opened only here -------------------------------------------------

    def _open(
        self,
        kind: type[Screen[Any]],
        make: Callable[[], Screen[Any]],
        callback: Callable[[Any], None] | None = None,
    ) -> None:
        """Push ``make()``; if a ``kind`` screen is already open, close the ones above it instead
        (two of a kind would share an id and crash, and the user asked to see that screen)."""
        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, kind):
                while len(self.screen_stack) > index + 1:
                    self.pop_screen()
                return
        self.push_screen(make(), callback)

    def _back_to_workbench(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_command_palette(self) -> None:
        # Textual's own check only looks at the top screen: a palette under a dialog would be
        # opened a second time with the same id (DuplicateIds, issue 13).
        if self.use_command_palette:
            self._open(CommandPalette, partial(CommandPalette, id="--command-palette"))

    def key_sections(self) -> KeySections:
        return key_sections(self.BINDINGS)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self._open(HelpScreen, partial(HelpScreen, self.key_sections()))

    def action_origins(self) -> None:
        from .screens.origins import OriginsScreen

        draft = self.current_draft()
        self._open(OriginsScreen, partial(OriginsScreen, [draft.page, draft.target]))

    def action_explain(self) -> None:
        from .screens.explain import ExplainScreen

        self._open(ExplainScreen, ExplainScreen)

    # --- what screens and commands ask for (tui/messages.py) -----------------------------------------

    @on(messages.DraftEdited)
    def _edited(self) -> None:
        self._draft_changed()

    @on(messages.ShowDraft)
    def _show_draft(self, message: messages.ShowDraft) -> None:
        def show() -> None:
            self.show_draft(message.draft, message.name, message.path)
            if message.from_slide and self.session.deck is not None:
                self.session.deck.in_workbench = True  # Ctrl+T brings the edit back to the slide

        self.replace_asking(message.draft, message.name, show)

    @on(messages.ShowLibraryScenario)
    def _show_library_scenario(self, message: messages.ShowLibraryScenario) -> None:
        if (entry := find_scenario(message.slug)) is not None:
            draft = load_draft(entry.path)
            self.replace_asking(draft, entry.title, partial(self.show_draft, draft, entry.title))

    @on(messages.CopyText)
    def _copy_text(self, message: messages.CopyText) -> None:
        self.copy(message.text, message.what)

    @on(messages.CopyExport)
    def _copy_export(self, message: messages.CopyExport) -> None:
        self.copy_export(message.fmt)

    def on_export_preview_save_requested(self, message: ExportPreview.SaveRequested) -> None:
        # Handled by name, not with @on(ExportPreview.SaveRequested): that would import the
        # preview (and every exporter) at start-up.
        self.save_export(message)

    @on(messages.ToggleResource)
    def _toggle_resource(self, message: messages.ToggleResource) -> None:
        self.workbench.toggle_resource(message.resource)

    @on(messages.OpenDeck)
    def _open_deck(self, message: messages.OpenDeck) -> None:
        self.open_deck(message.path)

    @on(messages.ResumeTalk)
    def _resume_talk(self) -> None:
        self.resume_talk()

    @on(messages.LeaveTalk)
    def _leave_talk(self) -> None:
        self.leave_talk()

    # --- the workbench's pane keys ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The pane keys move focus in the workbench: on top of it (talk mode, help, ...) they would
        # act on a hidden screen, so there they are off (and out of the footer).
        if action in ("focus_pane", "maximize_pane") and not isinstance(self.screen, WorkbenchScreen):
            return False
        return True

    async def action_focus_pane(self, pane: str) -> None:
        await self.workbench.focus_pane(pane)

    def action_maximize_pane(self) -> None:
        self.workbench.toggle_maximize()


def prepare_to_run() -> None:
    """Build the PSL tries now, while collection is off (see origin_playground/startup.py).

    The app settles start-up (collection back on, start-up's objects frozen) once its first
    frame is on screen: building the workbench's widgets is start-up too.
    """
    policy_core.registrable_domain("example.com")


def run(
    path: str | Path | None = None, theme: str | None = None, talk: str | None = None, learn: bool = False
) -> int:
    """The entry point ``origin-playground [FILE] [--theme NAME] [--talk DECK]`` (and ``learn``) calls."""
    app = OriginPlaygroundApp(
        scenario_path=Path(path) if path else None,
        theme=theme,
        config_path=user_config.default_config_path(),
        talk_path=talk,
        recovery_path=default_recovery_path(),
        learn=learn,
    )
    prepare_to_run()
    try:
        app.run()
    finally:
        # However the app stopped (a crash included), a dirty draft is kept for the next start.
        app.write_recovery_copy()
    return 0
