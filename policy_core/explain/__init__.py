"""Explain a pasted console error: recognise the browser's message, then rebuild the scenario.

``recognise_all(text)`` lists every message of a paste, most specific first; ``recognise(text)`` is
its first. Each finds Chrome's, Firefox's or Safari's CORS message (or one of the other
same-origin failures) anywhere in pasted text and pulls out the URL, the page's origin, the
failed rule as a ``Failure`` code, and the method, header or value the message names.
``scenario_for(rec)`` turns that into a scenario mapping (the contract format) that makes the
engine fail the same way, so the learner sees the trace and the fix.

The patterns are compiled from the message catalogue's templates (``patterns.wordings()``, the
one seam to ``policy_core.messages.CATALOGUE``), never typed here.

Layout: ``reasons`` what each failure means; ``normalise`` the text clean-up; ``patterns`` the
template compiler and the seam; ``tables`` the compiled wordings by role; ``recognise``;
``records`` the ``Recognised`` record; ``rebuild`` (``scenario_for``); ``examples``
(``KNOWN_MESSAGES``).
"""

from __future__ import annotations

from .examples import Example, known_messages
from .normalise import MAX_TEXT
from .reasons import REASONS, Reason
from .rebuild import (
    ASSUMED_EMBEDDER,
    ASSUMED_IMAGE,
    ASSUMED_PAGE,
    ASSUMED_SCRIPT,
    ASSUMED_TARGET,
    scenario_for,
)
from .recognise import recognise, recognise_all
from .records import BROWSERS, Recognised

__all__ = [
    "ASSUMED_EMBEDDER",
    "ASSUMED_IMAGE",
    "ASSUMED_PAGE",
    "ASSUMED_SCRIPT",
    "ASSUMED_TARGET",
    "BROWSERS",
    "KNOWN_MESSAGES",
    "MAX_TEXT",
    "REASONS",
    "Reason",
    "Recognised",
    "recognise",
    "recognise_all",
    "scenario_for",
]


def __getattr__(name: str) -> tuple[Example, ...]:
    # ``KNOWN_MESSAGES`` and the tables behind it are built when first read, not at import: a
    # process that never explains a message (the workbench until F9) does not compile them.
    if name == "KNOWN_MESSAGES":
        return known_messages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
