"""Help: F1 and ? open it; the key list comes from the bindings; each primer topic loads its scenario."""

from __future__ import annotations

import asyncio

from textual.widgets import Button

from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.keys import key_sections
from tui.screens.help import PRIMER, HelpScreen, key_rows
from tui.screens.talk import TalkScreen


def make_app() -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard())


def test_key_rows_come_from_the_bindings() -> None:
    rows = key_rows(list(TalkScreen.BINDINGS), lambda b: b.key)
    by_id = {row.id: row for row in rows}
    assert by_id["talk-reveal"].keys == "right / space"  # one row for a binding with two keys
    assert by_id["talk-next-slide"].keys == "pagedown"
    ids = {b.id for b in TalkScreen.BINDINGS}
    assert set(by_id) == ids


def test_every_binding_of_every_section_is_listed() -> None:
    for _title, bindings in key_sections():
        rows = key_rows(bindings, lambda b: b.key)
        assert len(rows) == len({getattr(b, "id", None) or b.action for b in bindings})


def test_primer_covers_the_six_topics_with_real_scenarios() -> None:
    from origin_playground.library import find_scenario

    assert [t.title.split()[0] for t in PRIMER] == [
        "Origin",
        "Same-Origin",
        "CORS",
        "Preflight",
        "Credentials",
        "CSRF",
    ]
    for topic in PRIMER:
        assert find_scenario(topic.slug) is not None, topic.slug


def test_f1_and_question_mark_open_help_and_show_me_loads_the_scenario() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            rows = app.screen.rows
            assert {row.id for row in rows["Everywhere"]} == {b.id for b in OriginPlaygroundApp.BINDINGS}
            talk = {row.id: row for row in rows["Talk mode"]}
            assert talk["talk-next-slide"].keys == "pgdn"  # the app's own key display, not retyped
            assert talk["talk-reveal"].keys == "→ / space"
            help_row = next(row for row in rows["Everywhere"] if row.id == "help")
            assert help_row.keys == "f1 / ?" and help_row.description == "Every key, and a primer"
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)
            app.screen.set_focus(None)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            button = app.screen.query_one("#help-show-json-post-preflight", Button)
            button.press()
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)
            assert app.session.source_name == "A JSON POST triggers a preflight"
            assert app.session.draft.request["method"] == "POST"

    asyncio.run(scenario())
