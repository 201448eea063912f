"""Importing customers from workbooks and CSV files: dry run, refusals, duplicates, all or
nothing, and the command line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.conftest import CORPUS, needs_corpus
from tests.helpers import make_customer, write_workbook
from tierdesk.cli import main
from tierdesk.core.store.models import Customer, Region, Salesperson
from tierdesk.excel import importer
from tierdesk.excel.importer import apply_plan, company_key, plan_customers
from tierdesk.excel.reader import Sheet
from tierdesk.excel.values import cell_date

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

HEADER = ["客户编号", "客户名称", "联系人", "手机", "联系电话", "区域", "业务员", "建档日期",
          "等级", "状态"]


def sheet(*rows, title_row=True):
    data = ([["客户档案基本资料表"]] if title_row else []) + [HEADER] + [list(r) for r in rows]
    return Sheet("客户", data)


def row(name="张三贸易有限公司", mobile="13800138000", **extra):
    values = {"客户编号": "", "客户名称": name, "联系人": "李四", "手机": mobile, "联系电话": "",
              "区域": "华东", "业务员": "王伟", "建档日期": "2024-03-05", "等级": "A",
              "状态": "活跃"} | extra
    return [values[h] for h in HEADER]


def count(db, model=Customer):
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def run(db, data, **options):
    with db.write() as session:
        plan = plan_customers(session, data)
        return plan, apply_plan(session, plan, **options)


def test_a_dry_run_writes_nothing_and_says_what_would_happen(db):
    with db.read() as session:
        plan = plan_customers(session, sheet(row(), row("重庆银行股份有限公司", "13912345678",
                                                        业务员="赵敏", 区域="西南")))
    assert plan.counts() == {"new": 2, "matching": 0, "merged_in_file": 0, "rejected": 0}
    assert plan.header_row == 1  # under the title row
    assert plan.new_regions == ["西南"] and plan.new_salespeople == ["赵敏"]
    assert count(db) == 0 and count(db, Salesperson) == 3


def test_an_import_creates_customers_numbered_by_the_rule(db):
    _plan, result = run(db, sheet(row(), row("西安远航包装有限公司", "13912345678", 区域="西北",
                                             等级="Ｂ", 建档日期="2024年3月5日")))
    assert (result.created, result.updated) == (2, 0)
    with db.read() as session:
        customers = {c.name: c for c in session.scalars(select(Customer))}
        regions = {r.name: r.code for r in session.scalars(select(Region))}
        owner = customers["张三贸易有限公司"].salesperson.name
    assert regions["西北"] == "XB"  # a new region gets the initials of its name as its code
    xian = customers["西安远航包装有限公司"]
    assert (xian.number, xian.tier, xian.customer_since, xian.status) == (
        "XB-B-00002", "B", dt.date(2024, 3, 5), "active")
    assert owner == "王伟"


def test_the_same_customer_twice_in_a_file_becomes_one(db):
    first = row(联系电话="")
    again = row(name="张三贸易 有限责任公司", mobile="+86 138 0013 8000",
                联系电话="0571-87654321", 联系人="")
    plan, result = run(db, sheet(first, again))
    assert plan.counts()["merged_in_file"] == 1 and result.created == 1
    with db.read() as session:
        customer = session.scalar(select(Customer))
    # The second row filled what the first left empty.
    assert (customer.contact_name, customer.landline) == ("李四", "0571-87654321")


def test_rows_matching_the_archive_are_updated_skipped_or_created(db):
    make_customer(db, "张三贸易有限公司", mobile="13800138000", contact="李四")
    changed = row(name="张三贸易(有限公司)", 联系人="李四四")
    plan, result = run(db, sheet(changed))
    assert plan.matching[0].matched_by == "name+phone"
    assert (result.created, result.updated) == (0, 1)
    with db.read() as session:
        assert session.scalar(select(Customer.contact_name)) == "李四四"
    _plan, result = run(db, sheet(changed), duplicates="skip")
    assert (result.created, result.updated, result.skipped) == (0, 0, 1)
    _plan, result = run(db, sheet(changed), duplicates="create")
    assert result.created == 1 and count(db) == 2


def test_a_row_with_a_known_number_matches_by_number(db):
    make_customer(db, "甲公司", tier="A")
    plan, result = run(db, sheet(row(name="甲公司（新名）", mobile="13911112222",
                                     客户编号="hd-a-00001")))
    assert plan.matching[0].matched_by == "number" and result.updated == 1
    with db.read() as session:
        assert session.scalar(select(Customer.name)) == "甲公司（新名）"  # as typed


def test_refused_rows_name_the_row_the_column_and_the_reason(db, tmp_path):
    data = sheet(row(), row("乙公司", mobile="1380013800"), row(""),
                 row("丙公司", mobile="13700001111", 建档日期="2023-02-30"),
                 row("丁公司", mobile="1.38001E+10"), row("戊公司", 状态="合作过"))
    plan, result = run(db, data)
    assert [(p.row, p.column) for p in plan.rejected] == [
        (4, "手机"), (5, "客户名称"), (6, "建档日期"), (7, "手机"), (8, "状态")]
    reasons = [p.render() for p in plan.rejected]
    assert "11 digits" in reasons[0] and "no such date" in reasons[2]
    assert "Excel shortened this number" in reasons[3]
    assert result.created == 1
    out = tmp_path / "refused.xlsx"
    assert importer.write_refused_rows([plan], str(out)) == 5
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "Row" and rows[0][-1] == "Why it was refused"
    assert rows[1][:3] == (4, None, "乙公司") and rows[1][-1].startswith("手机: A mobile")


def test_an_import_is_all_or_nothing(db, monkeypatch):
    real = importer.create_customers

    def failing(session, rows, **kwargs):
        real(session, rows[:2], **kwargs)  # two customers are written, then the disk fills
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "create_customers", failing)
    with pytest.raises(RuntimeError):
        run(db, sheet(row("甲"), row("乙", "13911112222"), row("丙", "13922223333", 区域="华南")))
    assert count(db) == 0 and count(db, Region) == 2 and count(db, Salesperson) == 3


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", dt.date(2024, 3, 5)), ("2024/3/5", dt.date(2024, 3, 5)),
    ("2024.3.5", dt.date(2024, 3, 5)), ("2024年3月5日", dt.date(2024, 3, 5)),
    ("20240305", dt.date(2024, 3, 5)), (20240305, dt.date(2024, 3, 5)),
    (45356, dt.date(2024, 3, 5)), (45356.0, dt.date(2024, 3, 5)),
    (dt.datetime(2024, 3, 5, 9, 30), dt.date(2024, 3, 5)), (None, None), ("", None),
])
def test_dates_as_people_type_them_in_spreadsheets(value, expected):
    assert cell_date("d", value) == expected


def test_excel_1904_serials():
    assert cell_date("d", 43894, date1904=True) == dt.date(2024, 3, 5)


def test_company_names_match_without_their_legal_suffix():
    assert company_key("张三贸易有限公司") == company_key("张三贸易 有限责任公司")
    assert company_key("Acme Trading Co.") == company_key("ACME TRADING CO")


def test_a_sheet_without_a_name_column_is_refused(db):
    with db.read() as session, pytest.raises(Exception, match="no column for the customer"):
        plan_customers(session, Sheet("s", [["电话", "地址"], ["13800138000", "杭州"]]))




def test_import_from_the_command_line(db_path, tmp_path, capsys):
    source = tmp_path / "客户.xlsx"
    write_workbook(source, {"Sheet": [["客户档案基本资料表"], HEADER, row(),
                                      row("乙公司", "1380013800")]})
    errors = tmp_path / "refused.xlsx"
    assert main(["--db", str(db_path), "import", str(source), "--dry-run", "--json",
                 "--errors", str(errors)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] and report["sheets"][0]["counts"]["new"] == 1
    assert report["sheets"][0]["kind"] == "customers"
    assert report["refused"] == [{"sheet": "Sheet", "row": 4, "column": "手机",
                                  "reason": 'A mobile number has 11 digits starting with 1: '
                                            '"1380013800".'}]
    assert errors.exists()
    assert main(["--db", str(db_path), "import", str(source), "--strict"]) == 1
    assert "with --strict nothing was imported" in capsys.readouterr().err
    assert main(["--db", str(db_path), "search", "张三"]) == 0
    assert "(0 found)" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    assert "Imported: 1 created" in capsys.readouterr().out


def test_a_terminal_follows_the_import_and_ctrl_c_stops_it_with_nothing_written(
        db_path, tmp_path, capsys, monkeypatch):
    import sys

    source = tmp_path / "客户.xlsx"
    write_workbook(source, {"Sheet": [HEADER, row(), row("乙公司", "13900139000")]})
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    shown = capsys.readouterr().err
    assert "\r  0 of 2 rows  Sheet" in shown and shown.endswith("2 of 2 rows  \x1b[K\n")

    def pressed_ctrl_c(done, rows, sheet):
        raise KeyboardInterrupt

    monkeypatch.setattr("tierdesk.cli.files.terminal_progress", lambda _unit: pressed_ctrl_c)
    again = tmp_path / "again.xlsx"
    write_workbook(again, {"Sheet": [HEADER, row("丙公司", "13700137000")]})
    assert main(["--db", str(db_path), "import", str(again)]) == 130
    assert capsys.readouterr().err == "\ntierdesk: stopped before it was done.\n"
    assert main(["--db", str(db_path), "search", "丙公司"]) == 0
    assert "(0 found)" in capsys.readouterr().out


def test_a_gbk_csv_file_imports(db_path, tmp_path, capsys):
    source = tmp_path / "客户.csv"
    source.write_bytes("客户名称,联系人,手机,地区\n张三贸易有限公司,李四,13800138000,华东\n"
                       .encode("gbk"))
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "GBK" in out and "1 created" in out


def test_a_csv_file_checked_in_a_dry_run_is_then_imported(db, tmp_path):
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook, survey

    source = tmp_path / "客户.csv"
    source.write_text("客户名称,手机\n张三贸易有限公司,13800138000\n", encoding="utf-8-sig")
    book = open_workbook(source)               # as the import window holds it throughout
    choices, _skipped = survey(book)
    assert import_workbook(db, book, choices=choices, dry_run=True).written is None
    outcome = import_workbook(db, book, choices=choices)
    assert outcome.written["customers_created"] == 1


@needs_corpus
def test_an_unreadable_file_is_refused_in_one_line(db_path, tmp_path, capsys):
    truncated = CORPUS / "online-retail" / "online_retail_truncated.xlsx"
    assert main(["--db", str(db_path), "import", str(truncated)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "damaged or incomplete" in err


def test_a_saved_column_mapping_reads_the_next_file(db_path, tmp_path, capsys):
    odd = tmp_path / "odd.xlsx"
    write_workbook(odd, {"Sheet": [["户名", "号码"], ["张三贸易有限公司", "13800138000"]]})
    assert main(["--db", str(db_path), "import", str(odd), "--dry-run"]) == 1
    assert "no column for the customer name" in capsys.readouterr().err
    # A mapping saved once (here made with the command line's own understanding of a file
    # whose columns it knows) is laid on later files by column name.
    from tierdesk.core.store.db import open_database
    from tierdesk.excel.columns import save_mapping

    database = open_database(db_path)
    save_mapping(database, "老档案", ["户名", "号码"], {0: "name", 1: "mobile"})
    database.close()
    assert main(["--db", str(db_path), "import", str(odd), "--mapping", "老档案"]) == 0
    assert "1 created" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", str(odd), "--mapping", "无此"]) == 1
    assert "no saved column mapping called 无此" in capsys.readouterr().err
