"""Tier grades: reassessment from sales, profit, loyalty and potential; overrides; history.

Each criterion becomes a 0-100 figure by the customer's percentile among all live customers
(potential, a 1-5 judgement, maps straight onto 0-100; unknown counts as the middle). The
score is the weighted mean. Tiers follow from the office's rules: a share of customers per
tier (ranked by score) or score thresholds. A manager's override sticks through later
reassessments until it is removed; every grade given is kept as history.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np
from sqlalchemy import (
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from tierdesk.core.customers.master_file import get_customer_row
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store.models import CUSTOMER_PASS, Customer, Order, TierAssessment, utcnow
from tierdesk.core.store.raw import (
    day_numbers,
    fetch_tuples,
    hex_ids,
    insert_many,
    key_in,
    new_keys,
    raw,
    uuid_of,
)
from tierdesk.core.text_limits import check_length
from tierdesk.core.tiers.rules import CRITERIA, TierRules, load_rules
from tierdesk.core.validation import clean_text, fail

WINDOW_DAYS = 365


@dataclass(frozen=True)
class TierHistoryRow:
    assessed_at: dt.datetime
    period: str
    tier: str
    previous_tier: str
    score: float | None
    overridden: bool
    reason: str


def tier_history(session: Session, customer_id: uuid.UUID) -> list[TierHistoryRow]:
    rows = session.scalars(select(TierAssessment).where(TierAssessment.customer_id == customer_id)
                           .order_by(TierAssessment.assessed_at.desc()))
    return [TierHistoryRow(r.assessed_at, r.period, r.tier, r.previous_tier, r.score,
                           r.overridden, r.reason) for r in rows]


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of "2026-Q4", "2026-11" or "2026"."""
    text = clean_text(period).upper()
    match = re.fullmatch(r"(\d{4})-?Q([1-4])", text)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        start = dt.date(year, 3 * quarter - 2, 1)
        end_month = 3 * quarter
    elif re.fullmatch(r"\d{4}-\d{1,2}", text):
        year, month = (int(p) for p in text.split("-"))
        if not 1 <= month <= 12:
            raise _bad_period(period)
        start, end_month = dt.date(year, month, 1), month
    elif re.fullmatch(r"\d{4}", text):
        start, end_month = dt.date(int(text), 1, 1), 12
    else:
        raise _bad_period(period)
    following = dt.date(start.year + end_month // 12, end_month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def _bad_period(period: str) -> Exception:
    return fail("period", QT_TRANSLATE_NOOP(
        "Validation", "Not a period: \"{value}\" (write 2026-Q4, 2026-11 or 2026)."),
        value=period)


def current_quarter(today: dt.date) -> str:
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


class CustomerScore(NamedTuple):
    key: str                  # the customer's id, 32 hex digits
    number: str
    name: str
    current_tier: str
    proposed_tier: str
    score: float
    parts: tuple[float, ...]  # 0-100 per criterion, in the order of CRITERIA
    sales_cents: int
    overridden: bool
    change: str  # "new", "same", "up" or "down" against the current tier

    @property
    def customer_id(self) -> uuid.UUID:
        return uuid_of(self.key)

    @property
    def components(self) -> dict[str, float]:
        return {c: round(v, 2) for c, v in zip(CRITERIA, self.parts, strict=True)}


@dataclass
class Assessment:
    """Every live customer's score and proposed tier, held as columns (one entry per
    customer, in the same order throughout)."""

    period: str
    as_of: dt.date
    rules: TierRules
    keys: list[str]
    numbers: list[str]
    names: list[str]
    current: list[str]
    proposed: list[str]
    score: np.ndarray        # float, 0-100
    parts: np.ndarray        # float, one column per criterion
    sales: np.ndarray        # int, cents over the twelve months
    overridden: np.ndarray   # bool
    change: list[str]

    def __len__(self) -> int:
        return len(self.keys)

    def row(self, index: int) -> CustomerScore:
        return CustomerScore(self.keys[index], self.numbers[index], self.names[index],
                             self.current[index], self.proposed[index],
                             float(self.score[index]), tuple(self.parts[index].tolist()),
                             int(self.sales[index]), bool(self.overridden[index]),
                             self.change[index])

    @cached_property
    def scores(self) -> list[CustomerScore]:
        return [self.row(i) for i in range(len(self))]

    def counts(self) -> dict[str, int]:
        counted = Counter(self.proposed)
        return {tier: counted.get(tier, 0) for tier in self.rules.tiers}

    def sales_share(self) -> dict[str, float]:
        positive = np.maximum(self.sales, 0)
        total = float(positive.sum()) or 1.0
        proposed = np.asarray(self.proposed, dtype=object)
        return {tier: float(positive[proposed == tier].sum()) / total
                for tier in self.rules.tiers}

    def changes(self) -> Counter[str]:
        return Counter(self.change)


def _percentiles(values: np.ndarray) -> np.ndarray:
    """Each value's percentile (0-100) among all; ties share the mean of their ranks."""
    n = len(values)
    if n <= 1:
        return np.where(values > 0, 100.0, 0.0)
    ordered = np.sort(values)
    low = np.searchsorted(ordered, values, "left")
    high = np.searchsorted(ordered, values, "right")
    return (low + high - 1) / 2 * (100.0 / (n - 1))


def assess_tiers(session: Session, period: str, *, today: dt.date | None = None,
                 rules: TierRules | None = None) -> Assessment:
    """Scores and proposed tiers of every live customer; nothing is written.

    Loyalty counts the years since the customer's recorded start (customer_since), or since
    the first order where no start is recorded, and the number of orders in the window."""
    today = today or dt.date.today()
    rules = rules or load_rules(session)
    _start, end = period_bounds(period)
    as_of = min(end, today)
    since = as_of - dt.timedelta(days=WINDOW_DAYS)
    connection = session.connection()
    live = Order.deleted_at.is_(None)
    customers = fetch_tuples(connection, (
        select(raw(Customer.id), Customer.number, Customer.name, Customer.tier,
               Customer.potential, raw(Customer.customer_since), Customer.tier_overridden)
        .where(Customer.deleted_at.is_(None)).order_by(Customer.id)), index=CUSTOMER_PASS)
    n = len(customers)
    keys = hex_ids(connection, [row[0] for row in customers])
    position = {key: i for i, key in enumerate(keys)}
    sums = fetch_tuples(connection, (
        select(raw(Order.customer_id), func.sum(Order.amount_cents),
               func.sum(Order.profit_cents), func.count())
        .where(live, Order.order_date > since, Order.order_date <= as_of)
        .group_by(Order.customer_id)))
    found = [position.get(key, -1) for key in hex_ids(connection, [row[0] for row in sums])]
    sales, profit, frequency = (np.zeros(n + 1, dtype=np.int64) for _ in range(3))
    if sums:  # index n collects orders of deleted customers, and is dropped
        sales[found], profit[found], frequency[found] = np.array(
            [row[1:] for row in sums], dtype=np.int64).T
    sales, profit, frequency = sales[:n], profit[:n], frequency[:n]
    start_day = day_numbers([row[5] for row in customers])
    undated = np.isnat(start_day)
    if undated.any():
        first = connection.execute(
            select(raw(Order.customer_id), raw(func.min(Order.order_date)))
            .where(live, Order.order_date <= as_of, Order.customer_id.in_(
                select(Customer.id).where(Customer.customer_since.is_(None),
                                          Customer.deleted_at.is_(None))))
            .group_by(Order.customer_id)).all()
        at = [position.get(key, -1) for key in hex_ids(connection, [row[0] for row in first])]
        start_day = np.append(start_day, np.datetime64("NaT", "D"))
        start_day[at] = day_numbers([row[1] for row in first])
        start_day = start_day[:n]
    days = (np.datetime64(as_of, "D") - start_day).astype("timedelta64[D]").astype(np.float64)
    years = np.maximum(0.0, np.nan_to_num(days, nan=0.0) / 365.25)
    potential = np.array([50.0 if row[4] is None else (min(max(row[4], 1), 5) - 1) * 25.0
                          for row in customers], dtype=np.float64)
    parts = np.column_stack([
        _percentiles(sales.astype(np.float64)), _percentiles(profit.astype(np.float64)),
        (_percentiles(years) + _percentiles(frequency.astype(np.float64))) / 2,
        potential]) if n else np.zeros((0, len(CRITERIA)))
    weights = np.array([float(rules.weights.get(c, 0)) for c in CRITERIA])
    score = np.round(parts @ weights / (weights.sum() or 1.0), 2)
    numbers = [row[1] for row in customers]
    current = [row[3] or "" for row in customers]
    overridden = np.array([bool(row[6]) and bool(row[3]) for row in customers], dtype=bool)
    computed = _tiers_for(score, sales, rules)
    proposed = [c if kept else p for c, p, kept in zip(current, computed, overridden.tolist(),
                                                        strict=True)]
    level = {tier: i for i, tier in enumerate(rules.tiers)}
    change = [_change(level, before, after) for before, after in
              zip(current, proposed, strict=True)]
    return Assessment(period, as_of, rules, keys, numbers, [row[2] for row in customers],
                      current, proposed, score, parts, sales, overridden, change)


def _change(level: dict[str, int], before: str, after: str) -> str:
    if before not in level:
        return "new"
    if before == after:
        return "same"
    return "up" if level[after] < level[before] else "down"


def _tiers_for(score: np.ndarray, sales: np.ndarray, rules: TierRules) -> list[str]:
    tiers = rules.tiers
    n = len(score)
    if rules.method == "threshold":
        # Thresholds run from high to low; a score at a threshold belongs to the tier above.
        cuts = -np.asarray(rules.thresholds, dtype=np.float64)
        levels = np.searchsorted(cuts, -score, "left")
        return [tiers[i] for i in levels.tolist()]
    # By share: ranked by score, then sales (then the order read, by id: stable run to run).
    ranked = np.lexsort((-sales, -score))
    levels = np.empty(n, dtype=np.int64)
    start, cumulative = 0, 0.0
    for level, share in enumerate(rules.shares):
        cumulative += share
        stop = n if level == len(tiers) - 1 else round(n * cumulative / 100)
        levels[ranked[start:stop]] = level
        start = stop
    return [tiers[i] for i in levels.tolist()]


_GRADE_COLUMNS = ("id", "customer_id", "period", "assessed_at", "tier", "previous_tier",
                  "score", "components", "overridden", "reason", "created_at", "updated_at")
BATCH = 10_000


def apply_assessment(session: Session, assessment: Assessment, *,
                     at: dt.datetime | None = None) -> int:
    """Keep every customer's grade in the history and set the new tiers (inside the caller's
    transaction: it lands whole or not at all). Returns how many tiers changed."""
    at = at or utcnow()
    period = assessment.period
    parts = np.round(assessment.parts, 2).tolist()
    template = "{" + ", ".join(f'"{c}": %r' for c in CRITERIA) + "}"
    rows = []
    changed: dict[str, list[str]] = {}
    # Keys in ascending order, as the customers are: each index grows in order.
    for grade_id, key, before, after, score, part, kept in zip(
            sorted(new_keys(len(assessment))), assessment.keys, assessment.current,
            assessment.proposed, assessment.score.tolist(), parts,
            assessment.overridden.tolist(), strict=True):
        components = template % tuple(part)
        rows.append((grade_id, key, period, at, after, before, score, components, kept, "",
                     at, at))
        if after != before:
            changed.setdefault(after, []).append(key)
    connection = session.connection()
    for start in range(0, len(rows), BATCH):
        insert_many(connection, TierAssessment.__table__, _GRADE_COLUMNS,
                    rows[start:start + BATCH])
    for tier, keys in changed.items():
        for start in range(0, len(keys), BATCH):
            session.execute(update(Customer).where(key_in(
                connection, Customer.id, keys[start:start + BATCH])).values(
                tier=tier, updated_at=at)
                .execution_options(synchronize_session=False))
    session.flush()
    return sum(len(keys) for keys in changed.values())


def override_tier(session: Session, customer_id: uuid.UUID, tier: str, reason: str, *,
                  period: str = "") -> None:
    """A manager's grade: it sticks through reassessments until it is removed."""
    customer = get_customer_row(session, customer_id)
    rules = load_rules(session)
    tier = clean_text(tier).upper()
    if tier not in rules.tiers:
        raise fail("tier", QT_TRANSLATE_NOOP("Validation", "Unknown tier \"{value}\"; "
                                             "the office's tiers are {tiers}."),
                   value=tier, tiers=", ".join(rules.tiers))
    reason = check_length("reason", clean_text(reason), TierAssessment.reason)
    if not reason:
        raise fail("reason", QT_TRANSLATE_NOOP(
            "Validation", "Say why the tier is set by hand (it is kept in the history)."))
    now = utcnow()
    session.add(TierAssessment(customer_id=customer.id, period=period, assessed_at=now,
                               tier=tier, previous_tier=customer.tier, overridden=True,
                               reason=reason))
    customer.tier = tier
    customer.tier_overridden = True
    session.flush()


def remove_override(session: Session, customer_id: uuid.UUID, reason: str = "") -> None:
    """The next reassessment grades the customer again (recorded in the history)."""
    customer = get_customer_row(session, customer_id)
    reason = check_length("reason", clean_text(reason), TierAssessment.reason)
    session.add(TierAssessment(customer_id=customer.id, period="", assessed_at=utcnow(),
                               tier=customer.tier, previous_tier=customer.tier,
                               overridden=False, reason=reason or "override removed"))
    customer.tier_overridden = False
    session.flush()
