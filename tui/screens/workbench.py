"""The workbench: URLs, resource toggles and verdict cards, request/response/cookie editors, trace.

The screen turns widget messages into edits of the app's draft, asks the core (through
``tui.state``) for a report, and hands the result back down to the widgets. It decides nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

import policy_core
from policy_core import RESOURCE_TYPES

from ..glyphs import literal
from ..repaint import update_static
from ..state import Evaluation, Response, available_resources, check_url, evaluate_draft
from ..widgets.cookie_editor import CookieEditor
from ..widgets.headers_editor import HeadersEditor
from ..widgets.request_editor import RequestEditor
from ..widgets.resource_toggles import LABELS, ResourceToggles
from ..widgets.response_editor import ResponseEditor
from ..widgets.trace_view import TraceView
from ..widgets.url_pane import UrlPane
from ..widgets.verdict_card import VerdictCard

if TYPE_CHECKING:
    from ..app import OriginPlaygroundApp

NARROW_WIDTH = 100  # below this the panes stack in one scrolling column


class WorkbenchScreen(Screen[None]):
    def __init__(self) -> None:
        super().__init__(id="workbench-screen")
        self.available = available_resources()
        self.selected_resource: str | None = None

    @property
    def playground(self) -> OriginPlaygroundApp:
        return cast("OriginPlaygroundApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="workbench"):
            with Vertical(id="left"):
                yield UrlPane(id="urls")
                with Vertical(id="resources"):
                    yield ResourceToggles(self.available, id="toggles")
                    yield Static("", id="scenario-error", markup=False)
                    yield Static("", id="expectations", markup=False)
                    with VerticalScroll(id="verdicts"):
                        for resource in RESOURCE_TYPES:
                            yield VerdictCard(resource)
            with Vertical(id="right"):
                with TabbedContent(id="editors"):
                    with TabPane("Request", id="tab-request"), VerticalScroll():
                        yield RequestEditor(id="request")
                    with TabPane("Response", id="tab-response"), VerticalScroll():
                        yield ResponseEditor("preflight", "Preflight (OPTIONS)")
                        yield ResponseEditor("response", "Actual response")
                    with TabPane("Cookie", id="tab-cookie"), VerticalScroll():
                        yield CookieEditor(id="cookie")
                yield TraceView(id="trace")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#urls").border_title = "URLs"
        self.query_one("#resources").border_title = "Resources"
        self.query_one("#trace").border_title = "Trace"
        self.call_after_refresh(self.show_draft)  # once every editor (and each Select) is mounted
        self.query_one("#target-url").focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    # --- attributes down --------------------------------------------------------------------------

    def show_draft(self) -> None:
        """Put the app's whole draft into the widgets (a scenario was loaded), then evaluate."""
        draft = self.playground.draft
        self.query_one(UrlPane).set_urls(draft.page, draft.target)
        self.query_one(ResourceToggles).set_selected(draft.resources)
        self.query_one(RequestEditor).set_request(draft.request, draft.request_headers)
        self.query_one("#preflight-editor", ResponseEditor).set_response(
            draft.preflight.status, draft.preflight.headers
        )
        self.query_one("#response-editor", ResponseEditor).set_response(
            draft.response.status, draft.response.headers
        )
        self.query_one(CookieEditor).set_cookie(draft.cookie)
        self.selected_resource = None
        self.reevaluate()

    def reevaluate(self) -> None:
        """Ask the core about the current draft and repaint whatever changed."""
        draft = self.playground.draft
        evaluation = evaluate_draft(draft)
        self.playground.set_evaluation(evaluation)
        self.show_evaluation(evaluation)

    def show_evaluation(self, evaluation: Evaluation) -> None:
        draft = self.playground.draft
        url_errors = {}
        for field, text in (("page", draft.page), ("target", draft.target)):
            error = check_url(text, field)
            if error is not None:
                url_errors[field] = error.problem
        self.query_one(UrlPane).show_errors(url_errors)
        error_line = self.query_one("#scenario-error", Static)
        stale = evaluation.error is not None
        if evaluation.error is not None and evaluation.error.path not in url_errors:
            update_static(error_line, Text(f"✘ {literal(str(evaluation.error))}"))
            error_line.display = True
        else:
            error_line.display = False
        self.query_one("#verdicts").set_class(stale, "-stale")
        self.query_one(TraceView).set_class(stale, "-stale")
        for card in self.query(VerdictCard):
            card.display = card.resource in draft.resources
        report = evaluation.report
        if report is None:
            return  # keep the last good verdicts on screen, dimmed
        self.query_one(UrlPane).show_report(report)
        for card in self.query(VerdictCard):
            if card.display:
                card.show(report.verdict(card.resource), card.resource in self.available)
        self._show_expectations(report)
        self._show_trace(report)
        origin = report.page.origin
        for editor in self.query(ResponseEditor):
            editor.set_origin_hint(origin)

    def _show_expectations(self, report: policy_core.Report) -> None:
        line = self.query_one("#expectations", Static)
        if not report.expectations:
            line.display = False
            return
        met = sum(e.met for e in report.expectations)
        text = Text(f"Expectations: {met}/{len(report.expectations)} met", style="bold")
        for e in report.expectations:
            if not e.met:
                text.append(f"  ✘ {e.path} expected {str(e.expected).lower()}, got {str(e.actual).lower()}")
        update_static(line, text)
        line.display = True

    def _show_trace(self, report: policy_core.Report) -> None:
        draft = self.playground.draft
        shown = [r for r in draft.resources if report.verdict(r) is not None]
        if self.selected_resource not in shown:
            self.selected_resource = shown[0] if shown else None
        trace = self.query_one(TraceView)
        if self.selected_resource is None:
            pending = [LABELS[r] for r in draft.resources if r not in self.available]
            placeholder = "Switch on a resource type to see its trace."
            if pending:
                placeholder = f"No trace: the {', '.join(pending)} verdicts are not available yet."
            trace.show(None, placeholder)
        else:
            trace.show(report.verdict(self.selected_resource))

    # --- messages up ----------------------------------------------------------------------------

    def _edited(self) -> None:
        self.playground.mark_edited()
        self.reevaluate()

    @on(UrlPane.UrlChanged)
    def _url_changed(self, event: UrlPane.UrlChanged) -> None:
        setattr(self.playground.draft, event.field, event.value)
        self._edited()

    @on(ResourceToggles.Changed)
    def _toggled(self, event: ResourceToggles.Changed) -> None:
        self.playground.draft.resources = list(event.resources)
        self._edited()

    @on(VerdictCard.Selected)
    def _card_selected(self, event: VerdictCard.Selected) -> None:
        self.selected_resource = event.resource
        report = self.playground.report
        if report is not None and report.verdict(event.resource) is not None:
            self.query_one(TraceView).show(report.verdict(event.resource))

    @on(RequestEditor.Changed)
    def _request_changed(self, event: RequestEditor.Changed) -> None:
        self.playground.draft.request[event.field] = event.value
        self._edited()

    @on(RequestEditor.HeadersChanged)
    def _request_headers(self, event: RequestEditor.HeadersChanged) -> None:
        self.playground.draft.request_headers = list(event.headers)
        self._edited()

    @on(ResponseEditor.Changed)
    def _response_changed(self, event: ResponseEditor.Changed) -> None:
        current: Response = getattr(self.playground.draft, event.section)
        status = event.status if event.status is not None else current.status
        setattr(self.playground.draft, event.section, Response(status, list(event.headers)))
        self._edited()

    @on(HeadersEditor.PasteSkipped)
    def _paste_skipped(self, event: HeadersEditor.PasteSkipped) -> None:
        shown = "; ".join(event.lines[:3])
        self.notify(
            f"Skipped {len(event.lines)} line(s) that are not 'Name: value': {shown}",
            title="Paste",
            severity="warning",
            markup=False,
        )

    @on(CookieEditor.Changed)
    def _cookie_changed(self, event: CookieEditor.Changed) -> None:
        self.playground.draft.cookie = event.cookie
        self._edited()

    @on(TraceView.CopyRequested)
    def _copy(self, event: TraceView.CopyRequested) -> None:
        self.playground.copy(event.text, event.what)

    # --- focus helpers (bound to keys on the app) ---------------------------------------------------

    def focus_pane(self, pane: str) -> None:
        if pane == "urls":
            self.query_one("#target-url").focus()
        elif pane in ("request", "response", "cookie"):
            self.query_one(TabbedContent).active = f"tab-{pane}"
            target = {
                "request": "#request-method",
                "response": "#preflight-status",
                "cookie": "#cookie-enabled",
            }[pane]
            self.call_after_refresh(self.query_one(target).focus)
        elif pane == "resources":
            self.query_one("#toggle-dom").focus()
        elif pane == "trace":
            self.query_one("#trace-steps").focus()
