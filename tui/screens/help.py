"""Help (F1 / ?): every key, read off the bindings the App hands it, and a one-page primer whose
topics each open the library scenario that shows them. Imports no other screen and not the App."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from origin_playground.library import find_scenario

from ..messages import ShowLibraryScenario

KeySections = list[tuple[str, list[BindingType]]]  # (where the keys work, their bindings)


class Topic(NamedTuple):
    slug: str  # the library scenario that shows it
    title: str
    text: str


PRIMER: tuple[Topic, ...] = (
    Topic(
        "origin-port-differs",
        "Origin",
        "An origin is three things taken together: the scheme (https), the host (www.example.com) "
        "and the port (443). Two URLs have the same origin only when all three match; the path, the "
        "query and the fragment never count.",
    ),
    Topic(
        "a-com-reads-b-com",
        "Same-Origin Policy (SOP)",
        "A page's scripts may freely read what comes from their own origin. They may still send "
        "requests to, embed images and scripts from, and link to other origins, but they may not "
        "read the answers or reach into another origin's document.",
    ),
    Topic(
        "spa-api-with-cookies",
        "CORS",
        "Cross-Origin Resource Sharing lets a server relax the SOP for its own responses: by "
        "answering with Access-Control-Allow-Origin naming the page's origin, it tells the browser "
        "this page may read the response. The browser enforces it; the server only declares it.",
    ),
    Topic(
        "json-post-preflight",
        "Preflight",
        "A request a plain HTML form could not send (a PUT, a JSON body, a custom header) is "
        "first asked about with an OPTIONS request. Only if the server's answer allows the method "
        "and the headers does the browser send the real request.",
    ),
    Topic(
        "wildcard-with-credentials",
        "Credentials",
        "Cookies and HTTP authentication travel with a cross-origin request only when the page asks "
        "(credentials: 'include'). The server must then name the origin exactly (never *) and send "
        "Access-Control-Allow-Credentials: true, or the page cannot read the answer.",
    ),
    Topic(
        "bank-and-bad-site",
        "CSRF",
        "The SOP stops another site reading your answers, not sending you requests. A form on a bad "
        "site can still post to your bank with the bank's cookie. CORS does not stop that: SameSite "
        "cookies and CSRF tokens do.",
    ),
)


class KeyRow(NamedTuple):
    keys: str
    description: str
    id: str


def key_rows(bindings: list[BindingType], key_display: Callable[[Binding], str]) -> list[KeyRow]:
    """One row per binding id (a binding with several keys is one row), in declaration order."""
    rows: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        ident = binding.id or binding.action
        rows.setdefault(ident, []).append(key_display(binding))
        descriptions.setdefault(ident, binding.tooltip or binding.description or binding.action)
    return [KeyRow(" / ".join(keys), descriptions[ident], ident) for ident, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1,q", "close", "Close help", id="close-help"),
    ]

    def __init__(self, sections: KeySections) -> None:
        super().__init__()
        self.sections = sections
        self.rows: dict[str, list[KeyRow]] = {}  # what the key tables show, by section

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Origin Playground: help", style="bold"), id="help-title")
            yield Static(Text("Primer", style="bold underline"), classes="help-heading")
            for topic in PRIMER:
                yield Static(Text(topic.title, style="bold"), classes="help-topic-title")
                yield Static(Text(topic.text), classes="help-topic", markup=False)
                entry = find_scenario(topic.slug)
                if entry is not None:
                    label = Text(f"Show me: {entry.title}")
                    yield Button(label, id=f"help-show-{topic.slug}", classes="help-show")
            yield Static(Text("Keys", style="bold underline"), classes="help-heading")
            for title, bindings in self.sections:
                table = Table(title=title, title_justify="left", title_style="bold", expand=True)
                table.add_column("key", no_wrap=True)
                table.add_column("what it does", ratio=1)
                rows = key_rows(bindings, self.app.get_key_display)
                self.rows[title] = rows
                for row in rows:
                    table.add_row(Text(row.keys), Text(row.description))
                yield Static(table, classes="help-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    @on(Button.Pressed, ".help-show")
    def _show(self, event: Button.Pressed) -> None:
        slug = (event.button.id or "").removeprefix("help-show-")
        self.post_message(ShowLibraryScenario(slug))  # the App closes help and loads it

    def action_close(self) -> None:
        self.dismiss(None)
