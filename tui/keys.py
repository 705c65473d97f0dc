"""The App's key bindings, and every key of the TUI by where it works: what the help screen is
handed (never retyped: the bindings themselves) and what the palette's commands mirror.

The screens' own bindings are read from the screens when the help screen asks for them: importing
them here would import every screen (and the engine's explain tables) at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from .widgets.headers_editor import HeadersEditor
from .widgets.resource_toggles import ResourceToggles
from .widgets.trace_view import TraceView
from .widgets.verdict_card import VerdictCard

if TYPE_CHECKING:
    from .screens.help import KeySections

PANES = Binding.Group("Panes")

APP_BINDINGS: tuple[BindingType, ...] = (
    Binding(
        "ctrl+q",
        "quit",
        "Quit",
        id="quit",
        priority=True,
        tooltip="Quit (asks if there are unsaved changes)",
    ),
    Binding("ctrl+l", "library", "Library", id="library", tooltip="Pick a built-in scenario"),
    Binding("ctrl+o", "open", "Open", id="open", tooltip="Open a scenario file, or a HAR's requests"),
    Binding("ctrl+s", "save", "Save", id="save", tooltip="Save the scenario as TOML"),
    Binding(
        "ctrl+y",
        "copy_scenario",
        "Copy TOML",
        id="copy-scenario",
        tooltip="Copy the scenario as TOML",
        show=False,  # also in Export (Ctrl+R), the palette and help: the footer keeps its room
    ),
    Binding("f2", "focus_pane('urls')", "URLs", id="focus-urls", group=PANES),
    Binding("f3", "focus_pane('resources')", "Resources", id="focus-resources", group=PANES),
    Binding("f4", "focus_pane('request')", "Request", id="focus-request", group=PANES),
    Binding("f5", "focus_pane('response')", "Response", id="focus-response", group=PANES),
    Binding("f6", "focus_pane('cookie')", "Cookie", id="focus-cookie", group=PANES),
    Binding("f7", "focus_pane('trace')", "Trace", id="focus-trace", group=PANES),
    Binding(
        "f10",
        "maximize_pane",
        "Maximise",
        id="maximize-pane",
        group=PANES,
        show=False,  # the footer keeps its room at 80x24; help and the palette list it
        tooltip="Maximise the pane with the focus (the trace too); again, or Esc, restores it",
    ),
    Binding("f1,question_mark", "help", "Help", id="help", tooltip="Every key, and a primer"),
    Binding("f8", "origins", "Origins", id="origins", tooltip="The origin table for URLs"),
    Binding("f9", "explain", "Explain", id="explain", tooltip="Explain a console error"),
    Binding("ctrl+t", "talk", "Talk", id="talk", tooltip="Talk mode: resume, or the shipped deck"),
    Binding(
        "ctrl+f",
        "learn",
        "Learn",
        id="learn",
        tooltip="The guided flow: plain questions, a plain answer",
        show=False,  # the footer keeps its room; help and the palette list it
    ),
    Binding(
        "ctrl+r",
        "export_menu",
        "Export",
        id="export",
        tooltip="Preview as TOML, Markdown, JSON, curl, server config: copy or save",
    ),
    Binding(
        "ctrl+n",
        "paste_curl",
        "From curl",
        id="paste-curl",
        tooltip="Paste a curl command: loaded as the scenario",
        show=False,  # the footer keeps its room; help and the palette list it
    ),
)


def key_sections(app_bindings: list[BindingType] | tuple[BindingType, ...] = APP_BINDINGS) -> KeySections:
    """Where the keys live, in the order the help screen lists them."""
    from .screens.explain import ExplainScreen
    from .screens.help import HelpScreen
    from .screens.learn import LearnScreen
    from .screens.origins import OriginsScreen
    from .screens.talk import TalkScreen

    return [
        ("Everywhere", list(app_bindings)),
        ("Verdict cards", list(VerdictCard.BINDINGS)),
        ("Resource grid", list(ResourceToggles.BINDINGS)),
        ("Trace", list(TraceView.BINDINGS)),
        ("Header editors", list(HeadersEditor.BINDINGS)),
        ("Talk mode", list(TalkScreen.BINDINGS)),
        ("Origins screen", list(OriginsScreen.BINDINGS)),
        ("Explain screen", list(ExplainScreen.BINDINGS)),
        ("Learn screen", list(LearnScreen.BINDINGS)),
        ("Help", list(HelpScreen.BINDINGS)),
    ]
