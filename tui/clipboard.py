"""Copying: the terminal's clipboard (OSC 52) first, then the system clipboard via pyperclip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

NO_SYSTEM_CLIPBOARD = "No system clipboard found; copied through the terminal (OSC 52) only."


class _App(Protocol):
    is_web: bool

    def copy_to_clipboard(self, text: str) -> None: ...

    def notify(self, message: str, *, title: str = ..., severity: str = ..., markup: bool = ...) -> None: ...


def pyperclip_copy(text: str) -> None:
    import pyperclip  # lazy: nothing is probed until the first copy

    pyperclip.copy(text)  # raises PyperclipException (a RuntimeError) when there is no backend


def copy_text(app: _App, text: str, system_copy: Callable[[str], None] | None = pyperclip_copy) -> bool:
    """Copy ``text``; True when a system clipboard took it too. Says so plainly when none exists."""
    app.copy_to_clipboard(text)  # works in local terminals, over SSH and in textual-serve
    if app.is_web or system_copy is None:  # under textual-serve pyperclip would copy on the server
        return True
    try:
        system_copy(text)
    except RuntimeError:
        app.notify(NO_SYSTEM_CLIPBOARD, title="Clipboard", severity="warning", markup=False)
        return False
    return True
