"""Save the scenario as TOML (written atomically): the tree lists folders, the field names the file."""

from .path_dialog import PathDialog


class SaveDialog(PathDialog):
    TITLE_TEXT = "Save the scenario as TOML"
    CONFIRM = "Save"
    FOLDERS_ONLY = True
    FOLDER_LABEL = "Saves to"
