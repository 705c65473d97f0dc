"""The App's draft actions: replace it (asking first when it has unsaved changes), open, save,
the library, and quit (a mixin of OriginPlaygroundApp).

Kept apart from tui/app.py by kind: these guard the user's work; the App wires them to keys and
messages. Each dialog's module is imported where it is first opened, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import policy_core
from origin_playground.library import LibraryEntry, list_scenarios

from .state import ScenarioDraft, load_draft, save_problem, scenario_toml

if TYPE_CHECKING:
    from .screens.confirm_quit import Answer


class DraftActions:
    """Needs the App's ``session``, ``recovery``, ``workbench``, ``_open`` and ``_draft_changed``."""

    session: Any
    recovery: Any

    # --- replacing the draft: never without asking while it has unsaved changes ----------------------

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
        from .screens.confirm_quit import UnsavedChanges

        def answered(answer: Answer | None) -> None:
            if answer == "discard":
                then()
            elif answer == "save":
                self.save_then(then)

        self._open(UnsavedChanges, partial(UnsavedChanges, name), answered)

    def show_draft(self, draft: ScenarioDraft, name: str, path: Path | None = None) -> None:
        """Show ``draft`` in the workbench, closing any screens above it."""
        self._back_to_workbench()
        self.replace_draft(draft, name, path)

    def current_draft(self) -> ScenarioDraft:
        """What the user is looking at: the talk slide (with its stage edit) or the workbench draft."""
        from .screens.talk import TalkScreen

        if isinstance(self.screen, TalkScreen):
            return self.screen.deck.draft()
        return self.session.draft

    # --- files ----------------------------------------------------------------------------------------

    def save_then(self, then: Callable[[], None]) -> None:
        """The save dialog; ``then`` runs only once the draft is really saved."""
        from .screens.save_dialog import SaveDialog

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

    def action_library(self) -> None:
        from .screens.scenario_picker import ScenarioPicker

        def picked(entry: LibraryEntry | None) -> None:
            if entry is not None:
                draft = load_draft(entry.path)
                self.replace_asking(draft, entry.title, partial(self.replace_draft, draft, entry.title, None))

        self._open(ScenarioPicker, partial(ScenarioPicker, list_scenarios()), picked)

    def action_open(self) -> None:
        from .screens.har_screen import HarScreen, read_har_problem
        from .screens.open_dialog import OpenDialog

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

    def action_save(self) -> None:
        self.save_then(lambda: None)

    def action_copy_scenario(self) -> None:
        self.copy(scenario_toml(self.session.draft), "scenario as TOML")

    # --- quitting: asks while anything would be lost ----------------------------------------------------

    async def action_quit(self) -> None:
        """Quit; first Save / Quit without saving / Stay while the draft has unsaved changes or a
        deck's slides were edited on stage (a clean draft does not make those safe)."""
        deck = self.session.deck
        slides = [index + 1 for index in sorted(deck.edited)] if deck is not None else []
        dirty = self.session.dirty
        if not dirty and not slides:
            self.exit()
            return
        from .screens.confirm_quit import ConfirmQuit

        def save_all() -> None:
            # The draft first, then the deck; the app quits only once everything asked for is saved.
            then = partial(self.save_deck_then, self.exit) if slides else self.exit
            if dirty:
                self.save_then(then)
            else:
                then()

        def answered(answer: Answer | None) -> None:
            if answer == "discard":
                self.recovery.drop()  # the user chose to drop the changes
                self.exit()
            elif answer == "save":
                save_all()

        self._open(ConfirmQuit, partial(ConfirmQuit, draft=dirty, slides=slides), answered)
