"""Deleted customers go to the trash for 30 days, restorable with everything they held, then
are purged for real: their rows gone, their name gone from the file's bytes, their number never
given again, and an exchange with a laptop that still holds them does not bring them back."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.customer_list import ListFilter
from tierdesk.core.customers.master_file import ContactInput
from tierdesk.core.customers.trash import TRASH_DAYS
from tierdesk.core.errors import NotFoundError, TierDeskError
from tierdesk.core.store.db import Database, open_database
from tierdesk.core.store.models import (
    Customer,
    JournalEntry,
    SyncConflict,
    Visit,
    VisitChange,
    utcnow,
)
from tierdesk.core.sync import tables
from tierdesk.core.sync.checkout import checkout, exchange

ALSO_ON_POSTGRESQL = True
TODAY = dt.date.today()
NAME, MOBILE = "Acme Trading 甲贸易", "13912345678"
# What a tombstone keeps, and the stamps every write sets: not compared after a restore.
STAMPED = {"hlc", "updated_at"}


def customer_with_history(db: Database, name: str = NAME, mobile: str = MOBILE,
                          salesperson: str = "S001") -> uuid.UUID:
    """A customer holding a bit of everything: a contact, two card entries (one corrected),
    an order and its payment (with the follow-up the sale brings), a complaint, a service
    job, a survey, an edit of its facts."""
    archive = Archive(db)
    tag = name.split()[0]
    cid = make_customer(db, name, mobile=mobile, salesperson=salesperson)
    customers = archive.customers
    customers.save_contact(cid, ContactInput(name="Li Si", mobile="13812345678",
                                             birthday=dt.date(1980, 5, 4)))
    customers.add_visit(cid, VisitInput(visit_date=TODAY - dt.timedelta(days=20),
                                        purpose="回访", summary=f"First call with {tag}"))
    customers.add_visit(cid, VisitInput(visit_date=TODAY - dt.timedelta(days=5),
                                        purpose="回访", summary=f"Quarterly review with {tag}"))
    first = customers.visit_at(cid, 1, 1)
    customers.correct_visit(first, VisitInput(visit_date=TODAY - dt.timedelta(days=20),
                                              purpose="首访", summary=f"First visit to {tag}"))
    customers.add_order(cid, order_date=TODAY - dt.timedelta(days=4), amount="1200",
                        product="Pumps")
    customers.add_payment(cid, paid_on=TODAY - dt.timedelta(days=2), amount="1200")
    archive.service.record_complaint(cid, received_at=utcnow() - dt.timedelta(days=3),
                                     description=f"Late delivery to {tag}")
    archive.service.add_service_job(cid, done_on=TODAY - dt.timedelta(days=1), kind="repair")
    archive.service.add_survey(cid, surveyed_on=TODAY, score=4, comment=f"{tag} is pleased")
    data = customers.customer(cid).to_input()
    data.notes = "Prefers mornings"
    customers.update_customer(cid, data)
    return cid


def holdings(db: Database, cid: uuid.UUID) -> dict[str, list[dict[str, object]]]:
    """Every row the customer holds, table by table, as stored."""
    found: dict[str, list[dict[str, object]]] = {}
    with db.read() as session:
        for name in tables.ALL_OF_A_CUSTOMER:
            table = tables.table(name)
            column = table.c[tables.customer_column(name) or "customer_id"]
            found[name] = [dict(row) for row in session.execute(
                select(table).where(column == cid).order_by(table.c.id)).mappings()]
        found["visit_change"] = [dict(row) for row in session.execute(
            select(VisitChange.__table__).where(VisitChange.visit_id.in_(
                select(Visit.id).where(Visit.customer_id == cid)))
            .order_by(VisitChange.id)).mappings()]
    return found


def backdate(db: Database, cid: uuid.UUID, days: int) -> None:
    """The customer was deleted ``days`` days earlier than it was."""
    with db.write() as session:
        customer = session.get(Customer, cid)
        customer.deleted_at -= dt.timedelta(days=days)


def count(db: Database, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def listed_numbers(archive: Archive) -> list[str]:
    """The numbers the customer list shows, in order."""
    listed = archive.customers.customer_list()
    found = listed.query(ListFilter())
    rows = listed.rows(found)
    return [rows[position].number for position in found]


def file_bytes(path: Path) -> bytes:
    """The archive's bytes on disk, its write-ahead log included."""
    log = path.with_name(path.name + "-wal")
    return path.read_bytes() + (log.read_bytes() if log.exists() else b"")


