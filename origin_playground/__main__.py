"""``origin-playground`` and ``python -m origin_playground``."""

from __future__ import annotations

import os
import sys

from . import startup

startup.begin()

from .cli import main as _cli_main  # noqa: E402  (imported with collection off: see startup.py)


def main(argv: list[str] | None = None) -> int:
    try:
        return _cli_main(sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:
        # The reader went away (``check --json | head``): stop quietly, as cat does, and keep the
        # interpreter's final flush from raising again on the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, the status a shell reports for a killed writer
    except KeyboardInterrupt:
        print("origin-playground: interrupted", file=sys.stderr)
        return 130
    finally:
        startup.settle()  # the exit then skips a full collection of everything start-up built


if __name__ == "__main__":
    sys.exit(main())
