"""``origin-playground har FILE.har``: every cross-origin request in a HAR, evaluated.

Exit status: 0 every evaluated request is allowed; 1 some are blocked; 2 the file is not a HAR
this reads (or breaks off part way: the entries before the break are still reported).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..glyphs import OUTCOME_SYMBOL, literal
from ..har import HarError, HarResult, HarRow, read_har

PARSER_TEXT = {
    "description": "Read a HAR file saved from Chrome/Edge or Firefox DevTools, or recorded by Playwright, and "
    "evaluate every cross-origin request in it: method, URL, type, verdict, Chrome's console line and the fix. "
    "Preflights are paired with their requests and redirect chains followed; what the HAR cannot tell is "
    "marked incomplete, with the reason. Same-origin requests are counted, not listed.\n"
    "Exit status: 0 every evaluated request allowed, 1 some blocked, 2 not a HAR.",
    "epilog": """\
examples:
  origin-playground har session.har
  origin-playground har session.har --failing
  origin-playground har session.har --json | jq '.entries[] | select(.verdict == "blocked")'
  origin-playground har session.har --save-scenarios scenarios/   # one TOML per request, for check
""",
}

INCOMPLETE_MARK = "?"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.har", help="a HAR file (HAR 1.1 or 1.2)")
    parser.add_argument("--json", action="store_true", help="print every entry as JSON (the documented format)")
    parser.add_argument("--failing", action="store_true", help="list only blocked and incomplete requests")
    parser.add_argument("--same-origin", action="store_true", help="list same-origin requests too")
    parser.add_argument("--show-secrets", action="store_true",
                        help="keep Cookie, Authorization and Set-Cookie values (hidden by default)")
    parser.add_argument("--save-scenarios", metavar="DIR",
                        help="write each evaluated request's scenario as DIR/entry-N.toml")


def run(args: argparse.Namespace) -> int:
    try:
        result = read_har(args.file, show_secrets=args.show_secrets)
    except HarError as error:
        print(f"origin-playground har: {error}", file=sys.stderr)
        return 2
    rows = [row for row in result.rows if _listed(row, args)]
    if args.json:
        write_json(result, rows, sys.stdout)
    else:
        write_text(result, rows, sys.stdout)
    if args.save_scenarios:
        saved = save_scenarios(result.rows, Path(args.save_scenarios))
        print(f"origin-playground har: wrote {saved} scenario files to {literal(args.save_scenarios)}", file=sys.stderr)
    if result.problem:
        print(f"origin-playground har: {literal(result.problem)}", file=sys.stderr)
        return 2
    return 1 if any(row.allowed is False for row in result.rows) else 0


def _listed(row: HarRow, args: argparse.Namespace) -> bool:
    if row.status == "same-origin":
        return bool(args.same_origin) and not args.failing
    if args.failing:
        return row.allowed is not True
    return True


def write_json(result: HarResult, rows: list[HarRow], out: Any) -> None:
    """``{"version": 1, "entries": [...]}``; identical reports are serialized once and reused."""
    serialized: dict[int, str] = {}
    out.write('{"version": 1, "entries": [')
    for position, row in enumerate(rows):
        entry = row.to_dict(report_dict={})  # the report is spliced in below, serialized once per report
        text = json.dumps(entry, ensure_ascii=False)
        if row.report is not None:
            key = id(row.report)  # reports are shared between identical pairs for this one write
            if key not in serialized:
                serialized[key] = json.dumps(row.report.to_dict(), ensure_ascii=False)
            text = text.replace('"report": {}', f'"report": {serialized[key]}', 1)
        else:
            text = text.replace('"report": {}', '"report": null', 1)
        out.write(("\n  " if position == 0 else ",\n  ") + text)
    out.write("\n]}\n" if rows else "]}\n")


def write_text(result: HarResult, rows: list[HarRow], out: Any) -> None:
    for row in rows:
        out.write(_row_text(row))
    out.write(summary(result) + "\n")


def _row_text(row: HarRow) -> str:
    word = row.verdict_word
    mark = OUTCOME_SYMBOL.get(word, INCOMPLETE_MARK if row.status == "incomplete" else "=")
    lines = [f"{mark} {word:<10} #{row.index:<4} {literal(row.method):<7} {row.kind:<10} {literal(row.url)}"]
    detail: list[tuple[str, str]] = []
    if row.page_origin:
        detail.append(("page", row.page_origin))
    if row.redirect_indexes:
        detail.append(("redirects", "via entries " + ", ".join(f"#{i}" for i in row.redirect_indexes)))
    if row.preflight_index is not None:
        detail.append(("preflight", f"entry #{row.preflight_index}"))
    if row.reason:
        detail.append(("why", row.reason))
    verdict = row.report.verdict(row.resource) if row.report is not None and row.resource else None
    if verdict is not None and row.status == "evaluated":
        if verdict.console.chrome and row.allowed is False:
            detail.append(("chrome", verdict.console.chrome))
        if row.allowed is False:
            for fix in verdict.fixes[:1]:
                detail.append(("fix", fix))
    for note in row.notes:
        detail.append(("note", note))
    for label, text in detail:
        shown = literal(text).replace("\n", "\n" + " " * 16)
        lines.append(f"    {label + ':':<11} {shown}")
    return "\n".join(lines) + "\n"


def summary(result: HarResult) -> str:
    counts = {"allowed": 0, "blocked": 0, "incomplete": 0, "same-origin": 0}
    for row in result.rows:
        counts[row.verdict_word if row.status == "evaluated" else row.status] += 1
    cross = counts["allowed"] + counts["blocked"] + counts["incomplete"]
    return (f"{result.entries} entries: {cross} cross-origin requests ({counts['allowed']} allowed, "
            f"{counts['blocked']} blocked, {counts['incomplete']} incomplete), {counts['same-origin']} same-origin "
            f"or page loads; {result.evaluations} distinct evaluations")


def save_scenarios(rows: list[HarRow], folder: Path) -> int:
    import tomli_w

    folder.mkdir(parents=True, exist_ok=True)
    saved = 0
    for row in rows:
        if row.mapping is None or row.status != "evaluated":
            continue
        mapping = {"version": 1, "title": f"HAR entry {row.index}: {row.method} {row.url}"[:200],
                   **{k: v for k, v in row.mapping.items() if k != "version"}}
        (folder / f"entry-{row.index}.toml").write_text(tomli_w.dumps(mapping), "utf-8")
        saved += 1
    return saved
