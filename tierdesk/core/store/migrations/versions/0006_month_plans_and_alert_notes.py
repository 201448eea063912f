"""month plans and alert notes

The customers' pass index also covers the last visit, and open follow-ups get an index read
customer by customer, both for the month plan's pass; payments get an index by date for the
scorecards. A month plan keeps each
salesperson's quotas (as proposed and as adjusted) and, once published, the task list handed
out with them. A manager's acknowledgement of a problem alert
is kept with its note.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


PASS = ["id", "number", "name", "tier", "potential", "customer_since", "tier_overridden",
        "status", "region_id", "salesperson_id"]


def upgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index("ix_payment_live_date", ["paid_on", "customer_id", "amount_cents"],
                              unique=False, sqlite_where=sa.text("deleted_at IS NULL"))
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_pass")
        batch_op.create_index("ix_customer_pass", [*PASS, "last_visit_on"], unique=False,
                              sqlite_where=sa.text("deleted_at IS NULL"))
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_open_customer",
            ["status", "customer_id", "kind", "due_on"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "alert_note",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_note")),
        sa.UniqueConstraint("key", name=op.f("uq_alert_note_key")),
    )
    with op.batch_alter_table("alert_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alert_note_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "month_plan",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("new_customer_target", sa.Integer(), nullable=False),
        sa.Column("office_name", sa.String(length=200), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_plan")),
        sa.UniqueConstraint("month", name=op.f("uq_month_plan_month")),
    )
    with op.batch_alter_table("month_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_month_plan_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "plan_quota",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("follow_ups", sa.Integer(), nullable=False),
        sa.Column("new_customers", sa.Integer(), nullable=False),
        sa.Column("visits_per_day", sa.Double(), nullable=False),
        sa.Column("proposed", sa.JSON(), nullable=False),
        sa.Column("adjusted", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["month_plan.id"], name=op.f("fk_plan_quota_plan_id_month_plan")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_plan_quota_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_quota")),
        sa.UniqueConstraint("plan_id", "salesperson_id", name="uq_plan_quota_person"),
    )
    with op.batch_alter_table("plan_quota", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_quota_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "plan_task",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("follow_ups", sa.Integer(), nullable=False),
        sa.Column("why", sa.JSON(), nullable=False),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_plan_task_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["month_plan.id"], name=op.f("fk_plan_task_plan_id_month_plan")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_plan_task_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_task")),
    )
    with op.batch_alter_table("plan_task", schema=None) as batch_op:
        batch_op.create_index(
            "ix_plan_task_plan_person", ["plan_id", "salesperson_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_plan_task_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_live_date")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_pass")
        batch_op.create_index("ix_customer_pass", PASS, unique=False,
                              sqlite_where=sa.text("deleted_at IS NULL"))
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open_customer")

    with op.batch_alter_table("plan_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_task_updated_at"))
        batch_op.drop_index("ix_plan_task_plan_person")

    op.drop_table("plan_task")
    with op.batch_alter_table("plan_quota", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_quota_updated_at"))

    op.drop_table("plan_quota")
    with op.batch_alter_table("month_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_month_plan_updated_at"))

    op.drop_table("month_plan")
    with op.batch_alter_table("alert_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alert_note_updated_at"))

    op.drop_table("alert_note")
