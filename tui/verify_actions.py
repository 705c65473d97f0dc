"""The App's "Verify in a real browser…" action (a mixin; issue 11 §2).

The screen (tui/screens/verify_screen.py) asks before it starts a browser and runs the harness in
a worker; this only builds the scenario and the engine's report from the draft.
"""

from __future__ import annotations

from typing import Any

import policy_core


class VerifyActions:
    """Needs the App's ``session``, ``notify`` and ``_open`` (OriginPlaygroundApp)."""

    session: Any

    def action_verify(self) -> None:
        """The current draft, played in a real browser after a confirmation."""
        from .screens.verify_screen import VerifyScreen, open_arguments  # the harness loads on demand

        try:
            scenario, report = open_arguments(self.session.draft.evaluation_mapping())
        except policy_core.ScenarioError as error:
            self.notify(str(error), title="Cannot verify", severity="error", markup=False)
            return
        name = self.session.source_name
        self._open(VerifyScreen, lambda: VerifyScreen(scenario, report, name))
