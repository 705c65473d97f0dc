"""``origin-playground check``: evaluate a scenario from a file or flags, for people and for CI.

Exit status: 0 evaluated and every expectation met; 1 an expectation failed; 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

import policy_core
from policy_core import ScenarioError
from policy_core.errors import shown
from policy_core.fields import HugeInteger
from policy_core.headers import parse_header_line
from policy_core.loader import MAX_FILE_BYTES, read_scenario_stream, type_name
from policy_core.scenario_text import MAX_INTEGER_DIGITS
from policy_core.what_if import what_if_by_resource

from ..exports import EXPORT_FORMATS, export
from ..output import write_json

PARSER_TEXT = {
    "description": "Evaluate a scenario file, or a quick design check given as flags, and print the verdicts.\n"
    "Flags override what the FILE says. Exit status: 0 all expectations met, 1 one failed, 2 bad input.",
    "epilog": """\
examples:
  origin-playground check scenario.toml
  origin-playground check scenario.toml --trace --no-color
  origin-playground check --page https://app.example.com/ --target https://api.example.com/v1/items \\
      --resource fetch --method PUT --header 'Content-Type: application/json' --credentials include \\
      --preflight-header 'Access-Control-Allow-Origin: https://app.example.com' \\
      --preflight-header 'Access-Control-Allow-Methods: PUT' --expect fetch.read=true
  origin-playground check --page https://bad-site.com --target https://bank.com/transfer --resource cookie \\
      --cookie 'sid=1; Secure; HttpOnly; SameSite=Lax' --via form-post
  origin-playground check --page https://bad-site.com --target https://bank.com/transfer --resource cookie \\
      --cookie 'sid=1; Secure; HttpOnly' --via form-post --cookie-age 60    # Chrome's two-minute rule
  origin-playground check --page https://news.example --target https://widget.example/ --resource cookie \\
      --cookie 'sid=1; Secure; SameSite=None' --via iframe --third-party-cookies blocked
  origin-playground check --page https://app.example.com --target https://cdn.example.com/avatar.png \\
      --resource image --status 404 --body image    # a 404 that sends a placeholder picture
  origin-playground check --page https://www.a.com --target https://www.b.com --resource dom --json | jq .
  origin-playground check scenario.toml --export express     # the server fix as cors() options
