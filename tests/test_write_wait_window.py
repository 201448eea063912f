"""A write of the window that must wait behind another program writing to the archive shows
a busy indicator naming what it waits behind, and goes ahead when its turn comes; Stop waiting
writes nothing, says so, and keeps what was typed. A worker's write waits visibly too."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import text

from tests.helpers import make_customer, type_into
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store.db import Database, open_database
from tierdesk.ui.main_window import MainWindow
from tierdesk.ui.workers import QuietTask


class OtherProgram:
    """Another program writing to the same archive file: it holds the archive from
    ``start()`` until ``release`` is set."""

    def __init__(self, path: Path) -> None:
        self.db = open_database(path)
        self.db.source = "import 月报.xlsx"
        self.holding, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._write)

    def _write(self) -> None:
        with self.db.write() as session:
            session.execute(text("UPDATE region SET name = name || '（改）'"))
            self.holding.set()
            self.release.wait(30)

    def start(self) -> None:
        self.thread.start()
        assert self.holding.wait(10)

    def end(self) -> None:
        self.release.set()
        self.thread.join(30)
        self.db.close()


@pytest.fixture
def other(db: Database):
    program = OtherProgram(db.path)
    yield program
    program.end()


@pytest.fixture
def window(qtbot, db, tmp_path, monkeypatch):
    make_customer(db, "张三贸易有限公司")
    # An entry a failed test left unsaved must not hold the closing (pytest-qt's, before this
    # fixture's own end) on a question nobody answers.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Discard)
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    win.show()
    win.view.selectRow(0)
    return win


def regions(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.execute(text("SELECT name FROM region")).scalars())


def test_a_visit_saved_behind_another_writer_waits_visibly_then_lands(qtbot, window, other,
                                                                       db):
    panel = window.panel
    panel.start_visit_entry()
    type_into(qtbot, panel.entry.ui.summary, "等对方写完")
    seen: list[str] = []

    def indicator_shows(label: str) -> None:
        seen.append(label)
        assert window.write_waits.dialog.isVisible()
        other.release.set()               # the other program finishes its import

    window.write_waits.shown.connect(indicator_shows)
    other.start()
    qtbot.keyClick(panel.entry.ui.summary, Qt.Key.Key_Return)
    assert seen and seen[0].startswith(
        "Waiting for another program writing to this archive: import 月报.xlsx, by ")
    assert panel.entry.ui.errorLabel.text() == ""
    assert panel.slots.item(0, 4).text() == "等对方写完"
    assert window.write_waits.dialog is None          # the indicator has gone
    other.thread.join(10)
    assert regions(db) == {"华东（改）", "华北（改）"}


def test_stop_waiting_writes_nothing_says_so_and_keeps_what_was_typed(qtbot, window, other,
                                                                      db):
    panel = window.panel
    panel.start_visit_entry()
    type_into(qtbot, panel.entry.ui.summary, "先不等了")

    def stop(_label: str) -> None:
        window.write_waits.dialog.findChild(QPushButton).click()     # Stop waiting

    window.write_waits.shown.connect(stop)
    other.start()
    qtbot.keyClick(panel.entry.ui.summary, Qt.Key.Key_Return)
    assert panel.entry.ui.errorLabel.text() == (
        f"Stopped waiting for the other program writing to {db.path}: nothing was written.")
    assert panel.entry.ui.summary.text() == "先不等了"
    assert window.write_waits.dialog is None
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM visit")).scalar() == 0
    window.write_waits.shown.disconnect(stop)
    other.end()
    qtbot.keyClick(panel.entry.ui.summary, Qt.Key.Key_Return)     # its turn now: saved
    assert panel.entry.ui.errorLabel.text() == ""
    assert panel.slots.item(0, 4).text() == "先不等了"


def test_a_write_in_a_worker_waits_visibly_too(qtbot, window, other, db):
    customer = window.panel.card.facts.id
    other.start()
    outcome: list[object] = []
    with qtbot.waitSignal(window.write_waits.shown, timeout=10_000) as shown:
        task = QuietTask(window, lambda: window.archive.customers.add_visit(
            customer, VisitInput(visit_date="2026-11-20", purpose="回访")),
            done=outcome.append, error=outcome.append)
    assert shown.args[0].startswith(
        "Waiting for another program writing to this archive: import 月报.xlsx")
    with qtbot.waitSignal(task.signals.finished, timeout=20_000):
        other.release.set()
    qtbot.waitUntil(lambda: window.write_waits.dialog is None)
    assert outcome and not isinstance(outcome[0], BaseException)
    with db.read() as session:
        assert session.execute(text("SELECT purpose FROM visit")).scalars().all() == ["回访"]


def test_a_wait_that_ended_leaves_the_next_one_waiting(window):
    """Closing the indicator when a wait ends, or a Stop waiting pressed in an earlier wait,
    does not stop the next write that has to wait a moment."""
    from tierdesk.core.store.write_queue import Waiting

    waits = window.write_waits
    assert waits.on_wait(Waiting(None, 1.0)) and waits.dialog is not None
    waits.on_wait(Waiting(None, 1.2, over=True))
    assert waits.dialog is None
    assert waits.on_wait(Waiting(None, 0.1))            # the next wait goes on
    waits.on_wait(Waiting(None, 0.2, over=True))
    assert waits.on_wait(Waiting(None, 1.0))
    waits.dialog.findChild(QPushButton).click()         # Stop waiting
    assert not waits.on_wait(Waiting(None, 1.1))
    waits.on_wait(Waiting(None, 1.2, over=True))
    assert waits.on_wait(Waiting(None, 0.1))            # that stop was that wait's only
