"""Issue 14 in the workbench, each bug as a named before/after test (Pilot): honest stale states,
URLs that are not web URLs, learner words on the cards, the trace from its first step."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from textual.widgets import Input, OptionList

import policy_core
from origin_playground.library import find_scenario
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.widgets.origin_breakdown import NO_ORIGIN, OriginBreakdown
from tui.widgets.text_line import TextLine
from tui.widgets.verdict_card import VerdictCard

SIZE = (120, 40)


def make_app(slug: str | None = None) -> OriginPlaygroundApp:
    path = None
    if slug is not None:
        entry = find_scenario(slug)
        assert entry is not None
        path = entry.path
    return OriginPlaygroundApp(scenario_path=path, system_copy=RecordingClipboard())


async def type_url(pilot, selector: str, text: str) -> None:
    widget = pilot.app.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)
    await pilot.pause()


def shown(app, selector: str) -> str:
    return str(app.query_one(selector).render())


# --- an invalid URL: the last valid answer, named as such; nothing of the old URL as if current ------


def test_invalid_url_names_the_last_valid_answer_and_shows_no_old_origin() -> None:
    """Before: the target's breakdown still showed https://www.b.com:443 (the old URL's origin,
    dimmed), the badges said cross-origin, the expectations said 4/4 met, and nothing said whose
    answer the dimmed verdicts were."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            banner = app.query_one("#stale-banner", TextLine)
            assert not banner.display
            await type_url(pilot, "#target-url", "www.c.com")
            assert banner.display
            assert "Showing the last valid answer, for https://www.b.com/account" in str(banner.text)
            target = app.query_one("#target-origin", OriginBreakdown)
            assert shown(app, "#target-origin") == NO_ORIGIN
            assert target.marked == ()
            assert "www.b.com" not in shown(app, "#target-origin")
            badges = shown(app, "#origin-badges")
            assert "cross-origin" not in badges and "Known once both URLs are valid" in badges
            assert not app.query_one("#expectations").display
            await pilot.press("home", *"https://")  # valid again: all current, no banner
            await pilot.pause()
            assert not banner.display
            assert "www.c.com" in shown(app, "#target-origin")
            assert "cross-origin" in shown(app, "#origin-badges")
            assert app.query_one("#expectations").display

    asyncio.run(scenario())


def test_page_edited_while_the_target_is_invalid_shows_the_new_page_origin() -> None:
    """Before: the page's breakdown kept the origin of the last valid page."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_url(pilot, "#target-url", "nope")
            await type_url(pilot, "#page-url", "https://shop.example:8443/")
            page = shown(app, "#page-origin")
            assert "shop.example" in page and "8443" in page and "www.a.com" not in page
            assert shown(app, "#target-origin") == NO_ORIGIN

    asyncio.run(scenario())


def test_url_pane_stays_current_while_another_field_is_invalid() -> None:
    """Before: with a bad header in the draft, a new target URL left the old origin, and the old
    same-origin badge, on screen."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.workbench
            app.session.edit(request_headers=[("Bad Name", "1")])
            screen.reevaluate()
            await pilot.pause()
            assert app.session.evaluation.error is not None
            assert app.session.evaluation.error.path not in ("page", "target")
            await type_url(pilot, "#target-url", "https://www.a.com/x")
            assert app.query_one("#stale-banner").display
            assert "www.a.com" in shown(app, "#target-origin")
            assert "same-origin" in shown(app, "#origin-badges")
            assert "cross-origin" not in shown(app, "#origin-badges")

    asyncio.run(scenario())


# --- a URL that is not a web URL is called out ---------------------------------------------------------


