"""customer list: the search key split into Latin and Chinese parts, one covering index

The list reads every customer's id and search keys at start-up, in number order; a covering
index makes that one pass over a narrow index instead of hops through the wide table. The
key is split so that a search scans only the part that can hold what was typed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 5000


def _split(key: str) -> tuple[str, str]:
    # Kept here, not imported: a migration must not change when the code around it does.
    parts = key.split("|")
    return ("|".join(p for p in parts if p.isascii()),
            "|".join(p for p in parts if not p.isascii()))


def upgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_han", sa.Text(), nullable=False,
                                      server_default=""))
    connection = op.get_bind()
    customer = sa.table("customer", sa.column("id", sa.Uuid()), sa.column("search_key", sa.Text),
                        sa.column("search_han", sa.Text))
    rows = connection.execute(sa.select(customer.c.id, customer.c.search_key)).all()
    for start in range(0, len(rows), BATCH):
        updates = []
        for customer_id, key in rows[start:start + BATCH]:
            ascii_key, han_key = _split(key or "")
            updates.append({"cid": customer_id, "k": ascii_key, "h": han_key})
        connection.execute(customer.update().where(customer.c.id == sa.bindparam("cid"))
                           .values(search_key=sa.bindparam("k"), search_han=sa.bindparam("h")),
                           updates)
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_customer_list", ["number", "id", "search_key", "search_han"], unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_list")
        batch_op.drop_column("search_han")
