"""Process start-up without needless garbage collection.

Start-up builds objects that live until exit: the imported modules and, above all, the Public
Suffix List tries (tens of thousands of nodes). CPython's cyclic collector runs again and
again while they are allocated, and once more over all of them at exit; for a `check` run that
costs more than the whole evaluation. So collection is off while starting, and what start-up
built is then frozen (``gc.freeze``: moved out of every future collection, exit included).
Reference counting still frees everything short-lived as usual.
"""

from __future__ import annotations

import gc

_started = False


def begin() -> None:
    """Call first, from an entry point: no cyclic collection while start-up objects are built."""
    global _started
    _started = True
    gc.disable()


def settle(*, collect: bool = False) -> None:
    """Call once start-up is done: freeze what it built, then collect normally from here on.

    ``collect``: first drop the garbage cycles start-up left (the TUI: building its widgets leaves
    a few MiB of them; frozen, they would stay for good, freed, their memory is reused by what comes
    next instead of raising the peak). A CLI run about to exit skips that: it is the very full
    collection the freeze saves.

    Does nothing in a process that did not ``begin()`` (tests, a host application): freezing
    there would keep their garbage cycles alive for good.
    """
    global _started
    if _started:
        _started = False
        if collect:
            gc.collect()
        gc.freeze()
        gc.enable()
