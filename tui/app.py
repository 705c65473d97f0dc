"""OriginPlaygroundApp: the workbench of issue 5, on top of the pure policy core.

The App owns the session (tui/session.py) and hands it to its screens; screens and command
providers ask for app-level effects with messages (tui/messages.py), handled here. The App is the
one place that opens screens (never two of a kind: asking for one already open returns to it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, InvalidThemeError
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer

import policy_core
from origin_playground import startup
from origin_playground.library import LibraryEntry, find_scenario, list_scenarios
from themes import DEFAULT_THEME, VARIABLE_DEFAULTS, register_themes

from . import config as user_config
from . import messages
from .atomic import write_text_atomically
from .clipboard import copied_message, copy_text, pyperclip_copy
from .commands import EXPORT_COMMANDS, TalkCommands, WorkbenchCommands
from .keys import APP_BINDINGS, key_sections
from .learn_actions import LearnActions
from .recovery import RecoveryCopy, default_recovery_path
from .recovery_actions import RecoveryActions
from .screens.confirm_quit import Answer, ConfirmQuit, UnsavedChanges
from .screens.curl_dialog import CurlDialog, Imported
from .screens.explain import ExplainScreen
from .screens.export_preview import ExportPreview, ExportSaveDialog, format_name, suggested_file
from .screens.har_screen import HarDialog, HarScreen, read_har_problem
from .screens.help import HelpScreen, KeySections
from .screens.learn import LearnProgress
from .screens.open_dialog import OpenDialog
from .screens.origins import OriginsScreen
from .screens.probe_screen import ProbeScreen, probe_mapping
from .screens.save_dialog import SaveDialog
from .screens.scenario_picker import ScenarioPicker
from .screens.talk import TalkScreen
from .screens.workbench import WorkbenchScreen
from .session import Session
from .state import ScenarioDraft, load_draft, save_problem, scenario_toml
from .talk_actions import TalkActions


class OriginPlaygroundApp(TalkActions, RecoveryActions, LearnActions, App[None]):
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
        first = list_scenarios()[0]
        self.session = Session(load_draft(first.path), first.title)
        if scenario_path is not None:
            try:
                self.session.replace(load_draft(scenario_path), Path(scenario_path).name, Path(scenario_path))
            except policy_core.ScenarioError as error:
                self.session.load_error = str(error)
        self._recovery_timer: Timer | None = None
        self.learn = LearnProgress()  # the guided flow's answers, kept while the app runs
        self._start_learning = learn  # ``origin-playground learn``

    # --- lifecycle --------------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def get_default_screen(self) -> WorkbenchScreen:
        return WorkbenchScreen(self.session)

    def on_mount(self) -> None:
        self.call_after_refresh(startup.settle)
        saved = None
        first_start = False
        if self.config_path is not None:
            loaded = user_config.load_config(self.config_path)
            saved = loaded.config.theme
            first_start = loaded.missing
            if loaded.problem is not None:
                self.notify(loaded.problem, title="Settings", severity="warning", timeout=10, markup=False)
        name = self._requested_theme or os.environ.get("ORIGIN_PLAYGROUND_THEME") or saved or DEFAULT_THEME
        try:
            self.theme = name
        except InvalidThemeError:
            self.theme = DEFAULT_THEME
            self.notify(f"Unknown theme {name!r}; using {DEFAULT_THEME}.", severity="warning", markup=False)
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
            self.offer_learn(first_start)

    # --- state ------------------------------------------------------------------------------------

    @property
    def workbench(self) -> WorkbenchScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, WorkbenchScreen)
        return screen

    def _update_title(self) -> None:
        self.sub_title = self.session.title

    def replace_draft(self, draft: ScenarioDraft, name: str, path: Path | None) -> None:
        if self.session.deck is not None:
            # The workbench no longer holds a slide's edit: Ctrl+T must not make this the slide's.
            self.session.deck.in_workbench = False
        self.session.replace(draft, name, path)
        self._draft_changed()
        self.workbench.show_draft()

    def replace_asking(self, draft: ScenarioDraft, name: str, then: Callable[[], None]) -> None:
        """Run ``then`` (which replaces the draft by ``draft``) once the unsaved changes are safe:
        no changes (or ``draft`` is the same scenario) goes ahead; otherwise Save / Discard / Cancel."""
        if not self.session.dirty or draft.to_mapping() == self.session.draft.to_mapping():
            then()
            return

        def answered(answer: Answer | None) -> None:
            if answer == "discard":
                then()
            elif answer == "save":
                self.save_then(then)

        self._open(UnsavedChanges, partial(UnsavedChanges, name), answered)

    def save_then(self, then: Callable[[], None]) -> None:
        """The save dialog; ``then`` runs only once the draft is really saved."""

        def chosen(path: Path | None) -> None:
            if path is not None:  # the dialog saved it (it stays open while a path is bad)
                then()

        initial = str(self.session.path or "scenario.toml")
        self._open(SaveDialog, partial(SaveDialog, initial, self._save_problem), chosen)

    def load_path(self, path: Path) -> bool:
        """Open a scenario file; on failure show the loader's one-line error and keep going."""
        try:
            draft = load_draft(path)
        except policy_core.ScenarioError as error:
            self.session.load_error = str(error)
            self.notify(
                str(error), title="Could not open the scenario", severity="error", timeout=10, markup=False
            )
            return False
        self.session.load_error = None
        self.replace_asking(draft, path.name, partial(self.replace_draft, draft, path.name, path))
        return True

    def save_to(self, path: Path) -> bool:
        problem = self._save_problem(path)
        if problem is not None:
            self.notify(problem, title="Not saved", severity="error", markup=False)
            return False
        return True

    def _save_problem(self, path: Path) -> str | None:
        """Save the draft to ``path``: None when saved, else the one line saying why not."""
        problem = save_problem(self.session.draft, path)
        if problem is None:
            self.session.saved_as(path)
            self._draft_changed()
            self.notify(f"Saved {path}", markup=False)
        return problem

    def copy(self, text: str, what: str = "text") -> None:
        system_copy = self.system_copy if callable(self.system_copy) else None
        where = copy_text(self, text, system_copy)
        severity = "warning" if where == "terminal" else "information"
        self.notify(copied_message(where), title=f"Copied the {what}", severity=severity, markup=False)

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

    def show_draft(self, draft: ScenarioDraft, name: str, path: Path | None = None) -> None:
        """Show ``draft`` in the workbench, closing any screens above it."""
        self._back_to_workbench()
        self.replace_draft(draft, name, path)

    def current_draft(self) -> ScenarioDraft:
        """What the user is looking at: the talk slide (with its stage edit) or the workbench draft."""
        if isinstance(self.screen, TalkScreen):
            return self.screen.deck.draft()
        return self.session.draft

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

    # --- help, origins, explain, export -------------------------------------------------------------

    def action_help(self) -> None:
        self._open(HelpScreen, partial(HelpScreen, self.key_sections()))

    def action_origins(self) -> None:
        draft = self.current_draft()
        self._open(OriginsScreen, partial(OriginsScreen, [draft.page, draft.target]))

    def action_explain(self) -> None:
        self._open(ExplainScreen, ExplainScreen)

    def action_export_menu(self, fmt: str = "markdown") -> None:
        """The export preview: every format of origin_playground.exports, with Copy and Save."""
        self._open(ExportPreview, partial(ExportPreview, self.export_text, fmt))

    def export_text(self, fmt: str) -> str:
        """The current scenario or its report in ``fmt``; ScenarioError when the draft is invalid."""
        from origin_playground.exports import export

        scenario = policy_core.load_scenario(self.current_draft().evaluation_mapping())
        return export(fmt, scenario, policy_core.evaluate(scenario))

    def copy_export(self, fmt: str) -> bool:
        """Copy the current scenario or its report in ``fmt`` (origin_playground.exports)."""
        try:
            text = self.export_text(fmt)
        except policy_core.ScenarioError as error:
            self.notify(str(error), title=f"Cannot export {fmt}", severity="error", markup=False)
            return False
        self.copy(text, next((t for t, _h, f in EXPORT_COMMANDS if f == fmt), fmt).removeprefix("Copy "))
        return True

    @on(ExportPreview.SaveRequested)
    def _save_export(self, message: ExportPreview.SaveRequested) -> None:
        def write(path: Path) -> str | None:
            try:
                write_text_atomically(path, message.text)
            except OSError as error:
                return f"{path}: {error.strerror or error}"
            self.notify(f"Saved the {format_name(message.fmt)} export to {path}", markup=False)
            return None

        self._open(ExportSaveDialog, partial(ExportSaveDialog, suggested_file(message.fmt), write))

    # --- screenshots: Textual's own, saved in a folder that exists, and said where -------------------

    screenshot_folder: Path | None = None  # None: the Downloads folder (platformdirs)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)  # the browser downloads it
        from datetime import datetime

        from platformdirs import user_downloads_path

        wanted = Path(path).expanduser() if path else (self.screenshot_folder or user_downloads_path())
        folder, how = wanted, ""
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True)
                how = f" (made the folder {folder})"
            except OSError as error:
                folder = Path.cwd()
                how = f" (the current folder: {wanted} could not be made: {error.strerror or error})"
        name = filename or f"origin-playground-{datetime.now().strftime(time_format or '%Y-%m-%dT%H_%M_%S')}.svg"
        target = folder / name
        try:
            write_text_atomically(target, self.export_screenshot())
        except OSError as error:
            self.notify(f"{target}: {error.strerror or error}", title="Screenshot not saved", severity="error",
                        markup=False)
            return None
        self.notify(f"Saved the screenshot to {target}{how}", title="Screenshot", markup=False)
        return str(target)

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

    # --- actions (each has a binding above and a palette command in commands.py) ------------------

    def action_library(self) -> None:
        def picked(entry: LibraryEntry | None) -> None:
            if entry is not None:
                draft = load_draft(entry.path)
                self.replace_asking(draft, entry.title, partial(self.replace_draft, draft, entry.title, None))

        self._open(ScenarioPicker, partial(ScenarioPicker, list_scenarios()), picked)

    def action_open(self) -> None:
        hars: dict[Path, Any] = {}

        def check(path: Path) -> str | None:
            if path.suffix.lower() == ".har":  # a HAR opens its list of requests
                hars[path], problem = read_har_problem(path)
                return problem
            try:
                load_draft(path)
            except policy_core.ScenarioError as error:
                return str(error)
            return None

        def chosen(path: Path | None) -> None:
            if path is not None and path in hars:
                self._open(HarScreen, partial(HarScreen, hars[path], path))
            elif path is not None:
                self.load_path(path)

        self._open(OpenDialog, partial(OpenDialog, str(self.session.path or ""), check), chosen)

    def action_open_har(self) -> None:
        hars: dict[Path, Any] = {}

        def check(path: Path) -> str | None:
            hars[path], problem = read_har_problem(path)
            return problem

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._open(HarScreen, partial(HarScreen, hars[path], path))

        self._open(HarDialog, partial(HarDialog, "", check), chosen)

    def action_probe(self) -> None:
        """Probe the live server with the draft's request: the plan first, sent only when confirmed."""
        try:
            mapping = probe_mapping(self.session.draft)
            screen = ProbeScreen(mapping, f"probe of {self.session.draft.target}")
        except policy_core.ScenarioError as error:
            self.notify(str(error), title="Cannot probe", severity="error", markup=False)
            return
        self._open(ProbeScreen, lambda: screen)

    def action_paste_curl(self) -> None:
        def imported(result: Imported | None) -> None:
            if result is None:
                return
            mapping, notes = result
            draft = ScenarioDraft.from_scenario(policy_core.load_scenario(mapping))  # checked by the import
            if notes:
                self.notify("; ".join(notes), title="From the curl command", markup=False, timeout=10)
            self.replace_asking(draft, "curl command", partial(self.show_draft, draft, "curl command"))

        self._open(CurlDialog, CurlDialog, imported)

    def action_save(self) -> None:
        self.save_then(lambda: None)

    def action_copy_scenario(self) -> None:
        self.copy(scenario_toml(self.session.draft), "scenario as TOML")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The pane keys move focus in the workbench: on top of it (talk mode, help, ...) they would
        # act on a hidden screen, so there they are off (and out of the footer).
        if action in ("focus_pane", "maximize_pane") and not isinstance(self.screen, WorkbenchScreen):
            return False
        return True

    def action_focus_pane(self, pane: str) -> None:
        self.workbench.focus_pane(pane)

    def action_maximize_pane(self) -> None:
        self.workbench.toggle_maximize()

    async def action_quit(self) -> None:
        if not self.session.dirty:
            self.exit()
            return

        def answered(answer: Answer | None) -> None:
            if answer == "discard":
                self.recovery.drop()  # the user chose to drop the changes
                self.exit()
            elif answer == "save":
                self.save_then(self.exit)

        self._open(ConfirmQuit, ConfirmQuit, answered)


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
