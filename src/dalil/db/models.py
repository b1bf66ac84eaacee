"""The relational model shared by every stage.

Vocabulary follows MISSION.md: a *source* is a preserved item, the *custody log* records everything
done to evidence, a *testimony* is a witness statement under a pseudonym. Later stages (extract,
incidents, linkage) add their own tables on the same ``Base``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

RELIABILITY_GRADES = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}

SOURCE_KINDS = (
    "text", "html", "pdf", "social_export", "post", "photo", "video", "spreadsheet",
    "testimony", "other",
)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON, datetime: DateTime(timezone=True)
    }


class WorkspaceMeta(Base):
    __tablename__ = "workspace_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    role: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # SHA-256 of the exact bytes received (for encrypted testimonies: of the plaintext).
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    media_type: Mapped[str] = mapped_column(String(128))
    original_name: Mapped[str] = mapped_column(String(1024))
    size: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime]
    submitted_by: Mapped[str] = mapped_column(String(128))
    origin_url: Mapped[str | None] = mapped_column(Text, default=None)
    publisher: Mapped[str | None] = mapped_column(String(512), default=None)
    author: Mapped[str | None] = mapped_column(String(512), default=None)
    # ISO date or datetime as published; may be partial ("2025-03").
    published_at: Mapped[str | None] = mapped_column(String(40), default=None)
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    title: Mapped[str | None] = mapped_column(Text, default=None)
    # A post's export file, or a media file's post.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), default=None)
    # The platform id of a post (tweet id, Telegram message id).
    external_id: Mapped[str | None] = mapped_column(String(128), default=None)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    # SHA-256 of the stored ciphertext, so custody verifies even without the key.
    cipher_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    # active | deleted (tombstone: the blob is gone by policy, the row and its log stay)
    status: Mapped[str] = mapped_column(String(16), default="active")
    flags: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    texts: Mapped[list[SourceText]] = relationship(
        back_populates="source", cascade="all, delete-orphan", order_by="SourceText.part"
    )

    __table_args__ = (Index("ix_sources_parent", "parent_id"), Index("ix_sources_kind", "kind"))


class SourceText(Base):
    """UTF-8 text extracted from a source: one row per part (a PDF page; 0 for whole texts)."""

    __tablename__ = "source_texts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[Source] = relationship(back_populates="texts")
    __table_args__ = (Index("ux_source_texts_part", "source_id", "part", unique=True),)


class SearchDoc(Base):
    """Normalised text for full-text search (FTS5 on SQLite, tsvector on PostgreSQL)."""

    __tablename__ = "search_docs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer, default=0)
    body: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_search_docs_source", "source_id"),)


class CustodyEntry(Base):
    """One entry of the append-only, hash-chained custody log. See docs/custody-format.md."""

    __tablename__ = "custody_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    source_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    # Canonical JSON text, kept as text so its bytes (and so its hash) never change.
    details: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_custody_sha", "source_sha256"),)


class CustodyHead(Base):
    """Single row holding the newest entry; locked while appending so writers queue up."""

    __tablename__ = "custody_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))


class Testimony(Base):
    __tablename__ = "testimonies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), unique=True)
    pseudonym: Mapped[str] = mapped_column(String(128))
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    # The statement with any identity value that appeared in it replaced by "[withheld]".
    statement: Mapped[str] = mapped_column(Text)
    interview: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    consent_record: Mapped[bool] = mapped_column(Boolean)
    consent_investigators: Mapped[bool] = mapped_column(Boolean)
    consent_courts: Mapped[bool] = mapped_column(Boolean)
    consent_publish: Mapped[bool] = mapped_column(Boolean)
    # AES-256-GCM ciphertext of the identity block (JSON); never stored in plaintext.
    identity_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    created_at: Mapped[datetime]
