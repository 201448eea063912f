"""Complaints (the 24-hour response target, the status flow, the register) and satisfaction
surveys (the rate against the target, its trend, the customers who scored low)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.errors import ValidationError
from tierdesk.core.service.surveys import SurveyScale

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

RECEIVED = dt.datetime(2026, 11, 20, 9, 30)


def complaint(db, **fields):
    cid = make_customer(db)
    archive = Archive(db)
    values = {"received_at": RECEIVED, "description": "送货晚了三天", "category": "物流",
              "now": RECEIVED}
    values.update(fields)
    return archive, cid, archive.service.record_complaint(cid, **values)


@pytest.mark.parametrize(("after", "left"), [
    (dt.timedelta(hours=23, minutes=59), dt.timedelta(minutes=1)),
    (dt.timedelta(hours=24), dt.timedelta(0)),
    (dt.timedelta(hours=24, minutes=1), -dt.timedelta(minutes=1)),
])
def test_time_left_to_the_24_hour_target(db, after, left):
    archive, _cid, complaint_id = complaint(db)
    row = archive.service.complaint(complaint_id)
    assert row.time_left(RECEIVED + after) == left
    assert row.respond_by == dt.datetime(2026, 11, 21, 9, 30)


@pytest.mark.parametrize(("after", "in_time"), [(dt.timedelta(hours=23, minutes=59), True),
                                                (dt.timedelta(hours=24, minutes=1), False)])
def test_an_answer_stops_the_clock(db, after, in_time):
    archive, _cid, complaint_id = complaint(db)
    archive.service.advance_complaint(complaint_id, "answered", at=RECEIVED + after,
                              answer="已补发并致歉")
    row = archive.service.complaint(complaint_id)
    assert row.time_left(RECEIVED + dt.timedelta(days=3)) is None
    assert row.answered_in_time() is in_time
    assert (row.status, row.answer) == ("answered", "已补发并致歉")


def test_the_status_flow_moves_forward_with_what_each_step_needs(db):
    archive, cid, complaint_id = complaint(db)
    archive.service.advance_complaint(complaint_id, "investigating", at=RECEIVED)
    with pytest.raises(ValidationError) as refused:
        archive.service.advance_complaint(complaint_id, "answered", at=RECEIVED)
    assert refused.value.problems[0].field == "answer"
    with pytest.raises(ValidationError) as refused:
        archive.service.advance_complaint(complaint_id, "received", at=RECEIVED)
    assert refused.value.problems[0].field == "status"
    with pytest.raises(ValidationError) as refused:
        archive.service.advance_complaint(complaint_id, "closed", at=RECEIVED, answer="已处理",
                                  satisfaction=9)
    assert {p.field for p in refused.value.problems} == {"resolution", "satisfaction"}
    assert archive.service.complaint(complaint_id).status == "investigating"
    closed_at = RECEIVED + dt.timedelta(hours=5)
    archive.service.advance_complaint(complaint_id, "closed", at=closed_at, answer="已处理",
                              resolution="补发货物", satisfaction=4)
    row = archive.service.complaint(complaint_id)
    assert (row.status, row.answered_at, row.closed_at, row.resolution, row.satisfaction) == \
        ("closed", closed_at, closed_at, "补发货物", 4)
    assert [c.id for c in archive.service.complaints(cid)] == [complaint_id]


def test_a_complaint_form_is_checked(db):
    cid = make_customer(db)
    with pytest.raises(ValidationError) as refused:
        Archive(db).service.record_complaint(cid, received_at=RECEIVED + dt.timedelta(days=1),
                                     description=" ", severity="urgent", now=RECEIVED)
    assert {p.field for p in refused.value.problems} == {"description", "severity",
                                                         "received_at"}
    assert Archive(db).service.complaint_register() == []


def test_open_complaints_are_on_the_salespersons_day_until_closed(db):
    archive, _cid, complaint_id = complaint(db)
    people = {p.code: p.id for p in archive.office.salespeople()}
    day = RECEIVED.date()
    mine = archive.service.today(day, people["S001"]).section("complaints")
    assert [(line.complaint_id, str(line.what), line.respond_by) for line in mine] == \
        [(complaint_id, "New complaint: 送货晚了三天", RECEIVED + dt.timedelta(hours=24))]
    assert archive.service.today(day, people["S002"]).section("complaints") == []
    archive.service.assign_complaint(complaint_id, people["S002"])
    assert len(archive.service.today(day, people["S002"]).section("complaints")) == 1
    assert archive.service.complaint(complaint_id).assigned_to == "李娜"
    archive.service.advance_complaint(complaint_id, "closed", at=RECEIVED, answer="已处理",
                              resolution="退款")
    assert archive.service.today(day).section("complaints") == []
    assert [c.id for c in archive.service.complaint_register(open_only=True)] == []
    assert [c.id for c in archive.service.complaint_register()] == [complaint_id]


def test_satisfaction_rate_trend_and_low_scores(db):
    archive = Archive(db)
    happy = make_customer(db, "甲公司", mobile="13800138001")
    unhappy = make_customer(db, "乙公司", mobile="13800138002")
    recovered = make_customer(db, "丙公司", mobile="13800138003")
    today = dt.date(2026, 11, 22)
    for cid, day, score in [(happy, "2026-10-05", 5), (happy, "2026-11-02", 4),
                            (unhappy, "2026-11-03", 2), (recovered, "2026-10-08", 1),
                            (recovered, "2026-11-10", 4), (happy, "2025-10-01", 1)]:
        archive.service.add_survey(cid, surveyed_on=day, score=score, comment="", today=today)
    found = archive.service.satisfaction(today)
    assert (found.answers, found.satisfied) == (5, 3)
    assert found.rate == pytest.approx(0.6)
    assert found.on_target is False
    by_month = {m.month: (m.answers, m.satisfied) for m in found.trend}
    assert len(found.trend) == 12
    assert by_month[dt.date(2026, 10, 1)] == (2, 1)
    assert by_month[dt.date(2026, 11, 1)] == (3, 2)
    assert by_month[dt.date(2025, 12, 1)] == (0, 0)
    assert [(r.customer_id, r.score) for r in found.low] == [(unhappy, 2)]
    with pytest.raises(ValidationError) as refused:
        archive.service.add_survey(happy, surveyed_on="2026-11-20", score=6, today=today)
    assert refused.value.problems[0].field == "score"
    archive.service.save_survey_scale(SurveyScale(top=10, satisfied_from=8, low_up_to=5,
                                                  target=0.8))
    archive.service.add_survey(happy, surveyed_on="2026-11-20", score=6, today=today)
    assert [r.score for r in archive.service.surveys(happy)] == [6, 4, 5, 1]
    with pytest.raises(ValidationError):
        archive.service.save_survey_scale(SurveyScale(top=5, satisfied_from=3, low_up_to=3))


def test_satisfaction_given_when_a_complaint_closes_counts_as_an_answer(db):
    archive, cid, complaint_id = complaint(db)
    archive.service.add_survey(cid, surveyed_on="2026-11-10", score=5, today=RECEIVED.date())
    archive.service.advance_complaint(complaint_id, "closed", at=RECEIVED + dt.timedelta(hours=3),
                              answer="已致歉", resolution="补发货物", satisfaction=2)
    found = archive.service.satisfaction(dt.date(2026, 11, 22))
    assert (found.answers, found.satisfied) == (2, 1)
    assert {m.month: m.answers for m in found.trend}[dt.date(2026, 11, 1)] == 2
    # The complaint is the latest answer, so the customer is flagged, and said to be so.
    assert [(r.customer_id, r.score, r.surveyed_on, r.comment, r.after_complaint)
            for r in found.low] == [(cid, 2, dt.date(2026, 11, 20), "补发货物", True)]
    # A complaint closed without a score is not an answer.
    _a, _c, other = complaint(db, description="发票错误")
    archive.service.advance_complaint(other, "closed", at=RECEIVED, answer="已重开",
                                      resolution="重开")
    assert archive.service.satisfaction(dt.date(2026, 11, 22)).answers == 2
    # Nor is one closed after the day the rate is read for.
    assert archive.service.satisfaction(dt.date(2026, 11, 19)).answers == 1
