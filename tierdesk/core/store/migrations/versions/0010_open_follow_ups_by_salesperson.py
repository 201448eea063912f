"""one salesperson's open follow-ups found by the salesperson first

Today's list at every start counts and reads one salesperson's open follow-ups. The index
began with the status and the due day, so each read walked every open follow-up of the office
due by the end of the week and dropped the others' (17 ms a count at 900,000 open follow-ups,
six reads a start). Led by the salesperson, and holding only live rows, it reads that
salesperson's alone.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open")
        batch_op.create_index("ix_follow_up_person_open",
                              ["salesperson_id", "status", "due_on", "last_on"], unique=False,
                              sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_person_open")
        batch_op.create_index("ix_follow_up_open", ["status", "due_on", "salesperson_id"],
                              unique=False)
