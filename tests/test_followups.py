"""The follow-up schedule: each rule on either side of its window, rescheduling, completion
through the card, the call and letter registers, and the day's list built from them."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput, list_cards
from tierdesk.core.customers.master_file import ContactInput, save_contact
from tierdesk.core.customers.orders import add_order
from tierdesk.core.errors import ValidationError
from tierdesk.core.office import holidays
from tierdesk.core.service import followups
from tierdesk.core.service.jobs import add_due_date, add_service_job
from tierdesk.core.service.today import TodayList
from tierdesk.core.store.models import Customer, FollowUp

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

SALE = dt.date(2026, 11, 2)   # a Monday


def lines(listing: TodayList, section: str) -> list[str]:
    return [f"{line.number} {line.what}" for line in listing.section(section)]


def task_sections(archive: Archive, day: dt.date) -> dict[str, list[str]]:
    listing = archive.service.today(day)
    return {name: [str(line.what) for line in listing.section(name) if line.task_id]
            for name in ("overdue", "today", "coming")}


def sold(db, *, via_outlet=False, on=SALE, name="张三贸易有限公司", mobile="13800138000"):
    cid = make_customer(db, name, mobile=mobile, today=on)
    with db.write() as session:
        add_order(session, cid, order_date=on, amount="1,200", via_outlet=via_outlet,
                  today=on)
    return cid


@pytest.mark.parametrize(("after", "section"), [(6, "coming"), (7, "today"), (8, "overdue")])
def test_callback_on_the_seventh_day_after_a_sale(db, after, section):
    sold(db)
    found = task_sections(Archive(db), SALE + dt.timedelta(days=after))
    assert found[section] == ["Call back after the sale of 2026-11-02"]
    assert sum(map(len, found.values())) == 1


@pytest.mark.parametrize(("after", "section"), [(9, "coming"), (10, "today"), (11, "overdue")])
def test_callback_on_the_tenth_day_after_a_sale_through_an_outlet(db, after, section):
    sold(db, via_outlet=True)
    found = task_sections(Archive(db), SALE + dt.timedelta(days=after))
    assert found[section] == ["Call back after the sale of 2026-11-02 through an outlet"]


def test_monthly_and_yearly_callbacks_follow_the_sale(db):
    sold(db)
    archive = Archive(db)
    month = task_sections(archive, dt.date(2026, 12, 2))
    assert "Monthly callback after the sale of 2026-11-02" in month["today"]
    year = task_sections(archive, dt.date(2027, 11, 2))
    assert "Yearly callback after the sale of 2026-11-02" in year["today"]
    # A sale on 31 January is called back monthly on the last day of February.
    assert followups.add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)


@pytest.mark.parametrize(("after", "section"),
                         [(2, "coming"), (3, "today"), (5, "today"), (6, "overdue")])
def test_callback_three_to_five_days_after_a_service_job(db, after, section):
    cid = make_customer(db, today=SALE)
    with db.write() as session:
        add_service_job(session, cid, done_on=SALE, kind="维修", today=SALE)
    found = task_sections(Archive(db), SALE + dt.timedelta(days=after))
    assert found[section] == ["Call back after the service job of 2026-11-02 (维修)"]


@pytest.mark.parametrize(("days_away", "expected"), [(1, False), (2, True), (7, True),
                                                     (8, False)])
def test_birthday_greeting_two_to_seven_days_before(db, days_away, expected):
    today = dt.date(2026, 11, 22)
    birthday = dt.date(1980, 11, 22) + dt.timedelta(days=days_away)
    cid = make_customer(db, today=today)
    with db.write() as session:
        save_contact(session, cid, ContactInput(name="王经理", birthday=birthday), today=today)
    found = task_sections(Archive(db), today)
    greeting = f"Birthday greeting: 王经理, {birthday.replace(year=2026).isoformat()}"
    assert found["today"] == ([greeting] if expected else [])


def test_birthday_greetings_are_planned_once_and_every_year(db):
    cid = make_customer(db)
    with db.write() as session:
        save_contact(session, cid, ContactInput(name="王经理", birthday="1980-02-29"),
                     today=dt.date(2026, 1, 1))
    archive = Archive(db)
    for _ in range(2):
        assert len(archive.service.today(dt.date(2027, 2, 23)).section("today")) == 1
    # 2027 has no 29 February: the greeting is for the 28th.
    assert str(archive.service.today(dt.date(2027, 2, 23)).section("today")[0].what) == \
        "Birthday greeting: 王经理, 2027-02-28"
    assert [str(line.what) for line in archive.service.today(dt.date(2028, 2,
                                                                     24)).section("today")] \
        == ["Birthday greeting: 王经理, 2028-02-29"]



def test_planning_the_day_reads_only_the_birthdays_in_the_greeting_window(db, monkeypatch):
    """Read at every start: the office's birthdays far from today are left in the database
    (a large office has hundreds of thousands of contacts)."""
    today = dt.date(2026, 12, 28)            # the window runs into the next year
    cid = make_customer(db, today=today)
    with db.write() as session:
        for offset in range(0, 366, 3):
            birthday = dt.date(1980, 1, 1) + dt.timedelta(days=offset)
            save_contact(session, cid, ContactInput(name=f"联系人{offset}", birthday=birthday),
                         today=today)
    looked_at = []
    real = followups.next_birthday
    monkeypatch.setattr(followups, "next_birthday",
                        lambda birthday, day: looked_at.append(birthday) or real(birthday, day))
    found = [str(line.what) for line in Archive(db).service.today(today).section("today")]
    assert found == ["Birthday greeting: 联系人0, 2027-01-01",
                     "Birthday greeting: 联系人3, 2027-01-04"]
    assert set(looked_at) == {dt.date(1980, 1, 1), dt.date(1980, 1, 4)}

@pytest.mark.parametrize(("days_away", "expected"), [(1, 0), (2, 1), (7, 1), (8, 0)])
def test_holiday_greetings_for_the_tiers_greeted(db, days_away, expected):
    today = dt.date(2026, 12, 20)
    top = make_customer(db, "甲公司", mobile="13800138001", today=today)
    make_customer(db, "乙公司", mobile="13800138002", today=today)
    with db.write() as session:
        session.get(Customer, top).tier = "A"
        holidays.save_holiday(session, day=today + dt.timedelta(days=days_away), name="元旦",
                              greet=True)
    found = Archive(db).service.today(today).section("today")
    assert [line.customer_id for line in found] == [top] * expected


def test_a_day_off_not_greeted_plans_nothing(db):
    today = dt.date(2026, 12, 20)
    cid = make_customer(db, today=today)
    with db.write() as session:
        session.get(Customer, cid).tier = "A"
        holidays.save_holiday(session, day=dt.date(2026, 12, 25), name="调休")
    assert Archive(db).service.today(today).section("today") == []


@pytest.mark.parametrize(("days_before", "section"),
                         [(8, "coming"), (7, "today"), (0, "today"), (-1, "overdue")])
def test_reminder_one_week_before_a_customers_due_date(db, days_before, section):
    cid = make_customer(db, today=SALE)
    renewal = dt.date(2026, 12, 15)
    with db.write() as session:
        add_due_date(session, cid, due_on=renewal, kind="renewal", note="年度合同",
                     today=SALE)
    found = task_sections(Archive(db), renewal - dt.timedelta(days=days_before))
    assert found[section] == ["Contract renewal due on 2026-12-15 (年度合同)"]


def test_old_history_makes_no_tasks(db):
    cid = make_customer(db, today=SALE)
    with db.write() as session:
        add_order(session, cid, order_date="2025-09-01", amount=500, today=SALE)
        made = session.scalar(select(func.count()).select_from(FollowUp))
    assert made == 0


def test_postponed_task_comes_back_on_the_new_day(db):
    sold(db)
    archive = Archive(db)
    due = SALE + dt.timedelta(days=7)
    task = archive.service.today(due).section("today")[0]
    archive.service.postpone_task(task.task_id, due + dt.timedelta(days=3), due, "客户出差")
    assert archive.service.today(due).section("today") == []
    assert [line.due_on for line in archive.service.today(due).section("coming")] == \
        [due + dt.timedelta(days=3)]
    assert [line.task_id for line in archive.service.today(due + dt.timedelta(days=3))
            .section("today")] == [task.task_id]
    with pytest.raises(ValidationError) as refused:
        archive.service.postpone_task(task.task_id, due, due)
    assert refused.value.problems[0].field == "postponed_to"


def test_no_answer_is_logged_and_the_call_comes_back_tomorrow(db):
    sold(db)
    archive = Archive(db)
    due = SALE + dt.timedelta(days=7)
    task = archive.service.today(due).section("today")[0]
    archive.service.task_not_answered(task.task_id, due)
    assert archive.service.today(due).section("today") == []
    again = archive.service.today(due + dt.timedelta(days=1)).section("today")
    assert [(line.task_id, line.tries) for line in again] == [(task.task_id, 1)]
    calls = archive.service.register("calls")
    assert [(r.logged_on, r.number, r.salesperson, r.kind, r.result) for r in calls] == \
        [(due, task.number, "王伟", "sale", "no_answer")]


def test_completing_a_task_writes_the_card_entry_and_the_register(db):
    cid = sold(db)
    archive = Archive(db)
    due = SALE + dt.timedelta(days=7)
    task = archive.service.today(due).section("today")[0]
    result = archive.service.complete_task(task.task_id, VisitInput(
        visit_date=due, channel="phone", purpose="售后回访", outcome="使用正常"), on=due)
    with db.read() as session:
        entries = [e for card in list_cards(session, cid) for e in card.entries]
        status = session.get(FollowUp, task.task_id).status
    assert [(e.visit_date, e.channel, e.purpose) for e in entries] == \
        [(due, "phone", "售后回访")]
    assert result.visit.id == entries[0].id
    assert status == "done"
    assert archive.service.today(due).section("today") == []
    assert [(r.logged_on, r.result, r.note) for r in archive.service.register("calls")] == \
        [(due, "done", "使用正常")]
    assert archive.service.register("letters") == []
    with pytest.raises(ValidationError):
        archive.service.complete_task(task.task_id, VisitInput(visit_date=due, channel="phone"),
                              on=due)


def test_a_greeting_letter_goes_to_the_letter_register(db):
    today = dt.date(2026, 11, 22)
    cid = make_customer(db, today=today)
    with db.write() as session:
        save_contact(session, cid, ContactInput(name="王经理", birthday="1975-11-27"),
                     today=today)
    archive = Archive(db)
    task = archive.service.today(today).section("today")[0]
    archive.service.complete_task(task.task_id, VisitInput(visit_date=today, channel="letter",
                                                   purpose="生日贺卡"), on=today)
    assert [(r.number, r.channel, r.kind) for r in archive.service.register("letters")] == \
        [(task.number, "letter", "birthday")]


def test_norm_lines_show_what_the_week_still_requires(db):
    today = dt.date(2026, 11, 25)   # a Wednesday; the month ends on Monday the 30th
    cid = make_customer(db, today=today)
    with db.write() as session:
        customer = session.get(Customer, cid)
        customer.tier, customer.status = "A", "active"
    found = lines(Archive(db).service.today(today), "norms")
    assert len(found) == 2 and all(line.startswith(found[0].split()[0]) for line in found)
    assert {line.split(" ", 1)[1].split(" by ")[0] for line in found} == \
        {"call overdue", "visit overdue"}


def test_rules_are_validated_and_kept(db):
    archive = Archive(db)
    with pytest.raises(ValidationError) as refused:
        archive.service.save_followup_rules(followups.FollowUpRules(service_from=6, service_to=4))
    assert refused.value.problems[0].field == "service_to"
    archive.service.save_followup_rules(followups.FollowUpRules(sale_day=5))
    assert archive.service.followup_rules().sale_day == 5
    sold(db)
    assert task_sections(archive, SALE + dt.timedelta(days=5))["today"] == \
        ["Call back after the sale of 2026-11-02"]


def test_working_days_follow_the_holiday_calendar(db):
    with db.write() as session:
        holidays.save_holiday(session, day="2026-10-01", name="国庆节", greet=True)
        holidays.save_holiday(session, day="2026-10-02", name="国庆节")
        holidays.save_holiday(session, day="2026-10-10", name="调休上班", workday=True)
        days = holidays.working_days(session, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
        with pytest.raises(ValidationError):
            holidays.save_holiday(session, day="2026-10-02", name="again")
    # October 2026: 22 weekdays, two of them off, one Saturday worked.
    assert len(days) == 21
    assert dt.date(2026, 10, 1) not in days and dt.date(2026, 10, 10) in days


def test_imported_sales_get_their_callbacks_unless_long_past(db, tmp_path):
    from tests.helpers import write_workbook
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    today = dt.date.today()
    recent = today - dt.timedelta(days=3)
    path = write_workbook(tmp_path / "orders.xlsx", {
        "客户": [["客户编号", "客户名称", "手机", "区域"],
                 ["KH-001", "张三贸易有限公司", "13800138000", "华东"]],
        "订单": [["客户编号", "订单日期", "订单号", "金额"],
                 ["KH-001", recent.isoformat(), "SO-1", "1000"],
                 ["KH-001", "2020-01-06", "SO-0", "800"]]})
    import_workbook(db, open_workbook(path))
    with db.read() as session:
        planned = sorted((t.kind, t.due_on) for t in session.scalars(select(FollowUp)))
    assert planned == [("monthly", followups.add_months(recent, 1)),
                       ("sale", recent + dt.timedelta(days=7)),
                       ("yearly", followups.add_months(recent, 12))]


def test_today_prints_the_days_list_headless(db, capsys):
    from tierdesk.cli import main

    sold(db)
    with db.write() as session:
        holidays.save_holiday(session, day="2026-11-12", name="公司庆典")
    args = ["--db", db.url, "today", "--salesperson", "S001", "--date", "2026-11-09"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2026-11-09  王伟 (S001): 1 to do today (0 overdue), 0 coming up"
    assert "Due today (1)" in out
    assert any("Call back after the sale of 2026-11-02" in line for line in out)
    assert main(["--db", db.url, "today", "--salesperson", "S003",
                 "--date", "2026-11-09"]) == 0
    assert capsys.readouterr().out.startswith("2026-11-09  张强 (S003): 0 to do today")
    assert main(["--db", db.url, "today", "--salesperson", "NOPE"]) == 1
    assert "no salesperson with the code NOPE" in capsys.readouterr().err


def test_the_holiday_calendar_is_kept_from_the_command_line(db, capsys):
    from tierdesk.cli import main

    base = ["--db", db.url, "holidays"]
    assert main([*base, "--add", "2027-01-01", "元旦", "--greet"]) == 0
    assert main([*base, "--add", "2027-02-07", "春节调休", "--workday"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "2027-01-01  Fri  off, greeted 元旦", "2027-02-07  Sun  worked       春节调休"]
    assert main([*base, "--add", "2027-01-01", "again"]) == 1
    assert "already in the calendar" in capsys.readouterr().err
    assert main([*base, "--remove", "2027-01-01"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2027-02-07  Sun  worked       春节调休"]
    assert main([*base, "--remove", "2027-01-01"]) == 1


def test_a_birthday_saved_after_the_list_was_read_is_on_it_the_same_day(db):
    today = dt.date.today()
    cid = make_customer(db)
    archive = Archive(db)
    assert archive.service.today(today).section("today") == []
    archive.customers.save_contact(cid, ContactInput(name="王经理",
                                           birthday=today.replace(year=1980)
                                           + dt.timedelta(days=3)))
    assert [line.customer_id for line in archive.service.today(today).section("today")] == [cid]
    # A holiday added to the calendar is greeted at once, too.
    with db.write() as session:
        session.get(Customer, cid).tier = "A"
    archive.office.save_holiday(day=today + dt.timedelta(days=4), name="公司庆典", greet=True)
    assert len(archive.service.today(today).section("today")) == 2


def test_a_long_list_is_read_in_part_and_counted_whole(db):
    from tests.helpers import PLAN_TODAY, order, plan_office

    ids = plan_office(db)
    order(db, ids["A1"], "2026-11-15", "800")        # its callback on the 22nd: overdue
    archive = Archive(db)
    whole = archive.service.today(PLAN_TODAY)
    part = archive.service.today(PLAN_TODAY, most=1)
    for section in ("overdue", "today", "norms", "complaints", "coming"):
        assert part.count(section) == whole.count(section), section
        assert part.section(section) == whole.section(section)[:1], section
    assert whole.count("overdue") == 2 and part.due == whole.due
    assert [line.name for line in part.section("overdue")] == ["戊贸易有限公司"]  # 10 Nov


def test_every_call_and_letter_on_a_card_is_in_the_registers(db):
    """Wherever a call or letter is written (the card, the command line), it is registered;
    one that completed a follow-up is registered once."""
    from tierdesk.cli import main

    cid = sold(db)
    archive = Archive(db)
    number = archive.customers.customer(cid).number
    due = SALE + dt.timedelta(days=7)
    archive.customers.add_visit(cid, VisitInput(visit_date=due - dt.timedelta(days=2),
                                                channel="phone",
                                      summary="询问到货", outcome="已到货"))
    archive.customers.add_visit(cid, VisitInput(visit_date=due - dt.timedelta(days=1),
                                                channel="visit",
                                      summary="上门"))
    task = archive.service.today(due).section("today")[0]
    archive.service.complete_task(task.task_id, VisitInput(visit_date=due, channel="wechat",
                                                   purpose="售后回访"), on=due)
    assert main(["--db", db.url, "add-visit", number, "--channel", "letter",
                 "--date", due.isoformat(), "--summary", "寄送报价单"]) == 0
    assert main(["--db", db.url, "add-visit", number, "--channel", "email",
                 "--date", due.isoformat(), "--summary", "发送目录"]) == 0
    calls = archive.service.register("calls")
    assert [(r.logged_on, r.number, r.kind, r.channel, r.result, r.note) for r in calls] == [
        (due, number, "sale", "wechat", "done", ""),
        (due - dt.timedelta(days=2), number, "", "phone", "done", "已到货")]
    assert calls[1].salesperson == "王伟"
    letters = archive.service.register("letters")
    assert sorted((r.logged_on, r.channel, r.note) for r in letters) == [
        (due, "email", "发送目录"), (due, "letter", "寄送报价单")]
    assert archive.service.register("calls", since=due) == calls[:1]


@pytest.mark.sqlite_only   # SQLite's query planner, asked directly
def test_one_salespersons_open_tasks_are_found_through_the_index_holding_the_salesperson(db):
    """Not by looking up every open task of the office (Today's list at every start)."""
    from sqlalchemy import text

    from tierdesk.core.store.models import Salesperson

    with db.read() as session:
        person = session.scalar(select(Salesperson.id).where(Salesperson.code == "S001"))
        query = (select(func.count()).select_from(FollowUp)
                 .join(Customer, Customer.id == FollowUp.customer_id)
                 .where(*followups.open_task_filter(dt.date(2026, 11, 27), person)))
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in
                        session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "USING INDEX ix_follow_up_person_open " in plan, plan


@pytest.mark.sqlite_only   # SQLite's query planner, asked directly
def test_a_cards_completed_follow_ups_are_found_through_the_index_on_the_entry(db):
    """Opening a card asks which entries completed a follow-up: by the entry's index, not by
    walking the whole call and letter register."""
    from sqlalchemy import text

    from tierdesk.core.store.models import FollowUpLog

    with db.read() as session:
        query = select(FollowUpLog.follow_up_id).where(
            FollowUpLog.visit_id.in_([uuid.uuid4()]), FollowUpLog.result == "done")
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in
                        session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "USING INDEX ix_follow_up_log_visit" in plan, plan
