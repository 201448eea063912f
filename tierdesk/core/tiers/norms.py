"""Contact norms per tier, computed from the visit log.

A norm asks for so many calls and so many on-site visits a month or a quarter (see
tier_rules.ContactNorm). A call is a contact by phone or WeChat; a visit is an on-site visit;
e-mail and SMS count as neither. For each customer with a norm, as of a day:
- due: what the norm still requires in the current month or quarter;
- overdue: the last call (or visit) is older than the norm's interval (a month or quarter
  divided by the number required), or there is none in the window read; a customer new to
  the archive (or to the office) counts from the day it came, so it is not overdue before its
  first interval has run;
- met last period: the previous full month or quarter had what the norm asks.
Lost customers have no norm.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store.models import CUSTOMER_PASS, Customer, Visit, counting_entry
from tierdesk.core.store.raw import fetch_tuples, hex_id, hex_ids, raw
from tierdesk.core.tiers.rules import ContactNorm, TierRules, load_rules

KINDS = ("call", "visit")
CHANNEL_KIND = {"phone": "call", "wechat": "call", "visit": "visit"}
CALL_CHANNELS = tuple(c for c, k in CHANNEL_KIND.items() if k == "call")
PERIOD_DAYS = {"month": 30.44, "quarter": 91.31}


def period_start(day: dt.date, period: str) -> dt.date:
    if period == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return day.replace(day=1)


def previous_start(day: dt.date, period: str) -> dt.date:
    return period_start(period_start(day, period) - dt.timedelta(days=1), period)


@dataclass(frozen=True)
class KindStatus:
    required: int          # per period (0: no norm for this kind)
    period: str            # "month" or "quarter"
    done: int              # in the current period so far
    last: dt.date | None   # the latest contact of this kind in the window read
    overdue_days: int      # days past the norm's interval (0: not overdue)
    met_last_period: bool

    @property
    def due(self) -> int:
        return max(0, self.required - self.done)


@dataclass(frozen=True)
class NormStatus:
    key: str
    number: str
    name: str
    tier: str
    salesperson_id: str | None
    region_id: str | None
    call: KindStatus
    visit: KindStatus

    def kind(self, kind: str) -> KindStatus:
        return self.call if kind == "call" else self.visit

    @property
    def customer_id(self) -> uuid.UUID:
        return uuid.UUID(hex=self.key)

    @property
    def overdue(self) -> bool:
        return bool(self.call.overdue_days or self.visit.overdue_days)

    @property
    def compliant(self) -> bool:
        return self.call.met_last_period and self.visit.met_last_period

    @property
    def due(self) -> bool:
        return bool(self.call.due or self.visit.due)


@dataclass(frozen=True)
class Compliance:
    """Norm figures of a group of customers (a tier, a salesperson, a region)."""

    customers: int = 0           # with a norm
    compliant: int = 0           # met it in the last full period
    overdue: int = 0
    calls_due: int = 0
    visits_due: int = 0

    @property
    def rate(self) -> float | None:
        return self.compliant / self.customers if self.customers else None


@dataclass
class NormReport:
    today: dt.date
    rules: TierRules
    statuses: list[NormStatus] = field(default_factory=list)
    # Figures per group, counted once: the view and each chart drawn read them again.
    _groups: dict[str, dict[str | None, Compliance]] = field(default_factory=dict, repr=False)

    def by_key(self) -> dict[str, NormStatus]:
        return {s.key: s for s in self.statuses}

    def overdue(self) -> list[NormStatus]:
        return sorted((s for s in self.statuses if s.overdue),
                      key=lambda s: (-max(s.call.overdue_days, s.visit.overdue_days), s.number))

    def compliance(self, group: str) -> dict[str | None, Compliance]:
        """Figures per "tier", "salesperson" (id hex) or "region" (id hex)."""
        found = self._groups.get(group)
        if found is None:
            found = self._groups[group] = self._count(group)
        return found

    def _count(self, group: str) -> dict[str | None, Compliance]:
        totals: dict[str | None, Counter[str]] = {}
        for s in self.statuses:
            name = s.tier if group == "tier" else \
                s.salesperson_id if group == "salesperson" else s.region_id
            counted = totals.setdefault(name, Counter())
            counted["customers"] += 1
            counted["compliant"] += s.compliant
            counted["overdue"] += s.overdue
            counted["calls_due"] += s.call.due
            counted["visits_due"] += s.visit.due
        return {name: Compliance(**counted) for name, counted in totals.items()}

    def behind(self) -> list[tuple[str | None, Compliance]]:
        """Salespeople by the share of their customers overdue, the furthest behind first."""
        rows = [(who, c) for who, c in self.compliance("salesperson").items() if c.customers]
        return sorted(rows, key=lambda item: (-item[1].overdue / item[1].customers,
                                              -item[1].overdue))


def norm_window(today: dt.date) -> dt.date:
    """The first day of the contacts read for the norms as of ``today``: the start of the
    previous quarter, or further back where an interval is longer than that (a norm of one
    visit a quarter looks back 91 days)."""
    return min(previous_start(today, "quarter"), today - dt.timedelta(days=183))


def _kind_status(norm: ContactNorm, kind: str, today: dt.date, window: dt.date,
                 tally: _Tally | None) -> KindStatus:
    """``window``: the day the gap counts from when there is no contact: the window's start,
    or the day a customer newer than that came."""
    required, period = norm.required(kind)
    done = tally.current(period) if tally else 0
    last = tally.last if tally else None
    overdue = 0
    if required:
        interval = round(PERIOD_DAYS[period] / required)
        # With no contact in the window read, the gap counts from the window's start.
        since = (today - (last or window)).days
        overdue = max(0, since - interval)
    met = not required or (tally.previous(period) if tally else 0) >= required
    return KindStatus(required, period, done, last, overdue, met)


class _Tally:
    """One customer's calls (or visits) counted per period, as the database summed them."""

    __slots__ = ("last", "last_month", "last_quarter", "month", "quarter")

    def __init__(self, month: int, quarter: int, last_month: int, last_quarter: int,
                 last: dt.date) -> None:
        self.month, self.quarter = month, quarter
        self.last_month, self.last_quarter = last_month, last_quarter
        self.last = last

    def current(self, period: str) -> int:
        return self.quarter if period == "quarter" else self.month

    def previous(self, period: str) -> int:
        return self.last_quarter if period == "quarter" else self.last_month


