"""Theme persistence: the config file lives under XDG_CONFIG_HOME (pointed at tmp_path here),
is written atomically, and a broken one is reported and ignored, never fatal."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.tui.conftest import RecordingClipboard
from tui import config as user_config
from tui.app import OriginPlaygroundApp


@pytest.fixture
def config_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("ORIGIN_PLAYGROUND_THEME", raising=False)
    path = user_config.default_config_path()
    assert path == tmp_path / "origin-playground" / "config.toml"
    return path


def make_app(path: Path, theme: str | None = None) -> OriginPlaygroundApp:
    return OriginPlaygroundApp(system_copy=RecordingClipboard(), config_path=path, theme=theme)


def test_default_path_without_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert user_config.default_config_path() == tmp_path / ".config" / "origin-playground" / "config.toml"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")  # the XDG spec says: ignore relative paths
    assert user_config.default_config_path() == tmp_path / ".config" / "origin-playground" / "config.toml"


def test_save_is_atomic_and_round_trips(config_path: Path) -> None:
    user_config.save_config(config_path, user_config.Config(theme="origin-light"))
    assert user_config.load_config(config_path) == user_config.LoadedConfig(
        user_config.Config("origin-light"), None
    )
    assert [p.name for p in config_path.parent.iterdir()] == ["config.toml"]  # no temp file left behind


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"theme = ", "is not valid TOML"),
        (b"\xff\xfe", "is not UTF-8"),
        (b"theme = 3", "theme: expected a theme name string"),
    ],
)
def test_broken_config_is_a_problem_not_an_exception(config_path: Path, content: bytes, problem: str) -> None:
    config_path.parent.mkdir(parents=True)
    config_path.write_bytes(content)
    loaded = user_config.load_config(config_path)
    assert loaded.config == user_config.Config()
    assert loaded.problem is not None and problem in loaded.problem and "ignored" in loaded.problem


def test_switching_theme_persists_and_next_start_uses_it(config_path: Path) -> None:
    async def first() -> None:
        app = make_app(config_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == "origin-dark"
            assert not config_path.exists()  # nothing chosen yet, nothing written
            app.theme = "origin-high-contrast"  # what the palette's theme switcher does
            await pilot.pause()
        assert 'theme = "origin-high-contrast"' in config_path.read_text()

    async def second() -> None:
        app = make_app(config_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == "origin-high-contrast"

    asyncio.run(first())
    asyncio.run(second())


def test_theme_flag_is_remembered(config_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(config_path, theme="origin-colour-blind-safe")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
        assert user_config.load_config(config_path).config.theme == "origin-colour-blind-safe"

    asyncio.run(scenario())


def test_broken_config_notifies_and_the_app_runs(config_path: Path) -> None:
    config_path.parent.mkdir(parents=True)
    config_path.write_text("theme = [")

    async def scenario() -> None:
        app = make_app(config_path)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            assert app.theme == "origin-dark"
            assert any("is not valid TOML" in n.message for n in app._notifications)

    asyncio.run(scenario())


def test_unwritable_config_dir_is_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    path = blocker / "origin-playground" / "config.toml"  # a file where a folder should be

    async def scenario() -> None:
        app = make_app(path)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            app.theme = "origin-light"
            await pilot.pause()
            assert any("theme not saved" in n.message for n in app._notifications)

    asyncio.run(scenario())
