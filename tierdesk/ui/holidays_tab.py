"""The office's holiday calendar, kept in the Office dialog: days off (greeted before, when
the office says so) and weekend days worked. Greetings and working days are read from it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError
from tierdesk.core.office.holidays import HolidayRow
from tierdesk.ui.actions import on_click
from tierdesk.ui.fields_dialog import Field, FieldsDialog
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.tables import fill_table, make_table

KINDS = ("off", "greet", "workday")


def holiday_kind(row: HolidayRow) -> str:
    return "workday" if row.workday else "greet" if row.greet else "off"


class HolidaysTab(QWidget):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.rows: list[HolidayRow] = []
        self.table = make_table([self.tr("Date"), self.tr("Weekday"), self.tr("Kind"),
                                 self.tr("Name")])
        on_click(self.table.doubleClicked, self.edit_day)
        add = QPushButton(self.tr("&Add day…"))
        on_click(add.clicked, lambda: self.edit_day(new=True))
        edit = QPushButton(self.tr("&Edit…"))
        on_click(edit.clicked, self.edit_day)
        self.remove_button = QPushButton(self.tr("&Remove"))
        on_click(self.remove_button.clicked, self.remove_day)
        self.official_year = QSpinBox()
        self.official_year.setRange(2000, 2100)
        self.official_year.setValue(dt.date.today().year + 1)
        self.official_year.setToolTip(self.tr("The year whose official holidays to load"))
        self.official_button = QPushButton(self.tr("Load &official holidays"))
        self.official_button.setToolTip(self.tr(
            "Add the public holidays and the weekend days worked in exchange (调休) as the "
            "State Council published them; days already in the calendar are kept."))
        on_click(self.official_button.clicked, self.load_official)
        buttons = QHBoxLayout()
        for button in (add, edit, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.official_year)
        buttons.addWidget(self.official_button)
        layout = QVBoxLayout(self)
        explained = QLabel(self.tr(
            "Days off are not working days: visit quotas per working day leave them out. Before "
            "a greeted day, the customers of the greeted tiers get a greeting task. A weekend "
            "day worked counts as a working day."))
        explained.setWordWrap(True)
        layout.addWidget(explained)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.load()

    def kind_text(self, kind: str) -> str:
        return {"off": self.tr("Day off"), "greet": self.tr("Day off, greeted"),
                "workday": self.tr("Weekend day worked")}[kind]

    def load(self) -> None:
        self.rows = self.archive.office.holidays()
        locale = QLocale()
        fill_table(self.table, ([h.day, locale.dayName(h.day.isoweekday(),
                                                       QLocale.FormatType.ShortFormat),
                                 self.kind_text(holiday_kind(h)), h.name] for h in self.rows))

    def load_official(self) -> None:
        year = self.official_year.value()
        try:
            added = self.archive.office.load_official_holidays(year)
        except TierDeskError as exc:
            QMessageBox.warning(self, self.tr("Holiday calendar"), tr_message(exc.message))
            return
        self.load()
        QMessageBox.information(self, self.tr("Holiday calendar"), self.tr(
            "{count} official days of {year} added; edit or remove any of them as the office "
            "needs.").format(count=added, year=year))

    def selected(self) -> HolidayRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def edit_day(self, new: bool = False) -> bool:
        row = None if new else self.selected()
        if not new and row is None:
            return False
        fields = [Field("day", self.tr("Date"), date=True),
                  Field("name", self.tr("Name"), self.tr("e.g. 春节")),
                  Field("kind", self.tr("Kind"),
                        choices=[(k, self.kind_text(k)) for k in KINDS])]
        values: dict[str, object] = ({"day": row.day, "name": row.name, "kind": holiday_kind(row)}
                                     if row else {"day": dt.date.today(), "kind": "greet"})

        def save(found: dict) -> None:   # type: ignore[type-arg]
            self.archive.office.save_holiday(day=found["day"], name=found["name"],
                                      greet=found["kind"] == "greet",
                                      workday=found["kind"] == "workday",
                                      holiday_id=row.id if row else None)

        dialog = FieldsDialog(self.tr("Holiday calendar"), fields, save, values, self)
        if not dialog.exec():
            return False
        self.load()
        return True

    def remove_day(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Holiday calendar"), self.tr(
            "Remove {day} {name} from the calendar?").format(day=row.day.isoformat(),
                                                             name=row.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.archive.office.delete_holiday(row.id)
        except TierDeskError as exc:
            QMessageBox.warning(self, self.tr("Holiday calendar"), tr_message(exc.message))
        self.load()
