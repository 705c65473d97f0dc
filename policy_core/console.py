"""The browsers' frames around a CORS reason, rendered from the catalogue (messages/cors.py).

Thin helpers so every verdict (and explain) frames a reason the same way: the sentences
themselves live only in the catalogue.
"""

from __future__ import annotations

from .messages import CATALOGUE, CHROME, FIREFOX, SAFARI, render
from .messages import cors as m

# Chrome's preflight frame, the text before its {reason}.
CHROME_PREFLIGHT_PREFIX = CATALOGUE[m.FRAME_PREFLIGHT].wording(CHROME).text.removesuffix("{reason}")


def encode_hint(text: str) -> str:
    """Chromium 132+ ``EncodeHint``: non-printable or non-ASCII characters become ``\\uXXXX``."""
    return "".join(ch if 0x20 <= ord(ch) < 0x7F else f"\\u{ord(ch):04X}" for ch in text)


def chrome_cors_message(
    kind: str, url: str, origin: str, reason: str, *, initial_url: str | None = None, preflight: bool = False
) -> str:
    """Chrome's CORS frame (``frame.cors``, or ``frame.cors.redirected`` after a redirect) around ``reason``."""
    if preflight:
        reason = render(m.FRAME_PREFLIGHT, CHROME, reason=reason)
    if initial_url and initial_url != url:
        return render(m.FRAME_REDIRECTED, CHROME, kind=kind, url=url, initial_url=initial_url, origin=origin, reason=reason)
    return render(m.FRAME, CHROME, kind=kind, url=url, origin=origin, reason=reason)


def firefox_cors_message(url: str, reason: str, *, status: int | None = None, quote_url: bool = False) -> str:
    """Firefox's CORS frame around ``reason``: the URL quoted or not, with the status code or not."""
    if status is None:
        return render(m.FRAME_QUOTED if quote_url else m.FRAME, FIREFOX, url=url, reason=reason)
    return render(m.FRAME_QUOTED_WITH_STATUS if quote_url else m.FRAME_WITH_STATUS, FIREFOX, url=url, reason=reason, status=status)


def safari_cors_message(api: str, url: str, reason: str) -> str:
    """Safari prints the reason, then its ``frame.cors`` line (the API and the URL) on the next line."""
    return f"{reason}\n{render(m.FRAME, SAFARI, api=api, url=url)}"


def failed_to_fetch() -> str:
    """What script sees when a fetch fails (``typeerror.failed-to-fetch``)."""
    return render(m.TYPEERROR_FAILED_TO_FETCH, CHROME)
