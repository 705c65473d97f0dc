"""Atomic text writes: a temp file beside the target, flushed to disk, then os.replace over it.

A crash or a full disk never leaves a half-written scenario or settings file behind. Saving to a
symlink writes through to the file it points at (the link stays a link); an existing file keeps
its mode, a new one gets 0644 less the umask (mkstemp's 0600 would hide it from everyone else).
A save killed before its replace leaves ``.NAME.XXXX.tmp`` behind: the next save of NAME removes
such leftovers of ours (our prefix and suffix, older than a minute, regular files we own).
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

NEW_FILE_MODE = 0o644
STALE_AFTER_SECONDS = 60  # a temp file this old belongs to no save still running


def write_text_atomically(target: Path, text: str) -> None:
    """Raises OSError when the folder cannot be written; the old file is then untouched."""
    final = Path(os.path.realpath(target))  # through symlinks: replace the file, keep the link
    folder = final.parent
    _remove_stale_temp_files(folder, final.name)
    mode = _mode_for(final)
    fd, temp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, final)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _mode_for(final: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(final).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return NEW_FILE_MODE & ~umask


def _remove_stale_temp_files(folder: Path, name: str) -> None:
    """Leftovers of killed saves of ``name``: best effort, never a reason for the save to fail."""
    now = time.time()
    try:
        candidates = list(folder.glob(f".{_glob_escape(name)}.*.tmp"))
    except OSError:
        return
    for path in candidates:
        try:
            info = os.lstat(path)
            if (
                stat.S_ISREG(info.st_mode)
                and info.st_uid == os.getuid()
                and now - info.st_mtime > STALE_AFTER_SECONDS
            ):
                path.unlink()
        except OSError:
            continue


def _glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)
