"""Tier grades and their history."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.models import TierAssessment


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
