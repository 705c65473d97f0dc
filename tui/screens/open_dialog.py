"""Open a scenario file (.toml or .json)."""

from .path_dialog import PathDialog


class OpenDialog(PathDialog):
    TITLE_TEXT = "Open a scenario file (.toml or .json)"
    CONFIRM = "Open"
