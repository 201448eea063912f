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
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from tierdesk.core.customers import get_customer_row
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.models import Customer, Order, TierAssessment, utcnow
from tierdesk.core.tier_rules import CRITERIA, TierRules, load_rules
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


@dataclass(frozen=True)
class CustomerScore:
    customer_id: uuid.UUID
    number: str
    name: str
    current_tier: str
    proposed_tier: str
    score: float
    components: dict[str, float]
    sales_cents: int
    overridden: bool
    change: str  # "new", "same", "up" or "down" against the current tier


@dataclass
class Assessment:
    period: str
    as_of: dt.date
    rules: TierRules
    scores: list[CustomerScore] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counted = Counter(s.proposed_tier for s in self.scores)
        return {tier: counted.get(tier, 0) for tier in self.rules.tiers}

    def sales_share(self) -> dict[str, float]:
        total = sum(s.sales_cents for s in self.scores if s.sales_cents > 0) or 1
        shares = Counter()  # type: Counter[str]
        for s in self.scores:
            shares[s.proposed_tier] += max(s.sales_cents, 0)
        return {tier: shares.get(tier, 0) / total for tier in self.rules.tiers}

    def changes(self) -> Counter[str]:
        return Counter(s.change for s in self.scores)


def _percentiles(values: list[float]) -> list[float]:
    """Each value's percentile (0-100) among all; ties share the mean of their ranks."""
    ordered = sorted(values)
    n = len(ordered)
    if n <= 1:
        return [100.0 if v > 0 else 0.0 for v in values]
    result = []
    for v in values:
        low, high = bisect_left(ordered, v), bisect_right(ordered, v)
        result.append(100.0 * ((low + high - 1) / 2) / (n - 1))
    return result


def _active_overrides(session: Session) -> dict[uuid.UUID, tuple[str, str]]:
    """Customers whose latest grade is a manager's override: (tier, reason)."""
    latest = (select(TierAssessment.customer_id,
                     func.max(TierAssessment.assessed_at).label("at"))
              .group_by(TierAssessment.customer_id).subquery())
    query = (select(TierAssessment.customer_id, TierAssessment.tier, TierAssessment.reason)
             .join(latest, (TierAssessment.customer_id == latest.c.customer_id)
                   & (TierAssessment.assessed_at == latest.c.at))
             .where(TierAssessment.overridden.is_(True)))
    return {cid: (tier, reason) for cid, tier, reason in session.execute(query)}


def assess_tiers(session: Session, period: str, *, today: dt.date | None = None,
                 rules: TierRules | None = None) -> Assessment:
    """Scores and proposed tiers of every live customer; nothing is written."""
    today = today or dt.date.today()
    rules = rules or load_rules(session)
    _start, end = period_bounds(period)
    as_of = min(end, today)
    since = as_of - dt.timedelta(days=WINDOW_DAYS)
    sums = {cid: (sales or 0, profit or 0, count) for cid, sales, profit, count in
            session.execute(select(Order.customer_id, func.sum(Order.amount_cents),
                                   func.sum(Order.profit_cents), func.count())
                            .where(Order.deleted_at.is_(None), Order.order_date > since,
                                   Order.order_date <= as_of)
                            .group_by(Order.customer_id))}
    first_order = dict(session.execute(
        select(Order.customer_id, func.min(Order.order_date))
        .where(Order.deleted_at.is_(None), Order.order_date <= as_of)
        .group_by(Order.customer_id)).all())
    customers = session.execute(
        select(Customer.id, Customer.number, Customer.name, Customer.tier, Customer.potential,
               Customer.customer_since).where(Customer.deleted_at.is_(None))
        .order_by(Customer.number)).all()
    sales, profit, frequency, years, potential = [], [], [], [], []
    for cid, _number, _name, _tier, pot, since_date in customers:
        s, p, c = sums.get(cid, (0, 0, 0))
        sales.append(float(s))
        profit.append(float(p))
        frequency.append(float(c))
        began = min(d for d in (since_date, first_order.get(cid)) if d) \
            if (since_date or first_order.get(cid)) else as_of
        years.append(max(0.0, (as_of - began).days / 365.25))
        potential.append(50.0 if pot is None else (min(max(pot, 1), 5) - 1) * 25.0)
    ranks = {"sales": _percentiles(sales), "profit": _percentiles(profit)}
    loyal_years, loyal_freq = _percentiles(years), _percentiles(frequency)
    ranks["loyalty"] = [(a + b) / 2 for a, b in zip(loyal_years, loyal_freq, strict=True)]
    ranks["potential"] = potential
    weights = rules.weights
    total_weight = sum(weights.get(c, 0) for c in CRITERIA) or 1.0
    scored = []
    for index in range(len(customers)):
        components = {c: round(ranks[c][index], 2) for c in CRITERIA}
        score = sum(weights.get(c, 0) * components[c] for c in CRITERIA) / total_weight
        scored.append((index, round(score, 2)))
    proposed = _tiers_for(scored, rules, sales)
    overrides = _active_overrides(session)
    assessment = Assessment(period, as_of, rules)
    for index, score in scored:
        cid, number, name, tier, _pot, _since = customers[index]
        override = overrides.get(cid)
        new_tier = override[0] if override else proposed[index]
        assessment.scores.append(CustomerScore(
            cid, number, name, tier or "", new_tier, score,
            {c: round(ranks[c][index], 2) for c in CRITERIA}, int(sales[index]),
            override is not None, _change(rules.tiers, tier or "", new_tier)))
    return assessment


