"""``origin-playground compare``: the origin table for any URLs: same origin? which part differs? same site?

Exit status: 0 compared; 2 bad input (a URL that does not parse), with a one-line error on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys

from policy_core import ScenarioError
from policy_core.compare import compare_urls

from ..output import write_json

PARSER_TEXT = {
    "description": "Compare URLs pair by pair, as in the classic table of matching and non-matching origins: "
    "the serialized origin and the schemeful site of each, whether each pair is same-origin (and which of "
    "scheme, host and port differ) and whether it is same-site.\n"
    "Exit status: 0 compared, 2 bad input.",
    "epilog": """\
examples:
  origin-playground compare https://www.a.com https://www.b.com
  origin-playground compare --first http://store.company.com/dir/page.html \\
      http://store.company.com/dir2/other.html https://store.company.com/page.html \\
      http://store.company.com:81/dir/page.html http://news.company.com/dir/page.html
  origin-playground compare http://localhost:3000 http://localhost:8080 --json
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="+", metavar="URL", help="two or more URLs")
    parser.add_argument("--first", action="store_true", help="compare the first URL with each other one only")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--no-color", action="store_true", help="no colours (NO_COLOR is honoured too)")


def run(args: argparse.Namespace) -> int:
    try:
        table = compare_urls(args.urls, against_first=args.first)
    except ScenarioError as error:
        print(f"origin-playground compare: {error}", file=sys.stderr)
        return 2
    if args.json:
        write_json(table.to_dict(), sys.stdout)
        return 0
    from ..render_explain import render_origin_table  # rich is imported only for people

    render_origin_table(table, no_color=args.no_color or bool(os.environ.get("NO_COLOR")))
    return 0
