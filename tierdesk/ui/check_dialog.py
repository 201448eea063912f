"""Tools → Check archive…: the archive checked in the background, the report, and a repair of
what can be repaired (after a confirmation); and the banner of an archive that the quick check
found damaged as it opened: it is read-only, and the latest good backup can be put back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import Message
from tierdesk.ui.actions import on_click
from tierdesk.ui.backups_dialog import failure_text
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.tables import fill_table, make_table
from tierdesk.ui.workers import BackgroundTask, QuietTask

if TYPE_CHECKING:
    from pathlib import Path

    from tierdesk.core.archive import Archive
    from tierdesk.core.store.check import CheckReport, Finding


class CheckDialog(QDialog):
    """The report of a check: one line per thing found wrong, which customers or rows, and
    what a repair does or what the person can do. ``shown(report)``: a report is on show."""

    shown = Signal(object)
    failed = Signal(str)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkDialog")
        self.setWindowTitle(self.tr("Check archive"))
        self.archive = archive
        self.report: CheckReport | None = None
        self.summary = QLabel(self.tr("Checking…"))
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.table = make_table([self.tr("Check"), self.tr("Found"), self.tr("Which"),
                                 self.tr("Repair or what to do")])
        self.table.setObjectName("checkFindings")
        self.table.setWordWrap(True)
        self.again_button = QPushButton(self.tr("Check &again"))
        self.repair_button = QPushButton(self.tr("&Repair…"))
        self.repair_button.setObjectName("repairButton")
        self.repair_button.setEnabled(False)
        on_click(self.again_button.clicked, self.start)
        on_click(self.repair_button.clicked, self.repair)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        """Check the archive in the background (cancellable); the report shows when done."""
        self._busy(self.tr("Checking the archive…"))
        BackgroundTask(self, self.tr("Checking the archive…"),
                       lambda report: self.archive.check.run(report),
                       done=self.show_report, error=self._failed).start()

    def repair(self) -> None:
        report = self.report
        if report is None or not report.repairable:
            return
        repairs = "\n".join(f"• {tr_message(f.repair)}" for f in report.findings
                            if f.repairable and f.repair is not None)
        answer = QMessageBox.question(
            self, self.tr("Repair the archive"),
            self.tr("Repair what can be repaired?\n\n{repairs}\n\nIt is done in one step: all of "
                    "it or nothing. Nothing is deleted.").format(repairs=repairs),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._busy(self.tr("Repairing the archive…"))
        BackgroundTask(self, self.tr("Repairing the archive…"),
                       lambda report: self.archive.check.repair(report),
                       done=self.show_report, error=self._failed).start()

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.again_button.setEnabled(False)
        self.repair_button.setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        text = (self.tr("The check was cancelled; nothing was changed.")
                if isinstance(exc, InterruptedError) else failure_text(exc))
        self.summary.setText(text)
        self.again_button.setEnabled(True)
        self.repair_button.setEnabled(self.report is not None and self.report.repairable)
        if isinstance(exc, TierDeskError | OSError):      # a fault has a dialog of its own
            QMessageBox.warning(self, self.windowTitle(), text)
        self.failed.emit(text)

    # -- the report -----------------------------------------------------------------------------
    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.summary.setText(self._summary(report))
        fill_table(self.table, [self._row(f) for f in report.findings])
        self.table.resizeRowsToContents()
        self.again_button.setEnabled(True)
        self.repair_button.setEnabled(report.repairable)
        self.shown.emit(report)

    def _summary(self, report: CheckReport) -> str:
        skipped = "".join("\n" + tr_message(m) for m in report.skipped)
        if report.repair_ran:
            repaired = sum(1 for f in report.findings if f.repaired)
            return self.tr("Repaired: {repaired}. Still wrong: {left}.").format(
                repaired=repaired, left=len(report.remaining)) + skipped
        if report.healthy:
            return self.tr("Nothing wrong was found ({checks} checks).").format(
                checks=report.checked) + skipped
        repairable = sum(1 for f in report.findings if f.repairable)
        return self.tr("Found wrong: {found}; {repairable} of them can be repaired.").format(
            found=len(report.findings), repairable=repairable) + skipped

    def _row(self, finding: Finding) -> list[str]:
        named = ", ".join(finding.named)
        more = finding.count - len(finding.named)
        if more > 0 and finding.named:
            named += " " + self.tr("and {count} more").format(count=f"{more:,}")
        if finding.repaired:
            todo = self.tr("Repaired")
        elif finding.repair is not None:
            todo = self.tr("Can be repaired: {repair}").format(repair=tr_message(finding.repair))
        else:
            todo = tr_message(finding.advice) if finding.advice is not None else ""
        return [tr_message(finding.title), tr_message(finding.what), named, todo]


class DamageBanner(QFrame):
    """Over the window of an archive found damaged: what is wrong, that it is read-only, and
    the way back (the latest good backup)."""

    def __init__(self, damage: Message, restore: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.setStyleSheet("#damageBanner { background: #fdecea; border: 1px solid #b00020; }")
        self.text = QLabel(self.tr("This archive is damaged and open for reading only: "
                                   "nothing can be changed or added.") + "\n"
                           + tr_message(damage))
        self.text.setObjectName("damageText")
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore the latest &good backup…"))
        self.restore_button.setObjectName("restoreLatest")
        on_click(self.restore_button.clicked, restore)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button)


class ArchiveCheck(QObject):
    """The main window's Tools menu, and its watch over the quick check of the archive as it
    opened. ``restored(path)``: the latest good backup was put in place of the archive at
    ``path``, which is to be opened anew (``outcome`` says what was done)."""

    damage_shown = Signal(str)
    restored = Signal(str)
    restore_failed = Signal(str)

    def __init__(self, window: QMainWindow, archive: Archive,
                 action: Callable[[str, str | None, object], Any], bar: QMenuBar) -> None:
        """Adds the Tools menu to ``bar`` (the window's ``action`` makes its entries)."""
        super().__init__(window)
        self.window, self.archive = window, archive
        self.banner: DamageBanner | None = None
        self.dialog: CheckDialog | None = None
        self.outcome = ""
        # every letter of "Tools" is an Alt key of the menu bar or of Today already
        menu = bar.addMenu(self.tr("Tools"))
        menu.addAction(action(self.tr("&Check archive…"), None, self.open_check))
        QuietTask(self, archive.check.damage, done=self._damage_known, error=lambda _exc: None)

    def open_check(self) -> CheckDialog:
        self.dialog = CheckDialog(self.archive, self.window)
        self.dialog.open()
        self.dialog.start()
        return self.dialog

    # -- a damaged archive ----------------------------------------------------------------------
    def _damage_known(self, damage: Message | None) -> None:
        if damage is None:
            return
        self.banner = DamageBanner(damage, self.restore_latest)
        central = self.window.takeCentralWidget()
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        if central is not None:
            layout.addWidget(central, 1)
            central.show()
        self.window.setCentralWidget(holder)
        holder.show()
        self.damage_shown.emit(self.banner.text.text())

    def restore_latest(self) -> None:
        """Find the newest good backup, ask, put it back; the window then opens it anew."""
        task = BackgroundTask(self.window, self.tr("Looking for the latest good backup…"),
                              lambda _report: self.archive.check.latest_good_backup(),
                              done=self._ask_restore, error=self._restore_failed)
        task.dialog.setCancelButton(None)
        task.start()

    def _ask_restore(self, backup: Path | None) -> None:
        if backup is None:
            text = self.tr("No good backup of this archive was found. A copy kept elsewhere "
                           "can be put back from the File menu, Backups….")
            QMessageBox.information(self.window, self.tr("Restore a backup"), text)
            self.restore_failed.emit(text)
            return
        answer = QMessageBox.question(
            self.window, self.tr("Restore a backup"),
            self.tr("Replace the damaged archive with its latest good backup, {file}? The "
                    "damaged archive is copied first. The window then opens the restored "
                    "archive.").format(file=backup.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        path = self.archive.database.path

        def done(kept: Path | None) -> None:
            self.outcome = (self.tr("Restored from {file}; the damaged archive is kept in "
                                    "{kept}.").format(file=backup, kept=kept)
                            if kept is not None else
                            self.tr("Restored from {file}.").format(file=backup))
            self.restored.emit(str(path))

        task = BackgroundTask(self.window, self.tr("Restoring…"),
                              lambda _report: self.archive.backups.restore(backup),
                              done=done, error=self._restore_failed)
        task.dialog.setCancelButton(None)     # a restore is whole or not at all
        task.start()

    def _restore_failed(self, exc: BaseException) -> None:
        text = failure_text(exc)
        if isinstance(exc, TierDeskError | OSError):
            QMessageBox.warning(self.window, self.tr("Restore a backup"), text)
        self.restore_failed.emit(text)
