"""The custody log: append-only and hash-chained. Format documented in docs/custody-format.md.

Each entry has a *content hash* over its canonical JSON content, and an *entry hash* that binds
its sequence number, the previous entry's hash and that content hash. Splitting the two lets a
bundle carry other entries redacted to their hashes: a third party can still walk the whole chain
without learning what happened to sources outside the bundle.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dalil.db.models import CustodyEntry, CustodyHead
from dalil.util import atomic_write_bytes, canonical_json, iso_utc

GENESIS = "0" * 64
HASH_DOMAIN = "dalil-custody-v1"

# Every action the log knows. New stages add theirs here, so the vocabulary stays in one place.
ACTIONS = frozenset({
    "workspace_created", "ingested", "resubmitted", "metadata_changed", "viewed", "exported",
    "deleted", "recovered", "user_added", "testimony_added", "identity_revealed", "key_rotated",
    "graded", "claim_verified", "incident_changed", "victims_linked", "link_decided",
})


def content_of(seq: int, at: str, actor: str, action: str, sha256: str | None,
               details: str) -> dict[str, Any]:
    return {"seq": seq, "at": at, "actor": actor, "action": action, "sha256": sha256,
            "details": json.loads(details)}


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def entry_hash(seq: int, prev_hash: str, c_hash: str) -> str:
    return hashlib.sha256(f"{HASH_DOMAIN}\n{seq}\n{prev_hash}\n{c_hash}".encode()).hexdigest()


def append(session: Session, *, actor: str, action: str, sha256: str | None = None,
           details: dict[str, Any] | None = None) -> CustodyEntry:
    """Add one entry inside the caller's transaction; it becomes durable when that commits.

    The head row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite has one writer anyway),
    so concurrent writers queue instead of forking the chain.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown custody action {action!r}")
    head = session.execute(
        select(CustodyHead).where(CustodyHead.id == 1).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = CustodyHead(id=1, seq=0, entry_hash=GENESIS)
        session.add(head)
    seq = head.seq + 1
    at = iso_utc()
    details_text = canonical_json(details or {})
    c_hash = content_hash(content_of(seq, at, actor, action, sha256, details_text))
    e_hash = entry_hash(seq, head.entry_hash, c_hash)
    entry = CustodyEntry(seq=seq, at=at, actor=actor, action=action, source_sha256=sha256,
                         details=details_text, content_hash=c_hash, prev_hash=head.entry_hash,
                         entry_hash=e_hash)
    session.add(entry)
    head.seq = seq
    head.entry_hash = e_hash
    session.flush()
    return entry


def entry_to_dict(e: CustodyEntry) -> dict[str, Any]:
    return {"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action,
            "sha256": e.source_sha256, "details": json.loads(e.details),
            "content_hash": e.content_hash, "prev_hash": e.prev_hash, "entry_hash": e.entry_hash}


def redacted(e: CustodyEntry) -> dict[str, Any]:
    return {"seq": e.seq, "redacted": True, "content_hash": e.content_hash,
            "prev_hash": e.prev_hash, "entry_hash": e.entry_hash}


@dataclass
class ChainReport:
    entries: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)


def check_chain(entries: Iterable[dict[str, Any]], report: ChainReport | None = None) -> ChainReport:
    """Walk entries in stored order; name every entry that was edited, removed, added or moved.

    Works on database rows and on a bundle's JSON lines alike (redacted entries carry only their
    hashes). After the first break the walk re-anchors on the stored hashes, so one tampered entry
    yields one or two findings, not a cascade over the rest of the log.
    """
    report = report or ChainReport()
    prev = GENESIS
    expected_seq = 1
    for e in entries:
        seq = int(e["seq"])
        report.entries += 1
        if seq != expected_seq:
            if seq > expected_seq:
                report.problems.append(
                    f"entries {expected_seq}..{seq - 1} are missing (deleted from the log)"
                    if seq - 1 > expected_seq else f"entry {expected_seq} is missing (deleted)"
                )
            else:
                report.problems.append(f"entry {seq} is out of order or duplicated (after "
                                       f"{expected_seq - 1})")
        if not e.get("redacted"):
            details = e["details"]
            details_text = details if isinstance(details, str) else canonical_json(details)
            c = content_hash(content_of(seq, e["at"], e["actor"], e["action"], e["sha256"],
                                        details_text))
            if c != e["content_hash"]:
                report.problems.append(f"entry {seq} was edited: its content does not match "
                                       "its recorded hash")
        c = e["content_hash"]
        if e["prev_hash"] != prev:
            report.problems.append(f"entry {seq} does not follow the entry before it (chain "
                                   "broken: an entry was inserted, removed or reordered)")
        if entry_hash(seq, e["prev_hash"], c) != e["entry_hash"]:
            report.problems.append(f"entry {seq} has a wrong entry hash (edited)")
        prev = e["entry_hash"]
        expected_seq = seq + 1
        report.head_seq = seq
        report.head_hash = e["entry_hash"]
    return report


def iter_db_entries(session: Session, batch: int = 5000) -> Iterator[dict[str, Any]]:
    rows = session.execute(
        select(CustodyEntry.seq, CustodyEntry.at, CustodyEntry.actor, CustodyEntry.action,
               CustodyEntry.source_sha256, CustodyEntry.details, CustodyEntry.content_hash,
               CustodyEntry.prev_hash, CustodyEntry.entry_hash)
        .order_by(CustodyEntry.seq)
        .execution_options(yield_per=batch)
    )
    for r in rows:
        yield {"seq": r[0], "at": r[1], "actor": r[2], "action": r[3], "sha256": r[4],
               "details": r[5], "content_hash": r[6], "prev_hash": r[7], "entry_hash": r[8]}


class Anchor:
    """The newest (seq, hash) mirrored in a file in the vault, outside the database.

    Deleting the last entries of the log leaves a chain that still walks; the anchor is what
    notices. Copy it elsewhere (print it, e-mail it) to anchor the log outside this machine too.
    """

    def __init__(self, path: Path, *, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync

    def read(self) -> tuple[int, str] | None:
        if not self.path.exists():
            return None
        data = json.loads(self.path.read_text("utf-8"))
        return int(data["seq"]), str(data["entry_hash"])

    def write(self, seq: int, e_hash: str) -> None:
        atomic_write_bytes(self.path, canonical_json({"seq": seq, "entry_hash": e_hash}).encode(),
                           sync=self.fsync)
