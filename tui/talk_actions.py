"""The App's talk-mode actions: open a deck, present it, leave it (a mixin of OriginPlaygroundApp).

Kept apart from tui/app.py by kind: these run talk mode; the App wires them to keys and messages.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import policy_core

from .screens.deck_dialog import DeckDialog
from .screens.talk import TalkScreen
from .session import DeckSession


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
        self.session.deck = DeckSession(deck)
        self.resume_talk()
        return True

    def resume_talk(self) -> None:
        """Show talk mode: back to its screen if it is open (it shows the session's deck, a new one
        included), else over the workbench. Never a pop and a push of the same screen id in one go:
        the popped screen is removed later, and the new one would collide with it."""
        if self.session.deck is None:
            return
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
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.open_deck(path)

        self._open(DeckDialog, partial(DeckDialog, ""), chosen)
