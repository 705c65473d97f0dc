"""Human output for ``explain`` and ``compare``, drawn with rich (user text always as literal Text)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from policy_core import Report, Scenario
from policy_core.compare import OriginTable
from policy_core.explain import KNOWN_MESSAGES, REASONS, Recognised

from .render import literal, render_report

BROWSER_NAMES = {
    "chrome": "Chrome",
    "firefox": "Firefox",
    "safari": "Safari",
    "edge": "Internet Explorer / EdgeHTML",
    "all": "every browser",
}


def _console(no_color: bool) -> Console:
    return Console(no_color=no_color, highlight=False, soft_wrap=False)


def _yes_no(value: bool) -> Text:
    return Text("✔ yes", style="green") if value else Text("✘ no", style="red")


def render_recognised(rec: Recognised, scenario_mapping: dict, console: Console) -> None:
    reason = REASONS[rec.reason]
    heading = Text("Recognised: ", style="bold") + Text(
        f"{BROWSER_NAMES[rec.browser]}'s message ", style="bold"
    )
    heading += Text(rec.reason, style="bold cyan")
    if rec.language != "en":
        heading += Text(f"  (in {rec.language})", style="bold")
    if rec.variant != "current":
        heading += Text(f"  ({literal(rec.variant)})", style="dim")
    console.print(heading)
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("failed rule" if reason.blocking else "warning", literal(reason.rule))  # a warning blocks nothing
    for label, value in (
        ("URL", rec.url),
        ("redirected from", rec.initial_url),
        ("page origin", rec.origin),
        ("request kind", rec.kind),
        ("method", rec.method),
        ("header", rec.header),
    ):
        if value:
            table.add_row(label, literal(value))
    if rec.hint and not (rec.method or rec.header):
        table.add_row("value", literal(rec.hint))
    if rec.status is not None:
        table.add_row("status", literal(str(rec.status)))
    if rec.preflight:
        table.add_row("preflight", Text("the failure is in the preflight (OPTIONS) response"))
    console.print(table)
    notes = str(scenario_mapping.get("notes", "")).splitlines()[1:]  # line 0 repeats the message
    for note in notes:
        console.print(Text("  assumed: ", style="yellow") + literal(note))
    if not reason.modelled:
        console.print(
            Text(
                "  The playground cannot reproduce this failure; the report below shows the same request.",
                style="yellow",
            )
        )
    console.print()


def render_explained(
    rec: Recognised,
    scenario_mapping: dict,
    scenario: Scenario,
    report: Report,
    *,
    show_trace: bool,
    no_color: bool,
) -> None:
    console = _console(no_color)
    render_recognised(rec, scenario_mapping, console)
    render_report(scenario, report, show_trace=show_trace, no_color=no_color, console=console)


def render_all_explained(
    explained: list[tuple[Recognised, dict, Scenario, Report]], *, show_trace: bool, no_color: bool
) -> None:
    """Every message of the paste, most specific first, each with its rebuilt scenario's report."""
    console = _console(no_color)
    count = len(explained)
    if count > 1:
        console.print(Text(f"{count} messages in this paste, the most specific first.", style="bold"))
        console.print()
    for number, (rec, mapping, scenario, report) in enumerate(explained, start=1):
        if count > 1:
            console.print(Text(f"── message {number} of {count} " + "─" * 40, style="dim"))
        render_recognised(rec, mapping, console)
        render_report(scenario, report, show_trace=show_trace, no_color=no_color, console=console)
        if number < count:
            console.print()


def render_not_recognised(no_color: bool) -> None:
    console = _console(no_color)
    console.print(
        Text("Not recognised: ", style="bold yellow")
        + Text("this is not a console message I know. Paste the whole red line from the console.")
    )
    console.print("I recognise these (browser, reason: the rule that failed):")
    seen: set[tuple[str, str]] = set()
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("browser")
    table.add_column("reason")
    table.add_column("rule")
    for browser, code, _example in KNOWN_MESSAGES:
        if (browser, code) in seen:
            continue
        seen.add((browser, code))
        table.add_row(BROWSER_NAMES[browser], code, literal(REASONS[code].rule))
    console.print(table)
    console.print(
        Text("Run 'origin-playground explain --known' to see an example of each message.", style="dim")
    )


def render_known(no_color: bool) -> None:
    console = _console(no_color)
    for browser, code, example in KNOWN_MESSAGES:
        console.print(Text(f"{BROWSER_NAMES[browser]} · {code}", style="bold"))
        console.print(literal(example))
        console.print()


def render_origin_table(table_data: OriginTable, *, no_color: bool) -> None:
    console = _console(no_color)
    urls = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    for column in ("#", "URL", "origin", "site"):
        urls.add_column(column)
    for row in table_data.urls:
        urls.add_row(
            str(row.index + 1), literal(row.url.href), literal(row.origin), literal(row.site.serialize())
        )
    console.print(urls)
    console.print()
    pairs = Table(show_header=True, header_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    for column in ("A", "B", "same origin", "why", "same site"):
        pairs.add_column(column)
    for pair in table_data.pairs:
        pairs.add_row(
            str(pair.a + 1),
            str(pair.b + 1),
            _yes_no(pair.same_origin),
            literal(pair.reason),
            _yes_no(pair.same_site),
        )
    console.print(pairs)
