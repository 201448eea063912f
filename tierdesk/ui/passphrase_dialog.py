"""The passphrase of an encrypted archive: asked when it opens (kept in the system keyring
if the person wishes and the computer has one), or chosen when an archive is encrypted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.errors import TierDeskError
from tierdesk.core.store import cipher, keychain
from tierdesk.core.store.rekey import check_passphrase
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.tables import error_label

T = TypeVar("T")


class PassphraseDialog(QDialog):
    """``choose``: a new passphrase, typed twice; else the passphrase of ``path``, checked
    against the file before the dialog closes (a wrong one says so and the dialog stays)."""

    def __init__(self, path: Path, parent: QWidget | None = None, *,
                 choose: bool = False) -> None:
        super().__init__(parent)
        self.path = path
        self.choose = choose
        self.setWindowTitle(self.tr("Encrypt the archive") if choose
                            else self.tr("Encrypted archive"))
        self.setMinimumWidth(440)       # the explanation and a refusal read whole
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose the passphrase that will open {name}. Without it nobody, not even "
            "TierDesk, can read the archive or its backups: keep it safe.") if choose
            else self.tr("{name} is encrypted. Its passphrase:"))
        intro.setText(intro.text().format(name=path.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        if choose:
            form.addRow(self.tr("The same again"), self.again)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Remember it in this computer's keyring"))
        if keychain.available():
            layout.addWidget(self.remember)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setWordWrap(True)
        self.error.show()
        self.adjustSize()

    def given(self) -> str:
        return self.passphrase.text()

    def accept(self) -> None:
        self.error.hide()
        try:
            if self.choose:
                check_passphrase(self.given())
                if self.again.text() != self.given():
                    self._say(self.tr("The two passphrases differ."))
                    return
            else:
                cipher.unlock(self.path, self.given())
        except TierDeskError as exc:
            self._say(tr_message(exc.message))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        if not self.choose and self.remember.isChecked():
            keychain.remember(self.path, self.given())
        super().accept()


def unlocked(opening: Callable[[], T], parent: QWidget | None = None) -> T | None:
    """``opening()``, once the encrypted archive it meets is unlocked: with the passphrase kept
    in the system keyring, else the one the person types; None when they cancel."""
    return keychain.opened(opening, lambda path: bool(PassphraseDialog(path, parent).exec()))
