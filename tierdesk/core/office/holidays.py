"""The office's holiday calendar: days off (greeted before, when the office says so) and
weekend days worked in exchange. Working days are the weekdays that are not days off, plus
the weekend days worked.

The official public holidays and the adjusted working days (调休) of a year come from the
``chinese-calendar`` package, which keeps them as the State Council publishes them; they are
loaded into the office's calendar, where they can be edited like any other day."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.errors import NotFoundError, ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store.models import Holiday, utcnow
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, clean_text, fail, required_date

# Weekday names for text the core and the reports write (the window uses QLocale).
WEEKDAYS = (QT_TRANSLATE_NOOP("Weekday", "Mon"), QT_TRANSLATE_NOOP("Weekday", "Tue"),
            QT_TRANSLATE_NOOP("Weekday", "Wed"), QT_TRANSLATE_NOOP("Weekday", "Thu"),
            QT_TRANSLATE_NOOP("Weekday", "Fri"), QT_TRANSLATE_NOOP("Weekday", "Sat"),
            QT_TRANSLATE_NOOP("Weekday", "Sun"))


def weekday_name(day: dt.date,
                 translate: Callable[[str, str], str] = lambda _context, text: text) -> str:
    """The short weekday name of ``day`` in the interface language."""
    return translate("Weekday", WEEKDAYS[day.weekday()])


@dataclass(frozen=True)
class OfficialDay:
    day: dt.date
    name: str
    workday: bool     # a weekend day worked in exchange (调休)


def official_days(year: int) -> list[OfficialDay]:
    """The official public holidays and adjusted working days of ``year``; a year the
    installed calendar does not know yet is refused with a message saying so."""
    from chinese_calendar import constants

    names = {h.value: h.chinese for h in constants.Holiday}
    known = sorted({d.year for d in constants.holidays})
    if year not in known:
        raise fail("year", QT_TRANSLATE_NOOP(
            "Validation", "The official holidays of {year} are not known yet (known: "
                          "{first}–{last}). Enter them by hand, or update the "
                          "chinese-calendar package once they are published."),
            year=year, first=known[0], last=known[-1])
    days = [OfficialDay(d, names.get(n, n), False) for d, n in constants.holidays.items()
            if d.year == year]
    days += [OfficialDay(d, names.get(n, n) + "调休", True) for d, n in
             constants.workdays.items() if d.year == year and d.weekday() >= 5]
    return sorted(days, key=lambda o: o.day)


def load_official_holidays(session: Session, year: int) -> int:
    """Add the official days of ``year`` to the office's calendar (the first day of each
    holiday greeted); a day already in the calendar is left as the office made it. Returns
    how many days were added."""
    days = official_days(year)
    taken = {h.day for h in list_holidays(session, since=dt.date(year, 1, 1),
                                          until=dt.date(year, 12, 31))}
    added = 0
    previous: OfficialDay | None = None
    for official in days:
        first = not official.workday and (
            previous is None or previous.name != official.name
            or (official.day - previous.day).days > 1)
        if not official.workday:
            previous = official
        if official.day in taken:
            continue
        save_holiday(session, day=official.day, name=official.name, workday=official.workday,
                     greet=first)
        added += 1
    return added


def load_known_official_holidays(session: Session, today: dt.date) -> list[int]:
    """For a new office: the official days of this year and the next, where known. Returns
    the years loaded."""
    loaded = []
    for year in (today.year, today.year + 1):
        try:
            load_official_holidays(session, year)
        except ValidationError:
            continue
        loaded.append(year)
    return loaded


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
    name = checker.run(check_length, "name", clean_text(name), Holiday.name)
    checker.raise_if_any()
    clash = session.scalar(select(Holiday).where(Holiday.day == when))
    if clash is not None and clash.id != holiday_id and clash.deleted_at is None:
        raise fail("day", QT_TRANSLATE_NOOP("Validation", "{day} is already in the calendar."),
                   day=when.isoformat() if when else "")
    row = session.get(Holiday, holiday_id) if holiday_id else clash
    if row is None:
        row = Holiday(day=when)
        session.add(row)
    row.day, row.name, row.deleted_at = when, name, None  # type: ignore[assignment]
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
