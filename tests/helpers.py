"""Small builders the tests share."""

from __future__ import annotations

import datetime as dt
import uuid

from tierdesk.core.customers import CustomerInput, create_customer
from tierdesk.core.db import Database
from tierdesk.core.office import region_by_code, salesperson_by_code


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


def write_workbook(path, sheets: dict[str, list[list[object]]]) -> str:  # type: ignore[no-untyped-def]
    """An .xlsx file with these sheets, as another program would write it (openpyxl)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return str(path)
