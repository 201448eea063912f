"""Starting the window: language, which database to open, first-run welcome, demo office."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tierdesk.core.archive import Archive
from tierdesk.core.assets import resource
from tierdesk.core.errors import TierDeskError
from tierdesk.core.store.db import (
    ENV_VAR,
    Database,
    default_db_path,
    missing_archive,
    open_database,
)
from tierdesk.render.fonts import cjk_font_family
from tierdesk.ui import encryption
from tierdesk.ui.backups_dialog import BackupsDialog, keep_backed_up
from tierdesk.ui.i18n import Translators, chosen_language, tr_message
from tierdesk.ui.passphrase_dialog import unlocked
from tierdesk.ui.person_dialog import apply_person
from tierdesk.ui.today_panel import read_ahead
from tierdesk.ui.trash_dialog import purge_when_started
from tierdesk.ui.welcome import WelcomeDialog
from tierdesk.ui.workers import BackgroundTask

if TYPE_CHECKING:
    from tierdesk.ui.main_window import MainWindow

LAST_DB = "database/last"
DEMO_CUSTOMERS = 3000


def demo_db_path() -> Path:
    return default_db_path().with_name("demo.sqlite")


class AppController:
    """Owns the open database and the main window; swaps them on request."""

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        self.app = app
        self.settings = settings
        self.translators = Translators()
        self.language = chosen_language(settings)
        self.translators.install(self.language)
        self.db: Database | None = None
        self.window: MainWindow | None = None

    # -- choosing the database -----------------------------------------------------------------
    def start(self, location: str | None) -> bool:
        chosen = location or os.environ.get(ENV_VAR)
        if chosen:
            return self.open(chosen, remember=False)
        last = self.settings.value(LAST_DB)
        if last and Path(str(last)).exists() and self.open(str(last)):
            return True
        if default_db_path().exists() and self.open(str(default_db_path())):
            return True
        return self.welcome()

    def welcome(self) -> bool:
        while True:
            dialog = WelcomeDialog(default_db_path())
            if not dialog.exec():
                return False
            if dialog.choice == WelcomeDialog.EMPTY and self.open(str(default_db_path()),
                                                                  create=True):
                if dialog.encrypt.isChecked():  # encrypted before anything is written in it
                    self.change_encryption()
                return True
            if dialog.choice == WelcomeDialog.OPEN and dialog.path and self.open(str(dialog.path)):
                return True
            if dialog.choice == WelcomeDialog.DEMO and self.build_demo():
                return True

    def open(self, location: str, *, remember: bool = True, create: bool = False) -> bool:
        """Open the archive at ``location``; where there is none yet, start one only when
        asked to (``create``) or once the person confirms it."""
        missing = missing_archive(location)
        if missing is not None and not create and QMessageBox.question(
                None, "TierDesk", self.app.translate(
                    "AppController", "There is no archive at {path}. Start a new, empty "
                                     "archive there?").format(path=missing),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        try:    # an encrypted archive asks for its passphrase (None: not given)
            db = unlocked(lambda: open_database(location), self.window)
        except TierDeskError as exc:
            QMessageBox.critical(None, "TierDesk", tr_message(exc.message))
            return False
        if db is None:
            return False
        self._show(db)
        if remember and db.path is not None:
            self.settings.setValue(LAST_DB, str(db.path))
        return True

    def build_demo(self) -> bool:
        """Build the demo office in its own file (with progress), then open it."""
        from tierdesk.core.demo import build_demo

        path = demo_db_path()
        try:
            db = open_database(path)
        except TierDeskError as exc:
            QMessageBox.critical(None, "TierDesk", tr_message(exc.message))
            return False
        if Archive(db).office.salespeople():  # already built on an earlier run
            db.close()
            return self.open(str(path))
        outcome: dict[str, object] = {}
        loop = QEventLoop()

        def finish(key: str, value: object) -> None:
            outcome[key] = value
            loop.quit()

        task = BackgroundTask(
            None, self.app.translate("AppController", "Building the demo office…"),
            lambda report: build_demo(db, customers=DEMO_CUSTOMERS, progress=report),
            done=lambda result: finish("ok", result), error=lambda exc: finish("error", exc))
        task.start()
        if not outcome:
            loop.exec()
        db.close()
        if "error" in outcome:
            if not isinstance(outcome["error"], InterruptedError):
                QMessageBox.critical(None, "TierDesk", str(outcome["error"]))
            return False
        return self.open(str(path))

    # -- the window ----------------------------------------------------------------------------
    def _show(self, db: Database) -> None:
        old_window, old_db = self.window, self.db
        self.db = db
        db.source = "window"
        archive = Archive(db)
        # Today's list is read while the window's code loads and the window is built.
        read_ahead(archive, self.settings)
        from tierdesk.ui.main_window import MainWindow

        self.window = MainWindow(archive, self.settings, self.language, defer_index=True)
        if not apply_person(archive,
                            self.settings) and archive.office.salespeople(with_counts=False):
            # First run at this machine: ask who is here, once the window shows.
            QTimer.singleShot(0, self.window.choose_person)
        self.window.language_chosen.connect(self.change_language)
        self.window.open_database_requested.connect(self.switch_database)
        self.window.backups_requested.connect(self.show_backups)
        self.window.encryption_requested.connect(self.change_encryption)
        check = self.window.archive_check    # a damaged archive's latest good backup put back
        check.restored.connect(lambda path: self._reopen(path, check.outcome))
        keep_backed_up(self.window, archive)
        self.window.show()
        purge_when_started(self.window, archive)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_db is not None and old_db is not db:
            old_db.close()

    def show_backups(self) -> None:
        """File → Backups…; after a restore the archive is opened anew."""
        if self.window is None:
            return
        dialog = BackupsDialog(self.window.archive, self.window)
        dialog.restored.connect(lambda path: self._reopen(path, dialog.outcome))
        dialog.open()

    def _reopen(self, path: str, outcome: str) -> None:
        if self.open(path, remember=False) and self.window is not None:
            self.window.statusBar().showMessage(outcome, 20000)

    def change_encryption(self) -> None:
        """Encrypt (or decrypt) the open archive; it is opened again afterwards."""
        if self.window is not None:
            encryption.change_encryption(self.window, self.window.archive, self._reopen)

    def change_language(self, language: str) -> None:
        self.language = language
        self.settings.setValue("ui/language", language)
        self.translators.install(language)
        old = self.window
        if self.db is not None and old is not None and old.close():
            self.window = None
            old.deleteLater()
            self._show(self.db)

    def switch_database(self) -> None:
        dialog = WelcomeDialog(default_db_path(), self.window)
        if not dialog.exec():
            return
        if dialog.choice == WelcomeDialog.OPEN and dialog.path:
            self.open(str(dialog.path))
        elif dialog.choice == WelcomeDialog.EMPTY:
            self.open(str(default_db_path()))
        elif dialog.choice == WelcomeDialog.DEMO:
            self.build_demo()


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("TierDesk")
    app.setApplicationName("TierDesk")
    icon = resource("icons", "tierdesk-256.png")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


# Shown only where no font can draw Chinese, so it is never translated: in Chinese it would
# show as boxes on exactly the machines that need it.
NO_CJK_FONT_NOTICE = (
    "No font with Chinese characters was found on this computer, so Chinese text may show as "
    "boxes in the window and in printed cards. Install one (on Debian or Ubuntu: sudo apt "
    "install fonts-wqy-microhei) and restart TierDesk.")


def warn_if_no_cjk_font(settings: QSettings) -> None:
    if cjk_font_family() is None and not settings.value("fonts/warned", False, type=bool):
        settings.setValue("fonts/warned", True)
        QMessageBox.warning(None, "TierDesk", NO_CJK_FONT_NOTICE)


# Set by the packaging benchmark (tests/perf/bench_bundle.py): once the window is painted,
# print how long after the process began, and quit.
START_PROBE = "TIERDESK_START_PROBE"


def report_start(controller: AppController) -> None:
    import time

    import psutil

    window = controller.window
    if window is not None:
        window.grab()  # the window's first paint
    began = psutil.Process().create_time()
    print(f"window shown {time.time() - began:.3f} s after start", flush=True)
    controller.app.quit()


def run_gui(location: str | None = None, transfer: str | None = None) -> int:
    """The window on the archive at ``location``; ``transfer``: a transfer file (.tdx) to apply
    once the window shows, as when one is opened from the file manager."""
    app = make_application()
    from tierdesk.ui.fault_dialog import install_fault_hooks

    install_fault_hooks()
    settings = QSettings()
    controller = AppController(app, settings)
    warn_if_no_cjk_font(settings)
    if not controller.start(location):
        return 0
    if transfer and controller.window is not None:
        window = controller.window
        QTimer.singleShot(0, lambda: window.field.read_transfer_file(transfer))
    if os.environ.get(START_PROBE):
        QTimer.singleShot(0, lambda: report_start(controller))
    return app.exec()
