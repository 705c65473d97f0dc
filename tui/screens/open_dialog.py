"""Open a scenario file (.toml or .json), or a HAR (its requests open in a list of their own)."""

from .path_dialog import PathDialog


class OpenDialog(PathDialog):
    TITLE_TEXT = "Open a scenario (.toml, .json) or a HAR file (.har)"
    CONFIRM = "Open"
    SUFFIXES = (".toml", ".json", ".har")
