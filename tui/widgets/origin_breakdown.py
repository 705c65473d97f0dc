"""An origin broken into scheme | host | port, the parts that differ from the other origin marked."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from policy_core import Origin
from policy_core.origins import DEFAULT_PORTS

from ..repaint import size_changed

PARTS = ("scheme", "host", "port")
DIFFERS_STYLE = "bold reverse underline"


def port_text(origin: Origin) -> str:
    if origin.port is not None:
        return str(origin.port)
    default = DEFAULT_PORTS.get(origin.scheme)
    return f"{default} (default)" if default is not None else "(none)"


def part_texts(origin: Origin | None) -> tuple[str, str, str]:
    if origin is None:
        return ("?", "?", "?")
    if origin.opaque:
        return ('opaque origin "null"', "", "")
    return (f"{origin.scheme}://", origin.host, f":{port_text(origin)}")


class OriginBreakdown(Static):
    """Shows one origin; ``show(origin, differs)`` is the only way in (attributes down).

    One widget, the parts styled inside its text (not one auto-width widget per part): a host that
    gets longer as the user types then repaints one line instead of re-laying out the screen."""

    # What is shown: the origin and the parts that differ. A var compares the data itself (Content
    # compares by its plain text, and a part newly marked as differing has the same text).
    shown: var[tuple[Origin | None, tuple[str, ...]]] = var[tuple["Origin | None", tuple[str, ...]]](
        (None, ()), init=False
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)
        self.marked: tuple[str, ...] = ()  # the parts shown as differing (scheme, host, port)

    def show(self, origin: Origin | None, differs: tuple[str, ...] = ()) -> None:
        self.shown = (origin, differs)

    def watch_shown(self, shown: tuple[Origin | None, tuple[str, ...]]) -> None:
        origin, differs = shown
        pieces: list[tuple[str, str]] = []
        marked = []
        for part, text in zip(PARTS, part_texts(origin), strict=True):
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
