"""The message catalogue: every failure code, and every browser sentence, once.

``Failure`` names each failure; ``CATALOGUE`` holds each message's wordings per browser and era.
Area modules (``cors``, ``documents``, ``subresources``, ``cookies``, ``legacy``) register their
messages when this package is imported. The engine renders with ``render``; explain compiles its
patterns from ``CATALOGUE.messages()``.
"""

from __future__ import annotations

from .catalogue import CHROME, CURRENT, EDGE, FIREFOX, SAFARI, Catalogue, Message, Wording
from .codes import Failure

CATALOGUE = Catalogue()


def render(key: str, browser: str, /, **values: object) -> str:
    """One browser's current sentence for ``key``, with its fields filled in."""
    return CATALOGUE.render(key, browser, **values)


# The areas register their messages into CATALOGUE (imported last: they import CATALOGUE).
from . import cookies, cors, documents, legacy, subresources  # noqa: E402

__all__ = [
    "CATALOGUE",
    "CHROME",
    "CURRENT",
    "EDGE",
    "FIREFOX",
    "SAFARI",
    "Catalogue",
    "Failure",
    "Message",
    "Wording",
    "cookies",
    "cors",
    "documents",
    "legacy",
    "render",
    "subresources",
]
