"""Symbols shown next to words, so nothing is told by colour alone."""

OUTCOME_SYMBOL = {"allowed": "✔", "partial": "◐", "blocked": "✘"}
STEP_MARK = {"pass": "✔", "fail": "✘", "info": "ℹ", "skip": "↷"}
YES, NO = "✔", "✘"


def yes_no(value: bool) -> str:
    return YES if value else NO
