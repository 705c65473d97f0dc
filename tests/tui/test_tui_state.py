"""The workbench's plain-data layer: drafts, pastes, atomic saves, the library (no app needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import policy_core
from origin_playground.library import list_scenarios
from tui.state import (
    ScenarioDraft,
    cookie_fields,
    cookie_from_fields,
    evaluate_draft,
    load_draft,
    parse_pasted_headers,
    save_draft,
)


def _draft(**changes) -> ScenarioDraft:
    draft = load_draft(list_scenarios()[0].path)
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def test_library_has_at_least_15_scenarios_article_first() -> None:
    entries = list_scenarios()
    assert len(entries) >= 15
    assert entries[0].slug == "a-com-reads-b-com"
    assert entries[1].slug == "bank-and-bad-site"
    assert len({e.slug for e in entries}) == len(entries)


@pytest.mark.parametrize("entry", list_scenarios(), ids=lambda e: e.slug)
def test_every_library_scenario_loads_and_meets_what_can_be_evaluated(entry) -> None:
    scenario = policy_core.load_scenario(entry.path)
    assert scenario.title and scenario.notes and scenario.expect
    evaluation = evaluate_draft(ScenarioDraft.from_scenario(scenario))
    assert evaluation.error is None
    assert evaluation.report is not None and evaluation.report.all_met


def test_expectations_of_switched_off_resources_are_not_asked_about() -> None:
    draft = _draft(resources=["fetch"], expect={"dom.access": False, "fetch.read": False, "same_site": False})
    mapping = draft.evaluation_mapping()
    assert mapping["expect"] == {"fetch.read": False, "same_site": False}
    assert evaluate_draft(draft).error is None
    assert draft.to_mapping()["expect"] == draft.expect  # saving keeps every expectation


def test_draft_round_trips_through_its_mapping_even_when_invalid() -> None:
    draft = _draft(target="www.b.com", request_headers=[("X-A", "1"), ("X-A", "2")])
    assert evaluate_draft(draft).error is not None
    again = ScenarioDraft.from_mapping(draft.to_mapping())
    assert again == draft
    with pytest.raises(ValueError, match=r"request\.headers"):
        ScenarioDraft.from_mapping({**draft.to_mapping(), "request": {"headers": "x"}})


def test_invalid_url_is_the_cores_one_line_error() -> None:
    evaluation = evaluate_draft(_draft(target="https://exa mple.com"))
    assert evaluation.report is None
    assert evaluation.error is not None and evaluation.error.path == "target"


def test_pasted_raw_response_keeps_status_order_and_duplicates() -> None:
    pasted = parse_pasted_headers(
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://a.example\r\n"
        "Vary: Origin\r\nAccess-Control-Allow-Origin: *\r\nnot a header\r\n"
    )
    assert pasted.status == 204
    assert pasted.headers == [
        ("Access-Control-Allow-Origin", "https://a.example"),
        ("Vary", "Origin"),
        ("Access-Control-Allow-Origin", "*"),
    ]
    assert pasted.skipped == ("not a header",)


def test_pasted_header_lines_without_status() -> None:
    pasted = parse_pasted_headers("Content-Type: application/json\nX-Trace:  1 ")
    assert pasted.status is None
    assert pasted.headers == [("Content-Type", "application/json"), ("X-Trace", "1")]


def test_save_is_atomic_and_round_trips(tmp_path: Path) -> None:
    draft = _draft(request_headers=[("X-Note", "[bold red]x[/]")])
    draft.response.headers = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Origin", "*")]
    target = tmp_path / "saved.toml"
    target.write_text("old contents")
    save_draft(draft, target)
    assert [p.name for p in tmp_path.iterdir()] == ["saved.toml"]  # no temp file left behind
    again = load_draft(target)
    assert again.to_mapping() == draft.to_mapping()


def test_save_failure_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.toml"
    target.write_text("original")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_draft(_draft(), target)
    assert target.read_text() == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.toml"]


@pytest.mark.parametrize(
    "cookie",
    [
        None,
        {"name": "sid", "via": "fetch"},
        {"name": "sid", "samesite": "None", "secure": True, "domain": "example.com", "path": "/v1", "via": "iframe"},
        {"set_cookie": "sid=1; SameSite=Lax", "via": "navigation"},
    ],
)
def test_cookie_fields_round_trip(cookie) -> None:
    assert cookie_from_fields(cookie_fields(cookie)) == cookie


def test_a_typed_set_cookie_line_wins_over_the_fields() -> None:
    fields = cookie_fields({"name": "sid", "secure": True, "via": "fetch"})
    assert cookie_from_fields({**fields, "line": "a=1; HttpOnly"}) == {"set_cookie": "a=1; HttpOnly", "via": "fetch"}
    assert cookie_from_fields({**fields, "enabled": False}) is None
