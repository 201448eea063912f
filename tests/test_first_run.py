"""Starting the program: the welcome dialog on first run, the demo office, bad files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QMessageBox

from tierdesk import app as app_module
from tierdesk.app import AppController
from tierdesk.ui.welcome import WelcomeDialog


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TIERDESK_DB", raising=False)
    monkeypatch.setattr(app_module, "DEMO_CUSTOMERS", 150)
    return tmp_path


@pytest.fixture
def controller(qapp, home):
    settings = QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat)
    made = AppController(qapp, settings)
    yield made
    # Windows the controller made are not qtbot's: delete them while Qt is still running
    # (left to the interpreter's final garbage collection, PySide aborts on exit).
    if made.window is not None:
        made.window.close()
        made.window.deleteLater()
        made.window = None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    made.translators.install("en")
    if made.db is not None:
        made.db.close()


def choose(monkeypatch, button):
    def fake_exec(dialog):
        getattr(dialog.ui, button).click()
        return dialog.result()
    monkeypatch.setattr(WelcomeDialog, "exec", fake_exec)


def test_first_run_offers_an_empty_office(controller, monkeypatch, home):
    choose(monkeypatch, "emptyButton")
    assert controller.start(None)
    assert controller.db.path == home / "data" / "TierDesk" / "tierdesk.sqlite"
    assert controller.window.model.rowCount() == 0
    assert controller.settings.value("database/last") == str(controller.db.path)


def test_first_run_demo_office_is_built_in_its_own_file(controller, monkeypatch, home):
    choose(monkeypatch, "demoButton")
    assert controller.start(None)
    assert controller.db.path.name == "demo.sqlite"
    assert controller.window.model.rowCount() == 150
    assert not (home / "data" / "TierDesk" / "tierdesk.sqlite").exists()


def test_a_bad_file_is_explained_and_the_welcome_comes_back(controller, monkeypatch, home):
    bad = home / "bad.sqlite"
    bad.write_text("not a database")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    answers = iter(["open", None])

    def fake_exec(dialog):
        choice = next(answers)
        if choice is None:
            return 0
        dialog.choice, dialog.path = choice, bad
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", fake_exec)
    assert controller.start(None) is False
    assert "not a TierDesk database" in shown[0]
    assert bad.read_text() == "not a database"


def test_the_last_database_is_opened_again(controller, monkeypatch, home, db_path):
    controller.settings.setValue("database/last", str(db_path))
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: pytest.fail("no welcome expected"))
    assert controller.start(None)
    assert controller.db.path == db_path


def test_switching_language_rebuilds_the_window_in_chinese(controller, db_path):
    assert controller.start(str(db_path))
    controller.change_language("zh_CN")
    try:
        assert controller.window.menuBar().actions()[0].text() == "文件(&F)"
        assert controller.settings.value("ui/language") == "zh_CN"
    finally:
        controller.change_language("en")


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Yes])
def test_a_path_with_no_archive_is_opened_only_once_the_person_says_so(controller, home,
                                                                       monkeypatch, answer):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text) or answer)
    missing = home / "folder" / "typo.sqlite"
    opened = controller.start(str(missing))
    assert asked and str(missing) in asked[0] and "Start a new, empty archive" in asked[0]
    assert opened is (answer == QMessageBox.StandardButton.Yes)
    assert missing.exists() is opened and missing.parent.exists() is opened
