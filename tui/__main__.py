"""``python -m tui [FILE]``: open the workbench (``textual serve "python -m tui"`` uses this too)."""

import sys

from .app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