# -- the trash and restoring -------------------------------------------------------------------
def test_a_deleted_customer_waits_in_the_trash_and_comes_back_whole(db):
    cid = customer_with_history(db)
    kept = make_customer(db, "乙科技有限公司", mobile="13900139000")
    before = holdings(db, cid)
    archive = Archive(db)
    number = archive.customers.customer(cid).number
    archive.customers.delete_customer(cid)

    [trashed] = archive.trash.customers()
    assert (trashed.id, trashed.number, trashed.name, trashed.salesperson) == \
        (cid, number, NAME, "王伟")
    assert (trashed.cards, trashed.visits, trashed.orders) == (1, 2, 1)
    assert trashed.deleted_by == db.actor.person
    assert trashed.purged_after - trashed.deleted_at == dt.timedelta(days=TRASH_DAYS)
    assert listed_numbers(archive) == [archive.customers.customer(kept).number]
    with pytest.raises(NotFoundError):
        archive.customers.find_by_number(number)

    heard = []
    archive.subscribe(heard.append)
    assert archive.trash.find(number.lower()) == cid
    back = archive.trash.restore(cid)
    assert (back.number, back.cards, back.visits, back.orders) == (number, 1, 2, 1)
    assert archive.trash.customers() == []
    assert [change.customer_ids for change in heard] == [(cid,)]
    assert archive.customers.find_by_number(number) == cid
    assert listed_numbers(archive) == sorted([number, archive.customers.customer(kept).number])

    after = holdings(db, cid)
    for name in (*tables.ALL_OF_A_CUSTOMER, "visit_change"):
        if name == "customer_change":     # the delete and the restore are said in it
            assert len(after[name]) == len(before[name]) + 2
            assert all(row in after[name] for row in before[name])
            said = sorted((r["old_value"] == "", r["new_value"] == "") for r in after[name]
                          if r["field"] == "deleted")
            assert said == [(False, True), (True, False)]
        elif name == "customer":
            assert [{k: v for k, v in row.items() if k not in STAMPED} for row in after[name]] \
                == [{k: v for k, v in row.items() if k not in STAMPED} for row in before[name]]
        else:
            assert after[name] == before[name], name
    assert sum(len(rows) for rows in before.values()) >= 15
    with db.read() as session:
        entry = session.scalars(select(JournalEntry).where(
            JournalEntry.row_id == cid, JournalEntry.action == "update")
            .order_by(JournalEntry.hlc.desc())).first()
    assert entry.changes["deleted_at"][1] is None and entry.person == db.actor.person


def test_what_is_not_in_the_trash_is_refused_with_a_reason_and_nothing_changes(db):
    archive = Archive(db)
    live = make_customer(db, "乙科技有限公司", mobile="13900139000")
    gone = make_customer(db, NAME)
    live_number = archive.customers.customer(live).number
    gone_number = archive.customers.customer(gone).number
    archive.customers.delete_customer(gone)
    with pytest.raises(TierDeskError, match=f"{live_number} is not in the trash"):
        archive.trash.find(live_number)
    with pytest.raises(NotFoundError, match="There is no customer numbered HD-X-99999"):
        archive.trash.find("HD-X-99999")
    with pytest.raises(TierDeskError, match="is not in the trash"):
        archive.trash.restore(live)
    backdate(db, gone, TRASH_DAYS + 1)
    journal_before = count(db, JournalEntry)
    with pytest.raises(NotFoundError, match="more than 30 days ago"):
        archive.trash.find(gone_number)
    with pytest.raises(NotFoundError, match="more than 30 days ago"):
        archive.trash.restore(gone)
    assert archive.trash.customers() == []
    assert count(db, JournalEntry) == journal_before
    with db.read() as session:
        assert session.get(Customer, gone).deleted_at is not None


