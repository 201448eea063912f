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
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from tierdesk.core.planning.risk import falling_columns, load_risk_rules
from tierdesk.core.store.models import CUSTOMER_PASS, Customer, FollowUp, Visit, counting_entry
from tierdesk.core.store.raw import fetch_columns, positions, raw, uuid_of
from tierdesk.core.tiers.norms import (
    CALL_CHANNELS,
    CHANNEL_KIND,
    PERIOD_DAYS,
    norm_window,
    period_end,
    period_start,
)
from tierdesk.core.tiers.rules import load_rules

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


class MonthNeeds:
    """What every customer of the planned salespeople needs in the month, held as columns:
    the quota figures are sums over them, and a salesperson's task lines are made when they
    are first asked for (the window shows one list at a time; publishing and printing ask
    for all)."""

    def __init__(self, people: list[str], customers: dict[str, Any], need: dict[str, Any],
                 gap_kind: Any, gap_days: Any, due: dict[str, Any], falling: dict[str, Any]
                 ) -> None:
        self.people = people                      # salesperson ids (hex), in a fixed order
        self._customers = customers               # key, number, name, tier, last, owner
        self._need, self._gap_kind, self._gap_days = need, gap_kind, gap_days
        self._due = due                           # at, kind, count, due: open follow-ups
        self._falling = falling                   # at, before, recent: purchases down
        count = len(customers["owner"])
        self._falls = np.zeros(count, dtype=bool)
        self._falls[falling["at"]] = True
        # A customer falling behind gets a visit when the norm asks for none.
        self._visits = np.where(self._falls & (need["visit"] == 0), 1, need["visit"])
        self._follow_ups = np.bincount(due["at"], weights=due["count"],
                                       minlength=count).astype(np.int64)
        self._listed = ((need["call"] > 0) | (self._visits > 0) | (self._follow_ups > 0))
        self._lines: dict[str, list[TaskLine]] = {}

    def _per_person(self, values: Any) -> dict[str, int]:
        sums = np.bincount(self._customers["owner"], weights=values,
                           minlength=len(self.people))
        return {person: int(sums[i]) for i, person in enumerate(self.people)}

    def owned(self) -> dict[str, int]:
        """Customers per salesperson."""
        return self._per_person(np.ones(len(self._customers["owner"]), dtype=np.int64))

    def totals(self) -> dict[str, tuple[int, int, int]]:
        """Per salesperson: the calls, visits and follow-ups of their task lines."""
        calls = self._per_person(self._need["call"])
        visits = self._per_person(self._visits)
        follow_ups = self._per_person(self._follow_ups)
        return {p: (calls[p], visits[p], follow_ups[p]) for p in self.people}

    def lines(self, person: str) -> list[TaskLine]:
        """The salesperson's task lines in customer number order (made once)."""
        made = self._lines.get(person)
        if made is None:
            made = self._lines[person] = self._make_lines(self.people.index(person))
        return made

    def _make_lines(self, who: int) -> list[TaskLine]:
        customers, due, falling = self._customers, self._due, self._falling
        owner = customers["owner"]
        numbers, names, tiers = customers["number"], customers["name"], customers["tier"]
        mine = sorted(np.flatnonzero((owner == who) & self._listed).tolist(),
                      key=numbers.__getitem__)
        follow_ups: dict[int, list[tuple[str, dict[str, Any]]]] = {}
        kinds = due["kind"]
        for row in sorted(np.flatnonzero(owner[due["at"]] == who).tolist(),
                          key=kinds.__getitem__):          # each customer's in kind order
            follow_ups.setdefault(int(due["at"][row]), []).append(
                ("follow_up", {"kind": kinds[row], "due_on": str(due["due"][row]),
                               "count": int(due["count"][row])}))
        drops = {at: 1 - recent / before for at, before, recent in zip(
            *(falling[c][owner[falling["at"]] == who].tolist()
              for c in ("at", "before", "recent")), strict=True)}
        chosen = np.array(mine, dtype=np.int64)
        columns = zip(mine, customers["key"][chosen].tolist(),
                      self._need["call"][chosen].tolist(), self._need["visit"][chosen].tolist(),
                      self._visits[chosen].tolist(), self._follow_ups[chosen].tolist(),
                      self._gap_kind[chosen].tolist(), self._gap_days[chosen].tolist(),
                      customers["last"][chosen].tolist(), strict=True)
        lines = []
        for at, key, calls, norm_visits, visits, follow_up_count, gap, gap_days, last in columns:
            why: list[tuple[str, dict[str, Any]]] = []
            risky = False
            if calls or norm_visits:
                why.append(("norm", {"calls": calls, "visits": norm_visits}))
                if gap >= 0:
                    why.append(("overdue", {"kind": KINDS[gap], "days": gap_days}))
                    risky = True
            why.extend(follow_ups.get(at, ()))
            if at in drops:
                why.append(("falling", {"drop": round(drops[at], 3)}))
                risky = True
            lines.append(TaskLine(key.decode(), numbers[at], names[at], tiers[at], calls,
                                  visits, follow_up_count, why, last, risky))
        return lines


