"""The tier picture: customers and sales per tier (the 20/80 view), split by region and by
salesperson, norm compliance, and how grades moved between two reassessments."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierdesk.core.store.models import (
    CUSTOMER_PASS,
    Customer,
    Order,
    Region,
    Salesperson,
    TierAssessment,
)
from tierdesk.core.store.raw import fetch_tuples, hex_id, hex_ids, raw
from tierdesk.core.tiers.grades import WINDOW_DAYS
from tierdesk.core.tiers.norms import Compliance, NormReport, norm_report
from tierdesk.core.tiers.rules import TierRules, load_rules

UNGRADED = ""


@dataclass(frozen=True)
class TierRow:
    tier: str
    customers: int
    sales_cents: int
    customer_share: float
    sales_share: float
    compliance: Compliance


@dataclass
class TierPicture:
    """Live customers by their current tier, with the last twelve months' sales."""

    as_of: dt.date
    rules: TierRules
    rows: list[TierRow]
    # (group name, tier) -> customers, for "region" and "salesperson"
    by_region: dict[str, Counter[str]] = field(default_factory=dict)
    by_salesperson: dict[str, Counter[str]] = field(default_factory=dict)
    sales: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    norms: NormReport | None = None

    def row(self, tier: str) -> TierRow | None:
        return next((r for r in self.rows if r.tier == tier), None)

    def pareto(self) -> tuple[np.ndarray, np.ndarray]:
        """Cumulative share of customers (x) against cumulative share of sales (y), the
        largest customers first; both start at 0."""
        ordered = np.sort(np.maximum(self.sales, 0))[::-1]
        total = ordered.sum()
        n = len(ordered)
        x = np.arange(n + 1) / max(n, 1)
        y = np.concatenate([[0.0], np.cumsum(ordered) / total]) if total else np.zeros(n + 1)
        return x, y


def tier_picture(session: Session, today: dt.date) -> TierPicture:
    rules = load_rules(session)
    since = today - dt.timedelta(days=WINDOW_DAYS)
    connection = session.connection()
    # Region and salesperson names looked up here, by the id as the driver reads it: a
    # join per customer costs more than reading the office's few names once.
    regions = dict(fetch_tuples(connection, select(raw(Region.id), Region.name)))
    people = dict(fetch_tuples(connection, select(raw(Salesperson.id), Salesperson.name)))
    customers = fetch_tuples(connection, (
        select(raw(Customer.id), Customer.tier, raw(Customer.region_id),
               raw(Customer.salesperson_id))
        .where(Customer.deleted_at.is_(None))), index=CUSTOMER_PASS)
    totals = fetch_tuples(connection, (
        select(raw(Order.customer_id), func.sum(Order.amount_cents))
        .where(Order.deleted_at.is_(None), Order.order_date > since, Order.order_date <= today)
        .group_by(Order.customer_id)))
    sums = dict(zip(hex_ids(connection, [r[0] for r in totals]), (r[1] or 0 for r in totals),
                    strict=True))
    count: Counter[str] = Counter()
    sales: Counter[str] = Counter()
    by_region: dict[str, Counter[str]] = {}
    by_person: dict[str, Counter[str]] = {}
    amounts = []
    keys = hex_ids(connection, [r[0] for r in customers])
    for key, (_cid, tier, region_id, person_id) in zip(keys, customers, strict=True):
        tier = tier if tier in rules.tiers else UNGRADED
        amount = sums.get(key, 0)
        region = regions.get(region_id)
        person = people.get(person_id)
        amounts.append(amount)
        count[tier] += 1
        sales[tier] += max(amount, 0)
        by_region.setdefault(region or "", Counter())[tier] += 1
        by_person.setdefault(person or "", Counter())[tier] += 1
    report = norm_report(session, today, rules=rules)
    compliance = report.compliance("tier")
    report.compliance("salesperson")  # counted here, off the window's thread
    total_customers = sum(count.values()) or 1
    total_sales = sum(sales.values()) or 1
    order = [*rules.tiers, UNGRADED] if count.get(UNGRADED) else list(rules.tiers)
    rows = [TierRow(t, count.get(t, 0), sales.get(t, 0), count.get(t, 0) / total_customers,
                    sales.get(t, 0) / total_sales, compliance.get(t, Compliance()))
            for t in order]
    return TierPicture(today, rules, rows, by_region, by_person,
                       np.array(amounts, dtype=np.int64), report)


@dataclass(frozen=True)
class AssessmentRun:
    assessed_at: dt.datetime
    period: str
    customers: int


def assessment_runs(session: Session) -> list[AssessmentRun]:
    """Reassessments applied, the latest first (a manager's overrides are not runs)."""
    rows = session.execute(
        select(TierAssessment.assessed_at, func.min(TierAssessment.period), func.count())
        .where(TierAssessment.reason == "", TierAssessment.period != "")
        .group_by(TierAssessment.assessed_at).order_by(TierAssessment.assessed_at.desc()))
    return [AssessmentRun(at, period, n) for at, period, n in rows]


def migration(session: Session, before: dt.datetime, after: dt.datetime) -> \
        dict[tuple[str, str], int]:
    """How many customers went from each tier (at `before`) to each tier (at `after`);
    customers graded in only one of the two are left out."""
    def grades(at: dt.datetime) -> dict[str, str]:
        return {hex_id(cid): tier for cid, tier in session.execute(
            select(raw(TierAssessment.customer_id), TierAssessment.tier)
            .where(TierAssessment.assessed_at == at))}

    first, second = grades(before), grades(after)
    return dict(Counter((tier, second[key]) for key, tier in first.items() if key in second))
