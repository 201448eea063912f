"""What travels between the office and a laptop, and how a row's values travel: as JSON
(as the journal keeps them: journal.plain), converted back to the column's type on arrival."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any

from sqlalchemy import Table
from sqlalchemy.types import Date, DateTime, Numeric, Uuid

from tierdesk.core.store.models import Base

# The office's own lists: they go out to laptops, never come back from one.
REFERENCE = ("region", "salesperson", "holiday")
# What belongs to a customer, in the order rows are applied (a row after what it refers to).
CUSTOMER_TABLES = ("customer", "contact", "visit_card", "visit", "sales_order", "payment",
                   "complaint", "service_job", "customer_date", "follow_up", "follow_up_log",
                   "survey", "tier_assessment")
TRAVELLING = REFERENCE + CUSTOMER_TABLES
# Everything a customer holds on an archive, parents first (what leaves a laptop with it).
ALL_OF_A_CUSTOMER = (*CUSTOMER_TABLES, "customer_change", "plan_task")
# The program's own history of a row (a correction's fields, a strike's reason) goes with
# the row: table -> (history table, the column naming the row).
HISTORY = {"customer": ("customer_change", "customer_id"), "visit": ("visit_change", "visit_id")}
ORDER = {name: index for index, name in enumerate(TRAVELLING)}
# Kept by each archive from the rest (search keys, last and next contact, running totals)
# or by the gate (stamps): never merged, worked out again after a bundle is applied. The
# places of entries on a card and of a customer's cards too (core.customers.card_order).
DERIVED = {"customer": {"search_key", "search_han", "last_visit_on", "next_visit_on",
                        "billed_cents", "paid_cents"},
           "visit": {"slot"}, "visit_card": {"seq"}}
STAMPS = {"hlc", "updated_at", "created_at"}


def table(name: str) -> Table:
    found = Base.metadata.tables[name]
    assert isinstance(found, Table)
    return found


def merged_fields(name: str) -> list[str]:
    """The columns of ``name`` whose changes are merged field by field."""
    skip = STAMPS | DERIVED.get(name, set()) | {"id"}
    return [column.name for column in table(name).columns if column.name not in skip]


def customer_column(name: str) -> str | None:
    """The column naming a row's customer (the customer's own id for a customer)."""
    if name == "customer":
        return "id"
    return "customer_id" if "customer_id" in table(name).c else None


def typed(name: str, column: str, value: Any) -> Any:
    """A JSON value back in the type of ``name``'s ``column``."""
    if value is None:
        return None
    kind = table(name).c[column].type
    if isinstance(kind, Uuid):
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if isinstance(kind, DateTime):
        return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])
    if isinstance(kind, Numeric):
        return decimal.Decimal(str(value))
    return value
