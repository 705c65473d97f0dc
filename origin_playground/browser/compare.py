"""Engine against browser: capabilities, console lines and DevTools issues, compared separately."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policy_core import Verdict
from policy_core.messages import CHROME, Failure, render
from policy_core.messages.cors import firefox_request_did_not_succeed, is_firefox_warning
from policy_core.messages.subresources import LOAD_ERROR_STATUS
from policy_core.report import DEVTOOLS_CODES_MODELLED

from .observe import Observation

# Which of the engine's Console fields speaks for each browser.
CONSOLE_FIELD = {"chromium": "chrome", "firefox": "firefox"}
# The browsers whose DevTools issues the harness observes (the engine's are Chrome's).
ISSUE_CHANNEL = frozenset({"chromium"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    resource: str
    browser: str
    unplayable: str = ""
    capabilities: tuple[str, ...] = ()  # one line per capability that differs
    console: tuple[str, ...] = ()  # "" agreement, else what differs
    issues: tuple[str, ...] = ()
    issues_modelled: bool = False  # whether DevTools issues were compared (of the codes the engine models)

    @property
    def played(self) -> bool:
        return not self.unplayable

    @property
    def agree(self) -> bool:
        return self.played and not self.capabilities and not self.console and not self.issues

    def differences(self) -> list[str]:
        return [*self.capabilities, *self.console, *self.issues]

    def to_dict(self) -> dict[str, Any]:
        if self.unplayable:
            return {"unplayable": self.unplayable}
        return {"agree": self.agree, "capabilities": list(self.capabilities), "console": list(self.console),
                "devtools_issues": list(self.issues), "devtools_issues_modelled": self.issues_modelled}


def engine_console(verdict: Verdict, browser: str) -> list[str]:
    text = getattr(verdict.console, CONSOLE_FIELD[browser])
    return text.splitlines() if text else []


def page_exceptions(observation: Observation) -> list[str]:
    """The SecurityErrors the page caught, which the browser would print as 'Uncaught …' had they not been:
    a frame access or a canvas read, and in a cookie case its document.cookie read and its via request's."""
    facts = observation.facts
    out = [str(facts[key]) for key in ("access_error", "taint_error") if facts.get(key)]
    for key in ("document_cookie", "via"):
        value = facts.get(key)
        if isinstance(value, dict):
            out += [str(value[inner]) for inner in ("access_error", "taint_error", "error") if value.get(inner)]
    return out


def observed_console(observation: Observation) -> list[str]:
    return list(observation.console)


def compare(verdict: Verdict, observation: Observation) -> Comparison:
    resource, browser = observation.resource, observation.browser
    if observation.unplayable:
        return Comparison(resource=resource, browser=browser, unplayable=observation.unplayable)
    capabilities = []
    engine_can = dict(verdict.can_in(CONSOLE_FIELD[browser]))  # that browser's decisions, where they differ
    for name, seen in observation.can:
        if engine_can.get(name) != seen:
            capabilities.append(f"{observation.resource}.{name}: engine {_word(engine_can.get(name))}, "
                                f"{observation.browser} {_word(seen)}")
    if observation.preflighted is not None and verdict.fetch is not None \
            and verdict.fetch.preflight != observation.preflighted:
        capabilities.append(f"fetch.preflight: engine {_word(verdict.fetch.preflight)}, "
                            f"{observation.browser} {_word(observation.preflighted)}")
    console = _console_difference(verdict, observation)
    issues, modelled = _issue_difference(verdict, observation)
    return Comparison(resource=resource, browser=browser, capabilities=tuple(capabilities), console=tuple(console), issues=tuple(issues),
                      issues_modelled=modelled)


