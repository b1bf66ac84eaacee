"""Shared fixtures. Every test that takes ``workspace`` runs once on SQLite and once on PostgreSQL.

PostgreSQL is reached over a real TCP connection (DALIL_TEST_POSTGRES_URL, default the server that
scripts/postgres.sh starts). Each test gets its own schema, dropped afterwards. When the server
cannot be reached the PostgreSQL tests fail; they are never skipped. Run
`pytest -m "not postgres"` to leave them out deliberately.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from dalil.cli import app
from dalil.settings import Settings
from dalil.workspace import Workspace

PG_URL = "postgresql+psycopg://dalil:dalil@127.0.0.1:5432/dalil_test"


def postgres_base_url() -> str:
    import os

    return os.environ.get("DALIL_TEST_POSTGRES_URL", PG_URL)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | None]:
    if request.param == "sqlite":
        yield None  # the workspace default: a SQLite file inside the workspace
        return
    base = postgres_base_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {base} (run scripts/postgres.sh): {exc}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def make_settings(tmp_path: Path, db_url: str | None, **kw: object) -> Settings:
    values: dict[str, object] = {
        "home": tmp_path / "ws", "database_url": db_url,
        "key_file": tmp_path / "keys" / "dalil-key.json", "user": "tester", "fsync": False,
    }
    values.update(kw)
    return Settings.load(env={}, **values)


@pytest.fixture
def settings(tmp_path: Path, db_url: str | None) -> Settings:
    return make_settings(tmp_path, db_url)


@pytest.fixture
def workspace(settings: Settings) -> Iterator[Workspace]:
    ws = Workspace.open(settings, initialise=True)
    yield ws
    ws.close()


@pytest.fixture
def keyed_workspace(workspace: Workspace) -> Workspace:
    from dalil.protect.testimony import init_keys

    init_keys(workspace)
    return workspace


@pytest.fixture
def cli(tmp_path: Path, db_url: str | None, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """The `dalil` command in an initialised workspace, as a user's shell would see it."""
    monkeypatch.setenv("DALIL_HOME", str(tmp_path / "ws"))
    monkeypatch.setenv("DALIL_USER", "tester")
    monkeypatch.setenv("DALIL_KEY_FILE", str(tmp_path / "key.json"))
    monkeypatch.setenv("DALIL_FSYNC", "0")
    if db_url:
        monkeypatch.setenv("DALIL_DATABASE_URL", db_url)
    else:
        monkeypatch.delenv("DALIL_DATABASE_URL", raising=False)
    runner = CliRunner()
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    return runner


@pytest.fixture
def keyed_cli(cli: CliRunner) -> CliRunner:
    """`cli` with a testimony key created."""
    result = cli.invoke(app, ["keys", "init"])
    assert result.exit_code == 0, result.output
    return cli
