"""laptops and the office exchange changes: peers, conflicts, where a change was made

The journal says where a change came in from (``origin``, the site id of the archive where it
was made) and is found by row; ``sync_peer`` keeps, for each archive this one exchanges with,
how far each side has applied the other's changes; ``sync_conflict`` is the manager's queue.
Nothing existing is rewritten.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("journal", sa.Column("origin", sa.String(36), nullable=False,
                                       server_default=""))
    op.create_index("ix_journal_row", "journal", ["row_id", "hlc"])
    op.create_table(
        "sync_peer",
        sa.Column("site", sa.String(36), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("acked_up_to", sa.String(24), nullable=False),
        sa.Column("received_up_to", sa.String(24), nullable=False),
        sa.Column("last_exchange_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("site", name=op.f("pk_sync_peer")))
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("peer_site", sa.String(36), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=True),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("local", sa.JSON(), nullable=True),
        sa.Column("incoming", sa.JSON(), nullable=True),
        sa.Column("local_by", sa.String(100), nullable=False),
        sa.Column("local_machine", sa.String(100), nullable=False),
        sa.Column("local_hlc", sa.String(24), nullable=False),
        sa.Column("incoming_by", sa.String(100), nullable=False),
        sa.Column("incoming_machine", sa.String(100), nullable=False),
        sa.Column("incoming_hlc", sa.String(24), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("resolution", sa.JSON(), nullable=True),
        sa.Column("resolved_by", sa.String(100), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")))
    op.create_index("ix_sync_conflict_status", "sync_conflict", ["status", "raised_at"])


def downgrade() -> None:
    op.drop_index("ix_sync_conflict_status", table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_table("sync_peer")
    op.drop_index("ix_journal_row", table_name="journal")
    op.drop_column("journal", "origin")
