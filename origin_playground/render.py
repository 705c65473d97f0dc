"""The human-readable report for ``check``, drawn with rich.

User text (URLs, header values, messages that quote them) is always a rich ``Text``:
never parsed as markup, and control characters are shown escaped.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from policy_core import Report, Scenario, Verdict
from policy_core.errors import escape_unsafe
from policy_core.origins import DEFAULT_PORTS, Origin
from policy_core.scenario import CAPABILITY_PHRASES
from policy_core.verified import VERIFIED_WITH
from policy_core.what_if import WhatIf

from .glyphs import OUTCOME_SYMBOL, STEP_MARK

OUTCOME_STYLE = {"allowed": "green", "partial": "yellow", "blocked": "red"}
RESULT_STYLE = {"pass": "green", "fail": "red", "info": "cyan", "skip": "dim"}


def literal(text: str, style: str = "") -> Text:
    """User-supplied text, shown as typed: no markup; controls (C0, DEL, C1), lone surrogates and
    bidi overrides escaped (``\\x1b``, ``\\u202e``), so nothing drives or reorders the terminal."""
    return Text(escape_unsafe(text, keep="\n"), style=style)


def outcome_text(outcome: str) -> Text:
    mark, style = OUTCOME_SYMBOL[outcome], OUTCOME_STYLE[outcome]
    return Text(f"{mark} {outcome}", style=f"bold {style}")


def capabilities_text(verdict: Verdict) -> Text:
    text = Text()
    for index, (name, allowed) in enumerate(verdict.can):
        if index:
            text.append("  ")
        text.append(f"{name} ")
        text.append("✔" if allowed else "✘", style="green" if allowed else "red")
    return text


def _parts(origin: Origin) -> tuple[str, str, str]:
    if origin.opaque:
        return ("(opaque)", "(opaque)", "(opaque)")
    port = str(origin.port) if origin.port is not None else f"{DEFAULT_PORTS.get(origin.scheme, '')} (default)"
    return (origin.scheme, origin.host, port)


def origins_table(scenario: Scenario, report: Report) -> Table:
    page_origin = report.page.origin_parts
    target_origin = report.target.origin_parts
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("")
    table.add_column("page")
    table.add_column("target")
    table.add_row("URL", literal(report.page.url), literal(report.target.url))
    page_parts = _parts(page_origin)
    target_parts = _parts(target_origin)
    for index, part in enumerate(("scheme", "host", "port")):
        differs = part in report.origin_diff or "opaque" in report.origin_diff
        style = "bold reverse" if differs else ""
        label = Text(part + (" ≠" if differs else ""), style="bold" if differs else "")
        table.add_row(label, literal(page_parts[index], style), literal(target_parts[index], style))
    table.add_row("origin", literal(report.page.origin), literal(report.target.origin))
    table.add_row("site", literal(report.page.site), literal(report.target.site))
    return table


def relation_line(report: Report) -> Text:
    text = Text()
    text.append("same origin ")
    text.append("✔ yes" if report.same_origin else "✘ no", style="green" if report.same_origin else "red")
    if report.origin_diff == ("opaque",):
        text.append(" (an opaque origin matches no other origin)")
    elif report.origin_diff:
        text.append(f" ({', '.join(report.origin_diff)} differ{'s' if len(report.origin_diff) == 1 else ''})")
    text.append("    same site ")
    text.append("✔ yes" if report.same_site else "✘ no", style="green" if report.same_site else "red")
    return text


def verdict_table(report: Report) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("resource")
    table.add_column("outcome")
    table.add_column("the page can")
    for verdict in report.verdicts:
        table.add_row(verdict.resource, outcome_text(verdict.outcome), capabilities_text(verdict))
    return table


class Wrap:
    """How wide the lines may be: the terminal's width when printing to one, else unwrapped.

    On a terminal, text wraps at word boundaries under its own first word (a hanging indent), so
    a console message never breaks mid-word at the screen's edge. Piped or redirected, each message
    stays one line that can be copied or grepped exactly.
    """

    def __init__(self, console: Console | None = None) -> None:
        self.console = console
        self.width = console.width if console is not None and console.is_terminal else None

    def hanging(self, prefix: Text, body: Text) -> Text:
        """``prefix`` then ``body``; the body's wrapped and multi-line parts (a fix's header lines)
        continue under its first character."""
        indent = len(prefix.plain)
        if self.width is None or self.console is None or self.width - indent < 20:
            parts = body.split("\n", allow_blank=True)
        else:
            parts = body.wrap(self.console, self.width - indent)
            for part in parts:
                part.rstrip()  # the space a line was broken at
        return prefix + Text("\n" + " " * indent).join(parts)


UNWRAPPED = Wrap()


def verdict_details(verdict: Verdict, show_trace: bool, wrap: Wrap = UNWRAPPED) -> list[Text]:
    """The verdict's story as lines: console messages, the failing (or every) step, fixes, warnings."""
    lines = [Text(f"{verdict.resource}: ", style="bold") + outcome_text(verdict.outcome)]
    for browser in ("chrome", "firefox", "safari"):
        message = getattr(verdict.console, browser)
        if message:
            lines.append(wrap.hanging(Text(f"  {browser.capitalize()} console: ", style="bold"), literal(message)))
    for difference in verdict.elsewhere:
        decided = ", ".join(f"{CAPABILITY_PHRASES.get(f'{verdict.resource}.{name}', name)} {'✔' if allowed else '✘'}"
                            for name, allowed in difference.can)
        lines.append(wrap.hanging(Text(f"  In {difference.browser.capitalize()}: ", style="bold"),
                                  literal(f"{decided}: {difference.why}")))
    steps = verdict.trace if show_trace else [s for s in verdict.trace if s.result == "fail"]
    if steps:
        lines.append(Text("  " + ("trace" if show_trace else "why"), style="bold underline"))
    for step in steps:
        mark, style = STEP_MARK.get(step.result, "?"), RESULT_STYLE.get(step.result, "")
        summary = literal(step.summary)
        summary.append(f"  [{step.spec}]", style="dim")
        lines.append(wrap.hanging(Text(f"    {mark} {step.result:<4} ", style=style), summary))
        lines.append(wrap.hanging(Text("           "), literal(step.detail, "dim" if show_trace else "")))
    if verdict.fixes:
        lines.append(Text("  fix", style="bold underline"))
        lines.extend(wrap.hanging(Text("    → "), literal(fix)) for fix in verdict.fixes)
    if verdict.warnings:
        lines.append(Text("  warnings", style="bold underline"))
        lines.extend(wrap.hanging(Text("    ⚠ ", style="yellow"), literal(warning)) for warning in verdict.warnings)
    return lines


