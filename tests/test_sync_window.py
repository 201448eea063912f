"""Field exchange in the window: a laptop archive made, a transfer file written on the laptop
and read at the office, the manager deciding a conflict."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store.db import open_database
from tierdesk.ui import field_exchange
from tierdesk.ui.main_window import MainWindow


@pytest.fixture
def told(monkeypatch):
    """What the window told the person, in order."""
    said: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, **k: said.append(text))
    return said


def open_window(qtbot, db, tmp_path, name="ui.ini"):
    window = MainWindow(Archive(db), QSettings(str(tmp_path / name),
                                               QSettings.Format.IniFormat), "en")
    qtbot.addWidget(window)
    window.show()
    return window


def trigger(window, text):
    [action] = [a for a in window.actions() if a.text() == text]
    action.trigger()


def laptop_with_a_visit(db, tmp_path):
    """The office with one customer of S001, and S001's laptop with a visit written on it."""
    customer = make_customer(db, "甲贸易有限公司", salesperson="S001")
    office = Archive(db)
    office.sync.checkout(tmp_path / "laptop.sqlite", "S001")
    laptop_db = open_database(tmp_path / "laptop.sqlite")
    Archive(laptop_db).customers.add_visit(customer, VisitInput(visit_date=dt.date.today(),
                                                                purpose="回访"))
    return office, customer, laptop_db


def test_a_laptop_archive_is_made_from_the_office_window(qtbot, db, tmp_path, monkeypatch,
                                                        told):
    make_customer(db, "甲贸易有限公司", salesperson="S001")
    make_customer(db, "丙商行", salesperson="S002", mobile="13700137000")
    window = open_window(qtbot, db, tmp_path)
    path = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, items, *a, **k: (items[0], True))
    monkeypatch.setattr(field_exchange, "save_file_name", lambda *a, **k: str(path))
    trigger(window, "New &laptop archive…")
    qtbot.waitUntil(lambda: len(told) == 1, timeout=15000)
    assert ": 1 customer, 0 visits. Copy it to the laptop" in told[0] and path.exists()
    laptop = open_database(path)
    assert [p.name for p in Archive(laptop).sync.peers()] == ["office"]
    laptop.close()


def test_a_transfer_file_carries_a_visit_and_the_manager_decides_a_conflict(
        qtbot, db, tmp_path, monkeypatch, told):
    office, customer, laptop_db = laptop_with_a_visit(db, tmp_path)
    laptop = Archive(laptop_db)
    for archive, notes in ((office, "办公室的备注"), (laptop, "笔记本的备注")):
        data = archive.customers.customer(customer).to_input()
        data.notes = notes
        archive.customers.update_customer(customer, data)
    carried = tmp_path / "to-office.tdx"
    laptop_window = open_window(qtbot, laptop_db, tmp_path, "laptop.ini")
    monkeypatch.setattr(field_exchange, "save_file_name", lambda *a, **k: str(carried))
    trigger(laptop_window, "&Make a transfer file…")
    qtbot.waitUntil(lambda: len(told) == 1, timeout=15000)
    assert "changed rows for office" in told[0] and carried.exists()

    window = open_window(qtbot, db, tmp_path)
    monkeypatch.setattr(field_exchange, "open_file_name", lambda *a, **k: str(carried))
    trigger(window, "&Read a transfer file…")
    qtbot.waitUntil(lambda: len(told) == 2, timeout=15000)
    assert "1 new rows" in told[1] and "1 conflicts" in told[1]
    assert len(office.customers.open_customer(customer).current.entries) == 1

    trigger(window, "&Conflicts…")
    dialog = window.field.conflicts_dialog
    assert dialog.table.rowCount() == 1
    assert "笔记本的备注" in dialog.table.item(0, 5).text()
    assert "办公室的备注" in dialog.table.item(0, 4).text()
    dialog.take_button.click()
    assert dialog.table.rowCount() == 0
    assert office.customers.customer(customer).notes == "笔记本的备注"
    laptop_db.close()


