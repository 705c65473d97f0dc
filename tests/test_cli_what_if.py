"""``check --what-if``: the single changes that flip each capability, for people and as JSON."""

from __future__ import annotations

import json

from origin_playground.cli import main
from policy_core import evaluate, load_scenario

LIBRARY = "origin_playground/scenarios"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_what_if_entries_are_contract_scenarios_that_flip(capsys) -> None:
    status, out, err = run(capsys, "check", f"{LIBRARY}/wildcard-with-credentials.toml", "--what-if", "--json")
    assert status == 0 and err == ""
    fetch = json.loads(out)["verdicts"]["fetch"]
    entries = fetch["what_if"]
    assert entries and all(set(e) == {"flips", "to", "change", "risk", "scenario"} for e in entries)
    for entry in entries:
        verdict = evaluate(load_scenario(entry["scenario"])).verdict("fetch")
        assert verdict is not None and verdict.capability(entry["flips"].split(".")[1]) is entry["to"]


def test_without_the_flag_the_report_has_no_what_if_key(capsys) -> None:
    status, out, _ = run(capsys, "check", f"{LIBRARY}/wildcard-with-credentials.toml", "--json")
    assert status == 0 and "what_if" not in json.loads(out)["verdicts"]["fetch"]


def test_human_what_if_names_the_change_the_capability_and_the_risk(capsys) -> None:
    status, out, _ = run(capsys, "check", f"{LIBRARY}/widget-refused-by-x-frame-options.toml", "--what-if", "--no-color")
    assert status == 0
    section = out[out.index("iframe: what if"):]
    assert "the response does not send X-Frame-Options: ✔ the page shows it in a frame" in section
    assert "clickjacking" in section
