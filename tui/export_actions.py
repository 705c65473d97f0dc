"""The App's ways out: copy, the export preview, and screenshots (a mixin of OriginPlaygroundApp).

Kept apart from tui/app.py by kind: these hand the scenario to the outside (the clipboard, a file);
the App wires them to keys and messages. The exporters are imported where they are first used.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import policy_core

from .atomic import write_text_atomically
from .clipboard import copied_message, copy_text
from .commands import EXPORT_COMMANDS

if TYPE_CHECKING:
    from .screens.export_preview import ExportPreview


class ExportActions:
    """Needs the App's ``system_copy``, ``current_draft`` and ``_open`` (OriginPlaygroundApp)."""

    system_copy: Any

    def copy(self, text: str, what: str = "text") -> None:
        system_copy = self.system_copy if callable(self.system_copy) else None
        where = copy_text(self, text, system_copy)
        severity = "warning" if where == "terminal" else "information"
        self.notify(copied_message(where), title=f"Copied the {what}", severity=severity, markup=False)

    # --- export ---------------------------------------------------------------------------------------

    def action_export_menu(self, fmt: str = "markdown") -> None:
        """The export preview: every format of origin_playground.exports, with Copy and Save."""
        from .screens.export_preview import ExportPreview

        self._open(ExportPreview, partial(ExportPreview, self.export_text, fmt))

    def export_text(self, fmt: str) -> str:
        """The current scenario or its report in ``fmt``; ScenarioError when the draft is invalid."""
        from origin_playground.exports import export

        scenario = policy_core.load_scenario(self.current_draft().evaluation_mapping())
        return export(fmt, scenario, policy_core.evaluate(scenario))

    def copy_export(self, fmt: str) -> bool:
        """Copy the current scenario or its report in ``fmt`` (origin_playground.exports)."""
        try:
            text = self.export_text(fmt)
        except policy_core.ScenarioError as error:
            self.notify(str(error), title=f"Cannot export {fmt}", severity="error", markup=False)
            return False
        self.copy(text, next((t for t, _h, f in EXPORT_COMMANDS if f == fmt), fmt).removeprefix("Copy "))
        return True

    def save_export(self, message: ExportPreview.SaveRequested) -> None:
        """The preview's Save: where to, then the file (the dialog stays open while a path is bad)."""
        from .screens.export_preview import ExportSaveDialog, format_name, suggested_file

        def write(path: Path) -> str | None:
            try:
                write_text_atomically(path, message.text)
            except OSError as error:
                return f"{path}: {error.strerror or error}"
            self.notify(f"Saved the {format_name(message.fmt)} export to {path}", markup=False)
            return None

        self._open(ExportSaveDialog, partial(ExportSaveDialog, suggested_file(message.fmt), write))

    # --- screenshots: Textual's own, saved in a folder that exists, and said where -------------------

    screenshot_folder: Path | None = None  # None: the Downloads folder (platformdirs)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)  # the browser downloads it
        from datetime import datetime

        from platformdirs import user_downloads_path

        wanted = Path(path).expanduser() if path else (self.screenshot_folder or user_downloads_path())
        folder, how = wanted, ""
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True)
                how = f" (made the folder {folder})"
            except OSError as error:
                folder = Path.cwd()
                how = f" (the current folder: {wanted} could not be made: {error.strerror or error})"
        name = filename or f"origin-playground-{datetime.now().strftime(time_format or '%Y-%m-%dT%H_%M_%S')}.svg"
        target = folder / name
        try:
            write_text_atomically(target, self.export_screenshot())
        except OSError as error:
            self.notify(f"{target}: {error.strerror or error}", title="Screenshot not saved", severity="error",
                        markup=False)
            return None
        self.notify(f"Saved the screenshot to {target}{how}", title="Screenshot", markup=False)
        return str(target)
