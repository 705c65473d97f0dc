"""Messages of older wordings (2014 onwards) and browsers the engine does not print for (legacy Edge/IE); used by explain."""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import Message, Wording  # noqa: F401

CATALOGUE.register()
