"""Complaints: received, investigated, answered, closed; the response target is 24 hours."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.models import Complaint

RESPONSE_TARGET = dt.timedelta(hours=24)


@dataclass(frozen=True)
class ComplaintRow:
    id: uuid.UUID
    received_at: dt.datetime
    channel: str
    category: str
    severity: str
    description: str
    status: str
    answered_at: dt.datetime | None
    resolution: str
    satisfaction: int | None


def list_complaints(session: Session, customer_id: uuid.UUID) -> list[ComplaintRow]:
    rows = session.scalars(select(Complaint).where(Complaint.customer_id == customer_id,
                                                   Complaint.deleted_at.is_(None))
                           .order_by(Complaint.received_at.desc()))
    return [ComplaintRow(c.id, c.received_at, c.channel, c.category, c.severity, c.description,
                         c.status, c.answered_at, c.resolution, c.satisfaction) for c in rows]
