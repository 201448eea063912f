"""Small builders the tests share."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

from tierdesk.core.customers import orders
from tierdesk.core.customers.cards import VisitInput, add_visit
from tierdesk.core.customers.master_file import CustomerInput, create_customer
from tierdesk.core.office.holidays import save_holiday
from tierdesk.core.office.staff import region_by_code, salesperson_by_code
from tierdesk.core.store.db import Database
from tierdesk.core.store.models import Customer


def make_customer(db: Database, name: str = "张三贸易有限公司", *, region: str = "HD",
                  salesperson: str = "S001", tier: str = "", mobile: str = "13800138000",
                  contact: str = "李四", today: dt.date | None = None) -> uuid.UUID:
    with db.write() as session:
        customer = create_customer(session, CustomerInput(
            name=name, contact_name=contact, mobile=mobile,
            region_id=region_by_code(session, region).id,
            salesperson_id=salesperson_by_code(session, salesperson).id, tier=tier),
            today=today)
        return customer.id


def type_into(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` as a person would: ASCII key by key; Chinese as an input method commits
    it (QTest cannot synthesise key events for non-Latin characters)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            edit.insert(char)


def write_workbook(path, sheets: dict[str, list[list[object]]], *,  # type: ignore[no-untyped-def]
                   date1904: bool = False) -> str:
    """An .xlsx file with these sheets, as another program would write it (openpyxl);
    ``date1904``: counting dates from 1904, as older Mac Excel did."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    if date1904:
        book.epoch = CALENDAR_MAC_1904
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return str(path)


def fill_and_save(entries):  # type: ignore[no-untyped-def]
    """Stands in for a person filling a FieldsDialog and pressing Save (each dict in turn):
    text typed, boxes ticked, a choice picked by its value, a date or time set."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    from tierdesk.ui.fields_dialog import FieldsDialog

    pending = list(entries)

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        fake_exec.titles.append(dialog.windowTitle())
        while pending:
            for name, value in pending.pop(0).items():
                if name in dialog.checks:
                    dialog.checks[name].setChecked(value)
                elif name in dialog.choices:
                    combo = dialog.choices[name]
                    combo.setCurrentIndex(combo.findData(value))
                elif name in dialog.times:
                    dialog.times[name].setDateTime(QDateTime(
                        QDate(value.year, value.month, value.day),
                        QTime(value.hour, value.minute)))
                elif name in dialog.dates:
                    dialog.dates[name].setDate(QDate(value.year, value.month, value.day))
                else:
                    dialog.edits[name].setText(value)
            dialog.save()
            if dialog.result() == dialog.DialogCode.Accepted:
                return 1
            fake_exec.refusals.append({k: v.text() for k, v in dialog.errors.items()
                                       if not v.isHidden()})
        return 0

    fake_exec.refusals = []
    fake_exec.titles = []
    return FieldsDialog, fake_exec


PLAN_TODAY = dt.date(2026, 11, 28)


def graded(db: Database, name: str, tier: str, mobile: str, salesperson: str = "S001",
           region: str = "HD") -> uuid.UUID:
    cid = make_customer(db, name, mobile=mobile, salesperson=salesperson, region=region,
                        today=PLAN_TODAY)
    with db.write() as session:
        customer = session.get(Customer, cid)
        customer.tier, customer.status = tier, "active"
        # A customer of long standing: one new to the archive is not yet behind its norm.
        customer.created_at = dt.datetime(2025, 1, 2)
    return cid


def log_contacts(db: Database, cid: uuid.UUID, *entries: tuple[str, str]) -> None:
    with db.write() as session:
        for day, channel in entries:
            add_visit(session, cid, VisitInput(visit_date=day, channel=channel, purpose="回访"),
                      today=PLAN_TODAY)


def order(db: Database, cid: uuid.UUID, day: str, amount: str) -> None:
    with db.write() as session:
        orders.add_order(session, cid, order_date=day, amount=amount, today=PLAN_TODAY)


def plan_office(db: Database) -> dict[str, uuid.UUID]:
    """Six customers whose December needs tests/test_plans.py works out by hand."""
    ids = {
        "A1": graded(db, "甲贸易有限公司", "A", "13800000001"),
        "B1": graded(db, "乙贸易有限公司", "B", "13800000002"),
        "B2": graded(db, "丙贸易有限公司", "B", "13800000003", salesperson="S002"),
        "C1": graded(db, "丁贸易有限公司", "C", "13800000004"),
        "C2": graded(db, "戊贸易有限公司", "C", "13800000005"),
        "D1": graded(db, "己贸易有限公司", "D", "13800000006", salesperson="S003",
                     region="HB"),
    }
    log_contacts(db, ids["A1"], ("2026-11-20", "phone"), ("2026-11-10", "visit"))
    log_contacts(db, ids["B1"], ("2026-10-20", "visit"), ("2026-11-15", "phone"))
    log_contacts(db, ids["C1"], ("2026-09-15", "phone"))
    log_contacts(db, ids["C2"], ("2026-11-01", "phone"))
    order(db, ids["C2"], "2026-07-10", "10000")   # June to August: 10,000
    order(db, ids["C2"], "2026-10-10", "5000")    # September to November: 5,000 (-50%)
    order(db, ids["D1"], "2026-11-25", "3000")    # callbacks on 2 and 25 December
    with db.write() as session:
        save_holiday(session, day="2026-12-25", name="圣诞节")
    return ids


def break_an_index(path):
    """An index that no longer matches its table (its rows changed while SQLite thought the
    index covered none of them)."""
    with sqlite3.connect(path) as raw:
        sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = "
                          "'ix_customer_region_id'").fetchone()[0]
        raw.execute("PRAGMA writable_schema=ON")
        raw.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'ix_customer_region_id'",
                    (sql + " WHERE 0",))
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE customer SET region_id = NULL")
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA writable_schema=ON")
        raw.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'ix_customer_region_id'",
                    (sql,))
