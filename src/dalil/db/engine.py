"""Engine creation and the per-dialect details (SQLite pragmas, URL normalisation, migrations)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from dalil.errors import WorkspaceError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """Accept the plain ``postgresql://`` form and pick the psycopg 3 driver for it."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, say when transactions begin (see _sqlite_begin);
    # the module's own implicit BEGIN also breaks SAVEPOINT, which ingest uses per file.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL + synchronous=FULL: a committed ingest survives power loss; readers never block the writer.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    # 64 MB page cache: full-text index merges re-read their segments; the default 2 MB
    # cache made indexing a 20 MB batch of reports several times slower.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    """Writers take SQLite's write lock when their transaction begins, not at their first write.

    Appending to the custody log reads the head, then writes the next entry: with a deferred
    BEGIN two writers could both read the same head. BEGIN IMMEDIATE makes the second wait
    (busy_timeout) until the first commits, which is what SELECT ... FOR UPDATE does on
    PostgreSQL. Read-only sessions (Database.read_session) keep a deferred BEGIN.
    """
    if conn.get_execution_options().get("dalil_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        s = self.sessions()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session that only reads: on SQLite it does not hold the write lock."""
        s = Session(bind=self.engine.execution_options(dalil_readonly=True),
                    expire_on_commit=False)
        try:
            yield s
        finally:
            s.close()  # ends the transaction; loaded objects stay readable (no expiry)

    def _alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        return cfg

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent)."""
        cfg = self._alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str | None:
        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def require_current(self) -> None:
        try:
            current = self.current_revision()
        except OperationalError as exc:
            raise WorkspaceError(f"cannot open the database: {exc.orig}") from None
        if current is None:
            raise WorkspaceError("workspace not initialised: run `dalil init` first")
        if current != self.head_revision():
            raise WorkspaceError(
                f"workspace schema is at {current}, this Dalil needs {self.head_revision()}: "
                "run `dalil init` to upgrade"
            )

    def dispose(self) -> None:
        self.engine.dispose()


def create_database(url: str) -> Database:
    url = normalise_url(url)
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
