"""Every setting Dalil reads, in one declarative table.

A setting comes from (highest first): an explicit value passed by the caller (CLI flag), the
environment variable, then the default. ``docs/settings.md`` documents each one and a test fails
when a setting here is missing there.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dalil.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Callable[[], Any]
    parse: Callable[[str], Any]
    help: str


def _parse_size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
    t = text.strip().lower().removesuffix("b").removesuffix("i")
    try:
        if t and t[-1] in units:
            return int(float(t[:-1]) * units[t[-1]])
        return int(t)
    except ValueError as exc:
        raise ConfigError(f"not a size: {text!r} (use e.g. 500M or 2G)") from exc


def _parse_bool(text: str) -> bool:
    t = text.strip().lower()
    if t in {"1", "true", "yes", "on"}:
        return True
    if t in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"not a yes/no value: {text!r}")


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises OSError/KeyError in containers without a passwd entry
        return "unknown"


SETTINGS: tuple[Setting, ...] = (
    Setting("home", "DALIL_HOME", lambda: Path("dalil-data"), Path,
            "Workspace folder holding the vault (and the SQLite database by default)."),
    Setting("database_url", "DALIL_DATABASE_URL", lambda: None, str,
            "SQLAlchemy URL of the database. Default: SQLite file `dalil.sqlite3` in the workspace. "
            "For a server: `postgresql+psycopg://user:pass@host:5432/dbname`."),
    Setting("key_file", "DALIL_KEY_FILE", lambda: None, Path,
            "Key file for witness-identity encryption. Default: "
            "`~/.config/dalil/keys/<workspace id>.json`, outside the workspace on purpose."),
    Setting("key_passphrase", "DALIL_KEY_PASSPHRASE", lambda: None, str,
            "Passphrase of a protected key file (`dalil keys init --passphrase`). Without it the "
            "CLI asks for it when the key is needed."),
    Setting("max_file_size", "DALIL_MAX_FILE_SIZE", lambda: 2 * 1024**3, _parse_size,
            "Largest file accepted by ingest (bytes, or with K/M/G suffix). Larger files are refused."),
    Setting("user", "DALIL_USER", _default_user, str,
            "Name of the person acting; recorded in the custody log as the actor."),
    Setting("ingest_workers", "DALIL_INGEST_WORKERS", lambda: 2, int,
            "Threads that hash and copy files in parallel during ingest."),
    Setting("fsync", "DALIL_FSYNC", lambda: True, _parse_bool,
            "fsync every blob and folder before the database commit (turn off only for throwaway tests)."),
    Setting("gazetteer_dir", "DALIL_GAZETTEER_DIR",
            lambda: Path.home() / ".local" / "share" / "dalil" / "gazetteers", Path,
            "Folder of extra gazetteers (`dalil gazetteer import`); loaded with the shipped one."),
    Setting("extract_model", "DALIL_EXTRACT_MODEL", lambda: None, str,
            "Name or path of an installed spaCy pipeline whose entities add place candidates to "
            "extraction. Off by default; nothing is ever downloaded."),
    Setting("extract_proposer", "DALIL_EXTRACT_PROPOSER", lambda: False, _parse_bool,
            "Let the shipped CRF span proposer (extract/data/proposer.crfsuite) add perpetrators and "
            "quoted sources the rules did not propose. Off by default; recorded in the extractor "
            "version."),
    # Incidents (issue 4): how events are grouped and when sources count as one origin.
    Setting("incident_link_threshold", "DALIL_INCIDENT_LINK_THRESHOLD", lambda: 0.6, float,
            "Smallest link score (0-1) at which two events are put in the same incident."),
    Setting("incident_max_distance_km", "DALIL_INCIDENT_MAX_DISTANCE_KM", lambda: 15.0, float,
            "Events further apart than this (km) are never in one incident unless one place contains "
            "the other."),
    Setting("incident_adjacent_days", "DALIL_INCIDENT_ADJACENT_DAYS", lambda: 1, int,
            "Date ranges this many days apart still count as adjacent."),
    Setting("near_duplicate_threshold", "DALIL_NEAR_DUPLICATE_THRESHOLD", lambda: 0.6, float,
            "Estimated Jaccard similarity of word shingles (MinHash) at which two texts are one story."),
    Setting("phash_max_distance", "DALIL_PHASH_MAX_DISTANCE", lambda: 8, int,
            "Largest Hamming distance between perceptual hashes of two photos judged the same picture."),
    Setting("figure_contradiction_ratio", "DALIL_FIGURE_CONTRADICTION_RATIO", lambda: 2.0, float,
            "Two origins' casualty figures contradict when the larger is at least this many times the "
            "smaller."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str | None
    key_file: Path | None
    key_passphrase: str | None = field(repr=False)
    max_file_size: int = 2 * 1024**3
    user: str = "unknown"
    ingest_workers: int = 2
    fsync: bool = True
    gazetteer_dir: Path | None = None
    extract_model: str | None = None
    extract_proposer: bool = False
    incident_link_threshold: float = 0.6
    incident_max_distance_km: float = 15.0
    incident_adjacent_days: int = 1
    near_duplicate_threshold: float = 0.6
    phash_max_distance: int = 8
    figure_contradiction_ratio: float = 2.0
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for s in SETTINGS:
            if overrides.get(s.name) is not None:
                values[s.name] = overrides[s.name]
            elif env.get(s.env):
                values[s.name] = s.parse(env[s.env])
            else:
                values[s.name] = s.default()
        unknown = set(overrides) - set(_BY_NAME)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        if values["max_file_size"] <= 0:
            raise ConfigError("max_file_size must be positive")
        return cls(**values)

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(Path(self.home).resolve() / 'dalil.sqlite3').as_posix()}"
