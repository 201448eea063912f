"""The rules a whole archive keeps, as the check (core.store.check) reads and repairs them.

- the file: SQLite's integrity check (an index that no longer matches its table is rebuilt;
  any other damage is for a backup) and its foreign-key check;
- customer numbers: each finds one customer, however it is typed (case, width, spaces);
- cards (core.customers.card_order says how they are numbered): one open card per customer,
  no open card holding its size or more, cards numbered 1, 2, … per customer and entries
  1, 2, … per card; a repair numbers and closes them as card_order does;
- search keys: each live customer can be found by its number and its name;
- totals: each customer's billed and paid totals are those of its live orders and payments
  (core.store.balances);
- the journal: every stamp is a stamp (the clock reads them), and no entry speaks of a row
  that is gone without its deletion being journalled.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import distinct, exists, func, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, aliased

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store import balances
from tierdesk.core.store.check import MOST_NAMED, Found, Rule
from tierdesk.core.store.failures import storage_failure
from tierdesk.core.store.models import (
    Base,
    Customer,
    JournalEntry,
    Order,
    Payment,
    Visit,
    VisitCard,
)

GoOn = Callable[[], bool]
_CHUNK = 500
# Lines of SQLite's integrity check that say only an index is out of step with its table.
_INDEX_LINE = re.compile(r"^(?:row \d+ missing from index|wrong # of entries in index|"
                         r"non-unique entry in index) (\S+)")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _found(targets: Iterable[Any], named: Iterable[str], **params: object) -> Found | None:
    targets = tuple(targets)
    if not targets:
        return None
    return Found(len(targets), tuple(named)[:MOST_NAMED], dict(params), targets)


def _numbers(session: Session, customer_ids: Iterable[uuid.UUID]) -> list[str]:
    """The numbers of the first customers named, in number order."""
    ids = list(customer_ids)[:MOST_NAMED]
    return sorted(session.scalars(select(Customer.number).where(Customer.id.in_(ids))))


def _chunks(keys: Iterable[Any]) -> Iterator[list[Any]]:
    ordered = list(keys)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


# -- the file (SQLite) ---------------------------------------------------------------------------
@contextmanager
def _cancellable(session: Session, go_on: GoOn) -> Iterator[Any]:
    """SQLite's own connection, asked now and then during a long statement whether to go on."""
    driver = session.connection().connection.driver_connection
    assert driver is not None
    driver.set_progress_handler(lambda: 0 if go_on() else 1, 500_000)
    try:
        yield driver
    except OperationalError as exc:
        if "interrupted" in str(exc):
            raise InterruptedError(str(exc)) from exc
        raise
    finally:
        driver.set_progress_handler(None, 0)


def _integrity(session: Session, go_on: GoOn) -> Found | None:
    try:
        with _cancellable(session, go_on):
            lines = [str(row[0]) for row in
                     session.connection().exec_driver_sql("PRAGMA integrity_check")]
    except DatabaseError as exc:
        if storage_failure(exc, "", reading=True) is None:
            raise
        lines = [str(exc.orig)]     # so damaged that the check itself stops
    if lines == ["ok"]:
        return None
    indexes = [m.group(1) for m in map(_INDEX_LINE.match, lines) if m]
    if len(indexes) == len(lines):
        # Only indexes out of step with their tables: rebuilt from the tables.
        return Found(len(lines), tuple(lines[:MOST_NAMED]), {"detail": lines[0]},
                     tuple(sorted(set(indexes))))
    return Found(len(lines), tuple(lines[:MOST_NAMED]), {"detail": lines[0]},
                 repairable=False)