# -- purging ----------------------------------------------------------------------------------
def test_the_purge_takes_only_what_is_past_thirty_days_and_removes_it_for_real(db):
    archive = Archive(db)
    old = customer_with_history(db)
    recent = customer_with_history(db, "Beta Handel 乙商行", "13711112222", salesperson="S002")
    live = make_customer(db, "Gamma Bau 丙", mobile="13633334444")
    old_number = archive.customers.customer(old).number
    live_rows = holdings(db, live)
    recent_rows = holdings(db, recent)
    archive.customers.delete_customer(old)
    backdate(db, old, 20)
    archive.customers.delete_customer(recent)
    heard = []
    archive.subscribe(heard.append)

    later = utcnow() + dt.timedelta(days=TRASH_DAYS - 21)     # old deleted 29 days before
    assert archive.trash.purge(now=later) == []
    assert heard == []
    purged = archive.trash.purge(now=later + dt.timedelta(days=2))     # now 31 days before
    assert [c.number for c in purged] == [old_number]
    assert heard and heard[0].customer_ids == (old,)
    assert archive.trash.purge(now=later + dt.timedelta(days=2)) == []    # once only

    left = holdings(db, old)
    [tombstone] = left.pop("customer")
    assert {name: rows for name, rows in left.items() if rows} == {}
    assert tombstone["number"] == old_number and tombstone["deleted_at"] is not None
    assert tombstone["name"] == tombstone["mobile"] == tombstone["notes"] == ""
    assert tombstone["search_key"] == "" and tombstone["salesperson_id"] is not None
    with db.read() as session:
        said = [(e.table_name, e.action, e.changes) for e in session.scalars(
            select(JournalEntry).where(JournalEntry.customer_id == old))]
    assert said == [("customer", "update",
                     {"deleted_at": [None, tombstone["deleted_at"].isoformat()]})]
    # The others are untouched: the one still in the trash, the one in the list.
    assert holdings(db, live) == live_rows
    after = holdings(db, recent)
    assert {k: v for k, v in after.items() if k not in ("customer", "customer_change")} == \
        {k: v for k, v in recent_rows.items() if k not in ("customer", "customer_change")}
    assert [c.id for c in archive.trash.customers(now=later + dt.timedelta(days=2))] == [recent]
    # Its number is never given again.
    new = make_customer(db, "Delta 丁", mobile="13555556666")
    assert archive.customers.customer(new).number not in (old_number,)
    with pytest.raises(NotFoundError, match="more than 30 days ago"):
        archive.trash.find(old_number)


@pytest.mark.sqlite_only   # the bytes of an SQLite file
def test_after_the_purge_the_file_no_longer_holds_the_name(db):
    archive = Archive(db)
    gone = customer_with_history(db)
    kept = customer_with_history(db, "Beta Handel 乙商行", "13711112222")
    archive.customers.delete_customer(gone)
    archive.customers.delete_customer(kept)
    backdate(db, gone, TRASH_DAYS + 1)
    secrets = (NAME.split()[0].encode(), MOBILE.encode(), b"Quarterly review with Acme",
               b"Late delivery to Acme", b"Acme is pleased")
    assert all(secret in file_bytes(db.path) for secret in secrets)
    archive.trash.purge()
    held = file_bytes(db.path)
    assert [secret for secret in secrets if secret in held] == []
    assert b"Beta Handel" in held and b"13711112222" in held      # still in the trash
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(Customer)).scalar() == 2
    db.close()
    held = file_bytes(db.path)
    assert [secret for secret in secrets if secret in held] == []


# -- with laptops ------------------------------------------------------------------------------
@pytest.fixture
def field(db, tmp_path):
    """The office with two customers of S001, and S001's laptop."""
    ids = {"gone": customer_with_history(db),
           "kept": make_customer(db, "乙科技有限公司", mobile="13900139000")}
    checkout(db, tmp_path / "laptop.sqlite", "S001", backup_dir=tmp_path / "b")
    laptop = open_database(tmp_path / "laptop.sqlite", backup_dir=tmp_path / "b")
    yield db, laptop, ids
    laptop.close()


