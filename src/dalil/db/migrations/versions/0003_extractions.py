"""extractions: claims, events, figures and place mentions with spans and extractor version

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-25 16:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_extractions_part", "extractions", ["source_id", "part"], unique=True)
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("extraction_id", sa.Integer(),
                  sa.ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attributed_to", sa.String(length=512), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("hedge_cues", sa.JSON(), nullable=False),
        sa.Column("quoted", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.String(length=256), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claims_source", "claims", ["source_id", "part"])
    op.create_index("ix_claims_extraction", "claims", ["extraction_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("extraction_id", sa.Integer(),
                  sa.ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claims.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("violations", sa.JSON(), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("date_inherited", sa.Boolean(), nullable=False),
        sa.Column("place", sa.String(length=256), nullable=True),
        sa.Column("place_id", sa.String(length=64), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("place_inherited", sa.Boolean(), nullable=False),
        sa.Column("perpetrators", sa.JSON(), nullable=False),
        sa.Column("victim_groups", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_events_source", "events", ["source_id", "part"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_place", "events", ["place_id"])
    op.create_index("ix_events_extraction", "events", ["extraction_id"])
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("extraction_id", sa.Integer(),
                  sa.ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=True),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value_low", sa.Integer(), nullable=False),
        sa.Column("value_high", sa.Integer(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("what", sa.String(length=32), nullable=False),
        sa.Column("attributed_to", sa.String(length=512), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=256), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_figures_source", "figures", ["source_id", "part"])
    op.create_index("ix_figures_extraction", "figures", ["extraction_id"])
    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("extraction_id", sa.Integer(),
                  sa.ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.String(length=64), nullable=False),
        sa.Column("canonical", sa.String(length=256), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("admin1", sa.String(length=128), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_place_mentions_source", "place_mentions", ["source_id", "part"])
    op.create_index("ix_place_mentions_place", "place_mentions", ["place_id"])
    op.create_index("ix_place_mentions_extraction", "place_mentions", ["extraction_id"])


def downgrade() -> None:
    for table in ("place_mentions", "figures", "events", "claims", "extractions"):
        op.drop_table(table)
