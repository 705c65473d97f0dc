"""OriginPlaygroundApp: the workbench of issue 5, on top of the pure policy core."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.app import App, InvalidThemeError
from textual.binding import Binding, BindingType

import policy_core
from origin_playground.library import LibraryEntry, list_scenarios
from themes import DEFAULT_THEME, VARIABLE_DEFAULTS, register_themes

from .clipboard import copy_text, pyperclip_copy
from .commands import WorkbenchCommands
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
    COMMANDS: ClassVar = App.COMMANDS | {WorkbenchCommands}
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
            "ctrl+y", "copy_scenario", "Copy TOML", id="copy-scenario", tooltip="Copy the scenario as TOML"
        ),
        Binding("f2", "focus_pane('urls')", "URLs", id="focus-urls", group=PANES),
        Binding("f3", "focus_pane('resources')", "Resources", id="focus-resources", group=PANES),
        Binding("f4", "focus_pane('request')", "Request", id="focus-request", group=PANES),
        Binding("f5", "focus_pane('response')", "Response", id="focus-response", group=PANES),
        Binding("f6", "focus_pane('cookie')", "Cookie", id="focus-cookie", group=PANES),
        Binding("f7", "focus_pane('trace')", "Trace", id="focus-trace", group=PANES),
    ]

    def __init__(
        self,
        scenario_path: Path | str | None = None,
        theme: str | None = None,
        *,
        system_copy: object = pyperclip_copy,
    ) -> None:
        super().__init__()
        register_themes(self)
        self._requested_theme = theme
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
        name = self._requested_theme or os.environ.get("ORIGIN_PLAYGROUND_THEME") or DEFAULT_THEME
        try:
            self.theme = name
        except InvalidThemeError:
            self.theme = DEFAULT_THEME
            self.notify(f"Unknown theme {name!r}; using {DEFAULT_THEME}.", severity="warning", markup=False)
        self._update_title()
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


def run(path: str | Path | None = None, theme: str | None = None, talk: str | None = None) -> int:
    """The entry point ``origin-playground [FILE]`` calls."""
    app = OriginPlaygroundApp(scenario_path=Path(path) if path else None, theme=theme)
    if talk is not None:
        app.load_error = f"{talk}: talk mode is not available in this build yet"
    app.run()
    return 0
