"""The ingest loop: received files -> vault blobs -> source rows with text and custody entries.

For each file, in this order (the order is what makes a crash harmless):
  1. check the name; route testimonies to witness protection (never staged in plaintext);
  2. stream the bytes into the vault's tmp folder, hashing them (size limit enforced);
  3. if a source with that hash exists: log a re-submission, done;
  4. parse the staged bytes (format parser, see ``dalil.ingest.detect``);
  5. rename the blob (and the blobs of posts and attachments) into place, fsync;
  6. one database transaction: source rows, texts, search index, custody entries; commit.
A failure at 2-4 leaves nothing; a crash between 5 and 6 leaves blobs no row refers to, which
recovery (``dalil init``) removes. Steps 2-4 run in worker threads; 5-6 run in one thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from dalil.db.models import Source, SourceText
from dalil.errors import DalilError, InputError
from dalil.ingest.detect import check_name, detect_kind, parse_file
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ChildItem, ParsedItem
from dalil.search import index_texts
from dalil.util import utcnow
from dalil.vault.blobs import PendingBlob

MAX_TESTIMONY_BYTES = 10 * 1024 * 1024
# Files stored per transaction: one database commit and one anchor write per group instead of per
# file. Small enough that a crash loses (to recovery) at most a few seconds of work.
GROUP_FILES = 64
GROUP_BYTES = 256 * 1024 * 1024
# File names of social-media exports, ingested before loose files (see Ingestor.ingest).
EXPORT_NAMES = frozenset({"result.json", "tweets.js", "tweet.js", "deleted-tweets.js"})


@dataclass
class IngestOutcome:
    name: str
    status: str  # stored | resubmitted | refused | skipped
    source_id: int | None = None
    sha256: str | None = None
    kind: str | None = None
    children: int = 0
    message: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "source_id": self.source_id,
                "sha256": self.sha256, "kind": self.kind, "children": self.children,
                "message": self.message, "warnings": self.warnings}


@dataclass
class _Staged:
    path: Path
    name: str
    pending: PendingBlob | None = None
    parsed: ParsedItem | None = None
    existing_id: int | None = None


@dataclass
class _Ready:
    staged: _Staged
    children: list[tuple[ChildItem, PendingBlob, list[tuple[Path, PendingBlob, ParsedItem]]]] = \
        field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def expand(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files under the given paths (folders recursively, hidden files skipped), with the name
    shown to the user (relative to the folder given)."""
    out: list[tuple[Path, str]] = []
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        full = Path(root) / f
                        out.append((full, full.relative_to(p.parent).as_posix()))
        else:
            out.append((p, p.name))
    return out


def parse_and_detect(path: Path, name: str, origin_dir: Path) -> ParsedItem:
    """Parse a staged file and detect its language: the CPU-bound part of ingest, run in worker
    processes (module-level so that it can be sent to one)."""
    parsed = parse_file(path, name, origin_dir=origin_dir)
    if parsed.language is None and parsed.texts:
        parsed.language = detect_language("\n".join(parsed.texts)[:20000])
    return parsed


def _warm() -> None:
    """Started in each worker process at pool creation (forces the fork to happen now)."""


