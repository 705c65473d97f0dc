"""Messages of subresources: image and script loads, canvas taint, muted errors, CORP, ORB, mixed content."""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import Message, Wording  # noqa: F401

CATALOGUE.register()
