"""``python -m tui [FILE]``: open the workbench (``textual serve "python -m tui"`` uses this too)."""

import sys

from origin_playground import startup

startup.begin()

from .app import run  # noqa: E402  (imported with collection off: see origin_playground/startup.py)

if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
