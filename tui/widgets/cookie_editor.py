"""The cookie the target's host sets: attributes one by one, or a pasted Set-Cookie line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Checkbox, Input, Label, Select

from policy_core.scenario import VIAS

from ..state import COOKIE_FIELDS, cookie_fields, cookie_from_fields
from .state_checkbox import StateCheckbox

SAMESITE_CHOICES = (("Lax", "Lax"), ("Strict", "Strict"), ("None", "None"), ("(absent: Lax by default)", ""))


class CookieEditor(Vertical):
    @dataclass
    class Changed(Message):
        """The cookie changed; None when no cookie is set."""

        cookie: dict[str, Any] | None

    # The scenario's cookie, set by the screen whenever a scenario is shown, mounted or not yet
    # (the Cookie tab is lazy); a load always refills the fields.
    shown_cookie: var[dict[str, Any] | None] = var[dict[str, Any] | None](
        None, init=False, always_update=True
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._loaded: dict[str, Any] | None = None  # the field values _fill last showed

    def compose(self) -> ComposeResult:
        yield StateCheckbox("The target's host sets a cookie", id="cookie-enabled", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Set-Cookie", classes="form-label")
            yield Input(
                placeholder="paste a Set-Cookie line (overrides the fields below)",
                id="cookie-line",
                compact=True,
            )
        with Horizontal(classes="form-row"):
            yield Label("name", classes="form-label")
            yield Input(id="cookie-name", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("SameSite", classes="form-label")
            yield Select(SAMESITE_CHOICES, allow_blank=False, value="", id="cookie-samesite", compact=True)
        with Horizontal(classes="form-row"):
            yield StateCheckbox("Secure", id="cookie-secure", compact=True)
            yield StateCheckbox("HttpOnly", id="cookie-httponly", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Domain", classes="form-label")
            yield Input(placeholder="(host-only)", id="cookie-domain", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Path", classes="form-label")
            yield Input(id="cookie-path", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("via", classes="form-label")
            yield Select(
                [(v, v) for v in VIAS], allow_blank=False, value="fetch", id="cookie-via", compact=True
            )

    def on_mount(self) -> None:
        self._fill(self.shown_cookie)

    def watch_shown_cookie(self, cookie: dict[str, Any] | None) -> None:
        if self.is_mounted:
            self._fill(cookie)

    def _fill(self, cookie: dict[str, Any] | None) -> None:
        """Show a loaded scenario's cookie; posts nothing."""
        fields = {f"#cookie-{key}": value for key, value in cookie_fields(cookie).items()}
        self._loaded = fields
        for selector, value in fields.items():
            widget = self.query_one(selector)
            message = (
                Input.Changed
                if isinstance(widget, Input)
                else Select.Changed
                if isinstance(widget, Select)
                else Checkbox.Changed
            )
            if widget.value != value:  # type: ignore[attr-defined]
                with widget.prevent(message):
                    widget.value = value  # type: ignore[attr-defined]
        self._dim_fields()

    def cookie(self) -> dict[str, Any] | None:
        """What the fields say, as the scenario's cookie table (tui/state.py builds it)."""
        values: dict[str, Any] = {}
        for key in COOKIE_FIELDS:
            widget = self.query_one(f"#cookie-{key}")
            assert isinstance(widget, (Input, Select, Checkbox))
            values[key] = widget.value
        return cookie_from_fields(values)

    def _dim_fields(self) -> None:
        enabled = self.query_one("#cookie-enabled", Checkbox).value
        by_line = bool(self.query_one("#cookie-line", Input).value.strip())
        for widget in self.query(".form-row"):
            widget.set_class(not enabled, "-off")
        for selector in (
            "#cookie-name",
            "#cookie-samesite",
            "#cookie-secure",
            "#cookie-httponly",
            "#cookie-domain",
            "#cookie-path",
        ):
            self.query_one(selector).set_class(by_line, "-overridden")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _edited(self, event: Input.Changed | Select.Changed | Checkbox.Changed) -> None:
        event.stop()
        if self._loaded is None:
            return  # widgets settling before any scenario was shown
        widget_id = event.control.id
        if self._loaded.get(f"#{widget_id}", object()) == event.control.value:
            return  # a widget settling on the value it was given, not an edit
        self._loaded.pop(f"#{widget_id}", None)
        if widget_id != "cookie-enabled" and not self.query_one("#cookie-enabled", Checkbox).value:
            # Editing any field means the user wants a cookie.
            box = self.query_one("#cookie-enabled", Checkbox)
            with box.prevent(Checkbox.Changed):
                box.value = True
        self._dim_fields()
        self.post_message(self.Changed(self.cookie()))
