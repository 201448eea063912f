"""Checking the archive: each rule finds what breaks it on a deliberately broken archive, a
repair sets right what can be set right (and only that), and a second repair finds nothing
more to do; a healthy archive is reported healthy; `tierdesk check` says so with its exit
code; Tools → Check archive… shows the report and repairs."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import insert, select, update

from tests.helpers import break_an_index, make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput, add_visit
from tierdesk.core.customers.customer_list import ListFilter
from tierdesk.core.customers.orders import add_order
from tierdesk.core.store.backup import list_backups
from tierdesk.core.store.check import check_archive, repair_archive
from tierdesk.core.store.models import Customer, JournalEntry, Visit, VisitCard

# The rules of the core run on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True
TODAY = dt.date(2026, 11, 20)


@contextmanager
def outside_the_gate(db):
    """A connection that writes past the gate, as a fault or another program would."""
    with db.write_engine.begin() as conn:
        yield conn


def visits(db, customer_id, count):
    with db.write() as session:
        for day in range(count):
            on = TODAY - dt.timedelta(days=count - day)
            add_visit(session, customer_id, VisitInput(visit_date=on, summary=f"visit {day}"),
                      today=TODAY)


def cards_of(db, customer_id):
    with db.read() as session:
        return [(c.seq, c.closed_on, c.capacity) for c in session.scalars(
            select(VisitCard).where(VisitCard.customer_id == customer_id)
            .order_by(VisitCard.seq))]


def number_of(db, customer_id):
    with db.read() as session:
        return session.get(Customer, customer_id).number


def only(report, rule):
    found = [f for f in report.findings if f.rule == rule]
    assert [f.rule for f in report.findings] == [rule], report.findings
    return found[0]


def repaired_twice(db, rule):
    """Repair: the finding is marked repaired and nothing remains; a second repair finds
    nothing and writes nothing."""
    first = repair_archive(db, today=TODAY)
    assert only(first, rule).repaired and first.healthy and first.repair_ran
    with db.read() as session:
        stamps = session.scalar(select(JournalEntry.hlc).order_by(JournalEntry.hlc.desc()))
    second = repair_archive(db, today=TODAY)
    assert second.healthy and not second.findings and not second.repair_ran
    with db.read() as session:
        assert session.scalar(select(JournalEntry.hlc).order_by(JournalEntry.hlc.desc())) \
            == stamps


# -- healthy archives ----------------------------------------------------------------------------
def test_a_healthy_archive_is_reported_healthy(db):
    customer_id = make_customer(db)
    visits(db, customer_id, 12)            # a full card, closed, and the next one open
    report = check_archive(db)
    assert report.healthy and not report.findings and not report.repairable
    if db.is_sqlite:
        assert report.checked == 11 and not report.skipped
    else:       # the server keeps its own files and foreign keys
        assert report.checked == 9 and "PostgreSQL" in str(report.skipped[0])


@pytest.mark.sqlite_only
def test_the_demo_office_is_healthy_and_each_rule_is_reported_in_turn(demo_db):
    told: list[tuple[int, int, str]] = []
    report = check_archive(demo_db, lambda done, total, step: told.append((done, total, step))
                           or True)
    assert report.healthy
    steps = [step for _done, _total, step in told]
    assert "Open cards" in steps and "Search keys" in steps and told[-1][:2] == (11, 11)


@pytest.mark.sqlite_only
def test_a_check_can_be_cancelled(demo_db):
    with pytest.raises(InterruptedError):
        check_archive(demo_db, lambda done, _total, _step: done < 3)


# -- each rule: found, repaired, idempotent ------------------------------------------------------
def test_two_open_cards_keep_the_newest_open(db):
    customer_id = make_customer(db)
    with outside_the_gate(db) as conn:
        conn.execute(insert(VisitCard.__table__).values(
            id=uuid.uuid4(), customer_id=customer_id, seq=2, capacity=10, opened_on=TODAY,
            created_at=dt.datetime(2099, 1, 1), updated_at=dt.datetime(2099, 1, 1)))
    finding = only(check_archive(db), "open_cards")
    assert finding.count == 1 and finding.named == (number_of(db, customer_id),)
    assert finding.repairable
    repaired_twice(db, "open_cards")
    assert cards_of(db, customer_id) == [(1, TODAY, 10), (2, None, 10)]


def test_an_open_card_at_its_size_is_closed(db):
    customer_id = make_customer(db)
    visits(db, customer_id, 3)
    with outside_the_gate(db) as conn:
        conn.execute(update(VisitCard.__table__).values(capacity=3))
    assert only(check_archive(db), "full_cards").named == (number_of(db, customer_id),)
    repaired_twice(db, "full_cards")
    assert cards_of(db, customer_id) == [(1, TODAY, 3)]
    visits(db, customer_id, 1)             # the next entry opens a new card
    assert cards_of(db, customer_id)[1][:2] == (2, None)


def test_entries_numbered_with_a_gap_are_numbered_again_in_the_order_written(db):
    customer_id = make_customer(db)
    visits(db, customer_id, 3)
    with outside_the_gate(db) as conn:
        conn.execute(update(Visit.__table__).where(Visit.slot == 2).values(slot=7))
    finding = only(check_archive(db), "entry_numbers")
    assert finding.named == (f"{number_of(db, customer_id)} #1",)
    repaired_twice(db, "entry_numbers")
    with db.read() as session:
        assert [(v.slot, v.summary) for v in session.scalars(
            select(Visit).order_by(Visit.slot))] == [(1, "visit 0"), (2, "visit 1"),
                                                     (3, "visit 2")]


def test_cards_numbered_with_a_gap_are_numbered_again(db):
    customer_id = make_customer(db)
    with outside_the_gate(db) as conn:
        conn.execute(update(VisitCard.__table__).values(seq=4))
    only(check_archive(db), "card_numbers")
    repaired_twice(db, "card_numbers")
    assert [seq for seq, _closed, _size in cards_of(db, customer_id)] == [1]


def test_a_customer_whose_search_key_is_lost_is_found_again(db):
    customer_id = make_customer(db, "张三贸易有限公司")
    with outside_the_gate(db) as conn:
        conn.execute(update(Customer.__table__).values(search_key="", search_han=""))
    number = number_of(db, customer_id)
    assert only(check_archive(db), "search_keys").named == (number,)
    repaired_twice(db, "search_keys")
    listing = Archive(db).customers.customer_list()
    for typed in (number, "zsmy", "三贸"):
        assert listing.customer_ids(listing.query(ListFilter(text=typed))) == [customer_id]


def test_totals_that_differ_from_the_orders_are_added_up_again(db):
    customer_id = make_customer(db)
    with db.write() as session:
        add_order(session, customer_id, order_date="2026-10-05", amount="1,200.50",
                  today=TODAY)
    with outside_the_gate(db) as conn:
        conn.execute(update(Customer.__table__).values(billed_cents=5))
    only(check_archive(db), "totals")
    repaired_twice(db, "totals")
    with db.read() as session:
        assert session.scalar(select(Customer.billed_cents)) == 120050


def test_numbers_written_differently_are_found_and_left_to_a_person(db):
    first = make_customer(db, "甲公司")
    second = make_customer(db, "乙公司", mobile="13900139000")
    number = number_of(db, first)
    with outside_the_gate(db) as conn:
        conn.execute(update(Customer.__table__).where(Customer.id == second)
                     .values(number=f" {number.lower()}"))
    report = check_archive(db)
    # The second's search key still holds the number it had: that much can be repaired.
    assert [f.rule for f in report.findings] == ["numbers", "search_keys"]
    finding = report.findings[0]
    assert finding.count == 2 and not finding.repairable and finding.advice is not None
    assert number in finding.named[0] and number.lower() in finding.named[0]
    after = repair_archive(db, today=TODAY)
    assert [(f.rule, f.repaired) for f in after.findings] == [("numbers", False),
                                                            ("search_keys", True)]
    assert not after.healthy and [f.rule for f in after.remaining] == ["numbers"]
    assert number_of(db, second) == f" {number.lower()}"      # left as it was


def test_a_journal_stamp_that_is_no_stamp_is_found(db):
    make_customer(db)
    with outside_the_gate(db) as conn:
        conn.execute(insert(JournalEntry.__table__).values(
            id=uuid.uuid4(), hlc="12x", machine="", person="", source="", table_name="region",
            action="insert", row_id=None, customer_id=None, rows=1, changes={}, origin=""))
    finding = only(check_archive(db), "journal_stamps")
    assert finding.named == ('"12x"',) and not finding.repairable


def test_journal_entries_about_rows_that_are_gone_are_found(db):
    make_customer(db)
    lost = uuid.uuid4()
    with outside_the_gate(db) as conn:
        with db.read() as session:
            stamp = session.scalar(select(JournalEntry.hlc).order_by(JournalEntry.hlc.desc()))
        conn.execute(insert(JournalEntry.__table__).values(
            id=uuid.uuid4(), hlc=stamp, machine="", person="", source="",
            table_name="customer", action="update", row_id=lost, customer_id=lost, rows=1,
            changes={"name": ["a", "b"]}, origin=""))
    finding = only(check_archive(db), "journal_rows")
    assert finding.named == (f"customer {lost.hex}",) and not finding.repairable


@pytest.mark.sqlite_only
def test_rows_pointing_at_nothing_are_found(db, db_path):
    customer_id = make_customer(db)
    with sqlite3.connect(db_path) as raw:       # foreign keys are off on a bare connection
        raw.execute("UPDATE visit_card SET customer_id = ?", (uuid.uuid4().hex,))
    finding = only(check_archive(db), "foreign_keys")
    assert finding.count == 1 and "visit_card" in finding.named[0] and not finding.repairable
    assert cards_of(db, customer_id) == []


@pytest.mark.sqlite_only
def test_an_index_out_of_step_with_its_table_is_rebuilt(db, db_path):
    make_customer(db)
    db.close()
    break_an_index(db_path)
    finding = only(check_archive(db), "integrity")
    assert "missing from index ix_customer_region_id" in finding.named[0]
    assert finding.repairable
    repaired_twice(db, "integrity")
    # The archive as it was is kept, faults and all, so that the repair can be undone; the
    # second repair, with nothing to do, takes no copy.
    copies = list_backups(db_path)
    assert [info.reason for info in copies] == ["before-repair"]
    with sqlite3.connect(copies[0].file) as copy:
        found = [row[0] for row in copy.execute("PRAGMA integrity_check")]
    assert any("missing from index ix_customer_region_id" in line for line in found)


# -- the command line ----------------------------------------------------------------------------
@pytest.mark.sqlite_only
def test_the_command_line_reports_repairs_and_exits_by_what_remains(db, db_path, capsys):
    customer_id = make_customer(db)
    number = number_of(db, customer_id)
    assert main(["--db", str(db_path), "check"]) == 0
    assert "11 checks, nothing wrong found." in capsys.readouterr().out
    with outside_the_gate(db) as conn:
        conn.execute(update(Customer.__table__).values(search_key=""))
    assert main(["--db", str(db_path), "check"]) == 3
    out = capsys.readouterr().out
    assert "[problem] Search keys: Customers who cannot be found by their number or name" in out
    assert f"      {number}\n" in out and "can be repaired: Rebuild their search keys." in out
    assert "tierdesk check --repair" in out
    assert main(["--db", str(db_path), "check", "--repair"]) == 0
    out = capsys.readouterr().out
    assert "1 found wrong, 0 remaining." in out and "[repaired] Search keys" in out
    assert main(["--db", str(db_path), "check", "--repair"]) == 0
    assert "nothing wrong found." in capsys.readouterr().out


@pytest.mark.sqlite_only
def test_what_cannot_be_repaired_leaves_the_exit_code_at_3(db, db_path, capsys):
    make_customer(db, "甲公司")
    second = make_customer(db, "乙公司", mobile="13900139000")
    with outside_the_gate(db) as conn:
        conn.execute(update(Customer.__table__).where(Customer.id == second)
                     .values(number=""))
    assert main(["--db", str(db_path), "check", "--repair"]) == 3
    captured = capsys.readouterr()
    assert "[problem] Customer numbers" in captured.out
    assert "cannot be repaired here: Give each of them a number of its own" in captured.out
    assert captured.err == ""


# -- the window ----------------------------------------------------------------------------------
@pytest.mark.sqlite_only
def test_tools_check_archive_shows_the_report_and_repair_repairs(qtbot, db, tmp_path,
                                                                 monkeypatch):
    from tierdesk.ui.main_window import MainWindow

    customer_id = make_customer(db)
    visits(db, customer_id, 2)
    with outside_the_gate(db) as conn:
        conn.execute(insert(VisitCard.__table__).values(
            id=uuid.uuid4(), customer_id=customer_id, seq=2, capacity=10, opened_on=TODAY,
            created_at=dt.datetime(2099, 1, 1), updated_at=dt.datetime(2099, 1, 1)))
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    tools = next(a.menu() for a in win.menuBar().actions() if a.text() == "Tools")
    action = next(a for a in tools.actions() if a.text() == "&Check archive…")
    action.trigger()
    dialog = win.archive_check.dialog
    assert dialog is not None and dialog.isVisible()
    if dialog.report is None:
        with qtbot.waitSignal(dialog.shown, timeout=20000):
            pass
    table = dialog.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == "Open cards"
    assert table.item(0, 2).text() == number_of(db, customer_id)
    assert table.item(0, 3).text().startswith("Can be repaired: Close all but the newest")
    assert dialog.repair_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.shown, timeout=20000):
        dialog.repair_button.click()
    assert "Close all but the newest open card of each." in asked[0]
    assert dialog.summary.text() == "Repaired: 1. Still wrong: 0."
    assert table.item(0, 3).text() == "Repaired"
    assert not dialog.repair_button.isEnabled()
    assert [closed is None for _seq, closed, _size in cards_of(db, customer_id)] == [False, True]