def _change(tiers: tuple[str, ...], before: str, after: str) -> str:
    if before not in tiers:
        return "new"
    if before == after:
        return "same"
    return "up" if tiers.index(after) < tiers.index(before) else "down"


def _tiers_for(scored: list[tuple[int, float]], rules: TierRules,
               sales: list[float]) -> dict[int, str]:
    tiers = rules.tiers
    if rules.method == "threshold":
        result = {}
        for index, score in scored:
            level = next((i for i, t in enumerate(rules.thresholds) if score >= t),
                         len(tiers) - 1)
            result[index] = tiers[level]
        return result
    ranked = sorted(scored, key=lambda item: (-item[1], -sales[item[0]], item[0]))
    total = len(ranked)
    result, start = {}, 0
    cumulative = 0.0
    for level, share in enumerate(rules.shares):
        cumulative += share
        stop = total if level == len(tiers) - 1 else round(total * cumulative / 100)
        for index, _score in ranked[start:stop]:
            result[index] = tiers[level]
        start = stop
    return result


def apply_assessment(session: Session, assessment: Assessment, *,
                     at: dt.datetime | None = None) -> int:
    """Keep every customer's grade in the history and set the new tiers (inside the caller's
    transaction: it lands whole or not at all). Returns how many tiers changed."""
    at = at or utcnow()
    rows = []
    changed: dict[str, list[uuid.UUID]] = {}
    for s in assessment.scores:
        rows.append({"id": uuid.uuid4(), "customer_id": s.customer_id,
                     "period": assessment.period, "assessed_at": at, "tier": s.proposed_tier,
                     "previous_tier": s.current_tier, "score": s.score,
                     "components": s.components, "overridden": s.overridden,
                     "reason": "", "created_at": at, "updated_at": at})
        if s.proposed_tier != s.current_tier:
            changed.setdefault(s.proposed_tier, []).append(s.customer_id)
    for start in range(0, len(rows), 10_000):
        session.execute(insert(TierAssessment), rows[start:start + 10_000])
    for tier, ids in changed.items():
        for start in range(0, len(ids), 10_000):
            session.execute(update(Customer).where(Customer.id.in_(ids[start:start + 10_000]))
                            .values(tier=tier, updated_at=at))
    session.flush()
    return sum(len(ids) for ids in changed.values())


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
    if not clean_text(reason):
        raise fail("reason", QT_TRANSLATE_NOOP(
            "Validation", "Say why the tier is set by hand (it is kept in the history)."))
    now = utcnow()
    session.add(TierAssessment(customer_id=customer.id, period=period, assessed_at=now,
                               tier=tier, previous_tier=customer.tier, overridden=True,
                               reason=clean_text(reason)))
    customer.tier = tier
    session.flush()


def remove_override(session: Session, customer_id: uuid.UUID, reason: str = "") -> None:
    """The next reassessment grades the customer again (recorded in the history)."""
    customer = get_customer_row(session, customer_id)
    session.add(TierAssessment(customer_id=customer.id, period="", assessed_at=utcnow(),
                               tier=customer.tier, previous_tier=customer.tier,
                               overridden=False,
                               reason=clean_text(reason) or "override removed"))
    session.flush()
