"""The write gate: every kind of write is stamped and journalled with who, where and what;
the history (command line and master file) shows it."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store import journal
from tierdesk.core.store.models import (
    Customer,
    CustomerChange,
    FollowUp,
    JournalEntry,
    Salesperson,
    Visit,
)

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def entries(db, **where):
    with db.read() as session:
        query = select(JournalEntry).order_by(JournalEntry.hlc, JournalEntry.id)
        for name, value in where.items():
            query = query.where(getattr(JournalEntry, name) == value)
        return list(session.scalars(query))


def salesperson(db, code):
    """The salesperson's id, and how the journal names them ("code name")."""
    with db.read() as session:
        found = session.execute(select(Salesperson.id, Salesperson.name)
                                .where(Salesperson.code == code)).one()
    return found[0], f"{code} {found[1]}"


def person_id(db, code):
    return salesperson(db, code)[0]


def edited_at_a_laptop(db, field, value):
    """A customer edited in the window by S001 at laptop-7; the customer and the archive."""
    customer_id = make_customer(db, mobile="13800138000")
    db.actor = journal.Actor("S001 王伟", "laptop-7")
    db.source = "window"
    archive = Archive(db)
    data = archive.customers.customer(customer_id).to_input()
    setattr(data, field, value)
    archive.customers.update_customer(customer_id, data)
    return customer_id, archive


def test_an_edit_in_the_window_is_journalled_with_who_where_and_old_and_new(db):
    customer_id, _archive = edited_at_a_laptop(db, "mobile", "13912345678")
    [entry] = entries(db, action="update", table_name="customer")   # one per row and write
    assert entry.changes["mobile"] == ["13800138000", "13912345678"]
    assert (entry.person, entry.machine, entry.source) == ("S001 王伟", "laptop-7", "window")
    assert entry.customer_id == entry.row_id == customer_id
    with db.read() as session:
        assert session.get(Customer, customer_id).hlc == entry.hlc
        # The master file's own history names who, where it used to be empty.
        change = session.scalar(select(CustomerChange).where(CustomerChange.field == "mobile"))
        assert change.changed_by == "S001 王伟"


def test_a_visit_is_journalled_as_a_fact_of_its_customer(db):
    customer_id = make_customer(db)
    Archive(db).customers.add_visit(customer_id, VisitInput(visit_date="2026-11-20",
                                                            channel="phone",
                                                  purpose="回款跟进"))
    [entry] = entries(db, table_name="visit")
    assert entry.action == "insert" and entry.customer_id == customer_id
    assert entry.changes["purpose"] == "回款跟进"
    assert entry.changes["visit_date"] == "2026-11-20"
    with db.read() as session:
        visit = session.scalar(select(Visit))
        assert visit.hlc == entry.hlc and visit.id == entry.row_id


def test_a_write_that_fails_leaves_neither_rows_nor_entries(db):
    before = len(entries(db))
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Customer(number="X-1", name="半途", search_key="x"))
        session.flush()
        raise RuntimeError("stopped half-way")
    assert len(entries(db)) == before
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Customer)
                              .where(Customer.number == "X-1")) == 0


def test_new_rows_get_time_ordered_ids(db):
    first, second = make_customer(db, name="甲公司"), make_customer(db, name="乙公司",
                                                                   mobile="13900000000")
    assert first.version == second.version == 7
    assert first < second


def test_a_hand_over_is_journalled_customer_by_customer(db):
    customer_id = make_customer(db, salesperson="S001")
    giver, receiver = person_id(db, "S001"), person_id(db, "S002")
    Archive(db).office.hand_over(giver, [receiver])
    changed = [e for e in entries(db, table_name="customer", action="update")
               if "salesperson_id" in e.changes]
    assert [e.customer_id for e in changed] == [customer_id]
    assert changed[0].changes["salesperson_id"] == [giver.hex, receiver.hex]


