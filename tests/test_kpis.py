"""KPI scorecards on a small office where every answer is worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import graded, log_contacts, make_customer
from tierdesk.core.customers import orders
from tierdesk.core.planning import kpis
from tierdesk.core.store.models import Customer

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
LATER = dt.date(2026, 12, 5)


def since(db, cid, day):
    with db.write() as session:
        session.get(Customer, cid).customer_since = dt.date.fromisoformat(day)


def test_every_kpi_on_a_known_office(db):
    k1 = graded(db, "甲贸易有限公司", "A", "13800000001")
    k2 = graded(db, "乙贸易有限公司", "B", "13800000002")
    k3 = graded(db, "丙贸易有限公司", "C", "13800000003")
    make_customer(db, "丁贸易有限公司", mobile="13800000004")          # a prospect: not counted
    graded(db, "戊贸易有限公司", "A", "13800000005", salesperson="S002")
    for cid, day in ((k1, "2025-01-01"), (k2, "2026-11-10"), (k3, "2024-05-05")):
        since(db, cid, day)
    with db.write() as session:
        for cid, day, amount in ((k1, "2026-11-03", "1000"), (k1, "2026-11-20", "2000"),
                                 (k2, "2026-11-12", "500"), (k3, "2026-10-15", "400")):
            orders.add_order(session, cid, order_date=day, amount=amount, today=LATER)
        orders.add_payment(session, k1, paid_on="2026-11-25", amount="1500", today=LATER)
        orders.add_payment(session, k3, paid_on="2026-11-02", amount="400", today=LATER)
        orders.add_payment(session, k3, paid_on="2026-12-01", amount="99", today=LATER)
    log_contacts(db, k1, ("2026-11-04", "visit"), ("2026-11-18", "visit"),
                 ("2026-11-19", "phone"), ("2026-10-30", "visit"))
    log_contacts(db, k2, ("2026-11-11", "visit"), ("2026-11-12", "wechat"),
                 ("2026-11-13", "email"))
    with db.read() as session:
        cards = {c.code: c for c in kpis.scorecards(session, *NOVEMBER, today=LATER)}
    s001 = cards["S001"]
    # November 2026 has 21 weekdays and no office holiday.
    assert (s001.customers, s001.new_customers, s001.at_start, s001.visits, s001.calls,
            s001.working_days) == (3, 1, 2, 3, 2, 21)
    values = {k: s001.value(k) for k in kpis.KPIS}
    assert values == pytest.approx({
        "development_rate": 1 / 2,          # 乙 is new; 甲 and 丙 were there
        "customer_share": 3 / 4,            # of the office's four customers
        "repeat_rate": 1 / 2,               # 甲 ordered twice, 乙 once
        "visits_per_day": 3 / 21,
        "visits_per_customer": 3 / 3,
        # 1,500 + 400 paid over what was owed: 丙's 400 open from October + 3,500 invoiced
        "collection_rate": 1900 / 3900,
        "top_tier": 1,
        "sales": 3500,
    })
    s002 = cards["S002"]
    assert (s002.customers, s002.value("repeat_rate"), s002.value("collection_rate"),
            s002.value("top_tier")) == (1, None, None, 1)
    assert cards["S003"].value("customer_share") == 0


def test_collection_rate_is_what_was_collected_of_what_was_owed(db):
    """Opening receivables count as owed; a customer's old credit lowers nobody's debt; a
    payment in advance is the only way above 100%."""
    owes = graded(db, "欠款公司", "A", "13800000011")
    credit = graded(db, "预付公司", "B", "13800000012")
    ahead = graded(db, "超付公司", "A", "13800000013", salesperson="S002")
    with db.write() as session:
        def order(cid, day, amount):
            orders.add_order(session, cid, order_date=day, amount=amount, today=LATER)

        def pay(cid, day, amount):
            orders.add_payment(session, cid, paid_on=day, amount=amount, today=LATER)

        order(owes, "2026-09-10", "5000")      # 5,000 invoiced before November,
        pay(owes, "2026-10-10", "1000")        # 4,000 of it still open on 1 November
        pay(credit, "2026-10-01", "700")       # paid in advance: 700 in credit, owes nothing
        order(owes, "2026-11-05", "1000")
        pay(owes, "2026-11-20", "4500")        # the month's payments far exceed its orders
        order(credit, "2026-11-06", "300")
        order(ahead, "2026-11-02", "100")
        pay(ahead, "2026-11-03", "250")        # 150 paid beyond anything owed
    with db.read() as session:
        cards = {c.code: c for c in kpis.scorecards(session, *NOVEMBER, today=LATER)}
    s001 = cards["S001"]
    assert (s001.opening_cents, s001.invoiced_cents, s001.paid_cents) == (400000, 130000, 450000)
    # 4,500 collected of 4,000 open + 1,300 invoiced (paid ÷ invoiced would say 346%)
    assert s001.value("collection_rate") == pytest.approx(4500 / 5300)
    assert s001.value("collection_rate") <= 1
    assert cards["S002"].value("collection_rate") == pytest.approx(2.5)  # overpaid: shown as is
    assert cards["S003"].value("collection_rate") is None                # nothing owed


def test_working_days_count_only_what_has_passed_of_a_running_period(db):
    with db.read() as session:
        cards = kpis.scorecards(session, *NOVEMBER, today=dt.date(2026, 11, 6))
    assert cards[0].working_days == 5


def test_retention_counts_the_snapshot_and_who_was_lost(db):
    from tierdesk.core.customers.master_file import delete_customer
    from tierdesk.core.planning.retention import RetentionRules, retention

    people = {}
    for n, (name, since_day) in enumerate([
            ("甲", "2024-01-01"),    # buys every month: kept
            ("乙", "2024-01-01"),    # bought nothing since September: lost
            ("丙", "2024-01-01"),    # marked lost
            ("丁", "2024-01-01"),    # deleted during the year
            ("戊", "2024-01-01"),    # buys 50 a month: lost under a 100 threshold
            ("己", "2026-03-01")]):  # new this year: not in the snapshot
        cid = graded(db, f"{name}贸易有限公司", "B", f"1380000001{n}")
        since(db, cid, since_day)
        people[name] = cid
    with db.write() as session:
        for month in range(1, 12):
            orders.add_order(session, people["甲"], order_date=f"2026-{month:02d}-05",
                             amount="800", today=LATER)
            orders.add_order(session, people["戊"], order_date=f"2026-{month:02d}-05",
                             amount="50", today=LATER)
        orders.add_order(session, people["乙"], order_date="2026-08-20", amount="9000",
                         today=LATER)
        session.get(Customer, people["丙"]).status = "lost"
        delete_customer(session, people["丁"])
    year = (dt.date(2026, 1, 1), dt.date(2026, 11, 30))
    with db.read() as session:
        office, by_person = retention(session, *year)
        strict, _ = retention(session, *year, RetentionRules(threshold=100))
        off, _ = retention(session, *year, RetentionRules(threshold=0))
    # Snapshot: the five customers there on 1 January; lost: 乙 (nothing in Sep-Nov), 丙, 丁.
    assert (office.snapshot, office.lost) == (5, 3)
    assert office.rate == pytest.approx(1 - 3 / 5)
    assert (strict.snapshot, strict.lost) == (5, 4)      # 戊's 50 a month is under 100
    assert (off.snapshot, off.lost) == (5, 2)            # no threshold: only 丙 and 丁
    assert [(r.snapshot, r.lost) for r in by_person.values()] == [(5, 3)]   # all S001's


def test_month_progress_against_the_published_quotas(db):
    from tests.helpers import PLAN_TODAY, plan_office
    from tierdesk.core.planning import plans

    plan_office(db)
    with db.write() as session:
        plan = plans.propose(session, dt.date(2026, 11, 1), today=PLAN_TODAY)
        plans.adjust(plan, plan.quotas[0].salesperson_id, "visits", 9)
        plans.save_plan(session, plan, publish=True)
    with db.read() as session:
        status, rows = kpis.month_progress(session, dt.date(2026, 11, 1), PLAN_TODAY)
    s001 = rows[0]
    assert status == "published"
    # S001 visited 甲 on 10 November and called 甲, 乙 and 戊.
    assert (s001.card.visits, s001.card.calls, s001.visit_quota) == (1, 3, 9)
    assert s001.call_quota == plan.quotas[0].calls + plan.quotas[0].follow_ups
    # 20 of November's 21 working days have passed by Saturday the 28th.
    assert (s001.days_passed, s001.days_in_month) == (20, 21)
