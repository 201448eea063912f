"""The official public holidays and adjusted working days (调休), and weekday names."""

from __future__ import annotations

import datetime as dt

import pytest

from tierdesk.core.errors import ValidationError
from tierdesk.core.office import holidays
from tierdesk.core.store.db import open_database

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def test_a_year_of_official_days_with_spring_festival_and_the_days_worked_instead(db):
    with db.write() as session:
        for row in holidays.list_holidays(session):   # a new office has them already
            holidays.delete_holiday(session, row.id)
        holidays.save_holiday(session, day="2026-02-16", name="公司自定", greet=False)
        added = holidays.load_official_holidays(session, 2026)
        again = holidays.load_official_holidays(session, 2026)
        rows = {h.day: h for h in holidays.list_holidays(session)}
        spring = holidays.working_days(session, dt.date(2026, 2, 14), dt.date(2026, 2, 28))
    assert again == 0 and added == len(rows) - 1
    assert rows[dt.date(2026, 2, 15)].name == "春节" and rows[dt.date(2026, 2, 15)].greet
    assert not rows[dt.date(2026, 2, 17)].greet                    # greeted once, before it
    assert rows[dt.date(2026, 2, 16)].name == "公司自定"             # the office's own edit stays
    assert rows[dt.date(2026, 2, 14)].workday and rows[dt.date(2026, 2, 28)].workday  # 调休
    assert rows[dt.date(2026, 10, 1)].name == "国庆节"
    # Spring Festival 15-23 Feb off; Saturdays 14 and 28 Feb worked.
    assert spring == [dt.date(2026, 2, 14), dt.date(2026, 2, 24), dt.date(2026, 2, 25),
                      dt.date(2026, 2, 26), dt.date(2026, 2, 27), dt.date(2026, 2, 28)]


def test_a_year_not_published_yet_is_said_plainly_and_changes_nothing(db):
    with db.write() as session:
        before = holidays.list_holidays(session)
        with pytest.raises(ValidationError, match="2099 are not known yet"):
            holidays.load_official_holidays(session, 2099)
        assert holidays.list_holidays(session) == before


def test_a_new_office_starts_with_the_official_days_it_knows(tmp_path):
    db = open_database(tmp_path / "new.sqlite")
    try:
        with db.read() as session:
            years = {h.day.year for h in holidays.list_holidays(session)}
    finally:
        db.close()
    known = {y for y in (dt.date.today().year, dt.date.today().year + 1)
             if _known(y)}
    assert years == known and known


def _known(year: int) -> bool:
    try:
        holidays.official_days(year)
    except ValidationError:
        return False
    return True


def test_weekday_names_in_the_interface_language():
    friday = dt.date(2026, 11, 27)
    assert holidays.weekday_name(friday) == "Fri"
    chinese = {"Fri": "周五", "Sat": "周六"}
    assert holidays.weekday_name(friday, lambda _c, text: chinese[text]) == "周五"


def test_the_holidays_tab_loads_a_year_and_names_weekdays_in_the_interface_language(
        qtbot, db, monkeypatch):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QMessageBox

    from tierdesk.core.archive import Archive
    from tierdesk.ui.holidays_tab import HolidaysTab

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        tab = HolidaysTab(Archive(db))
        qtbot.addWidget(tab)
        tab.official_year.setValue(2026)
        tab.official_button.click()
        model = tab.table.model()
        shown = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 3).data())
                 for r in range(model.rowCount())}
        assert model.rowCount() == 39
        assert shown["2026-02-15"] == ("周日", "春节")
        assert shown["2026-02-14"] == ("周六", "春节调休")
        assert said == ["39 official days of 2026 added; edit or remove any of them as the "
                        "office needs."]
        tab.official_year.setValue(2099)
        tab.official_button.click()
        assert "2099 are not known yet" in said[-1] and model.rowCount() == 39
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English))