def month_needs(session: Session, first: dt.date, last: dt.date,
                people: list[str]) -> MonthNeeds:
    """What each customer of the salespeople in ``people`` (id hex) needs from ``first`` to
    ``last`` (one month), reckoned on the archive as of the month's eve."""
    eve = first - dt.timedelta(days=1)
    window = norm_window(eve)
    quarter = period_start(first, "quarter")
    # The contacts and the open follow-ups are read row by row and grouped per customer
    # here: the database's GROUP BY, sorting hundreds of thousands of ids, takes longer.
    contacts_read = (select(raw(Visit.customer_id), raw(Visit.visit_date),
                            case((Visit.channel.in_(CALL_CHANNELS), 1), else_=0))
                     .where(counting_entry(),
                            Visit.visit_date >= min(window, quarter), Visit.visit_date <= eve,
                            Visit.channel.in_(tuple(CHANNEL_KIND))))
    due_read = (select(raw(FollowUp.customer_id), FollowUp.kind, raw(FollowUp.due_on))
                .where(FollowUp.status == "open", FollowUp.deleted_at.is_(None),
                       FollowUp.due_on <= last))
    customers_read = (select(raw(Customer.id), Customer.number, Customer.name, Customer.tier,
                             Customer.status, raw(Customer.salesperson_id),
                             raw(Customer.last_visit_on))
                      .where(Customer.deleted_at.is_(None),
                             Customer.salesperson_id.is_not(None)))
    connection = session.connection()
    key, number, name, tier, status, owner, last_visit = fetch_columns(
        connection, customers_read, ("key", "text", "text", "text", "text", "key", "date"),
        index=CUSTOMER_PASS)
    who = positions(np.array(people, dtype="S32"), owner)
    planned = who >= 0
    chosen = np.flatnonzero(planned)
    customers: dict[str, Any] = {
        "key": key[chosen], "number": [number[i] for i in chosen],
        "name": [name[i] for i in chosen], "tier": [tier[i] or None for i in chosen],
        "last": last_visit[chosen], "owner": who[chosen]}
    live = np.array([status[i] != "lost" for i in chosen], dtype=bool)
    count = len(chosen)

    contact_key, contact_on, is_call = fetch_columns(
        connection, contacts_read, ("key", "date", "int"),
        index=("visit", "ix_visit_live_date"))
    at = positions(customers["key"], contact_key)
    day = contact_on.astype(np.int64)
    this_quarter = day >= np.datetime64(quarter, "D").astype(np.int64)
    latest_day: dict[str, Any] = {}
    done: dict[str, Any] = {}
    for kind, calls in (("call", 1), ("visit", 0)):
        mine = (at >= 0) & (is_call == calls)
        latest_day[kind] = np.full(count, NONE, dtype=np.int64)
        np.maximum.at(latest_day[kind], at[mine], day[mine])
        done[kind] = np.bincount(at[mine & this_quarter], minlength=count).astype(np.int64)
    need, gap_kind, gap_days = _norm_needs(session, customers["tier"], live, latest_day, done,
                                           first, last, eve, window)

    due = _due_follow_ups(connection, due_read, customers["key"])
    falling_key, before, recent = falling_columns(connection, first,
                                                  load_risk_rules(session))
    at = positions(customers["key"], falling_key)
    mine = at >= 0
    falling = {"at": at[mine], "before": before[mine], "recent": recent[mine]}
    return MonthNeeds(people, customers, need, gap_kind, gap_days, due, falling)


def _due_follow_ups(connection: Any, due_read: Any, keys: Any) -> dict[str, Any]:
    """The open follow-ups of the customers ``keys`` per customer and kind: the customer's
    place (at), the kind, how many and the earliest due date."""
    due_key, due_kind, due_on = fetch_columns(
        connection, due_read, ("key", "text", "date"),
        index=("follow_up", "ix_follow_up_open_due"))
    at = positions(keys, due_key)
    mine = np.flatnonzero(at >= 0)
    codes: dict[str, int] = {}
    code = np.array([codes.setdefault(due_kind[i], len(codes)) for i in mine.tolist()],
                    dtype=np.int64)
    groups, first, group, count = np.unique(at[mine] * max(len(codes), 1) + code,
                                            return_index=True, return_inverse=True,
                                            return_counts=True)
    earliest = np.full(len(groups), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, group.reshape(-1), due_on[mine].astype(np.int64))
    kinds = list(codes)
    return {"at": at[mine][first], "kind": [kinds[c] for c in code[first].tolist()],
            "count": count.astype(np.int64), "due": earliest.astype("datetime64[D]")}


def _norm_needs(session: Session, tier_names: list[str | None], live: Any,
                latest: dict[str, Any], done: dict[str, Any], first: dt.date, last: dt.date,
                eve: dt.date, window: dt.date) -> tuple[dict[str, Any], Any, Any]:
    """Per customer and kind, the contacts the tier norm asks for in the month (see plans);
    and the first kind (visit, then call) whose gap is past the norm, with its days."""
    count = len(tier_names)
    tiers = np.array(tier_names, dtype=object)
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
