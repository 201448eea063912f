"""Orders and payments: the results side of the master file."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierdesk.core.customers.master_file import get_customer_row
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.service import followups
from tierdesk.core.store.models import Order, Payment
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, clean_text, fail, required_date, to_halfwidth


def parse_amount(field: str, value: object) -> int:
    """Cents from an amount as typed: 1,234.50 / ¥1234.5 / 1.2万."""
    if isinstance(value, int):
        return value * 100
    text = clean_text(to_halfwidth(str(value or ""))).replace(",", "").replace("¥", "")
    scale = Decimal(1)
    if text.endswith("万"):
        text, scale = text[:-1], Decimal(10000)
    try:
        amount = Decimal(text) * scale
    except InvalidOperation:
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "Not an amount: \"{value}\"."),
                   value=value) from None
    return int((amount * 100).quantize(Decimal(1)))


def cents_to_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{frac:02d}"


@dataclass(frozen=True)
class OrderRow:
    id: uuid.UUID
    order_date: dt.date
    reference: str
    product: str
    amount_cents: int
    profit_cents: int
    via_outlet: bool


@dataclass(frozen=True)
class PaymentRow:
    id: uuid.UUID
    paid_on: dt.date
    amount_cents: int
    method: str


def add_order(session: Session, customer_id: uuid.UUID, *, order_date: object, amount: object,
              profit: object = 0, product: str = "", reference: str = "",
              via_outlet: bool = False, today: dt.date | None = None) -> Order:
    customer = get_customer_row(session, customer_id)
    checker = Checker()
    when = required_date(checker, "order_date", order_date, not_after=today or dt.date.today())
    cents = checker.run(parse_amount, "amount", amount)
    profit_cents = 0 if profit in (None, "") else checker.run(parse_amount, "profit", profit)
    product = checker.run(check_length, "product", clean_text(product), Order.product)
    reference = checker.run(check_length, "reference", clean_text(reference), Order.reference)
    checker.raise_if_any()
    order = Order(customer_id=customer.id, salesperson_id=customer.salesperson_id,
                  order_date=when, amount_cents=cents, profit_cents=profit_cents or 0,
                  product=product, reference=reference, via_outlet=via_outlet)
    session.add(order)
    if customer.status == "prospect":
        customer.status = "active"
    session.flush()
    rules = followups.load_rules(session)
    followups.plan(session, followups.sale_tasks(rules, customer.id, customer.salesperson_id,
                                                 order.id, order.order_date, via_outlet),
                   today or dt.date.today(), rules)
    return order


def add_payment(session: Session, customer_id: uuid.UUID, *, paid_on: object, amount: object,
                method: str = "", today: dt.date | None = None) -> Payment:
    customer = get_customer_row(session, customer_id)
    checker = Checker()
    when = required_date(checker, "paid_on", paid_on, not_after=today or dt.date.today())
    cents = checker.run(parse_amount, "amount", amount)
    method = checker.run(check_length, "method", clean_text(method), Payment.method)
    checker.raise_if_any()
    payment = Payment(customer_id=customer.id, paid_on=when, amount_cents=cents,
                      method=method)
    session.add(payment)
    session.flush()
    return payment


def list_orders(session: Session, customer_id: uuid.UUID) -> list[OrderRow]:
    rows = session.scalars(select(Order).where(Order.customer_id == customer_id,
                                               Order.deleted_at.is_(None))
                           .order_by(Order.order_date.desc()))
    return [OrderRow(o.id, o.order_date, o.reference, o.product, o.amount_cents,
                     o.profit_cents, o.via_outlet) for o in rows]


def list_payments(session: Session, customer_id: uuid.UUID) -> list[PaymentRow]:
    rows = session.scalars(select(Payment).where(Payment.customer_id == customer_id,
                                                 Payment.deleted_at.is_(None))
                           .order_by(Payment.paid_on.desc()))
    return [PaymentRow(p.id, p.paid_on, p.amount_cents, p.method) for p in rows]


def collection_rate(session: Session, customer_id: uuid.UUID) -> float | None:
    """Paid over invoiced, all time; None when nothing was invoiced."""
    invoiced = session.scalar(select(func.sum(Order.amount_cents))
                              .where(Order.customer_id == customer_id,
                                     Order.deleted_at.is_(None))) or 0
    paid = session.scalar(select(func.sum(Payment.amount_cents))
                          .where(Payment.customer_id == customer_id,
                                 Payment.deleted_at.is_(None))) or 0
    return paid / invoiced if invoiced else None
