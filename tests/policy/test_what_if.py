"""What if: every entry is proven by evaluating the changed scenario."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_core import evaluate, load_scenario
from policy_core.what_if import what_if, what_if_by_resource

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("origin_playground/scenarios/*.toml"), *ROOT.glob("tests/scenarios/*/*.toml")])


def flags(scenario) -> dict[str, bool]:
    report = evaluate(scenario)
    out = {f"{v.resource}.{name}": allowed for v in report.verdicts for name, allowed in v.can}
    fetch = report.verdict("fetch")
    if fetch is not None and fetch.fetch is not None:
        out["fetch.preflight"] = fetch.fetch.preflight
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_entry_flips_what_it_names(path: Path) -> None:
    scenario = load_scenario(path)
    before = flags(scenario)
    for entry in what_if(scenario):
        assert before[entry.flips] is (not entry.to), entry
        assert flags(entry.scenario)[entry.flips] is entry.to, entry
        # The changed scenario is a contract-format scenario that loads back to the same verdicts.
        assert flags(load_scenario(json.loads(json.dumps(entry.to_dict()["scenario"])))) == flags(entry.scenario)


@settings(max_examples=60, deadline=None)
@given(
    acao=st.sampled_from([None, "*", "https://app.example.com", "https://other.example"]),
    credentials=st.sampled_from(["omit", "same-origin", "include"]),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    content_type=st.sampled_from([None, "text/plain", "application/json"]),
    preflight_status=st.sampled_from([200, 204, 404]),
)
def test_generated_fetch_scenarios_flip_as_claimed(acao, credentials, method, content_type, preflight_status) -> None:
    headers = [["Content-Type", content_type]] if content_type else []
    response = [["Access-Control-Allow-Origin", acao]] if acao else []
    scenario = load_scenario({
        "version": 1, "page": "https://app.example.com/", "target": "https://api.example.net/items",
        "resources": ["fetch"],
        "request": {"method": method, "credentials": credentials, "headers": headers},
        "preflight": {"status": preflight_status, "headers": response},
        "response": {"headers": response},
    })
    for entry in what_if(scenario):
        assert flags(entry.scenario)[entry.flips] is entry.to


def changes(path: str) -> dict[str, list[tuple[bool, str, str | None]]]:
    out: dict[str, list[tuple[bool, str, str | None]]] = {}
    for entry in what_if(load_scenario(ROOT / path)):
        out.setdefault(entry.flips, []).append((entry.to, entry.change, entry.risk))
    return out


def test_wildcard_with_credentials_needs_the_full_answer_and_says_the_risk() -> None:
    read = changes("origin_playground/scenarios/wildcard-with-credentials.toml")["fetch.read"]
    to, change, risk = read[0]
    assert to is True
    assert "Access-Control-Allow-Origin: https://app.example.com" in change
    assert "Access-Control-Allow-Credentials: true" in change
    assert risk is not None and "reflects every Origin" in risk


def test_text_plain_removes_the_preflight_at_the_cost_of_csrf_exposure() -> None:
    preflight = changes("origin_playground/scenarios/json-post-preflight.toml")["fetch.preflight"]
    assert any(to is False and "text/plain" in change and risk and "CSRF" in risk for to, change, risk in preflight)


def test_removing_x_frame_options_embeds_but_warns_of_clickjacking() -> None:
    embed = changes("origin_playground/scenarios/widget-refused-by-x-frame-options.toml")["iframe.embed"]
    assert any("does not send X-Frame-Options" in change and risk and "clickjacking" in risk for _, change, risk in embed)
    assert any("frame-ancestors" in change and risk is None for _, change, risk in embed)


def test_canvas_readable_with_crossorigin_and_allow_origin() -> None:
    pixels = changes("origin_playground/scenarios/cdn-image-on-canvas.toml")["image.read_pixels"]
    assert pixels[0][0] is True and 'crossorigin="anonymous"' in pixels[0][1]


def test_no_cookie_advice_moves_the_cookie_to_another_host() -> None:
    for path in FILES:
        for entry in what_if(load_scenario(path)):
            if entry.flips.startswith("cookie."):
                assert "served from the page's own origin" not in entry.change


def test_grouped_by_resource_and_json_shape() -> None:
    grouped = what_if_by_resource(load_scenario(ROOT / "origin_playground/scenarios/cdn-image-on-canvas.toml"))
    assert set(grouped) == {"image"}
    entry = grouped["image"][0].to_dict()
    assert set(entry) == {"flips", "to", "change", "risk", "scenario"}
    assert entry["scenario"]["version"] == 1
