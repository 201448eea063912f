"""Salesperson scorecards and month progress, from the archive.

Customers count for the salesperson they belong to now; visits and calls for the salesperson
who made them. A customer is one of the office's customers unless it is a prospect, lost or
deleted. Each figure's definition (DEFINITIONS) is shown where the figure is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierdesk.core.followups import add_months
from tierdesk.core.holidays import working_days
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.models import (
    CUSTOMER_PASS,
    Customer,
    Order,
    Payment,
    Region,
    Salesperson,
    Visit,
)
from tierdesk.core.norms import CALL_CHANNELS
from tierdesk.core.plans import plan_for
from tierdesk.core.raw import fetch_tuples, hex_id, hex_ids, raw
from tierdesk.core.settings import load_settings

KPIS = ("development_rate", "customer_share", "repeat_rate", "visits_per_day",
        "visits_per_customer", "collection_rate", "top_tier", "sales")
DEFINITIONS = {
    "development_rate": QT_TRANSLATE_NOOP(
        "Kpi", "New customers in the period ÷ the salesperson's customers at its start"),
    "customer_share": QT_TRANSLATE_NOOP(
        "Kpi", "The salesperson's customers ÷ all the office's customers"),
    "repeat_rate": QT_TRANSLATE_NOOP(
        "Kpi", "Customers who ordered twice or more in the period ÷ customers who ordered"),
    "visits_per_day": QT_TRANSLATE_NOOP(
        "Kpi", "On-site visits made in the period ÷ its working days (so far)"),
    "visits_per_customer": QT_TRANSLATE_NOOP(
        "Kpi", "On-site visits made in the period ÷ the salesperson's customers"),
    "collection_rate": QT_TRANSLATE_NOOP(
        "Kpi", "Payments received in the period ÷ what was owed: receivables open at its "
               "start plus orders invoiced in it, of the salesperson's customers (above 100% "
               "only when customers paid in advance)"),
    "top_tier": QT_TRANSLATE_NOOP("Kpi", "Customers in the first tier"),
    "sales": QT_TRANSLATE_NOOP("Kpi", "Orders of the salesperson's customers in the period"),
}


def _customers() -> tuple[Any, ...]:
    """Conditions for "one of the office's customers"."""
    return (Customer.deleted_at.is_(None), Customer.status.not_in(("prospect", "lost")))


@dataclass(frozen=True)
class Scorecard:
    salesperson_id: uuid.UUID
    code: str
    name: str
    region: str
    customers: int
    new_customers: int
    at_start: int
    ordering: int           # customers who ordered in the period
    repeat: int             # ... twice or more
    visits: int
    calls: int
    working_days: int
    invoiced_cents: int
    paid_cents: int
    opening_cents: int      # receivables open at the period's start (a credit counts as none)
    top_tier: int
    office_customers: int

    def value(self, kpi: str) -> float | None:
        """The figure of one KPI (None where its divisor is nothing)."""
        def share(part: float, whole: float) -> float | None:
            return part / whole if whole else None

        return {
            "development_rate": share(self.new_customers, self.at_start),
            "customer_share": share(self.customers, self.office_customers),
            "repeat_rate": share(self.repeat, self.ordering),
            "visits_per_day": share(self.visits, self.working_days),
            "visits_per_customer": share(self.visits, self.customers),
            "collection_rate": share(self.paid_cents, self.opening_cents + self.invoiced_cents),
            "top_tier": float(self.top_tier),
            "sales": self.invoiced_cents / 100,
        }[kpi]


def scorecards(session: Session, first: dt.date, last: dt.date, *,
               today: dt.date | None = None) -> list[Scorecard]:
    """Every active salesperson's scorecard for the period ``first`` to ``last``; working days
    count up to ``today`` when the period is still running."""
    connection = session.connection()
    top = load_settings(session).tiers[0]
    people = session.execute(
        select(Salesperson.id, Salesperson.code, Salesperson.name, Region.code)
        .outerjoin(Region, Region.id == Salesperson.region_id)
        .where(Salesperson.active.is_(True), Salesperson.deleted_at.is_(None))
        .order_by(Salesperson.code)).all()
    since = Customer.customer_since
    owned = {hex_id(r[0]): r[1:] for r in fetch_tuples(connection, select(
        raw(Customer.salesperson_id), func.count(),
        func.sum(case(((since >= first) & (since <= last), 1), else_=0)),
        func.sum(case((since.is_(None) | (since < first), 1), else_=0)),
        func.sum(case((Customer.tier == top, 1), else_=0)))
        .where(*_customers(), Customer.salesperson_id.is_not(None))
        .group_by(Customer.salesperson_id), index=CUSTOMER_PASS)}
    office = sum(int(r[0]) for r in owned.values())
    kind = case((Visit.channel == "visit", "visit"),
                (Visit.channel.in_(CALL_CHANNELS), "call"), else_="other")
    contacts: Counter[tuple[str, str]] = Counter()
    for person, what, count in fetch_tuples(connection, select(
            raw(Visit.salesperson_id), kind, func.count())
            .where(Visit.deleted_at.is_(None), Visit.visit_date >= first,
                   Visit.visit_date <= last, Visit.salesperson_id.is_not(None))
            .group_by(Visit.salesperson_id, kind)):
        contacts[hex_id(person), what] += int(count)
    per_customer = (select(Customer.salesperson_id.label("person"),
                           func.count(Order.id).label("orders"),
                           func.sum(Order.amount_cents).label("cents"))
                    .join(Customer, Customer.id == Order.customer_id)
                    .where(Order.deleted_at.is_(None), Order.order_date >= first,
                           Order.order_date <= last, *_customers())
                    .group_by(Order.customer_id, Customer.salesperson_id).subquery())
    ordered = {hex_id(r[0]): r[1:] for r in fetch_tuples(connection, select(
        raw(per_customer.c.person), func.count(),
        func.sum(case((per_customer.c.orders >= 2, 1), else_=0)),
        func.sum(per_customer.c.cents))
        .where(per_customer.c.person.is_not(None)).group_by(per_customer.c.person))}
    paid = {hex_id(r[0]): int(r[1] or 0) for r in fetch_tuples(connection, select(
        raw(Customer.salesperson_id), func.sum(Payment.amount_cents))
        .join(Customer, Customer.id == Payment.customer_id)
        .where(Payment.deleted_at.is_(None), Payment.paid_on >= first, Payment.paid_on <= last,
               Customer.salesperson_id.is_not(None), *_customers())
        .group_by(Customer.salesperson_id))}
    opening = _opening_receivables(connection, first)
    days = len(working_days(session, first, min(last, today) if today else last))
    cards = []
    for person_id, code, name, region in people:
        key = person_id.hex
        customers, new, at_start, top_tier = (int(v or 0) for v in owned.get(key, (0,) * 4))
        ordering, repeat, invoiced = (int(v or 0) for v in ordered.get(key, (0,) * 3))
        cards.append(Scorecard(
            person_id, code, name, region or "", customers,
            new, at_start, ordering, repeat, contacts[key, "visit"], contacts[key, "call"],
            days, invoiced, paid.get(key, 0), opening.get(key, 0), top_tier, office))
    return cards


def _opening_receivables(connection: Any, first: dt.date) -> dict[str, int]:
    """Per salesperson (hex id): what their customers owed before ``first``, each customer's
    orders less its payments; a customer in credit owes nothing (its credit does not lower
    what the others owe). Read as each customer's totals (core.balances) less the orders and
    payments from ``first`` on: only those are read, not the years before."""
    since: dict[str, int] = {}
    for model, day, index in ((Order, Order.order_date, "ix_sales_order_live_date"),
                              (Payment, Payment.paid_on, "ix_payment_live_date")):
        sign = 1 if model is Order else -1
        rows = fetch_tuples(connection, select(raw(model.customer_id), model.amount_cents)
                            .where(model.deleted_at.is_(None), day >= first),
                            index=(model.__tablename__, index))
        for key, (_cid, cents) in zip(hex_ids(connection, [r[0] for r in rows]), rows,
                                      strict=True):
            since[key] = since.get(key, 0) + sign * int(cents or 0)
    customers = fetch_tuples(connection, select(
        raw(Customer.id), raw(Customer.salesperson_id), Customer.billed_cents,
        Customer.paid_cents).where(Customer.salesperson_id.is_not(None), *_customers()))
    owed: dict[str, int] = {}
    for key, person, (_cid, _pid, billed, paid) in zip(
            hex_ids(connection, [r[0] for r in customers]),
            hex_ids(connection, [r[1] for r in customers]), customers, strict=True):
        before = int(billed or 0) - int(paid or 0) - since.get(key, 0)
        if before > 0:
            owed[person] = owed.get(person, 0) + before
    return owed


@dataclass(frozen=True)
class Progress:
    """One salesperson's month so far against the plan's quotas."""

    card: Scorecard
    visit_quota: int
    call_quota: int          # the calls of the revisit quota and its follow-ups
    new_quota: int
    days_passed: int
    days_in_month: int

    @property
    def expected_share(self) -> float:
        """The share of the month's working days passed: where the figures should be."""
        return self.days_passed / self.days_in_month if self.days_in_month else 1.0


def month_progress(session: Session, month: dt.date, today: dt.date) -> tuple[str, list[Progress]]:
    """The plan's status ("published", "draft" or "proposed") and each salesperson's visits,
    calls and new customers so far against its quotas."""
    first = month.replace(day=1)
    last = add_months(first, 1) - dt.timedelta(days=1)
    plan = plan_for(session, first, today=today)
    quotas = {q.salesperson_id: q for q in plan.quotas}
    cards = scorecards(session, first, last, today=today)
    in_month = len(working_days(session, first, last))
    rows = []
    for card in cards:
        quota = quotas.get(card.salesperson_id)
        rows.append(Progress(card, quota.visits if quota else 0,
                             quota.calls + quota.follow_ups if quota else 0,
                             quota.new_customers if quota else 0,
                             card.working_days if today >= first else 0, in_month))
    return plan.status, rows
