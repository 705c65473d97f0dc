"""Messages of documents: cross-origin DOM access, X-Frame-Options, CSP frame-ancestors."""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import Message, Wording  # noqa: F401

CATALOGUE.register()
