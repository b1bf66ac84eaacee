"""Content-addressed blob store: the exact bytes received, named by their SHA-256.

Layout under ``<home>/vault``: ``blobs/ab/cd/<sha256>`` for stored bytes, ``tmp/`` for writes in
progress. A write streams the input once (hashing and copying together, never the whole file in
memory), fsyncs the temporary file, then renames it into place: a crash leaves either no blob or a
complete one, never a partial file under a hash name. Blobs are written *before* the database row
that refers to them commits; recovery removes blobs that no committed row refers to.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dalil.errors import InputError, TooLargeError
from dalil.util import fsync_dir, sync_filesystem

CHUNK = 1024 * 1024


def _human(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


@dataclass
class PendingBlob:
    """Bytes hashed and copied into the vault's tmp folder, not yet committed under their hash."""

    tmp_path: Path
    sha256: str
    size: int


class BlobStore:
    def __init__(self, root: Path, *, max_size: int, fsync: bool = True) -> None:
        self.root = root
        self.blob_dir = root / "blobs"
        self.tmp_dir = root / "tmp"
        self.max_size = max_size
        self.fsync = fsync

    def create(self) -> None:
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.blob_dir / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def stage_stream(self, stream: BinaryIO, *, label: str, durable: bool = True) -> PendingBlob:
        """Copy ``stream`` into tmp while hashing it; refuse it past the size limit or when empty."""
        # Keep the received extension: some parsers (openpyxl) judge a file by its name.
        suffix = Path(label).suffix.lower()
        if not (1 < len(suffix) <= 8 and suffix[1:].isalnum() and suffix[1:].isascii()):
            suffix = ""
        tmp = self.tmp_dir / f"{uuid.uuid4().hex}.part{suffix}"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(tmp, "wb") as out:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > self.max_size:
                        raise TooLargeError(
                            f"{label}: larger than the limit of {_human(self.max_size)} "
                            "(setting max_file_size); not stored",
                            limit=self.max_size,
                        )
                    digest.update(chunk)
                    out.write(chunk)
                if self.fsync and durable:
                    out.flush()
                    os.fsync(out.fileno())
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if size == 0:
            tmp.unlink(missing_ok=True)
            raise InputError(f"{label}: the file is empty (0 bytes); nothing stored")
        return PendingBlob(tmp_path=tmp, sha256=digest.hexdigest(), size=size)

    def stage_file(self, path: Path, *, label: str, durable: bool = True) -> PendingBlob:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(f"{label}: cannot read the file ({exc.strerror})") from None
        if size > self.max_size:
            # Refuse before reading a byte: a 50 GB upload should not fill the tmp folder first.
            raise TooLargeError(
                f"{label}: {_human(size)} is larger than the limit of {_human(self.max_size)} "
                "(setting max_file_size); not stored",
                limit=self.max_size,
                size=size,
            )
        try:
            with open(path, "rb") as fh:
                return self.stage_stream(fh, label=label, durable=durable)
        except OSError as exc:
            raise InputError(f"{label}: cannot read the file ({exc.strerror})") from None

    def stage_bytes(self, data: bytes, *, label: str, durable: bool = True) -> PendingBlob:
        import io

        return self.stage_stream(io.BytesIO(data), label=label, durable=durable)

    def commit(self, pending: PendingBlob, *, sha256: str | None = None,
               durable: bool = True) -> Path:
        """Move a staged blob under its hash (or the given one, for encrypted blobs).

        With ``durable=False`` nothing is fsynced: the caller must call ``sync()`` before it
        commits any row that refers to the blob.
        """
        final = self.path_for(sha256 or pending.sha256)
        if final.exists():
            pending.tmp_path.unlink(missing_ok=True)
            return final
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(pending.tmp_path, 0o444)
        os.replace(pending.tmp_path, final)
        if self.fsync and durable:
            fsync_dir(final.parent)
        return final

    def sync(self, paths: list[Path]) -> None:
        """Make blobs committed with ``durable=False`` durable: one syncfs for the vault's
        filesystem, or an fsync of each file and its folder where syncfs is missing."""
        if not self.fsync or not paths:
            return
        if sync_filesystem(self.root):
            return
        for p in paths:
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for folder in {p.parent for p in paths}:
            fsync_dir(folder)

    def discard(self, pending: PendingBlob) -> None:
        pending.tmp_path.unlink(missing_ok=True)

    def remove(self, sha256: str) -> bool:
        path = self.path_for(sha256)
        if not path.exists():
            return False
        path.unlink()
        if self.fsync:
            fsync_dir(path.parent)
        return True

    def replace_bytes(self, sha256: str, data: bytes) -> None:
        """Atomically rewrite a blob's stored bytes (used only to re-encrypt under a new key)."""
        pending = self.stage_bytes(data, label=sha256[:12])
        final = self.path_for(sha256)
        os.chmod(pending.tmp_path, 0o444)
        os.replace(pending.tmp_path, final)
        if self.fsync:
            fsync_dir(final.parent)

    def iter_hashes(self) -> Iterator[str]:
        if not self.blob_dir.exists():
            return
        for first in sorted(self.blob_dir.iterdir()):
            if not first.is_dir():
                yield first.name
                continue
            for second in sorted(first.iterdir()):
                if not second.is_dir():
                    yield second.name
                    continue
                for blob in sorted(second.iterdir()):
                    yield blob.name

    def clean_tmp(self) -> int:
        """Remove writes that never finished (a crash mid-ingest). Returns how many."""
        count = 0
        if self.tmp_dir.exists():
            for leftover in self.tmp_dir.iterdir():
                if leftover.is_dir():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
                count += 1
        return count


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
