"""The month plan's pass over the archive: what every customer needs in a month.

For each customer of an active salesperson: the calls and visits its tier norm asks for in
the month, the open follow-ups due by the month's end, and whether it is at risk (the contact
gap past the norm's interval, as the norms report reckons it, or falling purchases). The norm
arithmetic runs on arrays, one tier and kind at a time, so that an office of 150,000 customers
is planned in seconds. Only customers with something due become task lines.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierdesk.core.models import CUSTOMER_PASS, Customer, FollowUp, Visit
from tierdesk.core.norms import (
    CALL_CHANNELS,
    CHANNEL_KIND,
    PERIOD_DAYS,
    norm_window,
    period_end,
    period_start,
)
from tierdesk.core.raw import day_numbers, fetch_tuples, hex_ids, raw, uuid_of
from tierdesk.core.risk import Falling, falling_purchases
from tierdesk.core.tier_rules import load_rules

KINDS = ("visit", "call")     # the order the overdue reason is looked for in
NONE = -(10**9)               # a day number for "no contact"
RISKS = ("overdue", "falling")


@dataclass
class TaskLine:
    """One customer on a salesperson's task list: what is due in the month and why.

    why: (reason, facts) pairs: ("norm", {"calls", "visits"}); ("follow_up", {"kind",
    "due_on", "count"}): open follow-ups of a kind, the earliest due then; ("overdue",
    {"kind", "days"}): the contact gap is past the norm; ("falling", {"drop"}): purchases fell
    by that share. A line with either of the last two is at risk. The last contact is the
    last entry on the card, of any channel."""

    key: str                 # the customer's id as 32 hex digits
    number: str
    name: str
    tier: str
    calls: int
    visits: int
    follow_ups: int
    why: list[tuple[str, dict[str, Any]]]
    last_contact: dt.date | None
    at_risk: bool = False

    @property
    def customer_id(self) -> uuid.UUID:
        return uuid_of(self.key)


@dataclass
class MonthNeeds:
    lines: dict[str, list[TaskLine]]   # per salesperson (id hex), in customer number order
    owned: dict[str, int]              # customers per salesperson


def month_needs(session: Session, first: dt.date, last: dt.date,
                people: set[str]) -> MonthNeeds:
    """What each customer of the salespeople in ``people`` (id hex) needs from ``first`` to
    ``last`` (one month), reckoned on the archive as of the month's eve."""
    eve = first - dt.timedelta(days=1)
    window = norm_window(eve)
    quarter = period_start(first, "quarter")
    kind = case((Visit.channel.in_(CALL_CHANNELS), "call"), else_="visit")
    contacts_read = (select(raw(Visit.customer_id), kind,
                            func.sum(case((Visit.visit_date >= quarter, 1), else_=0)),
                            raw(func.max(Visit.visit_date)))
                     .where(Visit.deleted_at.is_(None),
                            Visit.visit_date >= min(window, quarter), Visit.visit_date <= eve,
                            Visit.channel.in_(tuple(CHANNEL_KIND)))
                     .group_by(Visit.customer_id, kind))
    due_read = (select(raw(FollowUp.customer_id), FollowUp.kind, func.count(),
                       raw(func.min(FollowUp.due_on)))
                .where(FollowUp.status == "open", FollowUp.deleted_at.is_(None),
                       FollowUp.due_on <= last)
                .group_by(FollowUp.customer_id, FollowUp.kind))
    customers_read = (select(raw(Customer.id), Customer.number, Customer.name, Customer.tier,
                             Customer.status, raw(Customer.salesperson_id),
                             raw(Customer.last_visit_on))
                      .where(Customer.deleted_at.is_(None),
                             Customer.salesperson_id.is_not(None))
                      .order_by(Customer.number))

    def keyed(rows: list[tuple[Any, ...]], connection: Any) -> tuple[list[str], list[Any]]:
        return hex_ids(connection, [r[0] for r in rows]), rows

    connection = session.connection()
    customer_rows = keyed(fetch_tuples(connection, customers_read, index=CUSTOMER_PASS),
                          connection)
    contact_rows = keyed(fetch_tuples(connection, contacts_read), connection)
    due_rows = keyed(fetch_tuples(connection, due_read,
                                  index=("follow_up", "ix_follow_up_open_customer")), connection)
    falling = falling_purchases(session, first)
    keys: list[str] = []
    rows: list[tuple[Any, ...]] = []
    owners: list[str] = []
    owned: dict[str, int] = dict.fromkeys(people, 0)
    all_keys, all_rows = customer_rows
    for key, owner, row in zip(all_keys, hex_ids(connection, [r[5] for r in all_rows]),
                               all_rows, strict=True):
        if owner in people:
            keys.append(key)
            rows.append(row)
            owners.append(owner)
            owned[owner] += 1
    index = {key: i for i, key in enumerate(keys)}
    count = len(keys)
    latest = {k: np.full(count, NONE, dtype=np.int64) for k in KINDS}
    done = {k: np.zeros(count, dtype=np.int64) for k in KINDS}
    contact_keys, contact_list = contact_rows
    if contact_list:
        positions = np.array([index.get(key, -1) for key in contact_keys], dtype=np.int64)
        what = np.array([r[1] for r in contact_list], dtype=object)
        days = day_numbers([r[3] for r in contact_list]).astype(np.int64)
        made = np.array([int(r[2] or 0) for r in contact_list], dtype=np.int64)
        for name in KINDS:
            chosen = (positions >= 0) & (what == name)
            latest[name][positions[chosen]] = days[chosen]
            done[name][positions[chosen]] = made[chosen]
    last_visits = day_numbers([r[6] for r in rows]).tolist()   # dates, None where none
    need, gap_kind, gap_days = _norm_needs(session, rows, latest, done, first, last, eve,
                                           window)
    lines: dict[str, TaskLine] = {}
    calls_due, visits_due = need["call"].tolist(), need["visit"].tolist()
    gaps, gap_lengths = gap_kind.tolist(), gap_days.tolist()
    for at in np.flatnonzero((need["call"] > 0) | (need["visit"] > 0)).tolist():
        row = rows[at]
        calls, visits, gap = calls_due[at], visits_due[at], gaps[at]
        why: list[tuple[str, dict[str, Any]]] = [("norm", {"calls": calls, "visits": visits})]
        if gap >= 0:
            why.append(("overdue", {"kind": KINDS[gap], "days": gap_lengths[at]}))
        lines[keys[at]] = TaskLine(keys[at], row[1], row[2], row[3], calls, visits, 0, why,
                                   last_visits[at], gap >= 0)
    def line(key: str) -> TaskLine | None:
        """The customer's line, begun when the norm asked for nothing (None: not one of the
        planned salespeople's customers)."""
        task = lines.get(key)
        if task is None:
            spot = index.get(key)
            if spot is None:
                return None
            row = rows[spot]
            task = lines[key] = TaskLine(key, row[1], row[2], row[3], 0, 0, 0, [],
                                         last_visits[spot])
        return task

    due_keys, due_list = due_rows
    for key, (_cid, what, number, due_on) in zip(due_keys, due_list, strict=True):
        task = line(key)
        if task is None:
            continue
        task.follow_ups += number
        task.why.append(("follow_up", {"kind": what, "due_on": str(due_on)[:10],
                                       "count": number}))
    drop: Falling
    for key, drop in falling.items():
        task = line(key)
        if task is None:
            continue
        task.visits = task.visits or 1
        task.why.append(("falling", {"drop": round(drop.drop, 3)}))
        task.at_risk = True
    per_person: dict[str, list[TaskLine]] = {person: [] for person in people}
    for key, owner in zip(keys, owners, strict=True):   # in customer number order
        task = lines.get(key)
        if task is not None:
            per_person[owner].append(task)
    return MonthNeeds(per_person, owned)


