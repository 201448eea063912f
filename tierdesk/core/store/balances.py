"""Each customer's running totals: every live order billed and every live payment received,
kept on the customer row so that what a customer owed on a day is read from the orders and
payments after that day only (the scorecards' collection rate), not from years of them.

They are derived: the write gate (core.store.journal) recomputes them, from the orders and payments
themselves, for the customers whose orders or payments a write touched, in that write's
transaction. They are not journalled: every machine derives its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from tierdesk.core.store.models import Customer, Order, Payment

# The tables whose rows feed the totals (the gate watches them).
FED_BY = ("sales_order", "payment")
_CHUNK = 500


def recompute(session: Session, customer_ids: Iterable[uuid.UUID] | None) -> None:
    """Set the totals of those customers (None: of every customer) from their live orders
    and payments."""
    table = cast(Table, Customer.__table__)
    billed = (select(func.coalesce(func.sum(Order.amount_cents), 0))
              .where(Order.customer_id == table.c.id, Order.deleted_at.is_(None))
              .scalar_subquery())
    paid = (select(func.coalesce(func.sum(Payment.amount_cents), 0))
            .where(Payment.customer_id == table.c.id, Payment.deleted_at.is_(None))
            .scalar_subquery())
    change = table.update().values(billed_cents=billed, paid_cents=paid)
    # On the connection, not through the session: derived values are not a change of the
    # customer that the journal should carry to other machines.
    connection = session.connection()
    if customer_ids is None:
        connection.execute(change)
        return
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _CHUNK):
        connection.execute(change.where(table.c.id.in_(ids[start:start + _CHUNK])))
