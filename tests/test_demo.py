"""The demo office is an office that works its lists: what a newcomer sees first and what the
benchmarks measure must look like a real day, not a backlog of everything ever planned."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from tierdesk.core.planning.alerts import problem_alerts
from tierdesk.core.store.models import Customer, FollowUp, FollowUpLog, Visit
from tierdesk.core.tiers.norms import norm_report


def test_most_past_callbacks_are_done_with_a_call_on_the_card_and_some_missed(demo_db):
    today = dt.date.today()
    with demo_db.read() as session:
        past = dict(session.execute(select(FollowUp.status, func.count())
                                    .where(FollowUp.due_on < today)
                                    .group_by(FollowUp.status)).all())
        assert past["done"] > 50
        missed = past.get("open", 0) / (past["done"] + past.get("open", 0))
        assert 0.03 <= missed <= 0.2
        # Each done callback is logged in the call register, and the call is on the card.
        logged = session.execute(
            select(FollowUp.done_on, FollowUp.customer_id, FollowUpLog.logged_on,
                   FollowUpLog.result, Visit.customer_id, Visit.visit_date, Visit.channel)
            .join(FollowUpLog, FollowUpLog.follow_up_id == FollowUp.id)
            .join(Visit, Visit.id == FollowUpLog.visit_id)
            .where(FollowUp.status == "done")).all()
        assert len(logged) == past["done"]
        assert all(done == on == visit_day and customer == visited and result == "done"
                   and channel == "phone"
                   for done, customer, on, result, visited, visit_day, channel in logged)


def test_norms_are_mostly_met_and_alerts_are_a_believable_few(demo_db):
    today = dt.date.today()
    with demo_db.read() as session:
        report = norm_report(session, today)
        by_tier = report.compliance("tier")
        customers = session.scalar(select(func.count()).select_from(Customer))
        alerts = problem_alerts(session, today)
    assert by_tier["A"].rate is not None and by_tier["A"].rate >= 0.7
    assert by_tier["B"].rate is not None and by_tier["B"].rate >= 0.6
    assert by_tier["A"].overdue <= 0.4 * by_tier["A"].customers
    at_risk = sum(1 for a in alerts if a.kind == "at_risk")
    assert 0 < at_risk <= 0.25 * customers
