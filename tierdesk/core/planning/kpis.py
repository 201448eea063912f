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

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.holidays import working_days
from tierdesk.core.office.settings import load_settings
from tierdesk.core.planning.plans import plan_for
from tierdesk.core.service.followups import add_months
from tierdesk.core.store.models import (
    CUSTOMER_PASS,
    Customer,
    Order,
    Payment,
    Region,
    Salesperson,
    Visit,
    counting_entry,
)
from tierdesk.core.store.raw import fetch_tuples, hex_id, raw
from tierdesk.core.tiers.norms import CALL_CHANNELS

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
            .where(counting_entry(), Visit.visit_date >= first,
                   Visit.visit_date <= last, Visit.salesperson_id.is_not(None))
            .group_by(Visit.salesperson_id, kind)):
        contacts[hex_id(person), what] += int(count)
    ordered, paid, opening = _money(connection, first, last)
    days = len(working_days(session, first, min(last, today) if today else last))
    cards = []
    for person_id, code, name, region in people:
        key = person_id.hex
        customers, new, at_start, top_tier = (int(v or 0) for v in owned.get(key, (0,) * 4))
        ordering, repeat, invoiced = ordered.get(key, (0, 0, 0))
        cards.append(Scorecard(
            person_id, code, name, region or "", customers,
            new, at_start, ordering, repeat, contacts[key, "visit"], contacts[key, "call"],
            days, invoiced, paid.get(key, 0), opening.get(key, 0), top_tier, office))
    return cards


def _money(connection: Any, first: dt.date, last: dt.date) -> tuple[
        dict[str, tuple[int, int, int]], dict[str, int], dict[str, int]]:
    """Per salesperson (hex id): (customers who ordered in the period, of them those who
    ordered twice or more, the period's sales); the period's payments; and what their
    customers owed before ``first`` (each customer's orders less its payments; a customer in
    credit owes nothing, its credit does not lower what the others owe).

    What was owed before is each customer's totals (core.store.balances) less the orders and
    payments from ``first`` on, so only those are read (through the date-led covering
    indexes), not the years before; one statement, 60 rows back."""
    def after(model: Any, day: Any) -> Any:
        within = day <= last
        return (select(model.customer_id.label("customer"),
                       func.sum(case((within, 1), else_=0)).label("count"),
                       func.sum(case((within, model.amount_cents), else_=0)).label("cents"),
                       func.sum(model.amount_cents).label("since"))
                .where(model.deleted_at.is_(None), day >= first)
                .group_by(model.customer_id).subquery())

    orders, payments = after(Order, Order.order_date), after(Payment, Payment.paid_on)
    owed = (Customer.billed_cents - Customer.paid_cents - func.coalesce(orders.c.since, 0)
            + func.coalesce(payments.c.since, 0))
    ordering = func.coalesce(orders.c.count, 0)
    rows = fetch_tuples(connection, select(
        raw(Customer.salesperson_id), func.sum(case((ordering > 0, 1), else_=0)),
        func.sum(case((ordering >= 2, 1), else_=0)), func.sum(func.coalesce(orders.c.cents, 0)),
        func.sum(func.coalesce(payments.c.cents, 0)), func.sum(case((owed > 0, owed), else_=0)))
        .select_from(Customer)
        .outerjoin(orders, orders.c.customer == Customer.id)
        .outerjoin(payments, payments.c.customer == Customer.id)
        .where(Customer.salesperson_id.is_not(None), *_customers())
        .group_by(Customer.salesperson_id),
        index=[("sales_order", "ix_sales_order_live_date"),
               ("payment", "ix_payment_live_date"), ("customer", "ix_customer_balance")])
    ordered, paid, opening = {}, {}, {}
    for person, customers, repeat, cents, received, before in rows:
        key = hex_id(person)
        ordered[key] = (int(customers or 0), int(repeat or 0), int(cents or 0))
        paid[key] = int(received or 0)
        opening[key] = int(before or 0)
    return ordered, paid, opening


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
