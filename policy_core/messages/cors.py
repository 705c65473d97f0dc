"""Messages of CORS, preflight, redirects, request mode, scheme and Local Network Access (fetch and the CORS part of image/script)."""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import Message, Wording  # noqa: F401

CATALOGUE.register()
