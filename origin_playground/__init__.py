"""Origin Playground: the command line, the scenario library and exports.

Importing this package (and running ``check``) never imports Textual: only the TUI entry does.
"""

__version__ = "0.1.0"
