"""OriginPlaygroundApp: the workbench of issue 5, on top of the pure policy core."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.app import App, InvalidThemeError
from textual.binding import Binding, BindingType

import policy_core
from origin_playground import startup
from origin_playground.library import LibraryEntry, list_scenarios
from themes import DEFAULT_THEME, VARIABLE_DEFAULTS, register_themes

from . import config as user_config
from .clipboard import copy_text, pyperclip_copy
from .commands import EXPORT_COMMANDS, TalkCommands, WorkbenchCommands
from .screens.confirm_quit import ConfirmQuit
from .screens.open_dialog import OpenDialog
from .screens.save_dialog import SaveDialog
from .screens.scenario_picker import ScenarioPicker
from .screens.workbench import WorkbenchScreen
from .state import Evaluation, ScenarioDraft, load_draft, save_draft, scenario_toml

PANES = Binding.Group("Panes")


class OriginPlaygroundApp(App[None]):
    TITLE = "Origin Playground"
    CSS_PATH: ClassVar = ["app.tcss", "screens/dialogs.tcss"]
    COMMANDS: ClassVar = App.COMMANDS | {WorkbenchCommands, TalkCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Quit (asks if there are unsaved changes)",
        ),
        Binding("ctrl+l", "library", "Library", id="library", tooltip="Pick a built-in scenario"),
        Binding("ctrl+o", "open", "Open", id="open", tooltip="Open a scenario file"),
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Save the scenario as TOML"),
        Binding(
            "ctrl+y",
            "copy_scenario",
            "Copy TOML",
            id="copy-scenario",
            tooltip="Copy the scenario as TOML",
            show=False,  # also in Export (Ctrl+R), the palette and help: the footer keeps its room
        ),
        Binding("f2", "focus_pane('urls')", "URLs", id="focus-urls", group=PANES),
        Binding("f3", "focus_pane('resources')", "Resources", id="focus-resources", group=PANES),
        Binding("f4", "focus_pane('request')", "Request", id="focus-request", group=PANES),
        Binding("f5", "focus_pane('response')", "Response", id="focus-response", group=PANES),
        Binding("f6", "focus_pane('cookie')", "Cookie", id="focus-cookie", group=PANES),
        Binding("f7", "focus_pane('trace')", "Trace", id="focus-trace", group=PANES),
        Binding("f1,question_mark", "help", "Help", id="help", tooltip="Every key, and a primer"),
        Binding("f8", "origins", "Origins", id="origins", tooltip="The origin table for URLs"),
        Binding("f9", "explain", "Explain", id="explain", tooltip="Explain a console error"),
        Binding("ctrl+t", "talk", "Talk", id="talk", tooltip="Talk mode: resume, or the shipped deck"),
        Binding(
            "ctrl+r",
            "export_menu",
            "Export",
            id="export",
            tooltip="Copy as TOML, Markdown, JSON, curl, server config",
        ),
    ]

    def __init__(
        self,
        scenario_path: Path | str | None = None,
        theme: str | None = None,
        *,
        system_copy: object = pyperclip_copy,
        config_path: Path | None = None,
        talk_path: Path | str | None = None,
    ) -> None:
        super().__init__()
        register_themes(self)
        self._requested_theme = theme
        self.config_path = config_path  # None: no config is read or written (tests, embedding)
        self.talk_path = talk_path
        self.talk_session: object | None = None  # tui.screens.talk.DeckSession, kept between visits
        self.system_copy = system_copy
        self.report: policy_core.Report | None = None
        self.evaluation: Evaluation | None = None
        self.load_error: str | None = None
        self.path: Path | None = None
        first = list_scenarios()[0]
        self.draft = load_draft(first.path)
        self.source_name = first.title
        if scenario_path is not None:
            try:
                self.draft = load_draft(scenario_path)
                self.path = Path(scenario_path)
                self.source_name = self.path.name
            except policy_core.ScenarioError as error:
                self.load_error = str(error)
        self.baseline = self.draft.to_mapping()

    # --- lifecycle --------------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def get_default_screen(self) -> WorkbenchScreen:
        return WorkbenchScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(startup.settle)
        saved = None
        if self.config_path is not None:
            loaded = user_config.load_config(self.config_path)
            saved = loaded.config.theme
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
        if self.load_error is not None:
            self.notify(
                self.load_error,
                title="Could not open the scenario",
                severity="error",
                timeout=10,
                markup=False,
            )

    # --- state ------------------------------------------------------------------------------------

    @property
    def workbench(self) -> WorkbenchScreen:
        screen = self.get_default_screen() if not self.screen_stack else self.screen_stack[0]
        assert isinstance(screen, WorkbenchScreen)
        return screen

    @property
    def dirty(self) -> bool:
        return self.draft.to_mapping() != self.baseline

    def set_evaluation(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        if evaluation.report is not None:
            self.report = evaluation.report  # the last good report stays when the draft is invalid

    def mark_edited(self) -> None:
        self._update_title()

    def _update_title(self) -> None:
        self.sub_title = f"{self.source_name}{' (modified)' if self.dirty else ''}"

    def replace_draft(self, draft: ScenarioDraft, name: str, path: Path | None) -> None:
        self.draft = draft
        self.baseline = draft.to_mapping()
        self.path = path
        self.source_name = name
        self._update_title()
        self.workbench.show_draft()

    def load_path(self, path: Path) -> bool:
        """Open a scenario file; on failure show the loader's one-line error and keep going."""
        try:
            draft = load_draft(path)
        except policy_core.ScenarioError as error:
            self.load_error = str(error)
            self.notify(
                str(error), title="Could not open the scenario", severity="error", timeout=10, markup=False
            )
            return False
        self.load_error = None
        self.replace_draft(draft, path.name, path)
        return True

    def load_library_entry(self, entry: LibraryEntry) -> None:
        self.replace_draft(load_draft(entry.path), entry.title, None)

    def save_to(self, path: Path) -> bool:
        try:
            save_draft(self.draft, path)
        except policy_core.ScenarioError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        except OSError as error:
            self.notify(
                f"{path}: {error.strerror or error}", title="Not saved", severity="error", markup=False
            )
            return False
        self.baseline = self.draft.to_mapping()
        self.path = path
        self.source_name = path.name
        self._update_title()
        self.notify(f"Saved {path}", markup=False)
        return True

    def toggle_resource(self, resource: str) -> None:
        self.workbench.query_one(f"#toggle-{resource}").toggle()  # type: ignore[attr-defined]

    def copy(self, text: str, what: str = "text") -> None:
        system_copy = self.system_copy if callable(self.system_copy) else None
        if copy_text(self, text, system_copy):
            self.notify(f"Copied the {what}.", markup=False)

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

    def show_draft(self, draft: ScenarioDraft, name: str) -> None:
        """Show ``draft`` in the workbench, closing any screens above it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.replace_draft(draft, name, None)

    def show_library_entry(self, entry: LibraryEntry) -> None:
        self.show_draft(load_draft(entry.path), entry.title)

    def current_draft(self) -> ScenarioDraft:
        """What the user is looking at: the talk slide (with its stage edit) or the workbench draft."""
        from .screens.talk import TalkScreen

        if isinstance(self.screen, TalkScreen):
            return self.screen.session.draft()
        return self.draft

    # --- talk mode ----------------------------------------------------------------------------------

    def open_deck(self, path: Path) -> bool:
        """Load a deck and present it; a bad deck is its one-line error, and the app keeps running."""
        from origin_playground.deck import load_deck

        from .screens.talk import DeckSession

        try:
            deck = load_deck(path)
        except policy_core.ScenarioError as error:
            self.notify(
                str(error), title="Could not open the deck", severity="error", timeout=10, markup=False
            )
            return False
        self.talk_session = DeckSession(deck)
        self.resume_talk()
        return True

    def resume_talk(self) -> None:
        from .screens.talk import DeckSession, TalkScreen

        if isinstance(self.screen, TalkScreen) or not isinstance(self.talk_session, DeckSession):
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(TalkScreen(self.talk_session))

    def leave_talk(self) -> None:
        """Back to the workbench; the talk session stays for Ctrl+T."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_talk(self) -> None:
        if self.talk_session is not None:
            self.resume_talk()
            return
        from origin_playground.deck import shipped_decks

        decks = shipped_decks()
        if decks:
            self.open_deck(decks[0])

    def action_open_deck_file(self) -> None:
        from .screens.path_dialog import PathDialog

        class DeckDialog(PathDialog):
            TITLE_TEXT = "Open a talk deck (.toml)"
            CONFIRM = "Present"
            PLACEHOLDER = "path/to/deck.toml"

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_deck(path)

        self.push_screen(DeckDialog(""), chosen)

    # --- help, origins, explain, export -------------------------------------------------------------

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_origins(self) -> None:
        from .screens.origins import OriginsScreen

        if not isinstance(self.screen, OriginsScreen):
            draft = self.current_draft()
            self.push_screen(OriginsScreen([draft.page, draft.target]))

    def action_explain(self) -> None:
        from .screens.explain import ExplainScreen

        if not isinstance(self.screen, ExplainScreen):
            self.push_screen(ExplainScreen())

    def action_export_menu(self) -> None:
        from functools import partial

        self.search_commands(
            [(title, partial(self.copy_export, fmt), help_text) for title, help_text, fmt in EXPORT_COMMANDS],
            placeholder="Copy as…",
        )

    def copy_export(self, fmt: str) -> bool:
        """Copy the current scenario or its report in ``fmt`` (origin_playground.exports)."""
        from origin_playground.exports import export

        try:
            scenario = policy_core.load_scenario(self.current_draft().evaluation_mapping())
            text = export(fmt, scenario, policy_core.evaluate(scenario))
        except policy_core.ScenarioError as error:
            self.notify(str(error), title=f"Cannot export {fmt}", severity="error", markup=False)
            return False
        self.copy(text, next((t for t, _h, f in EXPORT_COMMANDS if f == fmt), fmt).removeprefix("Copy "))
        return True

    # --- actions (each has a binding above and a palette command in commands.py) ------------------

    def action_library(self) -> None:
        def picked(entry: LibraryEntry | None) -> None:
            if entry is not None:
                self.load_library_entry(entry)

        self.push_screen(ScenarioPicker(list_scenarios()), picked)

    def action_open(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.load_path(path)

        self.push_screen(OpenDialog(str(self.path or "")), chosen)

    def action_save(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.save_to(path)

        self.push_screen(SaveDialog(str(self.path or "scenario.toml")), chosen)

    def action_copy_scenario(self) -> None:
        self.copy(scenario_toml(self.draft), "scenario as TOML")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The pane keys move focus in the workbench: on top of it (talk mode, help, ...) they would
        # act on a hidden screen, so there they are off (and out of the footer).
        if action == "focus_pane" and not isinstance(self.screen, WorkbenchScreen):
            return False
        return True

    def action_focus_pane(self, pane: str) -> None:
        self.workbench.focus_pane(pane)

    async def action_quit(self) -> None:
        if not self.dirty:
            self.exit()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        if not isinstance(self.screen, ConfirmQuit):
            self.push_screen(ConfirmQuit(), answered)


def prepare_to_run() -> None:
    """Build the PSL tries now, while collection is off (see origin_playground/startup.py).

    The app settles start-up (collection back on, start-up's objects frozen) once its first
    frame is on screen: building the workbench's widgets is start-up too.
    """
    policy_core.registrable_domain("example.com")


def run(path: str | Path | None = None, theme: str | None = None, talk: str | None = None) -> int:
    """The entry point ``origin-playground [FILE] [--theme NAME] [--talk DECK]`` calls."""
    app = OriginPlaygroundApp(
        scenario_path=Path(path) if path else None,
        theme=theme,
        config_path=user_config.default_config_path(),
        talk_path=talk,
    )
    prepare_to_run()
    app.run()
    return 0
