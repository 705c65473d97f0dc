"""An origin broken into scheme | host | port, the parts that differ from the other origin marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from policy_core import Origin
from policy_core.origins import DEFAULT_PORTS

from ..repaint import update_static

PARTS = ("scheme", "host", "port")


def port_text(origin: Origin) -> str:
    if origin.port is not None:
        return str(origin.port)
    default = DEFAULT_PORTS.get(origin.scheme)
    return f"{default} (default)" if default is not None else "(none)"


class OriginBreakdown(Horizontal):
    """Shows one origin; ``show(origin, differs)`` is the only way in (attributes down)."""

    def compose(self) -> ComposeResult:
        for part in PARTS:
            yield Static("", classes=f"origin-part origin-{part}", markup=False, id=f"{self.id}-{part}")

    def show(self, origin: Origin | None, differs: tuple[str, ...] = ()) -> None:
        if getattr(self, "_shown", None) == (origin, differs):
            return
        self._shown = (origin, differs)
        if origin is None:
            texts = ("?", "?", "?")
        elif origin.opaque:
            texts = ('opaque origin "null"', "", "")
        else:
            texts = (f"{origin.scheme}://", origin.host, f":{port_text(origin)}")
        for part, text in zip(PARTS, texts, strict=True):
            widget = self.query_one(f"#{self.id}-{part}", Static)
            differ = part in differs or "opaque" in differs
            update_static(widget, text)
            widget.set_class(differ, "-differs")
            widget.display = bool(text)
