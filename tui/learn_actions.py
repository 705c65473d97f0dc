"""The App's guided-flow actions: open the Learn screen, and offer it on a first start (a mixin of
OriginPlaygroundApp). Kept apart from tui/app.py by kind, as talk mode is.

The Learn screen (and the engine's question tree) is imported when the flow is first opened."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from . import config as user_config

if TYPE_CHECKING:
    from .screens.learn import LearnProgress


class LearnActions:
    """Needs the App's ``_open``, ``config_path`` and ``screen_stack`` (OriginPlaygroundApp)."""

    _learn: LearnProgress | None = None
    config_path: Any

    @property
    def learn(self) -> LearnProgress:
        """The guided flow's answers, kept while the app runs (made when the flow first needs them)."""
        if self._learn is None:
            from .screens.learn import LearnProgress

            self._learn = LearnProgress()
        return self._learn

    def action_learn(self) -> None:
        """The guided flow, where the learner left it (the answers stay while the app runs)."""
        from .screens.learn import LearnScreen

        self._open(LearnScreen, partial(LearnScreen, self.learn))

    def offer_learn(self, first_start: bool) -> None:
        """On a first start (no config file yet), ask: the guided tour, or the workbench.
        A recovery offer goes first: then the tour waits for another start."""
        from .screens.recover_dialog import RecoverDialog

        if not first_start or any(isinstance(s, RecoverDialog) for s in self.screen_stack):
            return
        from .screens.learn import LearnOffer

        def answered(tour: bool | None) -> None:
            if self.config_path is not None:
                try:  # the config file now exists: the offer is not made again
                    user_config.save_config(self.config_path, user_config.load_config(self.config_path).config)
                except OSError:
                    pass  # not remembered: the offer comes back next time, nothing worse
            if tour:
                self.action_learn()

        self.push_screen(LearnOffer(), answered)
