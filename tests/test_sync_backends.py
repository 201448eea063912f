"""The same month of field work, exchanged with an office kept in an SQLite file and with one
kept in PostgreSQL, ends in the same state: the same customers, numbers, values, visits and
conflicts at the office and on each laptop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.master_file import CustomerInput
from tierdesk.core.store.db import Database, open_database
from tierdesk.core.store.models import Customer, Salesperson, SyncConflict, Visit, VisitCard

DAY = dt.date(2026, 11, 2)


def notes(archive: Archive, customer, text: str) -> None:  # type: ignore[no-untyped-def]
    data = archive.customers.customer(customer).to_input()
    data.notes = text
    archive.customers.update_customer(customer, data)


def month(office_db: Database, folder: Path) -> dict[str, Any]:
    """A month of an office and two laptops; the state of all three at the end."""
    office = Archive(office_db)
    a = make_customer(office_db, "甲贸易有限公司", salesperson="S001", mobile="13900000001")
    b = make_customer(office_db, "乙科技有限公司", salesperson="S001", mobile="13900000002")
    c = make_customer(office_db, "丙商行", salesperson="S002", mobile="13900000003")
    d = make_customer(office_db, "丁五金店", salesperson="S003", mobile="13900000004")
    office.sync.checkout(folder / "s001.sqlite", "S001")
    office.sync.checkout(folder / "s002.sqlite", "S002")
    first, second = (open_database(folder / f"{code}.sqlite", backup_dir=folder / "b")
                     for code in ("s001", "s002"))
    try:
        one, two = Archive(first), Archive(second)
        for offset in range(3):
            one.customers.add_visit(a, VisitInput(visit_date=DAY + dt.timedelta(days=offset),
                                                  purpose=f"拜访{offset}"))
        notes(one, b, "笔记本：周三方便")
        one.customers.create_customer(CustomerInput(name="戊新客户", mobile="13900000005"))
        notes(office, b, "办公室：改到周五")
        office.customers.add_visit(a, VisitInput(visit_date=DAY, purpose="办公室来电",
                                                 channel="phone"))
        office.customers.delete_customer(c)
        notes(two, c, "还在合作")
        with office_db.read() as session:
            s001 = session.scalar(select(Salesperson.id).where(Salesperson.code == "S001"))
        data = office.customers.customer(d).to_input()
        data.salesperson_id = s001
        office.customers.update_customer(d, data)
        one.sync.bundle_out(folder / "s001.tdx")
        office.sync.bundle_in(folder / "s001.tdx")
        office.sync.bundle_out(folder / "to-s001.tdx", for_code="S001")
        one.sync.bundle_in(folder / "to-s001.tdx")
        two.sync.exchange_with(office_db.url)
        for conflict in office.sync.conflicts():
            # The laptop's notes win; the customer the office deleted stays deleted.
            office.sync.resolve(conflict.id, take="incoming" if conflict.kind == "field"
                                else "office")
        one.sync.exchange_with(office_db.url)
        two.sync.exchange_with(office_db.url)
        return {"office": state(office_db), "S001": state(first), "S002": state(second)}
    finally:
        first.close()
        second.close()


def state(db: Database) -> dict[str, Any]:
    with db.read() as session:
        people = {p.id: p.code for p in session.scalars(select(Salesperson))}
        customers = {c.id: c for c in session.scalars(select(Customer))}
        cards = {card.id: card.seq for card in session.scalars(select(VisitCard))}
        return {
            "customers": sorted(
                (c.number, c.name, c.notes, people.get(c.salesperson_id),
                 c.deleted_at is None, str(c.last_visit_on), c.search_key)
                for c in customers.values()),
            "visits": sorted(
                (customers[v.customer_id].number, cards[v.card_id], v.slot,
                 str(v.visit_date), v.channel, v.purpose, v.id.hex)
                for v in session.scalars(select(Visit))),
            "conflicts": sorted(
                (customers[c.customer_id].number if c.customer_id in customers else "",
                 c.field, c.kind, str(c.base), str(c.local), str(c.incoming), c.status)
                for c in session.scalars(select(SyncConflict)))}


def test_an_sqlite_office_and_a_postgresql_office_end_the_same(db, pg_db, tmp_path):
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "postgresql").mkdir()
    on_sqlite = month(db, tmp_path / "sqlite")
    on_postgresql = month(pg_db, tmp_path / "postgresql")
    for side in ("office", "S001", "S002"):
        for part in ("customers", "visits", "conflicts"):
            mine = [row[:-1] if part == "visits" else row for row in on_sqlite[side][part]]
            theirs = [row[:-1] if part == "visits" else row
                      for row in on_postgresql[side][part]]
            assert sorted(mine) == sorted(theirs), (side, part)
    # And that state is the one the month should end in.
    office = {row[1]: row for row in on_sqlite["office"]["customers"]}
    laptop = {row[1]: row for row in on_sqlite["S001"]["customers"]}
    assert office["乙科技有限公司"][2] == laptop["乙科技有限公司"][2] == "笔记本：周三方便"
    assert office["丙商行"][4] is False and office["丙商行"][2] == ""       # stays deleted
    assert office["丁五金店"][3] == laptop["丁五金店"][3] == "S001"          # handed over
    assert office["戊新客户"][3] == "S001"
    assert "丁五金店" not in {row[1] for row in on_sqlite["S002"]["customers"]}
    assert len(on_sqlite["office"]["visits"]) == len(on_sqlite["S001"]["visits"]) == 4
    assert [c[-1] for c in on_sqlite["office"]["conflicts"]] == ["resolved", "resolved"]
