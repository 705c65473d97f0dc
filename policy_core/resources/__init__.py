"""One module per resource type, each a pure function ``evaluate(ctx) -> Verdict``."""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context
from ..report import Verdict
from . import dom

Evaluator = Callable[[Context], Verdict]

EVALUATORS: dict[str, Evaluator] = {
    "dom": dom.evaluate,
}
