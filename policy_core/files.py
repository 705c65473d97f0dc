"""Bounded, safe reading of a user's file: the one way the project reads a file it was pointed at.

Scenario files, talk decks and the theme config are all read here. A path can name anything: a
FIFO (reading blocks forever), a device (``/dev/zero`` never ends), a symlink loop, a directory, a
file growing while it is read. So: the extension is checked before anything is opened, the file is
opened once (non-blocking, so a FIFO cannot hang the open), ``fstat`` on that same descriptor must
say "regular file", and at most ``max_bytes + 1`` bytes are read, whatever the size claimed.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import ScenarioError

MIB = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a {what}"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file; give a {what}"),
    (stat.S_ISCHR, "is a character device, not a regular file; give a {what}"),
    (stat.S_ISBLK, "is a block device, not a regular file; give a {what}"),
    (stat.S_ISSOCK, "is a socket, not a regular file; give a {what}"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def size_problem(max_bytes: int, what: str) -> str:
    limit = f"{max_bytes // MIB} MiB" if max_bytes % MIB == 0 else f"{max_bytes // 1024} KiB"
    return f"is over {limit}; {what}s are at most {limit}"


def check_suffix(path: Path, suffixes: tuple[str, ...], what: str) -> str:
    """The lower-case suffix when it is one of ``suffixes`` (checked before the file is opened)."""
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        listed = " or ".join(suffixes)
        raise ScenarioError(str(path), f"expected a {listed} {what}, got {suffix or 'no extension'!r}")
    return suffix


def read_regular_file(path: Path, *, max_bytes: int, what: str = "scenario file") -> bytes:
    """The bytes of the regular file at ``path``; ScenarioError naming the path for anything else."""
    label = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise ScenarioError(label, "no such file") from None
    except OSError as exc:
        raise ScenarioError(label, _os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        for test, problem in _KINDS:
            if test(info.st_mode):
                raise ScenarioError(label, problem.format(what=what))
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError(label, f"is not a regular file; give a {what}")
        if info.st_size > max_bytes:
            raise ScenarioError(label, size_problem(max_bytes, what))
        chunks: list[bytes] = []
        left = max_bytes + 1  # one byte more than allowed tells "too big" from "exactly the limit"
        while left > 0:
            chunk = os.read(fd, min(left, 64 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise ScenarioError(label, _os_problem(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise ScenarioError(label, size_problem(max_bytes, what))
    return data


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot be read: a loop of symbolic links"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    reason = (exc.strerror or str(exc)).lower()
    return f"cannot be read: {reason}"
