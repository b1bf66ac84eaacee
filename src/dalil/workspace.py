"""A workspace: one database, one vault, one custody log, and the key file that goes with them.

Everything that writes evidence goes through a ``Workspace`` so that the order of durable steps is
always the same: blob into the vault (fsync, rename) -> database transaction with the source row
and its custody entries (commit) -> anchor file. ``initialise`` also runs recovery, which makes a
workspace whole again after a crash at any of those points.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dalil.db.engine import Database, create_database
from dalil.db.models import CustodyHead, Source, User, WorkspaceMeta
from dalil.errors import ForbiddenError, WorkspaceError
from dalil.protect.keys import Keyring
from dalil.protect.roles import PERMISSIONS, ROLES
from dalil.settings import Settings
from dalil.util import utcnow
from dalil.vault import custody
from dalil.vault.blobs import BlobStore


@dataclass
class RecoveryReport:
    tmp_removed: int = 0
    orphans_removed: list[str] = field(default_factory=list)
    anchor_updated: bool = False


class Workspace:
    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.home = Path(settings.home)
        self.db = db
        self.blobs = BlobStore(self.home / "vault", max_size=settings.max_file_size,
                               fsync=settings.fsync)
        self.anchor = custody.Anchor(self.home / "vault" / "custody-head.json",
                                     fsync=settings.fsync)
        self._workspace_id: str | None = None
        # Asks a person for the key file's passphrase (set by the CLI); None: never ask.
        self.passphrase_prompt: Callable[[], str] | None = None
        self._passphrase: str | None = settings.key_passphrase

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, *, initialise: bool = False) -> Workspace:
        home = Path(settings.home)
        if not initialise and not (home / "vault").is_dir():
            raise WorkspaceError(f"no Dalil workspace at {home}: run `dalil init` (or pass --home)")
        if initialise:
            home.mkdir(parents=True, exist_ok=True)
        ws = cls(settings, create_database(settings.resolved_database_url()))
        if initialise:
            ws.initialise()
        else:
            ws.db.require_current()
        return ws

    def close(self) -> None:
        self.db.dispose()

    def initialise(self) -> RecoveryReport:
        """Create or upgrade the workspace and recover from any interrupted write. Idempotent."""
        self.blobs.create()
        self.db.migrate()
        with self.db.session() as s:
            meta = s.get(WorkspaceMeta, "workspace_id")
            if meta is None:
                self._workspace_id = uuid.uuid4().hex
                s.add(WorkspaceMeta(key="workspace_id", value=self._workspace_id))
                custody.append(s, actor=self.settings.user, action="workspace_created",
                               details={"workspace_id": self._workspace_id})
            if s.execute(select(User).limit(1)).first() is None:
                # The person who creates a workspace administers it.
                s.add(User(name=self.settings.user, role="admin", created_at=utcnow()))
                custody.append(s, actor=self.settings.user, action="user_added",
                               details={"user": self.settings.user, "role": "admin"})
        return self.recover()

    @property
    def workspace_id(self) -> str:
        if self._workspace_id is None:
            with self.db.read_session() as s:
                meta = s.get(WorkspaceMeta, "workspace_id")
                if meta is None:
                    raise WorkspaceError("workspace not initialised: run `dalil init`")
                self._workspace_id = meta.value
        return self._workspace_id

    # -- units of work -----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A database transaction; the custody anchor follows once it has committed."""
        with self.db.session() as s:
            yield s
        self.sync_anchor()

    def sync_anchor(self) -> bool:
        with self.db.read_session() as s:
            head = s.get(CustodyHead, 1)
        if head is None:
            return False
        current = self.anchor.read()
        if current is None or current[0] < head.seq:
            self.anchor.write(head.seq, head.entry_hash)
            return True
        return False

    def log(self, s: Session, action: str, *, sha256: str | None = None,
            details: dict[str, Any] | None = None, actor: str | None = None) -> None:
        custody.append(s, actor=actor or self.settings.user, action=action, sha256=sha256,
                       details=details)

    # -- people and permissions -----------------------------------------------------------------

    def require(self, permission: str) -> str:
        """Return the acting user's name if their role holds ``permission``; refuse otherwise."""
        allowed = PERMISSIONS[permission]
        with self.db.read_session() as s:
            user = s.get(User, self.settings.user)
        if user is None:
            raise ForbiddenError(
                f"user {self.settings.user!r} is not registered in this workspace; an admin can "
                f"add them with `dalil users add {self.settings.user} --role ROLE`",
                permission=permission,
            )
        if user.role not in allowed:
            raise ForbiddenError(
                f"user {user.name!r} has role {user.role!r}, which may not do this "
                f"({permission}; allowed: {', '.join(sorted(allowed))})",
                permission=permission,
            )
        return user.name

    def add_user(self, name: str, role: str) -> None:
        actor = self.require("users.manage")
        if role not in ROLES:
            raise WorkspaceError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
        with self.transaction() as s:
            existing = s.get(User, name)
            if existing is not None:
                existing.role = role
            else:
                s.add(User(name=name, role=role, created_at=utcnow()))
            self.log(s, "user_added", actor=actor, details={"user": name, "role": role})

    # -- keys ---------------------------------------------------------------------------------

    @property
    def key_path(self) -> Path:
        if self.settings.key_file is not None:
            return Path(self.settings.key_file)
        return Path.home() / ".config" / "dalil" / "keys" / f"{self.workspace_id}.json"

    def use_passphrase(self, passphrase: str | None) -> None:
        """Remember the key file's passphrase for this workspace handle (never stored)."""
        self._passphrase = passphrase

    def keyring(self) -> Keyring:
        if (self._passphrase is None and self.passphrase_prompt is not None
                and Keyring.is_protected(self.key_path)):
            self._passphrase = self.passphrase_prompt()
        return Keyring.load(self.key_path, self.workspace_id, self._passphrase)

    def blob_path(self, src: Source) -> Path:
        """Where a source's bytes are: encrypted blobs live under their ciphertext's hash."""
        if src.encrypted:
            if not src.cipher_sha256:
                raise WorkspaceError(f"source #{src.id} is encrypted but has no ciphertext hash")
            return self.blobs.path_for(src.cipher_sha256)
        return self.blobs.path_for(src.sha256)

    # -- recovery -----------------------------------------------------------------------------

    def recover(self) -> RecoveryReport:
        """Undo what a crash left half-done; run when no ingest is running.

        A blob is renamed into the vault before its database row commits, so after a crash a blob
        may exist that no committed row refers to: that ingest was never accepted, and the blob
        is removed (and the removal logged). A committed row always has its blob.
        """
        report = RecoveryReport(tmp_removed=self.blobs.clean_tmp())
        with self.db.session() as s:
            known = {sha for row in s.execute(select(Source.sha256, Source.cipher_sha256))
                     for sha in row if sha}
        orphans = [h for h in self.blobs.iter_hashes() if h not in known]
        if orphans:
            for h in orphans:
                self.blobs.remove(h)
            with self.db.session() as s:
                self.log(s, "recovered", details={
                    "orphan_blobs_removed": orphans,
                    "reason": "blob written but its ingest never committed (interrupted)"})
            report.orphans_removed = orphans
        report.anchor_updated = self.sync_anchor()
        return report
