"""Paste a curl command (Posting-style): origin_playground/curl_import.py makes it a scenario.

The page comes from the command's Origin header; without one the page field is asked for. A
command this cannot read keeps the dialog open with one line (every option it does not model
named at once), never a traceback.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from origin_playground.curl_import import curl_to_mapping, unmodelled_options
from policy_core import ScenarioError

Imported = tuple[dict[str, Any], list[str]]  # the scenario mapping and curl_import's notes


def import_problem(command: str, page: str | None) -> Imported | str:
    """The scenario and notes for ``command``, or the one line saying why there is none."""
    unmodelled = unmodelled_options(command)
    if unmodelled:
        return (
            f"curl: not modelled: {', '.join(unmodelled)}; remove "
            + ("it" if len(unmodelled) == 1 else "them")
            + " or describe the request by hand"
        )
    try:
        return curl_to_mapping(command, page)
    except ScenarioError as error:
        if error.path == "--page":  # the command line's flag is this dialog's page field
            return "page: " + error.problem.replace("with --page", "in the page field")
        return str(error)


class CurlDialog(ModalScreen[Imported | None]):
    BINDINGS = [
        Binding("ctrl+g", "load", "Load in workbench", id="curl-load"),
        Binding("escape", "cancel", "Cancel", id="cancel-curl"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog curl-dialog"):
            yield Label("Paste a curl command (DevTools' Copy as cURL, or your notes)", classes="dialog-title")
            yield TextArea("", id="curl-text", soft_wrap=True, show_line_numbers=False)
            yield Input("", id="curl-page", placeholder="The page's URL (only when there is no Origin header)")
            yield Static("", id="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Static("Ctrl+G loads · Esc cancels", classes="dialog-hint", markup=False)
                yield Button("Load", id="curl-ok", variant="primary", compact=True)
                yield Button("Cancel", id="curl-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#curl-text", TextArea).focus()

    def show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(Text(message))

    @on(Input.Submitted, "#curl-page")
    @on(Button.Pressed, "#curl-ok")
    def action_load(self) -> None:
        command = self.query_one("#curl-text", TextArea).text
        if not command.strip():
            self.show_error("Paste a curl command first.")
            return
        page = self.query_one("#curl-page", Input).value.strip() or None
        result = import_problem(command, page)
        if isinstance(result, str):
            self.show_error(result)
            return
        self.dismiss(result)

    @on(Button.Pressed, "#curl-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
