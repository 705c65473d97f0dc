"""Messages of cookies: Set-Cookie rejections, SameSite, third-party cookies, document.cookie."""

from __future__ import annotations

from . import CATALOGUE
from .catalogue import Message, Wording  # noqa: F401

CATALOGUE.register()
