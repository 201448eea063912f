"""Problem alerts, each on either side of its threshold, and acknowledging one."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import graded, log_contacts, make_customer
from tierdesk.core.customers import orders
from tierdesk.core.customers.master_file import ContactInput, save_contact
from tierdesk.core.planning import alerts
from tierdesk.core.store.models import Customer

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

TODAY = dt.date(2026, 12, 10)     # the last full month: November, 21 working days


def found(db, kind, **rules):
    with db.read() as session:
        return [a for a in alerts.problem_alerts(session, TODAY, alerts.AlertRules(**rules))
                if a.kind == kind]


def visits_in_november(db, cid, count):
    log_contacts(db, cid, *[(f"2026-11-{day:02d}", "visit") for day in range(2, 2 + count)])


@pytest.mark.parametrize(("visits", "over", "few"), [(2, False, True), (3, True, False)])
def test_visits_beyond_the_norm_and_too_few_a_day(db, visits, over, few):
    cid = graded(db, "甲贸易有限公司", "A", "13800000001")     # norm: a visit a month
    visits_in_november(db, cid, visits)
    over_visited = found(db, "over_visited", over_visit_factor=2.0)
    assert [a.customer_id for a in over_visited] == ([cid] if over else [])
    if over:
        assert str(over_visited[0].figures) == "3 visits in 2026-11; the norm asks 1"
    # 2 visits over 21 working days is 0.095 a day, 3 is 0.143; the floor is 0.1.
    few_visits = [a.subject for a in found(db, "few_visits", min_visits_per_day=0.1)]
    assert ("王伟 (S001)" in few_visits) is few
    assert "李娜 (S002)" in few_visits     # no visits at all


def test_an_incomplete_file_of_a_first_tier_customer(db):
    cid = graded(db, "甲贸易有限公司", "A", "13800000001")
    graded(db, "乙贸易有限公司", "B", "13800000002")          # not first tier: no alert
    (alert,) = found(db, "incomplete_file")
    assert alert.customer_id == cid
    assert alerts.figures_text(alert) == "missing: address, birthday"
    with db.write() as session:
        session.get(Customer, cid).address = "上海市浦东新区世纪大道 100 号"
        save_contact(session, cid, ContactInput(name="李四", birthday="1980-05-06"))
    assert found(db, "incomplete_file") == []


@pytest.mark.parametrize(("share", "fires"), [(0.5, True), (0.6, False)])
def test_a_weak_region(db, share, fires):
    cared = graded(db, "甲贸易有限公司", "A", "13800000001")
    graded(db, "乙贸易有限公司", "A", "13800000002")             # never contacted: overdue
    log_contacts(db, cared, ("2026-11-26", "visit"), ("2026-11-20", "phone"),
                 ("2026-11-27", "phone"))
    subjects = [a.subject for a in found(db, "weak_region", weak_region_share=share)]
    assert subjects == (["华东 (HD)"] if fires else [])


@pytest.mark.parametrize(("north_new", "fires"), [(0, True), (1, False)])
def test_a_region_developing_slowly(db, north_new, fires):
    def customers(region, salesperson, count, since, start):
        for n in range(count):
            cid = make_customer(db, f"{region}{start + n}号公司", region=region,
                                salesperson=salesperson, mobile=f"1390000{start + n:04d}")
            with db.write() as session:
                row = session.get(Customer, cid)
                row.status, row.customer_since = "active", since

    customers("HD", "S001", 10, dt.date(2025, 1, 1), 0)
    customers("HD", "S001", 2, dt.date(2026, 10, 15), 100)
    customers("HB", "S003", 10, dt.date(2025, 1, 1), 200)
    customers("HB", "S003", north_new, dt.date(2026, 11, 15), 300)
    # Office: 2 (or 3) new on 20 = 10% (15%); 华北 0% (10%) against half of it, 5% (7.5%).
    subjects = [a.subject for a in found(db, "low_development", low_development_factor=0.5)]
    assert subjects == (["华北 (HB)"] if fires else [])


@pytest.mark.parametrize(("recent", "fires"), [("700", True), ("701", False)])
def test_falling_purchases_put_a_customer_at_risk(db, recent, fires):
    cid = graded(db, "甲贸易有限公司", "D", "13800000001")
    with db.write() as session:
        orders.add_order(session, cid, order_date="2026-07-01", amount="1000", today=TODAY)
        orders.add_order(session, cid, order_date="2026-11-01", amount=recent, today=TODAY)
    # September to November against June to August: down 30% (or 29.9%); the line is 30%.
    at_risk = found(db, "at_risk")
    assert [a.customer_id for a in at_risk] == ([cid] if fires else [])
    if fires:
        assert str(at_risk[0].figures) == "bought ¥700 against ¥1,000 before: down 30%"


@pytest.mark.parametrize(("last_call", "fires"), [("2026-10-09", False), ("2026-10-08", True)])
def test_a_long_gap_since_the_last_contact_puts_a_customer_at_risk(db, last_call, fires):
    cid = graded(db, "甲贸易有限公司", "B", "13800000001")    # a call a month: 30 days
    log_contacts(db, cid, (last_call, "phone"), ("2026-11-20", "visit"))
    # 9 October: 62 days ago, 32 past the interval; 8 October is 33 past it.
    at_risk = found(db, "at_risk", gap_days=32)
    assert [a.customer_id for a in at_risk] == ([cid] if fires else [])


def test_an_alert_is_acknowledged_with_a_note(db):
    cid = graded(db, "甲贸易有限公司", "A", "13800000001")
    (alert,) = found(db, "incomplete_file")
    assert alert.key == f"incomplete_file:{cid.hex}:2026-12" and alert.note is None
    with db.write() as session:
        alerts.acknowledge(session, alert.key, "  下周拜访时补全  ")
    (again,) = found(db, "incomplete_file")
    assert again.note == "下周拜访时补全" and again.acknowledged_at is not None
    with db.read() as session:
        january = [a for a in alerts.problem_alerts(session, dt.date(2027, 1, 5))
                   if a.kind == "incomplete_file"]
    assert january[0].note is None            # next month it is a new alert


def test_thresholds_are_checked(db):
    from tierdesk.core.errors import ValidationError

    with db.write() as session, pytest.raises(ValidationError) as refused:
        alerts.save_alert_rules(session, alerts.AlertRules(weak_region_share=1.5))
    assert refused.value.problems[0].field == "weak_region_share"
