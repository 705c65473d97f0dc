"""``origin-playground import-curl 'curl …'``: a pasted curl command as a scenario (TOML).

Exit status: 0 imported; 2 bad input (an option not modelled, no page origin...), one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policy_core import ScenarioError

from ..glyphs import literal

PARSER_TEXT = {
    "description": "Turn a curl command (DevTools' \"Copy as cURL\", or your notes) into a scenario: method, "
    "URL, headers, body and cookies become the request; the page is the Origin header's, else --page. Prints "
    "the scenario as TOML (or writes it with --save); add the server's answers, or run probe.\n"
    "Exit status: 0 imported, 2 bad input.",
    "epilog": """\
examples:
  origin-playground import-curl "curl 'https://api.example.com/items' -X PUT -H 'Origin: https://app.example.com' \\
      -H 'Content-Type: application/json' --data-raw '{}'"
  origin-playground import-curl "curl https://api.example.com/me -b 'sid=1'" --page https://app.example.com/
  origin-playground import-curl "$(pbpaste)" --save scenario.toml && origin-playground check scenario.toml
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("command", metavar="'curl …'", help="the curl command, quoted as one argument")
    parser.add_argument("--page", metavar="URL", help="the page's URL when the command has no Origin header")
    parser.add_argument("--save", metavar="FILE", help="write the scenario to FILE instead of printing it")


def run(args: argparse.Namespace) -> int:
    import tomli_w

    from ..curl_import import curl_to_mapping

    try:
        mapping, notes = curl_to_mapping(args.command, page=args.page)
    except ScenarioError as error:
        print(f"origin-playground import-curl: {literal(str(error))}", file=sys.stderr)
        return 2
    header = "# Imported from a curl command: the request only. Add the server's answers in [preflight]\n" \
             "# and [response], or run `origin-playground probe` to record them.\n"
    header += "".join(f"# note: {literal(note)}\n" for note in notes)
    text = header + tomli_w.dumps(mapping)
    if args.save:
        Path(args.save).write_text(text, "utf-8")
        print(f"origin-playground import-curl: wrote {literal(args.save)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
