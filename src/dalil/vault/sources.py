"""Reading and changing sources: lookups, metadata edits, grades, deletion by policy.

Every change and every view of evidence writes a custody entry; a deletion removes the bytes but
keeps the row and its history as a tombstone, so the log still accounts for what once was there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dalil.db.models import RELIABILITY_GRADES, Source, Testimony
from dalil.errors import ForbiddenError, InputError, NotFoundError

# Metadata a user may correct after ingest (the bytes and their hash never change).
EDITABLE = ("origin_url", "publisher", "author", "published_at", "language", "title")


def resolve_source(s: Session, ref: str) -> Source:
    """A source by numeric id or by a SHA-256 prefix of at least 8 characters."""
    ref = ref.strip().lower()
    if ref.isdigit():
        src = s.get(Source, int(ref))
        if src is None:
            raise NotFoundError(f"no source #{ref}")
        return src
    if len(ref) < 8 or any(c not in "0123456789abcdef" for c in ref):
        raise InputError(f"{ref!r}: give a source id or at least 8 hex characters of its SHA-256")
    found = s.execute(select(Source).where(Source.sha256.startswith(ref))).scalars().all()
    if not found:
        raise NotFoundError(f"no source whose SHA-256 starts with {ref}")
    if len(found) > 1:
        raise InputError(f"{ref} matches {len(found)} sources; give more characters")
    return found[0]


def source_to_dict(src: Source) -> dict[str, Any]:
    return {
        "id": src.id, "sha256": src.sha256, "kind": src.kind, "media_type": src.media_type,
        "original_name": src.original_name, "size": src.size,
        "received_at": src.received_at.isoformat(), "submitted_by": src.submitted_by,
        "origin_url": src.origin_url, "publisher": src.publisher, "author": src.author,
        "published_at": src.published_at, "language": src.language,
        "reliability": src.reliability, "title": src.title, "parent_id": src.parent_id,
        "external_id": src.external_id, "encrypted": src.encrypted, "status": src.status,
        "flags": src.flags, "meta": src.meta,
    }


def list_sources(ws: Any, *, kind: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    ws.require("evidence.read")
    with ws.db.read_session() as s:
        q = select(Source).order_by(Source.id).limit(limit)
        if kind:
            q = q.where(Source.kind == kind)
        return [source_to_dict(x) for x in s.execute(q).scalars()]


def show_source(ws: Any, ref: str, *, with_text: bool = False) -> dict[str, Any]:
    """A source's metadata (and text); logged as a view, since reading evidence is custody too."""
    actor = ws.require("evidence.read")
    with ws.transaction() as s:
        src = resolve_source(s, ref)
        out = source_to_dict(src)
        if with_text:
            out["texts"] = [t.text for t in src.texts]
        ws.log(s, "viewed", actor=actor, sha256=src.sha256, details={"source_id": src.id})
    return out


def set_metadata(ws: Any, ref: str, changes: dict[str, str | None], *, reason: str) -> None:
    actor = ws.require("evidence.write")
    bad = set(changes) - set(EDITABLE)
    if bad:
        raise InputError(f"cannot change {', '.join(sorted(bad))}; editable: {', '.join(EDITABLE)}")
    with ws.transaction() as s:
        src = resolve_source(s, ref)
        before = {k: getattr(src, k) for k in changes}
        for k, v in changes.items():
            setattr(src, k, v)
        ws.log(s, "metadata_changed", actor=actor, sha256=src.sha256,
               details={"source_id": src.id, "before": before, "after": changes,
                        "reason": reason})


def grade_source(ws: Any, ref: str, grade: str, *, reason: str) -> None:
    actor = ws.require("evidence.grade")
    grade = grade.strip().upper()
    if grade not in RELIABILITY_GRADES:
        raise InputError(f"{grade!r} is not a reliability grade; use A-F "
                         f"({'; '.join(f'{k} {v}' for k, v in RELIABILITY_GRADES.items())})")
    if not reason.strip():
        raise InputError("a grade needs a reason")
    with ws.transaction() as s:
        src = resolve_source(s, ref)
        before = src.reliability
        src.reliability = grade
        ws.log(s, "graded", actor=actor, sha256=src.sha256,
               details={"source_id": src.id, "before": before, "after": grade, "reason": reason})


def delete_by_policy(ws: Any, ref: str, *, reason: str) -> None:
    """Remove a source's bytes (e.g. a retention policy, a withdrawn consent); keep a tombstone."""
    actor = ws.require("evidence.delete")
    if not reason.strip():
        raise InputError("a deletion needs a reason (the policy that requires it)")
    with ws.db.session() as s:
        src = resolve_source(s, ref)
        if src.status == "deleted":
            raise InputError(f"source #{src.id} is already deleted")
        sha, sid = src.sha256, src.id
        if s.execute(select(Testimony.id).where(Testimony.source_id == sid)).first():
            raise ForbiddenError("a testimony is not deleted this way: its encrypted original and the "
                                 "witness's consent are handled by the protection officer")
    # Tombstone first, bytes second: a crash in between leaves a blob that verify reports as
    # "deleted but still in the vault", never a live row without its blob.
    with ws.transaction() as s:
        src = s.get(Source, sid)
        assert src is not None
        src.status = "deleted"
        for t in list(src.texts):
            s.delete(t)
        from dalil.search import remove_source

        remove_source(s, sid)
        ws.log(s, "deleted", actor=actor, sha256=sha,
               details={"source_id": sid, "reason": reason})
    ws.blobs.remove(sha)
