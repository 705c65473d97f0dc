"""Saving (tui/atomic.py, issue 13 item 10): through symlinks, keeping modes, cleaning our leftovers."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tui.atomic import STALE_AFTER_SECONDS, write_text_atomically
from tui.config import Config, load_config, save_config


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_saving_to_a_symlink_writes_through_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(real.name)
    write_text_atomically(link, "new")
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.toml", "real.toml"]


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("old")
    path.chmod(0o640)
    write_text_atomically(path, "new")
    assert _mode(path) == 0o640 and path.read_text() == "new"


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o644)])
def test_a_new_file_is_0644_under_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_text_atomically(tmp_path / "s.toml", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "s.toml") == mode


def test_stale_temp_files_of_ours_are_cleaned_on_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    stale = tmp_path / ".s.toml.abc123.tmp"  # what kill -9 during a save leaves behind
    fresh = tmp_path / ".s.toml.def456.tmp"  # maybe another save, still running: left alone
    other = tmp_path / ".other.toml.xyz.tmp"  # another file's: not ours to judge
    for path in (stale, fresh, other):
        path.write_text("partial")
    old = time.time() - STALE_AFTER_SECONDS - 10
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_text_atomically(target, "done")
    assert target.read_text() == "done"
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_failed_save_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.toml"
    path.write_text("old")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_text_atomically(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]


def test_config_in_a_fifo_or_device_is_ignored_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    loaded = load_config(fifo)  # would block forever with a plain read
    assert loaded.config == Config() and loaded.problem is not None and "FIFO" in loaded.problem
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    loaded = load_config(link)
    assert loaded.config == Config() and loaded.problem is not None and "character device" in loaded.problem


def test_config_with_a_quadratic_key_is_ignored_quickly(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(".".join(["a"] * 30_000) + " = 1\n")
    started = time.perf_counter()
    loaded = load_config(path)
    assert time.perf_counter() - started < 1.0
    assert loaded.problem is not None and "dotted key" in loaded.problem


def test_config_save_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "config.toml"
    real.parent.mkdir()
    real.write_text("")
    real.chmod(0o600)
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_config(link, Config(theme="dark"))
    assert link.is_symlink() and 'theme = "dark"' in real.read_text() and _mode(real) == 0o600
    assert load_config(link).config == Config(theme="dark")