def what_if_lines(resource: str, entries: tuple[WhatIf, ...], wrap: Wrap = UNWRAPPED) -> list[Text]:
    """``what if``: each single change that flips a capability, and what it costs in safety."""
    lines = [Text(f"{resource}: what if", style="bold")]
    for entry in entries:
        phrase = CAPABILITY_PHRASES.get(entry.flips, entry.flips)
        body = literal(entry.change) + Text(": ")
        body.append(f"{'✔' if entry.to else '✘'} {phrase}", style="green" if entry.to else "red")
        lines.append(wrap.hanging(Text("  → "), body))
        if entry.risk:
            lines.append(wrap.hanging(Text("      ⚠ ", style="yellow"), literal(entry.risk)))
    return lines


def render_report(scenario: Scenario, report: Report, *, show_trace: bool = False, no_color: bool = False,
                  console: Console | None = None,
                  what_if: dict[str, tuple[WhatIf, ...]] | None = None) -> None:
    console = console or Console(no_color=no_color, highlight=False, soft_wrap=False)
    if scenario.title:
        console.print(literal(scenario.title, "bold"))
    console.print(origins_table(scenario, report))
    console.print(relation_line(report))
    console.print()
    console.print(verdict_table(report))
    wrap = Wrap(console)
    details = [Text("\n").join(verdict_details(verdict, show_trace, wrap)) for verdict in report.verdicts
               if show_trace or verdict.outcome != "allowed" or verdict.warnings]
    if details:
        console.print()
        console.print(Text("\n\n").join(details), soft_wrap=True)  # one print: far cheaper than one a line
    if what_if is not None:
        console.print()
        blocks = [Text("\n").join(what_if_lines(resource, entries, wrap)) for resource, entries in what_if.items()]
        console.print(Text("\n\n").join(blocks) if blocks else Text("what if: no single change flips a verdict here"),
                      soft_wrap=True)
    if report.expectations:
        console.print()
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column("expectation")
        table.add_column("expected")
        table.add_column("actual")
        table.add_column("")
        for result in report.expectations:
            table.add_row(literal(result.path), str(result.expected).lower(), str(result.actual).lower(),
                          Text("✔ met", style="green") if result.met else Text("✘ NOT MET", style="bold red"))
        console.print(table)
    console.print()
    console.print(verified_line(), style="dim")


def verified_line() -> Text:
    """The last line: which browser versions the verdicts and console sentences were verified with."""
    return Text("verified with " + ", ".join(version for _, version in VERIFIED_WITH))
