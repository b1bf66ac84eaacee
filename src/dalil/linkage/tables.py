"""Database tables of the linkage stage (migration 0005).

A victim record keeps the source it came from, its row number and the row's original cells; those
are never rewritten. Linkage writes only ``victim_id`` (which victim the record belongs to) and
the candidate pairs of the last run; reviewers' decisions are kept as must-link / cannot-link
constraints that every later run respects.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from dalil.db.models import Base

__all__ = ["LinkDecision", "Victim", "VictimList", "VictimPair", "VictimRecordRow"]


class VictimList(Base):
    __tablename__ = "victim_lists"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(128))


class VictimRecordRow(Base):
    __tablename__ = "victim_records"
    __table_args__ = (
        UniqueConstraint("list_id", "source_id", "row_number", name="uq_victim_record_row"),
        Index("ix_victim_records_victim", "victim_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("victim_lists.id"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), default=None)
    row_number: Mapped[int] = mapped_column(Integer)
    # the row exactly as the list wrote it (header -> cell), JSON
    original: Mapped[dict[str, Any]]
    list_record_id: Mapped[str | None] = mapped_column(String(200), default=None)
    full_name: Mapped[str | None] = mapped_column(Text, default=None)
    given_name: Mapped[str | None] = mapped_column(String(200), default=None)
    father_name: Mapped[str | None] = mapped_column(String(200), default=None)
    grandfather_name: Mapped[str | None] = mapped_column(String(200), default=None)
    family_name: Mapped[str | None] = mapped_column(String(200), default=None)
    mother_name: Mapped[str | None] = mapped_column(String(200), default=None)
    sex: Mapped[str | None] = mapped_column(String(16), default=None)
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)
    date_of_death: Mapped[str | None] = mapped_column(String(10), default=None)
    date_precision: Mapped[str | None] = mapped_column(String(8), default=None)
    place_of_death: Mapped[str | None] = mapped_column(String(300), default=None)
    place_of_origin: Mapped[str | None] = mapped_column(String(300), default=None)
    governorate: Mapped[str | None] = mapped_column(String(100), default=None)
    manner_of_death: Mapped[str | None] = mapped_column(String(200), default=None)
    cause_of_death: Mapped[str | None] = mapped_column(String(300), default=None)
    status: Mapped[str | None] = mapped_column(String(32), default=None)
    victim_id: Mapped[str | None] = mapped_column(String(20), default=None)


class Victim(Base):
    __tablename__ = "victims"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    n_records: Mapped[int] = mapped_column(Integer)
    first_linked_at: Mapped[datetime]
    last_linked_at: Mapped[datetime]


class LinkDecision(Base):
    """A reviewer's decision on a pair of records: must_link or cannot_link."""

    __tablename__ = "link_decisions"
    __table_args__ = (UniqueConstraint("record_a", "record_b", name="uq_link_decision_pair"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_a: Mapped[int] = mapped_column(ForeignKey("victim_records.id"))
    record_b: Mapped[int] = mapped_column(ForeignKey("victim_records.id"))
    decision: Mapped[str] = mapped_column(String(16))
    probability: Mapped[float | None] = mapped_column(Float, default=None)
    decided_by: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime]


class VictimPair(Base):
    """A candidate pair from the last linkage run, with the match weights behind it."""

    __tablename__ = "victim_pairs"
    __table_args__ = (Index("ix_victim_pairs_prob", "match_probability"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_a: Mapped[int] = mapped_column(ForeignKey("victim_records.id"))
    record_b: Mapped[int] = mapped_column(ForeignKey("victim_records.id"))
    match_probability: Mapped[float] = mapped_column(Float)
    match_weight: Mapped[float] = mapped_column(Float)
    explanation: Mapped[dict[str, Any]]