def _rebuild_indexes(session: Session, found: Found, _today: dt.date) -> None:
    known = set(session.connection().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
    for name in found.targets:
        if name in known:
            session.connection().exec_driver_sql(f'REINDEX "{name}"')


def _foreign_keys(session: Session, go_on: GoOn) -> Found | None:
    connection = session.connection()
    with _cancellable(session, go_on):
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    named = []
    for table, rowid, parent, _key in rows[:MOST_NAMED]:
        row_id = connection.exec_driver_sql(f'SELECT id FROM "{table}" WHERE rowid = ?',
                                            (rowid,)).scalar()
        named.append(f"{table} {row_id or rowid} → {parent}")
    return _found(rows, named)


# -- customer numbers ----------------------------------------------------------------------------
def _same_numbers(session: Session, _go_on: GoOn) -> Found | None:
    from tierdesk.core.customers.search_key import normalise_query

    alike: dict[str, list[str]] = {}
    for number in session.scalars(select(Customer.number)):
        alike.setdefault(normalise_query(number or ""), []).append(number or "")
    shared = [sorted(numbers) for key, numbers in sorted(alike.items())
              if len(numbers) > 1 or not key]
    return _found([n for group in shared for n in group],
                  [" = ".join(f"\"{n}\"" for n in group) for group in shared])


# -- cards ---------------------------------------------------------------------------------------
def _live_open_cards() -> Any:
    return select(VisitCard).where(VisitCard.closed_on.is_(None), VisitCard.deleted_at.is_(None))


def _open_cards(session: Session, _go_on: GoOn) -> Found | None:
    opened = _live_open_cards().subquery()
    ids = list(session.scalars(select(opened.c.customer_id).group_by(opened.c.customer_id)
                               .having(func.count() > 1)))
    return _found(ids, _numbers(session, ids))


def _full_cards(session: Session, _go_on: GoOn) -> Found | None:
    used = select(func.count()).where(Visit.card_id == VisitCard.id).scalar_subquery()
    ids = list(dict.fromkeys(session.scalars(
        select(VisitCard.customer_id).where(VisitCard.closed_on.is_(None),
                                            VisitCard.deleted_at.is_(None),
                                            used >= VisitCard.capacity))))
    return _found(ids, _numbers(session, ids))


def _out_of_sequence(session: Session, owner: Any, place: Any) -> list[Any]:
    """The owners (a customer of cards, a card of entries) whose rows are not numbered
    1, 2, … without gap or repeat."""
    return list(session.scalars(
        select(owner).group_by(owner).having(
            (func.min(place) != 1) | (func.max(place) != func.count())
            | (func.count(distinct(place)) != func.count()))))


def _card_numbers(session: Session, _go_on: GoOn) -> Found | None:
    ids = _out_of_sequence(session, VisitCard.customer_id, VisitCard.seq)
    return _found(ids, _numbers(session, ids))


def _entry_numbers(session: Session, _go_on: GoOn) -> Found | None:
    cards = _out_of_sequence(session, Visit.card_id, Visit.slot)
    named = [f"{number} #{seq}" for number, seq in session.execute(
        select(Customer.number, VisitCard.seq).join(VisitCard, VisitCard.customer_id ==
                                                    Customer.id)
        .where(VisitCard.id.in_(cards[:MOST_NAMED])).order_by(Customer.number, VisitCard.seq))]
    return _found(cards, named)


def _order_cards(session: Session, found: Found, today: dt.date) -> None:
    from tierdesk.core.customers.card_order import order_cards

    order_cards(session, set(found.targets), today=today)


def _order_entries(session: Session, found: Found, _today: dt.date) -> None:
    from tierdesk.core.customers.card_order import order_entries

    order_entries(session, set(found.targets))


# -- search keys ---------------------------------------------------------------------------------
def _search_keys(session: Session, _go_on: GoOn) -> Found | None:
    from tierdesk.core.customers.search_key import SEPARATOR, normalise_query

    lost = []
    for customer_id, number, name, key, han in session.execute(
            select(Customer.id, Customer.number, Customer.name, Customer.search_key,
                   Customer.search_han).where(Customer.deleted_at.is_(None))):
        keys = set((key or "").split(SEPARATOR))
        named = normalise_query(name or "")
        if normalise_query(number or "") not in keys or (named and named not in (
                set((han or "").split(SEPARATOR)) if _HAN.search(named) else keys)):
            lost.append(customer_id)
    return _found(lost, _numbers(session, lost))


def _rebuild_search_keys(session: Session, found: Found, _today: dt.date) -> None:
    from tierdesk.core.customers.master_file import refresh_search_key

    for chunk in _chunks(found.targets):
        for customer in session.scalars(select(Customer).where(Customer.id.in_(chunk))):
            refresh_search_key(session, customer)


# -- totals --------------------------------------------------------------------------------------
def _sums(session: Session, amount: Any, customer: Any, deleted: Any) -> dict[Any, int]:
    return {key: int(total or 0) for key, total in session.execute(
        select(customer, func.sum(amount)).where(deleted.is_(None)).group_by(customer))}


def _totals(session: Session, _go_on: GoOn) -> Found | None:
    billed = _sums(session, Order.amount_cents, Order.customer_id, Order.deleted_at)
    paid = _sums(session, Payment.amount_cents, Payment.customer_id, Payment.deleted_at)
    wrong = [customer_id for customer_id, has_billed, has_paid in session.execute(
        select(Customer.id, Customer.billed_cents, Customer.paid_cents))
        if (has_billed or 0) != billed.get(customer_id, 0)
        or (has_paid or 0) != paid.get(customer_id, 0)]
    return _found(wrong, _numbers(session, wrong))


def _recompute_totals(session: Session, found: Found, _today: dt.date) -> None:
    balances.recompute(session, found.targets)


# -- the journal ---------------------------------------------------------------------------------
def _bad_stamps(session: Session, _go_on: GoOn) -> Found | None:
    stamp = JournalEntry.hlc
    not_digits = stamp.op("GLOB")("*[^0-9]*") if session.get_bind().dialect.name == "sqlite" \
        else stamp.op("~")("[^0-9]")
    rows = list(session.execute(select(JournalEntry.id, stamp).where(
        (func.length(stamp) != 18) | not_digits)))
    return _found([row_id for row_id, _stamp in rows],
                  [f"\"{value}\"" for _row_id, value in rows])


def _orphans(session: Session, _go_on: GoOn) -> Found | None:
    tables = Base.metadata.tables
    entry, other = JournalEntry, aliased(JournalEntry)
    named: list[str] = []
    gone: list[Any] = []
    for name in sorted(session.scalars(select(entry.table_name).distinct())):
        table = tables.get(name)
        if table is None or "id" not in table.c:
            unknown = list(session.scalars(select(entry.id).where(entry.table_name == name)))
            gone.extend(unknown)
            named.append(f"{name} ({len(unknown)})")
            continue
        # Rows a statement deleted many at once (a laptop handing customers back) are
        # journalled as one bulk entry: what was written before it is not looked for.
        after = max((e.hlc for e in session.scalars(select(entry).where(
            entry.table_name == name, entry.action == "bulk"))
            if isinstance(e.changes, dict) and e.changes.get("deleted")), default="")
        rows = list(session.execute(select(entry.id, entry.row_id).where(
            entry.table_name == name, entry.action.in_(("insert", "update")),
            entry.row_id.is_not(None), entry.hlc > after,
            ~exists().where(table.c.id == entry.row_id),
            ~exists().where(other.row_id == entry.row_id, other.action == "delete"))))
        gone.extend(entry_id for entry_id, _row in rows)
        missing = dict.fromkeys(row for _entry, row in rows if row is not None)
        named.extend(f"{name} {row.hex}" for row in list(missing)[:MOST_NAMED])
    return _found(gone, named)


RULES: tuple[Rule, ...] = (
    Rule("integrity", QT_TRANSLATE_NOOP("Check", "SQLite's integrity check"),
         QT_TRANSLATE_NOOP("Check", "Problems in the file: {count} (the first: {detail})."),
         _integrity, _rebuild_indexes,
         QT_TRANSLATE_NOOP("Check", "Rebuild the indexes that no longer match their tables."),
         QT_TRANSLATE_NOOP("Check", "The file is damaged: restore the latest good backup "
                                    "(tierdesk restore)."), sqlite_only=True),
    Rule("foreign_keys", QT_TRANSLATE_NOOP("Check", "SQLite's foreign-key check"),
         QT_TRANSLATE_NOOP("Check", "Rows that refer to rows not in the archive: {count}."),
         _foreign_keys, None, "",
         QT_TRANSLATE_NOOP("Check", "What they refer to was lost: restore the latest good "
                                    "backup (tierdesk restore) if it holds it."),
         sqlite_only=True),
    Rule("numbers", QT_TRANSLATE_NOOP("Check", "Customer numbers"),
         QT_TRANSLATE_NOOP("Check", "Customers without a number, or with one that differs "
                                    "from another's only in case, width or spaces: {count}."),
         _same_numbers, None, "",
         QT_TRANSLATE_NOOP("Check", "Give each of them a number of its own, so that a number "
                                    "finds one customer.")),
    Rule("open_cards", QT_TRANSLATE_NOOP("Check", "Open cards"),
         QT_TRANSLATE_NOOP("Check", "Customers with more than one open card: {count}."),
         _open_cards, _order_cards,
         QT_TRANSLATE_NOOP("Check", "Close all but the newest open card of each.")),
    Rule("full_cards", QT_TRANSLATE_NOOP("Check", "Card sizes"),
         QT_TRANSLATE_NOOP("Check", "Customers whose open card holds its size or more "
                                    "entries: {count}."),
         _full_cards, _order_cards,
         QT_TRANSLATE_NOOP("Check", "Close those cards (the next entry opens a new one).")),
    Rule("card_numbers", QT_TRANSLATE_NOOP("Check", "Card numbers"),
         QT_TRANSLATE_NOOP("Check", "Customers whose cards are not numbered 1, 2, 3 … (a "
                                    "number missing or used twice): {count}."),
         _card_numbers, _order_cards,
         QT_TRANSLATE_NOOP("Check", "Number each customer's cards in the order they were "
                                    "opened.")),
    Rule("entry_numbers", QT_TRANSLATE_NOOP("Check", "Card entries"),
         QT_TRANSLATE_NOOP("Check", "Cards whose entries are not numbered 1, 2, 3 … (a number "
                                    "missing, used twice or outside the card): {count}."),
         _entry_numbers, _order_entries,
         QT_TRANSLATE_NOOP("Check", "Number the entries of each card in the order they were "
                                    "written.")),
    Rule("search_keys", QT_TRANSLATE_NOOP("Check", "Search keys"),
         QT_TRANSLATE_NOOP("Check", "Customers who cannot be found by their number or name "
                                    "(search keys missing or out of date): {count}."),
         _search_keys, _rebuild_search_keys,
         QT_TRANSLATE_NOOP("Check", "Rebuild their search keys.")),
    Rule("totals", QT_TRANSLATE_NOOP("Check", "Totals billed and paid"),
         QT_TRANSLATE_NOOP("Check", "Customers whose totals billed or paid differ from their "
                                    "orders and payments: {count}."),
         _totals, _recompute_totals,
         QT_TRANSLATE_NOOP("Check", "Add up their orders and payments again.")),
    Rule("journal_stamps", QT_TRANSLATE_NOOP("Check", "Journal stamps"),
         QT_TRANSLATE_NOOP("Check", "Journal entries whose stamp is not 18 digits (the next "
                                    "write could not be stamped): {count}."),
         _bad_stamps, None, "",
         QT_TRANSLATE_NOOP("Check", "The change journal is damaged: restore the latest good "
                                    "backup (tierdesk restore).")),
    Rule("journal_rows", QT_TRANSLATE_NOOP("Check", "Journal entries"),
         QT_TRANSLATE_NOOP("Check", "Journal entries about rows that are not in the archive, "
                                    "with no deletion journalled: {count}."),
         _orphans, None, "",
         QT_TRANSLATE_NOOP("Check", "Those rows were lost outside TierDesk: restore the latest "
                                    "good backup (tierdesk restore) if it holds them.")),
)
