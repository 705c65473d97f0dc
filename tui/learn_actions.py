"""The App's guided-flow actions: open the Learn screen, and offer it on a first start (a mixin of
OriginPlaygroundApp). Kept apart from tui/app.py by kind, as talk mode is."""

from __future__ import annotations

from functools import partial
from typing import Any

from . import config as user_config
from .screens.learn import LearnOffer, LearnProgress, LearnScreen
from .screens.recover_dialog import RecoverDialog


class LearnActions:
    """Needs the App's ``_open``, ``config_path`` and ``screen_stack`` (OriginPlaygroundApp)."""

    learn: LearnProgress
    config_path: Any

    def action_learn(self) -> None:
        """The guided flow, where the learner left it (the answers stay while the app runs)."""
        self._open(LearnScreen, partial(LearnScreen, self.learn))

    def offer_learn(self, first_start: bool) -> None:
        """On a first start (no config file yet), ask: the guided tour, or the workbench.
        A recovery offer goes first: then the tour waits for another start."""
        if not first_start or any(isinstance(s, RecoverDialog) for s in self.screen_stack):
            return

        def answered(tour: bool | None) -> None:
            if self.config_path is not None:
                try:  # the config file now exists: the offer is not made again
                    user_config.save_config(self.config_path, user_config.load_config(self.config_path).config)
                except OSError:
                    pass  # not remembered: the offer comes back next time, nothing worse
            if tour:
                self.action_learn()

        self.push_screen(LearnOffer(), answered)
