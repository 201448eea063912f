"""Complaints: received, investigated, answered, closed; the response target is 24 hours.

A complaint moves forward through its statuses only (a step may be skipped). Answering needs
the answer given to the customer; closing needs the resolution, and records the customer's
satisfaction afterwards when it is known. Until it is answered the complaint shows the time left
to the 24-hour target, or how long it is overdue.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from tierdesk.core.customers.master_file import get_customer_row
from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store.models import COMPLAINT_STATUSES, Complaint, Customer, Salesperson
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, check_int_range, clean_text, fail

RESPONSE_TARGET = dt.timedelta(hours=24)
COMPLAINT_CHANNELS = ("phone", "visit", "letter", "email", "wechat", "other")
SEVERITIES = ("low", "normal", "high")


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
    answer: str = ""
    closed_at: dt.datetime | None = None
    customer_id: uuid.UUID | None = None
    number: str = ""
    name: str = ""
    salesperson_id: uuid.UUID | None = None
    salesperson: str = ""
    assigned_to_id: uuid.UUID | None = None
    assigned_to: str = ""

    @property
    def is_open(self) -> bool:
        return self.status != "closed"

    @property
    def respond_by(self) -> dt.datetime:
        return self.received_at + RESPONSE_TARGET

    def time_left(self, now: dt.datetime) -> dt.timedelta | None:
        """Until the 24-hour target (negative: overdue); None once answered."""
        if self.answered_at is not None:
            return None
        return self.respond_by - now

    def answered_in_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return self.answered_at <= self.respond_by


_Assignee = aliased(Salesperson)


def _rows(session: Session, *conditions: ColumnElement[bool]) -> list[ComplaintRow]:
    query = (select(Complaint, Customer.number, Customer.name, Salesperson.name,
                    _Assignee.name)
             .join(Customer, Customer.id == Complaint.customer_id)
             .outerjoin(Salesperson, Salesperson.id == Complaint.salesperson_id)
             .outerjoin(_Assignee, _Assignee.id == Complaint.assigned_to_id)
             .where(Complaint.deleted_at.is_(None), Customer.deleted_at.is_(None), *conditions)
             .order_by(Complaint.received_at.desc()))
    return [ComplaintRow(c.id, c.received_at, c.channel, c.category, c.severity,
                         c.description, c.status, c.answered_at, c.resolution, c.satisfaction,
                         c.answer, c.closed_at, c.customer_id, number, name,
                         c.salesperson_id, person or "", c.assigned_to_id, assignee or "")
            for c, number, name, person, assignee in session.execute(query)]


def list_complaints(session: Session, customer_id: uuid.UUID) -> list[ComplaintRow]:
    return _rows(session, Complaint.customer_id == customer_id)


def complaint_register(session: Session, *, open_only: bool = False,
                       salesperson_id: uuid.UUID | None = None,
                       since: dt.datetime | None = None) -> list[ComplaintRow]:
    """Every complaint, newest first; ``salesperson_id``: of their customers or given them."""
    conditions: list[ColumnElement[bool]] = []
    if open_only:
        conditions.append(Complaint.status != "closed")
    if salesperson_id is not None:
        conditions.append((Complaint.salesperson_id == salesperson_id)
                          | (Complaint.assigned_to_id == salesperson_id))
    if since is not None:
        conditions.append(Complaint.received_at >= since)
    return _rows(session, *conditions)


def get_complaint(session: Session, complaint_id: uuid.UUID) -> ComplaintRow:
    found = _rows(session, Complaint.id == complaint_id)
    if not found:
        raise _gone()
    return found[0]


def _gone() -> NotFoundError:
    return NotFoundError(Message("Complaints", QT_TRANSLATE_NOOP(
        "Complaints", "This complaint no longer exists.")))


def _complaint(session: Session, complaint_id: uuid.UUID) -> Complaint:
    row = session.get(Complaint, complaint_id)
    if row is None or row.deleted_at is not None:
        raise _gone()
    return row


def record_complaint(session: Session, customer_id: uuid.UUID, *, received_at: dt.datetime,
                     description: str, channel: str = "phone", category: str = "",
                     severity: str = "normal", assigned_to_id: uuid.UUID | None = None,
                     now: dt.datetime | None = None) -> Complaint:
    """A complaint form as received; it is the customer's salesperson's unless assigned."""
    customer = get_customer_row(session, customer_id)
    checker = Checker()
    description, category = clean_text(description), clean_text(category)
    if not description:
        checker.add("description", QT_TRANSLATE_NOOP("Validation", "This field is required."))
    checker.run(check_length, "description", description, Complaint.description)
    checker.run(check_length, "category", category, Complaint.category)
    if channel not in COMPLAINT_CHANNELS:
        checker.add("channel", QT_TRANSLATE_NOOP("Validation", "Unknown channel \"{value}\"."),
                    value=channel)
    if severity not in SEVERITIES:
        checker.add("severity", QT_TRANSLATE_NOOP("Validation", "Unknown severity \"{value}\"."),
                    value=severity)
    if received_at > (now or dt.datetime.now()) + dt.timedelta(minutes=5):
        checker.add("received_at", QT_TRANSLATE_NOOP(
            "Validation", "A complaint cannot be received in the future."))
    checker.raise_if_any()
    row = Complaint(customer_id=customer.id, salesperson_id=customer.salesperson_id,
                    assigned_to_id=assigned_to_id or customer.salesperson_id,
                    received_at=received_at.replace(microsecond=0), channel=channel,
                    category=category, severity=severity, description=description,
                    status="received")
    session.add(row)
    session.flush()
    return row


def assign_complaint(session: Session, complaint_id: uuid.UUID,
                     salesperson_id: uuid.UUID | None) -> None:
    row = _complaint(session, complaint_id)
    if salesperson_id is not None and session.get(Salesperson, salesperson_id) is None:
        raise fail("assigned_to", QT_TRANSLATE_NOOP("Validation", "No such salesperson."))
    row.assigned_to_id = salesperson_id
    session.flush()


def advance_complaint(session: Session, complaint_id: uuid.UUID, status: str, *,
                      at: dt.datetime, answer: str | None = None,
                      resolution: str | None = None,
                      satisfaction: int | None = None, top_score: int = 5) -> Complaint:
    """Move a complaint forward: investigating, answered (with the answer), closed (with the
    resolution and, when known, the customer's satisfaction on the survey scale)."""
    row = _complaint(session, complaint_id)
    checker = Checker()
    if status not in COMPLAINT_STATUSES:
        checker.add("status", QT_TRANSLATE_NOOP("Validation", "Unknown status \"{value}\"."),
                    value=status)
        checker.raise_if_any()
    if COMPLAINT_STATUSES.index(status) <= COMPLAINT_STATUSES.index(row.status):
        checker.add("status", QT_TRANSLATE_NOOP(
            "Validation", "A complaint that is {current} cannot go back to {wanted}."),
            current=row.status, wanted=status)
    if at < row.received_at:
        checker.add("at", QT_TRANSLATE_NOOP("Validation",
                                            "This is before the complaint was received."))
    if answer is not None:
        answer = clean_text(answer)
        checker.run(check_length, "answer", answer, Complaint.answer)
    if resolution is not None:
        resolution = clean_text(resolution)
        checker.run(check_length, "resolution", resolution, Complaint.resolution)
    answer = row.answer if answer is None else answer
    resolution = row.resolution if resolution is None else resolution
    reaches = COMPLAINT_STATUSES.index(status)
    if reaches >= COMPLAINT_STATUSES.index("answered") and not answer:
        checker.add("answer", QT_TRANSLATE_NOOP("Validation",
                                                "Write the answer given to the customer."))
    if status == "closed" and not resolution:
        checker.add("resolution", QT_TRANSLATE_NOOP("Validation", "Write the resolution."))
    if satisfaction is not None:
        checker.run(check_int_range, "satisfaction", satisfaction, 1, top_score)
    checker.raise_if_any()
    at = at.replace(microsecond=0)
    row.status, row.answer, row.resolution = status, answer, resolution
    if reaches >= COMPLAINT_STATUSES.index("answered") and row.answered_at is None:
        row.answered_at = at
    if status == "closed":
        row.closed_at = at
    if satisfaction is not None:
        row.satisfaction = satisfaction
    session.flush()
    return row
