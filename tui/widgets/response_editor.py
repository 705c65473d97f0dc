"""One server answer (the preflight's or the actual response's): status and headers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, Label

from ..state import HeaderRows, Response
from .header_input import HeaderInput
from .headers_editor import HeadersEditor


class ResponseEditor(Vertical):
    @dataclass
    class Changed(Message):
        """Status or headers of this response changed. ``status`` is None when not a number."""

        section: str  # "preflight" or "response"
        status: int | None
        status_text: str
        headers: HeaderRows

    # Set by the screen whenever a scenario is shown, mounted or not yet (the Response tab is lazy):
    # a load always refills the fields, even with a response equal to the last one loaded.
    response: var[Response] = var(Response, init=False, always_update=True)
    origin_hint: var[str] = var("*", init=False)

    def __init__(self, section: str, title: str, **kwargs: Any) -> None:
        super().__init__(id=f"{section}-editor", classes="response-editor", **kwargs)
        self.section = section
        self.title = title
        self.headers: HeaderRows = []
        self._shown_status: str | None = None  # what set_response last showed

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(self.title, classes="response-title")
            yield Label("status", classes="form-label-short")
            yield HeaderInput(
                "200",
                id=f"{self.section}-status",
                restrict=r"[0-9]*",
                max_length=3,
                compact=True,
                classes="status-input",
            )
        yield HeadersEditor(id=f"{self.section}-headers", quick_add=True)

    def on_mount(self) -> None:
        self._fill(self.response)
        self.watch_origin_hint(self.origin_hint)

    def watch_response(self, response: Response) -> None:
        if self.is_mounted:
            self._fill(response)

    def _fill(self, response: Response) -> None:
        status_input = self.query_one(f"#{self.section}-status", Input)
        self._shown_status = str(response.status)
        if status_input.value != str(response.status):
            with status_input.prevent(Input.Changed):
                status_input.value = str(response.status)
        self.headers = list(response.headers)
        self.query_one(HeadersEditor).set_rows(response.headers)

    def watch_origin_hint(self, origin: str) -> None:
        if self.is_mounted:
            self.query_one(HeadersEditor).origin_hint = origin

    def _post(self) -> None:
        text = self.query_one(f"#{self.section}-status", Input).value.strip()
        status = int(text) if text.isdigit() else None
        self.post_message(self.Changed(self.section, status, text, list(self.headers)))

    @on(Input.Changed, ".status-input")
    def _status(self, event: Input.Changed) -> None:
        event.stop()
        text = event.input.value.strip()
        if self._shown_status is None or text == self._shown_status:
            return  # the input settling on the value it was given, not an edit
        self._shown_status = text
        self._post()

    @on(HeadersEditor.Changed)
    def _headers(self, event: HeadersEditor.Changed) -> None:
        event.stop()
        self.headers = list(event.headers)
        self._post()

    @on(HeaderInput.LinesPasted, ".status-input")
    def _lines_pasted(self, event: HeaderInput.LinesPasted) -> None:
        """A raw response pasted on the status field: the status and the headers."""
        event.stop()
        self.query_one(HeadersEditor).add_lines(event.text)

    @on(HeadersEditor.StatusPasted)
    def _status_pasted(self, event: HeadersEditor.StatusPasted) -> None:
        event.stop()
        status_input = self.query_one(f"#{self.section}-status", Input)
        self._shown_status = str(event.status)
        with status_input.prevent(Input.Changed):
            status_input.value = str(event.status)
