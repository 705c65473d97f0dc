"""Every case of the browser suite, and the recorded known differences."""

from __future__ import annotations

import functools
import json
import os
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

import policy_core

from .sweep import DEFAULT_SEED, sweep

ROOT = Path(__file__).resolve().parents[2]
KNOWN_FILE = Path(__file__).with_name("known_differences.toml")
SEED = int(os.environ.get("OP_BROWSER_SEED", DEFAULT_SEED))


def all_cases() -> list[tuple[str, policy_core.Scenario, str]]:
    """(case id, scenario, resource) for the library, the catalogue and the sweep."""
    cases = []
    for path in sorted((ROOT / "origin_playground" / "scenarios").glob("*.toml")):
        scenario = policy_core.load_scenario(path)
        cases += [(f"library/{path.stem}#{r}", scenario, r) for r in scenario.resources]
    catalogue = ROOT / "tests" / "scenarios"
    for path in sorted(catalogue.rglob("*.toml")):
        scenario = policy_core.load_scenario(path)
        name = path.relative_to(catalogue).with_suffix("").as_posix()
        cases += [(f"catalogue/{name}#{r}", scenario, r) for r in scenario.resources]
    for case_id, mapping in sweep(SEED):
        scenario = policy_core.load_scenario(mapping)
        cases += [(case_id, scenario, r) for r in scenario.resources]
    return cases


@functools.cache
def known_differences(browser: str) -> dict[str, list[str]]:
    """Case id -> what differs, as recorded (only for the default seed's sweep cases)."""
    if not KNOWN_FILE.exists():
        return {}
    data = tomllib.loads(KNOWN_FILE.read_text())
    out = {}
    for entry in data.get("difference", []):
        if entry["browser"] != browser:
            continue
        if entry["case"].startswith("sweep-") and SEED != DEFAULT_SEED:
            continue
        out[entry["case"]] = list(entry["differs"])
    return out


def record_known(target: Path, disagreements: list[dict[str, Any]]) -> None:
    header = ("# Today's disagreements between the engine and real browsers, one entry per case.\n"
              "# Written by OP_BROWSER_RECORD=tests/browser/known_differences.toml; each case here is a strict\n"
              "# xfail in tests/browser, so a fix in the engine flips it (then delete its entry).\n")
    ordered = sorted(disagreements, key=lambda d: (d["browser"], d["case"]))
    target.write_text(header + tomli_w.dumps({"difference": ordered}))


def write_verified(target: Path, versions: dict[str, str]) -> None:
    """Rewrite policy_core/verified.py's VERIFIED_WITH with the versions this run drove."""
    text = target.read_text()
    start = text.index("VERIFIED_WITH")
    end = text.index("\n)\n", start) + 3
    rows = "".join(f"    ({json.dumps(b)}, {json.dumps(versions[b])}),\n" for b in ("chromium", "firefox"))
    block = f"VERIFIED_WITH: tuple[tuple[str, str], ...] = (\n{rows})\n"
    target.write_text(text[:start] + block + text[end:])
