"""The cookie the target's host sets: one cookie, shown both as a Set-Cookie line and as fields.

One source of truth: the line and the fields always show the same cookie. Typing in the line
refills the fields from it; editing a field rewrites that attribute in the line (every other
attribute, Max-Age and the like included, is kept as typed). The scenario keeps the form it came
in: a cookie given as fields stays fields until the line is typed in, then it is the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Checkbox, Input, Label, Select

from policy_core.cookies import set_cookie_line
from policy_core.scenario import VIAS, Cookie
from policy_core.setcookie import ParsedSetCookie, parse_set_cookie

from ..state import COOKIE_FIELDS, cookie_fields, cookie_from_fields
from .state_checkbox import StateCheckbox

SAMESITE_CHOICES = (("Lax", "Lax"), ("Strict", "Strict"), ("None", "None"), ("(absent: Lax by default)", ""))
# The fields the line holds too (via is which request carries the cookie: not part of the line).
LINE_FIELDS = ("name", "samesite", "secure", "httponly", "domain", "path")
# Cookie-table keys that have no field here, kept as loaded (they are in the line, too).
EXTRA_KEYS = ("value", "partitioned")
# Cookie-table keys that are in neither the fields nor the line, kept as loaded in both forms.
KEPT_KEYS = ("age_seconds",)
SET_COOKIE_PREFIX = "set-cookie:"
COOKIE_EXAMPLE = "sid=1; Secure; SameSite=None"
# What to do when no cookie is set: one line in the pane's 56 columns at 120x40. (Until one is
# set, the cookie verdict judges the default sid=1; Path=/.)
NO_COOKIE_HINT = f"Type a Set-Cookie line, as {COOKIE_EXAMPLE}"
PATH_PLACEHOLDER = {"fields": "/", "line": "(absent: the URL's directory)"}


def line_text(line: str) -> str:
    """The Set-Cookie value, without the ``Set-Cookie:`` a copy from DevTools or curl starts with."""
    stripped = line.strip()
    if stripped.lower().startswith(SET_COOKIE_PREFIX):
        return stripped[len(SET_COOKIE_PREFIX) :].strip()
    return line


def with_attribute(line: str, key: str, attribute: str | None) -> str:
    """``line`` with its ``key`` attributes replaced by ``attribute`` (in the first one's place,
    or at the end); None removes them. The other attributes stay exactly as typed."""
    pair, *attributes = line.split(";")
    out = [pair]
    placed = False
    for raw in attributes:
        if raw.partition("=")[0].strip().lower() != key.lower():
            out.append(raw)
        elif attribute is not None and not placed:
            out.append(f" {attribute}")
            placed = True
    if attribute is not None and not placed:
        out.append(f" {attribute}")
    return ";".join(out)


def with_name(line: str, name: str) -> str:
    pair, sep, attributes = line.partition(";")
    value = pair.partition("=")[2] if "=" in pair else pair
    new_pair = f"{name}={value.strip()}" if name else value.strip()
    return f"{new_pair}{sep}{attributes}"


def fields_of_line(parsed: ParsedSetCookie) -> dict[str, Any]:
    return {
        "name": parsed.name,
        "samesite": parsed.samesite,
        "secure": parsed.secure,
        "httponly": parsed.httponly,
        "domain": parsed.domain,
        "path": parsed.path or "",
    }


def line_of_fields(fields: dict[str, Any], extra: dict[str, Any]) -> str:
    """The Set-Cookie line the scenario loader reads the same as these fields."""
    default = Cookie()
    line = set_cookie_line(
        str(fields["name"]),
        str(extra.get("value", default.value)),
        path=str(fields["path"]).strip() or "/",
        domain=str(fields["domain"]).strip().removeprefix("."),
        secure=bool(fields["secure"]),
        httponly=bool(fields["httponly"]),
        samesite=str(fields["samesite"]),
        partitioned=bool(extra.get("partitioned", False)),
    )
    return line_text(line)


def rewrite_line(line: str, field: str, value: Any) -> str:
    """The line with one field's attribute set to ``value`` (the field just edited)."""
    if field == "name":
        return with_name(line, str(value))
    if field in ("secure", "httponly"):
        return with_attribute(line, field, ("Secure" if field == "secure" else "HttpOnly") if value else None)
    text = str(value).strip()
    spelled = {"samesite": "SameSite", "domain": "Domain", "path": "Path"}[field]
    return with_attribute(line, field, f"{spelled}={text}" if text else None)


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
        self._loaded: dict[str, Any] | None = None  # the widget values last set from code
        self._form = "fields"  # how the scenario gives the cookie: "fields" or "line"
        self._extra: dict[str, Any] = {}  # EXTRA_KEYS of a cookie given as fields
        self._kept: dict[str, Any] = {}  # KEPT_KEYS of the loaded cookie (its age)
        self._unread = False  # the line is no cookie a browser accepts: the fields show the last one

    def compose(self) -> ComposeResult:
        yield StateCheckbox("The target's host sets a cookie", id="cookie-enabled", compact=True)
        yield Label(NO_COOKIE_HINT, id="cookie-hint")
        with Horizontal(classes="form-row"):
            yield Label("Set-Cookie", classes="form-label")
            yield Input(placeholder=f"e.g. {COOKIE_EXAMPLE}", id="cookie-line", compact=True)
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

    # --- attributes down ------------------------------------------------------------------------

    def _fill(self, cookie: dict[str, Any] | None) -> None:
        """Show a loaded scenario's cookie, as the line and as the fields; posts nothing."""
        values = cookie_fields(cookie)
        self._unread = False
        self._form = "line" if values["line"] else "fields"
        self._extra = {key: cookie[key] for key in EXTRA_KEYS if cookie is not None and key in cookie}
        self._kept = {key: cookie[key] for key in KEPT_KEYS if cookie is not None and key in cookie}
        if self._form == "line":
            parsed = parse_set_cookie(line_text(values["line"]))
            self._unread = parsed is None
            if parsed is not None:
                values.update(fields_of_line(parsed))
        else:
            values["line"] = line_of_fields(values, self._extra)
        self._loaded = {}
        self._show({key: values[key] for key in COOKIE_FIELDS})

    def _show(self, values: dict[str, Any]) -> None:
        """Set these widgets (COOKIE_FIELDS keys) from code: no Changed, no edit."""
        assert self._loaded is not None
        for key, value in values.items():
            widget = self.query_one(f"#cookie-{key}")
            self._loaded[key] = value
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

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key in COOKIE_FIELDS:
            widget = self.query_one(f"#cookie-{key}")
            assert isinstance(widget, (Input, Select, Checkbox))
            values[key] = widget.value
        return values

    def cookie(self) -> dict[str, Any] | None:
        """What the editor shows, as the scenario's cookie table (tui/state.py builds it)."""
        values = self._values()
        if self._form == "line":
            values["line"] = line_text(values["line"])
            from_line = cookie_from_fields(values)
            return None if from_line is None else {**from_line, **self._kept}
        cookie = cookie_from_fields({**values, "line": ""})
        if cookie is None:
            return None
        name = {"name": cookie.pop("name")}
        return {**name, **self._extra, **cookie, **self._kept}

    def _dim_fields(self) -> None:
        enabled = self.query_one("#cookie-enabled", Checkbox).value
        for widget in self.query(".form-row"):
            widget.set_class(not enabled, "-off")
        self.query_one("#cookie-hint").display = not enabled
        for key in LINE_FIELDS:
            self.query_one(f"#cookie-{key}").set_class(self._unread, "-unread")
        self.query_one("#cookie-path", Input).placeholder = PATH_PLACEHOLDER[self._form]

    # --- edits ------------------------------------------------------------------------------------

    def _line_typed(self, text: str) -> None:
        """The line is the cookie now: the fields show what it says (an unreadable line leaves
        them as they were; the scenario's error line says why)."""
        line = line_text(text)
        self._unread = False
        if not line.strip():
            self._form = "fields"  # an emptied line: the fields are the cookie
            return
        self._form = "line"
        parsed = parse_set_cookie(line)
        self._unread = parsed is None
        if parsed is not None:
            self._show(fields_of_line(parsed))

    def _field_edited(self, field: str, value: Any) -> None:
        """The line follows the field: that attribute rewritten, or the whole line from the fields."""
        line = self.query_one("#cookie-line", Input).value
        if self._form == "line":
            new_line = rewrite_line(line, field, value)
        else:
            new_line = line_of_fields(self._values(), self._extra)
        self._show({"line": new_line})

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _edited(self, event: Input.Changed | Select.Changed | Checkbox.Changed) -> None:
        event.stop()
        if self._loaded is None:
            return  # widgets settling before any scenario was shown
        key = (event.control.id or "").removeprefix("cookie-")
        if key in self._loaded and self._loaded[key] == event.control.value:
            return  # a widget settling on the value it was given, not an edit
        self._loaded.pop(key, None)
        box = self.query_one("#cookie-enabled", Checkbox)
        if key != "enabled" and not box.value:
            # Editing any field means the user wants a cookie.
            self._show({"enabled": True})
        if key == "line":
            self._line_typed(str(event.control.value))
        elif key in LINE_FIELDS:
            self._field_edited(key, event.control.value)
        self._dim_fields()
        self.post_message(self.Changed(self.cookie()))

    @on(Input.Blurred, "#cookie-line")
    def _line_left(self) -> None:
        """An emptied line is refilled from the fields once the focus leaves it."""
        line = self.query_one("#cookie-line", Input)
        if not line.value.strip() and self._loaded is not None:
            self._show({"line": line_of_fields(self._values(), self._extra)})
