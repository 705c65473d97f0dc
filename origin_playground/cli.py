"""The command line: ``origin-playground [FILE]`` opens the workbench; subcommands answer in text.

Subcommands never import Textual; only opening the workbench does.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module
from pathlib import Path
from typing import NoReturn

from . import __version__

# name -> module in origin_playground.commands providing add_parser(subparsers) and run(args).
SUBCOMMANDS: dict[str, str] = {
    "check": "check",
    "explain": "explain",
    "compare": "compare",
    "har": "har",
    "probe": "probe",
    "import-curl": "import_curl",
    "verify": "verify",
    "learn": "learn",
}

DESCRIPTION = """\
A playground for the browser's Same-Origin Policy and CORS.

Run with no arguments to open the workbench, or with a scenario FILE to open that scenario.
Subcommands answer from the terminal, for scripts and CI:
  check     evaluate a scenario file or flags; exit 1 when an --expect fails
  explain   paste a browser console error: the failed rule, the verdict and the fix
  compare   the origin table for URLs: same origin, which part differs, same site
  har       every cross-origin request in a HAR file: verdict, Chrome's line, the fix
  probe     ask a live server what the browser would (the only command that uses the network)
  import-curl  a pasted curl command as a scenario
  verify    play a scenario in real headless Chromium or Firefox and compare it with the engine
  learn     the guided flow: plain questions about your page, then the answer in plain sentences
"""

EXAMPLES = """\
examples:
  origin-playground
  origin-playground my-scenario.toml
  origin-playground --talk origin_playground/decks/same-origin-story.toml
  origin-playground check scenario.toml --trace
  origin-playground check --page https://app.example.com --target https://api.example.com/items \\
      --resource fetch --method POST --header 'Content-Type: application/json' --credentials include
  origin-playground check --page https://a.example --target https://b.example --resource dom --json
"""


class OneLineArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(
        prog="origin-playground",
        description=DESCRIPTION,
        epilog=EXAMPLES + "\n".join(f"  origin-playground {name} --help" for name in SUBCOMMANDS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"origin-playground {__version__}")
    parser.add_argument("file", nargs="?", metavar="FILE", help="a scenario file (.toml or .json) to open")
    parser.add_argument("--theme", help="the workbench theme (remembered for next time)")
    parser.add_argument("--talk", metavar="DECK", help="present a talk deck (.toml; docs/talk-decks.md)")
    return parser


def build_subcommand_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = import_module(f"origin_playground.commands.{SUBCOMMANDS[name]}")
    parser = OneLineArgumentParser(
        prog=f"origin-playground {name}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        **module.PARSER_TEXT,
    )
    module.configure(parser)
    return parser, module


def safe_streams() -> None:
    """Output never dies on text it cannot encode: a lone surrogate (a JSON ``\\ud800`` or a
    non-UTF-8 byte in an argument) is written as its escape, ``\\ud800``, which inside a JSON
    string is the same escape JSON itself uses, so ``--json`` output stays valid JSON."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream already written to in another mode: leave it
                pass


def main(argv: list[str]) -> int:
    safe_streams()
    if argv and argv[0] in SUBCOMMANDS:
        parser, module = build_subcommand_parser(argv[0])
        args = parser.parse_args(argv[1:])
        return int(module.run(args))  # type: ignore[attr-defined]
    args = build_parser().parse_args(argv)
    return _open_workbench(args)


def _open_workbench(args: argparse.Namespace) -> int:
    if not sys.stdout.isatty() and not sys.stdin.isatty() and args.file is None:
        # Keep the mistake of piping the app somewhere readable.
        print("origin-playground: the workbench needs a terminal; try 'origin-playground check --help'", file=sys.stderr)
        return 2
    if args.file is not None:
        # A FIFO, a device or a huge file is refused in one line before the terminal is taken over;
        # what the scenario says is still checked (and shown) by the workbench.
        import policy_core

        try:
            policy_core.read_scenario_file(Path(args.file))
        except policy_core.ScenarioError as error:
            print(f"origin-playground: {error}", file=sys.stderr)
            return 2
    from tui.app import run  # Textual is imported only here.

    return int(run(path=args.file, theme=args.theme, talk=args.talk) or 0)
