"""Workbooks TierDesk writes, read back as a spreadsheet user's program would."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store.db import open_database
from tierdesk.core.store.models import Customer
from tierdesk.excel.writer import Table, write_tables

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = tmp_path / "t.xlsx"
    nasty = ["=1+1", "+86 138", "-5 元", "@SUM(A1)", "\tTAB", "=HYPERLINK(\"http://x\")"]
    write_tables(path, [Table("客户", ["值"], [[v] for v in nasty])])
    sheet = load_workbook(path).active
    cells = [sheet.cell(row=r, column=1) for r in range(2, 2 + len(nasty))]
    assert [c.value for c in cells] == nasty
    assert {c.data_type for c in cells} == {"s"}


def test_headers_dates_numbers_and_layout(tmp_path):
    path = tmp_path / "t.xlsx"
    write_tables(path, [Table("客户", ["客户名称", "日期", "金额"],
                              [["张三贸易有限公司", dt.date(2024, 3, 5), 12000.5]])])
    sheet = load_workbook(path).active
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C2"
    assert sheet["B2"].is_date and sheet["B2"].value.date() == dt.date(2024, 3, 5)
    assert sheet["C2"].value == 12000.5 and sheet["A2"].value == "张三贸易有限公司"
    assert sheet.column_dimensions["A"].width >= 16  # wide enough for the Chinese name


def test_long_tables_continue_on_further_sheets(tmp_path):
    path = tmp_path / "t.xlsx"
    names = write_tables(path, [Table("Visits", ["n"], ([i] for i in range(7)))], max_rows=4)
    assert names == ["Visits", "Visits (2)", "Visits (3)"]
    book = load_workbook(path)
    assert [[c.value for c in row] for row in book["Visits (3)"].iter_rows()] == [["n"], [6]]


def test_export_all_and_import_into_an_empty_archive_gives_the_same_customers(
        db, db_path, tmp_path, capsys):
    archive = Archive(db)
    first = make_customer(db, "张三贸易有限公司", tier="A")
    make_customer(db, "=重庆银行股份有限公司", mobile="13912345678", contact="王五",
                  region="HB", salesperson="S003")
    archive.customers.add_visit(first, VisitInput(visit_date="2026-01-05", channel="phone",
                                        purpose="回款跟进", summary="约定月底付款"))
    out = tmp_path / "all.xlsx"
    assert main(["--db", str(db_path), "export", "all", str(out)]) == 0
    assert load_workbook(out).sheetnames == ["Customers", "Visits", "Orders", "Payments"]
    fresh = tmp_path / "fresh.sqlite"
    assert main(["new", str(fresh)]) == 0                # an archive is started on purpose
    assert main(["--db", str(fresh), "import", str(out), "--sheet", "Customers"]) == 0
    capsys.readouterr()

    def customers(location):
        database = open_database(location)
        with database.read() as session:
            rows = session.execute(select(
                Customer.number, Customer.name, Customer.contact_name, Customer.mobile,
                Customer.tier, Customer.status)).all()
        database.close()
        return sorted(rows)

    assert customers(fresh) == customers(db_path)


def test_export_with_filters(db, tmp_path):
    make_customer(db, "甲公司", region="HD")
    make_customer(db, "乙公司", region="HB", salesperson="S003", mobile="13912345678")
    out = tmp_path / "north.xlsx"
    assert main(["--db", db.url, "export", "customers", str(out), "--region", "HB"]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["乙公司"]
    assert main(["--db", db.url, "export", "customers", str(out), "--search", "jgs"]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["甲公司"]


def test_exporting_everything_reports_progress_sheet_by_sheet_up_to_the_total(demo_db, tmp_path,
                                                                              monkeypatch):
    from tierdesk.excel import export

    monkeypatch.setattr(export, "PROGRESS_EVERY", 500)
    reports: list[tuple[int, int, str]] = []
    path = tmp_path / "all.xlsx"
    names = export.export_workbook(demo_db, path, export.KINDS,
                                   progress=lambda *r: reports.append(r))
    assert names == ["Customers", "Visits", "Orders", "Payments"]
    assert len(reports) > 2 * len(export.KINDS)  # each sheet's start and end, rows between
    assert {total for _done, total, _text in reports} == {4}
    done = [d for d, _total, _text in reports]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 4
    visits = load_workbook(path, read_only=True)["Visits"].max_row - 1
    assert (2, 4, f"Visits: {visits:,}") in reports and visits > 500
    assert (1, 4, "Visits: 500") in reports