""",
}

# Which flag sets which scenario key: errors about flag-built values name the flag.
FLAG_FOR_PATH = {
    "page": "--page",
    "target": "--target",
    "resources": "--resource",
    "request.method": "--method",
    "request.mode": "--mode",
    "request.credentials": "--credentials",
    "request.crossorigin": "--crossorigin",
    "request.script_type": "--script-type",
    "request.headers": "--header",
    "preflight.status": "--preflight-status",
    "preflight.headers": "--preflight-header",
    "response.status": "--status",
    "response.headers": "--response-header",
    "response.body": "--body",
    "cookie": "--cookie",
    "cookie.via": "--via",
    "cookie.age_seconds": "--cookie-age",
    "third_party_cookies": "--third-party-cookies",
    "expect": "--expect",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="a scenario file (.toml or .json); '-' reads stdin")
    scenario = parser.add_argument_group("scenario (instead of, or on top of, FILE)")
    scenario.add_argument("--page", metavar="URL", help="the URL of the page whose script acts")
    scenario.add_argument("--target", metavar="URL", help="the URL of the resource, frame or cookie host")
    scenario.add_argument("--resource", action="append", metavar="TYPE",
                          help="dom, iframe, fetch, image, script or cookie (repeatable; default: all)")
    scenario.add_argument("--sandboxed", action="store_true", help="the page is a sandboxed iframe (opaque origin)")
    scenario.add_argument("--third-party-cookies", metavar="SETTING",
                          help="the browser's third-party cookie setting: allowed (default) or blocked")
    request = parser.add_argument_group("request")
    request.add_argument("--method", help="the request method (default GET)")
    request.add_argument("--mode", help="fetch mode: cors, no-cors or same-origin")
    request.add_argument("--credentials", help="fetch credentials: omit, same-origin or include")
    request.add_argument("--crossorigin", help="the crossorigin attribute: none, anonymous or use-credentials")
    request.add_argument("--script-type", help="classic or module")
    request.add_argument("--header", action="append", default=[], metavar="'NAME: VALUE'",
                         help="a request header (repeatable)")
    response = parser.add_argument_group("server answers")
    response.add_argument("--preflight-status", metavar="N", help="status of the preflight response")
    response.add_argument("--preflight-header", action="append", default=[], metavar="'NAME: VALUE'",
                          help="a preflight response header (repeatable)")
    response.add_argument("--status", metavar="N", help="status of the actual response")
    response.add_argument("--response-header", action="append", default=[], metavar="'NAME: VALUE'",
                          help="an actual response header (repeatable)")
    response.add_argument("--body", help="what the actual response carries, for image and script: "
                          "auto (default), image, script, html or empty")
    response.add_argument("--cookie", metavar="SET-COOKIE", help="a cookie the target sets, in Set-Cookie syntax")
    response.add_argument("--via", help="which request carries the cookie: fetch, image, script, iframe, "
                          "navigation or form-post")
    response.add_argument("--cookie-age", metavar="SECONDS",
                          help="seconds between the Set-Cookie and the page's request (default: an old cookie, set at "
                          "login); Chrome still sends a cookie without SameSite on a cross-site POST for 120 s")
    output = parser.add_argument_group("checks and output")
    output.add_argument("--expect", action="append", default=[], metavar="PATH=BOOL",
                        help="an expectation such as fetch.read=true (repeatable); exit 1 when one fails")
    output.add_argument("--json", action="store_true", help="print the report as JSON (the documented format)")
    output.add_argument("--export", choices=EXPORT_FORMATS, metavar="FORMAT",
                        help=f"print the scenario, report or server fix as: {', '.join(EXPORT_FORMATS)}")
    output.add_argument("--trace", action="store_true", help="show every step of every trace")
    output.add_argument("--what-if", action="store_true",
                        help="also list the single changes that would flip each capability (each one evaluated)")
    output.add_argument("--no-color", action="store_true", help="no colours (NO_COLOR is honoured too)")


def run(args: argparse.Namespace) -> int:
    try:
        mapping = build_mapping(args)
        scenario = policy_core.load_scenario(mapping)
        report = policy_core.evaluate(scenario)
        exported = export(args.export, scenario, report) if args.export else None
    except ScenarioError as error:
        print(f"origin-playground check: {name_flag(error, args)}", file=sys.stderr)
        return 2
    if exported is not None:
        sys.stdout.write(exported)
    elif args.json:
        data = report.to_dict()
        if args.what_if:
            for resource, entries in what_if_by_resource(scenario, report).items():
                data["verdicts"][resource]["what_if"] = [entry.to_dict() for entry in entries]
        write_json(data, sys.stdout)
    else:
        from ..render import render_report  # rich is imported only for people

        no_color = args.no_color or bool(os.environ.get("NO_COLOR"))
        what_if = what_if_by_resource(scenario, report) if args.what_if else None
        render_report(scenario, report, show_trace=args.trace, no_color=no_color, what_if=what_if)
    return 0 if report.all_met else 1


_PAIR_PATH = re.compile(r"(\w+\.headers)\[(\d+)\]")


class FileValueError(ScenarioError):
    """A value in the FILE is wrong: named as the file's key even where a flag adds to it."""


def name_flag(error: ScenarioError, args: argparse.Namespace) -> str:
    """Point at the flag when a flag built the value the error is about."""
    if isinstance(error, FileValueError):
        return str(error)
    pair = _PAIR_PATH.match(error.path)
    if pair is not None and int(pair.group(2)) < getattr(args, "file_pairs", {}).get(pair.group(1), 0):
        return str(error)  # one of the file's own header pairs, before those the flags added
    if args.file is None or _set_by_flag(error.path, args):
        for path, flag in sorted(FLAG_FOR_PATH.items(), key=lambda item: -len(item[0])):  # most specific first
            if error.path == path or error.path.startswith((path + ".", path + "[")):
                return f"{flag}: {error.problem}"
    return str(error)


def _set_by_flag(path: str, args: argparse.Namespace) -> bool:
    for key, flag in sorted(FLAG_FOR_PATH.items(), key=lambda item: -len(item[0])):
        if path == key or path.startswith((key + ".", key + "[")):
            value = getattr(args, flag[2:].replace("-", "_"), None)
            return bool(value)
    return False


