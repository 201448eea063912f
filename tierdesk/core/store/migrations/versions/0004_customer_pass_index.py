"""one covering index for passes over every customer

The reassessment, the contact norms and the tier picture each read every live customer; the
grading index now also holds status, region and salesperson, so all three read one narrow
index instead of hopping from an index into the wide customer table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GRADING = ["id", "number", "name", "tier", "potential", "customer_since", "tier_overridden"]


def upgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_grading")
        batch_op.create_index(
            "ix_customer_pass", [*GRADING, "status", "region_id", "salesperson_id"],
            unique=False, sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_pass")
        batch_op.create_index("ix_customer_grading", GRADING, unique=False,
                              sqlite_where=sa.text("deleted_at IS NULL"))
