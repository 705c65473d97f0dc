"""Open a talk deck (.toml) to present."""

from .path_dialog import PathDialog


class DeckDialog(PathDialog):
    TITLE_TEXT = "Open a talk deck (.toml)"
    CONFIRM = "Present"
    PLACEHOLDER = "path/to/deck.toml"
