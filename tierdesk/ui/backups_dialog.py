"""File → Backups…: the archive's backups (when, why, size), one now, putting one back, and
the folder they are in; and, as the window opens, the backup at start and the scheduled ones
kept off the window's thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import Message
from tierdesk.core.store.backup import BackupInfo, reason_text
from tierdesk.core.store.backup_schedule import SERVER_REFUSAL
from tierdesk.ui.actions import on_click
from tierdesk.ui.file_dialogs import open_file_name
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.passphrase_dialog import unlocked
from tierdesk.ui.workers import BackgroundTask, QuietTask

if TYPE_CHECKING:
    from tierdesk.core.archive import Archive


def failure_text(exc: BaseException) -> str:
    """What a person reads of a failed backup or restore."""
    if isinstance(exc, TierDeskError):
        return tr_message(exc.message)
    return str(getattr(exc, "strerror", None) or exc)


class BackupsDialog(QDialog):
    """The backups of the open archive. ``restored(path)``: a backup was put in place of the
    archive at ``path``, which is to be opened anew (``outcome`` says what was done)."""

    restored = Signal(str)
    work_done = Signal()        # a backup or a restore ended (done or refused)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.outcome = ""
        self.shown: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        self.resize(680, 440)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupList")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("backupStatus")
        self.back_up_button = QPushButton(self.tr("&Back up now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setToolTip(self.tr(
            "Put the chosen backup in place of the archive (with none chosen: a backup file "
            "of your own)"))
        self.folder_button = QPushButton(self.tr("Open &folder"))
        on_click(self.back_up_button.clicked, self.back_up_now)
        on_click(self.restore_button.clicked, self.restore)
        on_click(self.folder_button.clicked, self.open_folder)
        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.fill()

    def fill(self) -> None:
        folder = self.archive.backups.folder
        for button in (self.back_up_button, self.restore_button, self.folder_button):
            button.setEnabled(folder is not None)
        if folder is None:
            self.note.setText(tr_message(Message("Backup", SERVER_REFUSAL)))
            self.shown = []
        else:
            self.note.setText(self.tr(
                "Backups of {archive} are kept in {folder}, readable by you only. TierDesk "
                "makes one as it starts (when the archive changed), after every 30 minutes of "
                "changes, and before an import, a transfer file, synchronising, a tier "
                "reassessment, an upgrade and a restore. It keeps all of today's and the "
                "newest of each of the last 7 days, 4 weeks and 12 months.").format(
                    archive=self.archive.office.location, folder=folder))
            self.shown = self.archive.backups.backups()
        self.table.setRowCount(len(self.shown))
        locale = QLocale()
        for row, info in enumerate(self.shown):
            size = QTableWidgetItem(locale.formattedDataSize(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((
                    QTableWidgetItem(info.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
                    QTableWidgetItem(tr_message(reason_text(info.reason))), size)):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows else None

    def _run(self, title: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def finished(result: Any) -> None:
            done(result)
            self.work_done.emit()

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.work_done.emit()

        task = BackgroundTask(self, title, lambda _report: work(), done=finished, error=failed)
        task.dialog.setCancelButton(None)     # a copy is whole or not at all: it runs to its end
        task.start()

    def _failed(self, exc: BaseException) -> None:
        text = failure_text(exc)
        self.status.setText(text)
        if isinstance(exc, TierDeskError | OSError):   # a fault has its own dialog
            QMessageBox.warning(self, self.windowTitle(), text)

    def back_up_now(self) -> None:
        def done(made: Path) -> None:
            self.fill()
            self.status.setText(self.tr("Backed up to {file}.").format(file=made))

        self._run(self.tr("Backing up…"), self.archive.backups.back_up, done)

    def restore(self) -> None:
        info = self.chosen()
        if info is not None:
            backup = info.file
            when = info.taken_at.strftime("%Y-%m-%d %H:%M")
        else:
            chosen = open_file_name(self, self.tr("Restore a backup"),
                                    self.tr("TierDesk archives (*.sqlite);;All files (*)"))
            if not chosen:
                return
            backup, when = Path(chosen), Path(chosen).name
        if not unlocked(lambda: self.archive.backups.can_open(backup), self):
            return      # an encrypted backup whose passphrase was not given
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Replace the archive with the backup of {when}? The archive as it is now "
                    "is backed up first, so this can be undone. The window then opens the "
                    "restored archive.").format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        path = self.archive.database.path

        def done(kept: Path | None) -> None:
            self.outcome = (self.tr("Restored from {file}; what the archive held before is "
                                    "kept in {kept}.").format(file=backup, kept=kept)
                            if kept is not None else
                            self.tr("Restored from {file}.").format(file=backup))
            self.status.setText(self.outcome)
            self.accept()
            self.restored.emit(str(path))

        self._run(self.tr("Restoring…"), lambda: self.archive.backups.restore(backup), done)

    def open_folder(self) -> None:
        try:
            folder = self.archive.backups.ensure_folder()
        except (TierDeskError, OSError) as exc:
            self._failed(exc)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            # No file manager to show it (a bare desktop): the folder is named instead.
            self.status.setText(self.tr("The backups are in {folder} (no file manager was "
                                        "found to open it).").format(folder=folder))


# The backup at start waits until the window is up and its list read (a large archive takes
# seconds to copy and check).
START_DELAY_MS = 4000


class BackupWatch(QObject):
    """The window's side of the automatic backups: ``failed(exc)`` when one failed,
    ``started(path or None)`` when the backup at start is done (None: none was needed)."""

    failed = Signal(object)
    started = Signal(object)


def keep_backed_up(window: QMainWindow, archive: Archive) -> BackupWatch:
    """As the window opens on ``archive``: a backup in a worker if the archive changed since
    its last one, and the scheduled backups in a thread of their own; a failure is said in the
    status bar (the work it followed is kept)."""
    told = BackupWatch(window)
    told.setObjectName("backupWatch")

    def show(exc: object) -> None:
        if isinstance(exc, BaseException):
            window.statusBar().showMessage(QCoreApplication.translate(
                "BackupsDialog", "The archive could not be backed up: {reason}").format(
                    reason=failure_text(exc)), 30000)

    def tell(exc: BaseException) -> None:
        with contextlib.suppress(RuntimeError):     # the window has closed meanwhile
            told.failed.emit(exc)

    told.failed.connect(show)
    archive.backups.in_background(tell)
    def started(made: object) -> None:
        with contextlib.suppress(RuntimeError):
            told.started.emit(made)

    if archive.backups.folder is not None:
        QTimer.singleShot(START_DELAY_MS, told, lambda: QuietTask(
            told, archive.backups.at_start, done=started, error=tell))
    return told
