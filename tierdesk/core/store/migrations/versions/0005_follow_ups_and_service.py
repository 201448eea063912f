"""follow-ups, service jobs, customer dates, holidays, surveys; complaints assigned and answered

The follow-up schedule keeps its tasks (callbacks after sales and service jobs, greetings,
reminders before a customer's dates) and every attempt at them (the call and letter
registers). The office's holiday calendar, satisfaction surveys, and the complaint's assignee,
answer and closing time are new.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holiday",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("workday", sa.Boolean(), nullable=False),
        sa.Column("greet", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holiday")),
        sa.UniqueConstraint("day", name=op.f("uq_holiday_day")),
    )
    with op.batch_alter_table("holiday", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_holiday_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "customer_date",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_date_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_date")),
    )
    with op.batch_alter_table("customer_date", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_date_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_customer_date_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("first_due_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_follow_up_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_follow_up_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
        sa.UniqueConstraint(
            "customer_id", "kind", "source_id", "first_due_on", name="uq_follow_up_source"
        ),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_open", ["status", "due_on", "salesperson_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_up_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "service_job",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_service_job_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_service_job_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_job")),
    )
    with op.batch_alter_table("service_job", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_job_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_job_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "survey",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("surveyed_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_survey_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey")),
    )
    with op.batch_alter_table("survey", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index("ix_survey_on", ["surveyed_on", "customer_id", "score"], unique=False)
        batch_op.create_index(batch_op.f("ix_survey_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "follow_up_log",
        sa.Column("follow_up_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("logged_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("postponed_to", sa.Date(), nullable=True),
        sa.Column("visit_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_follow_up_log_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_id"], ["follow_up.id"], name=op.f("fk_follow_up_log_follow_up_id_follow_up")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_follow_up_log_salesperson_id_salesperson"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_follow_up_log_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_log")),
    )
    with op.batch_alter_table("follow_up_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_up_log_follow_up_id"), ["follow_up_id"], unique=False
        )
        batch_op.create_index("ix_follow_up_log_on", ["logged_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_follow_up_log_updated_at"), ["updated_at"], unique=False
        )

    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assigned_to_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_complaint_assigned_to_id_salesperson"),
            "salesperson",
            ["assigned_to_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_complaint_assigned_to_id_salesperson"), type_="foreignkey"
        )
        batch_op.drop_column("closed_at")
        batch_op.drop_column("answer")
        batch_op.drop_column("assigned_to_id")

    with op.batch_alter_table("follow_up_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_log_updated_at"))
        batch_op.drop_index("ix_follow_up_log_on")
        batch_op.drop_index(batch_op.f("ix_follow_up_log_follow_up_id"))

    op.drop_table("follow_up_log")
    with op.batch_alter_table("survey", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_updated_at"))
        batch_op.drop_index("ix_survey_on")
        batch_op.drop_index(batch_op.f("ix_survey_customer_id"))

    op.drop_table("survey")
    with op.batch_alter_table("service_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_job_updated_at"))
        batch_op.drop_index(batch_op.f("ix_service_job_customer_id"))

    op.drop_table("service_job")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_updated_at"))
        batch_op.drop_index("ix_follow_up_open")

    op.drop_table("follow_up")
    with op.batch_alter_table("customer_date", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_date_updated_at"))
        batch_op.drop_index(batch_op.f("ix_customer_date_customer_id"))

    op.drop_table("customer_date")
    with op.batch_alter_table("holiday", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_holiday_updated_at"))

    op.drop_table("holiday")
