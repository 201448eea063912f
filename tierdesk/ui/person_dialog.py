"""Who is at this machine: chosen from the office's salespeople, or typed as a name (a
manager, an assistant). Remembered per machine; every change written here carries it."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import ValidationError
from tierdesk.ui.i18n import tr_message

SETTING = "machine/person"


def remembered_person(settings: QSettings) -> str:
    return str(settings.value(SETTING, "") or "").strip()


def apply_person(archive: Archive, settings: QSettings) -> bool:
    """Write as the person remembered at this machine; False where none was chosen yet (the
    login name is used meanwhile)."""
    person = remembered_person(settings)
    if person:
        archive.office.set_person(person)
    return bool(person)


class PersonDialog(QDialog):
    def __init__(self, archive: Archive, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.archive, self.settings = archive, settings
        self.setWindowTitle(self.tr("Who is using TierDesk here?"))
        text = QLabel(self.tr("Choose yourself among the salespeople, or type your name. "
                              "Every change made on this computer ({machine}) is kept in the "
                              "history with this name.").format(machine=archive.office.machine))
        text.setWordWrap(True)
        self.person = QComboBox()
        self.person.setObjectName("personChoice")
        self.person.setEditable(True)
        for row in archive.office.salespeople(include_inactive=False, with_counts=False):
            self.person.addItem(f"{row.code} {row.name}")
        self.person.setCurrentText(remembered_person(settings) or archive.office.person)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.person.editTextChanged.connect(
            lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.person)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        chosen = " ".join(self.person.currentText().split())
        if not chosen:
            return
        try:
            self.archive.office.person_named(chosen)    # refuses a name too long to keep
        except ValidationError as exc:
            QMessageBox.warning(self, self.windowTitle(), tr_message(exc.problems[0].message))
            return
        self.settings.setValue(SETTING, chosen)
        apply_person(self.archive, self.settings)
        super().accept()
