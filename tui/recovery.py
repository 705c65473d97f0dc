"""The recovery copy of a dirty draft: written while the user edits, offered at the next start.

It lives next to the settings file (``$XDG_CONFIG_HOME/origin-playground/recovery.toml``, see
tui/config.py), never in the repository or beside the user's scenario, and is written with the
same atomic writer, so a crash mid-write leaves the previous copy whole. Reading never raises: a
copy that cannot be used is one line saying why. No Textual import.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from . import config as user_config
from .atomic import write_text_atomically
from .session import Session
from .state import ScenarioDraft

FILE_NAME = "recovery.toml"
MAX_BYTES = 1024 * 1024


def default_recovery_path() -> Path:
    return user_config.default_config_path().with_name(FILE_NAME)


@dataclass(frozen=True)
class Recovered:
    draft: ScenarioDraft
    source_name: str
    path: Path | None  # the file the draft had been opened from, if any


def write_recovery(target: Path, draft: ScenarioDraft, source_name: str, path: Path | None) -> None:
    """Raises OSError (folder not writable) or UnicodeError (text that is not Unicode)."""
    data: dict[str, object] = {"source_name": source_name, "scenario": draft.to_mapping()}
    if path is not None:
        data["path"] = str(path)
    text = "# Unsaved work Origin Playground keeps in case it stops; it offers it at the next start.\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, text + tomli_w.dumps(data))


def read_recovery(target: Path) -> Recovered | str | None:
    """The recovered draft; a one-line problem when the copy is unusable; None when there is none."""
    try:
        if not target.is_file():
            return None
        with target.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return f"{target}: cannot be read ({error.strerror or error})"
    if len(data) > MAX_BYTES:
        return f"{target}: larger than {MAX_BYTES} bytes; ignored"
    try:
        raw = tomllib.loads(data.decode("utf-8"))
        scenario = raw.get("scenario")
        if not isinstance(scenario, dict):
            raise ValueError("scenario: expected a table")
        draft = ScenarioDraft.from_mapping(scenario)
        name = raw.get("source_name", "recovered draft")
        path = raw.get("path")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
        return f"{target}: not a recovery copy ({error}); ignored"
    return Recovered(
        draft,
        name if isinstance(name, str) else "recovered draft",
        Path(path) if isinstance(path, str) else None,
    )


def discard_recovery(target: Path) -> None:
    try:
        target.unlink(missing_ok=True)
    except OSError:
        pass  # a copy we cannot delete is offered again next time: never worse than losing work


class RecoveryCopy:
    """When the copy is written, kept and deleted; the App calls it (and owns the timer).

    While an old copy waits for Restore or Discard it is neither replaced nor deleted: closed
    unanswered (a scenario loaded from the palette over the dialog), it is offered again next time.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: no copy is kept (tests, embedding)
        self.pending = False
        self.dropped = False  # the user chose "Quit without saving"

    @property
    def active(self) -> bool:
        return self.path is not None and not self.pending

    def offer(self) -> Recovered | str | None:
        found = read_recovery(self.path) if self.path is not None else None
        self.pending = isinstance(found, Recovered)
        return found

    def answered(self, restore: bool) -> None:
        self.pending = False
        if not restore:
            self.discard()

    def keep(self, session: Session) -> None:
        """Write the copy of a dirty draft; best effort (the draft is still in the app, and a save
        says clearly what is wrong with the folder or the text)."""
        if self.path is None or not self.active or self.dropped or not session.dirty:
            return
        try:
            write_recovery(self.path, session.draft, session.source_name, session.path)
        except (OSError, UnicodeError):
            pass

    def discard(self) -> None:
        if self.path is not None and not self.pending:
            discard_recovery(self.path)

    def drop(self) -> None:
        self.discard()
        self.dropped = True
