"""``origin-playground verify``: the engine's verdict and a real browser's observation, side by side.

Exit status: 0 the browser agrees on every resource; 1 they differ; 2 bad input, no browser
installed (one line saying how to install one), or a case loopback cannot reproduce ("cannot be
played on loopback: <why>", never a false agreement).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import policy_core
from policy_core import ScenarioError, Verdict

from ..glyphs import literal
from . import check

if TYPE_CHECKING:  # the harness needs the [browser] extras; imported when a scenario is played
    from ..browser.compare import Comparison
    from ..browser.observe import Observation

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
    problem = harness_problem(args.browser)
    if problem is not None:
        print(f"origin-playground verify: {problem}", file=sys.stderr)
        return 2
    from ..browser.session import Harness

    with Harness(args.browser) as harness:
        verification = play_report(harness, scenario, report)
    if args.json:
        json.dump(_json(verification), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n".join(verification_lines(verification)))
    for comparison in verification.unplayable:
        print(f"origin-playground verify: {comparison.resource}: cannot be played on loopback: "
              f"{comparison.unplayable}", file=sys.stderr)
    if verification.unplayable:
        return 2  # not verified: never a false agreement
    return 0 if verification.agree else 1


# --- shared with the TUI's verify screen (tui/screens/verify_screen.py) -------------------------


class Player(Protocol):
    """What ``play_report`` needs: origin_playground.browser.session.Harness, or a test's fake."""

    @property
    def version(self) -> str: ...

    def play(self, scenario: policy_core.Scenario, resource: str) -> Observation: ...


@dataclass(frozen=True)
class Verification:
    """One scenario played in one browser: per resource, the engine's verdict, what the browser
    did, and how they compare."""

    version: str  # the browser's name and version, as its driver reports it
    rows: tuple[tuple[Verdict, Observation, Comparison], ...]
    cancelled: bool = False  # stopped before every resource was played

    @property
    def agree(self) -> bool:
        return bool(self.rows) and not self.cancelled and all(c.agree for _, _, c in self.rows)

    @property
    def unplayable(self) -> list[Comparison]:
        return [c for _, _, c in self.rows if c.unplayable]


def harness_problem(browser: str) -> str | None:
    """The one line saying why this machine cannot play a scenario in ``browser`` (the harness's
    extras or the browser are missing), or None."""
    try:
        from ..browser.session import available, install_hint
    except ImportError as error:
        return f"the browser harness needs its extras ({error.name} is missing): pip install -e '.[browser]'"
    if not available(browser):
        return install_hint(browser)
    return None


def play_report(player: Player, scenario: policy_core.Scenario, report: policy_core.Report,
                cancelled: Callable[[], bool] = lambda: False,
                playing: Callable[[str], object] = lambda resource: None) -> Verification:
    """Play each of the report's resources; before each one, ``cancelled`` is asked and ``playing``
    told which resource is next."""
    from ..browser.compare import compare

    rows = []
    for resource in scenario.resources:
        verdict = report.verdict(resource)
        if verdict is None:
            continue
        if cancelled():
            return Verification(player.version, tuple(rows), cancelled=True)
        playing(resource)
        observation = player.play(scenario, resource)
        rows.append((verdict, observation, compare(verdict, observation)))
    return Verification(player.version, tuple(rows))


def verification_lines(verification: Verification) -> list[str]:
    """The human output: per resource, the capabilities side by side, both consoles, the DevTools
    issues and what the server received; the last line says whether they agree. User text literal."""
    from ..browser.compare import CONSOLE_FIELD, engine_console

    out = [f"verified with {verification.version}"]
    for verdict, observation, comparison in verification.rows:
        out.append("")
        if comparison.unplayable:
            out.append(f"{verdict.resource}: cannot be played on loopback: {comparison.unplayable}")
            continue
        out.append(f"{verdict.resource}: {'agree' if comparison.agree else 'DIFFER'}")
        # That browser's decisions, as compare() judges them (verdict.can is Chrome's).
        engine_caps = dict(verdict.can_in(CONSOLE_FIELD[observation.browser]))
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
        out += [f"    {literal(issue.code)}: {literal(issue.reason)}" for issue in observation.issues]
        out.append("  server received:" + ("" if observation.received else " (nothing)"))
        for request in observation.received:
            out.append(f"    {request.method} {literal(request.target)} ({'https' if request.tls else 'http'}, "
                       f"port {request.port})")
            for name, value in request.headers:
                out.append(f"      {literal(name)}: {literal(value)}")
        for difference in comparison.differences():
            out.append(f"  differs: {literal(difference)}")
    out.append("")
    if verification.cancelled:
        out.append("cancelled before every resource was played")
    else:
        out.append("engine and browser agree" if verification.agree else "engine and browser differ")
    return out


def _json(verification: Verification) -> dict[str, Any]:
    return {
        "browser": verification.version,
        "agree": verification.agree,
        "resources": {
            verdict.resource: {
                "engine": {"can": dict(verdict.can),
                           **({"preflight": verdict.fetch.preflight} if verdict.fetch is not None else {}),
                           "console": verdict.console.to_dict()},
                "browser": observation.to_dict(),
                "comparison": comparison.to_dict(),
            }
            for verdict, observation, comparison in verification.rows
        },
    }


def _yes(value: object) -> str:
    if value is None:
        return "—"
    return "yes" if value else "no"
