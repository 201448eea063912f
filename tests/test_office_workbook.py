"""An office's own first workbook, typed the way Chinese offices type their customer archive
(a customer sheet and a visits sheet), comes in whole: every heading and value variant below
was collected from the customer-archive and visit-record templates such offices keep."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select

from tierdesk.core.store.models import Contact, Customer, Visit
from tierdesk.excel import columns, records
from tierdesk.excel.reader import open_workbook
from tierdesk.excel.values import cell_any_phone, cell_tier
from tierdesk.excel.workbook_import import import_workbook

TODAY = dt.date.today()
PHONES = [  # (as typed, mobile, landline)
    ("021-12345678", "", "021-12345678"),
    ("0571 8888 6666", "", "0571-88886666"),
    ("138 0013 8000", "13800138000", ""),
    ("+86 139 1234 5678", "13912345678", ""),
    ("13700137000", "13700137000", ""),
    ("(010)66553344", "", "010-66553344"),
    ("0755-26543210转8001", "", "0755-26543210-8001"),
    ("+86-13600136000", "13600136000", ""),
    ("13500135000/0512-65432100", "13500135000", "0512-65432100"),
]
TIERS = [("A", "A"), ("A级", "A"), ("A类", "A"), ("重点客户", "A"), ("B级", "B"),
         ("B类客户", "B"), ("C级", "C"), ("c", "C"), ("D级", "D"), ("ＶＩＰ", "A"), ("二级", "B")]
CHANNELS = [("上门拜访", "visit"), ("电话回访", "phone"), ("电话", "phone"),
            ("微信沟通", "wechat"), ("邮件", "email"), ("短信", "sms"), ("信函", "letter"),
            ("面谈", "visit"), ("走访", "visit"), ("电话沟通", "phone")]


def office_workbook(path, customers=152, visits=898, *, variant=0):  # type: ignore[no-untyped-def]
    """The workbook an office brings: headings as it types them (three ways of heading each
    column, picked by ``variant``), a title row, mixed phones, tiers, dates as cells and text."""
    import xlsxwriter

    rng = random.Random(7 + variant)
    heads = [("客户编号", "编号", "客户编码"), ("客户名称", "单位名称", "公司名称"),
             ("联系人", "联系人", "对接人"), ("电话", "联系电话", "联系方式"),
             ("客户级别", "客户等级", "级别"), ("联系人生日", "生日", "出生日期"),
             ("合作开始日期", "开始合作时间", "建档日期"), ("所属区域", "区域", "所在地区"),
             ("业务员", "负责人", "跟进人"), ("地址", "联系地址", "详细地址"),
             ("行业", "所属行业", "行业类别"), ("备注", "备注", "说明")]
    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("客户资料")
    sheet.write(0, 0, "客户档案登记表")
    sheet.write_row(1, 0, [h[variant] for h in heads])
    expected = []
    for i in range(customers):
        number = f"KH{i + 1:04d}"
        name = f"{['华东', '西南', '华北'][i % 3]}测试{i:03d}贸易有限公司"
        phone = PHONES[i % len(PHONES)]
        tier = TIERS[i % len(TIERS)]
        birthday = dt.date(1960 + i % 35, 1 + i % 12, 1 + i % 28)
        since = dt.date(2015 + i % 9, 1 + i % 12, 1 + i % 27)
        r = i + 2
        sheet.write_string(r, 0, number)
        sheet.write_string(r, 1, name)
        sheet.write_string(r, 2, f"联系人{i}")
        if isinstance(phone[0], str) and phone[0].isdigit():
            sheet.write_number(r, 3, int(phone[0]))       # a mobile typed as a number
        else:
            sheet.write_string(r, 3, phone[0])
        sheet.write_string(r, 4, tier[0])
        if i % 2:
            sheet.write_datetime(r, 5, dt.datetime.combine(birthday, dt.time()), day)
        else:
            sheet.write_string(r, 5, f"{birthday.year}年{birthday.month}月{birthday.day}日")
        if i % 3:
            sheet.write_datetime(r, 6, dt.datetime.combine(since, dt.time()), day)
        else:
            sheet.write_string(r, 6, since.strftime("%Y/%m/%d"))
        sheet.write_row(r, 7, [["浦东", "渝中", "朝阳"][i % 3], ["王伟", "李娜", "张敏"][i % 3],
                               f"某路{i}号", ["制造", "零售", "物流"][i % 3], ""])
        expected.append((number, name, phone[1], phone[2], tier[1], birthday, since))
    visit_heads = [("拜访日期", "日期", "跟进日期"), ("客户名称", "客户编号", "客户名称"),
                   ("拜访方式", "联系方式", "沟通方式"), ("沟通内容", "拜访内容", "跟进内容"),
                   ("结果", "拜访结果", "结果"), ("下一步", "下一步计划", "下一步"),
                   ("下次拜访日期", "下次拜访", "下次拜访时间")]
    sheet = book.add_worksheet("拜访记录")
    sheet.write_row(0, 0, [h[variant] for h in visit_heads])
    by_link = variant == 1
    planned = []
    for v in range(visits):
        number, name, *_rest = expected[rng.randrange(customers)]
        when = TODAY - dt.timedelta(days=1 + rng.randrange(400))
        word, channel = CHANNELS[v % len(CHANNELS)]
        r = v + 1
        sheet.write_datetime(r, 0, dt.datetime.combine(when, dt.time()), day)
        sheet.write_string(r, 1, number if by_link else name)
        sheet.write_string(r, 2, word)
        sheet.write_string(r, 3, f"第{v}次沟通：介绍新品")
        sheet.write_row(r, 4, ["有意向", "寄样品"])
        sheet.write_string(r, 6, (when + dt.timedelta(days=30)).isoformat())
        planned.append((number, when, channel))
    book.close()
    return expected, planned


@pytest.mark.parametrize("variant", [0, 1, 2])
def test_an_offices_own_workbook_comes_in_whole(db, tmp_path, variant):
    path = tmp_path / "客户档案.xlsx"
    expected, planned = office_workbook(path, variant=variant)
    outcome = import_workbook(db, open_workbook(path))
    assert [p.render() for p in outcome.refused] == []
    assert [(s.kind, s.counts["new"]) for s in outcome.sheets] == [("customers", 152),
                                                                   ("visits", 898)]
    with db.read() as session:
        got = {c.number: c for c in session.scalars(select(Customer))}
        assert len(got) == 152
        for number, name, mobile, landline, tier, _birthday, since in expected:
            customer = got[number]
            assert (customer.name, customer.mobile, customer.landline, customer.tier,
                    customer.customer_since) == (name, mobile, landline, tier, since)
        assert got["KH0001"].salesperson.name == "王伟"
        assert got["KH0002"].region.name == "渝中"
        birthdays = {c.customer.number: (c.name, c.birthday, c.is_primary)
                     for c in session.scalars(select(Contact))}
        assert birthdays == {number: (f"联系人{i}", birthday, True) for i, (
            number, _n, _m, _l, _t, birthday, _s) in enumerate(expected)}
        visits = sorted(tuple(r) for r in session.execute(
            select(Customer.number, Visit.visit_date, Visit.channel).join(
                Customer, Customer.id == Visit.customer_id)))
        assert visits == sorted(planned)
        # The customers' last contact is the latest imported visit.
        latest: dict[str, dt.date] = {}
        for number, when, _channel in planned:
            latest[number] = max(when, latest.get(number, when))
        assert {n: c.last_visit_on for n, c in got.items() if n in latest} == latest


@pytest.mark.parametrize(("typed", "mobile", "landline"), PHONES)
def test_a_phone_column_puts_each_number_where_it_belongs(typed, mobile, landline):
    assert cell_any_phone("phone", typed) == (mobile, landline)


@pytest.mark.parametrize(("typed", "tier"), [
    *TIERS, ("a", "A"), ("Ａ", "A"), ("A级客户", "A"), ("A类客户", "A"), ("b 级", "B"),
    ("一级", "A"), ("1级", "A"), ("三类", "C"), ("甲级", "A"), ("丁类", "D"),
    ("重要客户", "A"), ("核心客户", "A"), ("VIP客户", "A"), ("大客户", "A")])
def test_tier_values_as_offices_write_them(typed, tier):
    assert cell_tier(typed) == tier


@pytest.mark.parametrize(("field", "heading"), [
    (field, heading) for field, headings in columns.CUSTOMER_FIELDS.items()
    for heading in headings])
def test_each_customer_heading_variant_is_recognised(field, heading):
    assert columns.auto_map(["备忘", heading]) == {1: field}


@pytest.mark.parametrize(("field", "heading"), [
    (field, heading) for field, headings in records.RECORD_FIELDS["visits"].items()
    for heading in headings])
def test_each_visit_heading_variant_is_recognised(field, heading):
    assert records.map_columns("visits", ["备忘", heading]) == {1: field}


@pytest.mark.parametrize(("word", "channel"), sorted(records.CHANNEL_WORDS.items()))
def test_each_channel_word_is_understood(word, channel):
    assert records.visit_channel(word) == channel


def test_an_unknown_channel_word_refuses_its_row_and_the_import_goes_on(db, tmp_path):
    from tests.helpers import write_workbook

    path = tmp_path / "book.xlsx"
    write_workbook(path, {
        "客户": [["客户名称", "电话"], ["甲公司", "13800138000"], ["乙公司", "021-12345678"]],
        "拜访记录": [["日期", "客户名称", "拜访方式", "沟通内容"],
                   ["2024-05-01", "甲公司", "其他", "送资料"],
                   ["2024-05-02", "甲公司", "QQ", "报价"],
                   ["2024-05-03", "乙公司", "电话回访", "回访"],
                   ["2099-05-03", "乙公司", "飞鸽", ""]]})
    outcome = import_workbook(db, open_workbook(path))
    visits = outcome.sheets[1]
    assert visits.counts == {"new": 1, "already_there": 0, "rejected": 3}
    reasons = [(p.row, p.column, p.render()) for p in outcome.refused]
    assert reasons[:2] == [
        (2, "拜访方式", "Unknown way of contact \"其他\"; write 上门拜访, 电话, 微信, 邮件, "
                      "短信 or 信函."),
        (3, "拜访方式", "Unknown way of contact \"QQ\"; write 上门拜访, 电话, 微信, 邮件, "
                      "短信 or 信函.")]
    assert [r[0] for r in reasons[2:]] == [5]
    with db.read() as session:
        assert [v.channel for v in session.scalars(select(Visit))] == ["phone"]


def test_the_summary_counts_each_refused_row_once(db):
    from tierdesk.excel.importer import plan_customers
    from tierdesk.excel.reader import Sheet

    rows = [["客户名称", "手机", "建档日期", "状态"],
            ["甲公司", "12", "明天", "不知道"],       # three problems, one row
            ["乙公司", "13800138000", "2024-01-01", "活跃"],
            ["丙公司", "abc", "", ""]]
    with db.read() as session:
        plan = plan_customers(session, Sheet("客户", rows))
    assert len(plan.rejected) == 4
    assert plan.counts()["rejected"] == 2


def test_strict_counts_refused_rows_not_problems(db_path, tmp_path, capsys):
    from tests.helpers import write_workbook
    from tierdesk.cli import main

    source = write_workbook(tmp_path / "book.xlsx", {"客户": [
        ["客户名称", "手机", "建档日期", "状态"],
        ["甲公司", "12", "明天", "不知道"], ["乙公司", "13800138000", "", ""]]})
    assert main(["--db", str(db_path), "import", str(source), "--strict"]) == 1
    assert "tierdesk: 1 row refused; with --strict" in capsys.readouterr().err


@pytest.mark.parametrize("headers", [["客户名称", "手机", "电话"], ["客户名称", "电话", "手机"]])
def test_a_phone_column_fills_what_the_mobile_column_leaves_empty(db, headers):
    from tierdesk.excel.importer import plan_customers
    from tierdesk.excel.reader import Sheet

    def row(name, mobile, phone):  # type: ignore[no-untyped-def]
        return [{"客户名称": name, "手机": mobile, "电话": phone}[h] for h in headers]

    rows = [headers, row("甲公司", "", "13800138000"), row("乙公司", "13912345678", "021-12345678"),
            row("丙公司", "13700137000", "13600136000")]
    with db.read() as session:
        plan = plan_customers(session, Sheet("客户", rows))
    assert plan.rejected == []
    from tierdesk.core.customers.master_file import CHECKED_FIELDS
    at = CHECKED_FIELDS.index("mobile"), CHECKED_FIELDS.index("landline")
    assert [(p.checked[at[0]], p.checked[at[1]]) for p in plan.planned] == [
        ("13800138000", ""), ("13912345678", "021-12345678"), ("13700137000", "")]


def test_a_birthday_in_a_second_import_reaches_the_customers_already_there(db, tmp_path):
    from tests.helpers import write_workbook

    first = write_workbook(tmp_path / "a.xlsx", {"客户": [
        ["客户编号", "客户名称", "联系人"], ["KH01", "甲公司", "张三"],
        ["KH02", "乙公司", "李四"]]})
    import_workbook(db, open_workbook(first))
    second = write_workbook(tmp_path / "b.xlsx", {"客户": [
        ["客户编号", "客户名称", "联系人", "生日"], ["KH01", "甲公司", "张三", "1980-05-06"],
        ["KH02", "乙公司", "李四", ""]]})
    outcome = import_workbook(db, open_workbook(second))
    assert outcome.refused == [] and outcome.written["customers_updated"] == 2
    again = write_workbook(tmp_path / "c.xlsx", {"客户": [
        ["客户编号", "客户名称", "联系人", "生日"], ["KH01", "甲公司", "张三", "1980-05-07"]]})
    import_workbook(db, open_workbook(again))
    with db.read() as session:
        contacts = [(c.customer.number, c.name, c.birthday, c.is_primary)
                    for c in session.scalars(select(Contact))]
    assert contacts == [("KH01", "张三", dt.date(1980, 5, 7), True)]
