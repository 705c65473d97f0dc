"""The workbench: URLs, resource toggles and verdict cards, request/response/cookie editors, trace.

The screen turns widget messages into edits of the app's draft, asks the core (through
``tui.state``) for a report, and hands the result back down to the widgets. It decides nothing.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane

import policy_core
from origin_playground.glyphs import literal
from policy_core import RESOURCE_TYPES

from ..repaint import (
    post_refreshes_now,
    release_room,
    set_display,
    update_static,
    update_static_growing,
)
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
        self._hinted_origin: object = None
        self._trace_pending = False
        self._evaluated_this_frame = False
        self._evaluation_pending = False
        self._opened_panes: set[str] = set()

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
                    # The Response and Cookie editors are mounted the first time their tab is
                    # shown (_open_pane): a third of the screen's widgets, not needed for the
                    # first paint. Their values live in the draft, so nothing is lost meanwhile.
                    with TabPane("Response", id="tab-response"):
                        yield VerticalScroll(id="response-scroll")
                    with TabPane("Cookie", id="tab-cookie"):
                        yield VerticalScroll(id="cookie-scroll")
                yield TraceView(id="trace")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Widgets the live path touches on every keystroke, looked up once (a query walks the DOM).
        self._url_pane = self.query_one(UrlPane)
        self._error_line = self.query_one("#scenario-error", Static)
        self._expectations = self.query_one("#expectations", Static)
        self._verdicts = self.query_one("#verdicts")
        self._trace = self.query_one(TraceView)
        self._cards = list(self.query(VerdictCard))
        # Everything a keystroke can repaint besides the Input (see _edited).
        self._live_widgets = [
            *self._cards,
            *self._url_pane.query(Static),
            self._error_line,
            self._expectations,
        ]
        self.query_one("#urls").border_title = "URLs"
        self.query_one("#resources").border_title = "Resources"
        self.query_one("#trace").border_title = "Trace"
        # A typed character is evaluated in the Input's own key handler, so the frame that shows
        # the character shows its verdicts too (UrlChanged bubbles up after that frame).
        for field in ("page", "target"):
            self.watch(
                self.query_one(f"#{field}-url", Input),
                "value",
                partial(self._url_typed, field),
                init=False,
            )
        self.show_draft()  # children are mounted by now: the first frame shows the verdicts
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
        if "tab-response" in self._opened_panes:
            self._fill_responses()
        if "tab-cookie" in self._opened_panes:
            self.query_one(CookieEditor).set_cookie(draft.cookie)
        self.selected_resource = None
        for card in self._cards:
            card.release_room()  # a new scenario: cards take the size of its verdicts
        release_room(self._expectations)
        self._url_pane.release_room()
        self.reevaluate()

    def _fill_responses(self) -> None:
        draft = self.playground.draft
        for editor in self.query(ResponseEditor):
            section: Response = getattr(draft, editor.section)
            editor.set_response(section.status, section.headers)
            if self._hinted_origin is not None:
                editor.set_origin_hint(self._hinted_origin)

    async def _open_pane(self, pane_id: str) -> None:
        """Mount a lazy tab's editors (once) and show the draft's values in them."""
        if pane_id in self._opened_panes or pane_id not in ("tab-response", "tab-cookie"):
            return
        self._opened_panes.add(pane_id)
        if pane_id == "tab-response":
            await self.query_one("#response-scroll").mount(
                ResponseEditor("preflight", "Preflight (OPTIONS)"),
                ResponseEditor("response", "Actual response"),
            )
            self._fill_responses()
        else:
            await self.query_one("#cookie-scroll").mount(CookieEditor(id="cookie"))
            self.query_one(CookieEditor).set_cookie(self.playground.draft.cookie)

    @on(TabbedContent.TabActivated)
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        await self._open_pane(event.pane.id or "")

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
        self._url_pane.show_errors(url_errors)
        error_line = self._error_line
        stale = evaluation.error is not None
        if evaluation.error is not None and evaluation.error.path not in url_errors:
            update_static(error_line, Text(f"✘ {literal(str(evaluation.error))}"))
            set_display(error_line, True)
        else:
            set_display(error_line, False)
        self._verdicts.set_class(stale, "-stale")
        self._trace.set_class(stale, "-stale")
        for card in self._cards:
            set_display(card, card.resource in draft.resources)
        report = evaluation.report
        if report is None:
            return  # keep the last good verdicts on screen, dimmed
        self._url_pane.show_report(report)
        for card in self._cards:
            if card.display:
                card.show(report.verdict(card.resource), card.resource in self.available)
        self._show_expectations(report)
        self._schedule_trace()
        origin = report.page.origin
        if origin != self._hinted_origin:
            self._hinted_origin = origin
            for editor in self.query(ResponseEditor):
                editor.set_origin_hint(origin)

    def _show_expectations(self, report: policy_core.Report) -> None:
        line = self._expectations
        if not report.expectations:
            set_display(line, False)
            return
        met = sum(e.met for e in report.expectations)
        text = Text(f"Expectations: {met}/{len(report.expectations)} met", style="bold")
        for e in report.expectations:
            if not e.met:
                text.append(f"  ✘ {e.path} expected {str(e.expected).lower()}, got {str(e.actual).lower()}")
        update_static_growing(line, text)
        set_display(line, True)

    def _schedule_trace(self) -> None:
        """Repaint the trace in the frame after the verdicts: the cards show first, and a burst of
        keystrokes rebuilds the step list once, for the last report."""
        if not self._trace_pending:
            self._trace_pending = True
            self.call_after_refresh(self._flush_trace)

    def _flush_trace(self) -> None:
        self._trace_pending = False
        self._evaluated_this_frame = False
        self._evaluation_pending = False
        evaluation = self.playground.evaluation
        if evaluation is not None and evaluation.report is not None:  # else the last trace stays, dimmed
            self._show_trace(evaluation.report)

    def _show_trace(self, report: policy_core.Report) -> None:
        draft = self.playground.draft
        shown = [r for r in draft.resources if report.verdict(r) is not None]
        if self.selected_resource not in shown:
            self.selected_resource = shown[0] if shown else None
        trace = self._trace
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
        """At most one evaluation per burst: the first edit since the last frame is evaluated at
        once (the next frame shows it); edits queued behind it before that frame (fast typing, a
        paste) are evaluated together, once, when the queue has been read."""
        self.playground.mark_edited()
        if not self._evaluated_this_frame:
            self._evaluated_this_frame = True
            self.call_after_refresh(self._frame_drawn)
            self.reevaluate()
            post_refreshes_now(self._live_widgets)  # same frame as the typed character
        elif not self._evaluation_pending:
            self._evaluation_pending = True
            self.call_later(self._evaluate_pending)

    def _frame_drawn(self) -> None:
        self._evaluated_this_frame = False

    def _evaluate_pending(self) -> None:
        self._evaluation_pending = False
        self.reevaluate()

    def _url_typed(self, field: str, value: str) -> None:
        if getattr(self.playground.draft, field) != value:
            setattr(self.playground.draft, field, value)
            self._edited()

    @on(UrlPane.UrlChanged)
    def _url_changed(self, event: UrlPane.UrlChanged) -> None:
        self._url_typed(event.field, event.value)  # usually already done by the value watcher

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

    async def _focus_in_pane(self, pane: str) -> None:
        await self._open_pane(f"tab-{pane}")
        target = {"request": "#request-method", "response": "#preflight-status", "cookie": "#cookie-enabled"}
        self.call_after_refresh(lambda: self.query_one(target[pane]).focus())

    def focus_pane(self, pane: str) -> None:
        if pane == "urls":
            self.query_one("#target-url").focus()
        elif pane in ("request", "response", "cookie"):
            self.query_one(TabbedContent).active = f"tab-{pane}"
            self.call_later(self._focus_in_pane, pane)
        elif pane == "resources":
            self.query_one("#toggle-dom").focus()
        elif pane == "trace":
            self.query_one("#trace-steps").focus()
