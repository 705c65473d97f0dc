"""One module per resource type, each a pure function ``evaluate(ctx) -> Verdict``."""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context
from ..report import Verdict
from . import cookie, dom, fetch, iframe, image, script

Evaluator = Callable[[Context], Verdict]

EVALUATORS: dict[str, Evaluator] = {
    "dom": dom.evaluate,
    "fetch": fetch.evaluate,
    "cookie": cookie.evaluate,
    "iframe": iframe.evaluate,
    "image": image.evaluate,
    "script": script.evaluate,
}
