"""Visits, orders and payments imported with their customers; the whole archive round trip."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from tests.helpers import make_customer, write_workbook
from tierdesk.cli import main
from tierdesk.core.customers.cards import list_cards
from tierdesk.core.office.settings import save_settings
from tierdesk.core.store.models import Customer
from tierdesk.excel.reader import Sheet, open_workbook
from tierdesk.excel.records import sheet_kind
from tierdesk.excel.workbook_import import import_workbook

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

CUSTOMERS = [["客户编号", "客户名称", "联系人", "手机", "区域"],
             ["KH-001", "张三贸易有限公司", "李四", "13800138000", "华东"],
             ["KH-002", "重庆银行股份有限公司", "王五", "13912345678", "西南"]]
VISITS = [["客户编号", "拜访日期", "方式", "目的", "洽谈内容", "下次拜访"]] + [
    ["KH-001", f"2026-0{m}-1{d}", "电话" if d % 2 else "上门拜访", f"第{m}{d}次", "谈价格，约下次",
     None] for m in range(1, 4) for d in range(1, 4)] + [
    ["KH-002", "2026/5/6", "微信", "问候", "", "2026-05-20"],
    ["KH-404", "2026-05-06", "电话", "问候", "", None]]
ORDERS = [["客户名称", "订单日期", "订单号", "产品", "金额", "利润"],
          ["张三贸易有限公司", "2026-02-01", "SO-1", "标准件", "1.2万", "2,000"],
          ["重庆银行股份有限公司", 46055, "SO-2", "维保服务", 8800.5, None]]
PAYMENTS = [["客户编号", "回款日期", "回款金额", "回款方式"],
            ["KH-001", "2026年2月20日", "￥12,000", "银行转账"]]


def test_sheets_are_told_apart_by_their_columns():
    assert sheet_kind(Sheet("Sheet1", CUSTOMERS))[0] == "customers"
    assert sheet_kind(Sheet("Sheet2", VISITS))[0] == "visits"
    assert sheet_kind(Sheet("Sheet3", ORDERS))[0] == "orders"
    assert sheet_kind(Sheet("Sheet4", PAYMENTS))[0] == "payments"
    title = [["2026年回款明细"], *PAYMENTS]
    assert sheet_kind(Sheet("回款", title)) == ("payments", 1)


def test_history_is_filed_with_its_customers_in_one_import(db, tmp_path):
    with db.write() as session:
        save_settings(session, card_size=7)
    path = write_workbook(tmp_path / "archive.xlsx", {"拜访": VISITS, "客户": CUSTOMERS,
                                                "订单": ORDERS, "回款": PAYMENTS})
    outcome = import_workbook(db, open_workbook(path))
    assert [s.kind for s in outcome.sheets] == ["customers", "visits", "orders", "payments"]
    assert outcome.written == {"customers_created": 2, "customers_updated": 0,
                               "customers_skipped": 0, "visits": 10, "orders": 2,
                               "payments": 1}
    assert [(p.sheet, p.row, p.column) for p in outcome.refused] == [("拜访", 12, "客户编号")]
    assert "no customer numbered KH-404" in outcome.refused[0].render()
    with db.read() as session:
        zhang = session.scalar(select(Customer).where(Customer.number == "KH-001"))
        cards = list_cards(session, zhang.id)
    # Nine visits on cards of seven: the first card archived on its seventh visit's date.
    assert [(c.seq, len(c.entries), c.opened_on, c.closed_on) for c in cards] == [
        (1, 7, dt.date(2026, 1, 11), dt.date(2026, 3, 11)),
        (2, 2, dt.date(2026, 3, 12), None)]
    assert [e.purpose for e in cards[0].entries][:3] == ["第11次", "第12次", "第13次"]
    assert cards[0].entries[0].summary == "谈价格，约下次"  # Chinese punctuation intact
    assert cards[0].entries[0].channel == "phone" and cards[0].entries[1].channel == "visit"
    assert zhang.last_visit_on == dt.date(2026, 3, 13)


def test_importing_the_same_history_again_files_nothing_twice(db, tmp_path):
    path = write_workbook(tmp_path / "archive.xlsx", {"客户": CUSTOMERS, "订单": ORDERS})
    import_workbook(db, open_workbook(path))
    again = import_workbook(db, open_workbook(path))
    assert again.written["orders"] == 0
    assert again.sheets[1].counts == {"new": 0, "already_there": 2, "rejected": 0}


def test_a_dry_run_links_history_to_customers_the_file_would_create(db, tmp_path):
    path = write_workbook(tmp_path / "archive.xlsx", {"客户": CUSTOMERS, "订单": ORDERS})
    outcome = import_workbook(db, open_workbook(path), dry_run=True)
    assert outcome.written is None
    assert outcome.sheets[1].counts == {"new": 2, "already_there": 0, "rejected": 0}
    with db.read() as session:
        assert session.scalars(select(Customer)).all() == []


def test_history_for_existing_customers_links_by_number_or_unique_name(db, tmp_path):
    make_customer(db, "张三贸易有限公司")
    path = write_workbook(tmp_path / "orders.xlsx", {"订单": ORDERS})
    outcome = import_workbook(db, open_workbook(path))
    assert outcome.written["orders"] == 1
    assert [(p.row, p.column) for p in outcome.refused] == [(3, "客户名称")]
    assert "no customer called 重庆银行股份有限公司" in outcome.refused[0].render()


def test_exporting_everything_and_importing_it_reproduces_the_archive(demo_db, tmp_path,
                                                                       capsys):
    source = demo_db.path
    out = tmp_path / "everything.xlsx"
    assert main(["--db", str(source), "export", "all", str(out)]) == 0
    fresh = tmp_path / "fresh.sqlite"
    assert main(["new", str(fresh)]) == 0
    assert main(["--db", str(fresh), "import", str(out)]) == 0
    capsys.readouterr()
    queries = {
        "customers": "SELECT c.number, c.name, c.contact_name, c.mobile, c.landline, c.email,"
                     " c.wechat, c.address, c.industry, c.tier, c.status, c.potential,"
                     " c.customer_since, c.last_visit_on, c.next_visit_on, c.notes, r.code,"
                     " r.name, s.code, s.name FROM customer c"
                     " LEFT JOIN region r ON r.id = c.region_id"
                     " LEFT JOIN salesperson s ON s.id = c.salesperson_id",
        "visits": "SELECT c.number, k.seq, k.opened_on, k.closed_on, v.slot, v.visit_date,"
                  " v.channel, v.purpose, v.summary, v.outcome, v.next_step, v.next_visit_on"
                  " FROM visit v JOIN customer c ON c.id = v.customer_id"
                  " JOIN visit_card k ON k.id = v.card_id",
        "orders": "SELECT c.number, o.order_date, o.reference, o.product, o.amount_cents,"
                  " o.profit_cents, o.via_outlet FROM sales_order o"
                  " JOIN customer c ON c.id = o.customer_id",
        "payments": "SELECT c.number, p.paid_on, p.amount_cents, p.method FROM payment p"
                    " JOIN customer c ON c.id = p.customer_id",
    }
    for name, sql in queries.items():
        before = sorted(sqlite3.connect(source).execute(sql).fetchall())
        after = sorted(sqlite3.connect(fresh).execute(sql).fetchall())
        assert len(before) > 200, name
        assert after == before, name


def _indexes(db):
    with db.read() as session:
        return session.connection().exec_driver_sql(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('customer', 'visit', 'visit_card', 'sales_order', 'payment') "
            "ORDER BY name").all()


@pytest.mark.sqlite_only   # SQLite's indexes, built after the rows
def test_history_outnumbering_the_archive_is_written_before_its_indexes_are_built(
        db, tmp_path, monkeypatch):
    from tierdesk.core.store import raw
    from tierdesk.excel import records

    monkeypatch.setattr(raw, "BULK_ROWS", 1)      # as when a whole old archive comes in
    before = _indexes(db)
    assert {row[0] for row in before} == {"customer", "visit", "visit_card", "sales_order",
                                          "payment"}
    path = write_workbook(tmp_path / "archive.xlsx", {"客户": CUSTOMERS, "拜访": VISITS,
                                                "订单": ORDERS, "回款": PAYMENTS})
    real = records.file_past_visits

    def fails_half_way(session, visits, progress=None):
        real(session, visits, progress)
        names = session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'").scalars().all()
        assert "ix_visit_customer_date" not in names     # built after the rows are in
        assert "ix_customer_pass" not in names           # ... and after the visits are filed
        assert {"sqlite_autoindex_visit_1", "sqlite_autoindex_visit_2"} <= set(names)
        raise OSError("disk full")

    monkeypatch.setattr(records, "file_past_visits", fails_half_way)
    with pytest.raises(OSError):
        import_workbook(db, open_workbook(path))
    assert _indexes(db) == before
    with db.read() as session:
        assert session.scalars(select(Customer)).all() == []

    monkeypatch.setattr(records, "file_past_visits", real)
    outcome = import_workbook(db, open_workbook(path))
    assert outcome.written["visits"] == 10 and outcome.written["orders"] == 2
    assert _indexes(db) == before
    with db.read() as session:
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT visit_date FROM visit WHERE customer_id = ? "
            "ORDER BY visit_date", ("0" * 32,)).all()
        zhang = session.scalar(select(Customer).where(Customer.number == "KH-001"))
        assert len(list_cards(session, zhang.id)) == 1 + 9 // 10
    assert "ix_visit_customer_date" in str(plan)


@pytest.mark.parametrize("date1904, expected", [(False, dt.date(2020, 3, 4)),
                                                (True, dt.date(2024, 3, 5))])
def test_date_serials_typed_as_numbers_count_as_the_workbook_counts(db, tmp_path, date1904,
                                                                    expected):
    # 43894 is 2024-03-05 in a workbook counting from 1904 and 2020-03-04 in one from 1900;
    # a real date cell is the same date either way.
    customers = [["客户编号", "客户名称", "建档日期"], ["KH-1", "甲公司", 43894],
                 ["KH-2", "乙公司", dt.datetime(2021, 6, 1)]]
    visits = [["客户编号", "拜访日期", "洽谈内容"], ["KH-1", 43894, "问候"],
              ["KH-2", dt.datetime(2021, 6, 2), "问候"]]
    path = write_workbook(tmp_path / "old.xlsx", {"客户": customers, "拜访": visits},
                          date1904=date1904)
    outcome = import_workbook(db, open_workbook(path))
    assert outcome.refused == []
    with db.read() as session:
        found = {c.number: c for c in session.scalars(select(Customer))}
        assert found["KH-1"].customer_since == expected
        assert found["KH-1"].last_visit_on == expected
        assert found["KH-2"].customer_since == dt.date(2021, 6, 1)
        assert found["KH-2"].last_visit_on == dt.date(2021, 6, 2)


@pytest.fixture
def often(monkeypatch):
    """Progress told every few rows, as every few thousand are in a large archive."""
    from tierdesk.core.customers import cards
    from tierdesk.excel import importer

    monkeypatch.setattr(importer, "PROGRESS_EVERY", 50)
    monkeypatch.setattr(cards, "PROGRESS_CUSTOMERS", 20)


def _large_archive(tmp_path, customers=300, visits=3):
    rows = [["客户编号", "客户名称", "手机"]] + [
        [f"KH-{i:05d}", f"客户{i}号有限公司", f"138{i:08d}"] for i in range(customers)]
    history = [["客户编号", "拜访日期", "洽谈内容"]] + [
        [f"KH-{i:05d}", dt.date(2025, 1 + v, 1 + i % 28), "问候"] for i in range(customers)
        for v in range(visits)]
    return write_workbook(tmp_path / "large.xlsx", {"客户": rows, "拜访": history})


@pytest.mark.parametrize("dry_run", [False, True])
def test_progress_is_told_in_rows_inside_each_sheet(db, tmp_path, often, dry_run):
    path = _large_archive(tmp_path)
    told = []
    outcome = import_workbook(db, open_workbook(path), dry_run=dry_run,
                              progress=lambda done, rows, sheet: told.append(
                                  (done, rows, sheet)) is None)
    assert outcome.sheets[1].counts["new"] == 900
    # Both sheets' rows, the customers counted in first; the visits once they are read.
    assert told[0][1] == 300 and told[-1][:2] == (1200, 1200)
    assert [t[0] for t in told] == sorted(t[0] for t in told)
    assert {t[2] for t in told} >= {"客户", "拜访"}
    # Told inside each sheet, not only between them.
    assert len({t[0] for t in told if t[2] == "客户"}) >= 3
    assert len({t[0] for t in told if t[2] == "拜访"}) >= 3


@pytest.mark.sqlite_only   # reads SQLite's own catalogue of indexes
@pytest.mark.parametrize("stop_in", ["客户", "拜访"])
def test_an_import_stopped_inside_a_sheet_writes_nothing(db, tmp_path, often, stop_in):
    path = _large_archive(tmp_path)
    told = []

    def report(done, _rows, sheet):
        told.append((done, sheet))
        return sum(1 for _d, s in told if s == stop_in) < 4   # the sheet is under way

    before = _indexes(db)
    with pytest.raises(InterruptedError):
        import_workbook(db, open_workbook(path), progress=report)
    inside = [d for d, s in told if s == stop_in]
    assert told[-1][1] == stop_in and inside[0] < inside[-1] < 1200
    assert _indexes(db) == before
    with db.read() as session:
        assert session.scalars(select(Customer)).all() == []
