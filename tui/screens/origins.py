"""The origin table for URLs the user types (policy_core.compare): each pair same-origin or not,
which part differs, same-site or not, with the serialized origins and sites."""

from __future__ import annotations

import shlex

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from origin_playground.glyphs import NO, literal, yes_no
from policy_core import ScenarioError
from policy_core.compare import OriginTable, compare_urls

from ..widgets.fitting_footer import FittingFooter
from ..widgets.text_line import TextLine

# The article's own comparison, as a starting point.
EXAMPLE_URLS = (
    "http://www.example.com/dir/page.html",
    "http://www.example.com/dir2/other.html",
    "https://www.example.com/dir/page.html",
    "http://www.example.com:81/dir/page.html",
    "http://en.example.com/dir/page.html",
)
COLUMNS = ("A", "B", "same origin", "differs", "same site", "origin A", "origin B", "site A", "site B")


def split_urls(text: str) -> list[str]:
    """URLs separated by spaces (quotes keep a URL with spaces in one piece, as in a shell)."""
    try:
        return shlex.split(text)
    except ValueError:  # an unbalanced quote: fall back to plain whitespace
        return text.split()


def table_rows(table: OriginTable) -> list[tuple[Text, ...]]:
    rows = []
    urls = table.urls
    for pair in table.pairs:
        a, b = urls[pair.a], urls[pair.b]
        rows.append(
            (
                Text(f"{pair.a + 1}"),
                Text(f"{pair.b + 1}"),
                Text(f"{yes_no(pair.same_origin)} {'same' if pair.same_origin else 'different'}"),
                Text("—" if pair.same_origin else ", ".join(pair.differs)),
                Text(f"{yes_no(pair.same_site)} {'same' if pair.same_site else 'cross'}"),
                Text(literal(a.origin)),
                Text(literal(b.origin)),
                Text(literal(a.site.serialize())),
                Text(literal(b.site.serialize())),
            )
        )
    return rows


class OriginsScreen(Screen[None]):
    CSS_PATH = "origins.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back", id="close-origins"),
        Binding("ctrl+r", "example", "Article example", id="origins-example"),
    ]

    def __init__(self, urls: list[str] | None = None) -> None:
        super().__init__()
        self.initial = " ".join(shlex.quote(u) for u in (urls or EXAMPLE_URLS))
        self.table: OriginTable | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="origins"):
            yield Static(
                Text("URLs to compare, separated by spaces (every pair is compared):"), id="origins-help"
            )
            yield Input(self.initial, id="origins-input", placeholder="https://a.example/ https://b.example/")
            yield TextLine(id="origins-error")
            yield TextLine(id="origins-urls")
            yield DataTable(id="origins-table", zebra_stripes=True, cursor_type="row")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#origins").border_title = "Origins: the comparison table"
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.query_one("#origins-input", Input).focus()
        self.compare(self.query_one("#origins-input", Input).value)

    @on(Input.Changed, "#origins-input")
    def _changed(self, event: Input.Changed) -> None:
        self.compare(event.value)

    def compare(self, text: str) -> None:
        error = self.query_one("#origins-error", TextLine)
        try:
            table = compare_urls(split_urls(text))
        except ScenarioError as problem:
            error.text = Text(f"{NO} {literal(str(problem))}")
            error.display = True
            self.query_one(DataTable).set_class(True, "-stale")  # the last good table stays, dimmed
            return
        error.display = False
        self.query_one(DataTable).set_class(False, "-stale")
        self.table = table
        listing = Text()
        for row in table.urls:
            if row.index:
                listing.append("\n")
            listing.append(f"{row.index + 1}. ", style="bold")
            listing.append(literal(row.input))
        self.query_one("#origins-urls", TextLine).text = listing
        data = self.query_one(DataTable)
        data.clear()
        for row in table_rows(table):
            data.add_row(*row)

    def action_example(self) -> None:
        self.query_one("#origins-input", Input).value = " ".join(EXAMPLE_URLS)

    def action_close(self) -> None:
        self.dismiss(None)
