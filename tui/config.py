"""The user's small config file: the chosen theme, remembered between runs.

``$XDG_CONFIG_HOME/origin-playground/config.toml`` (``~/.config/origin-playground/config.toml``
without XDG_CONFIG_HOME). Written atomically (a temp file in the same folder, then os.replace),
so a crash never leaves half a file. A broken file is reported by the caller and ignored: reading
never raises. No Textual import.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from policy_core import ScenarioError
from policy_core.files import read_regular_file
from policy_core.loader import toml_shape_problem

from .atomic import write_text_atomically

APP_DIR = "origin-playground"
FILE_NAME = "config.toml"
MAX_BYTES = 64 * 1024  # a config this small never needs more; a bigger file is not ours


def default_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = (
        Path(base) if os.path.isabs(base) else Path.home() / ".config"
    )  # the XDG spec ignores relative paths
    return root / APP_DIR / FILE_NAME


@dataclass(frozen=True)
class Config:
    theme: str | None = None


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    problem: str | None  # one line saying why the file was ignored, or None
    missing: bool = False  # no config file existed yet: a first start (the guided tour is offered)


def load_config(path: Path) -> LoadedConfig:
    """Read the config; a missing file is the defaults, a broken one is the defaults plus a problem.

    Read with the project's one safe reader: a FIFO or device at this path cannot hang start-up.
    """
    try:
        data = read_regular_file(path, max_bytes=MAX_BYTES, what="config file")
    except ScenarioError as error:
        if error.problem == "no such file":
            return LoadedConfig(Config(), None, missing=True)
        return LoadedConfig(Config(), f"{error}; ignored")
    try:
        text = data.decode("utf-8")
        shape = toml_shape_problem(text)  # the scenario loader's bounds: no quadratic parse at start-up
        if shape is not None:
            return LoadedConfig(Config(), f"{path}: {shape[1]}; ignored")
        raw = tomllib.loads(text)
    except UnicodeDecodeError:
        return LoadedConfig(Config(), f"{path}: is not UTF-8 text; ignored")
    except tomllib.TOMLDecodeError as error:
        return LoadedConfig(Config(), f"{path}: is not valid TOML ({error}); ignored")
    theme = raw.get("theme")
    if theme is not None and (not isinstance(theme, str) or not theme or not theme.isprintable()):
        return LoadedConfig(Config(), f"{path}: theme: expected a theme name string; ignored")
    return LoadedConfig(Config(theme=theme), None)


def save_config(path: Path, config: Config) -> None:
    """Write atomically; raises OSError when the folder cannot be written (the caller reports it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data: dict[str, str] = {}
    if config.theme:
        data["theme"] = config.theme
    text = "# Origin Playground settings (written by the app)\n" + tomli_w.dumps(data)
    write_text_atomically(path, text)
