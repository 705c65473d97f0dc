"""Small helpers shared by the benchmark scripts: interleaved runs, medians, a verdict line."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


PROJECT_PACKAGES = ("policy_core", "origin_playground", "tui", "themes")


def byte_compile_project() -> None:
    """Compile the project's own packages, as installing a wheel (or any normal first run) does.

    The baselines' libraries are compiled already; PYTHONDONTWRITEBYTECODE (set on some machines)
    would otherwise make every timed run recompile ours from source.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", *PROJECT_PACKAGES], cwd=ROOT, check=True)


def per_call_seconds(func: Callable[[], object], calls: int) -> float:
    """CPU seconds per call: this process's CPU time, so other load on the machine does not count."""
    start = time.process_time()
    for _ in range(calls):
        func()
    return (time.process_time() - start) / calls


def interleaved_medians(cases: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Run each case once per round, alternating, so machine noise hits all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, measure in cases.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


def verdict_line(label: str, ratio: float, limit: float) -> str:
    return f"{label}: {ratio:.2f}x (limit {limit:g}x) {'OK' if ratio <= limit else 'OVER BUDGET'}"
