"""The TUI's start-up settle (origin_playground/startup.py): start-up's garbage cycles are freed
before the freeze, not frozen for good (issue 14: peak memory)."""

from __future__ import annotations

import gc
import weakref

from origin_playground import startup


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_settle_with_collect_frees_start_ups_garbage_before_freezing() -> None:
    try:
        startup.begin()
        garbage = Cycle()
        ref = weakref.ref(garbage)
        del garbage
        assert ref() is not None  # collection is off: the cycle is still there
        startup.settle(collect=True)
        assert ref() is None
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_settle_without_collect_freezes_the_garbage_too() -> None:
    """The CLI's settle (no collection: the process exits next), for contrast."""
    try:
        startup.begin()
        garbage = Cycle()
        ref = weakref.ref(garbage)
        del garbage
        startup.settle()
        assert ref() is not None
    finally:
        gc.unfreeze()
        gc.collect()
        gc.enable()
