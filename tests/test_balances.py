"""Each customer's totals billed and paid are kept by the write gate, whichever way orders and
payments are written, and the scorecards' opening receivables read from them agree with
netting every order against every payment."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.planning import kpis
from tierdesk.core.store.models import Customer, Order, Payment

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def totals(db):
    """customer id -> (billed, paid) as kept, and as summed from the rows themselves."""
    with db.read() as session:
        kept = {r[0]: (r[1], r[2]) for r in session.execute(
            select(Customer.id, Customer.billed_cents, Customer.paid_cents))}
        summed = {cid: (0, 0) for cid in kept}
        for model, slot in ((Order, 0), (Payment, 1)):
            for cid, cents in session.execute(
                    select(model.customer_id, func.sum(model.amount_cents))
                    .where(model.deleted_at.is_(None)).group_by(model.customer_id)):
                pair = list(summed[cid])
                pair[slot] = cents
                summed[cid] = tuple(pair)
    return kept, summed


def test_orders_and_payments_from_the_window_keep_the_totals(db):
    customer_id = make_customer(db)
    archive = Archive(db)
    archive.customers.add_order(customer_id, order_date="2026-10-05", amount="12,800.50")
    archive.customers.add_order(customer_id, order_date="2026-11-02", amount="3000")
    archive.customers.add_payment(customer_id, paid_on="2026-11-10", amount="10000")
    kept, summed = totals(db)
    assert kept[customer_id] == summed[customer_id] == (1_580_050, 1_000_000)


def test_a_deleted_order_and_a_bulk_change_keep_the_totals(db):
    customer_id = make_customer(db)
    archive = Archive(db)
    archive.customers.add_order(customer_id, order_date="2026-10-05", amount="500")
    archive.customers.add_order(customer_id, order_date="2026-10-06", amount="700")
    with db.write() as session:
        first = session.scalar(select(Order).order_by(Order.order_date))
        first.deleted_at = dt.datetime(2026, 11, 1)
    assert totals(db)[0][customer_id] == (70_000, 0)
    with db.write() as session:
        session.execute(update(Order).where(Order.customer_id == customer_id)
                        .values(amount_cents=Order.amount_cents * 2))
    kept, summed = totals(db)
    assert kept[customer_id] == summed[customer_id] == (140_000, 0)


def test_the_demo_keeps_the_totals(demo_db):
    kept, summed = totals(demo_db)
    assert sum(1 for v in kept.values() if v != (0, 0)) > 100
    assert kept == summed


def test_an_imported_workbook_keeps_the_totals(db, tmp_path):
    from tests.helpers import write_workbook
    from tests.test_import_history import CUSTOMERS, ORDERS, PAYMENTS
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    path = write_workbook(tmp_path / "archive.xlsx", {"客户": CUSTOMERS, "订单": ORDERS,
                                                "回款": PAYMENTS})
    import_workbook(db, open_workbook(path))
    kept, summed = totals(db)
    with db.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.number == "KH-001"))
    assert kept[zhang] == summed[zhang] == (1_200_000, 1_200_000)
    assert kept == summed


@pytest.mark.parametrize("first", [dt.date(2026, 10, 1), dt.date(2026, 1, 1),
                                   dt.date(2025, 7, 1), dt.date(2027, 1, 1)])
def test_opening_receivables_agree_with_netting_every_order(demo_db, first):
    with demo_db.read() as session:
        connection = session.connection()
        fast = {k: v for k, v in kpis._money(connection, first, first)[2].items() if v}
        owed: dict[str, int] = {}
        for cid, person, status in session.execute(
                select(Customer.id, Customer.salesperson_id, Customer.status)
                .where(Customer.deleted_at.is_(None), Customer.salesperson_id.is_not(None))):
            if status in ("prospect", "lost"):
                continue
            billed = session.scalar(select(func.coalesce(func.sum(Order.amount_cents), 0))
                                    .where(Order.customer_id == cid, Order.deleted_at.is_(None),
                                           Order.order_date < first))
            paid = session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0))
                                  .where(Payment.customer_id == cid,
                                         Payment.deleted_at.is_(None), Payment.paid_on < first))
            if billed - paid > 0:
                owed[person.hex] = owed.get(person.hex, 0) + billed - paid
    assert fast == owed
    assert first.year < 2026 or sum(owed.values()) > 0
