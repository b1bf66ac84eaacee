"""Tables of the incidents stage (migration 0004). Derived tables (origin edges, incidents and
their events) are rewritten by ``dalil incidents build``; reviewers' decisions and claim reviews
are never rewritten, so every rebuild applies them again."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dalil.db.models import Base


class OriginEdge(Base):
    """Source ``source_id`` derives from ``node`` (another source ``s:ID`` or an outside origin)."""

    __tablename__ = "origin_edges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    node: Mapped[str] = mapped_column(String(300))
    rule: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_origin_edges_source", "source_id"),)


class SourceOrigin(Base):
    """The origin group of each source (sources in one group are one origin, not independent)."""

    __tablename__ = "source_origins"
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    group_key: Mapped[str] = mapped_column(String(300))
    label: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_source_origins_group", "group_key"),)


class Incident(Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    date_start: Mapped[str | None] = mapped_column(String(10), default=None)
    date_end: Mapped[str | None] = mapped_column(String(10), default=None)
    precision: Mapped[str | None] = mapped_column(String(16), default=None)
    # Lower-cased place names (with their district and governorate) and violation types, for
    # the list filters; the full picture is in ``summary``.
    place_names: Mapped[str] = mapped_column(Text, default="")
    violations: Mapped[str] = mapped_column(Text, default="")
    independent_origins: Mapped[int] = mapped_column(Integer, default=0)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    n_contradictions: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # A reviewer's status (under_review, verified, disputed, false, unverified) or None, in which
    # case the status is computed: corroborated with two or more independent origins.
    status: Mapped[str | None] = mapped_column(String(16), default=None)
    status_by: Mapped[str | None] = mapped_column(String(128), default=None)
    status_reason: Mapped[str | None] = mapped_column(Text, default=None)
    status_evidence: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]
    __table_args__ = (Index("ix_incidents_dates", "date_start", "date_end"),)


class IncidentEvent(Base):
    __tablename__ = "incident_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    event_key: Mapped[str] = mapped_column(String(160))
    claim_key: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    origin_group: Mapped[str] = mapped_column(String(300))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The link that joined this event to its incident (features, score, reasons), if any.
    link: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    __table_args__ = (Index("ix_incident_events_incident", "incident_id"),
                      Index("ix_incident_events_key", "event_key"),
                      Index("ix_incident_events_claim", "claim_key"))


class IncidentDecision(Base):
    """A reviewer's split, merge or move, stated as event keys so rebuilds can apply it again."""

    __tablename__ = "incident_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # split | merge | move
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]


class ClaimReview(Base):
    """A reviewer's verification status and credibility grade (1-6) for one claim."""

    __tablename__ = "claim_reviews"
    claim_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    status: Mapped[str | None] = mapped_column(String(16), default=None)
    credibility: Mapped[int | None] = mapped_column(Integer, default=None)
    actor: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    updated_at: Mapped[datetime]
