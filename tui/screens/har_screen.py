"""Open HAR: every request of a HAR file as origin_playground/har.py reports it.

One row per request (method, URL, type, verdict, status); the highlighted row's reason, page,
Chrome's line and the fix below the table; Enter opens the entry in the workbench as a scenario
(the App asks first when the draft has unsaved changes). Same-origin requests are counted, and
listed only on request (``a``). Secrets were redacted by the reader before any of this is built.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

import policy_core
from origin_playground.glyphs import OUTCOME_SYMBOL, literal
from origin_playground.har import HarError, HarResult, HarRow, read_har

from ..messages import ShowDraft
from ..state import ScenarioDraft
from .path_dialog import PathDialog

INCOMPLETE_MARK = "?"
SAME_ORIGIN_MARK = "="


class HarDialog(PathDialog):
    TITLE_TEXT = "Open a HAR file (saved from DevTools or Playwright)"
    CONFIRM = "Open"
    PLACEHOLDER = "path/to/session.har"
    SUFFIXES = (".har",)


def read_har_problem(path: Path) -> tuple[HarResult | None, str | None]:
    """The HAR read and evaluated, or the one line saying why it cannot be."""
    try:
        return read_har(path), None
    except HarError as error:
        return None, str(error)


def summary(result: HarResult) -> str:
    counts = {"evaluated": 0, "incomplete": 0, "same-origin": 0}
    for row in result.rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    blocked = sum(1 for row in result.rows if row.allowed is False)
    return (
        f"{result.entries} entries: {counts['evaluated']} evaluated ({blocked} blocked), "
        f"{counts['incomplete']} incomplete, {counts['same-origin']} same-origin"
    )


def draft_of(row: HarRow) -> ScenarioDraft | str:
    """The entry as a workbench draft, or why it has none."""
    if row.mapping is None:
        return f"Entry #{row.index} has no scenario: {row.reason or row.status}"
    try:
        return ScenarioDraft.from_scenario(policy_core.load_scenario(row.mapping))
    except policy_core.ScenarioError as error:
        return f"Entry #{row.index} does not make a scenario: {error}"


class HarScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-har"),
        Binding("a", "toggle_same_origin", "Same-origin too", id="har-same-origin"),
        Binding("o", "open_entry", "Open in workbench", id="har-open"),
    ]

    def __init__(self, result: HarResult, path: Path) -> None:
        super().__init__()
        self.result = result
        self.path = path
        self.show_same_origin = False
        self.rows: list[HarRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog har-dialog"):
            yield Static(Text(f"HAR {literal(self.path.name)}: {summary(self.result)}"), classes="dialog-title")
            if self.result.problem:
                yield Static(Text(literal(self.result.problem)), id="har-problem")
            yield DataTable(id="har-rows", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="har-detail-box"):
                yield Static("", id="har-detail", markup=False)
            yield Static(
                "Enter/o: open in the workbench · a: same-origin rows too · Esc: close",
                classes="dialog-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        table = self.query_one("#har-rows", DataTable)
        table.add_columns("#", "Method", "Type", "Verdict", "Status", "URL")
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one("#har-rows", DataTable)
        table.clear()
        self.rows = [row for row in self.result.rows if self.show_same_origin or row.status != "same-origin"]
        for row in self.rows:
            word = row.verdict_word if row.allowed is not None else "—"
            mark = OUTCOME_SYMBOL.get(word, "")
            table.add_row(
                Text(str(row.index)),
                Text(literal(row.method)),
                Text(literal(row.kind)),
                Text(f"{mark} {word}".strip()),
                Text(row.status),
                Text(literal(row.url)),
                key=str(row.index),
            )
        if not self.rows:
            self._show_detail(None)

    def action_toggle_same_origin(self) -> None:
        self.show_same_origin = not self.show_same_origin
        self._fill()

    @on(DataTable.RowHighlighted, "#har-rows")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        # The table's cursor now, not the event's: a highlight posted while the rows were being
        # filled can arrive after a later move, and the detail must show the row the cursor is on.
        self._show_detail(self._row(event.data_table.cursor_row))

    def _row(self, position: int) -> HarRow | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None

    def _show_detail(self, row: HarRow | None) -> None:
        detail = self.query_one("#har-detail", Static)
        if row is None:
            hidden = sum(1 for r in self.result.rows if r.status == "same-origin")
            detail.update(Text(f"No cross-origin requests to list ({hidden} same-origin: a lists them)."))
            return
        lines = [f"#{row.index} {row.method} {row.url}"]
        if row.page_origin:
            lines.append(f"page: {row.page_origin}")
        if row.preflight_index is not None:
            lines.append(f"preflight: entry #{row.preflight_index}")
        if row.reason:
            lines.append(f"why {row.status}: {row.reason}")
        verdict = row.report.verdict(row.resource) if row.report is not None and row.resource else None
        if verdict is not None and row.allowed is False:
            if verdict.console.chrome:
                lines.append(f"chrome: {verdict.console.chrome}")
            for fix in verdict.fixes[:1]:
                lines.append("fix: " + fix.replace("\n", "\n     "))
        lines.extend(f"note: {note}" for note in row.notes)
        detail.update(Text(literal("\n".join(lines))))

    @on(DataTable.RowSelected, "#har-rows")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(self._row(event.cursor_row))

    def action_open_entry(self) -> None:
        self._open(self._row(self.query_one("#har-rows", DataTable).cursor_row))

    def _open(self, row: HarRow | None) -> None:
        if row is None:
            return
        draft = draft_of(row)
        if isinstance(draft, str):
            self.query_one("#har-detail", Static).update(Text(literal(draft)))
            return
        self.post_message(ShowDraft(draft, f"{self.path.name} entry #{row.index}"))

    def action_close(self) -> None:
        self.dismiss(None)