def build_mapping(args: argparse.Namespace) -> dict[str, Any]:
    """The scenario mapping from FILE (if any) with the flags applied on top."""
    mapping: dict[str, Any] = {}
    if args.file == "-":
        mapping = read_scenario_stream(_read_stdin())
    elif args.file:
        mapping = policy_core.read_scenario_file(Path(args.file))
    else:
        mapping["version"] = 1
        if not args.page or not args.target:
            raise ScenarioError("", "give a scenario FILE, or both --page and --target")
    for key in ("page", "target"):
        if getattr(args, key):
            mapping[key] = getattr(args, key)
    if args.resource:
        mapping["resources"] = args.resource
    if args.sandboxed:
        mapping["page_sandboxed"] = True
    if args.third_party_cookies is not None:
        mapping["third_party_cookies"] = args.third_party_cookies

    request = dict(_section(mapping, "request", args.method, args.mode, args.credentials, args.crossorigin,
                            args.script_type, args.header))
    for key in ("method", "mode", "credentials", "crossorigin", "script_type"):
        if getattr(args, key) is not None:
            request[key] = getattr(args, key)
    if args.header:
        request["headers"] = [
            *_pairs(request.get("headers"), "request.headers", args), *_header_flags("--header", args.header)
        ]
    if request:
        mapping["request"] = request

    for section, status_flag, header_flag, status, header_values, body in (
        ("preflight", "--preflight-status", "--preflight-header", args.preflight_status, args.preflight_header, None),
        ("response", "--status", "--response-header", args.status, args.response_header, args.body),
    ):
        table = dict(_section(mapping, section, status, header_values, body))
        if status is not None:
            table["status"] = _status(status_flag, status)
        if body is not None:
            table["body"] = body
        if header_values:
            table["headers"] = [
                *_pairs(table.get("headers"), f"{section}.headers", args),
                *_header_flags(header_flag, header_values),
            ]
        if table:
            mapping[section] = table

    if args.cookie is not None:
        mapping["cookie"] = {"set_cookie": args.cookie, "via": args.via or "fetch"}
    elif args.via is not None or args.cookie_age is not None:
        mapping["cookie"] = dict(_section(mapping, "cookie", args.via, args.cookie_age))
        if args.via is not None:
            mapping["cookie"]["via"] = args.via
    if args.cookie_age is not None:
        mapping["cookie"]["age_seconds"] = _seconds("--cookie-age", args.cookie_age)

    if args.expect:
        expect = dict(_section(mapping, "expect", args.expect))
        for item in args.expect:
            path, sep, value = item.partition("=")
            lowered = value.strip().lower()
            if not sep or lowered not in ("true", "false"):
                raise ScenarioError("--expect", f"expected PATH=true or PATH=false, got {shown(item)}")
            expect[path.strip()] = lowered == "true"
        mapping["expect"] = expect
    return mapping


def _read_stdin() -> bytes:
    """The scenario on stdin, bounded like a file: at most 1 MiB + 1 byte is read."""
    try:
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    except (OSError, AttributeError) as error:
        raise ScenarioError("stdin", f"cannot be read: {error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError("stdin", "is over 1 MiB; scenario files are at most 1 MiB")
    return data


def _section(mapping: dict[str, Any], key: str, *flags: Any) -> dict[str, Any]:
    """The file's table ``key`` that flags add to; a file value of another kind is the file's error.

    (Flags must not hide it: ``request = "x"`` with ``--method PUT`` is still a broken file.)
    """
    value = mapping.get(key, {})
    if isinstance(value, dict):
        return value
    if key == "cookie" and isinstance(value, str):
        return {"set_cookie": value}
    if any(flag not in (None, [], False) for flag in flags):
        raise FileValueError(key, f"expected a table, got {type_name(value)}")
    return {}


def _pairs(value: Any, path: str, args: argparse.Namespace) -> list[Any]:
    """The file's header pairs that flags append to; how many there are is kept, so an error
    about one of them names the file's field, not the flag."""
    if value is None:
        pairs: list[Any] = []
    elif isinstance(value, dict):
        pairs = [[k, v] for k, v in value.items()]
    elif isinstance(value, list):
        pairs = list(value)
    else:
        raise FileValueError(path, f"expected a list of [name, value] pairs, got {type_name(value)}")
    args.file_pairs = {**getattr(args, "file_pairs", {}), path: len(pairs)}
    return pairs


def _header_flags(flag: str, values: list[str]) -> list[list[str]]:
    pairs = []
    for line in values:
        parsed = parse_header_line(line)
        if parsed is None:
            raise ScenarioError(flag, f"expected 'Name: value', got {shown(line)}")
        pairs.append(list(parsed))
    return pairs


def _seconds(flag: str, text: str) -> int | HugeInteger:
    """A whole number as typed (ASCII digits, a minus sign kept); the loader checks its range and
    names the field. Over 100 digits stays a HugeInteger: int() refuses 4,300 by design."""
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()):
        raise ScenarioError(flag, f"expected a number of seconds such as 30, got {shown(text)}")
    return HugeInteger(len(digits)) if len(digits) > MAX_INTEGER_DIGITS else int(text)


def _status(flag: str, text: str) -> int:
    """ASCII digits only: int() would also take ``2_00``, `` 200 `` and non-ASCII digits (``٢٠٠``)."""
    if not (text.isascii() and text.isdigit() and len(text) <= 3):
        raise ScenarioError(flag, f"expected a status code such as 204, got {shown(text)}")
    return int(text)
