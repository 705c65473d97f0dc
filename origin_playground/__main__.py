"""``origin-playground`` and ``python -m origin_playground``."""

from __future__ import annotations

import sys

from . import startup

startup.begin()

from .cli import main as _cli_main  # noqa: E402  (imported with collection off: see startup.py)


def main(argv: list[str] | None = None) -> int:
    try:
        return _cli_main(sys.argv[1:] if argv is None else argv)
    finally:
        startup.settle()  # the exit then skips a full collection of everything start-up built


if __name__ == "__main__":
    sys.exit(main())
