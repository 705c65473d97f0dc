"""The browsers' frames around a CORS reason, rendered from the catalogue (messages/cors.py).

Thin helpers so every verdict (and explain) frames a reason the same way: the sentences
themselves live only in the catalogue.
"""

from __future__ import annotations

from .messages import CATALOGUE, CHROME, FIREFOX, SAFARI, render
from .messages import cors as m
from .messages import subresources as sub

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


# Chrome's "Failed to load resource" line for each way a load can end in a network error.
_LOAD_FAILED = {
    "cors": sub.LOAD_FAILED,
    "too-many-redirects": sub.LOAD_FAILED_TOO_MANY_REDIRECTS,
    "unsafe-redirect": sub.LOAD_FAILED_UNSAFE_REDIRECT,
}


def chrome_load_line(*, network_error: str | None = None, status: int | None = None, phrase: bool = True) -> str | None:
    """Chromium's network line after the load: ``net::ERR_…`` for a network error (a CORS failure, a
    redirect loop), else the error status of a response that reached the page; None when it prints none.

    The reason phrase is the standard one (what an HTTP/1.1 server sends); Chrome prints it empty for a
    frame it refused to display.
    """
    if network_error is not None:
        return render(_LOAD_FAILED[network_error], CHROME)
    if status is None or status < 400:
        return None
    reason = sub.REASON_PHRASES.get(status, "") if phrase else ""
    return render(sub.LOAD_ERROR_STATUS, CHROME, status=status, phrase=reason)


def with_line(text: str | None, line: str | None) -> str | None:
    """``text`` with ``line`` after it (either may be absent)."""
    if line is None:
        return text
    return line if not text else f"{text}\n{line}"


def with_line_before(text: str | None, line: str | None) -> str | None:
    """``line`` before ``text`` (either may be absent)."""
    if line is None:
        return text
    return line if not text else f"{line}\n{text}"