def test_an_import_is_journalled_compactly_and_names_its_file(db, tmp_path, capsys):
    from tests.test_import import HEADER, row, write_workbook

    rows = [HEADER] + [row(f"导入{i:03d}贸易有限公司", f"139{i:08d}") for i in range(120)]
    source = tmp_path / "老档案.xlsx"
    write_workbook(source, {"客户": rows})
    before = len(entries(db))
    assert main(["--db", db.url, "--as", "S002", "import", str(source)]) == 0
    assert "120 created" in capsys.readouterr().out
    made = entries(db)[before:]
    assert len(made) < 10, [(e.table_name, e.action, e.rows) for e in made]  # not one a row
    [customers] = [e for e in made if e.table_name == "customer"]
    assert customers.action == "bulk" and customers.rows == 120
    assert customers.source == "import 老档案.xlsx" and customers.person.startswith("S002 ")
    with db.read() as session:
        stamped = session.scalar(select(func.count()).select_from(Customer)
                                 .where(Customer.hlc == customers.hlc))
    assert stamped == 120
    assert main(["--db", db.url, "history", "--json", _number_of(db, "导入007")]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(line["source"] == "import 老档案.xlsx" and line["what"] == "customer"
               and line["person"].startswith("S002 ") for line in lines), lines


def _number_of(db, name_part):
    with db.read() as session:
        return session.scalar(select(Customer.number).where(Customer.name.contains(name_part)))


def test_bulk_statements_stamp_their_rows_and_name_each_row_they_change(db):
    customer_id = make_customer(db)
    person = person_id(db, "S001")
    with db.write() as session:
        session.execute(FollowUp.__table__.insert(), [{
            "id": uuid.uuid4(), "customer_id": customer_id, "salesperson_id": person,
            "kind": "monthly", "source_id": uuid.uuid4(), "first_due_on": dt.date(2026, 12, d),
            "due_on": dt.date(2026, 12, d), "last_on": dt.date(2026, 12, d), "note": "",
            "status": "open", "created_at": dt.datetime(2026, 11, 1),
            "updated_at": dt.datetime(2026, 11, 1)} for d in (1, 2)])
    inserted = entries(db, table_name="follow_up", action="insert")
    assert len(inserted) == 2 and {e.customer_id for e in inserted} == {customer_id}
    from sqlalchemy import update

    with db.write() as session:
        session.execute(update(FollowUp).where(FollowUp.customer_id == customer_id)
                        .values(status="done"))
    updated = entries(db, table_name="follow_up", action="update")
    assert len(updated) == 2
    assert all(e.changes == {"status": ["open", "done"]} for e in updated)
    with db.read() as session:
        stamps = set(session.scalars(select(FollowUp.hlc)))
    assert stamps == {updated[0].hlc}


def test_stamps_only_go_forward_though_the_clock_goes_back(monkeypatch):
    clock = journal.HybridClock()
    times = iter([5_000, 5_000, 4_000, 6_000])
    monkeypatch.setattr(journal.time, "time_ns", lambda: next(times) * 1_000_000)
    stamps = [clock.stamp() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert stamps[2] == "000000000500000002"     # the clock went back: the counter goes on
    clock.seen("000000009000000007")              # a stamp stored by an earlier run
    monkeypatch.setattr(journal.time, "time_ns", lambda: 7_000 * 1_000_000)
    assert clock.stamp() == "000000009000000008"


def test_a_reopened_database_stamps_above_what_it_holds(db_path):
    from tierdesk.core.store.db import open_database

    first = open_database(db_path)
    make_customer(first)
    with first.read() as session:
        highest = session.scalar(select(func.max(JournalEntry.hlc)))
    first.close()
    again = open_database(db_path)
    again.clock.seen("9" * 13 + "00000")           # as if this machine's clock was ahead
    make_customer(again, name="后来公司", mobile="13700000000")
    newest = entries(again)[-1].hlc
    again.close()
    assert newest > highest


def test_edit_and_history_on_the_command_line(db, capsys):
    customer_id = make_customer(db)
    with db.read() as session:
        number = session.get(Customer, customer_id).number
    assert main(["--db", db.url, "edit", number, "mobile=13912345678",
                 "notes=只在上午联系", "--as", "S002"]) == 0
    out = capsys.readouterr().out
    assert f"{number} mobile: 13800138000 -> 13912345678" in out
    assert main(["--db", db.url, "--as", "王经理", "edit", number, "status=active"]) == 0
    capsys.readouterr()
    # Refused as the window refuses it, and nothing is written or journalled.
    before = len(entries(db))
    assert main(["--db", db.url, "edit", number, "mobile=12345"]) == 1
    assert "mobile" in capsys.readouterr().err
    assert main(["--db", db.url, "edit", number, "colour=red"]) == 1
    assert "FIELD one of name, contact" in capsys.readouterr().err
    assert len(entries(db)) == before
    assert main(["--db", db.url, "history", number, "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    changed = {(line["field"], line["old"], line["new"], line["person"]) for line in lines}
    assert ("mobile", "13800138000", "13912345678", salesperson(db, "S002")[1]) in changed
    assert ("status", "prospect", "active", "王经理") in changed
    assert all(line["machine"] and line["source"] == "command line" for line in lines
               if line["field"] in ("mobile", "status"))
    assert not any(line["field"] == "search_key" for line in lines)
    assert main(["--db", db.url, "history", number]) == 0
    text = capsys.readouterr().out
    assert "王经理 @" in text and "status: prospect -> active" in text


def test_the_person_comes_from_the_environment_without_as(db, capsys, monkeypatch):
    customer_id = make_customer(db)
    with db.read() as session:
        number = session.get(Customer, customer_id).number
    monkeypatch.setenv(journal.PERSON_ENV, "前台小李")
    assert main(["--db", db.url, "edit", number, "wechat=li_2026"]) == 0
    [entry] = [e for e in entries(db, action="update") if "wechat" in e.changes]
    assert entry.person == "前台小李"


def test_the_master_file_history_shows_who_where_and_from_what(qtbot, db, tmp_path):
    from PySide6.QtCore import QSettings

    from tierdesk.ui.main_window import MainWindow

    customer_id, archive = edited_at_a_laptop(db, "email", "wang@example.com")
    win = MainWindow(archive, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                     "en")
    qtbot.addWidget(win)
    win.select_customer(customer_id)
    win.panel.tabs.setCurrentWidget(win.panel.changes)
    table = win.panel.changes
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["When", "What", "Field", "Before", "After", "By", "Machine", "From"]
    newest = [table.item(0, c).text() for c in range(table.columnCount())]
    assert newest[1:] == ["Customer file", "E-mail", "", "wang@example.com", "S001 王伟",
                          "laptop-7", "Window"], newest


def test_the_person_at_the_machine_is_chosen_remembered_and_written(qtbot, db, tmp_path):
    from PySide6.QtCore import QSettings

    from tierdesk.ui.main_window import MainWindow
    from tierdesk.ui.person_dialog import SETTING, apply_person

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    archive = Archive(db)
    win = MainWindow(archive, settings, "en")
    qtbot.addWidget(win)
    dialog = win.choose_person()
    choices = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert choices == ["S001 王伟", "S002 李娜", "S003 张强"]
    dialog.person.setCurrentText("  ")
    assert not dialog.ok.isEnabled()                 # nobody: cannot be kept
    dialog.person.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.finished):
        dialog.ok.click()
    assert settings.value(SETTING) == "S002 李娜"
    assert db.actor.person == "S002 李娜"
    customer_id = make_customer(db)
    [made] = entries(db, table_name="customer", action="insert")
    assert made.person == "S002 李娜" and made.row_id == customer_id
    # Another start at this machine writes as the same person without asking.
    db.actor = journal.Actor("someone else", "x")
    assert apply_person(Archive(db), settings) and db.actor.person == "S002 李娜"


def test_the_demo_office_is_written_through_the_gate(demo_db):
    from tierdesk.core.store.models import FollowUpLog

    with demo_db.read() as session:
        for model in (Customer, Visit, FollowUp, FollowUpLog):
            unstamped = session.scalar(select(func.count()).select_from(model)
                                       .where(model.hlc.is_(None)))
            assert unstamped == 0, model.__tablename__
        sources = set(session.scalars(select(JournalEntry.source)))
        bulk = session.scalar(select(func.count()).select_from(JournalEntry)
                              .where(JournalEntry.action == "bulk"))
        customers = session.scalar(select(func.count()).select_from(Customer))
        entries_made = session.scalar(select(func.count()).select_from(JournalEntry))
    assert "demo" in sources and bulk > 0
    assert entries_made < customers      # compact: not an entry a row


def test_every_row_of_the_demo_office_has_a_time_ordered_id(demo_db):
    from tierdesk.core.store.models import Contact, Order, Payment, Region, TierAssessment

    with demo_db.read() as session:
        for model in (Region, Salesperson, Customer, Contact, Visit, Order, Payment, FollowUp,
                      TierAssessment):
            versions = {key.version for key in session.scalars(select(model.id).limit(500))}
            assert versions == {7}, model.__tablename__


def test_as_is_taken_after_a_tiers_action_too(db, capsys):
    customer_id = make_customer(db, tier="C")
    with db.read() as session:
        number = session.get(Customer, customer_id).number
    assert main(["--db", db.url, "tiers", "override", number, "B", "--reason",
                 "大客户推荐", "--as", "S003"]) == 0
    changed = [e for e in entries(db, table_name="customer", action="update")
               if "tier" in e.changes]
    assert [e.person for e in changed] == [salesperson(db, "S003")[1]]
