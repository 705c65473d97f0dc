"""Pilot behaviour tests for the workbench (issue 5)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.color import Color
from textual.widgets import DataTable, Input, OptionList, Static

import policy_core
from policy_core.report import INFO, PASS, FetchDetails, Step, Verdict
from policy_core.resources import EVALUATORS
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import ConfirmQuit
from tui.widgets.origin_breakdown import OriginBreakdown
from tui.widgets.verdict_card import VerdictCard

SIZE = (120, 40)


class RecordingClipboard:
    def __init__(self, fail: bool = False) -> None:
        self.copied: list[str] = []
        self.fail = fail

    def __call__(self, text: str) -> None:
        if self.fail:
            raise RuntimeError("no clipboard")
        self.copied.append(text)


def make_app(path: Path | None = None) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(scenario_path=path, system_copy=RecordingClipboard())


async def set_url(pilot, selector: str, text: str) -> None:
    widget = pilot.app.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)
    await pilot.pause()


def visible_cards(app) -> list[str]:
    return [card.resource for card in app.query(VerdictCard) if card.display]


def static_text(app, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def test_starts_with_the_first_article_example() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.query_one("#page-url", Input).value == "https://www.a.com/"
            assert app.query_one("#target-url", Input).value == "https://www.b.com/account"
            assert app.session.report is not None and app.session.report.verdict("dom").outcome == "blocked"
            assert "dom" in visible_cards(app)
            assert not app.session.dirty

    asyncio.run(scenario())


def test_typing_a_url_changes_verdicts_and_origin_breakdown() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            breakdown = app.query_one("#target-origin", OriginBreakdown)
            assert breakdown.marked == ("host",)
            await set_url(pilot, "#target-url", "https://www.a.com/other")
            assert app.session.report.verdict("dom").outcome == "allowed"
            assert app.session.report.same_origin
            assert breakdown.marked == ()
            assert "www.a.com" in str(breakdown.render())
            card = app.query_one("#card-dom", VerdictCard)
            assert card.has_class("-allowed")
            assert str(card.render()).splitlines()[0] == "✔ allowed"  # the outcome line: symbol and word
            await set_url(pilot, "#target-url", "https://www.a.com:8443/")  # a keystroke at a time, no Enter
            assert app.session.report.origin_diff == ("port",)
            assert breakdown.marked == ("port",)
            assert card.has_class("-blocked")
            assert app.session.dirty

    asyncio.run(scenario())


def test_toggles_add_and_remove_cards() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert visible_cards(app) == ["dom", "fetch"]
            await pilot.click("#toggle-dom")
            await pilot.pause()
            assert "dom" not in visible_cards(app)
            assert app.session.draft.resources == ["fetch"]
            assert app.session.report.verdict("dom") is None
            await pilot.click("#toggle-iframe")
            await pilot.pause()
            assert "iframe" in visible_cards(app)
            assert app.session.report.verdict("iframe") is not None

    asyncio.run(scenario())


def _fake_fetch(ctx) -> Verdict:
    """A stand-in evaluator: proves the UI renders any verdict generically, without UI changes."""
    allowed = any(name.lower() == "access-control-allow-origin" for name, _ in ctx.scenario.response.headers)
    steps = (
        Step(id="fake.one", result=PASS, summary="first rule", detail="first detail", spec="Fetch § 1"),
        Step(id="fake.two", result=INFO, summary="second rule", detail="second detail [bold red]x[/]", spec="Fetch § 2"),
    )
    return Verdict(
        resource="fetch",
        can=(("send", True), ("read", allowed)),
        trace=steps,
        console=policy_core.Console(chrome=None if allowed else "fake console line"),
        fixes=("Access-Control-Allow-Origin: https://www.a.com",),
        warnings=("a warning",),
        fetch=FetchDetails(),
    )


@pytest.fixture
def fake_fetch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(EVALUATORS, "fetch", _fake_fetch)


def test_header_paste_and_edit_change_the_verdict(fake_fetch) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            card = app.query_one("#card-fetch", VerdictCard)
            assert app.session.report.verdict("fetch").outcome == "partial"
            # the capabilities, in learner words (issue 14; before: "send ✔   read ✘")
            assert str(card.render()).splitlines()[1] == "✔ the request reaches the server"
            assert "Chrome console: fake console line" in str(card.render()).splitlines()
            await pilot.press("f5")
            await pilot.pause()
            name = app.query_one("#response-headers-name", Input)
            name.focus()
            name.post_message(
                events.Paste(
                    "HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: https://www.a.com\nVary: Origin\n"
                    "Access-Control-Allow-Origin: https://www.a.com"
                )
            )
            await pilot.pause()
            assert app.session.draft.response.status == 204
            assert app.query_one("#response-status", Input).value == "204"
            assert [h[0] for h in app.session.draft.response.headers] == [
                "Access-Control-Allow-Origin",
                "Vary",
                "Access-Control-Allow-Origin",
            ]  # duplicates kept
            assert app.session.report.verdict("fetch").outcome == "allowed"
            assert card.has_class("-allowed")
            # Delete both Access-Control-Allow-Origin rows: the verdict goes back.
            headers = app.query_one("#response-headers")
            headers.delete_row(2)
            headers.delete_row(0)
            await pilot.pause()
            assert app.session.draft.response.headers == [("Vary", "Origin")]
            assert app.session.report.verdict("fetch").outcome == "partial"
            # Edit the remaining row in place: select it, retype the name, live.
            table = app.query_one("#response-headers-table", DataTable)
            table.focus()
            await pilot.press("enter")
            name_input = app.query_one("#response-headers-name", Input)
            name_input.value = "Access-Control-Allow-Origin"
            await pilot.pause()
            assert app.session.draft.response.headers[0][0] == "Access-Control-Allow-Origin"
            assert app.session.report.verdict("fetch").outcome == "allowed"

    asyncio.run(scenario())


def test_request_headers_typed_and_pasted(fake_fetch) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()
            name = app.query_one("#request-headers-name", Input)
            name.focus()
            await pilot.press(*"X-Trace", "enter", *"1", "enter")
            await pilot.pause()
            assert app.session.draft.request_headers == [("X-Trace", "1")]
            name.post_message(events.Paste("Content-Type: application/json\nAuthorization: Bearer t"))
            await pilot.pause()
            assert app.session.draft.request_headers == [
                ("X-Trace", "1"),
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer t"),
            ]
            assert app.session.evaluation.error is None

    asyncio.run(scenario())


def test_trace_marks_steps_with_symbol_and_word_and_shows_detail(fake_fetch) -> None:
    async def scenario() -> None:
        clipboard = RecordingClipboard()
        app = OriginPlaygroundApp(system_copy=clipboard)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.click("#card-fetch")
            await pilot.pause()
            steps = app.query_one("#trace-steps", OptionList)
            first = steps.get_option_at_index(0).prompt
            assert isinstance(first, Text) and first.plain.startswith("✔ pass")
            assert "Fetch § 1" in first.plain
            steps.focus()
            await pilot.press("down")
            await pilot.pause()
            detail = str(app.query_one("#step-detail", Static).render())
            assert "second detail [bold red]x[/]" in detail  # literal, never markup
            notes = app.query_one("#trace-notes", OptionList)
            notes.focus()
            notes.highlighted = 0
            await pilot.press("enter")
            await pilot.pause()
            assert clipboard.copied == ["Access-Control-Allow-Origin: https://www.a.com"]
            assert app.clipboard == "Access-Control-Allow-Origin: https://www.a.com"

    asyncio.run(scenario())


def test_no_system_clipboard_is_said_plainly() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard(fail=True))
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+y")
            await pilot.pause()
            assert app.clipboard.startswith("version = 1")
            messages = [n.message for n in app._notifications]
            assert any("No system clipboard" in m for m in messages)

    asyncio.run(scenario())


def test_invalid_url_keeps_last_verdicts_dimmed_with_the_cores_message() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            before = app.session.report
            await set_url(pilot, "#target-url", "www.b.com")
            assert app.session.report is before  # the last good verdicts stay
            assert app.session.evaluation.error is not None and app.session.evaluation.error.path == "target"
            error = app.query_one("#target-url-error", Static)
            assert error.display and "not an absolute URL" in str(error.render())
            assert app.query_one("#verdicts").has_class("-stale")
            assert app.query_one("#card-dom", VerdictCard).display
            await pilot.press("home", *"https://")
            await pilot.pause()
            assert app.session.evaluation.error is None
            assert not app.query_one("#verdicts").has_class("-stale")
            assert not app.query_one("#target-url-error", Static).display

    asyncio.run(scenario())


def test_user_text_is_shown_literally() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            editor = app.query_one("#request-headers")
            editor.add_row("X-Markup", "[bold red]x[/]")
            editor.add_row("X-Escape", "\x1b[31mred")
            await pilot.pause()
            table = app.query_one("#request-headers-table", DataTable)
            assert table.get_row_at(0)[1].plain == "[bold red]x[/]"
            assert table.get_row_at(1)[1].plain == "␛[31mred"
            assert app.session.draft.request_headers[1] == ("X-Escape", "\x1b[31mred")
            await set_url(pilot, "#page-url", "[bold red]x[/]")
            assert "[bold red]x[/]" in str(app.query_one("#page-url-error", Static).render())

    asyncio.run(scenario())


def test_save_then_open_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await set_url(pilot, "#target-url", "https://api.b.example/x")
            app.query_one("#request-headers").add_row("X-Dup", "1")
            app.query_one("#request-headers").add_row("X-Dup", "2")
            await pilot.pause()
            saved = app.session.draft.to_mapping()
            await pilot.press("ctrl+s")
            await pilot.pause()
            dialog_input = app.screen.query_one("#dialog-path", Input)
            dialog_input.value = str(path)
            await pilot.press("enter")
            await pilot.pause()
            assert path.exists() and not app.session.dirty
            await set_url(pilot, "#target-url", "https://elsewhere.example/")
            assert app.session.dirty
            await pilot.press("ctrl+o")
            await pilot.pause()
            app.screen.query_one("#dialog-path", Input).value = str(path)
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#unsaved-discard").press()  # the draft was dirty: the app asks (issue 14)
            await pilot.pause()
            assert app.session.draft.to_mapping() == saved
            assert app.query_one("#target-url", Input).value == "https://api.b.example/x"
            assert not app.session.dirty

    asyncio.run(scenario())
    assert policy_core.load_scenario(path).request.headers == (("X-Dup", "1"), ("X-Dup", "2"))


def test_bad_file_shows_its_error_and_the_app_keeps_running(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'version = 1\npage = "https://a.example"\ntarget = "https://b.example"\n[request]\nmode = "corz"\n'
    )

    async def scenario() -> None:
        app = make_app(bad)  # from the command line
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert app.session.load_error is not None and app.session.load_error.startswith("request.mode:")
            assert "\n" not in app.session.load_error
            assert any("request.mode" in n.message for n in app._notifications)
            assert app.session.report is not None  # the library scenario is loaded instead
            before = app.session.draft.to_mapping()
            assert app.load_path(tmp_path / "missing.toml") is False
            assert "no such file" in app.session.load_error
            assert app.session.draft.to_mapping() == before
            await set_url(pilot, "#target-url", "https://www.a.com/")
            assert app.session.report.same_origin  # still live

    asyncio.run(scenario())


def test_quitting_with_unsaved_changes_asks_first() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await set_url(pilot, "#target-url", "https://changed.example/")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmQuit)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmQuit) and app.is_running
            await pilot.press("ctrl+q")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
        assert app.return_code == 0

    asyncio.run(scenario())


def test_quit_without_changes_does_not_ask() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not app.is_running

    asyncio.run(scenario())


def test_library_picker_and_palette_load_scenarios() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+l")
            await pilot.pause()
            await pilot.press("down", "enter")  # the second entry: bank and bad-site
            await pilot.pause()
            assert app.session.draft.page == "https://bad-site.com/"
            assert app.query_one("#page-url", Input).value == "https://bad-site.com/"
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"Load scenario: sandboxed")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.session.draft.page_sandboxed
            assert app.session.report.page.opaque

    asyncio.run(scenario())


def test_every_binding_has_an_id_and_a_palette_command() -> None:
    """Nothing undiscoverable: every app key has an id, a palette command and a row in the help
    screen (F1). The footer may leave some out (or group the pane keys) to fit 120 columns."""
    from tui.commands import ACTIONS
    from tui.keys import key_sections
    from tui.screens.help import key_rows

    actions = {action for _, _, action in ACTIONS}
    everywhere = dict(key_sections())["Everywhere"]
    help_ids = {row.id for row in key_rows(everywhere, lambda binding: binding.key)}
    for binding in OriginPlaygroundApp.BINDINGS:
        assert binding.id, binding
        assert binding.action in actions, binding.action
        assert binding.id in help_ids, binding.id


def test_pane_keys_do_nothing_in_talk_mode() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.action_talk()
            await pilot.pause()
            assert app.check_action("focus_pane", ("request",)) is False
            before = app.workbench.query_one("#editors").active  # type: ignore[attr-defined]
            await pilot.press("f4", "f6", "f7")
            await pilot.pause()
            assert app.workbench.query_one("#editors").active == before  # type: ignore[attr-defined]
            app.leave_talk()
            await pilot.pause()
            assert app.check_action("focus_pane", ("request",)) is True

    asyncio.run(scenario())


def test_narrow_terminal_stacks_panes() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.screen.has_class("-narrow")
            assert app.query_one("#target-url").region.width > 40
            await pilot.press("f7")
            await pilot.pause()
            assert app.focused is app.query_one("#trace-steps")
            assert app.query_one("#trace-steps").region.height > 0

    asyncio.run(scenario())


def test_themes_are_registered_and_switchable() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(theme="origin-high-contrast", system_copy=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.theme == "origin-high-contrast"
            for name in ("origin-dark", "origin-light", "origin-colour-blind-safe"):
                app.theme = name
                await pilot.pause()
                assert app.theme_variables["verdict-allowed"]

    asyncio.run(scenario())


def test_cookie_tab_edits_reach_the_draft_and_the_verdict() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.session.draft.cookie is None
            await pilot.press("f6")
            await pilot.pause()
            name = app.query_one("#cookie-name", Input)
            name.focus()
            await pilot.press("end", *"x")  # editing a field switches the cookie on
            await pilot.pause()
            assert app.session.draft.cookie == {"name": "sidx", "via": "fetch"}
            line = app.query_one("#cookie-line", Input)
            line.value = "a=1; Secure; SameSite=None"
            await pilot.pause()
            assert app.session.draft.cookie == {"set_cookie": "a=1; Secure; SameSite=None", "via": "fetch"}
            # Issue 14 (the brief re-means this): the fields show the typed line's cookie, they are
            # no longer dimmed as "overridden".
            assert app.query_one("#cookie-name", Input).value == "a"
            assert app.session.dirty

    asyncio.run(scenario())


def test_a_cards_border_shows_its_outcome_focused_or_not_in_every_theme() -> None:
    """The border comes from app.tcss's per-outcome component styles, set on the card directly (a
    keystroke that flips a verdict restyles nothing): it must still follow the outcome, the focus
    (double when focused) and the theme."""

    def border(card: VerdictCard) -> tuple[str, str]:
        edge, colour = card.styles.border_top
        return edge, colour.hex

    def colour(app: OriginPlaygroundApp, outcome: str) -> str:
        return Color.parse(app.theme_variables[f"verdict-{outcome}"]).hex

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            card = app.query_one("#card-dom", VerdictCard)
            assert card.has_class("-blocked")
            assert border(card) == ("round", colour(app, "blocked"))
            await set_url(pilot, "#target-url", "https://www.a.com/")
            assert card.has_class("-allowed") and not card.has_class("-blocked")
            assert border(card) == ("round", colour(app, "allowed"))
            card.focus()
            await pilot.pause()
            assert border(card) == ("double", colour(app, "allowed"))
            app.theme = "origin-light"
            await pilot.pause()
            await pilot.pause()
            assert colour(app, "allowed") != Color.parse("#000000").hex
            assert border(card) == ("double", colour(app, "allowed"))
            app.query_one("#target-url", Input).focus()
            await pilot.pause()
            assert border(card) == ("round", colour(app, "allowed"))

    asyncio.run(scenario())


def test_the_verdict_strip_is_current_whenever_it_is_shown() -> None:
    """Hidden at 120 columns, the strip is not repainted on each keystroke; typed at 120 columns,
    the verdicts are still the current ones once the terminal narrows to 80."""

    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            strip = app.query_one("#verdict-strip", Static)
            assert str(strip.render()).splitlines()[0].startswith("✘ DOM")
            box = app.query_one("#target-url", Input)
            box.focus()
            box.value = "https://www.a.com/"
            await pilot.press("x")
            await pilot.pause()
            assert str(strip.render()).splitlines()[0].startswith("✔ DOM")
            await pilot.resize_terminal(120, 40)
            await pilot.pause()
            box.value = "https://www.b.com/"
            await pilot.press("y")
            await pilot.pause()
            assert str(strip.render()).splitlines()[0].startswith("✔ DOM")  # hidden: not repainted
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert str(strip.render()).splitlines()[0].startswith("✘ DOM")

    asyncio.run(scenario())
