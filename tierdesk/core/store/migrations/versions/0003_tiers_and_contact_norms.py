"""tiers and contact norms: overrides on the customer row, covering indexes for the passes

A manager's override is a flag on the customer (set from each customer's latest grade), so a
reassessment no longer reads the whole grade history to find them. Covering indexes serve the
reassessment (what it reads of every customer; live orders by date), the contact norms (live
visits by date and channel) and the migration between two reassessments (grades by when they
were given).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch would copy the customer table, which others reference.
    op.add_column("customer", sa.Column("tier_overridden", sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
    op.execute(sa.text(
        "UPDATE customer SET tier_overridden = :yes WHERE id IN ("
        " SELECT a.customer_id FROM tier_assessment a"
        " WHERE a.overridden = :yes AND a.assessed_at = ("
        "  SELECT max(b.assessed_at) FROM tier_assessment b"
        "  WHERE b.customer_id = a.customer_id))").bindparams(yes=True))
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_customer_grading", ["id", "number", "name", "tier", "potential",
                                    "customer_since", "tier_overridden"], unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"))
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sales_order_live_date",
            ["order_date", "customer_id", "amount_cents", "profit_cents"], unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"))
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_live_date", ["visit_date", "customer_id", "channel"],
                              unique=False, sqlite_where=sa.text("deleted_at IS NULL"))
    with op.batch_alter_table("tier_assessment", schema=None) as batch_op:
        batch_op.create_index("ix_tier_assessment_at", ["assessed_at", "customer_id", "tier"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tier_assessment", schema=None) as batch_op:
        batch_op.drop_index("ix_tier_assessment_at")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_live_date")
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_order_live_date")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_grading")
        batch_op.drop_column("tier_overridden")
