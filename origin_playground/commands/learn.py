"""``origin-playground learn``: the app, opened on the guided flow (issue 15).

Exit status: 0 when the app closes; 2 without a terminal, with a one-line error on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys

PARSER_TEXT = {
    "description": "Open the guided flow: one plain question at a time about your page and what it wants to "
    "do with another URL (fetch it, frame it, show an image, run a script, rely on a cookie, touch its DOM), "
    "then the answer in plain sentences, Chrome's console line, the trace, the smallest fix and what single "
    "change would flip it. Ctrl+G takes the answers to the workbench; Ctrl+F comes back.\n"
    "Exit status: 0 closed, 2 no terminal.",
    "epilog": """\
examples:
  origin-playground learn
  origin-playground learn --theme origin-light
  textual serve "python -m origin_playground learn"     # in a browser tab (docs/serving.md)
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--theme", help="the app's theme (remembered for next time)")


def run(args: argparse.Namespace) -> int:
    # ``textual serve`` runs the app over pipes, with its web driver named in TEXTUAL_DRIVER.
    if not sys.stdout.isatty() and not sys.stdin.isatty() and not os.environ.get("TEXTUAL_DRIVER"):
        print("origin-playground learn: the guided flow needs a terminal", file=sys.stderr)
        return 2
    from tui.app import run as run_app  # Textual is imported only here.

    return int(run_app(theme=args.theme, learn=True) or 0)
