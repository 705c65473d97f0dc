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
from textual.widgets import Button, Static

from origin_playground.library import find_scenario
from policy_core.learn import CONCEPTS

from ..messages import ShowLibraryScenario
from ..widgets.fitting_footer import FittingFooter

KeySections = list[tuple[str, list[BindingType]]]  # (where the keys work, their bindings)


class Topic(NamedTuple):
    slug: str  # the library scenario that shows it
    title: str
    text: str


# The primer is the guided flow's concepts, written once in policy_core.learn.
PRIMER: tuple[Topic, ...] = tuple(
    Topic(concept.example, concept.topic, " ".join(concept.paragraphs)) for concept in CONCEPTS
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
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    @on(Button.Pressed, ".help-show")
    def _show(self, event: Button.Pressed) -> None:
        slug = (event.button.id or "").removeprefix("help-show-")
        self.post_message(ShowLibraryScenario(slug))  # the App closes help and loads it

    def action_close(self) -> None:
        self.dismiss(None)
