"""The App's talk-mode actions: open a deck, present it, leave it (a mixin of OriginPlaygroundApp).

Kept apart from tui/app.py by kind: these run talk mode; the App wires them to keys and messages.
Talk mode's screens are imported when it is first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import policy_core

from .atomic import write_text_atomically
from .session import DeckSession

if TYPE_CHECKING:
    from origin_playground.deck import Deck

    from .screens.confirm_quit import Answer


class TalkActions:
    """Needs the App's ``session``, ``_open`` and ``_back_to_workbench`` (OriginPlaygroundApp)."""

    session: Any

    # --- talk mode ----------------------------------------------------------------------------------

    def open_deck(self, path: Path) -> bool:
        """Load a deck and present it; a bad deck is its one-line error, and the app keeps running."""
        from origin_playground.deck import load_deck

        try:
            deck = load_deck(path)
        except policy_core.ScenarioError as error:
            self.notify(
                str(error), title="Could not open the deck", severity="error", timeout=10, markup=False
            )
            return False
        current = self.session.deck
        if current is None or not current.edited:
            self._present(deck)
            return True
        from .screens.confirm_quit import StageEdits

        def answered(answer: Answer | None) -> None:
            if answer == "discard":
                self._present(deck)
            elif answer == "save":
                self.save_deck_then(partial(self._present, deck))

        edited = [index + 1 for index in sorted(current.edited)]
        self._open(StageEdits, partial(StageEdits, Path(path).name, edited), answered)
        return True

    def _present(self, deck: Deck) -> None:
        self.session.deck = DeckSession(deck)
        self.resume_talk()

    def save_deck_then(self, then: Callable[[], None]) -> None:
        """Save the deck with its stage edits (every slide inline); ``then`` runs once it is saved."""
        from origin_playground.deck import deck_text, load_deck

        from .screens.confirm_quit import SaveDeckDialog

        session = self.session.deck

        def chosen(path: Path | None) -> None:
            if path is None or session is None:
                return
            if path.suffix.lower() != ".toml":
                self.notify(f"{path}: decks are saved as .toml files", title="Not saved", severity="error", markup=False)
                return
            edits = {index: draft.to_mapping() for index, draft in session.edited.items()}
            try:
                write_text_atomically(path, deck_text(session.deck, edits))
                load_deck(path)  # what was written opens again as this deck
            except OSError as error:
                self.notify(f"{path}: {error.strerror or error}", title="Not saved", severity="error", markup=False)
                return
            except policy_core.ScenarioError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self.notify(f"Saved the deck with its stage edits: {path}", markup=False)
            then()

        self._open(SaveDeckDialog, partial(SaveDeckDialog, "deck-with-edits.toml"), chosen)

    def resume_talk(self) -> None:
        """Show talk mode: back to its screen if it is open (it shows the session's deck, a new one
        included), else over the workbench. Never a pop and a push of the same screen id in one go:
        the popped screen is removed later, and the new one would collide with it."""
        if self.session.deck is None:
            return
        from .screens.talk import TalkScreen

        talk = next((s for s in self.screen_stack if isinstance(s, TalkScreen)), None)
        if talk is not None:
            self._open(TalkScreen, partial(TalkScreen, self.session))  # closes what is above it
            talk.show_slide()
            return
        self._back_to_workbench()
        self.push_screen(TalkScreen(self.session))

    def leave_talk(self) -> None:
        """Back to the workbench; the talk session stays for Ctrl+T."""
        self._back_to_workbench()

    def action_talk(self) -> None:
        if self.session.deck is not None:
            self.resume_talk()
            return
        from origin_playground.deck import shipped_decks

        decks = shipped_decks()
        if decks:
            self.open_deck(decks[0])

    def action_open_deck_file(self) -> None:
        from .screens.deck_dialog import DeckDialog

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_deck(path)

        self._open(DeckDialog, partial(DeckDialog, ""), chosen)
