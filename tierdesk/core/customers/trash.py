"""The trash: a deleted customer stays restorable for TRASH_DAYS days, then is purged for real.

A delete is soft (master_file.delete_customer sets the customer row's ``deleted_at``; what the
customer holds is left as it is), so a restore clears ``deleted_at`` again and everything comes
back as it was. It is a change like any other: journalled by the gate, carried to the laptops.

A purge takes the customers deleted more than TRASH_DAYS ago and removes, in one write, every
row they hold (core.customers.holdings), the journal entries and conflicts naming them, and the
customer row's contents. What stays is a tombstone:
- the customer row with its id, number, region, salesperson, status, tier and ``deleted_at``,
  every other field emptied: the number stays taken, so it is never given again
  (core.office.numbering skips numbers that any row holds);
- one journal entry saying the customer was deleted (``deleted_at``), stamped by the purge,
  so a laptop that has not heard of the delete hears of it at its next exchange.
Past the trash a delete is final: an exchange drops what a laptop still sends for a purged
customer, and takes a purged delete over edits made meanwhile (core.sync.merge uses
``purged`` and ``past_the_trash``), so a purged customer never comes back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer, String, Text

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.customers.holdings import CHUNK, remove_holdings
from tierdesk.core.errors import NotFoundError, TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import erase, journal
from tierdesk.core.store.models import (
    Customer,
    CustomerChange,
    JournalEntry,
    Order,
    Salesperson,
    SyncConflict,
    Visit,
    VisitCard,
    utcnow,
)
from tierdesk.core.validation import clean_text

TRASH_DAYS = 30
CTX = "Trash"
# What a tombstone keeps of the customer row: nothing that says who the customer was.
TOMBSTONE_KEEPS = frozenset({"id", "number", "region_id", "salesperson_id", "status", "tier",
                             "tier_overridden", "created_at", "updated_at", "deleted_at", "hlc"})


def cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Customers deleted before this moment (UTC) are past the trash."""
    return (now or utcnow()) - dt.timedelta(days=TRASH_DAYS)


@dataclass(frozen=True)
class TrashedCustomer:
    """A customer in the trash: who, deleted when (UTC) and by whom, and what it holds."""

    id: uuid.UUID
    number: str
    name: str
    salesperson: str
    deleted_at: dt.datetime
    deleted_by: str
    cards: int
    visits: int
    orders: int

    @property
    def purged_after(self) -> dt.datetime:
        """When it leaves the trash for good (UTC)."""
        return self.deleted_at + dt.timedelta(days=TRASH_DAYS)


def list_trash(session: Session, *, now: dt.datetime | None = None) -> list[TrashedCustomer]:
    """The customers deleted in the last TRASH_DAYS days, the latest first."""
    return _trashed(session, Customer.deleted_at >= cutoff(now), Customer.name != "")


def due_for_purge(session: Session, *, now: dt.datetime | None = None
                  ) -> list[TrashedCustomer]:
    """The customers deleted more than TRASH_DAYS ago and not purged yet (a tombstone's
    name is empty; a customer always has one)."""
    return _trashed(session, Customer.deleted_at < cutoff(now), Customer.name != "")


def _trashed(session: Session, *where: Any) -> list[TrashedCustomer]:
    rows = session.execute(
        select(Customer.id, Customer.number, Customer.name, Salesperson.name,
               Customer.deleted_at)
        .outerjoin(Salesperson, Salesperson.id == Customer.salesperson_id)
        .where(Customer.deleted_at.is_not(None), *where)
        .order_by(Customer.deleted_at.desc(), Customer.number)).all()
    ids = [row[0] for row in rows]
    cards, visits, orders = (_live_counts(session, model, ids)
                             for model in (VisitCard, Visit, Order))
    by = _deleted_by(session, ids)
    return [TrashedCustomer(cid, number, name, person or "", deleted_at, by.get(cid, ""),
                            cards.get(cid, 0), visits.get(cid, 0), orders.get(cid, 0))
            for cid, number, name, person, deleted_at in rows if deleted_at is not None]


