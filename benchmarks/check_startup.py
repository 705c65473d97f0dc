"""`origin-playground check` cold start against `python -c "import ada_url, tldextract"`.

Budget (issue 2): at most 1.5x, measured in the same run, interleaved.
Run: python benchmarks/check_startup.py
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _common import ROOT, byte_compile_project, interleaved_medians, verdict_line

BASELINE = [sys.executable, "-c", "import ada_url, tldextract"]
CHECK_HUMAN = [
    sys.executable,
    "-m",
    "origin_playground",
    "check",
    "--page",
    "https://app.example.com/",
    "--target",
    "https://api.example.com/v1/items",
    "--method",
    "PUT",
    "--header",
    "Content-Type: application/json",
    "--no-color",
]
CHECK_JSON = [*CHECK_HUMAN, "--json"]


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds, the commands alternating")
    args = parser.parse_args()
    byte_compile_project()
    for argv in (BASELINE, CHECK_HUMAN):  # warm the OS file cache; cold start means a new process
        timed(argv)
    medians = interleaved_medians(
        {
            "baseline": lambda: timed(BASELINE),
            "check": lambda: timed(CHECK_HUMAN),
            "check --json": lambda: timed(CHECK_JSON),
        },
        rounds=args.rounds,
    )
    base = medians["baseline"]
    print(f"baseline `python -c 'import ada_url, tldextract'`: {base * 1000:.0f} ms")
    for name in ("check", "check --json"):
        print(
            f"{name}: {medians[name] * 1000:.0f} ms  ->  " + verdict_line("ratio", medians[name] / base, 1.5)
        )


if __name__ == "__main__":
    main()
