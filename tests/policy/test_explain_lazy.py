"""The explain tables (~480 regexes compiled from the catalogue) are built on first use, not at
import: a process that imports the engine's explain package but never explains a message (the
workbench until F9, ``check``) does not pay for them (issue 14, start-up and memory)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import policy_core.explain as explain
from policy_core.explain import examples, tables

ROOT = Path(__file__).resolve().parents[2]


def test_importing_explain_compiles_no_table() -> None:
    code = """
import policy_core.explain as explain
from policy_core.explain import tables
print(tables.tables.cache_info().currsize)
explain.recognise("Access to fetch at 'https://a.com/' from origin 'https://b.com' has been blocked")
print(tables.tables.cache_info().currsize)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "1"]


def test_known_messages_reads_as_before() -> None:
    assert explain.KNOWN_MESSAGES is examples.known_messages() is examples.KNOWN_MESSAGES
    assert len(explain.KNOWN_MESSAGES) > 100
    assert tables.tables() is tables.tables()  # built once


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="KNOWN_MESSAGE"):
        getattr(explain, "KNOWN_MESSAGE")  # noqa: B009  (the module-level __getattr__ path)
