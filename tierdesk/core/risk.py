"""Customers about to be lost, from their purchases: bought at least a settable share less in
the last few months than in the same number of months before (the churn signal "falling
purchase amount"). A long contact gap against the tier's norm is the other signal; the norms
report tells it (norms.NormStatus.overdue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierdesk.core.followups import add_months
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.models import Order
from tierdesk.core.raw import fetch_tuples, hex_ids, raw
from tierdesk.core.settings import load_record, store_setting
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


def falling_statement(day: dt.date, rules: RiskRules) -> Any:
    """Customers whose purchases in the ``months`` before ``day`` fell by at least
    ``drop_share`` against the ``months`` before those: (customer id, bought before, bought
    recently), in cents."""
    recent_from = add_months(day, -rules.months)
    before_from = add_months(day, -2 * rules.months)
    recent = Order.order_date >= recent_from
    before_cents = func.sum(case((recent, 0), else_=Order.amount_cents))
    recent_cents = func.sum(case((recent, Order.amount_cents), else_=0))
    return (select(raw(Order.customer_id), before_cents, recent_cents)
            .where(Order.deleted_at.is_(None), Order.order_date >= before_from,
                   Order.order_date < day)
            .group_by(Order.customer_id)
            .having(before_cents > 0, recent_cents <= before_cents * (1 - rules.drop_share)))


def falling_purchases(session: Session, day: dt.date,
                      rules: RiskRules | None = None) -> dict[str, Falling]:
    """The customers of falling_statement(), by id hex."""
    connection = session.connection()
    rows = fetch_tuples(connection, falling_statement(day, rules or load_risk_rules(session)))
    return {key: Falling(int(before), int(latest)) for key, (_cid, before, latest)
            in zip(hex_ids(connection, [r[0] for r in rows]), rows, strict=True)}
