"""The App's recovery copy of a dirty draft: written after edits, offered at start (a mixin).

The policy (when a copy is kept, offered or deleted) is tui/recovery.py; this is its wiring to the
App's timers and dialogs.
"""

from __future__ import annotations

from typing import Any

RECOVERY_DELAY = 0.5  # seconds of quiet after an edit before the recovery copy is written


class RecoveryActions:
    """Needs the App's ``session``, ``recovery``, ``workbench`` and timers (OriginPlaygroundApp)."""

    session: Any
    recovery: Any
    _recovery_timer: Any

    # --- the recovery copy --------------------------------------------------------------------------

    def _draft_changed(self) -> None:
        """The title follows the draft; a dirty draft gets a recovery copy, a clean one none."""
        self._update_title()
        if not self.recovery.active:
            return
        if not self.session.dirty:
            if self._recovery_timer is not None:
                self._recovery_timer.stop()
                self._recovery_timer = None
            self.recovery.discard()
        elif self._recovery_timer is None:
            self._recovery_timer = self.set_timer(RECOVERY_DELAY, self.write_recovery_copy)
        else:
            self._recovery_timer.reset()

    def write_recovery_copy(self) -> None:
        """Keep the dirty draft where the next start finds it (also called once the app stopped)."""
        self._recovery_timer = None
        self.recovery.keep(self.session)

    def _offer_recovery(self) -> None:
        found = self.recovery.offer()
        if isinstance(found, str):
            self.notify(found, title="Recovery copy", severity="warning", timeout=10, markup=False)
        elif found is not None:
            from .screens.recover_dialog import RecoverDialog

            def answered(restore: bool | None) -> None:
                self.recovery.answered(bool(restore))
                if restore:
                    self._back_to_workbench()
                    self.session.replace(found.draft, found.source_name, found.path, saved=False)
                    self._update_title()
                    self.workbench.show_draft()

            self.push_screen(RecoverDialog(found.source_name), answered)
