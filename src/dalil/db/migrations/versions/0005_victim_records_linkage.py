"""victim lists, victim records, victims, link decisions, candidate pairs

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "victim_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "victim_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), sa.ForeignKey("victim_lists.id"), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=True),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("original", sa.JSON(), nullable=False),
        sa.Column("list_record_id", sa.String(length=200), nullable=True),
        sa.Column("full_name", sa.Text(), nullable=True),
        sa.Column("given_name", sa.String(length=200), nullable=True),
        sa.Column("father_name", sa.String(length=200), nullable=True),
        sa.Column("grandfather_name", sa.String(length=200), nullable=True),
        sa.Column("family_name", sa.String(length=200), nullable=True),
        sa.Column("mother_name", sa.String(length=200), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("date_of_death", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("place_of_death", sa.String(length=300), nullable=True),
        sa.Column("place_of_origin", sa.String(length=300), nullable=True),
        sa.Column("governorate", sa.String(length=100), nullable=True),
        sa.Column("manner_of_death", sa.String(length=200), nullable=True),
        sa.Column("cause_of_death", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=True),
        sa.Column("victim_id", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("list_id", "source_id", "row_number", name="uq_victim_record_row"),
    )
    op.create_index("ix_victim_records_victim", "victim_records", ["victim_id"])
    op.create_table(
        "victims",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("n_records", sa.Integer(), nullable=False),
        sa.Column("first_linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "link_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_a", sa.Integer(), sa.ForeignKey("victim_records.id"), nullable=False),
        sa.Column("record_b", sa.Integer(), sa.ForeignKey("victim_records.id"), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column("decided_by", sa.String(length=128), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_a", "record_b", name="uq_link_decision_pair"),
    )
    op.create_table(
        "victim_pairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_a", sa.Integer(), sa.ForeignKey("victim_records.id"), nullable=False),
        sa.Column("record_b", sa.Integer(), sa.ForeignKey("victim_records.id"), nullable=False),
        sa.Column("match_probability", sa.Float(), nullable=False),
        sa.Column("match_weight", sa.Float(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_victim_pairs_prob", "victim_pairs", ["match_probability"])


def downgrade() -> None:
    op.drop_index("ix_victim_pairs_prob", table_name="victim_pairs")
    op.drop_table("victim_pairs")
    op.drop_table("link_decisions")
    op.drop_table("victims")
    op.drop_index("ix_victim_records_victim", table_name="victim_records")
    op.drop_table("victim_records")
    op.drop_table("victim_lists")
