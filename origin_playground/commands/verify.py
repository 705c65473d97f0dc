"""``origin-playground verify``: the engine's verdict and a real browser's observation, side by side.

Exit status: 0 the browser agrees on every resource; 1 they differ; 2 bad input, no browser
installed (one line saying how to install one), or a case loopback cannot reproduce ("cannot be
played on loopback: <why>", never a false agreement).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import policy_core
from policy_core import ScenarioError

from ..glyphs import literal
from . import check

PARSER_TEXT = {
    "description": "Play a scenario in a real headless browser (Chromium, or Firefox ESR) on loopback and show "
    "the engine's verdict beside what the browser did: capabilities, console lines, DevTools issues and "
    "what the server received.\n"
    "Exit status: 0 they agree, 1 they differ, 2 bad input, no browser, or a case loopback cannot reproduce.",
    "epilog": """\
examples:
  origin-playground verify origin_playground/scenarios/json-post-preflight.toml
  origin-playground verify --page https://app.example.com --target https://api.example.com/items \\
      --resource fetch --method PUT --preflight-header 'Access-Control-Allow-Origin: https://app.example.com'
  origin-playground verify scenario.toml --browser firefox --json

needs: pip install -e '.[browser]' and apt-get install chromium (or firefox-esr); docs/browser-harness.md
""",
}


def configure(parser: argparse.ArgumentParser) -> None:
    check.configure(parser)  # the same FILE and scenario flags as check
    parser.add_argument("--browser", choices=("chromium", "firefox"), default="chromium",
                        help="which browser plays the scenario (default chromium)")


def run(args: argparse.Namespace) -> int:
    try:
        mapping = check.build_mapping(args)
        scenario = policy_core.load_scenario(mapping)
        report = policy_core.evaluate(scenario)
    except ScenarioError as error:
        print(f"origin-playground verify: {check.name_flag(error, args)}", file=sys.stderr)
        return 2
    if args.export:
        print("origin-playground verify: --export: not available here; use 'origin-playground check --export'",
              file=sys.stderr)
        return 2
    try:
        from ..browser.compare import compare
        from ..browser.session import Harness, available, install_hint
    except ImportError as error:
        print(f"origin-playground verify: the browser harness needs its extras ({error.name} is missing): "
              "pip install -e '.[browser]'", file=sys.stderr)
        return 2
    if not available(args.browser):
        print(f"origin-playground verify: {install_hint(args.browser)}", file=sys.stderr)
        return 2
    rows = []
    with Harness(args.browser) as harness:
        for resource in scenario.resources:
            verdict = report.verdict(resource)
            if verdict is None:
                continue
            observation = harness.play(scenario, resource)
            rows.append((verdict, observation, compare(verdict, observation)))
        version = harness.version
    agree = bool(rows) and all(comparison.agree for _, _, comparison in rows)
    if args.json:
        json.dump(_json(version, rows, agree), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print(version, rows, agree)
    unplayable = [c for _, _, c in rows if c.unplayable]
    for comparison in unplayable:
        print(f"origin-playground verify: {comparison.resource}: cannot be played on loopback: "
              f"{comparison.unplayable}", file=sys.stderr)
    if unplayable:
        return 2  # not verified: never a false agreement
    return 0 if agree else 1


def _json(version: str, rows: list[Any], agree: bool) -> dict[str, Any]:
    return {
        "browser": version,
        "agree": agree,
        "resources": {
            verdict.resource: {
                "engine": {"can": dict(verdict.can),
                           **({"preflight": verdict.fetch.preflight} if verdict.fetch is not None else {}),
                           "console": verdict.console.to_dict()},
                "browser": observation.to_dict(),
                "comparison": comparison.to_dict(),
            }
            for verdict, observation, comparison in rows
        },
    }


def _print(version: str, rows: list[Any], agree: bool) -> None:
    from ..browser.compare import engine_console

    out = [f"verified with {version}"]
    for verdict, observation, comparison in rows:
        out.append("")
        if comparison.unplayable:
            out.append(f"{verdict.resource}: cannot be played on loopback: {comparison.unplayable}")
            continue
        out.append(f"{verdict.resource}: {'agree' if comparison.agree else 'DIFFER'}")
        engine_caps = dict(verdict.can)
        if verdict.fetch is not None:
            engine_caps["preflight"] = verdict.fetch.preflight
        seen_caps = dict(observation.can)
        if observation.preflighted is not None:
            seen_caps["preflight"] = observation.preflighted
        out.append(f"  {'':14} {'engine':8} {observation.browser}")
        for name, value in engine_caps.items():
            seen = seen_caps.get(name)
            mark = "" if seen == value else "   <- differs"
            out.append(f"  {name:14} {_yes(value):8} {_yes(seen)}{mark}")
        out.append("  console (engine):")
        out += [f"    {literal(line)}" for line in engine_console(verdict, observation.browser)] or ["    (nothing)"]
        out.append(f"  console ({observation.browser}):")
        out += [f"    {literal(line)}" for line in observation.console] or ["    (nothing)"]
        exception = observation.facts.get("access_error") or observation.facts.get("taint_error")
        if exception:
            out.append(f"  exception in the page: {literal(str(exception))}")
        out.append(f"  devtools issues ({observation.browser}):" + ("" if observation.issues else " (none)"))
        out += [f"    {issue.code}: {issue.reason}" for issue in observation.issues]
        out.append("  server received:" + ("" if observation.received else " (nothing)"))
        for request in observation.received:
            out.append(f"    {request.method} {literal(request.target)} ({'https' if request.tls else 'http'}, "
                       f"port {request.port})")
            for name, value in request.headers:
                out.append(f"      {literal(name)}: {literal(value)}")
        for difference in comparison.differences():
            out.append(f"  differs: {literal(difference)}")
    out.append("")
    out.append("engine and browser agree" if agree else "engine and browser differ")
    print("\n".join(out))


def _yes(value: object) -> str:
    if value is None:
        return "—"
    return "yes" if value else "no"
