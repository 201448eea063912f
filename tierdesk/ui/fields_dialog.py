"""A small form for one record of the master file (a contact, an order, a payment, a service
job, a survey answer ...): text, choices, dates and check boxes, each refusal shown next to its
field, nothing written until valid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.ui.dates import date_edit, qdate
from tierdesk.ui.i18n import tr_message


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    placeholder: str = ""
    checkbox: bool = False
    choices: Sequence[tuple[str, str]] = ()   # (value, label): a drop-down list
    date: bool = False                        # a date picker (a datetime one for datetimes)
    time: bool = False


class FieldsDialog(QDialog):
    """``save(values)`` writes the record or raises ValidationError naming the fields."""

    def __init__(self, title: str, fields: Sequence[Field], save: Callable[[dict], None],
                 values: dict[str, object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self._save = save
        self.edits: dict[str, QLineEdit] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.dates: dict[str, QDateEdit] = {}
        self.times: dict[str, QDateTimeEdit] = {}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        values = values or {}
        form = QFormLayout(self)
        for field in fields:
            if field.checkbox:
                box = QCheckBox(field.label)
                box.setChecked(bool(values.get(field.name)))
                box.setObjectName(field.name)
                form.addRow("", box)
                self.checks[field.name] = box
                continue
            value = values.get(field.name)
            widget: QWidget
            if field.choices:
                combo = QComboBox()
                for code, text in field.choices:
                    combo.addItem(text, code)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                widget = self.choices[field.name] = combo
            elif field.time:
                moment = value if isinstance(value, dt.datetime) else dt.datetime.now()
                picker = QDateTimeEdit(QDateTime(qdate(moment.date()),
                                                 QTime(moment.hour, moment.minute)))
                picker.setDisplayFormat("yyyy-MM-dd HH:mm")
                picker.setCalendarPopup(True)
                widget = self.times[field.name] = picker
            elif field.date:
                day = value if isinstance(value, dt.date) else dt.date.today()
                widget = self.dates[field.name] = date_edit(day)
            else:
                edit = QLineEdit("" if value is None else str(value))
                edit.setPlaceholderText(field.placeholder)
                widget = self.edits[field.name] = edit
            widget.setObjectName(field.name)
            self.widgets[field.name] = widget
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            form.addRow(field.label, widget)
            form.addRow("", error)
            self.errors[field.name] = error
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()
        form.addRow(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        result: dict[str, object] = {name: edit.text() for name, edit in self.edits.items()}
        result.update({name: box.isChecked() for name, box in self.checks.items()})
        result.update({name: combo.currentData() for name, combo in self.choices.items()})
        result.update({name: edit.date().toPython() for name, edit in self.dates.items()})
        result.update({name: edit.dateTime().toPython().replace(second=0, microsecond=0)
                       for name, edit in self.times.items()})
        return result

    def save(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        try:
            self._save(self.values())
        except ValidationError as exc:
            first = None
            for problem in exc.problems:
                label = self.errors.get(problem.field, self.general_error)
                label.setText(tr_message(problem.message))
                label.show()
                first = first or self.widgets.get(problem.field)
            if first is not None:
                first.setFocus()
            return
        except TierDeskError as exc:
            self.general_error.setText(tr_message(exc.message))
            self.general_error.show()
            return
        self.accept()
