"""The request: method (common ones offered, any typed), mode, credentials, crossorigin, headers."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select

from policy_core.scenario import CREDENTIALS, CROSSORIGIN, MODES

from ..state import DEFAULT_REQUEST, HeaderRows, is_header_paste
from .header_input import HeaderInput
from .headers_editor import HeadersEditor

COMMON_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
CHOICES = {"mode": MODES, "credentials": CREDENTIALS, "crossorigin": CROSSORIGIN}


class RequestEditor(Vertical):
    @dataclass
    class Changed(Message):
        """One request field changed (method, mode, credentials or crossorigin)."""

        field: str
        value: str

    @dataclass
    class HeadersChanged(Message):
        headers: HeaderRows

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: dict[str, str] | None = None  # what set_request last showed
        # Set before the editor is mounted (the workbench mounts it after its first paint): shown
        # once it is.
        self._pending: tuple[dict[str, str], HeaderRows] | None = None

    def on_mount(self) -> None:
        if self._pending is not None:
            self._show(*self._pending)  # is_mounted turns true only after this handler
            self._pending = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label("method", classes="form-label")
            yield HeaderInput(
                "GET",
                id="request-method",
                suggester=SuggestFromList(COMMON_METHODS, case_sensitive=False),
                placeholder="GET, POST, PUT… or any token",
                compact=True,
            )
        for field, choices in CHOICES.items():
            with Horizontal(classes="form-row"):
                yield Label(field, classes="form-label")
                yield Select(
                    [(c, c) for c in choices],
                    allow_blank=False,
                    value=DEFAULT_REQUEST[field],
                    id=f"request-{field}",
                    compact=True,
                )
        yield Label("headers", classes="form-label section-label")
        yield HeadersEditor(id="request-headers")

    def set_request(self, request: dict[str, str], headers: HeaderRows) -> None:
        """Show a loaded scenario's request; posts nothing."""
        if not self.is_mounted:
            self._pending = (dict(request), headers)
            return
        self._pending = None
        self._show(request, headers)

    def _show(self, request: dict[str, str], headers: HeaderRows) -> None:
        self._shown = dict(request)
        method = self.query_one("#request-method", Input)
        if method.value != request["method"]:
            with method.prevent(Input.Changed):
                method.value = request["method"]
        for field in CHOICES:
            select = self.query_one(f"#request-{field}", Select)
            if select.value != request[field]:
                with select.prevent(Select.Changed):
                    select.value = request[field]
        self.query_one(HeadersEditor).set_rows(headers)

    def _post_if_edited(self, field: str, value: str) -> None:
        # Widgets settle on their first values when mounted; only a real change is an edit.
        if self._shown is None or self._shown.get(field) == value:
            return
        self._shown[field] = value
        self.post_message(self.Changed(field, value))

    @on(Input.Changed, "#request-method")
    def _method(self, event: Input.Changed) -> None:
        event.stop()
        self._post_if_edited("method", event.input.value.strip())

    @on(Select.Changed, "#request-mode, #request-credentials, #request-crossorigin")
    def _choice(self, event: Select.Changed) -> None:
        event.stop()
        field = (event.select.id or "").removeprefix("request-")
        self._post_if_edited(field, str(event.select.value))  # the current value, never a stale one

    @on(HeadersEditor.Changed)
    def _headers(self, event: HeadersEditor.Changed) -> None:
        event.stop()
        self.post_message(self.HeadersChanged(event.headers))

    # --- a paste anywhere in the pane is read as headers (or a raw request) -------------------

    @on(HeaderInput.LinesPasted, "#request-method")
    def _lines_pasted(self, event: HeaderInput.LinesPasted) -> None:
        event.stop()
        self.query_one(HeadersEditor).add_lines(event.text)

    @on(events.Paste)
    def _pasted(self, event: events.Paste) -> None:
        """On a choice list (the inputs and the headers editor handle their own)."""
        if is_header_paste(event.text):
            event.stop()
            self.query_one(HeadersEditor).add_lines(event.text)

    @on(HeadersEditor.MethodPasted)
    def _method_pasted(self, event: HeadersEditor.MethodPasted) -> None:
        event.stop()
        method = self.query_one("#request-method", Input)
        with method.prevent(Input.Changed):
            method.value = event.method
        self._post_if_edited("method", event.method)
