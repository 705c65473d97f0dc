"""Export (Ctrl+R): the chosen format's text, read-only, with Copy and Save to file.

The text comes from origin_playground.exports through ``make`` (given by the App): this screen
shows it and asks the App, by message, to copy it or save it (the App opens the file dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

import policy_core
from origin_playground.exports import EXPORT_FORMATS, describe

from ..messages import CopyText
from .path_dialog import PathDialog

# format -> (the name in the list, the file a save suggests)
FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "toml": ("Scenario TOML", "scenario.toml"),
    "markdown": ("Markdown", "report.md"),
    "json": ("JSON report", "report.json"),
    "curl": ("curl", "requests.sh"),
    "nginx": ("nginx", "cors-nginx.conf"),
    "express": ("Express", "cors-express.js"),
    "flask": ("Flask-CORS", "cors_flask.py"),
    "fastapi": ("FastAPI", "cors_fastapi.py"),
    "django": ("Django", "cors_django_settings.py"),
}
ORDER = tuple(fmt for fmt in FORMAT_NAMES if fmt in EXPORT_FORMATS) + tuple(
    fmt for fmt in EXPORT_FORMATS if fmt not in FORMAT_NAMES
)


def format_name(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, (fmt, ""))[0]


def suggested_file(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, ("", f"export.{fmt}"))[1]


class ExportSaveDialog(PathDialog):
    """Save an export's text (any file name; written atomically by the App)."""

    TITLE_TEXT = "Save the export to a file"
    CONFIRM = "Save"
    PLACEHOLDER = "path/to/file"
    FOLDERS_ONLY = True
    FOLDER_LABEL = "Saves to"


class ExportPreview(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-export"),
        Binding("c", "copy", "Copy", id="copy-export"),
        Binding("s", "save", "Save to file", id="save-export"),
    ]

    @dataclass
    class SaveRequested(Message):
        """Save ``text`` to a file the user picks (the App opens the dialog and writes it)."""

        text: str
        fmt: str

    def __init__(self, make: Callable[[str], str], fmt: str = "markdown") -> None:
        super().__init__()
        self.make = make
        self.fmt = fmt if fmt in ORDER else ORDER[0]
        self.text: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export-dialog"):
            yield Label("", id="export-title", classes="dialog-title")
            with Horizontal(id="export-body"):
                yield OptionList(*[Option(format_name(f), id=f) for f in ORDER], id="export-formats")
                yield TextArea("", id="export-text", read_only=True, show_line_numbers=False)
            yield Static("", id="export-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static("c copy · s save", classes="dialog-hint", markup=False)
                yield Button("Copy", id="export-copy", variant="primary", compact=True)
                yield Button("Save to file…", id="export-save", compact=True)
                yield Button("Close", id="export-close", compact=True)

    def on_mount(self) -> None:
        formats = self.query_one("#export-formats", OptionList)
        formats.highlighted = ORDER.index(self.fmt)
        self.show_format(self.fmt)
        formats.focus()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and event.option.id != self.fmt:
            self.show_format(event.option.id)

    def show_format(self, fmt: str) -> None:
        self.fmt = fmt
        self.query_one("#export-title", Label).update(Text(f"Export: {describe(fmt)}"))
        problem = ""
        try:
            self.text = self.make(fmt)
        except policy_core.ScenarioError as error:
            self.text = None
            problem = f"Cannot export {format_name(fmt)}: {error}"
        area = self.query_one("#export-text", TextArea)
        area.soft_wrap = fmt == "markdown"  # prose wraps; code keeps its lines (and indentation)
        area.load_text(self.text or "")
        self.query_one("#export-problem", Static).update(Text(problem))
        self.query_one("#export-copy", Button).disabled = self.text is None
        self.query_one("#export-save", Button).disabled = self.text is None

    @on(Button.Pressed, "#export-copy")
    def action_copy(self) -> None:
        if self.text is not None:
            self.post_message(CopyText(self.text, format_name(self.fmt)))

    @on(Button.Pressed, "#export-save")
    def action_save(self) -> None:
        if self.text is not None:
            self.post_message(self.SaveRequested(self.text, self.fmt))

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(None)
