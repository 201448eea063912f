"""Customers about to be lost, from their purchases: bought at least a settable share less in
the last few months than in the same number of months before (the churn signal "falling
purchase amount"). A long contact gap against the tier's norm is the other signal; the norms
report tells it (norms.NormStatus.overdue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.settings import load_record, store_setting
from tierdesk.core.service.followups import add_months
from tierdesk.core.store.models import Order
from tierdesk.core.store.raw import fetch_columns, key_groups, raw
from tierdesk.core.validation import Checker, check_int_range

RULES_KEY = "risk_rules"


@dataclass(frozen=True)
class RiskRules:
    drop_share: float = 0.3   # purchases fell by at least this share ...
    months: int = 3           # ... in the last this many months against the months before


def load_risk_rules(session: Session) -> RiskRules:
    return load_record(session, RULES_KEY, RiskRules)


def save_risk_rules(session: Session, rules: RiskRules) -> RiskRules:
    checker = Checker()
    checker.run(check_int_range, "months", rules.months, 1, 24)
    if not 0 < rules.drop_share < 1:
        checker.add("drop_share", QT_TRANSLATE_NOOP("Validation",
                                                    "Enter a share from 1% to 99%."))
    checker.raise_if_any()
    store_setting(session, RULES_KEY, asdict(rules))
    return load_risk_rules(session)


@dataclass(frozen=True)
class Falling:
    before_cents: int    # bought in the months before
    recent_cents: int    # bought in the last months

    @property
    def drop(self) -> float:
        return 1 - self.recent_cents / self.before_cents


def falling_columns(connection: Any, day: dt.date, rules: RiskRules) -> tuple[Any, Any, Any]:
    """Customers whose purchases in the ``months`` before ``day`` fell by at least
    ``drop_share`` against the ``months`` before those, as columns: their ids ('S32', see
    raw.fetch_columns) and what each bought before and recently, in cents. The orders are
    read as they are and summed here, which is several times quicker than grouping them in
    the database."""
    import numpy as np

    recent_from = add_months(day, -rules.months)
    before_from = add_months(day, -2 * rules.months)
    orders = (select(raw(Order.customer_id), raw(Order.order_date), Order.amount_cents)
              .where(Order.deleted_at.is_(None), Order.order_date >= before_from,
                     Order.order_date < day))
    keys, dates, amounts = fetch_columns(connection, orders, ("key", "date", "int"),
                                         index=("sales_order", "ix_sales_order_live_date"))
    customers, group = key_groups(keys)
    recent = dates >= np.datetime64(recent_from, "D")
    before_cents = np.zeros(len(customers), dtype=np.int64)
    recent_cents = np.zeros(len(customers), dtype=np.int64)
    np.add.at(before_cents, group[~recent], amounts[~recent])
    np.add.at(recent_cents, group[recent], amounts[recent])
    falls = (before_cents > 0) & (recent_cents <= before_cents * (1 - rules.drop_share))
    return customers[falls], before_cents[falls], recent_cents[falls]


def falling_purchases(session: Session, day: dt.date,
                      rules: RiskRules | None = None) -> dict[str, Falling]:
    """The customers of falling_columns(), by id hex."""
    keys, before, recent = falling_columns(session.connection(), day,
                                           rules or load_risk_rules(session))
    return {key.decode(): Falling(b, r) for key, b, r in
            zip(keys.tolist(), before.tolist(), recent.tolist(), strict=True)}
