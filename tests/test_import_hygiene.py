"""The core stays pure, and the command line stays light (Harlequin-style subprocess checks)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI_PACKAGES = {"textual", "rich", "tui", "pyperclip", "themes", "origin_playground"}
IO_AND_CLOCK = {"socket", "urllib", "http", "requests", "subprocess", "time", "datetime", "random", "threading", "asyncio"}


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    return set(out.stdout.split())


def test_policy_core_imports_no_ui() -> None:
    loaded = _loaded_after("import policy_core")
    assert not loaded & UI_PACKAGES


def test_check_does_not_import_textual() -> None:
    code = (
        "from origin_playground.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', '--page', 'https://a.example', '--target', 'https://b.example', '--resource', 'dom'])\n"
    )
    loaded = _loaded_after(code)
    assert "textual" not in loaded and "tui" not in loaded
    assert "rich" in loaded  # the human output is drawn with rich


@pytest.mark.parametrize("path", sorted((ROOT / "policy_core").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_core_modules_import_no_io_clock_or_ui(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert not imported & (UI_PACKAGES | IO_AND_CLOCK)
