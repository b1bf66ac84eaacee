from __future__ import annotations

from pathlib import Path

import pytest

from dalil.errors import ConfigError
from dalil.settings import SETTINGS, Settings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text("utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text or f"`{s.env}`" not in text]
    assert missing == []


@pytest.mark.parametrize(("raw", "expected"), [
    ("500", 500), ("1K", 1024), ("2M", 2 * 1024**2), ("1.5G", int(1.5 * 1024**3)), ("3MB", 3 * 1024**2),
    ("2GiB", 2 * 1024**3),
])
def test_sizes_parse(raw: str, expected: int) -> None:
    assert Settings.load(env={"DALIL_MAX_FILE_SIZE": raw}).max_file_size == expected


@pytest.mark.parametrize("raw", ["lots", "-5", "0"])
def test_bad_sizes_are_refused_with_a_clear_error(raw: str) -> None:
    with pytest.raises(ConfigError):
        Settings.load(env={"DALIL_MAX_FILE_SIZE": raw})


def test_overrides_beat_environment() -> None:
    s = Settings.load(env={"DALIL_USER": "from-env"}, user="from-flag")
    assert s.user == "from-flag"


def test_default_database_is_sqlite_in_the_workspace(tmp_path: Path) -> None:
    s = Settings.load(env={}, home=tmp_path)
    assert s.resolved_database_url() == f"sqlite:///{tmp_path.resolve()}/dalil.sqlite3"
