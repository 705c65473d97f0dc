"""The editable scenario as plain data, and the one bridge from it to the pure core.

Widgets edit a ``ScenarioDraft``; ``evaluate_draft`` turns it into a mapping for
``policy_core.load_scenario`` and asks the core for a report. Nothing here decides a verdict.
No Textual import: this module is plain Python and is tested without an app.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

import policy_core
from policy_core.headers import parse_header_line
from policy_core.resources import EVALUATORS

from .atomic import write_text_atomically

HeaderRows = list[tuple[str, str]]

DEFAULT_REQUEST: dict[str, str] = {
    "method": "GET",
    "mode": "cors",
    "credentials": "same-origin",
    "crossorigin": "none",
}
DEFAULT_COOKIE: dict[str, Any] = {
    "name": "sid",
    "samesite": "",
    "secure": False,
    "httponly": False,
    "domain": "",
    "path": "/",
    "via": "fetch",
}


def available_resources() -> tuple[str, ...]:
    """The resource types the core can answer right now, in report order."""
    return tuple(r for r in policy_core.RESOURCE_TYPES if r in EVALUATORS)


@dataclass
class Response:
    status: int = 200
    headers: HeaderRows = field(default_factory=list)


@dataclass
class ScenarioDraft:
    """Everything the workbench edits, as the scenario file's plain values."""

    page: str
    target: str
    resources: list[str] = field(default_factory=lambda: list(policy_core.RESOURCE_TYPES))
    title: str = ""
    notes: str = ""
    page_sandboxed: bool = False
    request: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_REQUEST))
    request_headers: HeaderRows = field(default_factory=list)
    script_type: str = "classic"
    preflight: Response = field(default_factory=Response)
    response: Response = field(default_factory=Response)
    redirects: list[dict[str, Any]] = field(default_factory=list)
    cookie: dict[str, Any] | None = None  # attribute keys, or {"set_cookie": line, "via": ...}
    expect: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_scenario(cls, scenario: policy_core.Scenario) -> ScenarioDraft:
        data = scenario.to_mapping()
        request = data.get("request", {})
        cookie = copy.deepcopy(data.get("cookie"))
        return cls(
            page=scenario.page_input,
            target=scenario.target_input,
            resources=list(scenario.resources),
            title=scenario.title,
            notes=scenario.notes,
            page_sandboxed=scenario.page_sandboxed,
            request={key: str(request.get(key, default)) for key, default in DEFAULT_REQUEST.items()},
            request_headers=[tuple(h) for h in request.get("headers", [])],  # type: ignore[misc]
            script_type=request.get("script_type", "classic"),
            preflight=_response_of(data.get("preflight")),
            response=_response_of(data.get("response")),
            redirects=copy.deepcopy(data.get("redirects", [])),
            cookie=cookie,
            expect=dict(data.get("expect", {})),
        )

    def copy(self) -> ScenarioDraft:
        return copy.deepcopy(self)

    def to_mapping(
        self, resources: list[str] | None = None, expect: dict[str, bool] | None = None
    ) -> dict[str, Any]:
        """The scenario file's mapping (defaults left out), as saved and as the core loads it."""
        out: dict[str, Any] = {"version": 1}
        if self.title:
            out["title"] = self.title
        if self.notes:
            out["notes"] = self.notes
        out["page"] = self.page
        out["target"] = self.target
        out["resources"] = list(self.resources if resources is None else resources)
        if self.page_sandboxed:
            out["page_sandboxed"] = True
        request: dict[str, Any] = {k: v for k, v in self.request.items() if v != DEFAULT_REQUEST[k]}
        if self.request_headers:
            request["headers"] = [list(h) for h in self.request_headers]
        if self.script_type != "classic":
            request["script_type"] = self.script_type
        if request:
            out["request"] = request
        for key in ("preflight", "response"):
            section: Response = getattr(self, key)
            table: dict[str, Any] = {}
            if section.status != 200:
                table["status"] = section.status
            if section.headers:
                table["headers"] = [list(h) for h in section.headers]
            if table:
                out[key] = table
        if self.redirects:
            out["redirects"] = copy.deepcopy(self.redirects)
        if self.cookie is not None:
            out["cookie"] = dict(self.cookie)
        chosen = self.expect if expect is None else expect
        if chosen:
            out["expect"] = dict(chosen)
        return out

    def evaluation_mapping(self) -> dict[str, Any]:
        """The mapping the core is asked about: only resource types it can answer yet."""
        available = available_resources()
        resources = [r for r in self.resources if r in available]
        expect = {
            path: value
            for path, value in self.expect.items()
            if path in ("same_origin", "same_site") or path.partition(".")[0] in resources
        }
        return self.to_mapping(resources=resources, expect=expect)


def _response_of(table: dict[str, Any] | None) -> Response:
    if not table:
        return Response()
    return Response(
        status=int(table.get("status", 200)), headers=[tuple(h) for h in table.get("headers", [])]
    )  # type: ignore[misc]


@dataclass(frozen=True)
class Evaluation:
    """What the core said about a draft: a report, or the one-line error naming the key."""

    report: policy_core.Report | None
    error: policy_core.ScenarioError | None


def evaluate_draft(draft: ScenarioDraft) -> Evaluation:
    try:
        scenario = policy_core.load_scenario(draft.evaluation_mapping())
        return Evaluation(policy_core.evaluate(scenario), None)
    except policy_core.ScenarioError as error:
        return Evaluation(None, error)


def check_url(text: str, field_path: str) -> policy_core.ScenarioError | None:
    """The core's own parser decides whether a URL is valid (UI and engine agree)."""
    try:
        policy_core.parse_url(text, field_path=field_path)
    except policy_core.ScenarioError as error:
        return error
    return None


# --- reading and writing files -----------------------------------------------------------------


def load_draft(path: str | os.PathLike[str]) -> ScenarioDraft:
    """Load a scenario file; the core's loader decides what is valid (ScenarioError otherwise)."""
    return ScenarioDraft.from_scenario(policy_core.load_scenario(Path(path)))


def scenario_toml(draft: ScenarioDraft) -> str:
    return tomli_w.dumps(draft.to_mapping())


def save_draft(draft: ScenarioDraft, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a temp file in the same directory, then os.replace over the target."""
    target = Path(path)
    if target.suffix.lower() != ".toml":
        raise policy_core.ScenarioError(str(target), "scenarios are saved as .toml files")
    text = scenario_toml(draft)
    policy_core.load_scenario(draft.to_mapping())  # never write a file the loader would refuse
    write_text_atomically(target, text)
    return target


# --- pasted text ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PastedHeaders:
    status: int | None  # from an ``HTTP/1.1 204 No Content`` line, when one was pasted
    headers: HeaderRows
    skipped: tuple[str, ...]  # lines that were neither a status line nor ``Name: value``


def parse_pasted_headers(text: str) -> PastedHeaders:
    """Header lines as ``curl -i`` or a network panel shows them; duplicates kept, order kept."""
    status: int | None = None
    headers: HeaderRows = []
    skipped: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if status is None and not headers and line.upper().startswith("HTTP/"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                status = int(parts[1])
                continue
        pair = parse_header_line(line)
        if pair is None:
            skipped.append(line)
        else:
            headers.append(pair)
    return PastedHeaders(status, headers, tuple(skipped))


def looks_like_header_paste(text: str) -> bool:
    """Multi-line text, a status line or ``Name: value``: worth turning into rows."""
    stripped = text.strip()
    return "\n" in stripped or stripped.upper().startswith("HTTP/") or parse_header_line(stripped) is not None
