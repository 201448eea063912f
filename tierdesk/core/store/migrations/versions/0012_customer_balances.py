"""each customer's totals billed and paid, kept on the customer

The scorecards' collection rate needs what each customer owed on the first day of the period:
netting every order against every payment before it took 3.5 s at 150,000 customers. With the
totals on the customer (kept by the write gate, core.store.balances), only the orders and payments
after that day are read. The columns are added without rewriting the table, then filled once.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customer", sa.Column("billed_cents", sa.Integer(), nullable=False,
                                        server_default="0"))
    op.add_column("customer", sa.Column("paid_cents", sa.Integer(), nullable=False,
                                        server_default="0"))
    op.execute(
        "UPDATE customer SET "
        "billed_cents = coalesce((SELECT sum(o.amount_cents) FROM sales_order o "
        "WHERE o.customer_id = customer.id AND o.deleted_at IS NULL), 0), "
        "paid_cents = coalesce((SELECT sum(p.amount_cents) FROM payment p "
        "WHERE p.customer_id = customer.id AND p.deleted_at IS NULL), 0)")
    op.create_index("ix_customer_balance", "customer",
                    ["salesperson_id", "status", "billed_cents", "paid_cents", "id"],
                    unique=False, sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_customer_balance", table_name="customer")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("paid_cents")
        batch_op.drop_column("billed_cents")
