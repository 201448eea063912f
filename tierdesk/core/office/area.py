"""The office area of the front door: settings, regions and salespeople, hand-over, the
holiday calendar, and who is at this machine."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.office import holidays, settings, staff
from tierdesk.core.office.holidays import HolidayRow
from tierdesk.core.office.settings import OfficeSettings
from tierdesk.core.store.journal import Actor, this_machine


class OfficeArea(Area):
    # -- who writes, and where -----------------------------------------------------------------
    @property
    def person(self) -> str:
        """The person every write of this program is journalled as."""
        return self._db.actor.person

    def set_person(self, person: str) -> None:
        self._db.actor = Actor(person, this_machine())

    @property
    def machine(self) -> str:
        return self._db.actor.machine

    @property
    def location(self) -> str:
        """Where the archive is: its file, or its database's address."""
        return str(self._db.path or self._db.url)

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

    def save_region(self, code: str, name: str, region_id: uuid.UUID | None = None) -> None:
        self._write(Change(Changed.OFFICE, columns=("region",)), staff.save_region, code, name,
                    region_id)

    def save_salesperson(self, *, code: str, name: str, region_id: uuid.UUID | None,
                         phone: str = "", active: bool = True,
                         salesperson_id: uuid.UUID | None = None) -> None:
        self._write(Change(Changed.OFFICE, columns=("salesperson",)), staff.save_salesperson,
                    code=code, name=name, region_id=region_id, phone=phone, active=active,
                    salesperson_id=salesperson_id)

    def hand_over(self, from_id: uuid.UUID, to_ids: Sequence[uuid.UUID]
                  ) -> dict[uuid.UUID, int]:
        """The salesperson's customers and open work shared out among ``to_ids``: how many
        customers each received."""
        with self._db.write() as session:
            moved = staff.customers_of(session, from_id)
            given = staff.hand_over_customers(session, from_id, to_ids)
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

    def load_official_holidays(self, year: int) -> int:
        """The official public holidays and adjusted working days of ``year`` into the
        office's calendar (days already there are kept); how many were added."""
        return self._write(Change(Changed.SETTINGS), holidays.load_official_holidays, year)
