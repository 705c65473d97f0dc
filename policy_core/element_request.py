"""What an element's request asks of Fetch: the ``crossorigin`` attribute → mode and credentials.

HTML § CORS settings attributes. The one place this rule lives: the image and script verdicts
use it to fetch, the cookie verdict to decide whether a cookie rides along.
"""

from __future__ import annotations

from dataclasses import dataclass

# crossorigin value → (mode, credentials mode) for a classic element (img, classic script).
_CLASSIC = {
    "none": ("no-cors", "include"),
    "anonymous": ("cors", "same-origin"),
    "use-credentials": ("cors", "include"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ElementRequest:
    mode: str  # cors | no-cors
    credentials: str  # include | same-origin


def element_request(crossorigin: str, *, module: bool = False) -> ElementRequest:
    """``<img>``/``<script>`` (``module``: ``<script type="module">``, always CORS) with this attribute."""
    if module:
        # A module script is always fetched in CORS mode; no attribute means "anonymous".
        return ElementRequest(mode="cors", credentials="include" if crossorigin == "use-credentials" else "same-origin")
    mode, credentials = _CLASSIC[crossorigin]
    return ElementRequest(mode=mode, credentials=credentials)
