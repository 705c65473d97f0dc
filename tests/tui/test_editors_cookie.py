"""The Cookie pane has one source of truth (issue 14): the Set-Cookie line and the fields below
always show the same cookie, whichever is edited, keystroke by keystroke."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input, Select

import policy_core
from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.widgets.cookie_editor import NO_COOKIE_HINT, line_of_fields, rewrite_line, with_attribute

SIZE = (120, 40)


def make_app(path: Path | None = None) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(scenario_path=path, system_copy=RecordingClipboard())


def fields(app) -> dict[str, object]:
    out: dict[str, object] = {}
    for key in ("line", "name", "samesite", "secure", "httponly", "domain", "path"):
        widget = app.screen.query_one(f"#cookie-{key}")
        assert isinstance(widget, (Input, Select, Checkbox))
        out[key] = widget.value
    return out


def evaluated_cookie(app) -> policy_core.scenario.Cookie:
    scenario = policy_core.load_scenario(app.session.draft.evaluation_mapping())
    assert scenario.cookie is not None
    return scenario.cookie


async def open_cookie_tab(pilot) -> None:
    await pilot.pause()
    await pilot.press("f6")
    await pilot.pause()
    await pilot.pause()


# --- the line rewriting, plain ------------------------------------------------------------------


def test_with_attribute_replaces_in_place_removes_duplicates_keeps_the_rest() -> None:
    line = "a=1;Max-Age=60; SameSite=None; Secure; samesite=Lax"
    assert with_attribute(line, "samesite", "SameSite=Strict") == "a=1;Max-Age=60; SameSite=Strict; Secure"
    assert with_attribute(line, "secure", None) == "a=1;Max-Age=60; SameSite=None; samesite=Lax"
    assert with_attribute("a=1", "httponly", "HttpOnly") == "a=1; HttpOnly"


def test_rewrite_line_name_keeps_the_value_and_attributes() -> None:
    assert rewrite_line("a=xyz; Path=/p", "name", "sid") == "sid=xyz; Path=/p"
    assert rewrite_line("a=xyz; Path=/p", "path", "") == "a=xyz"
    assert rewrite_line("a=xyz", "domain", "example.com") == "a=xyz; Domain=example.com"


def test_line_of_fields_is_the_cookie_the_fields_make() -> None:
    values = {"name": "sid", "samesite": "Lax", "secure": True, "httponly": False, "domain": "", "path": "/"}
    assert line_of_fields(values, {"value": "7"}) == "sid=7; Path=/; Secure; SameSite=Lax"


# --- in the app -----------------------------------------------------------------------------------


def test_typing_the_line_refills_the_fields_keystroke_by_keystroke() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            line.focus()
            line.value = ""
            typed = "a=1; Secure; SameSite=None; HttpOnly; Domain=.Example.com; Path=/x; Max-Age=9"
            await pilot.press(*typed)
            await pilot.pause()
            assert line.value == typed  # not a keystroke lost
            assert fields(app) == {
                "line": typed,
                "name": "a",
                "samesite": "None",
                "secure": True,
                "httponly": True,
                "domain": "example.com",
                "path": "/x",
            }
            assert app.session.draft.cookie == {"set_cookie": typed, "via": "fetch"}
            cookie = evaluated_cookie(app)
            assert (cookie.name, cookie.samesite, cookie.secure, cookie.path) == ("a", "None", True, "/x")

    asyncio.run(scenario())


def test_editing_a_field_rewrites_the_line_and_keeps_its_other_attributes() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            line.value = "a=1; Max-Age=60; SameSite=None"
            await pilot.pause()
            secure = app.screen.query_one("#cookie-secure", Checkbox)
            secure.focus()
            await pilot.press("space")
            await pilot.pause()
            assert line.value == "a=1; Max-Age=60; SameSite=None; Secure"
            app.screen.query_one("#cookie-samesite", Select).value = "Strict"
            await pilot.pause()
            assert line.value == "a=1; Max-Age=60; SameSite=Strict; Secure"
            name = app.screen.query_one("#cookie-name", Input)
            name.focus()
            await pilot.press("end", *"bc")
            await pilot.pause()
            assert name.value == "abc"
            assert line.value == "abc=1; Max-Age=60; SameSite=Strict; Secure"
            assert app.session.draft.cookie == {"set_cookie": line.value, "via": "fetch"}
            cookie = evaluated_cookie(app)
            assert (cookie.name, cookie.samesite, cookie.secure) == ("abc", "Strict", True)

    asyncio.run(scenario())


def test_a_cookie_given_as_fields_shows_its_line_and_stays_fields() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            assert line.value == "sid=1; Path=/"  # the default cookie the verdict judges
            name = app.screen.query_one("#cookie-name", Input)
            name.focus()
            await pilot.press("end", "x")
            await pilot.pause()
            assert app.session.draft.cookie == {"name": "sidx", "via": "fetch"}
            assert line.value == "sidx=1; Path=/"
            app.screen.query_one("#cookie-httponly", Checkbox).value = True
            await pilot.pause()
            assert line.value == "sidx=1; Path=/; HttpOnly"
            assert app.session.draft.cookie == {"name": "sidx", "httponly": True, "via": "fetch"}

    asyncio.run(scenario())


def test_a_loaded_cookie_keeps_its_value_and_partitioned_through_an_edit(tmp_path: Path) -> None:
    scenario_file = tmp_path / "c.toml"
    scenario_file.write_text(
        'version = 1\npage = "https://a.com/"\ntarget = "https://a.com/"\nresources = ["cookie"]\n'
        '[cookie]\nname = "sid"\nvalue = "s3cret"\npartitioned = true\nsecure = true\n',
        encoding="utf-8",
    )

    async def scenario() -> None:
        app = make_app(scenario_file)
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            assert line.value == "sid=s3cret; Path=/; Secure; Partitioned"
            app.screen.query_one("#cookie-httponly", Checkbox).value = True
            await pilot.pause()
            cookie = evaluated_cookie(app)
            assert (cookie.value, cookie.partitioned, cookie.httponly) == ("s3cret", True, True)

    asyncio.run(scenario())


def test_a_pasted_set_cookie_header_line_is_read_without_its_name() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            line.value = "Set-Cookie: s=2; SameSite=Strict"
            await pilot.pause()
            assert fields(app)["name"] == "s"
            assert app.session.draft.cookie == {"set_cookie": "s=2; SameSite=Strict", "via": "fetch"}
            assert app.session.evaluation.error is None

    asyncio.run(scenario())


def test_an_emptied_line_is_the_fields_cookie_and_refills_on_leaving() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            line.value = "a=1; Secure"
            await pilot.pause()
            line.focus()
            line.value = ""
            await pilot.pause()
            assert line.value == ""  # never refilled under the user's cursor
            assert app.session.draft.cookie == {"name": "a", "secure": True, "via": "fetch"}
            app.screen.query_one("#cookie-name", Input).focus()
            await pilot.pause()
            assert line.value == "a=1; Path=/; Secure"

    asyncio.run(scenario())


def test_no_cookie_says_what_to_do_and_the_hint_goes_once_there_is_one() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            hint = app.screen.query_one("#cookie-hint")
            assert app.session.draft.cookie is None
            assert hint.display and str(hint.render()) == NO_COOKIE_HINT
            box = app.screen.query_one("#cookie-enabled", Checkbox)
            box.focus()
            await pilot.press("space")
            await pilot.pause()
            assert app.session.draft.cookie == {"name": "sid", "via": "fetch"}
            assert not hint.display

    asyncio.run(scenario())


def test_an_unreadable_line_dims_the_fields_until_it_reads_again() -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            line = app.screen.query_one("#cookie-line", Input)
            name = app.screen.query_one("#cookie-name", Input)
            line.value = "; Secure"  # no name=value: browsers ignore it
            await pilot.pause()
            assert name.has_class("-unread")
            assert app.session.evaluation.error is not None
            assert app.session.evaluation.error.path == "cookie.set_cookie"
            line.value = "b=2; Secure"
            await pilot.pause()
            assert not name.has_class("-unread")
            assert name.value == "b"
            assert app.session.evaluation.error is None

    asyncio.run(scenario())


def test_cookie_resource_switched_on_with_no_cookie_says_type_a_set_cookie_line() -> None:
    """Issue 14: before, the pane said 'Tick the box or type a Set-Cookie line for your own', no example."""
    from origin_playground.library import find_scenario
    from tui.widgets.cookie_editor import COOKIE_EXAMPLE

    entry = find_scenario("json-post-preflight")  # fetch only: no cookie resource, no cookie
    assert entry is not None

    async def scenario() -> None:
        app = make_app(entry.path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.screen.toggle_resource("cookie")
            await pilot.pause()
            assert "cookie" in app.session.draft.resources and app.session.draft.cookie is None
            await open_cookie_tab(pilot)
            hint = app.screen.query_one("#cookie-hint")
            text = str(hint.render())
            assert hint.display and "Type a Set-Cookie line" in text and COOKIE_EXAMPLE in text
            assert hint.region.width >= len(text) and hint.region.height == 1  # one line at 120 columns
            line = app.screen.query_one("#cookie-line", Input)
            assert COOKIE_EXAMPLE in line.placeholder
            line.focus()
            await pilot.press(*COOKIE_EXAMPLE)
            await pilot.pause()
            assert app.session.draft.cookie == {"set_cookie": COOKIE_EXAMPLE, "via": "fetch"}
            assert not hint.display

    asyncio.run(scenario())


def test_the_fields_no_editor_shows_survive_edits_and_a_save(tmp_path: Path) -> None:
    """The cookie's age, the third-party setting and the response body (newer scenario fields the
    workbench has no editor for) were dropped by the draft on load: a save lost them."""
    scenario_file = tmp_path / "kept.toml"
    scenario_file.write_text(
        'version = 1\npage = "https://app.example.com/"\ntarget = "https://api.example.com/x"\n'
        'resources = ["image", "cookie"]\nthird_party_cookies = "blocked"\n'
        '[response]\nstatus = 404\nbody = "image"\n'
        '[cookie]\nset_cookie = "sid=1; Secure"\nvia = "form-post"\nage_seconds = 30\n',
        encoding="utf-8",
    )

    async def scenario() -> None:
        app = make_app(scenario_file)
        async with app.run_test(size=SIZE) as pilot:
            await open_cookie_tab(pilot)
            app.screen.query_one("#cookie-httponly", Checkbox).value = True  # an edit of the line's cookie
            await pilot.pause()
            assert app.save_to(scenario_file)  # what the Save dialog does with its path
        saved = policy_core.load_scenario(scenario_file)
        assert saved.third_party_cookies == "blocked"
        assert saved.response.body == "image"
        assert saved.cookie is not None and saved.cookie.age_seconds == 30 and saved.cookie.httponly

    asyncio.run(scenario())