def test_a_restore_reaches_the_laptop_like_any_change(field):
    office, laptop, ids = field
    Archive(office).customers.delete_customer(ids["gone"])
    exchange(laptop, office)
    with pytest.raises(NotFoundError):
        Archive(laptop).customers.customer(ids["gone"])
    Archive(office).trash.restore(ids["gone"])
    _sent, returned = exchange(laptop, office)
    assert returned.conflicts == 0
    assert Archive(laptop).customers.customer(ids["gone"]).name == NAME
    assert count(laptop, Visit, Visit.customer_id == ids["gone"]) == 2


def test_a_purged_customer_a_laptop_still_works_on_does_not_come_back(field):
    office, laptop, ids = field
    gone = ids["gone"]
    Archive(office).customers.delete_customer(gone)
    backdate(office, gone, TRASH_DAYS + 1)
    assert len(Archive(office).trash.purge()) == 1
    # The laptop never heard of the delete: it writes on the customer's card, edits it.
    field_work = Archive(laptop).customers
    field_work.add_visit(gone, VisitInput(visit_date=TODAY, purpose="回访", summary="Acme again"))
    data = field_work.customer(gone).to_input()
    data.notes = "Still buying"
    field_work.update_customer(gone, data)

    arrived, returned = exchange(laptop, office)
    assert arrived.conflicts == returned.conflicts == 0
    assert count(office, SyncConflict) == 0
    with office.read() as session:
        tombstone = session.get(Customer, gone)
        assert tombstone.deleted_at is not None and tombstone.name == ""
    assert count(office, Visit, Visit.customer_id == gone) == 0
    with pytest.raises(NotFoundError):           # deleted on the laptop too now
        Archive(laptop).customers.customer(gone)
    assert Archive(laptop).customers.customer(ids["kept"]).name == "乙科技有限公司"
    # The laptop's own start purges it there as well; the next exchange changes nothing.
    assert [c.id for c in Archive(laptop).trash.purge()] == [gone]
    arrived, returned = exchange(laptop, office)
    assert arrived.inserted == returned.inserted == {}
    assert count(office, Visit, Visit.customer_id == gone) == 0
    with office.read() as session:
        assert session.get(Customer, gone).deleted_at is not None
    kept_number = Archive(office).customers.customer(ids["kept"]).number
    assert listed_numbers(Archive(office)) == [kept_number]


def test_a_delete_both_sides_purged_stays_gone_after_an_exchange(field):
    office, laptop, ids = field
    gone = ids["gone"]
    Archive(office).customers.delete_customer(gone)
    exchange(laptop, office)                       # the laptop hears of the delete
    backdate(office, gone, TRASH_DAYS + 1)
    exchange(laptop, office)                       # ... and of when it was
    assert len(Archive(office).trash.purge()) == 1
    assert len(Archive(laptop).trash.purge()) == 1
    for _ in range(2):
        arrived, returned = exchange(laptop, office)
        assert arrived.conflicts == returned.conflicts == 0
        assert arrived.inserted == returned.inserted == {}
    for db in (office, laptop):
        with db.read() as session:
            tombstone = session.get(Customer, gone)
            assert tombstone is None or (tombstone.deleted_at is not None
                                         and tombstone.name == "")
        assert count(db, Visit, Visit.customer_id == gone) == 0