def _counted(condition: Any) -> Any:
    """How many rows of a group meet the condition (a SUM the database does)."""
    return func.sum(case((condition, 1), else_=0))


def norm_report(session: Session, today: dt.date, *, customer_ids: list[uuid.UUID] | None =
                None, rules: TierRules | None = None,
                salesperson_id: uuid.UUID | None = None) -> NormReport:
    """Every live customer's norm status as of `today` (or only the customers given, or only
    one salesperson's)."""
    rules = rules or load_rules(session)
    report = NormReport(today, rules)
    window = norm_window(today)
    month, quarter = period_start(today, "month"), period_start(today, "quarter")
    last_month, last_quarter = previous_start(today, "month"), previous_start(today, "quarter")
    connection = session.connection()
    query = (select(raw(Customer.id), Customer.number, Customer.name, Customer.tier,
                    raw(Customer.salesperson_id), raw(Customer.region_id),
                    Customer.customer_since)
             .where(Customer.deleted_at.is_(None), Customer.status != "lost",
                    Customer.tier.in_(rules.tiers)))
    kind = case((Visit.channel.in_(CALL_CHANNELS), "call"), else_="visit")
    day = Visit.visit_date
    # Counted by the database: a row per customer and kind, not one per contact.
    contacts = (select(raw(Visit.customer_id), kind, _counted(day >= month),
                       _counted(day >= quarter),
                       _counted((day >= last_month) & (day < month)),
                       _counted((day >= last_quarter) & (day < quarter)), raw(func.max(day)))
                .where(counting_entry(), day >= window,
                       day <= today, Visit.channel.in_(tuple(CHANNEL_KIND)))
                .group_by(Visit.customer_id, kind))
    if salesperson_id is not None:
        query = query.where(Customer.salesperson_id == salesperson_id)
        contacts = contacts.where(Visit.customer_id.in_(
            select(Customer.id).where(Customer.salesperson_id == salesperson_id)))
    if customer_ids is not None:
        query = query.where(Customer.id.in_(customer_ids))
        contacts = contacts.where(Visit.customer_id.in_(customer_ids))
        customers = [tuple(r) for r in connection.execute(query)]
        rows = [tuple(r) for r in connection.execute(contacts)]
    else:
        # The whole office's pass reads the covering index; one salesperson's customers
        # are found faster through the salesperson's index (57 -> 13 ms at 150,000).
        customers = fetch_tuples(connection, query,
                                 index=CUSTOMER_PASS if salesperson_id is None else None)
        rows = fetch_tuples(connection, contacts)
    tallies: dict[tuple[str, str], _Tally] = {}
    for key, (_cid, what, *counts, latest) in zip(hex_ids(connection, [r[0] for r in rows]),
                                                  rows, strict=True):
        when = latest if isinstance(latest, dt.date) else dt.date.fromisoformat(latest[:10])
        month_n, quarter_n, last_month_n, last_quarter_n = (int(c) for c in counts)
        tallies[key, what] = _Tally(month_n, quarter_n, last_month_n, last_quarter_n, when)
    keys = hex_ids(connection, [row[0] for row in customers])
    came = _new_since(session, window, today, customer_ids, salesperson_id)
    for key, (_cid, number, name, tier, person, region, since) in zip(keys, customers,
                                                                       strict=True):
        norm = rules.norm(tier)
        if norm is None or not (norm.calls or norm.visits):
            continue
        start = max(window, came.get(key, window), _day(since, today) or window)
        report.statuses.append(NormStatus(
            key, number, name, tier, None if person is None else hex_id(person),
            None if region is None else hex_id(region),
            _kind_status(norm, "call", today, start, tallies.get((key, "call"))),
            _kind_status(norm, "visit", today, start, tallies.get((key, "visit")))))
    return report


