"""open follow-ups indexed by due day

The month plan reads the open follow-ups due by the month's end. Its index listed them
customer by customer, so the read walked every open follow-up of the archive; ordered by due
day, it stops at the month's end.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open_customer")
        batch_op.create_index("ix_follow_up_open_due", ["status", "due_on", "customer_id", "kind"],
                              unique=False, sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open_due")
        batch_op.create_index("ix_follow_up_open_customer",
                              ["status", "customer_id", "kind", "due_on"],
                              unique=False, sqlite_where=sa.text("deleted_at IS NULL"))
