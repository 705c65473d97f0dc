"""The App's real-traffic actions: a HAR's requests, a live probe, a pasted curl command (a mixin of
OriginPlaygroundApp).

Kept apart from tui/app.py by kind: these bring traffic from outside into the workbench; the App
wires them to keys and messages. Each screen's module is imported where it is first opened.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import policy_core

from .state import ScenarioDraft

if TYPE_CHECKING:
    from .screens.curl_dialog import Imported


class TrafficActions:
    """Needs the App's ``session``, ``_open``, ``replace_asking`` and ``show_draft``."""

    session: Any

    def action_open_har(self) -> None:
        from .screens.har_screen import HarDialog, HarScreen, read_har_problem

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
        from .screens.probe_screen import ProbeScreen, probe_mapping

        try:
            mapping = probe_mapping(self.session.draft)
            screen = ProbeScreen(mapping, f"probe of {self.session.draft.target}")
        except policy_core.ScenarioError as error:
            self.notify(str(error), title="Cannot probe", severity="error", markup=False)
            return
        self._open(ProbeScreen, lambda: screen)

    def action_paste_curl(self) -> None:
        from .screens.curl_dialog import CurlDialog

        def imported(result: Imported | None) -> None:
            if result is None:
                return
            mapping, notes = result
            draft = ScenarioDraft.from_scenario(policy_core.load_scenario(mapping))  # checked by the import
            if notes:
                self.notify("; ".join(notes), title="From the curl command", markup=False, timeout=10)
            self.replace_asking(draft, "curl command", partial(self.show_draft, draft, "curl command"))

        self._open(CurlDialog, CurlDialog, imported)