def _day(value: object, today: dt.date) -> dt.date | None:
    """A date column's value as a date (SQLite may give text), if it is not after today."""
    if value is None:
        return None
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if isinstance(day, dt.datetime):
        day = day.date()
    return day if day <= today else None


def _new_since(session: Session, window: dt.date, today: dt.date,
               customer_ids: list[uuid.UUID] | None,
               salesperson_id: uuid.UUID | None = None) -> dict[str, dt.date]:
    """The customers added to the archive after ``window`` (an import, a new entry), hex id
    -> the day they were added; only those given, or only one salesperson's, where said."""
    after = dt.datetime.combine(window, dt.time())
    query = select(raw(Customer.id), Customer.created_at).where(
        Customer.deleted_at.is_(None), Customer.created_at > after)
    if customer_ids is not None:
        query = query.where(Customer.id.in_(customer_ids))
    if salesperson_id is not None:
        query = query.where(Customer.salesperson_id == salesperson_id)
    connection = session.connection()
    rows = [tuple(r) for r in connection.execute(query)]
    found = {}
    for key, (_cid, created) in zip(hex_ids(connection, [r[0] for r in rows]), rows,
                                    strict=True):
        day = _day(created, today)
        if day is not None:
            found[key] = day
    return found


def customer_norm(session: Session, customer_id: uuid.UUID, today: dt.date) -> \
        NormStatus | None:
    found = norm_report(session, today, customer_ids=[customer_id]).statuses
    return found[0] if found else None



_DUE = {
    ("call", "month", True): QT_TRANSLATE_NOOP("Norms", "1 call still due this month"),
    ("call", "month", False): QT_TRANSLATE_NOOP("Norms", "{count} calls still due this month"),
    ("call", "quarter", True): QT_TRANSLATE_NOOP("Norms", "1 call still due this quarter"),
    ("call", "quarter", False): QT_TRANSLATE_NOOP("Norms",
                                                  "{count} calls still due this quarter"),
    ("visit", "month", True): QT_TRANSLATE_NOOP("Norms", "1 visit still due this month"),
    ("visit", "month", False): QT_TRANSLATE_NOOP("Norms",
                                                 "{count} visits still due this month"),
    ("visit", "quarter", True): QT_TRANSLATE_NOOP("Norms", "1 visit still due this quarter"),
    ("visit", "quarter", False): QT_TRANSLATE_NOOP("Norms",
                                                   "{count} visits still due this quarter"),
}
_OVERDUE = {
    "call": QT_TRANSLATE_NOOP("Norms", "call overdue by {days} days"),
    "visit": QT_TRANSLATE_NOOP("Norms", "visit overdue by {days} days"),
}


def describe(status: NormStatus) -> list[Message]:
    """What the norm still requires, then what is overdue; empty when all is done."""
    lines = []
    for kind in KINDS:
        part = status.kind(kind)
        if part.due:
            lines.append(Message("Norms", _DUE[(kind, part.period, part.due == 1)],
                                 {"count": part.due}))
    for kind in KINDS:
        part = status.kind(kind)
        if part.overdue_days:
            lines.append(Message("Norms", _OVERDUE[kind], {"days": part.overdue_days}))
    return lines


def period_end(day: dt.date, period: str) -> dt.date:
    months = 3 if period == "quarter" else 1
    start = period_start(day, period)
    index = start.month - 1 + months
    return dt.date(start.year + index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def needed_by(status: NormStatus, day: dt.date, by: dt.date) -> list[tuple[str, Message]]:
    """The contacts the norm asks for by ``by`` (the end of the week): a kind already overdue,
    one that falls overdue by then, or one still due in a period that ends by then."""
    needs = []
    for kind in KINDS:
        part = status.kind(kind)
        if not part.required:
            continue
        if part.overdue_days:
            needs.append((kind, Message("Norms", _OVERDUE[kind], {"days": part.overdue_days})))
            continue
        if not part.due:
            continue
        interval = round(PERIOD_DAYS[part.period] / part.required)
        falls_due = part.last is None or part.last + dt.timedelta(days=interval) <= by
        if falls_due or period_end(day, part.period) <= by:
            needs.append((kind, Message("Norms", _DUE[(kind, part.period, part.due == 1)],
                                        {"count": part.due})))
    return needs
