"""Encrypting the open archive from the window (Office settings → Office → Encryption, and
"Encrypt this archive" when a new one is started), and making it plain again.

The archive is closed, rewritten in a worker with progress, and opened again by the caller's
``reopen(path, outcome)``, whether the work succeeded or not (a failure leaves the archive as
it was and says why)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError
from tierdesk.core.store.rekey import Rekeyed
from tierdesk.ui.actions import on_click
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.passphrase_dialog import PassphraseDialog
from tierdesk.ui.workers import BackgroundTask

CTX = "Encryption"
Reopen = Callable[[str, str], None]


def encryption_row(archive: Archive, requested: Callable[[], None]) -> QWidget:
    """Whether the archive is encrypted, and the button that changes it (``requested``)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    area = archive.encryption
    if area.path is None:
        text = QCoreApplication.translate(
                "Encryption", "Kept on a database server, which protects its own data.")
    elif area.encrypted:
        text = QCoreApplication.translate("Encryption", "Encrypted: it opens with its passphrase.")
    else:
        text = QCoreApplication.translate(
                "Encryption", "Not encrypted: whoever has this computer's disk can read it.")
    status = QLabel(text)
    status.setObjectName("encryptionStatus")
    status.setWordWrap(True)
    button = QPushButton(QCoreApplication.translate("Encryption", "Decrypt…") if area.encrypted
                         else QCoreApplication.translate("Encryption", "Encrypt…"))
    button.setObjectName("encryptionButton")
    button.setEnabled(area.path is not None)
    on_click(button.clicked, requested)
    layout.addWidget(status, 1)
    layout.addWidget(button)
    return row


class EncryptionOutcome(QObject):
    """What is said of the backups turned along with the archive."""

    def encrypted(self, count: int) -> str:
        return self.tr("%n backup(s) were encrypted too.", "", count)

    def decrypted(self, count: int) -> str:
        return self.tr("%n backup(s) were decrypted too.", "", count)


def change_encryption(parent: QWidget, archive: Archive, reopen: Reopen) -> bool:
    """Encrypt the open archive (a passphrase chosen first), or decrypt an encrypted one
    (after a confirmation); False when the person stopped before anything was done."""
    area = archive.encryption
    path = area.path
    if path is None:
        return False
    if area.encrypted:
        if QMessageBox.question(
                parent, QCoreApplication.translate("Encryption", "Decrypt the archive"),
                QCoreApplication.translate(
                    "Encryption", "{name} will be kept as a plain file that whoever has this "
                    "computer's disk can read, and so will its backups. Decrypt it?"
                ).format(name=path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        _run(parent, path, QCoreApplication.translate("Encryption", "Decrypting the archive…"),
             lambda report: area.decrypt(progress=report), reopen,
             QCoreApplication.translate("Encryption", "The archive is a plain file again."),
             EncryptionOutcome().decrypted)
        return True
    dialog = PassphraseDialog(path, parent, choose=True)
    if not dialog.exec():
        return False
    passphrase, remember = dialog.given(), dialog.remember.isChecked()
    _run(parent, path, QCoreApplication.translate("Encryption", "Encrypting the archive…"),
         lambda report: area.encrypt(passphrase, remember=remember, progress=report), reopen,
         QCoreApplication.translate(
                 "Encryption", "The archive is encrypted: it opens with its passphrase."),
         EncryptionOutcome().encrypted)
    return True


def _run(parent: QWidget, path: Path, title: str, work: Callable[..., Rekeyed],
         reopen: Reopen, outcome: str, copies: Callable[[int], str]) -> None:
    def done(result: Rekeyed) -> None:
        said = outcome
        if result.backups:
            said += " " + copies(result.backups)
        reopen(str(path), said)

    def failed(exc: BaseException) -> None:
        text = tr_message(exc.message) if isinstance(exc, TierDeskError) else str(exc)
        QMessageBox.warning(parent, title, text)
        reopen(str(path), "")       # closed for the work: opened again as it is

    BackgroundTask(parent, title, work, done=done, error=failed).start()