def _norm_needs(session: Session, rows: list[tuple[Any, ...]], latest: dict[str, Any],
                done: dict[str, Any], first: dt.date, last: dt.date, eve: dt.date,
                window: dt.date) -> tuple[dict[str, Any], Any, Any]:
    """Per customer and kind, the contacts the tier norm asks for in the month (see plans);
    and the first kind (visit, then call) whose gap is past the norm, with its days."""
    count = len(rows)
    tiers = np.array([r[3] for r in rows], dtype=object)
    live = np.array([r[4] != "lost" for r in rows], dtype=bool)
    rules = load_rules(session)
    first_n, last_n, eve_n, window_n = (
        int(np.datetime64(d, "D").astype(np.int64)) for d in (first, last, eve, window))
    quarter_ends = period_end(first, "quarter") == last
    need = {k: np.zeros(count, dtype=np.int64) for k in KINDS}
    gap_kind = np.full(count, -1, dtype=np.int64)
    gap_days = np.zeros(count, dtype=np.int64)
    for tier in rules.tiers:
        norm = rules.norm(tier)
        mask = (tiers == tier) & live
        if norm is None or not (norm.calls or norm.visits) or not mask.any():
            continue
        for k, name in enumerate(KINDS):
            required, period = norm.required(name)
            if not required:
                continue
            seen = latest[name][mask]
            if period == "month":
                need[name][mask] = required
            else:
                remaining = np.maximum(0, required - done[name][mask])
                if quarter_ends:      # what the quarter still lacks is all due now
                    need[name][mask] = remaining
                else:                 # the contacts falling due in the month
                    step = round(PERIOD_DAYS["quarter"] / required)
                    due = np.where(seen > NONE, np.maximum(first_n, seen + step), first_n)
                    fits = np.where(due <= last_n, (last_n - due) // step + 1, 0)
                    need[name][mask] = np.minimum(fits, remaining)
            # Overdue as the norms report reckons it: the gap since the last contact in the
            # window (or since the window's start) past the norm's interval.
            interval = round(PERIOD_DAYS[period] / required)
            overdue = eve_n - np.where(latest[name] > NONE, latest[name], window_n) - interval
            first_gap = mask & (overdue > 0) & (gap_kind < 0)
            gap_kind[first_gap] = k
            gap_days[first_gap] = overdue[first_gap]
    return need, gap_kind, gap_days
