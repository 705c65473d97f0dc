"""The Origins screen: the comparison table for typed URLs; a bad URL is one inline line."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, Input, Static

from tests.tui.conftest import RecordingClipboard
from tui.app import OriginPlaygroundApp
from tui.screens.origins import OriginsScreen, split_urls


def test_split_urls_honours_quotes() -> None:
    assert split_urls("https://a.example/ 'https://b.example/x y'") == [
        "https://a.example/",
        "https://b.example/x y",
    ]
    assert split_urls("https://a.example/ 'unbalanced") == ["https://a.example/", "'unbalanced"]


def test_origins_table_for_typed_urls_and_inline_error() -> None:
    async def scenario() -> None:
        app = OriginPlaygroundApp(system_copy=RecordingClipboard())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f8")
            screen = app.screen
            assert isinstance(screen, OriginsScreen)
            field = screen.query_one("#origins-input", Input)
            field.value = "https://www.example.com/a http://www.example.com/b https://en.example.com:8443/"
            await pilot.pause()
            table = screen.query_one(DataTable)
            assert table.row_count == 3  # every pair of three URLs
            first = [str(c) for c in table.get_row_at(0)]
            assert first[:5] == ["1", "2", "✘ different", "scheme", "✘ cross"]  # schemeful site
            assert first[5:] == [
                "https://www.example.com",
                "http://www.example.com",
                "https://example.com",
                "http://example.com",
            ]
            third = [str(c) for c in table.get_row_at(2)]
            assert third[2] == "✘ different" and third[4] == "✘ cross"  # http://www vs https://en…:8443
            assert third[3] == "scheme, host, port"
            field.value = "https://a.example/ http://[bad"
            await pilot.pause()
            error = screen.query_one("#origins-error", Static)
            assert error.display and str(error.render()).startswith("✘ urls[1]")
            assert "\n" not in str(error.render())
            assert table.row_count == 3 and table.has_class("-stale")  # the last good table stays
            await pilot.press("escape")
            assert not isinstance(app.screen, OriginsScreen)

    asyncio.run(scenario())
