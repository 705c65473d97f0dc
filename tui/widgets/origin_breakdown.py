"""An origin broken into scheme | host | port, the parts that differ from the other origin marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from policy_core import Origin
from policy_core.origins import DEFAULT_PORTS

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
        yield Static("", classes="origin-serialized", markup=False, id=f"{self.id}-serialized")

    def show(self, origin: Origin | None, differs: tuple[str, ...] = ()) -> None:
        if origin is None:
            texts = ("scheme ?", "host ?", "port ?")
            serialized = ""
        elif origin.opaque:
            texts = ("opaque", "", "")
            serialized = 'origin "null"'
        else:
            texts = (f"scheme {origin.scheme}", f"host {origin.host}", f"port {port_text(origin)}")
            serialized = origin.serialize()
        for part, text in zip(PARTS, texts, strict=True):
            widget = self.query_one(f"#{self.id}-{part}", Static)
            differ = part in differs or "opaque" in differs
            shown = f"{text} ≠" if differ and text else text
            widget.update(shown)
            widget.set_class(differ, "-differs")
            widget.display = bool(text)
        self.query_one(f"#{self.id}-serialized", Static).update(serialized)
