"""The one table of symbols shown next to words (CLI, exports, TUI), so nothing is told by colour alone."""

OUTCOME_SYMBOL = {"allowed": "✔", "partial": "◐", "blocked": "✘"}
STEP_MARK = {"pass": "✔", "fail": "✘", "info": "ℹ", "skip": "↷"}
YES, NO = "✔", "✘"
# "✔ allowed": the outcome as a symbol and its word.
OUTCOME_WORDS = {outcome: f"{symbol} {outcome}" for outcome, symbol in OUTCOME_SYMBOL.items()}


def yes_no(value: bool) -> str:
    return YES if value else NO


# Newlines and tabs stay (fixes span lines); every other control character becomes visible.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"} | {0x7F: 0x2421}


def literal(text: str) -> str:
    """User text made visible as typed: control characters (ESC, BEL…) become ␛, ␇… pictures."""
    return text.translate(_CONTROL_PICTURES)