def _live_counts(session: Session, model: Any, ids: Sequence[uuid.UUID]
                 ) -> dict[uuid.UUID, int]:
    counted: dict[uuid.UUID, int] = {}
    for start in range(0, len(ids), CHUNK):
        counted.update((customer_id, count) for customer_id, count in session.execute(
            select(model.customer_id, func.count())
            .where(model.customer_id.in_(ids[start:start + CHUNK]), model.deleted_at.is_(None))
            .group_by(model.customer_id)))
    return counted


def _deleted_by(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Who deleted each customer, as the journal says (the latest delete)."""
    found: dict[uuid.UUID, str] = {}
    for start in range(0, len(ids), CHUNK):
        for row_id, person, said in session.execute(
                select(JournalEntry.row_id, JournalEntry.person, JournalEntry.changes)
                .where(JournalEntry.table_name == "customer", JournalEntry.action == "update",
                       JournalEntry.row_id.in_(ids[start:start + CHUNK]))
                .order_by(JournalEntry.hlc)):
            change = said.get("deleted_at") if isinstance(said, dict) else None
            if row_id is not None and isinstance(change, list) and change \
                    and change[-1] is not None:
                found[row_id] = person
    return found


def find_in_trash(session: Session, number: str, *, now: dt.datetime | None = None
                  ) -> uuid.UUID:
    """The customer numbered ``number`` in the trash; refused, saying why, otherwise."""
    wanted = clean_text(number).upper()
    row = session.execute(select(Customer.id, Customer.deleted_at, Customer.name)
                          .where(Customer.number == wanted)).first()
    if row is None:
        raise NotFoundError(Message("Customers", QT_TRANSLATE_NOOP(
            "Customers", "There is no customer numbered {number}."), {"number": wanted}))
    _check_in_trash(wanted, row[1], row[2] == "", now)
    found: uuid.UUID = row[0]
    return found


def _check_in_trash(number: str, deleted_at: dt.datetime | None, purged_already: bool,
                    now: dt.datetime | None) -> None:
    if deleted_at is None:
        raise TierDeskError(Message(CTX, QT_TRANSLATE_NOOP(
            "Trash", "Customer {number} is not in the trash: it is in the customer list."),
            {"number": number}))
    if deleted_at < cutoff(now) or purged_already:
        raise NotFoundError(Message(CTX, QT_TRANSLATE_NOOP(
            "Trash", "Customer {number} was deleted more than {days} days ago: it has left "
                     "the trash and cannot be restored."), {"number": number, "days": TRASH_DAYS}))


def restore_customer(session: Session, customer_id: uuid.UUID, *,
                     now: dt.datetime | None = None) -> TrashedCustomer:
    """Take the customer out of the trash: it is in the lists again with everything it held.
    Returns what it held (as the trash showed it)."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(Message("Customers", QT_TRANSLATE_NOOP(
            "Customers", "That customer no longer exists.")))
    _check_in_trash(customer.number, customer.deleted_at, customer.name == "", now)
    [restored] = _trashed(session, Customer.id == customer_id)
    session.add(CustomerChange(customer_id=customer.id, changed_at=utcnow(), field="deleted",
                               old_value=restored.deleted_at.isoformat(timespec="seconds"),
                               new_value="", changed_by=journal.person()))
    customer.deleted_at = None
    session.flush()
    return restored


