"""The office area of the front door: settings, regions and salespeople, hand-over, the
holiday calendar, and who is at this machine."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.office import holidays, settings, staff
from tierdesk.core.office.holidays import HolidayRow
from tierdesk.core.office.settings import OfficeSettings
from tierdesk.core.store.journal import Actor, this_machine
from tierdesk.core.store.models import Customer, JournalEntry, Salesperson, Visit, VisitCard
from tierdesk.core.text_limits import check_length

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ArchiveCounts:
    """What the archive holds: its live customers, salespeople, cards and card entries."""

    customers: int
    salespeople: int
    cards: int
    visits: int


@dataclass(frozen=True)
class CalendarChange:
    """What a change of the calendar did: how many official days it added, and whether the
    day to take out was in the calendar (and so was taken out)."""

    official_added: int
    removed: bool


class OfficeArea(Area):
    # -- who writes, and where -----------------------------------------------------------------
    @property
    def person(self) -> str:
        """The person every write of this program is journalled as."""
        return self._db.actor.person

    def set_person(self, person: str) -> None:
        self._db.actor = Actor(person, this_machine())

    def person_named(self, given: str) -> str:
        """The person ``given`` names, as the history keeps them: a salesperson's code (in
        any case) as "code name"; anything else as given (a manager's name)."""
        return self._read(_person_named, given)

    @property
    def machine(self) -> str:
        return self._db.actor.machine

    @property
    def location(self) -> str:
        """Where the archive is: its file, or its database's address."""
        return str(self._db.path or self._db.url)

    def counts(self) -> ArchiveCounts:
        return self._read(_counts)

    # -- settings ------------------------------------------------------------------------------
    def settings(self) -> OfficeSettings:
        return self._read(settings.load_settings)

    def save_settings(self, *, office_name: str | None = None, card_size: object = None,
                      numbering_rule: str | None = None,
                      tiers: Sequence[str] | None = None) -> OfficeSettings:
        """Store the settings given (None: unchanged), checked; nothing if one is wrong."""
        given = {"office_name": office_name, "card_size": card_size,
                 "numbering_rule": numbering_rule, "tiers": tiers}
        return self._write(Change(Changed.SETTINGS), settings.save_settings,
                           **{key: value for key, value in given.items() if value is not None})

    # -- regions and salespeople ---------------------------------------------------------------
    def regions(self) -> list[staff.RegionRow]:
        return self._read(staff.list_regions)

    def salespeople(self, *, include_inactive: bool = True,
                    with_counts: bool = True) -> list[staff.SalespersonRow]:
        return self._read(staff.list_salespeople, include_inactive=include_inactive,
                          with_counts=with_counts)

    def salesperson(self, code: str) -> staff.SalespersonRow:
        """The salesperson with this code; refused when there is none."""
        return self._read(_salesperson, code)

    def save_region(self, code: str, name: str, region_id: uuid.UUID | None = None) -> None:
        self._write(Change(Changed.OFFICE, columns=("region",)), staff.save_region, code, name,
                    region_id)

    def save_salesperson(self, *, code: str, name: str, region_id: uuid.UUID | None,
                         phone: str = "", active: bool = True,
                         salesperson_id: uuid.UUID | None = None) -> None:
        self._write(Change(Changed.OFFICE, columns=("salesperson",)), staff.save_salesperson,
                    code=code, name=name, region_id=region_id, phone=phone, active=active,
                    salesperson_id=salesperson_id)

    def hand_over(self, from_id: uuid.UUID, to_ids: Sequence[uuid.UUID], *,
                  deactivate: bool = True) -> dict[uuid.UUID, int]:
        """The salesperson's customers and open work shared out among ``to_ids``: how many
        customers each received. ``deactivate``: the salesperson who gave them is marked
        inactive (has left)."""
        with self._db.write() as session:
            moved = staff.customers_of(session, from_id)
            given = staff.hand_over_customers(session, from_id, to_ids, deactivate=deactivate)
        self._announce(Change(Changed.CUSTOMERS | Changed.TASKS | Changed.COMPLAINTS,
                              tuple(moved), ("salesperson",)))
        return given

    # -- the calendar --------------------------------------------------------------------------
    def holidays(self, *, since: dt.date | None = None,
                 until: dt.date | None = None) -> list[HolidayRow]:
        return self._read(holidays.list_holidays, since=since, until=until)

    def working_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        return self._read(holidays.working_days, first, last)

    def save_holiday(self, *, day: object, name: str = "", workday: bool = False,
                     greet: bool = False, holiday_id: uuid.UUID | None = None) -> None:
        self._write(Change(Changed.SETTINGS), holidays.save_holiday, day=day, name=name,
                    workday=workday, greet=greet, holiday_id=holiday_id)

    def delete_holiday(self, holiday_id: uuid.UUID) -> None:
        self._write(Change(Changed.SETTINGS), holidays.delete_holiday, holiday_id)

    def change_calendar(self, *, official_year: int | None = None, add_day: object = None,
                        add_name: str = "", workday: bool = False, greet: bool = False,
                        remove_day: dt.date | None = None) -> CalendarChange:
        """Several changes of the calendar in one write, in this order: the official days of
        ``official_year`` loaded, ``add_day`` saved (named, worked or greeted), ``remove_day``
        taken out. A day to take out that is not in the calendar is left alone (``removed``
        False) and the rest still lands; a day to add that is refused refuses them all."""
        with self._db.write() as session:
            added = (holidays.load_official_holidays(session, official_year)
                     if official_year else 0)
            if add_day is not None:
                holidays.save_holiday(session, day=add_day, name=add_name, workday=workday,
                                      greet=greet)
            found = (holidays.list_holidays(session, since=remove_day, until=remove_day)
                     if remove_day is not None else [])
            if found:
                holidays.delete_holiday(session, found[0].id)
        self._announce(Change(Changed.SETTINGS))
        return CalendarChange(added, bool(found))

    def load_official_holidays(self, year: int) -> int:
        """The official public holidays and adjusted working days of ``year`` into the
        office's calendar (days already there are kept); how many were added."""
        return self._write(Change(Changed.SETTINGS), holidays.load_official_holidays, year)


def _person_named(session: Session, given: str) -> str:
    check_length("person", given, JournalEntry.person)
    found = session.execute(select(Salesperson.code, Salesperson.name).where(
        func.upper(Salesperson.code) == given.upper())).first()
    return f"{found[0]} {found[1]}" if found else given


def _salesperson(session: Session, code: str) -> staff.SalespersonRow:
    person = staff.salesperson_by_code(session, code)
    return staff.SalespersonRow(person.id, person.code, person.name,
                                person.region.code if person.region else "", person.phone,
                                person.active, len(staff.customers_of(session, person.id)))


def _counts(session: Session) -> ArchiveCounts:
    def live(model: type[Customer | Salesperson | VisitCard | Visit]) -> int:
        return session.scalar(select(func.count()).select_from(model)
                              .where(model.deleted_at.is_(None))) or 0

    return ArchiveCounts(customers=live(Customer), salespeople=live(Salesperson),
                         cards=live(VisitCard), visits=live(Visit))
