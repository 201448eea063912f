"""Exporting the archive as workbooks: customers (with the filters in force), visits, orders
and payments, under column names the importer reads back."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Select, String, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store.db import Database
from tierdesk.core.store.models import (
    Customer,
    Order,
    Payment,
    Region,
    Salesperson,
    Visit,
    VisitCard,
)
from tierdesk.excel.columns import CTX as COLUMNS_CTX
from tierdesk.excel.columns import FIELD_LABELS
from tierdesk.excel.long_text import SURELY_FITS, cells_needed
from tierdesk.excel.writer import SheetsWritten, Table, write_tables
from tierdesk.reports.labels import Translate, channel_label, status_label, untranslated

KINDS = ("customers", "visits", "orders", "payments")
CTX = "Export"
CHUNK = 5000
SHEET_TITLES = {
    "customers": QT_TRANSLATE_NOOP("Export", "Customers"),
    "visits": QT_TRANSLATE_NOOP("Export", "Visits"),
    "orders": QT_TRANSLATE_NOOP("Export", "Orders"),
    "payments": QT_TRANSLATE_NOOP("Export", "Payments"),
}
LABELS = {
    "last_visit_on": QT_TRANSLATE_NOOP("Export", "Last visit"),
    "next_visit_on": QT_TRANSLATE_NOOP("Export", "Next visit due"),
    "card": QT_TRANSLATE_NOOP("Export", "Card"),
    "slot": QT_TRANSLATE_NOOP("Export", "Entry"),
    "visit_date": QT_TRANSLATE_NOOP("Export", "Visit date"),
    "channel": QT_TRANSLATE_NOOP("Export", "Channel"),
    "purpose": QT_TRANSLATE_NOOP("Export", "Purpose"),
    "summary": QT_TRANSLATE_NOOP("Export", "What was discussed"),
    "outcome": QT_TRANSLATE_NOOP("Export", "Outcome"),
    "next_step": QT_TRANSLATE_NOOP("Export", "Next step"),
    "next_visit": QT_TRANSLATE_NOOP("Export", "Next visit"),
    "order_date": QT_TRANSLATE_NOOP("Export", "Order date"),
    "reference": QT_TRANSLATE_NOOP("Export", "Order reference"),
    "product": QT_TRANSLATE_NOOP("Export", "Product"),
    "amount": QT_TRANSLATE_NOOP("Export", "Amount"),
    "profit": QT_TRANSLATE_NOOP("Export", "Profit"),
    "via_outlet": QT_TRANSLATE_NOOP("Export", "Via outlet"),
    "paid_on": QT_TRANSLATE_NOOP("Export", "Payment date"),
    "method": QT_TRANSLATE_NOOP("Export", "Payment method"),
    "yes": QT_TRANSLATE_NOOP("Export", "yes"),
}
CUSTOMER_COLUMNS = ("number", "name", "contact_name", "mobile", "landline", "email", "wechat",
                    "address", "industry", "region_code", "region", "salesperson_code",
                    "salesperson", "status", "tier", "potential", "customer_since",
                    "last_visit_on", "next_visit_on", "notes")


def _label(name: str, tr: Translate) -> str:
    if name in FIELD_LABELS:
        return tr(COLUMNS_CTX, FIELD_LABELS[name])
    return tr(CTX, LABELS[name])


def _chunks(ids: Sequence[uuid.UUID] | None) -> Iterator[Sequence[uuid.UUID] | None]:
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _rows(db: Database, build: Callable[[Sequence[uuid.UUID] | None], Select],  # type: ignore[type-arg]
          ids: Sequence[uuid.UUID] | None) -> Iterator[tuple]:  # type: ignore[type-arg]
    with db.read() as session:
        for chunk in _chunks(ids):
            yield from session.execute(build(chunk))


def _cents(value: int | None) -> float | None:
    return None if value is None else value / 100


def _customer_query(chunk: Sequence[uuid.UUID] | None) -> Select:  # type: ignore[type-arg]
    region, person = aliased(Region), aliased(Salesperson)
    query = (select(Customer.number, Customer.name, Customer.contact_name, Customer.mobile,
                    Customer.landline, Customer.email, Customer.wechat, Customer.address,
                    Customer.industry, region.code, region.name, person.code, person.name,
                    Customer.status, Customer.tier, Customer.potential,
                    Customer.customer_since, Customer.last_visit_on,
                    Customer.next_visit_on, Customer.notes)
             .outerjoin(region, Customer.region_id == region.id)
             .outerjoin(person, Customer.salesperson_id == person.id)
             .where(Customer.deleted_at.is_(None)).order_by(Customer.number))
    return query if chunk is None else query.where(Customer.id.in_(chunk))


def customer_rows(db: Database, ids: Sequence[uuid.UUID] | None,
                  tr: Translate) -> Iterator[list[object]]:
    for row in _rows(db, _customer_query, ids):
        values = list(row)
        values[13] = status_label(values[13], tr)
        yield values


def _visit_query(chunk: Sequence[uuid.UUID] | None) -> Select:  # type: ignore[type-arg]
    person = aliased(Salesperson)
    query = (select(Customer.number, Customer.name, VisitCard.seq, Visit.slot,
                    Visit.visit_date, Visit.channel, Visit.purpose, Visit.summary,
                    Visit.outcome, Visit.next_step, Visit.next_visit_on, person.code)
             .join(Customer, Visit.customer_id == Customer.id)
             .join(VisitCard, Visit.card_id == VisitCard.id)
             .outerjoin(person, Visit.salesperson_id == person.id)
             .where(Visit.deleted_at.is_(None), Customer.deleted_at.is_(None))
             .order_by(Customer.number, VisitCard.seq, Visit.slot))
    return query if chunk is None else query.where(Customer.id.in_(chunk))


def visit_rows(db: Database, ids: Sequence[uuid.UUID] | None,
               tr: Translate) -> Iterator[list[object]]:
    for row in _rows(db, _visit_query, ids):
        values = list(row)
        values[5] = channel_label(values[5], tr)
        yield values


def _order_query(chunk: Sequence[uuid.UUID] | None) -> Select:  # type: ignore[type-arg]
    query = (select(Customer.number, Customer.name, Order.order_date, Order.reference,
                    Order.product, Order.amount_cents, Order.profit_cents, Order.via_outlet)
             .join(Customer, Order.customer_id == Customer.id)
             .where(Order.deleted_at.is_(None), Customer.deleted_at.is_(None))
             .order_by(Customer.number, Order.order_date, Order.reference))
    return query if chunk is None else query.where(Customer.id.in_(chunk))


def order_rows(db: Database, ids: Sequence[uuid.UUID] | None,
               tr: Translate) -> Iterator[list[object]]:
    yes = tr(CTX, LABELS["yes"])
    for number, name, when, reference, product, amount, profit, outlet in _rows(
            db, _order_query, ids):
        yield [number, name, when, reference, product, _cents(amount), _cents(profit),
               yes if outlet else ""]


def _payment_query(chunk: Sequence[uuid.UUID] | None) -> Select:  # type: ignore[type-arg]
    query = (select(Customer.number, Customer.name, Payment.paid_on, Payment.amount_cents,
                    Payment.method)
             .join(Customer, Payment.customer_id == Customer.id)
             .where(Payment.deleted_at.is_(None), Customer.deleted_at.is_(None))
             .order_by(Customer.number, Payment.paid_on))
    return query if chunk is None else query.where(Customer.id.in_(chunk))


def payment_rows(db: Database, ids: Sequence[uuid.UUID] | None,
                 tr: Translate) -> Iterator[list[object]]:
    for number, name, paid_on, amount, method in _rows(db, _payment_query, ids):
        yield [number, name, paid_on, _cents(amount), method]


HEADERS = {
    "customers": CUSTOMER_COLUMNS,
    "visits": ("number", "name", "card", "slot", "visit_date", "channel", "purpose", "summary",
               "outcome", "next_step", "next_visit", "salesperson_code"),
    "orders": ("number", "name", "order_date", "reference", "product", "amount", "profit",
               "via_outlet"),
    "payments": ("number", "name", "paid_on", "amount", "method"),
}
ROWS = {"customers": customer_rows, "visits": visit_rows, "orders": order_rows,
        "payments": payment_rows}
# The query each sheet's rows come from, column for column.
QUERIES = {"customers": _customer_query, "visits": _visit_query, "orders": _order_query,
           "payments": _payment_query}


def long_text_cells(db: Database, kind: str,
                    ids: Sequence[uuid.UUID] | None) -> dict[int, int]:
    """Column -> the cells its longest text takes, for the columns of the ``kind`` sheet
    holding a text longer than a cell: written before the limits on input, or merged from a
    laptop. Only the texts that may not fit are read; when the tables hold none (almost
    always), a glance at each table's texts is all it costs."""
    found: dict[int, int] = {}
    with db.read() as session:
        if not _any_longer(session, QUERIES[kind](None)):
            return found
        for chunk in _chunks(ids):
            query = QUERIES[kind](chunk).order_by(None).subquery()
            texts = [(index, column) for index, column in enumerate(query.c)
                     if isinstance(column.type, String)]
            longer = select(*(column for _index, column in texts)).where(
                or_(*(func.length(column) > SURELY_FITS for _index, column in texts)))
            for row in session.execute(longer):
                for (index, _column), value in zip(texts, row, strict=True):
                    needed = cells_needed(value)
                    if needed > found.get(index, 1):
                        found[index] = needed
    return found


