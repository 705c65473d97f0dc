"""``origin-playground`` and ``python -m origin_playground``."""

from __future__ import annotations

import sys

from .cli import main as _cli_main


def main(argv: list[str] | None = None) -> int:
    return _cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
