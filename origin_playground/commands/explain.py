"""``origin-playground explain``: paste a console error, get the failed rule, the verdict and the fix.

Exit status: 0 recognised and explained; 1 not a message it recognises; 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys

import policy_core
from policy_core import ScenarioError
from policy_core.explain import KNOWN_MESSAGES, REASONS, Recognised, recognise_all, scenario_for

from ..exports import EXPORT_FORMATS, export

# A console paste is a few kilobytes; anything longer than this is refused rather than read.
MAX_INPUT = 1024 * 1024  # 1 MiB

PARSER_TEXT = {
    "description": "Recognise a browser console error (Chrome, Firefox or Safari; CORS, framing, DOM access, canvas), "
    "rebuild the situation as a scenario, and show the verdict, the trace and the fix.\n"
    "Exit status: 0 explained, 1 not a message it recognises, 2 bad input.",
    "epilog": """\
examples:
  origin-playground explain "Access to fetch at 'https://api.example.com/v1/items' from origin \\
      'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header \\
      is present on the requested resource."
  pbpaste | origin-playground explain -
  origin-playground explain --file console.txt
  origin-playground explain - --export toml < error.txt > scenario.toml
  origin-playground explain --known
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", nargs="*", metavar="TEXT", help="the pasted message ('-' reads it from stdin)"
    )
    parser.add_argument(
        "--file",
        metavar="F",
        help="read the pasted text from a file (UTF-8, at most 1 MiB)",
    )
    parser.add_argument("--known", action="store_true", help="list every message recognised, with an example")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print every message recognised, with its scenario and report, as JSON (version 2: a list)",
    )
    parser.add_argument(
        "--export",
        choices=EXPORT_FORMATS,
        metavar="FORMAT",
        help=f"print the built scenario or its report in a format: {', '.join(EXPORT_FORMATS)}",
    )
    parser.add_argument("--trace", action="store_true", help="show every step of the trace")
    parser.add_argument("--no-color", action="store_true", help="no colours (NO_COLOR is honoured too)")


def _decoded(data: bytes, what: str) -> str:
    if len(data) > MAX_INPUT:
        raise ScenarioError(what, "is longer than 1 MiB; paste only the console lines")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(what, "is not UTF-8 text") from None


def _read_stdin() -> str:
    try:
        binary = getattr(sys.stdin, "buffer", None)
        if binary is not None:
            return _decoded(binary.read(MAX_INPUT + 1), "stdin")
        text = sys.stdin.read(MAX_INPUT + 1)  # a text stream (tests, embedding): bounded in characters
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError("stdin", f"cannot be read: {error}") from None
    if len(text) > MAX_INPUT:
        raise ScenarioError("stdin", "is longer than 1 MiB; paste only the console lines")
    return text


def _read_file(path: str) -> str:
    """At most MAX_INPUT + 1 bytes of a regular file (never a FIFO or a device: they could block or never end)."""
    what = f"--file {path!r}"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ScenarioError(what, f"cannot be opened: {error.strerror or error}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ScenarioError(what, "is not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(MAX_INPUT + 1)
    except OSError as error:
        raise ScenarioError(what, f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    return _decoded(data, what)


def _read_text(args: argparse.Namespace) -> str:
    if args.file is not None:
        if args.text:
            raise ScenarioError("TEXT", "give the message as TEXT, '-' or --file F, not two of them")
        return _read_file(args.file)
    if args.text == ["-"]:
        return _read_stdin()
    return " ".join(args.text)


def _known_json() -> list[dict[str, str]]:
    return [{"browser": b, "reason": c, "rule": REASONS[c].rule, "example": e} for b, c, e in KNOWN_MESSAGES]


# The JSON document's shape: 2 lists every message under "messages"; the version-1 keys ("recognised",
# "scenario", "report") still hold the first message, as before.
JSON_VERSION = 2


def _explained(rec: Recognised) -> tuple[dict, policy_core.Scenario, policy_core.Report]:
    mapping = scenario_for(rec)
    scenario = policy_core.load_scenario(mapping)
    return mapping, scenario, policy_core.evaluate(scenario)


def _message_json(rec: Recognised, mapping: dict, report: policy_core.Report) -> dict:
    """One recognised message: what it says, what was assumed, the rebuilt scenario and its report."""
    return {
        **rec.to_dict(),
        "code": str(rec.reason),
        "era": rec.variant,
        "assumptions": str(mapping.get("notes", "")).splitlines()[1:],  # line 0 repeats the message
        "scenario": mapping,
        "report": report.to_dict(),
    }


def run(args: argparse.Namespace) -> int:
    no_color = args.no_color or bool(os.environ.get("NO_COLOR"))
    if args.known:
        if args.json:
            json.dump(_known_json(), sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            from ..render_explain import render_known

            render_known(no_color)
        return 0
    try:
        text = _read_text(args)
        if not text.strip():
            raise ScenarioError("TEXT", "give the console message to explain (or '-' to read it from stdin)")
        found = recognise_all(text)
        if not found:
            return _not_recognised(args, no_color)
        explained = [(rec, *_explained(rec)) for rec in found]
        _, first_mapping, first_scenario, first_report = explained[0]
        # An export is one scenario: the first (most specific) message's.
        exported = export(args.export, first_scenario, first_report) if args.export else None
    except ScenarioError as error:
        print(f"origin-playground explain: {error}", file=sys.stderr)
        return 2
    if exported is not None:
        sys.stdout.write(exported)
    elif args.json:
        out = {
            "version": JSON_VERSION,
            "messages": [_message_json(rec, mapping, report) for rec, mapping, _, report in explained],
            "recognised": found[0].to_dict(),
            "scenario": first_mapping,
            "report": first_report.to_dict(),
        }
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        from ..render_explain import render_all_explained  # rich is imported only for people

        render_all_explained(explained, show_trace=args.trace, no_color=no_color)
    return 0


def _not_recognised(args: argparse.Namespace, no_color: bool) -> int:
    if args.json:
        out = {"version": JSON_VERSION, "messages": [], "recognised": None, "known": _known_json()}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        from ..render_explain import render_not_recognised

        render_not_recognised(no_color)
    return 1
