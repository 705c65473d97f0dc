"""Each benchmark script runs (with a tiny workload) and prints its verdict line.

A smoke test only: it never asserts a timing (the machine is shared and noisy); it fails when a
script breaks, e.g. after a Textual upgrade changes what the TUI benchmarks hook."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# script, tiny arguments, the line it must print (a ratio or a rate, with its verdict)
CASES = [
    (
        "core_evaluate.py",
        ["--calls", "20", "--rounds", "1"],
        r"load \+ evaluate all six \+ to_dict: [\d.]+ us  ->  ratio: \d+\.\d\dx \(limit 25x\) (OK|OVER BUDGET)",
    ),
    (
        "check_startup.py",
        ["--rounds", "1"],
        r"check: \d+ ms  ->  ratio: \d+\.\d\dx \(limit 1\.5x\) (OK|OVER BUDGET)",
    ),
    ("har_throughput.py", ["200"], r"end to end: [\d,]+ entries/s \(bar [\d,]+\) (OK|UNDER THE BAR)"),
    (
        "tui_keystroke.py",
        ["--keys", "4", "--rounds", "1"],
        r"ratio workbench/minimal: CPU to frame \d+\.\d\dx \(limit 2x\), whole key \d+\.\d\dx, wall \d+\.\d\dx",
    ),
    (
        "tui_startup.py",
        ["--runs", "1"],
        r"ratio workbench/minimal\+engine-deps: start-up CPU \d+\.\d\dx, memory \d+\.\d\dx \(limit 1\.5x each\)",
    ),
]


@pytest.mark.parametrize(("script", "args", "line"), CASES, ids=[case[0] for case in CASES])
def test_benchmark_runs_and_prints_its_ratio(script: str, args: list[str], line: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: over budget, which is not a failure here
    assert re.search(line, done.stdout), done.stdout
