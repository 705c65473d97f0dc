"""The guided flow's pure part: questions, the scenario the answers build, the plain answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy_core
from origin_playground.library import find_scenario
from policy_core.learn import (
    CONCEPTS,
    QUESTIONS,
    Answer,
    Answers,
    Pasted,
    answer_problem,
    answered_path,
    choices_for,
    kept_answers,
    next_question,
    plain_answer,
    scenario_for,
    wanted,
)
from policy_core.learn.concepts import BY_ID as CONCEPT_BY_ID
from policy_core.scenario import CAPABILITY_PHRASES


def _report(answers: Answers) -> policy_core.Report:
    return policy_core.evaluate(policy_core.load_scenario(scenario_for(answers)))


PAGE = "https://app.example.com/dashboard"

# For each resource type: a walk, its verdict, and the sentence that says why.
WALKS = [
    ("fetch", {"target": "https://api.example.com/v1/items", "method": "GET", "headers": "none",
               "credentials": "same-origin", "server": "plain"},
     {"send": True, "read": False}, "Why: No Access-Control-Allow-Origin header in the response"),
    ("iframe", {"target": "https://widget.example.net/embed", "framing": "xfo-sameorigin"},
     {"embed": False, "script_access": False}, "X-Frame-Options: SAMEORIGIN"),
    ("image", {"target": "https://cdn.example.net/photos/cat.png", "pixels": "yes", "crossorigin": "none",
               "server": "star"},
     {"display": True, "read_pixels": False}, "Why: Drawing it taints the canvas"),
    ("script", {"target": "https://cdn.widgets.example.net/widget.js", "crossorigin": "anonymous",
                "server": "plain"},
     {"execute": False, "read_errors": False}, "Why:"),
    ("cookie", {"target": "https://api.example.com/v1/items", "set_cookie": "sid=1", "via": "fetch",
                "credentials": "include"},
     {"stored": True, "sent": True, "script_read": False}, "What works: the browser keeps the cookie and the cookie "
                                                            "goes with the request."),
    ("dom", {"target": "https://app.example.com/other/page"}, {"access": True},
     "share one origin (https://app.example.com)"),
]


@pytest.mark.parametrize(("want", "rest", "can", "sentence"), WALKS, ids=[w[0] for w in WALKS])
def test_each_walk_reaches_its_verdict(want: str, rest: dict[str, str], can: dict[str, bool], sentence: str) -> None:
    answers: dict[str, Answer] = {"page": PAGE, "want": want}
    for question_id, value in rest.items():
        question = next_question(answers)
        assert question is not None and question.id == question_id
        answers[question_id] = value
    assert next_question(answers) is None
    report = _report(answers)
    verdict = report.verdict(want)
    assert verdict is not None and dict(verdict.can) == can
    resource, capabilities = wanted(answers)
    assert resource == want
    assert any(sentence in line for line in plain_answer(report, resource, capabilities))


def test_the_headline_follows_what_the_learner_wants() -> None:
    answers = {"page": PAGE, "want": "image", "target": "https://cdn.example.net/photos/cat.png", "pixels": "no",
               "crossorigin": "none", "server": "plain"}
    report = _report(answers)
    assert plain_answer(report, "image", wanted(answers)[1])[0].startswith("Yes")  # it only shows the image
    assert plain_answer(report, "image")[0].startswith("Partly")  # the pixels stay unreadable
    answers["pixels"] = "yes"
    assert plain_answer(report, "image", wanted(answers)[1])[0].startswith("Partly")


def test_sentences_are_built_from_the_capability_phrases() -> None:
    answers = {"page": PAGE, "want": "fetch", "target": "https://api.example.com/v1/items", "server": "plain"}
    report = _report(answers)
    lines = plain_answer(report, "fetch")
    assert f"What works: {CAPABILITY_PHRASES['fetch.send']}." in lines
    assert f"What does not: {CAPABILITY_PHRASES['fetch.read']}." in lines
    verdict = report.verdict("fetch")
    assert verdict is not None and verdict.console.chrome is not None
    assert not any(verdict.console.chrome in line for line in lines)  # the console line is shown apart


def test_a_preflighted_request_asks_about_the_preflight() -> None:
    answers: dict[str, Answer] = {"page": PAGE, "want": "fetch", "target": "https://api.example.com/v1/items",
                                  "method": "PUT", "body": "application/json", "headers": "none",
                                  "credentials": "include", "server": "page-credentials"}
    question = next_question(answers)
    assert question is not None and question.id == "preflight"
    answers["preflight"] = "allow"
    mapping = scenario_for(answers)
    assert mapping["preflight"]["status"] == 204
    assert ["Access-Control-Allow-Methods", "PUT"] in mapping["preflight"]["headers"]
    assert ["Access-Control-Allow-Headers", "content-type"] in mapping["preflight"]["headers"]
    verdict = _report(answers).verdict("fetch")
    assert verdict is not None and verdict.outcome == "allowed"
    answers["preflight"] = "404"
    verdict = _report(answers).verdict("fetch")
    assert verdict is not None and dict(verdict.can) == {"send": False, "read": False}


def test_a_simple_request_is_never_asked_about_a_preflight() -> None:
    answers = {"page": PAGE, "want": "fetch", "target": "https://api.example.com/v1/items", "method": "POST",
               "body": "text/plain", "headers": "none", "credentials": "same-origin", "server": "plain"}
    assert next_question(answers) is None
    assert "preflight" not in scenario_for({**answers, "preflight": "404"})


def test_an_answer_made_irrelevant_by_a_later_change_no_longer_counts() -> None:
    answers = {"page": PAGE, "want": "fetch", "method": "POST", "body": "application/json"}
    assert "body" in kept_answers(answers)
    answers["method"] = "GET"
    assert "body" not in kept_answers(answers)
    assert "headers" not in scenario_for(answers).get("request", {})
    answers["want"] = "dom"
    assert [q.id for q in answered_path(answers)] == ["page", "want"]
    assert "request" not in scenario_for(answers)


def test_a_pasted_server_answer_is_the_response() -> None:
    pasted = Pasted(status=403, headers=(("Access-Control-Allow-Origin", "https://app.example.com"),))
    mapping = scenario_for({"page": PAGE, "want": "fetch", "target": "https://api.example.com/x", "server": pasted})
    assert mapping["response"] == {"status": 403, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]}


def test_examples_follow_the_page_and_the_wish() -> None:
    target = next(q for q in QUESTIONS if q.id == "target")
    values = [value for value, _ in choices_for(target, {"page": "http://localhost:3000/", "want": "image"})]
    assert "https://cdn.example.net/photos/cat.png" in values and "http://localhost:3000/other/page" in values
    assert "https://bank.com/transfer" not in values
    opaque = [value for value, _ in choices_for(target, {"page": "data:text/html,hi", "want": "dom"})]
    assert opaque and not any("{origin}" in value or value.startswith("null") for value in opaque)


@pytest.mark.parametrize(("question", "typed", "field"), [
    ("page", "app.example.com", "page"),
    ("target", "https://", "target"),
    ("method", "GE T", "request.method"),
    ("headers", "no colon here", "request.headers"),
    ("set_cookie", "", "set_cookie"),
])
def test_a_bad_typed_answer_is_one_line_naming_the_field(question: str, typed: str, field: str) -> None:
    answers = {"page": PAGE, "want": "cookie" if question == "set_cookie" else "fetch"}
    problem = answer_problem(question, typed, answers)
    assert problem is not None and problem.startswith(field) and "\n" not in problem


def test_a_good_typed_answer_has_no_problem() -> None:
    assert answer_problem("page", "https://shop.example/", {}) is None
    assert answer_problem("headers", "X-Trace: 1", {"page": PAGE, "want": "fetch"}) is None


def test_every_question_concept_exists_and_every_concept_has_a_library_example() -> None:
    assert {q.concept for q in QUESTIONS if q.concept} <= set(CONCEPT_BY_ID)
    for concept in CONCEPTS:
        assert find_scenario(concept.example) is not None, concept.id
        assert concept.paragraphs and all(p.strip() for p in concept.paragraphs)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_reachable_answer_path_yields_a_scenario_the_loader_accepts(data: st.DataObject) -> None:
    answers: dict[str, Answer] = {}
    seen = []
    while (question := next_question(answers)) is not None:
        assert question.id not in seen  # the flow always moves on
        seen.append(question.id)
        choices = choices_for(question, answers)
        assert choices, question.id
        answers[question.id] = data.draw(st.sampled_from([value for value, _ in choices]), label=question.id)
    scenario = policy_core.load_scenario(scenario_for(answers))
    report = policy_core.evaluate(scenario)
    resource, capabilities = wanted(answers)
    assert scenario.resources == (resource,)
    lines = plain_answer(report, resource, capabilities)
    assert lines[0].split(":")[0] in ("Yes", "Partly", "No")