@pytest.mark.parametrize("url", ["htp:/foo", "about:blank", "data:text/html,hi", "file:///tmp/x.html"])
def test_a_url_that_is_not_a_web_url_is_called_out(url: str) -> None:
    """Before: the breakdown said only 'opaque origin "null"', as if that were an ordinary origin."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_url(pilot, "#target-url", url)
            assert app.session.evaluation.error is None
            assert shown(app, "#target-origin") == 'not a web URL: its origin is opaque ("null")'
            assert "www.a.com" in shown(app, "#page-origin")

    asyncio.run(scenario())


def test_a_file_name_is_not_a_url_and_says_so() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await type_url(pilot, "#target-url", "README.md")
            assert shown(app, "#target-origin") == NO_ORIGIN
            assert "not an absolute URL" in shown(app, "#target-url-error")

    asyncio.run(scenario())


def test_a_sandboxed_page_says_why_its_origin_is_opaque() -> None:
    async def scenario() -> None:
        app = make_app("sandboxed-frame-opaque-origin")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "sandboxed, no allow-same-origin" in shown(app, "#page-origin")
            assert "example.com" in shown(app, "#target-origin")

    asyncio.run(scenario())


# --- no fix names the origin "null" without saying why it is dangerous ------------------------------------

PAGES = [("https://example.com/app", True), ("data:text/html,x", False), ("https://www.a.com/", False)]
TARGETS = ["https://www.b.com/x", "data:text/html,y", "about:blank", "https://www.a.com/y"]


@pytest.mark.parametrize(("page", "target"), list(itertools.product(PAGES, TARGETS)))
def test_dom_fix_never_names_null_without_the_danger(page, target) -> None:
    """Before: ``otherWindow.postMessage(data, 'null')`` (a SyntaxError) and ``check event.origin ===
    'null'`` (true for every sandboxed frame and data: page of any site)."""
    url, sandboxed = page
    scenario = policy_core.load_scenario(
        {"version": 1, "page": url, "target": target, "page_sandboxed": sandboxed, "resources": ["dom"]}
    )
    verdict = policy_core.evaluate(scenario).verdict("dom")
    assert verdict is not None
    for fix in verdict.fixes:
        assert "postMessage(data, 'null')" not in fix
        assert "=== 'null'" not in fix
        if "'null'" in fix:  # named only to say why it cannot be relied on
            assert "SyntaxError" in fix or "proves nothing" in fix


# --- learner words on the cards -------------------------------------------------------------------------


def test_cards_show_capability_phrases_not_internal_names() -> None:
    """Before: ``access ✘``, ``send ✔   read ✘``, ``exposed headers: (none)``,
    ``preflight cache seconds: (none)``, ``preflight request: (none)``."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            dom = str(app.query_one("#card-dom", VerdictCard).render())
            fetch = str(app.query_one("#card-fetch", VerdictCard).render())
            assert "✘ page script reads or changes the other document" in dom.splitlines()
            assert "✔ the request reaches the server" in fetch.splitlines()
            assert "✘ page script reads the response" in fetch.splitlines()
            for raw in ("access ✘", "read ✘", "(none)", "exposed headers", "preflight cache seconds"):
                assert raw not in dom + fetch, raw
            assert "no preflight" in fetch

    asyncio.run(scenario())


def test_a_preflighted_request_shows_the_preflight_in_words() -> None:
    async def scenario() -> None:
        app = make_app("json-post-preflight")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            lines = str(app.query_one("#card-fetch", VerdictCard).render()).splitlines()
            assert "a preflight (OPTIONS) is sent first:" in lines
            assert any(line.startswith("  OPTIONS ") for line in lines)
            assert not any("preflight request:" in line for line in lines)

    asyncio.run(scenario())


def test_expectations_only_when_the_scenario_has_some_and_explained(tmp_path) -> None:
    """Before: "Expectations: 4/4 met" with no word of what an expectation is."""
    plain = tmp_path / "plain.toml"
    plain.write_text('version = 1\npage = "https://www.a.com/"\ntarget = "https://www.b.com/"\n')

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            line = app.query_one("#expectations")
            assert line.display
            text = str(line.render())
            assert text.startswith("Expectations: 4/4 met")
            assert "(what this scenario predicts; ✘ marks a surprise)" in text
            assert app.load_path(plain)
            await pilot.pause()
            assert not line.display

    asyncio.run(scenario())


def test_after_loading_a_scenario_the_trace_starts_at_its_first_step() -> None:
    """Before: the highlight (and the scroll) stayed where the last scenario's trace was left."""
    other = find_scenario("origin-port-differs")
    assert other is not None

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f7")
            await pilot.pause()
            await pilot.press("down", "down", "down", "down")
            await pilot.pause()
            steps = app.query_one("#trace-steps", OptionList)
            assert steps.highlighted == 4
            assert app.load_path(other.path)
            for _ in range(20):
                await pilot.pause()
            assert app.workbench.selected_resource == "dom"
            assert steps.highlighted == 0
            assert steps.scroll_y == 0

    asyncio.run(scenario())
