"""The traffic commands, reachable through the real command line.

cli.py registers subcommands by name; until the lead registers these three, the fixture adds
them for the test (a no-op once they are registered).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from origin_playground import cli

COMMANDS = {"har": "har", "probe": "probe", "import-curl": "import_curl"}


@pytest.fixture
def run_cli(monkeypatch, capsys) -> Callable[..., tuple[int, str, str]]:
    for name, module in COMMANDS.items():
        monkeypatch.setitem(cli.SUBCOMMANDS, name, module)

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            status = cli.main(list(argv))
        except SystemExit as exit_:
            status = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return status, out, err

    return run
