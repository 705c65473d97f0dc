"""A file dialog: a folder tree (tui/widgets/file_browser.py) beside a path field.

The open, save, deck, HAR and export dialogs are this with other words. The dialog shows the
folder the path goes to; ``check`` (given by whoever opens the dialog) tries the path and returns
the one-line problem, and a bad path keeps the dialog open with that line under the field.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, Static

from ..widgets.file_browser import FileBrowser

Check = Callable[[Path], "str | None"]


def shown_path(path: Path) -> str:
    """A path as the dialog shows it: absolute, the home folder as ``~``."""
    text = str(path)
    try:
        home = str(Path.home())
    except RuntimeError:  # no HOME and no password entry: show the path as it is
        return text
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home) :]
    return text


def expand(text: str) -> Path:
    """``~`` and ``~user`` expanded; an unknown user (``~nobody-here``) stays literal, never an error."""
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "Could not determine home directory"
        return Path(text)


def folder_of(text: str) -> Path:
    """The folder a typed path goes to (a path ending in / is that folder), made absolute."""
    path = expand(text) if text else Path()
    folder = path if text.endswith(("/", os.sep)) or not text else path.parent
    return Path(os.path.abspath(folder))


class PathDialog(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-dialog")]
    TITLE_TEXT = "File"
    CONFIRM = "OK"
    PLACEHOLDER = "path/to/scenario.toml"
    SUFFIXES: tuple[str, ...] | None = (".toml",)  # the files the tree lists (None: every file)
    FOLDERS_ONLY = False  # a save: the tree lists folders, the field names the file
    FOLDER_LABEL = "Folder"

    def __init__(self, initial: str = "", check: Check | None = None) -> None:
        super().__init__(classes="path-dialog")
        self.initial = initial
        self.check = check

    def compose(self) -> ComposeResult:
        start = folder_of(self.initial)
        if not start.is_dir():
            start = Path.cwd()
        with Vertical(classes="dialog file-dialog"):
            yield Label(self.TITLE_TEXT, classes="dialog-title")
            yield FileBrowser(start, suffixes=self.SUFFIXES, folders_only=self.FOLDERS_ONLY, id="dialog-browser")
            yield Static("", id="dialog-folder", markup=False)
            yield Input(self.initial, id="dialog-path", placeholder=self.PLACEHOLDER)
            yield Static("", id="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static(self._hint(), classes="dialog-hint", markup=False)
                yield Button(self.CONFIRM, id="dialog-ok", variant="primary", compact=True)
                yield Button("Cancel", id="dialog-cancel", compact=True)

    def _hint(self) -> str:
        return "Tab: tree · Backspace: up"

    def on_mount(self) -> None:
        self._show_folder(self.initial)
        self.query_one("#dialog-path", Input).focus()

    def show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(Text(" ".join(message.split())))

    def _show_folder(self, text: str) -> None:
        folder = folder_of(text.strip())
        where = shown_path(folder) + ("" if folder.is_dir() else "  (no such folder)")
        self.query_one("#dialog-folder", Static).update(Text(f"{self.FOLDER_LABEL}: {where}"))

    @on(Input.Changed, "#dialog-path")
    def _typed(self, event: Input.Changed) -> None:
        self.show_error("")
        self._show_folder(event.value)
        if event.value.endswith(("/", os.sep)):
            self.query_one(FileBrowser).show_folder(folder_of(event.value))

    @on(DirectoryTree.FileSelected)
    def _file_picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.query_one("#dialog-path", Input).value = self._relative(event.path)
        self._confirm()

    @on(DirectoryTree.DirectorySelected)
    def _folder_picked(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        if not self.FOLDERS_ONLY:
            return  # the tree opens and closes it
        field = self.query_one("#dialog-path", Input)
        name = Path(field.value.strip()).name or Path(self.initial).name or "untitled"
        field.value = self._relative(event.path / name)

    @staticmethod
    def _relative(path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    @on(Input.Submitted)
    @on(Button.Pressed, "#dialog-ok")
    def _confirm(self) -> None:
        text = self.query_one("#dialog-path", Input).value.strip()
        if not text:
            self.show_error("Type a file path, or pick one in the tree.")
            return
        path = expand(text)
        if path.is_dir():
            if self.FOLDERS_ONLY:
                self.show_error(f"{text} is a folder: add a file name.")
            else:
                self.query_one(FileBrowser).show_folder(path)
                self.show_error(f"{text} is a folder: pick a file in it.")
            return
        problem = self.check(path) if self.check is not None else None
        if problem:
            self.show_error(problem)
            return
        self.dismiss(path)

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
