"""Cold start to first paint, and peak memory: the workbench against a minimal Textual app
(Header, Footer, one Static), each in a fresh process, interleaved run by run, medians.
Target: <= 1.5x. A third app, the minimal one plus the engine's mandated dependencies (ada-url,
and tldextract with its bundled Public Suffix List loaded), shows how much of the budget those
take before any of the workbench's own work.

"First paint" is the first frame that shows the app's content (``hello``; the workbench with its
scenario's verdict cards filled in), read from the frame itself (see ``_frames.py``), timed from
just before the interpreter starts. Peak memory (max RSS) is read 0.5 s after that frame, so work
deferred past the first paint still counts.

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

from _common import ROOT, byte_compile_project

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
os.environ["TEXTUAL_ANIMATIONS"] = "none"
kind = {kind!r}
if kind == "minimal+engine-deps":
    # The dependencies the brief mandates for the engine, loaded as the engine loads them: the
    # share of the workbench's start-up and memory that no UI work can remove.
    import ada_url
    from tldextract import TLDExtract

    ada_url.URL("https://www.a.com/")
    TLDExtract(cache_dir=None, suffix_list_urls=(), include_psl_private_domains=True).extract_str("www.a.com")
if kind.startswith("minimal"):
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App):
        def compose(self):
            yield Header()
            yield Static("hello", id="content")
            yield Footer()

    app = Minimal()

    def shown(mirror):
        return "hello" in mirror.text(app.query_one("#content").region)
else:
    # The same start-up as `origin-playground`: collection off while importing, then settled.
    from origin_playground import startup
    startup.begin()
    from tui.app import OriginPlaygroundApp, prepare_to_run
    app = OriginPlaygroundApp(system_copy=None)
    prepare_to_run()

    def shown(mirror):
        # The workbench with its scenario's verdicts on screen, not an empty frame before them.
        card = next((c for c in app.query(".verdict-card") if c.display), None)
        if card is None:
            return False
        first = mirror.text(card.content_region).split("\n")[0]
        return any(word in first for word in ("allowed", "partial", "blocked"))

from _frames import FrameWatch

watch = FrameWatch(app, (120, 40))
watch.expect(shown)
first_frame = []

def settle():
    # Peak memory is read once the app has settled (deferred warm-ups included), not at the
    # first frame: work moved after the first paint must still count.
    app.set_timer(0.5, app.exit)

original_check = watch.check

def check(mirror):
    if not first_frame:
        first_frame.append(time.time())
    if original_check(mirror):
        app.call_later(settle)
        return True
    return False

watch.check = check
shown_wall = []
original_display = watch._display

def display(screen, renderable):
    before = watch.shown_at
    original_display(screen, renderable)
    if before is None and watch.shown_at is not None:
        shown_wall.append(time.time())

app._display = display
app.run(headless=True, size=(120, 40))
print(json.dumps({{"painted": shown_wall[0], "first_frame": first_frame[0], "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def one_run(kind: str) -> tuple[float, int]:
    code = CHILD.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), kind=kind)
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
    byte_compile_project()
    runs: dict[str, list[tuple[float, int]]] = {"minimal": [], "minimal+engine-deps": [], "workbench": []}
    for _ in range(args.runs):  # interleaved, so machine noise hits both apps alike
        for kind in runs:
            runs[kind].append(one_run(kind))
    results: dict[str, tuple[float, float]] = {}
    for kind in runs:
        results[kind] = (
            statistics.median(r[0] for r in runs[kind]),
            statistics.median(r[1] for r in runs[kind]) / 1024,
        )
        print(
            f"{kind:<19}: first paint median {results[kind][0]:7.1f} ms   peak RSS {results[kind][1]:6.1f} MiB"
        )
    time_ratio = results["workbench"][0] / results["minimal"][0]
    memory_ratio = results["workbench"][1] / results["minimal"][1]
    print(f"ratio start-up {time_ratio:.2f}x, memory {memory_ratio:.2f}x (target <= 1.5x each)")
    deps = results["minimal+engine-deps"]
    print(
        f"the engine's mandated dependencies alone (ada-url, tldextract and its PSL): "
        f"{deps[0] / results['minimal'][0]:.2f}x start-up, {deps[1] / results['minimal'][1]:.2f}x memory; "
        f"the workbench against that: {results['workbench'][0] / deps[0]:.2f}x, "
        f"{results['workbench'][1] / deps[1]:.2f}x"
    )
    ok = time_ratio <= 1.5 and memory_ratio <= 1.5
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
