"""``origin-playground probe URL --origin ORIGIN``: ask a live server what the browser would, and judge the answers.

The only command that touches the network, and only when run. Exit status: 0 the page could read
the response, 1 it could not, 2 bad input or no answer (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from policy_core import ScenarioError

from ..glyphs import OUTCOME_SYMBOL, literal

if TYPE_CHECKING:
    from ..probe import ProbeResult

PARSER_TEXT = {
    "description": "Send a live server exactly what the browser would for a fetch() from ORIGIN: the CORS "
    "preflight when one is needed, then the request with its Origin header, following redirects as the browser "
    "does. Records the real answers, evaluates them, and prints the verdict and the scenario it built. TLS is "
    "verified; no cookie is sent unless given. This is the only command that uses the network.\n"
    "Exit status: 0 readable, 1 blocked, 2 bad input or no answer.",
    "epilog": """\
examples:
  origin-playground probe https://api.example.com/items --origin https://app.example.com
  origin-playground probe https://api.example.com/items --origin https://app.example.com --method PUT \\
      --header 'Content-Type: application/json' --credentials include --cookie 'sid=1'
  origin-playground probe https://api.example.com/items --origin https://app.example.com --save items.toml
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="the URL the page fetches")
    parser.add_argument("--origin", required=True, help="the page's origin, e.g. https://app.example.com")
    parser.add_argument("--method", default="GET", help="the request method (default GET)")
    parser.add_argument("--header", action="append", default=[], metavar="'NAME: VALUE'",
                        help="a request header the page's script sets (repeatable)")
    parser.add_argument("--credentials", choices=("omit", "same-origin", "include"), default="same-origin",
                        help="fetch's credentials mode (default same-origin)")
    parser.add_argument("--cookie", metavar="'NAME=VALUE'", help="a cookie to send (with --credentials include)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="per request (default 10)")
    parser.add_argument("--json", action="store_true", help="print the exchanges, scenario and report as JSON")
    parser.add_argument("--save", metavar="FILE", help="write the scenario built from the answers as TOML")
    parser.add_argument("--show-secrets", action="store_true", help="show Cookie/Authorization/Set-Cookie values")


def run(args: argparse.Namespace) -> int:
    from ..probe import ProbeError, probe, request_mapping

    try:
        if args.timeout <= 0:
            raise ScenarioError("--timeout", f"expected a positive number of seconds, got {args.timeout:g}")
        mapping = request_mapping(args.url, args.origin, args.method, args.header, args.credentials)
        result = probe(mapping, cookie=args.cookie, timeout=args.timeout, show_secrets=args.show_secrets)
    except ScenarioError as error:
        print(f"origin-playground probe: {literal(str(error))}", file=sys.stderr)
        return 2
    except ProbeError as error:
        print(f"origin-playground probe: {literal(str(error))}", file=sys.stderr)
        return 2
    import tomli_w

    scenario_toml = tomli_w.dumps(result.mapping)
    if args.save:
        Path(args.save).write_text(scenario_toml, "utf-8")
    if args.json:
        out = {"version": 1, "exchanges": [e.to_dict(args.show_secrets) for e in result.exchanges],
               "notes": result.notes, "scenario": result.mapping, "report": result.report.to_dict()}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_text(result, scenario_toml, args)
    return 0 if result.allowed else 1


def _print_text(result: ProbeResult, scenario_toml: str, args: argparse.Namespace) -> None:
    from ..har import redact

    verdict = result.report.verdict("fetch")
    word = "allowed" if result.allowed else "blocked"
    print(f"{OUTCOME_SYMBOL[word]} {word}: {literal(args.method)} {literal(args.url)} from {literal(args.origin)}")
    for exchange in result.exchanges:
        print(f"  sent {literal(exchange.method)} {literal(exchange.url)} -> {exchange.status}")
        for name, value in exchange.response_headers:
            if name.lower().startswith("access-control-") or name.lower() in ("location", "vary"):
                shown = value if args.show_secrets else redact(name, value)
                print(f"      {literal(name)}: {literal(shown)}")
    for note in result.notes:
        print(f"  note: {literal(note)}")
    if verdict is not None and not result.allowed:
        if verdict.console.chrome:
            print(f"  chrome: {literal(verdict.console.chrome)}")
        for fix in verdict.fixes[:1]:
            print("  fix: " + literal(fix).replace("\n", "\n       "))
    print("\n# The scenario built from the answers" + (f" (saved to {literal(args.save)})" if args.save else "") + ":")
    sys.stdout.write(scenario_toml)
