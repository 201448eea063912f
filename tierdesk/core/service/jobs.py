"""Service jobs done for a customer and the customer's own due dates (renewal, maintenance,
inspection). Entering either plans its follow-up: a callback after the job, a reminder a week
before the date (see followups)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.customers.master_file import get_customer_row
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.service import followups
from tierdesk.core.store.models import DUE_DATE_KINDS, CustomerDate, ServiceJob
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, clean_text, required_date


@dataclass(frozen=True)
class ServiceJobRow:
    id: uuid.UUID
    done_on: dt.date
    kind: str
    description: str


@dataclass(frozen=True)
class DueDateRow:
    id: uuid.UUID
    kind: str
    due_on: dt.date
    note: str


def add_service_job(session: Session, customer_id: uuid.UUID, *, done_on: object,
                    kind: str = "", description: str = "",
                    today: dt.date | None = None) -> ServiceJob:
    today = today or dt.date.today()
    customer = get_customer_row(session, customer_id)
    checker = Checker()
    when = required_date(checker, "done_on", done_on, not_after=today)
    kind = checker.run(check_length, "kind", clean_text(kind), ServiceJob.kind)
    description = checker.run(check_length, "description", clean_text(description),
                              ServiceJob.description)
    checker.raise_if_any()
    assert when is not None
    job = ServiceJob(customer_id=customer.id, salesperson_id=customer.salesperson_id,
                     done_on=when, kind=kind, description=description)
    session.add(job)
    session.flush()
    rules = followups.load_rules(session)
    followups.plan(session, [followups.service_task(rules, customer.id, customer.salesperson_id,
                                                    job.id, when)], today, rules)
    return job


def add_due_date(session: Session, customer_id: uuid.UUID, *, due_on: object,
                 kind: str = "other", note: str = "",
                 today: dt.date | None = None) -> CustomerDate:
    today = today or dt.date.today()
    customer = get_customer_row(session, customer_id)
    checker = Checker()
    when = required_date(checker, "due_on", due_on)
    if kind not in DUE_DATE_KINDS:
        checker.add("kind", QT_TRANSLATE_NOOP("Validation", "Unknown kind \"{value}\"."),
                    value=kind)
    note = checker.run(check_length, "note", clean_text(note), CustomerDate.note)
    checker.raise_if_any()
    assert when is not None
    row = CustomerDate(customer_id=customer.id, kind=kind, due_on=when, note=note)
    session.add(row)
    session.flush()
    rules = followups.load_rules(session)
    followups.plan(session, [followups.due_date_task(rules, customer.id, customer.salesperson_id,
                                                     row.id, when)], today, rules)
    return row


def list_service_jobs(session: Session, customer_id: uuid.UUID) -> list[ServiceJobRow]:
    rows = session.scalars(select(ServiceJob).where(ServiceJob.customer_id == customer_id,
                                                    ServiceJob.deleted_at.is_(None))
                           .order_by(ServiceJob.done_on.desc()))
    return [ServiceJobRow(j.id, j.done_on, j.kind, j.description) for j in rows]


def list_due_dates(session: Session, customer_id: uuid.UUID) -> list[DueDateRow]:
    rows = session.scalars(select(CustomerDate).where(CustomerDate.customer_id == customer_id,
                                                      CustomerDate.deleted_at.is_(None))
                           .order_by(CustomerDate.due_on))
    return [DueDateRow(d.id, d.kind, d.due_on, d.note) for d in rows]
