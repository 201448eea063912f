"""Customer retention, as large offices reckon it:

    retention = (1 - lost customers of last period's snapshot / last period's snapshot) x 100%

The snapshot is the customers the office had when the period began (not prospects; a
customer deleted since still counts in it). Lost: deleted or marked lost since, or buying
under a settable amount a month in each of the period's last three months (or more months,
as the office sets). Per salesperson, customers count for the salesperson they belong to now.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.settings import load_record, store_setting
from tierdesk.core.service.followups import add_months
from tierdesk.core.store.models import Customer, Order
from tierdesk.core.store.raw import fetch_tuples, hex_id, hex_ids, raw
from tierdesk.core.validation import Checker, check_int_range

RULES_KEY = "retention_rules"


@dataclass(frozen=True)
class RetentionRules:
    threshold: int = 1     # yuan a month: buying less than this for ...
    months: int = 3        # ... this many months running makes a customer lost


def load_retention_rules(session: Session) -> RetentionRules:
    return load_record(session, RULES_KEY, RetentionRules)


def save_retention_rules(session: Session, rules: RetentionRules) -> RetentionRules:
    checker = Checker()
    checker.run(check_int_range, "threshold", rules.threshold, 0, 100_000_000)
    checker.run(check_int_range, "months", rules.months, 1, 24)
    checker.raise_if_any()
    store_setting(session, RULES_KEY, asdict(rules))
    return load_retention_rules(session)


THRESHOLD_TEXT = QT_TRANSLATE_NOOP(
    "Kpi", "Lost: deleted or marked lost, or buying under ¥{threshold} a month in each of "
           "the last {months} months.")


@dataclass(frozen=True)
class Retention:
    snapshot: int
    lost: int

    @property
    def rate(self) -> float | None:
        return 1 - self.lost / self.snapshot if self.snapshot else None


def retention(session: Session, first: dt.date, last: dt.date,
              rules: RetentionRules | None = None) -> tuple[Retention, dict[str, Retention]]:
    """The office's retention over ``first`` to ``last``, and each salesperson's (by id hex;
    customers without a salesperson count for the office only)."""
    rules = rules or load_retention_rules(session)
    months_from = add_months(last.replace(day=1), 1 - rules.months)
    if months_from < first:
        months_from = first
    connection = session.connection()
    since = Customer.customer_since
    snapshot = fetch_tuples(connection, select(
        raw(Customer.id), raw(Customer.salesperson_id),
        (Customer.deleted_at.is_not(None)) | (Customer.status == "lost"))
        .where(since.is_(None) | (since < first), Customer.status != "prospect",
               Customer.deleted_at.is_(None) | (Customer.deleted_at >= first)))
    keys = hex_ids(connection, [r[0] for r in snapshot])
    starts = [add_months(months_from, i) for i in range(rules.months)]
    month_sums: list[Any] = []
    for start in starts:
        end = min(add_months(start, 1), last + dt.timedelta(days=1))
        month_sums.append(func.sum(case(((Order.order_date >= start) & (Order.order_date < end),
                                         Order.amount_cents), else_=0)))
    rows = fetch_tuples(connection, select(raw(Order.customer_id), *month_sums)
                        .where(Order.deleted_at.is_(None), Order.order_date >= months_from,
                               Order.order_date <= last)
                        .group_by(Order.customer_id))
    bought = {key: [int(v or 0) for v in row[1:]]
              for key, row in zip(hex_ids(connection, [r[0] for r in rows]), rows, strict=True)}
    floor = rules.threshold * 100
    office: Counter[str] = Counter()
    people: dict[str, Counter[str]] = {}
    for key, (_cid, person, gone) in zip(keys, snapshot, strict=True):
        spent = bought.get(key, [0] * len(starts))
        lost = bool(gone) or (floor > 0 and all(cents < floor for cents in spent))
        office["snapshot"] += 1
        office["lost"] += lost
        if person is not None:
            counted = people.setdefault(hex_id(person), Counter())
            counted["snapshot"] += 1
            counted["lost"] += lost
    return (Retention(office["snapshot"], office["lost"]),
            {key: Retention(c["snapshot"], c["lost"]) for key, c in people.items()})

