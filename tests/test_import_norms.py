"""Imported customers and the contact norms: a customer new to the archive is not overdue
before its first norm interval has run, and an imported visit counts as its last contact."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from tests.helpers import write_workbook
from tierdesk.core.archive import Archive
from tierdesk.core.store.models import Customer
from tierdesk.core.tiers import norms
from tierdesk.excel.reader import open_workbook
from tierdesk.excel.workbook_import import import_workbook
from tierdesk.ui.customer_panel import CustomerPanel

TODAY = dt.date.today()


def imported(db, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "客户档案.xlsx"
    called = TODAY - dt.timedelta(days=40)
    write_workbook(path, {
        "客户资料": [["客户编号", "客户名称", "电话", "客户级别", "合作开始日期"],
                 ["KH01", "甲贸易有限公司", "13800138000", "A级", "2019-03-01"],
                 ["KH02", "乙贸易有限公司", "021-12345678", "A类", "2019-03-01"],
                 ["KH03", "丙贸易有限公司", "13900139000", "重点客户", "2018-05-01"]],
        "拜访记录": [["拜访日期", "客户编号", "拜访方式", "沟通内容"],
                 [called.isoformat(), "KH02", "电话回访", "问需求"]]})
    outcome = import_workbook(db, open_workbook(path))
    assert outcome.refused == []
    with db.write() as session:   # KH03 came into the archive 20 days ago
        session.execute(update(Customer).where(Customer.number == "KH03").values(
            created_at=dt.datetime.combine(TODAY - dt.timedelta(days=20), dt.time())))
        return {c.number: c.id for c in session.scalars(select(Customer))}, called


def test_a_customer_new_to_the_archive_is_not_overdue_before_its_first_interval(db, tmp_path):
    ids, called = imported(db, tmp_path)
    with db.read() as session:
        report = norms.norm_report(session, TODAY).by_key()
        new = report[ids["KH01"].hex]
        assert (new.call.overdue_days, new.visit.overdue_days) == (0, 0)
        assert not new.overdue
        # An imported call is its last contact; a top-tier norm asks two calls a month.
        contacted = report[ids["KH02"].hex]
        assert contacted.call.last == called
        assert contacted.call.overdue_days == 40 - 15
        assert session.get(Customer, ids["KH02"]).last_visit_on == called
        # Added 20 days ago, never called: overdue by the 5 days past its interval.
        assert report[ids["KH03"].hex].call.overdue_days == 20 - 15
        assert report[ids["KH03"].hex].visit.overdue_days == 0


def test_the_card_header_of_a_just_imported_customer_says_nothing_overdue(qtbot, db,
                                                                          tmp_path):
    ids, _called = imported(db, tmp_path)
    panel = CustomerPanel(Archive(db))
    qtbot.addWidget(panel)
    panel.show_customer(ids["KH01"])
    text = panel.norm_label.text()
    assert "overdue" not in text
    assert text == "Contact norm: 2 calls still due this month · 1 visit still due this month"
    panel.show_customer(ids["KH02"])
    assert "call overdue by 25 days" in panel.norm_label.text()
