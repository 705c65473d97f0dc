"""A folder tree for the file dialogs: Textual's DirectoryTree, filtered to what the dialog takes.

``suffixes`` keeps the folders and the files ending in one of them (``.toml``/``.json`` for open,
``.har`` for a HAR); ``None`` keeps every file; ``folders_only`` keeps only folders (save). Hidden
entries are left out. Backspace goes up a folder: the tree's root is never a dead end.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.binding import Binding
from textual.widgets import DirectoryTree


class FileBrowser(DirectoryTree):
    BINDINGS = [Binding("backspace", "parent", "Up a folder", id="browser-parent")]

    def __init__(
        self,
        path: Path,
        *,
        suffixes: tuple[str, ...] | None = None,
        folders_only: bool = False,
        id: str | None = None,
    ) -> None:
        self.suffixes = tuple(s.lower() for s in suffixes) if suffixes is not None else None
        self.folders_only = folders_only
        super().__init__(path, id=id)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and self._shown(path)]

    def _shown(self, path: Path) -> bool:
        try:
            if path.is_dir():
                return True
        except OSError:
            return False
        if self.folders_only:
            return False
        return self.suffixes is None or path.suffix.lower() in self.suffixes

    def show_folder(self, folder: Path) -> None:
        """Root the tree at ``folder`` (when it is another existing folder)."""
        if folder != Path(self.path) and folder.is_dir():
            self.path = folder

    def action_parent(self) -> None:
        self.show_folder(Path(self.path).resolve().parent)
