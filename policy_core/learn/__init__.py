"""The guided flow (issue 15): plain questions in, the scenario the workbench edits out, and the
verdict told back in plain sentences. Pure: no UI, no I/O."""

from .answer import origin_sentence, plain_answer
from .concepts import CONCEPTS, Concept
from .flow import (
    answer_problem,
    answered_path,
    kept_answers,
    next_question,
    question_after,
    scenario_for,
    wanted,
)
from .questions import FREE_TEXT_PROMPTS, QUESTIONS, Answer, Answers, Choice, Pasted, Question, choices_for

__all__ = [
    "CONCEPTS",
    "FREE_TEXT_PROMPTS",
    "QUESTIONS",
    "Answer",
    "Answers",
    "Choice",
    "Concept",
    "Pasted",
    "Question",
    "answer_problem",
    "answered_path",
    "choices_for",
    "kept_answers",
    "next_question",
    "origin_sentence",
    "plain_answer",
    "question_after",
    "scenario_for",
    "wanted",
]
