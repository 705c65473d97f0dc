"""The page and target URL inputs, each with its origin breakdown, and same-origin/site badges."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, Label

from origin_playground.glyphs import NO, literal, yes_no
from policy_core import Origin, Report

from .origin_breakdown import OriginBreakdown, why_opaque
from .text_line import GrowingLine, TextLine

FIELDS = ("page", "target")


class UrlInput(Input):
    """An Input whose typing repaints only itself, and posts no ``Input.Changed``.

    Textual's Input sets ``virtual_size`` (a ``layout=True`` reactive) on every value change, and
    any layout request reflows and re-renders the whole screen. A URL input has a fixed box (CSS:
    ``width: 1fr; height: 1``), so its virtual width only matters to its own horizontal scrolling:
    store it without the layout request and update the scroll limits directly.

    Whoever needs the URL watches ``value`` (the workbench does, and evaluates in that watcher, so
    the frame with the typed character has its verdicts): a Changed message would only bubble up
    through every container after that, a handful of dispatches per keystroke for nobody."""

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            virtual_size = Size(self.content_width, 1)
            if virtual_size != self.virtual_size:
                # Equal value => Input's own assignment below is a no-op (no layout request).
                self.set_reactive(Widget.virtual_size, virtual_size)
                self._scroll_update(virtual_size)  # clamps scroll_x when the text got shorter
        with self.prevent(Input.Changed):
            super()._watch_value(value)


class UrlPane(Vertical):
    """The URLs are read by watching each ``UrlInput``'s ``value`` (``#page-url``, ``#target-url``)."""

    def compose(self) -> ComposeResult:
        for field in FIELDS:
            with Horizontal(classes="url-row"):
                yield Label("Page" if field == "page" else "Target", classes="url-label")
                yield UrlInput(
                    id=f"{field}-url",
                    placeholder="https://www.a.com/" if field == "page" else "https://www.b.com/data",
                    select_on_focus=False,
                )
            yield OriginBreakdown(id=f"{field}-origin", classes="origin-breakdown")
            yield TextLine(id=f"{field}-url-error", classes="url-error")
        yield GrowingLine(id="origin-badges")

    def on_mount(self) -> None:
        # The widgets every keystroke updates, looked up once (a query walks the DOM).
        self._inputs = {field: self.query_one(f"#{field}-url", Input) for field in FIELDS}
        self._origins = {field: self.query_one(f"#{field}-origin", OriginBreakdown) for field in FIELDS}
        self._errors = {field: self.query_one(f"#{field}-url-error", TextLine) for field in FIELDS}
        self._badges = self.query_one("#origin-badges", GrowingLine)

    def set_urls(self, page: str, target: str) -> None:
        """Replace both URLs (loading a scenario): a watcher of ``value`` sees the new URLs."""
        for field, value in (("page", page), ("target", target)):
            widget = self._inputs[field]
            if widget.value != value:
                widget.value = value
                widget.cursor_position = len(value)

    def show_errors(self, errors: dict[str, str]) -> None:
        """The core's one-line message under the URL it is about; '' clears it."""
        for field in FIELDS:
            message = errors.get(field, "")
            error = self._errors[field]
            error.text = Text(f"{NO} {literal(message)}") if message else ""
            error.display = bool(message)
            self._inputs[field].set_class(bool(message), "-invalid")

    def show_report(self, report: Report, page_sandboxed: bool = False) -> None:
        """The origins and badges of a report about the URLs in the inputs now."""
        differs = report.origin_diff
        for field, endpoint in (("page", report.page), ("target", report.target)):
            why = why_opaque(endpoint.url, page_sandboxed and field == "page") if endpoint.opaque else ""
            self._origins[field].show(endpoint.origin_parts, differs, why)
        badges = Text()
        badges.append(
            f"{yes_no(report.same_origin)} {'same-origin' if report.same_origin else 'cross-origin'}",
            style="bold",
        )
        if report.origin_diff and not report.same_origin:
            badges.append(f" (differs: {', '.join(report.origin_diff)})")
        badges.append("   ")
        badges.append(
            f"{yes_no(report.same_site)} {'same-site' if report.same_site else 'cross-site'}", style="bold"
        )
        badges.append(
            f"  ({report.page.site} vs {report.target.site})"
            if not report.same_site
            else f"  ({report.page.site})"
        )
        self._badges.text = badges

    def show_origins_alone(self, origins: dict[str, tuple[Origin | None, str]]) -> None:
        """A URL is not valid: each field's own origin (None: it has none), why it is opaque, and no
        same-origin or same-site answer (never the last valid URLs', shown as if current)."""
        for field, (origin, why) in origins.items():
            self._origins[field].show(origin, (), why)
        self._badges.text = Text(
            "same-origin? same-site? Known once both URLs are valid.", style="italic"
        )

    def release_room(self) -> None:
        """A new scenario: the badges line takes the height of its next text."""
        self._badges.release_room()
