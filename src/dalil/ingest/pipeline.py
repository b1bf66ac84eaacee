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

import json
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dalil.db.models import Source, SourceText
from dalil.errors import DalilError, InputError
from dalil.ingest.detect import check_name, parse_file
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ChildItem, ParsedItem
from dalil.search import index_texts
from dalil.util import utcnow
from dalil.vault.blobs import PendingBlob

TESTIMONY_SUFFIXES = {".yaml", ".yml"}
MAX_TESTIMONY_BYTES = 10 * 1024 * 1024


@dataclass
class IngestOutcome:
    name: str
    status: str  # stored | resubmitted | refused
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


def looks_like_testimony(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in TESTIMONY_SUFFIXES:
        return True
    if suffix == ".json" and 0 < path.stat().st_size <= MAX_TESTIMONY_BYTES:
        try:
            data = json.loads(path.read_bytes())
        except (ValueError, UnicodeDecodeError):
            return False
        return isinstance(data, dict) and "pseudonym" in data and "statement" in data
    return False


class Ingestor:
    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.actor: str = ws.require("evidence.write")

    # -- public -------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[Path],
               progress: Callable[[str], None] | None = None) -> list[IngestOutcome]:
        files = expand(paths)
        outcomes: list[IngestOutcome] = []
        # Social-media exports first and one at a time: the media they refer to are then stored
        # as their attachments, and skipped when met again as loose files in the same folder.
        exports = [f for f in files if f[0].name in {"result.json", "tweets.js", "tweet.js"}]
        taken: set[Path] = set()
        for path, name in exports:
            outcome, attached = self._one_export(path, name)
            taken.update(attached)
            outcomes.append(outcome)
            if progress:
                progress(name)
        rest = [f for f in files if f not in exports and f[0].resolve() not in taken]
        with ThreadPoolExecutor(max_workers=max(1, self.ws.settings.ingest_workers)) as pool:
            futures: list[tuple[str, Future[_Staged | IngestOutcome]]] = []
            for path, name in rest:
                futures.append((name, pool.submit(self._prepare, path, name)))
            for name, fut in futures:
                try:
                    prepared = fut.result()
                    outcome = (prepared if isinstance(prepared, IngestOutcome)
                               else self._commit(prepared))
                except DalilError as exc:
                    outcome = IngestOutcome(name=name, status="refused", message=exc.message)
                outcomes.append(outcome)
                if progress:
                    progress(name)
        return outcomes

    def ingest_bytes(self, data: bytes, name: str) -> IngestOutcome:
        """Ingest bytes that arrived without a file (an upload)."""
        check_name(name)
        pending = self.ws.blobs.stage_bytes(data, label=name)
        return self._commit(self._parse_staged(_Staged(Path(name), name, pending)))

    # -- steps --------------------------------------------------------------------------------

    def _prepare(self, path: Path, name: str) -> _Staged | IngestOutcome:
        check_name(path.name)
        if looks_like_testimony(path):
            return self._testimony(path, name)
        staged = _Staged(path, name, self.ws.blobs.stage_file(path, label=name))
        return self._parse_staged(staged)

    def _parse_staged(self, staged: _Staged) -> _Staged:
        assert staged.pending is not None
        with self.ws.db.session() as s:
            staged.existing_id = s.execute(
                select(Source.id).where(Source.sha256 == staged.pending.sha256)).scalar()
        if staged.existing_id is None:
            try:
                staged.parsed = parse_file(staged.pending.tmp_path, Path(staged.name).name)
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

    def _commit(self, staged: _Staged) -> IngestOutcome:
        assert staged.pending is not None
        pending = staged.pending
        if staged.existing_id is not None or staged.parsed is None:
            self.ws.blobs.discard(pending)
            return self._resubmitted(staged.name, pending.sha256)
        warnings: list[str] = []
        # Blobs of posts and their media are staged and committed before the transaction too.
        children = [(c, self.ws.blobs.stage_bytes(c.data, label=c.name)) for c in
                    staged.parsed.children]
        attachments: dict[int, list[tuple[Path, PendingBlob, ParsedItem]]] = {}
        for i, (child, _) in enumerate(children):
            for a in child.attachments:
                try:
                    check_name(a.name)
                    ap = self.ws.blobs.stage_file(a, label=a.name)
                    try:
                        attachments.setdefault(i, []).append((a, ap, parse_file(ap.tmp_path,
                                                                                 a.name)))
                    except BaseException:
                        self.ws.blobs.discard(ap)
                        raise
                except DalilError as exc:
                    warnings.append(f"attachment {a.name} of {child.name}: {exc.message}")
        committed = [self.ws.blobs.commit(pending)]
        committed += [self.ws.blobs.commit(p) for _, p in children]
        committed += [self.ws.blobs.commit(ap) for lst in attachments.values()
                      for _, ap, _ in lst]
        try:
            with self.ws.transaction() as s:
                if s.execute(select(Source.id).where(Source.sha256 == pending.sha256)).first():
                    # Same bytes committed by another worker or user meanwhile.
                    return self._resubmitted(staged.name, pending.sha256, session=s)
                src = self._add_source(s, staged.parsed, pending, staged.name, parent_id=None)
                n_children = 0
                for i, (child, cp) in enumerate(children):
                    child_src = self._add_child(s, child, cp, parent=src)
                    if child_src is None:
                        continue
                    n_children += 1
                    for a, ap, aparsed in attachments.get(i, []):
                        if self._existing(s, ap.sha256) is None:
                            self._add_source(s, aparsed, ap, a.name, parent_id=child_src.id)
                            n_children += 1
        except BaseException:
            # The rows did not commit; their blobs are orphans. Remove the ones that no other
            # committed row refers to (recovery would do the same later).
            with self.ws.db.session() as s2:
                for blob in committed:
                    if self._existing(s2, blob.name) is None:
                        blob.unlink(missing_ok=True)
            raise
        return IngestOutcome(name=staged.name, status="stored", source_id=src.id,
                             sha256=src.sha256, kind=src.kind, children=n_children,
                             warnings=warnings)

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
