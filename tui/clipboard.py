"""Copying: the terminal's clipboard (OSC 52) always, then the system clipboard via pyperclip.

``copy_text`` says which got the text, and ``copied_message`` says it plainly: a terminal that
does not understand OSC 52 drops it silently, so "copied" alone would not be honest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol

Where = Literal["system", "terminal", "browser"]

NO_SYSTEM_CLIPBOARD = (
    "No system clipboard found (pyperclip): only the terminal got it, through OSC 52; "
    "it arrives if your terminal supports OSC 52."
)


class _App(Protocol):
    is_web: bool

    def copy_to_clipboard(self, text: str) -> None: ...


def pyperclip_copy(text: str) -> None:
    import pyperclip  # lazy: nothing is probed until the first copy

    pyperclip.copy(text)  # raises PyperclipException (a RuntimeError) when there is no backend


def copy_text(app: _App, text: str, system_copy: Callable[[str], None] | None = pyperclip_copy) -> Where:
    """Copy ``text``; where it went: the system clipboard too, the terminal's only, or the browser's."""
    app.copy_to_clipboard(text)  # works in local terminals, over SSH and in textual-serve
    if app.is_web:  # under textual-serve pyperclip would copy on the server
        return "browser"
    if system_copy is None:
        return "terminal"
    try:
        system_copy(text)
    except RuntimeError:
        return "terminal"
    return "system"


def copied_message(where: Where) -> str:
    if where == "system":
        return "On the system clipboard (pyperclip), and sent to the terminal (OSC 52)."
    if where == "browser":
        return "Sent to the browser's clipboard (textual serve)."
    return NO_SYSTEM_CLIPBOARD
