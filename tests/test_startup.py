"""Start-up garbage-collection handling (origin_playground/startup.py)."""

from __future__ import annotations

import gc

from origin_playground import startup


def test_settle_without_begin_changes_nothing() -> None:
    frozen = gc.get_freeze_count()
    startup.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_begin_then_settle_turns_collection_back_on() -> None:
    try:
        startup.begin()
        assert not gc.isenabled()
        startup.settle()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        startup.settle()  # a second call is harmless
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
