"""The workbench: URLs, resource toggles and verdict cards, request/response/cookie editors, trace.

The screen turns widget messages into edits of the session's draft, asks the core (through the
session) for a report, and hands the result back down to the widgets. It decides nothing; what
concerns the whole app (the title, the recovery copy, copying) goes up as a message.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import Checkbox, Header, Input, OptionList, TabbedContent, TabPane

import policy_core
from origin_playground.glyphs import NO, literal
from policy_core import RESOURCE_TYPES
from policy_core.origins import opaque_origin
from policy_core.scenario import CAPABILITY_PHRASES
from policy_core.what_if import WhatIf, what_if_by_resource

from ..messages import CopyText, DraftEdited
from ..repaint import AfterFirstPaint, ChangedOnlyCompositor, post_refreshes_now
from ..session import Session
from ..state import Evaluation, Response, ScenarioDraft, check_url, is_header_paste
from ..widgets.cookie_editor import CookieEditor
from ..widgets.fitting_footer import FittingFooter
from ..widgets.headers_editor import HeadersEditor
from ..widgets.origin_breakdown import why_opaque
from ..widgets.request_editor import RequestEditor
from ..widgets.resource_toggles import ResourceToggles
from ..widgets.response_editor import ResponseEditor
from ..widgets.text_line import GrowingLine, TextLine
from ..widgets.trace_view import TraceView
from ..widgets.url_pane import UrlPane
from ..widgets.verdict_card import VerdictCard
from ..widgets.verdict_strip import VerdictStrip
from ..widgets.what_if_list import WhatIfList


def yes_no_word(value: bool) -> str:
    return "yes" if value else "no"


EXPECTATIONS_HELP = "(what this scenario predicts; ✘ marks a surprise)"


def stale_banner_text(report: policy_core.Report) -> Text:
    text = Text("⚠ Showing the last valid answer, for ", style="bold")
    text.append(literal(report.target.url))
    text.append(f" (page {literal(report.page.url)}): fix the line marked {NO} to update it.")
    return text


def origins_alone(draft: ScenarioDraft) -> dict[str, tuple[policy_core.Origin | None, str]]:
    """Each URL's own origin, for when the two cannot be compared (one of them is not valid)."""
    out: dict[str, tuple[policy_core.Origin | None, str]] = {}
    for field, text in (("page", draft.page), ("target", draft.target)):
        try:
            origin = policy_core.parse_url(text, field_path=field).origin
        except policy_core.ScenarioError:
            out[field] = (None, "")
            continue
        sandboxed = field == "page" and draft.page_sandboxed
        if sandboxed:
            origin = opaque_origin()
        out[field] = (origin, why_opaque(text, sandboxed) if origin.opaque else "")
    return out


def urls_only_report(draft: ScenarioDraft) -> policy_core.Report | None:
    """The core's answer about the two URLs alone (origins, same-origin, same-site), for when
    another part of the draft is not valid: the URL pane then still shows the URLs typed now."""
    mapping = {"version": 1, "page": draft.page, "target": draft.target, "resources": ["dom"]}
    if draft.page_sandboxed:
        mapping["page_sandboxed"] = True
    try:
        return policy_core.evaluate(policy_core.load_scenario(mapping))
    except policy_core.ScenarioError:
        return None


MAXIMIZABLE = ("#urls", "#resources", "#editors", "#trace")  # the panes one key maximises
NARROW_WIDTH = 100  # below this the panes stack in one scrolling column
PANE_FOCUS = {"request": "#request-method", "response": "#preflight-status", "cookie": "#cookie-enabled"}