def test_reading_the_offices_file_says_which_customers_left_the_laptop(
        qtbot, db, tmp_path, monkeypatch, told):
    kept = make_customer(db, "甲贸易有限公司", salesperson="S001")
    handed = make_customer(db, "乙科技有限公司", salesperson="S001", mobile="13900139000")
    office = Archive(db)
    office.sync.checkout(tmp_path / "laptop.sqlite", "S001")
    data = office.customers.customer(handed).to_input()
    data.salesperson_id = next(p.id for p in office.office.salespeople(with_counts=False)
                               if p.code == "S002")
    office.customers.update_customer(handed, data)
    office.sync.bundle_out(tmp_path / "to-laptop.tdx", for_code="S001")
    laptop_db = open_database(tmp_path / "laptop.sqlite")
    try:
        window = open_window(qtbot, laptop_db, tmp_path, "laptop.ini")
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=15000)
        monkeypatch.setattr(field_exchange, "open_file_name",
                            lambda *a, **k: str(tmp_path / "to-laptop.tdx"))
        trigger(window, "&Read a transfer file…")
        qtbot.waitUntil(lambda: len(told) == 1, timeout=15000)
        assert "1 customer handed to another salesperson left this laptop" in told[0]
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=15000)
        assert window.model.data(window.model.index(0, 1)) == "甲贸易有限公司"
        assert Archive(laptop_db).customers.customer(kept).name == "甲贸易有限公司"
    finally:
        laptop_db.close()


def test_a_transfer_file_opened_from_the_file_manager_is_applied_without_asking(
        qtbot, db, tmp_path, monkeypatch, told):
    """`tierdesk --transfer FILE` (a .tdx double-clicked) opens the window and applies it."""
    import tierdesk.app
    from tierdesk.cli import main

    office, customer, laptop_db = laptop_with_a_visit(db, tmp_path)
    carried = tmp_path / "to-office.tdx"
    Archive(laptop_db).sync.bundle_out(carried)
    laptop_db.close()

    started: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(tierdesk.app, "run_gui",
                        lambda location, transfer: started.append((location, transfer)) or 0)
    assert main(["--db", "office.sqlite", "--transfer", str(carried)]) == 0
    assert started == [("office.sqlite", str(carried))]

    window = open_window(qtbot, db, tmp_path)
    monkeypatch.setattr(field_exchange, "open_file_name",
                        lambda *a, **k: pytest.fail("asked for a file it was given"))
    window.field.read_transfer_file(str(carried))
    qtbot.waitUntil(lambda: len(told) == 1, timeout=15000)
    assert "1 new rows" in told[0]
    assert len(office.customers.open_customer(customer).current.entries) == 1


def test_taking_the_edit_of_a_customer_deleted_here_shows_it_in_the_list_again(
        qtbot, db, tmp_path, told):
    kept = make_customer(db, "甲贸易有限公司", salesperson="S001")
    gone = make_customer(db, "丙商行", salesperson="S001", mobile="13700137000")
    office = Archive(db)
    office.sync.checkout(tmp_path / "laptop.sqlite", "S001")
    laptop_db = open_database(tmp_path / "laptop.sqlite")
    laptop = Archive(laptop_db)
    data = laptop.customers.customer(gone).to_input()
    data.notes = "还在合作"
    laptop.customers.update_customer(gone, data)
    office.customers.delete_customer(gone)
    laptop.sync.exchange_with(str(db.path))
    laptop_db.close()
    window = open_window(qtbot, db, tmp_path)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=15000)
    trigger(window, "&Conflicts…")
    dialog = window.field.conflicts_dialog
    assert "(deleted here)" in dialog.table.item(0, 4).text()
    dialog.take_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=15000)
    assert office.customers.customer(gone).notes == "还在合作"
    assert kept
