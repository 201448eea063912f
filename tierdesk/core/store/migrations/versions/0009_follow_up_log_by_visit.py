"""follow-up log entries found by their card entry

Opening a card asks which of its entries completed a follow-up (to say what the follow-up
was about in the reader's language). Without an index on the entry, each card read walked
the whole call and letter register.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("follow_up_log", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_log_visit", ["visit_id"], unique=False,
                              sqlite_where=sa.text("visit_id IS NOT NULL"))


def downgrade() -> None:
    with op.batch_alter_table("follow_up_log", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_log_visit")
