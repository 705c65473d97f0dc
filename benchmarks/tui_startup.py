"""Cold start to first paint, and peak memory: the workbench against a minimal Textual app
(Header, Footer, one Static), each in a fresh process, measured in the same run. Target: <= 1.5x.

    python benchmarks/tui_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
os.environ["TEXTUAL_ANIMATIONS"] = "none"
kind = {kind!r}
if kind == "minimal":
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

    app = Minimal()
else:
    from tui.app import OriginPlaygroundApp
    app = OriginPlaygroundApp(system_copy=None)

painted = []
original = app._display

def display(screen, renderable):
    original(screen, renderable)
    if not painted:
        painted.append(time.time())
        app.call_later(app.exit)

app._display = display
app.run(headless=True, size=(120, 40))
print(json.dumps({{"painted": painted[0], "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def one_run(kind: str) -> tuple[float, int]:
    code = CHILD.format(root=str(ROOT), kind=kind)
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return (data["painted"] - start) * 1000, int(data["maxrss_kb"])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results: dict[str, tuple[float, float]] = {}
    for kind in ("minimal", "workbench"):
        runs = [one_run(kind) for _ in range(args.runs)]
        results[kind] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs) / 1024)
        print(
            f"{kind:<10}: first paint median {results[kind][0]:7.1f} ms   peak RSS {results[kind][1]:6.1f} MiB"
        )
    time_ratio = results["workbench"][0] / results["minimal"][0]
    memory_ratio = results["workbench"][1] / results["minimal"][1]
    print(f"ratio start-up {time_ratio:.2f}x, memory {memory_ratio:.2f}x (target <= 1.5x each)")
    ok = time_ratio <= 1.5 and memory_ratio <= 1.5
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
