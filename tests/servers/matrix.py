"""The closing matrix: scenario × framework → proven / cannot express (why) / skipped.

    .venv/bin/python -m tests.servers.matrix            # print it
    .venv/bin/python -m tests.servers.matrix --write    # and put it in docs/exports.md
    .venv/bin/python -m tests.servers.matrix --browser  # real Chromium reads each answer too

Each cell is a real run: the export is started in the real framework on loopback, probed as the
browser would (``loopback.probe_on_loopback``) and the real answers evaluated; with
``--browser``, real Chromium fetches from it as well. The same checks are the servers suite's
tests (test_frameworks.py); this script only writes down what they find.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from origin_playground.exports import cannot_express, cors_intent, export
from origin_playground.library import list_scenarios
from policy_core import evaluate, load_scenario

from .cases import READ, Case, all_cases
from .frameworks import FRAMEWORKS, LABELS, ServerFailed, missing, serving
from .loopback import probe_on_loopback, with_real_answers

if TYPE_CHECKING:
    from .chromium_fetch import ChromiumFetch

DOC = Path(__file__).resolve().parents[2] / "docs" / "exports.md"
START, END = "<!-- servers-matrix:start -->", "<!-- servers-matrix:end -->"

# Library scenarios without a fetch: why no CORS configuration is their fix (by resource type).
NOT_A_CORS_FIX = {
    "dom": "no server fix: no header lets script reach another origin's document (postMessage is the fix)",
    "iframe": "the server fix is Content-Security-Policy: frame-ancestors, which the exports (CORS) do not write",
    "cookie": "no CORS fix: a form navigation; CORS never applies (a CSRF token is the fix)",
    "image": "page and server: the element needs crossorigin=\"anonymous\" too; the exports write only the "
             "server half, not proven here",
    "script": "page and server: the element needs crossorigin=\"anonymous\" too; the exports write only the "
              "server half, not proven here",
}
_ORDER = ("image", "script", "iframe", "cookie", "dom")
# The image and script rows: played with the page's half of their fix, in CORS mode.
ELEMENT_NOTE = 'with the element\'s crossorigin="anonymous"; the engine\'s verdict, no Chromium check'



@dataclass(frozen=True)
class Cell:
    status: str  # "proven", "cannot express", "skipped", "failed"
    detail: str = ""


def run_cell(case: Case, framework: str, workdir: Path, chromium: ChromiumFetch | None = None) -> Cell:
    why = missing(framework)
    if why:
        return Cell("skipped", why)
    scenario = case.scenario
    report = evaluate(scenario)
    limits = cannot_express(framework, cors_intent(scenario, report))
    try:
        with serving(framework, export(framework, scenario, report), scenario.request.method, workdir) as port:
            result = probe_on_loopback(scenario, port)
            browse = chromium is not None and case.resource == "fetch"
            facts = chromium.fetch(scenario, port) if chromium is not None and browse else None
    except ServerFailed as error:
        return Cell("failed", f"the server refused the export: {error}")
    verdict = with_real_answers(scenario, result).verdict(case.resource)
    read = verdict is not None and verdict.capability(READ[case.resource])
    if limits:
        return Cell("cannot express", limits[0]) if not read else Cell("failed", "passes despite the limit")
    if not read:
        return Cell("failed", verdict.console.chrome if verdict else "no fetch verdict")
    notes = []
    status = result.exchanges[-1].status
    if status != 200:
        notes.append(f"answer {status}")
    if facts is not None:
        from .chromium_fetch import readable

        notes.append("Chromium reads it" if readable(facts) else "Chromium does NOT read it")
    return Cell("proven", ", ".join(notes))


def build(browser: bool = False) -> str:
    chromium = None
    if browser:
        from .chromium_fetch import ChromiumFetch as Chromium

        chromium = Chromium(case.scenario for case in all_cases())
    try:
        rows: list[tuple[str, list[Cell]]] = []
        with tempfile.TemporaryDirectory(prefix="op-matrix-") as folder:
            for case in all_cases():
                cells = [run_cell(case, fw, Path(folder) / f"{case.name}-{fw}", chromium) for fw in FRAMEWORKS]
                rows.append((case.name, cells))
                print(case.name, [cell.status for cell in cells], file=sys.stderr)
    finally:
        if chromium is not None:
            chromium.close()
    return render(rows, browser)


def _other_library_rows() -> list[tuple[str, str]]:
    rows = []
    cases = {case.name for case in all_cases()}
    for entry in list_scenarios():
        scenario = load_scenario(entry.path)
        if entry.slug in cases:
            continue
        if scenario.page_sandboxed:
            why = "the page's origin is opaque (null): every server export refuses to allow 'null'"
        elif all(verdict.outcome == "allowed" for verdict in evaluate(scenario).verdicts):
            why = "nothing to fix: the same origin, already allowed"
        else:
            why = NOT_A_CORS_FIX[next(kind for kind in _ORDER if kind in scenario.resources)]
        rows.append((entry.slug, why))
    return rows


def render(rows: list[tuple[str, list[Cell]]], browser: bool) -> str:
    element_rows = {case.name for case in all_cases() if case.resource != "fetch"}
    notes: list[str] = []
    out = [
        "| scenario | " + " | ".join(LABELS[fw] for fw in FRAMEWORKS) + " |",
        "|---|" + "---|" * len(FRAMEWORKS),
    ]
    for name, cells in rows:
        shown = []
        for cell in cells:
            if cell.status == "proven":
                shown.append("✔ proven" + (f" ({cell.detail})" if cell.detail else ""))
            elif cell.status == "cannot express":
                if cell.detail not in notes:
                    notes.append(cell.detail)
                shown.append(f"✘ cannot express [{notes.index(cell.detail) + 1}]")
            else:
                shown.append(f"{cell.status}: {cell.detail}".replace("|", "\\|"))
        label = f"`{name}`" + (f" ({ELEMENT_NOTE})" if name in element_rows else "")
        out.append(f"| {label} | " + " | ".join(shown) + " |")
    out.append("")
    out += [f"[{i}] {note}." for i, note in enumerate(notes, 1)]
    out += ["", "The other library scenarios have no CORS configuration for a fix:", "",
            "| scenario | why |", "|---|---|"]
    out += [f"| `{slug}` | {why} |" for slug, why in _other_library_rows()]
    out.append("")
    how = "probed on loopback and fetched by real Chromium" if browser else "probed on loopback"
    out.append(f"Generated by `python -m tests.servers.matrix --write{' --browser' if browser else ''}` ({how}).")
    return "\n".join(out)


def write(table: str, doc: Path = DOC) -> None:
    text = doc.read_text("utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    doc.write_text(f"{head}{START}\n{table}\n{END}{tail}", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.servers.matrix", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="replace the matrix in docs/exports.md")
    parser.add_argument("--browser", action="store_true", help="real Chromium fetches from each server too")
    args = parser.parse_args(argv)
    table = build(browser=args.browser)
    print(table)
    if args.write:
        write(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
