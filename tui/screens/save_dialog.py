"""Save the scenario as TOML (written atomically)."""

from .path_dialog import PathDialog


class SaveDialog(PathDialog):
    TITLE_TEXT = "Save the scenario as TOML"
    CONFIRM = "Save"
