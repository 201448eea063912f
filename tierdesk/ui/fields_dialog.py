"""A small form for one record of the master file (a contact, an order, a payment): text
fields and check boxes, each refusal shown next to its field, nothing written until valid."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.ui.i18n import tr_message


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    placeholder: str = ""
    checkbox: bool = False


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
            edit = QLineEdit("" if value is None else str(value))
            edit.setObjectName(field.name)
            edit.setPlaceholderText(field.placeholder)
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            form.addRow(field.label, edit)
            form.addRow("", error)
            self.edits[field.name], self.errors[field.name] = edit, error
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
                first = first or self.edits.get(problem.field)
            if first is not None:
                first.setFocus()
            return
        except TierDeskError as exc:
            self.general_error.setText(tr_message(exc.message))
            self.general_error.show()
            return
        self.accept()
