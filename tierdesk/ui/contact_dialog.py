"""Adding or editing one contact person of a customer."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.customers import ContactInput
from tierdesk.core.errors import ValidationError
from tierdesk.ui.i18n import tr_message


class ContactDialog(QDialog):
    def __init__(self, archive: Archive, customer_id: uuid.UUID, data: ContactInput,
                 parent: QWidget | None = None, contact_id: uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self.archive, self.customer_id, self.contact_id = archive, customer_id, contact_id
        self.setWindowTitle(self.tr("Contact person"))
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        labels = {"name": self.tr("Name"), "position": self.tr("Position"),
                  "mobile": self.tr("Mobile"), "landline": self.tr("Landline"),
                  "email": self.tr("E-mail"), "birthday": self.tr("Birthday")}
        for field, label in labels.items():
            edit = QLineEdit(str(getattr(data, field) or ""))
            edit.setObjectName(field)
            if field == "birthday":
                edit.setPlaceholderText("1980-05-06")
            error = QLabel()
            error.setStyleSheet("color: #b00020;")
            error.hide()
            form.addRow(label, edit)
            form.addRow("", error)
            self.edits[field], self.errors[field] = edit, error
        self.primary = QCheckBox(self.tr("Main contact"))
        self.primary.setChecked(data.is_primary)
        form.addRow("", self.primary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        for error in self.errors.values():
            error.hide()
        data = ContactInput(**{f: e.text() for f, e in self.edits.items()},
                            is_primary=self.primary.isChecked())
        try:
            self.archive.save_contact(self.customer_id, data, self.contact_id)
        except ValidationError as exc:
            for problem in exc.problems:
                if problem.field in self.errors:
                    self.errors[problem.field].setText(tr_message(problem.message))
                    self.errors[problem.field].show()
            return
        self.accept()
