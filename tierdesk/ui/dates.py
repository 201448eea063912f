"""Date fields as the windows show them: a day (2026-11-22) or a month (2026-11), each with
its calendar to pick from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(day: dt.date, *, month_only: bool = False) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setDisplayFormat("yyyy-MM" if month_only else "yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit
