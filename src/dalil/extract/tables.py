"""Stored extractions: one row per (source, part) run, and its claims, events, figures and place
mentions, each with the source, the part and the span of the text it came from.

Every row records ``extractor_version``; ``dalil extract --all`` recomputes the parts whose
stored version differs from the running extractor. Tables live on the shared ``Base``; the schema
comes from migration ``0003``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dalil.db.models import Base


class ExtractionRun(Base):
    __tablename__ = "extractions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer, default=0)
    extractor_version: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[str] = mapped_column(String(40))
    # The whole result as JSON (document view, mentions, rules, warnings) for reviewers.
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (Index("ux_extractions_part", "source_id", "part", unique=True),)


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    extraction_id: Mapped[int] = mapped_column(ForeignKey("extractions.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    attributed_to: Mapped[str] = mapped_column(String(512))
    hedged: Mapped[bool] = mapped_column(Boolean)
    hedge_cues: Mapped[list[str]] = mapped_column(JSON)
    quoted: Mapped[bool] = mapped_column(Boolean)
    rule: Mapped[str] = mapped_column(String(256))
    extractor_version: Mapped[str] = mapped_column(String(32))
    __table_args__ = (Index("ix_claims_source", "source_id", "part"),
                      Index("ix_claims_extraction", "extraction_id"))


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    extraction_id: Mapped[int] = mapped_column(ForeignKey("extractions.id", ondelete="CASCADE"))
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    violations: Mapped[list[str]] = mapped_column(JSON)
    date: Mapped[str | None] = mapped_column(String(40), default=None)
    date_inherited: Mapped[bool] = mapped_column(Boolean, default=False)
    place: Mapped[str | None] = mapped_column(String(256), default=None)
    place_id: Mapped[str | None] = mapped_column(String(64), default=None)
    lat: Mapped[float | None] = mapped_column(Float, default=None)
    lon: Mapped[float | None] = mapped_column(Float, default=None)
    place_inherited: Mapped[bool] = mapped_column(Boolean, default=False)
    perpetrators: Mapped[list[str]] = mapped_column(JSON)
    victim_groups: Mapped[list[str]] = mapped_column(JSON)
    extractor_version: Mapped[str] = mapped_column(String(32))
    __table_args__ = (Index("ix_events_source", "source_id", "part"),
                      Index("ix_events_date", "date"), Index("ix_events_place", "place_id"),
                      Index("ix_events_extraction", "extraction_id"))


class FigureRow(Base):
    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    extraction_id: Mapped[int] = mapped_column(ForeignKey("extractions.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                                 default=None)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # casualty | other
    value_low: Mapped[int] = mapped_column(Integer)
    value_high: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(16))
    what: Mapped[str] = mapped_column(String(32))
    attributed_to: Mapped[str] = mapped_column(String(512))
    hedged: Mapped[bool] = mapped_column(Boolean)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(256))
    extractor_version: Mapped[str] = mapped_column(String(32))
    __table_args__ = (Index("ix_figures_source", "source_id", "part"),
                      Index("ix_figures_extraction", "extraction_id"))


class PlaceMentionRow(Base):
    __tablename__ = "place_mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    extraction_id: Mapped[int] = mapped_column(ForeignKey("extractions.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    part: Mapped[int] = mapped_column(Integer)
    place_id: Mapped[str] = mapped_column(String(64))
    canonical: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    admin1: Mapped[str] = mapped_column(String(128))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(32))
    __table_args__ = (Index("ix_place_mentions_source", "source_id", "part"),
                      Index("ix_place_mentions_place", "place_id"),
                      Index("ix_place_mentions_extraction", "extraction_id"))