def _console_difference(verdict: Verdict, observation: Observation) -> list[str]:
    expected = engine_console(verdict, observation.browser)
    seen = observed_console(observation)
    exceptions = page_exceptions(observation)
    # A frame-access or canvas SecurityError is an exception, not a console line: the engine's
    # line agrees with it when it is the exception message's last sentence.
    remaining = [line for line in expected if not any(e.endswith(line) for e in exceptions)]
    if observation.browser == "firefox":
        # Firefox's warnings do not come over BiDi (docs/browser-harness.md): only its errors are compared.
        remaining = [line for line in remaining if not is_firefox_warning(line)]
    if remaining == seen or _frame_status_moved(remaining, seen, observation) \
            or _request_failure_moved(remaining, seen, observation):
        return []
    out = []
    for line in remaining:
        if line not in seen:
            out.append(f"console: engine prints {line!r}, {observation.browser} does not")
    for line in seen:
        if line not in remaining:
            out.append(f"console: {observation.browser} prints {line!r}, engine does not")
    if not out:
        out.append(f"console: same lines in another order: engine {remaining!r}, {observation.browser} {seen!r}")
    return out


def _prefix(key: str, **blank: str) -> str:
    """The fixed start of a Chrome catalogue sentence, up to its first placeholder."""
    return render(key, CHROME, **{name: "\0" for name in blank}).split("\0", 1)[0]


def _frame_status_moved(expected: list[str], seen: list[str], observation: Observation) -> bool:
    """Chromium prints a frame's error-status line and its CSP frame-ancestors lines from different
    processes; on a loaded machine either comes first (sweep-iframe-0015 and -0019 were seen both ways).
    So for a frame, and only for those two channels, the status line may stand anywhere among the CSP
    lines; every other line keeps its order."""
    if observation.browser != "chromium" or observation.resource not in ("iframe", "dom") \
            or sorted(expected) != sorted(seen):
        return False
    status = _prefix(LOAD_ERROR_STATUS, status="", phrase="")
    csp = (_prefix(Failure.FRAME_ANCESTORS, url="", directive=""),
           _prefix(Failure.FRAME_ANCESTORS_REPORT_ONLY, url="", directive=""))

    if not any(line.startswith(status) for line in seen):
        return False

    def others(lines: list[str]) -> list[str]:
        return [line for line in lines if not line.startswith(status)]

    def before_status(lines: list[str]) -> list[str]:
        """The lines other than CSP lines ahead of the status line: it must not move across those."""
        at = next(i for i, line in enumerate(lines) if line.startswith(status))
        return [line for line in lines[:at] if not line.startswith(csp)]

    return others(expected) == others(seen) and before_status(expected) == before_status(seen)


def _request_failure_moved(expected: list[str], seen: list[str], observation: Observation) -> bool:
    """Firefox prints "CORS request did not succeed" from the network channel, and a module script's
    MIME-type line from the script loader; either comes first (sweep-script-0007 was seen both ways,
    in runs a day apart). So for a script, that one line may stand anywhere; every other line keeps
    its order."""
    if observation.browser != "firefox" or observation.resource != "script" or sorted(expected) != sorted(seen):
        return False
    head, _, tail = firefox_request_did_not_succeed("\0").partition("\0")

    def others(lines: list[str]) -> list[str]:
        return [line for line in lines if not (line.startswith(head) and line.endswith(tail))]

    return len(others(seen)) < len(seen) and others(expected) == others(seen)


def _issue_difference(verdict: Verdict, observation: Observation) -> tuple[list[str], bool]:
    """Compare the issues of the codes the engine models; the others are shown, not compared."""
    if observation.browser not in ISSUE_CHANNEL:
        return [], False  # Firefox has no DevTools issues channel: nothing to compare
    expected = sorted((i.code, i.reason) for i in verdict.devtools if i.code in DEVTOOLS_CODES_MODELLED)
    seen = sorted((i.code, i.reason) for i in observation.issues if i.code in DEVTOOLS_CODES_MODELLED)
    if expected == seen:
        return [], True
    return [f"devtools issues: engine {expected}, {observation.browser} {seen}"], True


def _word(value: object) -> str:
    if value is None:
        return "—"
    return "yes" if value else "no"
