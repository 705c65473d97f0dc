"""Help (F1 / ?): every key, read off the bindings themselves, and a one-page primer whose
topics each open the library scenario that shows them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, cast

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from origin_playground.library import find_scenario

if TYPE_CHECKING:
    from ..app import OriginPlaygroundApp


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


def key_sections() -> list[tuple[str, list[BindingType]]]:
    """Where the keys live. Imported here, so this module stays free of import cycles."""
    from ..app import OriginPlaygroundApp
    from ..widgets.headers_editor import HeadersEditor
    from ..widgets.trace_view import TraceView
    from ..widgets.verdict_card import VerdictCard
    from .explain import ExplainScreen
    from .origins import OriginsScreen
    from .talk import TalkScreen

    return [
        ("Everywhere", list(OriginPlaygroundApp.BINDINGS)),
        ("Verdict cards", list(VerdictCard.BINDINGS)),
        ("Trace", list(TraceView.BINDINGS)),
        ("Header editors", list(HeadersEditor.BINDINGS)),
        ("Talk mode", list(TalkScreen.BINDINGS)),
        ("Origins screen", list(OriginsScreen.BINDINGS)),
        ("Explain screen", list(ExplainScreen.BINDINGS)),
        ("Help", list(HelpScreen.BINDINGS)),
    ]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1,q", "close", "Close help", id="close-help"),
    ]

    def __init__(self) -> None:
        super().__init__(id="help-screen")
        self.rows: dict[str, list[KeyRow]] = {}  # what the key tables show, by section

    @property
    def playground(self) -> OriginPlaygroundApp:
        return cast("OriginPlaygroundApp", self.app)

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
            for title, bindings in key_sections():
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
        entry = find_scenario(slug)
        if entry is None:
            return
        self.dismiss(None)
        self.playground.show_library_entry(entry)

    def action_close(self) -> None:
        self.dismiss(None)
