"""Probe from the TUI (issue 16 §2): the plan shows exactly what would be sent, nothing is sent until
Send is pressed, the real answers load as the scenario. Only ever the loopback lab server."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from textual.widgets import Button, Input, Static

from origin_playground.probe import plan
from tests.traffic.server import PROBE_PAGE, serving
from tui.app import OriginPlaygroundApp
from tui.screens.confirm_quit import UnsavedChanges
from tui.screens.probe_screen import ProbeScreen, probe_mapping
from tui.screens.workbench import WorkbenchScreen
from tui.state import DEFAULT_REQUEST, ScenarioDraft

SIZE = (120, 40)


@pytest.fixture
def lab():
    with serving() as server:
        yield server


def put_draft(port: int, path: str = "/put-ok") -> ScenarioDraft:
    return ScenarioDraft(
        page=PROBE_PAGE + "/",
        target=f"http://127.0.0.1:{port}{path}",
        resources=["fetch"],
        request={**DEFAULT_REQUEST, "method": "PUT"},
        request_headers=[("Content-Type", "application/json"), ("X-Trace", "1")],
    )


def make_app(draft: ScenarioDraft) -> OriginPlaygroundApp:
    app = OriginPlaygroundApp(system_copy=None)
    app.session.replace(draft, "probe test", None)
    return app


async def wait_for(pilot, condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def test_nothing_is_sent_without_confirmation(lab) -> None:
    async def scenario() -> None:
        app = make_app(put_draft(lab.port))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.run_action("probe")
            await pilot.pause()
            assert isinstance(app.screen, ProbeScreen)
            shown = str(app.screen.query_one("#probe-plan", Static).render())
            assert shown.startswith(f"1. OPTIONS http://127.0.0.1:{lab.port}/put-ok")
            assert "Access-Control-Request-Method: PUT" in shown
            assert "Access-Control-Request-Headers: content-type,x-trace" in shown
            assert "2. PUT" in shown
            await pilot.press("enter")  # the focus starts on Cancel: Enter alone never sends
            await pilot.pause(0.3)
            assert isinstance(app.screen, WorkbenchScreen)
            await app.run_action("probe")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause(0.3)

    asyncio.run(scenario())
    assert lab.received == []  # the plan was shown twice; not one request reached the server


def test_send_sends_exactly_the_plan_and_loads_the_answers(lab) -> None:
    draft = put_draft(lab.port)
    planned, _notes = plan(probe_mapping(draft))

    async def scenario() -> None:
        app = make_app(draft)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await app.run_action("probe")
            await pilot.pause()
            app.screen.query_one("#probe-send", Button).press()
            await wait_for(pilot, lambda: isinstance(app.screen, WorkbenchScreen))
            mapping = app.session.draft.to_mapping()
            assert mapping["target"] == f"http://127.0.0.1:{lab.port}/put-ok"
            got = dict((n.lower(), v) for n, v in mapping["preflight"]["headers"])
            assert got["access-control-allow-origin"] == PROBE_PAGE  # the server's real answer
            assert app.session.report is not None
            fetch = app.session.report.verdict("fetch")
            assert fetch is not None and fetch.capability("read")
            assert any(n.title == "Probe" and "allowed" in n.message for n in app._notifications)

    asyncio.run(scenario())
    assert [m for m, _p, _h in lab.received] == [p.method for p in planned] == ["OPTIONS", "PUT"]
    for (method, _path, headers), planned_request in zip(lab.received, planned, strict=True):
        sent = sorted((n.lower(), v) for n, v in headers)
        assert sent == sorted((n.lower(), v) for n, v in planned_request.headers), method


def test_probe_result_over_a_dirty_draft_asks(lab) -> None:
    async def scenario() -> None:
        app = make_app(put_draft(lab.port))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.query_one("#target-url", Input).value = f"http://127.0.0.1:{lab.port}/ok"
            await pilot.pause()
            assert app.session.dirty
            await app.run_action("probe")
            await pilot.pause()
            app.screen.query_one("#probe-send", Button).press()
            await wait_for(pilot, lambda: isinstance(app.screen, UnsavedChanges))
            await pilot.press("escape")  # Cancel: the edited draft stays
            await pilot.pause()
            assert app.session.draft.target == f"http://127.0.0.1:{lab.port}/ok" and app.session.dirty

    asyncio.run(scenario())
    assert lab.received  # sent once confirmed


def test_no_answer_is_one_line_and_the_screen_stays() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    async def scenario() -> None:
        app = make_app(put_draft(port, "/ok"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            before = app.session.draft.to_mapping()
            await app.run_action("probe")
            await pilot.pause()
            app.screen.query_one("#probe-send", Button).press()
            status = app.screen.query_one("#probe-status", Static)
            await wait_for(pilot, lambda: str(status.render()).startswith("No answer"))
            text = str(status.render())
            assert "connection refused" in text and "\n" not in text
            assert isinstance(app.screen, ProbeScreen) and not app.screen.query_one("#probe-send", Button).disabled
            assert app.session.draft.to_mapping() == before

    asyncio.run(scenario())


def test_a_draft_that_cannot_be_probed_says_why() -> None:
    draft = ScenarioDraft(page=PROBE_PAGE + "/", target="ftp://files.example/x")

    async def scenario() -> None:
        app = make_app(draft)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await app.run_action("probe")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            [note] = [n for n in app._notifications if n.title == "Cannot probe"]
            assert note.message.startswith("URL: expected an http:// or https:// URL")

    asyncio.run(scenario())


def test_cancel_while_the_answer_is_on_its_way_loads_nothing(lab) -> None:
    draft = ScenarioDraft(page=PROBE_PAGE + "/", target=f"http://127.0.0.1:{lab.port}/slow", resources=["fetch"])

    async def scenario() -> None:
        app = make_app(draft)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            before = app.session.draft.to_mapping()
            await app.run_action("probe")
            await pilot.pause()
            app.screen.query_one("#probe-send", Button).press()
            await wait_for(pilot, lambda: bool(lab.received))  # the server has the request (it answers in 5 s)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen)
            await wait_for(pilot, lambda: not app.workers, seconds=10)  # the answer came back, to no screen
            await pilot.pause()
            assert isinstance(app.screen, WorkbenchScreen) and app.is_running
            assert app.session.draft.to_mapping() == before

    asyncio.run(scenario())