def purge_trash(session: Session, *, now: dt.datetime | None = None) -> list[TrashedCustomer]:
    """Purge the customers deleted more than TRASH_DAYS ago, inside the caller's write
    (Database.write): what each held, the journal entries and conflicts naming it, and its
    row's contents are removed; the tombstone stays (see the module's docstring).
    Returns those purged, as the trash showed them before."""
    context = journal.current()
    if context is None:
        raise journal.OutsideTheGate("the trash purged outside a write of the gate")
    due = due_for_purge(session, now=now)
    if not due:
        return []
    ids = [customer.id for customer in due]
    # Straight on the connection: the rows' old values must not go into the journal (it
    # would keep what the purge removes); the purge journals one entry per customer below.
    run = session.connection().execute
    remove_holdings(run, ids, with_customer=False)
    customers = Customer.__table__
    assert isinstance(customers, Table)
    emptied = _emptied(customers)
    stamped = utcnow()
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        run(delete(SyncConflict).where(SyncConflict.customer_id.in_(part)))
        run(delete(JournalEntry).where(JournalEntry.customer_id.in_(part)))
        run(update(customers).where(customers.c.id.in_(part))
            .values(**emptied, hlc=context.hlc, updated_at=stamped))
    for customer in due:
        context.add("customer", "update", row_id=customer.id, customer_id=customer.id,
                    changes={"deleted_at": [None, journal.plain(customer.deleted_at)]},
                    separate=True)
    return due


def _emptied(customers: Table) -> dict[str, Any]:
    """The customer row's fields a tombstone empties, with their empty values."""
    values: dict[str, Any] = {}
    for column in customers.columns:
        if column.name in TOMBSTONE_KEEPS:
            continue
        if isinstance(column.type, String | Text):
            values[column.name] = ""
        elif isinstance(column.type, Integer) and not column.nullable:
            values[column.name] = 0
        else:
            values[column.name] = None
    return values


# -- for the exchange with other archives (core.sync.merge) -------------------------------------
def purged(session: Session, customer_ids: Iterable[str | None], *,
           now: dt.datetime | None = None) -> set[str]:
    """Those of ``customer_ids`` (hex) deleted here more than TRASH_DAYS ago: purged, or
    about to be."""
    wanted = sorted({uuid.UUID(hex=key) for key in customer_ids if key})
    found: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        found.update(key.hex for key in session.scalars(select(Customer.id).where(
            Customer.id.in_(wanted[start:start + CHUNK]), Customer.deleted_at < cutoff(now))))
    return found


def past_the_trash(deleted_at: object, *, now: dt.datetime | None = None) -> bool:
    """Whether a delete made at ``deleted_at`` (as the journal keeps it) is older than the
    trash keeps: final."""
    if isinstance(deleted_at, str):
        try:
            deleted_at = dt.datetime.fromisoformat(deleted_at)
        except ValueError:
            return False
    return isinstance(deleted_at, dt.datetime) and deleted_at < cutoff(now)


class TrashArea(Area):
    """The trash as the front ends see it (Archive.trash)."""

    def customers(self, *, now: dt.datetime | None = None) -> list[TrashedCustomer]:
        """The customers in the trash, the latest deleted first."""
        return self._read(list_trash, now=now)

    def find(self, number: str) -> uuid.UUID:
        """The customer numbered ``number`` in the trash; refused, saying why, otherwise."""
        return self._read(find_in_trash, number)

    def restore(self, customer_id: uuid.UUID) -> TrashedCustomer:
        """Take the customer out of the trash; the views show it again at once."""
        return self._write(Change(Changed.CUSTOMERS | Changed.VISITS | Changed.TASKS
                                  | Changed.COMPLAINTS, (customer_id,)),
                           restore_customer, customer_id)

    def due_for_purge(self, *, now: dt.datetime | None = None) -> list[TrashedCustomer]:
        return self._read(due_for_purge, now=now)

    def purge(self, *, now: dt.datetime | None = None) -> list[TrashedCustomer]:
        """Purge what is past the trash, in one write; the removed rows are overwritten in
        the file and the write-ahead log emptied, so the file no longer holds them. With
        nothing past the trash, nothing is written."""
        if not self._read(due_for_purge, now=now):
            return []
        with self._db.write() as session, erase.overwriting(session):
            done = purge_trash(session, now=now)
        if done:
            erase.fold_log(self._db)
            self._announce(Change(Changed.CUSTOMERS | Changed.REPORTS,
                                  tuple(customer.id for customer in done)))
        return done