# -- the command line --------------------------------------------------------------------------
@pytest.mark.sqlite_only   # the command line opens the file db_path names
def test_the_trash_from_the_command_line(db, db_path, capsys, monkeypatch):
    archive = Archive(db)
    gone = customer_with_history(db)
    number = archive.customers.customer(gone).number
    assert main(["--db", str(db_path), "trash"]) == 0
    assert capsys.readouterr().out.strip() == "The trash is empty."
    archive.customers.delete_customer(gone)
    assert main(["--db", str(db_path), "trash"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0].split() == ["Number", "Name", "Salesperson", "Deleted", "By", "Cards",
                                "Visits", "Orders", "Purged", "after"]
    assert shown[1].startswith(f"{number}  {NAME}  王伟")
    assert shown[1].split()[-4:-1] == ["1", "2", "1"]

    assert main(["--db", str(db_path), "trash", "--restore", "HD-X-99999"]) == 1
    assert capsys.readouterr().err.strip() == \
        "tierdesk: There is no customer numbered HD-X-99999."
    assert main(["--db", str(db_path), "trash", "--restore", number]) == 0
    assert capsys.readouterr().out.strip() == \
        f"{number} {NAME} is back in the customer list with 1 card, 2 visits, 1 order."
    assert archive.customers.customer(gone).name == NAME
    assert main(["--db", str(db_path), "trash", "--restore", number]) == 1
    assert "is not in the trash: it is in the customer list" in capsys.readouterr().err

    archive.customers.delete_customer(gone)
    assert main(["--db", str(db_path), "trash", "--purge"]) == 0
    assert "nothing to purge" in capsys.readouterr().out
    backdate(db, gone, TRASH_DAYS + 1)
    # On a terminal it asks first; "no" purges nothing.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["--db", str(db_path), "trash", "--purge"]) == 1
    out, err = capsys.readouterr()
    assert f"{number}  {NAME}" in out and err.strip() == "Nothing was purged."
    assert archive.trash.due_for_purge()[0].id == gone
    assert main(["--db", str(db_path), "trash", "--purge", "--yes"]) == 0
    assert capsys.readouterr().out.strip() == \
        f"Purged 1 customer deleted more than 30 days ago: {number}."
    assert archive.trash.due_for_purge() == []
    assert count(db, Visit, Visit.customer_id == gone) == 0


# -- the window --------------------------------------------------------------------------------
def test_the_trash_dialog_restores_a_customer_into_the_list(qtbot, db, tmp_path, monkeypatch):
    from tierdesk.ui.main_window import MainWindow

    gone = customer_with_history(db)
    make_customer(db, "乙科技有限公司", mobile="13900139000")
    archive = Archive(db)
    number = archive.customers.customer(gone).number
    window = MainWindow(archive, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        "en")
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 2
    asked = []

    def answer(_parent, _title, text, *_args, **_kw):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.select_customer(gone)
    window.delete_customer()
    assert "goes to the trash for 30 days" in asked[0]
    assert window.model.rowCount() == 1

    [action] = [a for a in window.actions() if a.text() == "&Trash…"]
    action.trigger()
    dialog = window.trash_dialog
    assert dialog.isVisible()
    assert dialog.table.rowCount() == 1
    shown = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert shown[:3] == [number, NAME, "王伟"] and shown[5:8] == ["1", "2", "1"]
    assert shown[4] == db.actor.person
    assert dialog.summary.text() == "1 customer in the trash."
    assert dialog.restore_button.isEnabled()

    with qtbot.waitSignal(dialog.restored) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restored.args == [gone]
    assert window.model.rowCount() == 2                      # in the list at once
    assert window.panel.customer_id == gone
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    assert dialog.summary.text() == f"{number} {NAME} is back in the customer list."
    assert len(archive.customers.open_customer(gone).current.entries) == 2

    # Deleted again, and left in the dialog past its 30 days: Restore says why it cannot,
    # changes nothing, and the dialog shows the trash as it is now.
    archive.customers.delete_customer(gone)
    assert dialog.table.rowCount() == 1                     # the dialog follows the change
    backdate(db, gone, TRASH_DAYS + 1)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *a, **k: warned.append(text))
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and "more than 30 days ago" in warned[0]
    assert dialog.table.rowCount() == 0 and dialog.summary.text() == "The trash is empty."
    assert window.model.rowCount() == 1


def test_the_window_purges_what_is_past_the_trash_when_it_starts(qtbot, db, tmp_path):
    from tierdesk.ui.main_window import MainWindow
    from tierdesk.ui.trash_dialog import purge_when_started

    archive = Archive(db)
    gone = customer_with_history(db)
    waiting = customer_with_history(db, "Beta Handel 乙商行", "13711112222")
    archive.customers.delete_customer(gone)
    archive.customers.delete_customer(waiting)
    backdate(db, gone, TRASH_DAYS + 1)
    window = MainWindow(archive, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        "en")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=15000,
                          check_params_cb=lambda text: "for good" in text) as said:
        purge_when_started(window, archive)
    assert said.args == ["1 customer deleted more than 30 days ago removed for good."]
    assert archive.trash.due_for_purge() == []
    assert count(db, Visit, Visit.customer_id == gone) == 0
    assert [c.id for c in archive.trash.customers()] == [waiting]
