"""first schema: the customer archive

Revision ID: 0001
Revises:
Create Date: 2026-11-22 13:00:01.486156
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    op.create_table(
        "region",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
        sa.UniqueConstraint("code", name=op.f("uq_region_code")),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "salesperson",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("region_id", sa.Uuid(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_salesperson_region_id_region")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_salesperson")),
        sa.UniqueConstraint("code", name=op.f("uq_salesperson_code")),
    )
    with op.batch_alter_table("salesperson", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_salesperson_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "customer",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=False),
        sa.Column("landline", sa.String(length=32), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("wechat", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("region_id", sa.Uuid(), nullable=True),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("potential", sa.Integer(), nullable=True),
        sa.Column("customer_since", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("last_visit_on", sa.Date(), nullable=True),
        sa.Column("next_visit_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_id"], ["region.id"], name=op.f("fk_customer_region_id_region")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_customer_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("number", name=op.f("uq_customer_number")),
    )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_region_id"), ["region_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_customer_salesperson_id"), ["salesperson_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_customer_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "complaint",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_complaint_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_complaint_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint")),
    )
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "contact",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=False),
        sa.Column("landline", sa.String(length=32), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_contact_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "customer_change",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_customer_change_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_change")),
    )
    with op.batch_alter_table("customer_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_customer_change_customer_at", ["customer_id", "changed_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_customer_change_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "sales_order",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("order_date", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("profit_cents", sa.Integer(), nullable=False),
        sa.Column("via_outlet", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_sales_order_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["salesperson.id"],
            name=op.f("fk_sales_order_salesperson_id_salesperson"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order")),
    )
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sales_order_customer_date", ["customer_id", "order_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sales_order_order_date"), ["order_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_order_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "tier_assessment",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("assessed_at", sa.DateTime(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("previous_tier", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("components", sa.JSON(), nullable=True),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_tier_assessment_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_assessment")),
    )
    with op.batch_alter_table("tier_assessment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tier_assessment_customer_at", ["customer_id", "assessed_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tier_assessment_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "visit_card",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_visit_card_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_card")),
        sa.UniqueConstraint("customer_id", "seq", name="uq_visit_card_customer_seq"),
    )
    with op.batch_alter_table("visit_card", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visit_card_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_card_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "payment",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_payment_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["sales_order.id"], name=op.f("fk_payment_order_id_sales_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index("ix_payment_customer_date", ["customer_id", "paid_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "visit",
        sa.Column("card_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("salesperson_id", sa.Uuid(), nullable=True),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=300), nullable=False),
        sa.Column("next_step", sa.String(length=300), nullable=False),
        sa.Column("next_visit_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["card_id"], ["visit_card.id"], name=op.f("fk_visit_card_id_visit_card")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_visit_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"], ["salesperson.id"], name=op.f("fk_visit_salesperson_id_salesperson")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
        sa.UniqueConstraint("card_id", "slot", name="uq_visit_card_slot"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_customer_date", ["customer_id", "visit_date"], unique=False)
        batch_op.create_index(
            "ix_visit_salesperson_date", ["salesperson_id", "visit_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visit_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_updated_at"))
        batch_op.drop_index("ix_visit_salesperson_date")
        batch_op.drop_index("ix_visit_customer_date")

    op.drop_table("visit")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_updated_at"))
        batch_op.drop_index("ix_payment_customer_date")

    op.drop_table("payment")
    with op.batch_alter_table("visit_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_card_updated_at"))
        batch_op.drop_index(batch_op.f("ix_visit_card_customer_id"))

    op.drop_table("visit_card")
    with op.batch_alter_table("tier_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tier_assessment_updated_at"))
        batch_op.drop_index("ix_tier_assessment_customer_at")

    op.drop_table("tier_assessment")
    with op.batch_alter_table("sales_order", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sales_order_updated_at"))
        batch_op.drop_index(batch_op.f("ix_sales_order_order_date"))
        batch_op.drop_index("ix_sales_order_customer_date")

    op.drop_table("sales_order")
    with op.batch_alter_table("customer_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_change_updated_at"))
        batch_op.drop_index("ix_customer_change_customer_at")

    op.drop_table("customer_change")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_updated_at"))
        batch_op.drop_index(batch_op.f("ix_contact_customer_id"))

    op.drop_table("contact")
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_updated_at"))
        batch_op.drop_index(batch_op.f("ix_complaint_customer_id"))

    op.drop_table("complaint")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_updated_at"))
        batch_op.drop_index(batch_op.f("ix_customer_salesperson_id"))
        batch_op.drop_index(batch_op.f("ix_customer_region_id"))

    op.drop_table("customer")
    with op.batch_alter_table("salesperson", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_salesperson_updated_at"))

    op.drop_table("salesperson")
    op.drop_table("setting")
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_updated_at"))

    op.drop_table("region")
    op.drop_table("counter")
