"""the office remembers the block of customer numbers it gave each laptop last

A laptop gives customer numbers from blocks the office sets aside for it; when a laptop says
it has used half of its numbers, the office sets aside another block and sends it with its
changes until the laptop has it. ``sync_peer.numbers`` is that latest block (first, last).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_peer", sa.Column("numbers", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_peer") as table:
        table.drop_column("numbers")
