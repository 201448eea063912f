"""The office's holiday calendar: days off (greeted before, when the office says so) and
weekend days worked in exchange. Working days are the weekdays that are not days off, plus
the weekend days worked."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.models import Holiday, utcnow
from tierdesk.core.validation import Checker, clean_text, fail, required_date


@dataclass(frozen=True)
class HolidayRow:
    id: uuid.UUID
    day: dt.date
    name: str
    workday: bool
    greet: bool


def list_holidays(session: Session, *, since: dt.date | None = None,
                  until: dt.date | None = None) -> list[HolidayRow]:
    query = select(Holiday).where(Holiday.deleted_at.is_(None)).order_by(Holiday.day)
    if since is not None:
        query = query.where(Holiday.day >= since)
    if until is not None:
        query = query.where(Holiday.day <= until)
    return [HolidayRow(h.id, h.day, h.name, h.workday, h.greet) for h in session.scalars(query)]


def save_holiday(session: Session, *, day: object, name: str = "", workday: bool = False,
                 greet: bool = False, holiday_id: uuid.UUID | None = None) -> Holiday:
    checker = Checker()
    when = required_date(checker, "day", day)
    checker.raise_if_any()
    clash = session.scalar(select(Holiday).where(Holiday.day == when))
    if clash is not None and clash.id != holiday_id and clash.deleted_at is None:
        raise fail("day", QT_TRANSLATE_NOOP("Validation", "{day} is already in the calendar."),
                   day=when.isoformat() if when else "")
    row = session.get(Holiday, holiday_id) if holiday_id else clash
    if row is None:
        row = Holiday(day=when)
        session.add(row)
    row.day, row.name, row.deleted_at = when, clean_text(name)[:100], None  # type: ignore[assignment]
    row.workday, row.greet = workday, greet and not workday
    session.flush()
    return row


def delete_holiday(session: Session, holiday_id: uuid.UUID) -> None:
    row = session.get(Holiday, holiday_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(Message("Validation", QT_TRANSLATE_NOOP(
            "Validation", "This day is no longer in the calendar.")))
    row.deleted_at = utcnow()
    session.flush()


def working_days(session: Session, first: dt.date, last: dt.date) -> list[dt.date]:
    """The office's working days from ``first`` to ``last`` inclusive."""
    marked = {h.day: h.workday for h in list_holidays(session, since=first, until=last)}
    days = []
    day = first
    while day <= last:
        if marked.get(day, day.weekday() < 5):
            days.append(day)
        day += dt.timedelta(days=1)
    return days
