"""the index of live card entries leaves struck entries out

A struck entry stays on its card but counts nowhere (norms, scorecards, alerts, month plans).
The index the month plan and the norms read contacts through covered the entries not deleted;
it now covers the entries that count, so those reads filter struck entries out without
visiting the table.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

COLUMNS = ["visit_date", "customer_id", "channel"]


def upgrade() -> None:
    op.drop_index("ix_visit_live_date", table_name="visit")
    op.create_index("ix_visit_live_date", "visit", COLUMNS, unique=False,
                    sqlite_where=sa.text("deleted_at IS NULL AND struck_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_visit_live_date", table_name="visit")
    op.create_index("ix_visit_live_date", "visit", COLUMNS, unique=False,
                    sqlite_where=sa.text("deleted_at IS NULL"))
