"""Contact norms per tier: what is still due, who is overdue, who met last period's norm."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.core.customers.cards import VisitInput, add_visit
from tierdesk.core.errors import ValidationError
from tierdesk.core.store.models import Customer, Salesperson
from tierdesk.core.tiers import norms
from tierdesk.core.tiers.rules import ContactNorm, TierRules, load_rules, save_rules

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

TODAY = dt.date(2026, 11, 20)


def log(db, cid, *entries):
    with db.write() as session:
        for day, channel in entries:
            add_visit(session, cid, VisitInput(visit_date=day, channel=channel, purpose="回访"),
                      today=TODAY)


def graded(db, name, tier, mobile, salesperson="S001"):
    cid = make_customer(db, name, mobile=mobile, salesperson=salesperson, today=TODAY)
    with db.write() as session:
        customer = session.get(Customer, cid)
        customer.tier, customer.status = tier, "active"
    return cid


def test_default_norms_follow_the_office_practice(db):
    with db.read() as session:
        rules = load_rules(session)
    assert rules.norm("A") == ContactNorm(2, "month", 1, "month")
    assert rules.norm("B") == ContactNorm(1, "month", 1, "quarter")
    assert rules.norm("D") == ContactNorm(0, "quarter", 0, "quarter")


def test_due_overdue_and_last_period_for_a_top_tier_customer(db):
    cid = graded(db, "甲公司", "A", "13800000001")
    # October: two calls (phone and WeChat) and one visit; November: one call so far.
    log(db, cid, ("2026-10-02", "phone"), ("2026-10-15", "visit"), ("2026-10-20", "wechat"),
        ("2026-11-03", "phone"), ("2026-11-05", "email"))
    with db.read() as session:
        status = norms.customer_norm(session, cid, TODAY)
    assert status is not None
    # Calls: 2 a month, 1 done in November; the last call 17 days ago against every 15 days.
    assert (status.call.required, status.call.done, status.call.due) == (2, 1, 1)
    assert status.call.last == dt.date(2026, 11, 3) and status.call.overdue_days == 2
    # Visits: 1 a month, none in November; the last visit 36 days ago against every 30 days.
    assert (status.visit.done, status.visit.due, status.visit.overdue_days) == (0, 1, 6)
    assert status.compliant and status.overdue
    assert [m.render() for m in norms.describe(status)] == [
        "1 call still due this month", "1 visit still due this month",
        "call overdue by 2 days", "visit overdue by 6 days"]


def test_second_tier_counts_visits_by_quarter(db):
    cid = graded(db, "乙公司", "B", "13800000002")
    log(db, cid, ("2026-08-10", "visit"), ("2026-11-18", "phone"))
    with db.read() as session:
        status = norms.customer_norm(session, cid, TODAY)
    assert status.call.due == 0 and status.call.overdue_days == 0
    assert (status.visit.period, status.visit.due) == ("quarter", 1)
    assert status.visit.overdue_days == 102 - 91   # every 91 days; last visit 102 days ago
    assert status.visit.met_last_period                 # Q3 had its visit
    assert not status.call.met_last_period             # October had no call
    assert not status.compliant


@pytest.mark.parametrize("last_call, overdue", [
    ("2026-11-05", 0),   # 15 days ago: exactly the interval
    ("2026-11-04", 1),   # 16 days ago
])
def test_overdue_starts_the_day_after_the_interval(db, last_call, overdue):
    cid = graded(db, "丙公司", "A", "13800000003")
    log(db, cid, (last_call, "phone"))
    with db.read() as session:
        assert norms.customer_norm(session, cid, TODAY).call.overdue_days == overdue


def test_lower_tiers_and_lost_customers_have_no_norm(db):
    low = graded(db, "丁公司", "D", "13800000004")
    lost = graded(db, "戊公司", "A", "13800000005")
    with db.write() as session:
        session.get(Customer, lost).status = "lost"
    with db.read() as session:
        report = norms.norm_report(session, TODAY)
    assert {s.key for s in report.statuses}.isdisjoint({low.hex, lost.hex})


def test_salespeople_behind_and_compliance_by_tier(db):
    kept = graded(db, "己公司", "A", "13800000006", salesperson="S001")
    log(db, kept, ("2026-10-03", "phone"), ("2026-10-17", "phone"), ("2026-10-20", "visit"),
        ("2026-11-10", "phone"), ("2026-11-12", "visit"))
    graded(db, "庚公司", "A", "13800000007", salesperson="S002")  # never contacted
    with db.read() as session:
        report = norms.norm_report(session, TODAY)
        people = {p.code: p.id.hex for p in session.scalars(select(Salesperson))}
    by_tier = report.compliance("tier")["A"]
    assert (by_tier.customers, by_tier.compliant, by_tier.overdue) == (2, 1, 1)
    behind = report.behind()
    assert behind[0][0] == people["S002"] and behind[0][1].overdue == 1
    assert behind[-1][0] == people["S001"] and behind[-1][1].overdue == 0
    assert [s.number for s in report.overdue()] == [
        s.number for s in report.statuses if s.key != kept.hex]


def test_norms_are_office_settings_and_checked(db):
    with db.write() as session:
        save_rules(session, TierRules(norms=(ContactNorm(4, "month", 2, "month"),)))
    with db.read() as session:
        rules = load_rules(session)
    assert rules.norm("A") == ContactNorm(4, "month", 2, "month")
    assert rules.norm("B") == ContactNorm(1, "month", 1, "quarter")  # the default kept
    with pytest.raises(ValidationError, match="0 to 31"), db.write() as session:
        save_rules(session, TierRules(norms=(ContactNorm(-1, "month", 0, "month"),)))
    with pytest.raises(ValidationError, match="month or per quarter"), db.write() as session:
        save_rules(session, TierRules(norms=(ContactNorm(1, "week", 0, "month"),)))