def _any_longer(session: Session, query: Select) -> bool:  # type: ignore[type-arg]
    """Whether any table the query reads holds, in a column of text it shows, a text that
    may not fit a cell: each table looked at alone, without the joins."""
    by_table: dict[Any, list[Any]] = {}
    for column in query.selected_columns:
        if isinstance(column.type, String):
            by_table.setdefault(column.table, []).append(column)
    return any(session.scalar(
        select(literal(1)).select_from(table).where(
            or_(*(func.length(column) > SURELY_FITS for column in columns))).limit(1))
        for table, columns in by_table.items())


Progress = Callable[[int, int, str], None]  # sheets done, sheets in all, what is being written
PROGRESS_EVERY = 5000  # rows between two reports within a sheet


def _reported(rows: Iterator[list[object]], progress: Progress, sheet: int, sheets: int,
              title: str) -> Iterator[list[object]]:
    """The rows of sheet number ``sheet`` (from 0), telling ``progress`` as they are written
    and once the sheet is done."""
    progress(sheet, sheets, title)
    written = 0
    for row in rows:
        yield row
        written += 1
        if written % PROGRESS_EVERY == 0:
            progress(sheet, sheets, f"{title}: {written:,}")
    progress(sheet + 1, sheets, f"{title}: {written:,}")


def export_workbook(db: Database, path: str | Path, kinds: Sequence[str] = KINDS, *,
                    customer_ids: Sequence[uuid.UUID] | None = None,
                    tr: Translate = untranslated,
                    progress: Progress | None = None) -> SheetsWritten:
    """Write one sheet per kind (customers, visits, orders, payments), limited to
    ``customer_ids`` when given; returns the sheet names written, with the columns whose
    longer texts were continued in the cells after them. ``progress`` is told when each
    sheet starts and ends and every few thousand rows in between. Written whole or not at
    all: a failure leaves what was at ``path`` before."""
    tables = []
    for number, kind in enumerate(kinds):
        title = tr(CTX, SHEET_TITLES[kind])
        rows = ROWS[kind](db, customer_ids, tr)
        if progress is not None:
            rows = _reported(rows, progress, number, len(kinds), title)
        tables.append(Table(title, [_label(h, tr) for h in HEADERS[kind]], rows,
                            cells=long_text_cells(db, kind, customer_ids), translate=tr))
    return write_tables(path, tables)

