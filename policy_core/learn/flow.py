"""The guided flow's state and the scenario its answers build.

``next_question(answers)`` is the next relevant question not answered yet (None: ready for the
answer). ``scenario_for(answers)`` is the scenario, in the contract's mapping form, that the answers
so far describe: the same scenario the workbench edits. A question not answered yet takes its first
example, and everything the learner is never asked keeps the contract's defaults.
"""

from __future__ import annotations

from typing import Any

from ..errors import ScenarioError
from ..evaluate import evaluate
from ..headers import parse_header_line
from ..loader import load_scenario
from .questions import BY_ID, QUESTIONS, Answer, Answers, Pasted, Question, asked, choices_for, page_origin

Mapping = dict[str, Any]
Lines = list[list[str]]

# What the learner wants from each resource type: the capabilities the headline answers for.
WANTED: dict[str, tuple[str, ...]] = {
    "dom": ("access",),
    "iframe": ("embed",),
    "fetch": ("send", "read"),
    "image": ("display",),
    "script": ("execute",),
    "cookie": ("stored", "sent"),
}

FRAMING: dict[str, tuple[tuple[str, str], ...]] = {
    "none": (),
    "xfo-deny": (("X-Frame-Options", "DENY"),),
    "xfo-sameorigin": (("X-Frame-Options", "SAMEORIGIN"),),
    "csp-self": (("Content-Security-Policy", "frame-ancestors 'self'"),),
    "csp-page": (("Content-Security-Policy", "frame-ancestors 'self' {origin}"),),
}


# --- which questions count ----------------------------------------------------------------------

def kept_answers(answers: Answers) -> dict[str, Answer]:
    """The answers that still count, in question order: an answer to a question that an earlier
    answer made irrelevant (the body of a request that became a GET) is left out."""
    kept: dict[str, Answer] = {}
    for question in QUESTIONS:
        if question.id in answers and _relevant(question, kept):
            kept[question.id] = answers[question.id]
    return kept


def next_question(answers: Answers) -> Question | None:
    kept = kept_answers(answers)
    for question in QUESTIONS:
        if question.id not in kept and _relevant(question, kept):
            return question
    return None


def question_after(answers: Answers, question_id: str) -> Question | None:
    """The relevant question that follows ``question_id``, answered or not (None: the answer is next).
    Going back to change an answer walks forward through the rest again."""
    kept = kept_answers(answers)
    later = False
    for question in QUESTIONS:
        if later and _relevant(question, kept):
            return question
        later = later or question.id == question_id
    return None


def answered_path(answers: Answers) -> list[Question]:
    """The questions answered so far that count, in the order they were asked."""
    kept = kept_answers(answers)
    return [question for question in QUESTIONS if question.id in kept]


def _relevant(question: Question, answers: Answers) -> bool:
    if not asked(question, answers):
        return False
    return not question.needs_preflight or _preflighted(answers)


def _preflighted(answers: Answers) -> bool:
    try:
        report = evaluate(load_scenario(_mapping(answers, with_preflight=False)))
    except ScenarioError:
        return False
    verdict = report.verdict("fetch")
    return verdict is not None and verdict.fetch is not None and verdict.fetch.preflight


def wanted(answers: Answers) -> tuple[str, tuple[str, ...]]:
    """The resource type the learner asks about and the capabilities they want from it."""
    resource = _value(kept_answers(answers), "want")
    capabilities = WANTED[resource]
    if resource == "image" and _value(kept_answers(answers), "pixels") == "yes":
        capabilities = ("display", "read_pixels")
    return resource, capabilities


# --- the scenario --------------------------------------------------------------------------------

def scenario_for(answers: Answers) -> Mapping:
    """The scenario the answers describe (contract format; ``policy_core.load_scenario`` reads it)."""
    return _mapping(kept_answers(answers), with_preflight=True)


def answer_problem(question_id: str, answer: Answer, answers: Answers) -> str | None:
    """Why a typed answer cannot be used (one line naming the field), or None when it can."""
    question = BY_ID[question_id]
    if isinstance(answer, str):
        if not answer.strip():
            return f"{question_id}: type an answer or pick an example"
        if question.free_text == "header" and answer.lower() != "none" and parse_header_line(answer) is None:
            return f"request.headers: {answer!r} is not a header line (Name: value)"
    try:
        load_scenario(scenario_for({**kept_answers(answers), question_id: answer}))
    except ScenarioError as error:
        return str(error)
    return None