class WorkbenchScreen(Screen[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._compositor = ChangedOnlyCompositor()  # a keystroke renders what it changed (repaint.py)
        self.session = session
        self.selected_resource: str | None = None
        self._trace_pending = False
        self._evaluated_this_frame = False
        self._evaluation_pending = False
        self._after_frame_pending = False  # _frame_drawn is queued (one callback for every need)
        # The Response and Cookie editors (half the screen's widgets) are mounted when their tab is
        # first opened, the footer after the first paint; the editors' values are set on them
        # mounted or not.
        self._response_editors = (
            ResponseEditor("preflight", "Preflight (OPTIONS)"),
            ResponseEditor("response", "Actual response"),
        )
        self._cookie_editor = CookieEditor(id="cookie")
        # The Request editor (its choice lists cost a sixth of the start-up) is mounted after the
        # first paint: the verdicts come first, the editor a frame later, showing the draft.
        self._request_editor = RequestEditor(id="request")
        self._unopened_tabs: dict[str, Widget] = {
            "tab-response": VerticalScroll(*self._response_editors, id="response-scroll"),
            "tab-cookie": VerticalScroll(self._cookie_editor, id="cookie-scroll"),
        }
        self._resumed = False  # the first ScreenResume: see on_screen_resume
        self._what_if_open: set[str] = set()  # the cards whose "What if" list is shown
        # The entries for one report (the last valid one), computed only while a list is open.
        self._what_if_for: tuple[policy_core.Report, dict[str, tuple[WhatIf, ...]]] | None = None
        self._trace_home = False  # a scenario was loaded: the trace starts at its first step

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="workbench"):
            # Docked to the bottom of the scrolling column, shown below NARROW_WIDTH only (app.tcss).
            yield VerdictStrip(id="verdict-strip")
            with Vertical(id="left"):
                yield UrlPane(id="urls")
                with Vertical(id="resources"):
                    yield ResourceToggles(id="toggles")
                    yield TextLine(id="scenario-error")
                    yield TextLine(id="stale-banner")
                    yield GrowingLine(id="expectations")
                    with VerticalScroll(id="verdicts"):
                        for resource in RESOURCE_TYPES:
                            yield VerdictCard(resource)
                            yield WhatIfList(resource)
            with Vertical(id="right"):
                with TabbedContent(id="editors"):
                    with TabPane("Request", id="tab-request"), VerticalScroll():
                        yield AfterFirstPaint(self._request_editor)
                    yield TabPane("Response", id="tab-response")  # filled when first opened (_open_tab)
                    yield TabPane("Cookie", id="tab-cookie")
                yield TraceView(id="trace")
        yield AfterFirstPaint(FittingFooter(compact=True))

    def on_mount(self) -> None:
        # Widgets the live path touches on every keystroke, looked up once (a query walks the DOM).
        self._url_pane = self.query_one(UrlPane)
        self._error_line = self.query_one("#scenario-error", TextLine)
        self._expectations = self.query_one("#expectations", GrowingLine)
        self._verdicts = self.query_one("#verdicts")
        self._trace = self.query_one(TraceView)
        self._cards = list(self.query(VerdictCard))
        self._stale_banner = self.query_one("#stale-banner", TextLine)
        self._strip = self.query_one(VerdictStrip)
        self._what_if_lists = {w.resource: w for w in self.query(WhatIfList)}
        # Everything a keystroke can repaint besides the Input (see _edited).
        self._live_widgets = [
            *self._cards,
            *self._url_pane.query(TextLine),
            *self._url_pane.query("OriginBreakdown"),
            self._error_line,
            self._expectations,
            self._stale_banner,
            self._strip,
        ]
        self.query_one("#urls").border_title = "URLs"
        self.query_one("#resources").border_title = "Resources"
        self.query_one("#trace").border_title = "Trace"
        # A typed character is evaluated in the Input's own key handler, so the frame that shows
        # the character shows its verdicts too (a UrlInput posts no Changed message).
        for field in ("page", "target"):
            self.watch(
                self.query_one(f"#{field}-url", Input),
                "value",
                partial(self._url_typed, field),
                init=False,
            )
        self.show_draft()  # children are mounted by now: the first frame shows the verdicts
        self.query_one("#target-url").focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler, which restyles every widget on each resume: on the first
        # one (start-up) they were styled as they were mounted, a moment ago, and nothing changed.
        # Later resumes (back from a dialog, maybe after a theme change) restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _open_tab(self, tab: str) -> AwaitMount | None:
        """Mount a tab's editors the first time it is shown (None: they are mounted already)."""
        content = self._unopened_tabs.pop(tab, None)
        if content is None:
            return None
        return self.query_one(f"#{tab}", TabPane).mount(content)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id is not None:
            self._open_tab(event.pane.id)  # a click on the tab, or the tab keys

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        self._show_strip()

    def _show_strip(self) -> None:
        """The verdict strip's lines, while it is shown (below NARROW_WIDTH; app.tcss hides it
        otherwise): a hidden strip is not repainted on every keystroke."""
        report = self.session.report
        if report is None or not self.has_class("-narrow"):
            return
        self._strip.verdicts = tuple(
            verdict
            for resource in self.session.draft.resources
            if (verdict := report.verdict(resource)) is not None
        )

    # --- attributes down --------------------------------------------------------------------------

    def show_draft(self) -> None:
        """Put the session's whole draft into the widgets (a scenario was loaded), then evaluate."""
        draft = self.session.draft
        self._url_pane.set_urls(draft.page, draft.target)
        self.query_one(ResourceToggles).set_selected(draft.resources)
        self._request_editor.set_request(draft.request, draft.request_headers)
        for editor in self._response_editors:
            editor.response = getattr(draft, editor.section)
        self._cookie_editor.shown_cookie = draft.cookie
        self.selected_resource = None
        for card in self._cards:
            card.release_room()  # a new scenario: cards take the size of its verdicts
        self._expectations.release_room()
        self._url_pane.release_room()
        self._trace_home = True
        self.reevaluate()

    def reevaluate(self) -> None:
        """Ask the core about the current draft and repaint whatever changed."""
        self.show_evaluation(self.session.evaluate())

    def show_evaluation(self, evaluation: Evaluation) -> None:
        draft = self.session.draft
        url_errors = {}
        for field, text in (("page", draft.page), ("target", draft.target)):
            error = check_url(text, field)
            if error is not None:
                url_errors[field] = error.problem
        self._url_pane.show_errors(url_errors)
        error_line = self._error_line
        stale = evaluation.error is not None
        if evaluation.error is not None and evaluation.error.path not in url_errors:
            error_line.text = Text(f"{NO} {literal(str(evaluation.error))}")
            error_line.display = True
        else:
            error_line.display = False
        self._verdicts.set_class(stale, "-stale")
        self._trace.set_class(stale, "-stale")
        self._strip.set_class(stale, "-stale")
        for card in self._cards:
            card.display = card.resource in draft.resources
            self._what_if_lists[card.resource].display = card.display and card.resource in self._what_if_open
        report = evaluation.report
        if report is None:
            # The last good verdicts stay on screen, dimmed and named as such; nothing about the
            # URLs (origins, badges, expectations) is shown as if it were about the URLs typed now.
            last = self.session.report
            self._stale_banner.display = last is not None
            if last is not None:
                self._stale_banner.text = stale_banner_text(last)
            self._expectations.display = False
            urls = None if url_errors else urls_only_report(draft)
            if urls is not None:
                self._url_pane.show_report(urls, draft.page_sandboxed)
            else:
                self._url_pane.show_origins_alone(origins_alone(draft))
            return
        self._stale_banner.display = False
        self._url_pane.show_report(report, draft.page_sandboxed)
        for card in self._cards:
            if card.display:
                card.verdict = report.verdict(card.resource)
        self._show_strip()
        self._show_expectations(report)
        self._schedule_trace()
        for editor in self._response_editors:
            editor.origin_hint = report.page.origin

    def _show_expectations(self, report: policy_core.Report) -> None:
        line = self._expectations
        if not report.expectations:
            line.display = False
            return
        met = sum(e.met for e in report.expectations)
        text = Text(f"Expectations: {met}/{len(report.expectations)} met", style="bold")
        for e in report.expectations:
            if not e.met:
                what = CAPABILITY_PHRASES.get(e.path, e.path.replace("_", " "))  # learner words
                text.append(f"  {NO} {what}: expected {yes_no_word(e.expected)}, got {yes_no_word(e.actual)}")
        text.append(f"\n{EXPECTATIONS_HELP}", style="italic")
        line.text = text
        line.display = True

    def _schedule_trace(self) -> None:
        """Repaint the trace in the frame after the verdicts: the cards show first, and a burst of
        keystrokes rebuilds the step list once, for the last report."""
        self._trace_pending = True
        self._after_next_frame()

    def _after_next_frame(self) -> None:
        """Queue ``_frame_drawn`` once, whoever needs it: one message per keystroke, not one per need."""
        if not self._after_frame_pending:
            self._after_frame_pending = True
            self.call_after_refresh(self._frame_drawn)

    def _frame_drawn(self) -> None:
        self._after_frame_pending = False
        self._evaluated_this_frame = False
        if self._trace_pending:
            self._flush_trace()

    def _flush_trace(self) -> None:
        self._trace_pending = False
        self._evaluation_pending = False
        evaluation = self.session.evaluation
        if evaluation is not None and evaluation.report is not None:  # else the last trace stays, dimmed
            self._show_trace(evaluation.report)
            self._show_what_ifs()

    def _show_trace(self, report: policy_core.Report) -> None:
        shown = [r for r in self.session.draft.resources if report.verdict(r) is not None]
        if self.selected_resource not in shown:
            self.selected_resource = shown[0] if shown else None
        self._trace.verdict = (
            None if self.selected_resource is None else report.verdict(self.selected_resource)
        )
        if self._trace_home:
            self._trace_home = False
            for steps in self._trace.query("#trace-steps, #trace-notes").results(OptionList):
                if steps.option_count:
                    steps.highlighted = 0
                steps.scroll_home(animate=False)

    # --- what if (computed only while a list is open) -----------------------------------------------

    def _what_ifs(self) -> dict[str, tuple[WhatIf, ...]] | None:
        """The entries for the last valid report, once per report; None when the draft is not valid."""
        report = self.session.report
        evaluation = self.session.evaluation
        if report is None or evaluation is None or evaluation.report is not report:
            return None if self._what_if_for is None else self._what_if_for[1]  # stale: the last ones
        if self._what_if_for is None or self._what_if_for[0] is not report:
            scenario = policy_core.load_scenario(self.session.draft.evaluation_mapping())
            self._what_if_for = (report, what_if_by_resource(scenario, report))
        return self._what_if_for[1]

    def _show_what_ifs(self) -> None:
        if not self._what_if_open:
            return  # the keystroke path: nothing computed while every list is closed
        entries = self._what_ifs()
        if entries is None:
            for resource in self._what_if_open:
                self._what_if_lists[resource].show_waiting()
            return
        for resource in self._what_if_open:
            self._what_if_lists[resource].show_entries(entries.get(resource, ()))

    def toggle_what_if(self, resource: str) -> None:
        card = self.query_one(f"#card-{resource}", VerdictCard)
        shown = resource not in self._what_if_open
        if shown:
            self._what_if_open.add(resource)
            self._show_what_ifs()
        else:
            self._what_if_open.discard(resource)
        what_if = self._what_if_lists[resource]
        what_if.display = shown and card.display
        card.show_what_if_open(shown)
        if shown:
            self.call_after_refresh(what_if.scroll_visible, animate=False)

    @on(VerdictCard.WhatIfToggled)
    def _what_if_toggled(self, event: VerdictCard.WhatIfToggled) -> None:
        self.toggle_what_if(event.resource)

    @on(WhatIfList.CloseRequested)
    def _what_if_closed(self, event: WhatIfList.CloseRequested) -> None:
        if event.resource in self._what_if_open:
            self.toggle_what_if(event.resource)

    # --- messages up ----------------------------------------------------------------------------

    def _edited(self) -> None:
        """At most one evaluation per burst: the first edit since the last frame is evaluated at
        once (the next frame shows it); edits queued behind it before that frame (fast typing, a
        paste) are evaluated together, once, when the queue has been read."""
        self.app.post_message(DraftEdited())  # straight to the App, its only reader
        if not self._evaluated_this_frame:
            self._evaluated_this_frame = True
            self._after_next_frame()
            self.reevaluate()
            post_refreshes_now(self._live_widgets)  # same frame as the typed character
        elif not self._evaluation_pending:
            self._evaluation_pending = True
            self.call_later(self._evaluate_pending)

    def _evaluate_pending(self) -> None:
        self._evaluation_pending = False
        self.reevaluate()

    def _url_typed(self, field: str, value: str) -> None:
        if getattr(self.session.draft, field) != value:  # not a scenario's URLs being put in
            self.session.edit(**{field: value})
            self._edited()

    @on(ResourceToggles.Changed)
    def _toggled(self, event: ResourceToggles.Changed) -> None:
        self.session.edit(resources=list(event.resources))
        self._edited()

    @on(VerdictCard.Selected)
    def _card_selected(self, event: VerdictCard.Selected) -> None:
        self.selected_resource = event.resource
        report = self.session.report
        if report is not None and report.verdict(event.resource) is not None:
            self._trace.verdict = report.verdict(event.resource)

    @on(RequestEditor.Changed)
    def _request_changed(self, event: RequestEditor.Changed) -> None:
        self.session.edit(request={**self.session.draft.request, event.field: event.value})
        self._edited()

    @on(RequestEditor.HeadersChanged)
    def _request_headers(self, event: RequestEditor.HeadersChanged) -> None:
        self.session.edit(request_headers=list(event.headers))
        self._edited()

    @on(ResponseEditor.Changed)
    def _response_changed(self, event: ResponseEditor.Changed) -> None:
        current: Response = getattr(self.session.draft, event.section)
        status = event.status if event.status is not None else current.status
        self.session.edit(**{event.section: Response(status, list(event.headers))})
        self._edited()

    @on(events.Paste)
    def _pasted_on_the_tab_bar(self, event: events.Paste) -> None:
        """A paste with the focus on the editors' tab bar (or on another widget of the Request or
        Response tab outside its editor) goes to that tab's headers, as a paste in a field does."""
        editors = self.query_one("#editors", TabbedContent)
        focused = self.focused
        if focused is None or (focused is not editors and editors not in focused.ancestors):
            return
        target = {"tab-request": "#request-headers", "tab-response": "#response-headers"}.get(editors.active)
        if target is None or not is_header_paste(event.text):
            return
        for headers in self.query(target).results(HeadersEditor):  # the Response tab mounts late
            event.stop()
            headers.add_lines(event.text)

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
        self.session.edit(cookie=event.cookie)
        self._edited()

    @on(TraceView.CopyRequested)
    def _copy(self, event: TraceView.CopyRequested) -> None:
        self.post_message(CopyText(event.text, event.what))

    # --- focus helpers (bound to keys on the app) ---------------------------------------------------

    def _focus_in_pane(self, pane: str) -> None:
        for widget in self.query(PANE_FOCUS[pane]):
            widget.focus()

    def toggle_resource(self, resource: str) -> None:
        self.query_one(f"#toggle-{resource}", Checkbox).toggle()  # posts ResourceToggles.Changed

    def toggle_maximize(self) -> None:
        """The pane holding the focus fills the screen; again (or Esc) restores the layout."""
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        panes = [self.query_one(selector) for selector in MAXIMIZABLE]
        for pane in panes:
            if focused is not None and (focused is pane or pane in focused.ancestors):
                self.maximized = pane
                return
        self.maximized = panes[0]  # nothing focused: the URLs

    async def focus_pane(self, pane: str) -> None:
        if pane == "urls":
            self.query_one("#target-url").focus()
        elif pane in PANE_FOCUS:
            self.query_one(TabbedContent).active = f"tab-{pane}"
            opening = self._open_tab(f"tab-{pane}")
            if opening is not None:
                await opening  # the first time: the focus goes into the editors once they are there
            self.call_after_refresh(self._focus_in_pane, pane)
        elif pane == "resources":
            self.query_one("#toggle-dom").focus()
        elif pane == "trace":
            self.query_one("#trace-steps").focus()
