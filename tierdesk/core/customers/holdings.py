"""Everything a customer holds on an archive, removed at once: the customers handed away
leave a laptop with it (core.sync.merge), a customer purged from the trash loses it
(core.customers.trash)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import delete, select

from tierdesk.core.store.models import Visit, VisitChange
from tierdesk.core.sync import tables

# How many customers one statement names.
CHUNK = 500


def remove_holdings(run: Callable[[Any], Any], customer_ids: Sequence[uuid.UUID], *,
                    with_customer: bool) -> None:
    """Delete the rows of ``customer_ids`` in every table of a customer's, children first
    (a visit's history before the visit), and the customer rows too where ``with_customer``.
    ``run`` executes each statement: the session's ``execute`` (journalled by the gate), or
    its connection's (the caller journals what it removed itself)."""
    names = [name for name in reversed(tables.ALL_OF_A_CUSTOMER)
             if with_customer or name != "customer"]
    for start in range(0, len(customer_ids), CHUNK):
        part = list(customer_ids[start:start + CHUNK])
        visits = select(Visit.id).where(Visit.customer_id.in_(part))
        run(delete(VisitChange).where(VisitChange.visit_id.in_(visits)))
        for name in names:
            table = tables.table(name)
            column = table.c[tables.customer_column(name) or "customer_id"]
            run(delete(table).where(column.in_(part)))
