"""Faults of the program are seen and kept: a log file with the traceback, one line on the
command line, a dialog with the details in the window; a closed pipe ends quietly."""

from __future__ import annotations

import io
import subprocess
import sys
import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from tierdesk import cli
from tierdesk.core import logbook
from tierdesk.core.errors import NotFoundError


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "log"
    monkeypatch.setenv(logbook.ENV_VAR, str(folder))
    return folder


def test_an_unexpected_error_of_a_command_is_one_line_naming_the_log(db_path, log_dir,
                                                                      monkeypatch, capsys):
    def broken(_args, _location):
        return {}["no such key"]

    monkeypatch.setitem(cli._COMMANDS, "info", broken)
    assert cli.main(["--db", str(db_path), "info"]) == cli.EXIT_FAULT
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert "info failed with an unexpected error (KeyError: 'no such key')" in err
    assert str(log_dir / "tierdesk.log") in err
    written = (log_dir / "tierdesk.log").read_text(encoding="utf-8")
    assert "tierdesk info failed" in written and "Traceback" in written
    assert "KeyError: 'no such key'" in written


def test_a_refusal_is_not_logged_as_a_fault(db_path, log_dir, capsys):
    assert cli.main(["--db", str(db_path), "card", "NO-SUCH-1"]) == cli.EXIT_REFUSED
    assert "Traceback" not in capsys.readouterr().err
    log = log_dir / "tierdesk.log"
    assert not log.exists() or "NO-SUCH-1" not in log.read_text(encoding="utf-8")


def test_output_to_a_closed_pipe_ends_quietly(db_path, monkeypatch, capsys):
    class Closed(io.StringIO):
        def write(self, _text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            raise ValueError("no file")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli.main(["--db", str(db_path), "info"]) == 0
    assert capsys.readouterr().err == ""


def test_a_real_pipe_closed_by_its_reader_prints_no_traceback(demo_db, tmp_path):
    path = demo_db.path
    demo_db.close()
    # `true` ends before the program writes, so every write meets a closed pipe.
    finished = subprocess.run(f'"{sys.executable}" -m tierdesk --db "{path}" kpi | true',
                              shell=True, capture_output=True, text=True, timeout=120,
                              env={**__import__("os").environ,
                                   logbook.ENV_VAR: str(tmp_path / "log")})
    assert finished.stderr == "", finished.stderr


def test_a_fault_of_background_work_shows_its_details_and_copies_them(qtbot, log_dir):
    from tierdesk.ui.workers import QuietTask

    parent = QApplication.instance()
    told: list[BaseException] = []

    def work():
        return {}["missing"]

    task = QuietTask(parent, work, done=lambda _r: None, error=told.append)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert isinstance(told[0], KeyError)          # the view still learns it failed
    dialog = _fault_dialog()
    assert dialog is not None and dialog.isVisible()
    details = dialog.details.toPlainText()
    assert "Traceback" in details and "KeyError: 'missing'" in details and "in work" in details
    assert str(log_dir / "tierdesk.log") in dialog.summary.text()
    dialog.copy_button.click()
    assert "KeyError: 'missing'" in QApplication.clipboard().text()
    assert "KeyError: 'missing'" in (log_dir / "tierdesk.log").read_text(encoding="utf-8")
    dialog.close()
    del task


def test_background_work_ending_after_its_view_closed_tells_nobody(qtbot, log_dir):
    """A view closed while its work runs (a window shut during a tier preview) is not filled
    in afterwards: that raised "Internal C++ object already deleted" in the event loop."""
    from PySide6.QtWidgets import QLabel

    from tierdesk.ui.workers import QuietTask

    release = threading.Event()
    view = QLabel()
    told: list[object] = []
    ended: list[object] = []

    def work():
        release.wait(10)
        return "ready"

    task = QuietTask(view, work, done=lambda result: told.append(view.setText(result)),
                     error=told.append)
    task.signals.finished.connect(ended.append)
    view.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    QApplication.processEvents()
    assert ended == ["ready"] and told == []


def test_a_refusal_in_background_work_opens_no_fault_dialog(qtbot, log_dir):
    from tierdesk.core.i18n import Message
    from tierdesk.ui.workers import QuietTask

    told: list[BaseException] = []

    def refuse():
        raise NotFoundError(Message("Customers", "There is no such customer."))

    QuietTask(QApplication.instance(), refuse, done=lambda _r: None, error=told.append)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    QApplication.processEvents()
    assert isinstance(told[0], NotFoundError)
    dialog = _fault_dialog()
    assert dialog is None or not dialog.isVisible()


def test_an_uncaught_error_of_another_thread_reaches_the_window(qtbot, log_dir, monkeypatch):
    from tierdesk.ui.fault_dialog import install_fault_hooks

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_fault_hooks()

    def fail():
        raise RuntimeError("lost in a thread")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: _fault_dialog() is not None and _fault_dialog().isVisible(),
                    timeout=5000)
    assert "RuntimeError: lost in a thread" in _fault_dialog().details.toPlainText()
    _fault_dialog().close()


def _fault_dialog():
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "faultDialog"
             and w.isVisible()]
    return found[0] if found else None
