"""File → Backups…: the list (when, why, size), Back up now, Restore… (asked first; the window
then opens the restored archive), Open folder; and the backup as the window starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox

from tests.helpers import make_customer
from tests.test_backups import customers_in
from tierdesk.app import AppController
from tierdesk.core.archive import Archive
from tierdesk.core.store.backup import backup_folder, list_backups
from tierdesk.core.store.db import Database, open_database
from tierdesk.ui import backups_dialog, person_dialog
from tierdesk.ui.backups_dialog import BackupsDialog, keep_backed_up

WAIT = 30000


@pytest.fixture(autouse=True)
def backup_root(tmp_path, monkeypatch):
    root = tmp_path / "backup-root"
    monkeypatch.setenv("TIERDESK_BACKUP_DIR", str(root))
    return root


@pytest.fixture
def answers(monkeypatch):
    """What the person is asked (their answer: Yes, unless the test says otherwise) and the
    warnings they are shown."""
    said: dict[str, list[str]] = {"asked": [], "warned": []}
    reply = [QMessageBox.StandardButton.Yes]

    def question(_parent, _title, text, *_args):
        said["asked"].append(text)
        return reply[0]

    def warning(_parent, _title, text, *_args):
        said["warned"].append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    said["reply"] = reply  # type: ignore[assignment]
    return said


def dialog_on(qtbot, db: Database) -> BackupsDialog:
    dialog = BackupsDialog(Archive(db))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_list_shows_when_why_and_size(qtbot, db):
    db.backups.take("by-hand")
    make_customer(db)
    db.backups.before_risky_work("import")
    dialog = dialog_on(qtbot, db)
    found = list_backups(db.path)
    table = dialog.table
    assert table.rowCount() == 2
    assert [table.item(row, 1).text() for row in range(2)] == ["before an import",
                                                               "made by hand"]
    assert table.item(0, 0).text() == found[0].taken_at.strftime("%Y-%m-%d %H:%M:%S")
    assert table.item(1, 2).text() == QLocale().formattedDataSize(found[1].size)
    assert str(backup_folder(db.path)) in dialog.note.text()


def test_back_up_now_adds_a_backup_to_the_list(qtbot, db):
    dialog = dialog_on(qtbot, db)
    assert dialog.table.rowCount() == 0
    with qtbot.waitSignal(dialog.work_done, timeout=WAIT):
        dialog.back_up_button.click()
    made = list_backups(db.path)
    assert [info.reason for info in made] == ["by-hand"]
    assert dialog.table.rowCount() == 1
    assert dialog.status.text() == f"Backed up to {made[0].file}."


def test_restore_asks_then_puts_the_chosen_backup_back(qtbot, db, answers):
    db.backups.take("by-hand")
    make_customer(db)
    dialog = dialog_on(qtbot, db)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT) as restored:
        dialog.restore_button.click()
    assert restored.args == [str(db.path)]
    assert "backed up first" in answers["asked"][0]
    assert customers_in(db.path) == 0
    kept = list_backups(db.path)
    assert [info.reason for info in kept] == ["before-restore", "by-hand"]
    assert customers_in(kept[0].file) == 1
    assert str(kept[0].file) in dialog.outcome and not dialog.isVisible()


def test_a_restore_declined_changes_nothing(qtbot, db, answers):
    db.backups.take("by-hand")
    make_customer(db)
    answers["reply"][0] = QMessageBox.StandardButton.No
    dialog = dialog_on(qtbot, db)
    dialog.table.selectRow(0)
    with qtbot.assertNotEmitted(dialog.work_done):
        dialog.restore_button.click()
    assert len(answers["asked"]) == 1 and customers_in(db.path) == 1
    assert len(list_backups(db.path)) == 1 and dialog.isVisible()


def test_a_file_that_is_no_archive_is_refused_with_a_message(qtbot, db, tmp_path, answers,
                                                              monkeypatch):
    make_customer(db)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello")
    monkeypatch.setattr(backups_dialog, "open_file_name", lambda *_args: str(bad))
    dialog = dialog_on(qtbot, db)
    with qtbot.waitSignal(dialog.work_done, timeout=WAIT):
        dialog.restore_button.click()           # no backup chosen in the list: a file
    said = f"{bad} is not a TierDesk archive (it is not an SQLite file)."
    assert answers["warned"] == [said] and dialog.status.text() == said
    assert customers_in(db.path) == 1 and list_backups(db.path) == []


def test_open_folder_shows_the_backup_folder(qtbot, db, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialog = dialog_on(qtbot, db)
    dialog.folder_button.click()
    folder = backup_folder(db.path)
    assert opened == [str(folder)]
    assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700


def test_without_a_file_manager_the_folder_is_named(qtbot, db, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    dialog = dialog_on(qtbot, db)
    dialog.folder_button.click()
    assert str(backup_folder(db.path)) in dialog.status.text()


def test_a_postgresql_office_is_pointed_to_pg_dump(qtbot):
    server = Database("postgresql+psycopg://someone@localhost/office")
    try:
        dialog = BackupsDialog(Archive(server))
        qtbot.addWidget(dialog)
        assert "pg_dump" in dialog.note.text()
        assert not any(button.isEnabled() for button in (
            dialog.back_up_button, dialog.restore_button, dialog.folder_button))
    finally:
        server.close()


def test_the_window_backs_up_at_start_when_the_archive_changed(qtbot, db, monkeypatch):
    monkeypatch.setattr(backups_dialog, "START_DELAY_MS", 0)
    window = QMainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(keep_backed_up(window, Archive(db)).started, timeout=WAIT) as first:
        pass
    assert first.args[0] == list_backups(db.path)[0].file
    assert db.backups.in_background
    with qtbot.waitSignal(keep_backed_up(window, Archive(db)).started, timeout=WAIT) as again:
        pass
    assert again.args == [None] and len(list_backups(db.path)) == 1    # nothing changed


def test_a_failed_backup_is_said_in_the_status_bar(qtbot, db, tmp_path, monkeypatch):
    monkeypatch.setattr(backups_dialog, "START_DELAY_MS", 0)
    db.backups.folder = tmp_path / "a-file"
    db.backups.folder.write_text("not a folder")
    window = QMainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(keep_backed_up(window, Archive(db)).failed, timeout=WAIT):
        pass
    assert window.statusBar().currentMessage().startswith(
        "The archive could not be backed up: The backup folder")


def test_file_backups_restores_and_the_window_opens_the_restored_archive(
        qtbot, qapp, tmp_path, db_path, answers):
    db = open_database(db_path)
    db.backups.take("by-hand")
    make_customer(db)
    db.close()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue(person_dialog.SETTING, "S001 王伟")     # not asked who is here
    controller = AppController(qapp, settings)
    try:
        assert controller.open(str(db_path), remember=False)
        window = controller.window
        assert window.model.rowCount() == 1
        action = next(a for a in window.findChildren(QAction) if a.text() == "&Backups…")
        action.trigger()
        dialog = window.findChild(BackupsDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.table.selectRow([info.reason for info in dialog.shown].index("by-hand"))
        with qtbot.waitSignal(dialog.restored, timeout=WAIT):
            dialog.restore_button.click()
        assert controller.window is not window
        assert controller.window.model.rowCount() == 0
        assert controller.window.statusBar().currentMessage().startswith("Restored from ")
    finally:
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()
            controller.window = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if controller.db is not None:
            controller.db.close()
