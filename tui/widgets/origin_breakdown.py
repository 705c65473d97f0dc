"""An origin broken into scheme | host | port, the parts that differ from the other origin marked."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from policy_core import Origin
from policy_core.origins import DEFAULT_PORTS, TUPLE_ORIGIN_SCHEMES

from ..repaint import size_changed

PARTS = ("scheme", "host", "port")
DIFFERS_STYLE = "bold reverse underline"
NO_ORIGIN = "not a valid URL yet: no origin"


def port_text(origin: Origin) -> str:
    if origin.port is not None:
        return str(origin.port)
    default = DEFAULT_PORTS.get(origin.scheme)
    return f"{default} (default)" if default is not None else "(none)"


def part_texts(origin: Origin | None, why_opaque: str = "") -> tuple[str, str, str]:
    if origin is None:
        return (NO_ORIGIN, "", "")
    if origin.opaque:
        return (why_opaque or 'opaque origin "null"', "", "")
    return (f"{origin.scheme}://", origin.host, f":{port_text(origin)}")


def why_opaque(url: str, sandboxed: bool) -> str:
    """Why an origin is opaque, in the learner's words: a sandbox, or a URL that is not a web URL."""
    scheme = url.partition(":")[0].lower()
    if sandboxed and scheme in TUPLE_ORIGIN_SCHEMES:
        return 'opaque origin "null": sandboxed, no allow-same-origin'
    return 'not a web URL: its origin is opaque ("null")'


class OriginBreakdown(Static):
    """Shows one origin; ``show(origin, differs)`` is the only way in (attributes down).

    One widget, the parts styled inside its text (not one auto-width widget per part): a host that
    gets longer as the user types then repaints one line instead of re-laying out the screen."""

    # What is shown: the origin, the parts that differ, and why it is opaque. A var compares the data
    # itself (Content compares by its plain text, and a part newly marked differing has the same text).
    shown: var[tuple[Origin | None, tuple[str, ...], str]] = var[tuple["Origin | None", tuple[str, ...], str]](
        (None, (), ""), init=False
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)
        self.marked: tuple[str, ...] = ()  # the parts shown as differing (scheme, host, port)

    def show(self, origin: Origin | None, differs: tuple[str, ...] = (), why_opaque: str = "") -> None:
        """``origin`` None: the URL is not valid, so there is no origin to show."""
        self.shown = (origin, differs, why_opaque)

    def watch_shown(self, shown: tuple[Origin | None, tuple[str, ...], str]) -> None:
        origin, differs, why = shown
        pieces: list[tuple[str, str]] = []
        marked = []
        for part, text in zip(PARTS, part_texts(origin, why), strict=True):
            if not text:
                continue
            differ = part in differs or "opaque" in differs
            if differ:
                marked.append(part)
            pieces.append((text, f"$origin-{part} {DIFFERS_STYLE}" if differ else f"$origin-{part}"))
        self.marked = tuple(marked)
        self.update(Content.assemble(*pieces), layout=False)
        if size_changed(self):  # the talk screen's breakdown is as wide as its text
            self.refresh(layout=True)
