"""`check`'s human output wraps to the terminal's width with hanging indents (issue 14); piped, a
console message stays one line that can be copied exactly."""

from __future__ import annotations

import io
import re

from rich.console import Console

import policy_core
from origin_playground.library import find_scenario
from origin_playground.render import render_report
from policy_core.what_if import what_if_by_resource

SCENARIO = "wildcard-with-credentials"


def _render(*, terminal: bool, width: int = 80) -> tuple[str, policy_core.Report]:
    scenario = policy_core.load_scenario(find_scenario(SCENARIO).path)
    report = policy_core.evaluate(scenario)
    out = io.StringIO()
    console = Console(file=out, force_terminal=terminal, width=width, no_color=True, highlight=False,
                      soft_wrap=False, color_system=None)
    render_report(scenario, report, console=console, show_trace=True,
                  what_if=what_if_by_resource(scenario, report))
    return out.getvalue(), report


def test_on_a_terminal_no_line_is_wider_than_it_and_no_word_is_cut() -> None:
    text, report = _render(terminal=True, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    chrome = report.verdicts[0].console.chrome
    start = next(i for i, line in enumerate(lines) if line.startswith("  Chrome console: "))
    # The message's continuation lines hang under its first word, and rejoined they are the message.
    block = [lines[start][len("  Chrome console: "):]]
    for line in lines[start + 1:]:
        if not line.startswith(" " * len("  Chrome console: ")):
            break
        block.append(line.strip())
    first_line = chrome.splitlines()[0]
    assert " ".join(block).startswith(first_line)
    assert len(block) > 2  # it really wrapped at 80 columns


def test_piped_a_console_message_stays_one_line() -> None:
    text, report = _render(terminal=False)
    first_line = report.verdicts[0].console.chrome.splitlines()[0]
    assert f"  Chrome console: {first_line}" in text.splitlines()


def test_a_fix_keeps_its_header_lines_under_its_first_line_when_wrapped() -> None:
    text, _ = _render(terminal=True, width=60)
    assert re.search(r"^      Access-Control-Allow-Credentials: true$", text, re.M)
    assert max(len(line) for line in text.splitlines()) <= 60
