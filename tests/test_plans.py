"""Month plans: quota arithmetic on a hand-built office (norms, holidays, follow-ups, falling
purchases), the new-customer split, adjusting, drafts and published plans."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import PLAN_TODAY as TODAY
from tests.helpers import graded, log_contacts, order, plan_office
from tierdesk.core.errors import ValidationError
from tierdesk.core.office.staff import salesperson_by_code
from tierdesk.core.planning import plans

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture
def office(db):
    return plan_office(db)


def proposal(db, **kw):
    with db.read() as session:
        return plans.propose(session, DECEMBER, today=TODAY, **kw)


def test_quotas_follow_norms_follow_ups_and_falling_purchases(db, office):
    plan = proposal(db)
    # December 2026: 23 weekdays, the 25th off.
    assert plan.working_days == 22
    figures = {q.code: (q.customers, q.calls, q.visits, q.follow_ups, q.revisits,
                        q.visits_per_day) for q in plan.quotas}
    assert figures == {
        # A1 2 calls + 1 visit (monthly norm); B1 1 call (its quarterly visit was made in
        # October); C1 1 call (quarterly, due 15 December); C2 1 visit (purchases down 50%)
        # and its monthly callback due since 10 November.
        "S001": (4, 4, 2, 1, 7, 0.1),
        "S002": (1, 1, 1, 0, 2, 0.0),   # B2: never contacted, a call and a visit
        "S003": (1, 0, 0, 2, 2, 0.0),   # D1: the sale's callbacks on day 7 and a month on
    }
    people = {q.code: q.salesperson_id for q in plan.quotas}
    lines = [(t.number and t.name, t.calls, t.visits, t.follow_ups, t.at_risk)
             for t in plan.tasks[people["S001"]]]
    assert lines == [("戊贸易有限公司", 0, 1, 1, True),     # at risk first
                     ("甲贸易有限公司", 2, 1, 0, False),
                     ("乙贸易有限公司", 1, 0, 0, False),
                     ("丁贸易有限公司", 1, 0, 0, False)]
    falling = plan.tasks[people["S001"]][0]
    assert falling.why == [("follow_up", {"kind": "monthly", "due_on": "2026-11-10",
                                          "count": 1}),
                           ("falling", {"drop": 0.5})]
    assert plan.tasks[people["S001"]][1].last_contact == dt.date(2026, 11, 20)
    never = plan.tasks[people["S002"]][0]
    assert never.why[0] == ("norm", {"calls": 1, "visits": 1})
    assert never.why[1][0] == "overdue" and never.last_contact is None
    assert sorted(plan.tasks[people["S003"]][0].why, key=lambda w: w[1]["due_on"]) == [
        ("follow_up", {"kind": "sale", "due_on": "2026-12-02", "count": 1}),
        ("follow_up", {"kind": "monthly", "due_on": "2026-12-25", "count": 1})]


def test_follow_ups_of_a_kind_make_one_reason_with_their_count_and_earliest_day(db, office):
    # Callbacks on 4 and 27 December; the yearly ones of both sales fall after December.
    order(db, office["D1"], "2026-11-27", "2000")
    plan = proposal(db)
    quota = next(q for q in plan.quotas if q.code == "S003")
    assert (quota.customers, quota.follow_ups) == (1, 4)
    line = plan.tasks[quota.salesperson_id][0]
    assert line.follow_ups == 4
    assert line.why == [("follow_up", {"kind": "monthly", "due_on": "2026-12-25", "count": 2}),
                        ("follow_up", {"kind": "sale", "due_on": "2026-12-02", "count": 2})]


@pytest.mark.parametrize(("last_call", "expected"), [
    ("2026-09-01", 1),    # due 1 December
    ("2026-10-01", 0),    # made in this quarter: nothing more this quarter
])
def test_a_quarterly_norm_asks_in_the_month_it_falls_due(db, last_call, expected):
    cid = graded(db, "庚贸易有限公司", "C", "13800000007")
    log_contacts(db, cid, (last_call, "phone"))
    quota = proposal(db).quotas[0]
    assert quota.calls == expected


def test_a_quarterly_norm_in_the_first_month_of_a_quarter(db):
    cid = graded(db, "辛贸易有限公司", "B", "13800000008")
    log_contacts(db, cid, ("2026-11-20", "visit"), ("2026-11-21", "phone"))
    with db.read() as session:
        january = plans.propose(session, dt.date(2027, 1, 1), today=TODAY)
        february = plans.propose(session, dt.date(2027, 2, 1), today=TODAY)
    # A visit a quarter: 20 November + 91 days is 19 February.
    assert (january.quotas[0].visits, february.quotas[0].visits) == (0, 1)


def test_new_customers_are_split_by_region_and_headcount(db, office):
    assert [q.new_customers for q in proposal(db).quotas] == [2, 2, 2]   # 2 a head
    assert [q.new_customers for q in proposal(db, new_customer_target=7).quotas] == [3, 2, 2]
    with db.write() as session:
        plans.save_plan_settings(session, plans.PlanSettings(new_customers=9,
                                                             region_targets={"HB": 5}))
    # 华北 (S003 alone) has 5 of its own; the other 4 go to 华东's two.
    assert [q.new_customers for q in proposal(db).quotas] == [2, 2, 5]
    with db.write() as session, pytest.raises(ValidationError) as refused:
        plans.save_plan_settings(session, plans.PlanSettings(region_targets={"XX": 1}))
    assert refused.value.problems[0].field == "region:XX"
    with db.write() as session:      # typed figures are kept as numbers; a blank is no target
        kept = plans.save_plan_settings(session, plans.PlanSettings(
            new_customers="", per_head="3", region_targets={"HB": "4", "HD": ""}))
    assert kept == plans.PlanSettings(None, 3, {"HB": 4})
    assert plans.split_new_customers(10, [("a", "HD"), ("b", "HD"), ("c", "HB")], {}) == \
        {"a": 4, "b": 3, "c": 3}


def test_adjusting_figures_and_keeping_a_draft(db, office):
    plan = proposal(db)
    s001 = plan.quotas[0].salesperson_id
    plans.adjust(plan, s001, "visits", 11)
    assert (plan.quota(s001).visits, plan.quota(s001).visits_per_day) == (11, 0.5)
    with pytest.raises(ValidationError) as refused:
        plans.adjust(plan, s001, "calls", -1)
    assert refused.value.problems[0].field == "calls"
    plans.adjust(plan, s001, "visits_per_day", "2.5")
    plans.adjust(plan, s001, "visits", 12)          # the day figure was set by hand: kept
    assert plan.quota(s001).visits_per_day == 2.5
    with db.write() as session:
        plans.save_plan(session, plan)
    # New work arrives: the draft keeps what was adjusted and refreshes the rest.
    cid = graded(db, "壬贸易有限公司", "A", "13800000009")
    with db.read() as session:
        again = plans.plan_for(session, DECEMBER, today=TODAY)
        assert [p.status for p in plans.list_plans(session)] == ["draft"]
    quota = again.quota(s001)
    assert again.status == "draft"
    assert (quota.calls, quota.visits, quota.visits_per_day) == (6, 12, 2.5)
    assert quota.proposed["visits"] == 3 and quota.adjusted == {"visits", "visits_per_day"}
    assert cid in [t.customer_id for t in again.tasks[s001]]


def test_a_published_plan_is_frozen_and_stays_readable(db, office):
    plan = proposal(db)
    s003 = plan.quotas[2].salesperson_id
    plans.adjust(plan, s003, "new_customers", 4)
    with db.write() as session:
        plans.save_plan(session, plan, publish=True, now=dt.datetime(2026, 11, 28, 17, 5))
    log_contacts(db, office["A1"], ("2026-11-27", "visit"))
    order(db, office["D1"], "2026-11-26", "800")
    with db.read() as session:
        kept = plans.plan_for(session, DECEMBER, today=dt.date(2026, 12, 5))
    assert (kept.status, kept.published_at) == ("published", dt.datetime(2026, 11, 28, 17, 5))
    assert [(q.code, q.calls, q.visits, q.follow_ups, q.new_customers) for q in kept.quotas] == \
        [(q.code, q.calls, q.visits, q.follow_ups, q.new_customers) for q in plan.quotas]
    assert kept.quota(s003).new_customers == 4
    assert [(t.name, t.why) for t in kept.tasks[s003]] == \
        [(t.name, t.why) for t in plan.tasks[s003]]
    with db.write() as session, pytest.raises(ValidationError) as refused:
        plans.save_plan(session, proposal(db))
    assert "published" in str(refused.value.problems[0].message)
    with pytest.raises(ValidationError):
        plans.adjust(kept, s003, "calls", 1)


def test_inactive_salespeople_get_no_quota(db, office):
    with db.write() as session:
        salesperson_by_code(session, "S002").active = False
    assert [q.code for q in proposal(db).quotas] == ["S001", "S003"]


@pytest.mark.parametrize("typed", ["2026-12", "2026/12", "2026年12月", "2026-12-01"])
def test_months_are_read_as_typed(typed):
    assert plans.parse_month(typed) == DECEMBER


def test_a_month_that_is_not_one_is_refused():
    with pytest.raises(ValidationError):
        plans.parse_month("2026-13")