class Ingestor:
    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.actor: str = ws.require("evidence.write")
        self._processes: ProcessPoolExecutor | None = None

    # -- public -------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[Path],
               progress: Callable[[str], None] | None = None) -> list[IngestOutcome]:
        home = self.ws.home.resolve()
        outcomes: list[IngestOutcome] = []
        files = []
        for path, name in expand(paths):
            # Never ingest the workspace into itself (`dalil ingest .` run beside dalil-data).
            if path.resolve().is_relative_to(home):
                outcomes.append(IngestOutcome(name=name, status="skipped", message=(
                    f"{name}: inside the workspace itself; not ingested")))
            else:
                files.append((path, name))
        # Social-media exports first and one at a time: the media they refer to are then stored
        # as their attachments, and skipped when met again as loose files in the same folder.
        exports = [f for f in files if f[0].name in EXPORT_NAMES]
        taken: set[Path] = set()
        for path, name in exports:
            outcome, attached = self._one_export(path, name)
            taken.update(attached)
            outcomes.append(outcome)
            if progress:
                progress(name)
        rest = [f for f in files if f not in exports and f[0].resolve() not in taken]
        workers = max(1, self.ws.settings.ingest_workers)
        if (len(rest) >= 2 * workers and workers > 1 and self._processes is None
                and threading.active_count() == 1):
            # Parsing is Python (the GIL): worker processes let it use every core. Forked here,
            # before the thread pool exists, as forking a process with running threads is unsafe.
            self._processes = ProcessPoolExecutor(workers, mp_context=get_context("fork"))
            self._processes.submit(_warm).result()
        try:
            self._ingest_files(rest, outcomes, progress, workers)
        finally:
            if self._processes is not None:
                self._processes.shutdown()
                self._processes = None
        return outcomes

    def _ingest_files(self, rest: list[tuple[Path, str]], outcomes: list[IngestOutcome],
                      progress: Callable[[str], None] | None, workers: int) -> None:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures: list[tuple[str, Future[_Staged | IngestOutcome]]] = []
            for path, name in rest:
                futures.append((name, pool.submit(self._prepare, path, name)))
            group: list[_Staged] = []
            group_bytes = 0

            def flush() -> None:
                nonlocal group, group_bytes
                if group:
                    outcomes.extend(self._commit_group(group))
                    if progress:
                        for staged in group:
                            progress(staged.name)
                group, group_bytes = [], 0

            for name, fut in futures:
                try:
                    prepared = fut.result()
                except DalilError as exc:
                    prepared = IngestOutcome(name=name, status="refused", message=exc.message)
                if isinstance(prepared, IngestOutcome):
                    outcomes.append(prepared)
                    if progress:
                        progress(name)
                    continue
                group.append(prepared)
                group_bytes += prepared.pending.size if prepared.pending else 0
                if len(group) >= GROUP_FILES or group_bytes >= GROUP_BYTES:
                    flush()
            flush()

    def ingest_bytes(self, data: bytes, name: str) -> IngestOutcome:
        """Ingest bytes that arrived without a file (an upload)."""
        check_name(name)
        pending = self.ws.blobs.stage_bytes(data, label=name)
        return self._commit(self._parse_staged(_Staged(Path(name), name, pending)))

    # -- steps --------------------------------------------------------------------------------

    def _prepare(self, path: Path, name: str) -> _Staged | IngestOutcome:
        # Testimonies are recognised before any byte is staged: their plaintext must never sit
        # in the vault, not even in its tmp folder.
        if detect_kind(path, path.name) == "testimony":
            return self._testimony(path, name)
        staged = _Staged(path, name, self.ws.blobs.stage_file(path, label=name, durable=False))
        return self._parse_staged(staged)

    def _parse_staged(self, staged: _Staged) -> _Staged:
        assert staged.pending is not None
        with self.ws.db.read_session() as s:
            staged.existing_id = s.execute(
                select(Source.id).where(Source.sha256 == staged.pending.sha256)).scalar()
        if staged.existing_id is None:
            try:
                args = (staged.pending.tmp_path, staged.path.name, staged.path.parent)
                if self._processes is not None:
                    staged.parsed = self._processes.submit(parse_and_detect, *args).result()
                else:
                    staged.parsed = parse_and_detect(*args)
            except BaseException:
                self.ws.blobs.discard(staged.pending)
                raise
        return staged

    def _testimony(self, path: Path, name: str) -> IngestOutcome:
        from dalil.protect.testimony import add_testimony

        size = path.stat().st_size
        if size > MAX_TESTIMONY_BYTES:
            raise InputError(f"{name}: a testimony file over 10 MB is not a statement; refused")
        result = add_testimony(self.ws, path.read_bytes(), path.name)
        return IngestOutcome(name=f"testimony ({result.pseudonym})", status=result.status,
                             source_id=result.source_id, kind="testimony",
                             message=(f"{result.redactions} identity mention(s) withheld from "
                                      "the statement" if result.redactions else None))

    def _one_export(self, path: Path, name: str) -> tuple[IngestOutcome, set[Path]]:
        try:
            check_name(path.name)
            staged = self._parse_staged(
                _Staged(path, name, self.ws.blobs.stage_file(path, label=name)))
            attached = {a.resolve() for c in (staged.parsed.children if staged.parsed else [])
                        for a in c.attachments}
            return self._commit(staged), attached
        except DalilError as exc:
            return IngestOutcome(name=name, status="refused", message=exc.message), set()

    def _ready(self, staged: _Staged) -> _Ready:
        """Stage the blobs of a file's posts and attachments (before any transaction)."""
        assert staged.pending is not None and staged.parsed is not None
        if staged.parsed.kind == "testimony":
            # Only reachable for bytes that arrived without a file (ingest_bytes).
            self.ws.blobs.discard(staged.pending)
            raise InputError(f"{staged.name}: a testimony is added with `dalil testimony add`, "
                             "which encrypts its identity block")
        ready = _Ready(staged)
        try:
            for child in staged.parsed.children:
                cp = self.ws.blobs.stage_bytes(child.data, label=child.name, durable=False)
                atts: list[tuple[Path, PendingBlob, ParsedItem]] = []
                for a in child.attachments:
                    try:
                        check_name(a.name)
                        ap = self.ws.blobs.stage_file(a, label=a.name, durable=False)
                        try:
                            atts.append((a, ap, parse_file(ap.tmp_path, a.name,
                                                           origin_dir=a.parent)))
                        except BaseException:
                            self.ws.blobs.discard(ap)
                            raise
                    except DalilError as exc:
                        ready.warnings.append(f"attachment {a.name} of {child.name}: "
                                              f"{exc.message}")
                # Record each attachment's hash in the post's media list, also when the file is
                # already in the vault (shared media across exports is evidence of a common origin).
                hashes = {a.resolve(): ap.sha256 for a, ap, _ in atts}
                for entry in child.parsed.meta.get("media") or []:
                    if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                        sha = hashes.get((staged.path.parent / entry["file"]).resolve())
                        if sha:
                            entry["sha256"] = sha
                ready.children.append((child, cp, atts))
        except BaseException:
            self.ws.blobs.discard(staged.pending)
            for _, cp, atts in ready.children:
                self.ws.blobs.discard(cp)
                for _, ap, _ in atts:
                    self.ws.blobs.discard(ap)
            raise
        return ready

    def _commit(self, staged: _Staged) -> IngestOutcome:
        return self._commit_group([staged])[0]

    def _commit_group(self, group: list[_Staged]) -> list[IngestOutcome]:
        """Store a group of prepared files in one transaction (one fsync of the database and of
        the anchor for the whole group), each file in its own savepoint so that one failure
        refuses that file alone."""
        outcomes: dict[int, IngestOutcome] = {}
        readies: dict[int, _Ready] = {}
        for i, staged in enumerate(group):
            assert staged.pending is not None
            if staged.existing_id is not None or staged.parsed is None:
                self.ws.blobs.discard(staged.pending)
                continue
            try:
                readies[i] = self._ready(staged)
            except DalilError as exc:
                outcomes[i] = IngestOutcome(name=staged.name, status="refused",
                                            message=exc.message)
        committed: list[Path] = []
        for r in readies.values():
            assert r.staged.pending is not None
            committed.append(self.ws.blobs.commit(r.staged.pending, durable=False))
            for _, cp, atts in r.children:
                committed.append(self.ws.blobs.commit(cp, durable=False))
                committed += [self.ws.blobs.commit(ap, durable=False) for _, ap, _ in atts]
        # Every blob of the group on disk before any row that refers to it commits.
        self.ws.blobs.sync(committed)
        try:
            with self.ws.transaction() as s:
                for i, staged in enumerate(group):
                    if i in outcomes:
                        continue
                    assert staged.pending is not None
                    sha = staged.pending.sha256
                    try:
                        with s.begin_nested():
                            if i not in readies or self._existing(s, sha) is not None:
                                # Known bytes, or committed by another worker or user meanwhile.
                                outcomes[i] = self._resubmitted(staged.name, sha, session=s)
                            else:
                                outcomes[i] = self._write_rows(s, readies[i])
                    except (DalilError, SQLAlchemyError) as exc:
                        message = exc.message if isinstance(exc, DalilError) else (
                            f"{staged.name}: the database refused it ({type(exc).__name__})")
                        outcomes[i] = IngestOutcome(name=staged.name, status="refused",
                                                    message=message)
        except BaseException:
            # Nothing committed; the blobs are orphans. Remove those that no committed row refers
            # to (recovery would do the same later).
            with self.ws.db.session() as s2:
                for blob in committed:
                    if self._existing(s2, blob.name) is None:
                        blob.unlink(missing_ok=True)
            raise
        return [outcomes[i] for i in range(len(group))]

    def _write_rows(self, s: Session, ready: _Ready) -> IngestOutcome:
        staged = ready.staged
        assert staged.pending is not None and staged.parsed is not None
        src = self._add_source(s, staged.parsed, staged.pending, staged.name, parent_id=None)
        n_children = 0
        for child, cp, atts in ready.children:
            child_src = self._add_child(s, child, cp, parent=src)
            if child_src is None:
                continue
            n_children += 1
            for a, ap, aparsed in atts:
                if self._existing(s, ap.sha256) is None:
                    self._add_source(s, aparsed, ap, a.name, parent_id=child_src.id)
                    n_children += 1
        return IngestOutcome(name=staged.name, status="stored", source_id=src.id,
                             sha256=src.sha256, kind=src.kind, children=n_children,
                             warnings=ready.warnings)

    # -- database rows ------------------------------------------------------------------------

    @staticmethod
    def _existing(s: Session, sha256: str) -> int | None:
        return s.execute(select(Source.id).where(Source.sha256 == sha256)).scalar()

    def _resubmitted(self, name: str, sha256: str, session: Session | None = None
                     ) -> IngestOutcome:
        def write(s: Session) -> IngestOutcome:
            src = s.execute(select(Source).where(Source.sha256 == sha256)).scalar_one()
            self.ws.log(s, "resubmitted", actor=self.actor, sha256=sha256,
                        details={"source_id": src.id, "name": name})
            return IngestOutcome(name=name, status="resubmitted", source_id=src.id,
                                 sha256=sha256, kind=src.kind)

        if session is not None:
            return write(session)
        with self.ws.transaction() as s:
            return write(s)

    def _add_source(self, s: Session, parsed: ParsedItem, pending: PendingBlob, name: str,
                    parent_id: int | None, external_id: str | None = None) -> Source:
        language = parsed.language
        if language is None and parsed.texts:
            language = detect_language("\n".join(parsed.texts)[:20000])
        src = Source(
            sha256=pending.sha256, kind=parsed.kind, media_type=parsed.media_type,
            original_name=name, size=pending.size, received_at=utcnow(),
            submitted_by=self.actor, origin_url=parsed.origin_url, publisher=parsed.publisher,
            author=parsed.author, published_at=parsed.published_at, language=language,
            title=parsed.title, parent_id=parent_id, external_id=external_id,
            flags=parsed.flags, meta=parsed.meta)
        s.add(src)
        s.flush()
        for part, body in enumerate(parsed.texts):
            s.add(SourceText(source_id=src.id, part=part, text=body))
        index_texts(s, src.id, parsed.texts)
        details: dict[str, Any] = {"source_id": src.id, "name": name, "kind": parsed.kind,
                                   "size": pending.size}
        if parent_id is not None:
            details["parent_id"] = parent_id
        self.ws.log(s, "ingested", actor=self.actor, sha256=src.sha256, details=details)
        return src

    def _add_child(self, s: Session, child: ChildItem, pending: PendingBlob,
                   parent: Source) -> Source | None:
        existing = self._existing(s, pending.sha256)
        if existing is not None:
            self.ws.log(s, "resubmitted", actor=self.actor, sha256=pending.sha256,
                        details={"source_id": existing, "name": child.name,
                                 "in_export": parent.id})
            return None
        return self._add_source(s, child.parsed, pending, child.name, parent_id=parent.id,
                                external_id=child.external_id)