def _value(answers: Answers, question_id: str) -> str:
    """The answer to a choice question, or its first example while it is not answered."""
    answer = answers.get(question_id)
    if isinstance(answer, str):
        return answer.strip()
    choices = choices_for(BY_ID[question_id], answers)
    return choices[0][0] if choices else ""


def _mapping(answers: Answers, *, with_preflight: bool) -> Mapping:
    answers = dict(answers)
    for key in ("page", "want", "target"):  # the scenario's own keys: the first example until answered
        answers[key] = _value(answers, key)
    want = str(answers["want"])
    out: Mapping = {"version": 1, "title": f"Learn: {_label('want', want, answers)}",
                    "page": answers["page"], "target": answers["target"], "resources": [want]}
    request: Mapping = {}
    origin = page_origin(answers) or "null"
    if want == "fetch":
        method = _value(answers, "method")
        if method != "GET":
            request["method"] = method
        headers = _request_headers(answers, method)
        if headers:
            request["headers"] = headers
    if want == "fetch" or (want == "cookie" and _value(answers, "via") == "fetch"):
        credentials = _value(answers, "credentials")
        if credentials != "same-origin":
            request["credentials"] = credentials
    if want in ("image", "script"):
        crossorigin = _value(answers, "crossorigin")
        if crossorigin != "none":
            request["crossorigin"] = crossorigin
    if request:
        out["request"] = request
    if want in ("fetch", "image", "script"):
        _put(out, "response", _server(answers.get("server"), origin))
    if want == "iframe":
        framing = answers.get("framing")
        _put(out, "response", framing if isinstance(framing, Pasted) else
             Pasted(headers=tuple((n, v.replace("{origin}", origin)) for n, v in FRAMING.get(str(framing), ()))))
    if want == "cookie":
        out["cookie"] = {"set_cookie": _value(answers, "set_cookie"), "via": _value(answers, "via")}
    if with_preflight and want == "fetch" and "preflight" in answers:
        _put(out, "preflight", _preflight(answers["preflight"], out))
    return out


def _label(question_id: str, value: str, answers: Answers) -> str:
    for choice_value, label in choices_for(BY_ID[question_id], answers):
        if choice_value == value:
            return label
    return value


def _request_headers(answers: Answers, method: str) -> Lines:
    lines: Lines = []
    if method.upper() not in ("GET", "HEAD"):
        body = _value(answers, "body")
        if body.lower() != "none":
            lines.append(["Content-Type", body])
    header = answers.get("headers")
    if isinstance(header, str) and header.strip().lower() != "none":
        pair = parse_header_line(header.strip())
        if pair is not None:
            lines.append(list(pair))
    return lines


def _server(answer: Answer | None, origin: str) -> Pasted:
    if isinstance(answer, Pasted):
        return answer
    allow = [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
    lines = {
        "star": [("Access-Control-Allow-Origin", "*")],
        "page": allow,
        "page-credentials": [allow[0], ("Access-Control-Allow-Credentials", "true"), allow[1]],
        "corp-same-origin": [("Cross-Origin-Resource-Policy", "same-origin")],
    }.get(answer or "plain", [])
    return Pasted(headers=tuple(lines))


def _preflight(answer: Answer, scenario: Mapping) -> Pasted:
    """The OPTIONS answer: pasted, one of the examples, or one that allows what the preflight asks
    for (the engine says what that is) with the actual response's Allow-Origin lines."""
    if isinstance(answer, Pasted):
        return answer
    if answer == "404":
        return Pasted(status=404)
    if answer != "allow":
        return Pasted()
    lines = [(name, value) for name, value in scenario.get("response", {}).get("headers", [])
             if name.lower() in ("access-control-allow-origin", "access-control-allow-credentials")]
    try:
        fetch = evaluate(load_scenario(scenario)).verdict("fetch")
    except ScenarioError:
        fetch = None
    details = fetch.fetch if fetch is not None else None
    if details is not None:
        if details.preflight_method and details.preflight_method not in ("GET", "HEAD", "POST"):
            lines.append(("Access-Control-Allow-Methods", details.preflight_method))
        if details.preflight_headers:
            lines.append(("Access-Control-Allow-Headers", ", ".join(details.preflight_headers)))
    return Pasted(status=204, headers=tuple(lines))


def _put(out: Mapping, section: str, answer: Pasted) -> None:
    table: Mapping = {}
    if answer.status != 200:
        table["status"] = answer.status
    if answer.headers:
        table["headers"] = [list(pair) for pair in answer.headers]
    if table:
        out[section] = table
