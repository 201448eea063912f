"""visit corrections and strike-outs

A card entry can be corrected or struck out as on paper: a struck entry stays on the card with
who struck it and when, and every change to an entry keeps the value it had before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("struck_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("struck_by", sa.String(length=100), nullable=False,
                                      server_default=""))
    op.create_table(
        "visit_change",
        sa.Column("visit_id", sa.Uuid(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"],
                                name=op.f("fk_visit_change_visit_id_visit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_change")),
    )
    with op.batch_alter_table("visit_change", schema=None) as batch_op:
        batch_op.create_index("ix_visit_change_visit_at", ["visit_id", "changed_at"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_visit_change_updated_at"), ["updated_at"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("visit_change")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("struck_by")
        batch_op.drop_column("struck_at")
