"""Satisfaction surveys: answers scored on the office's scale, the office's satisfaction rate
against its target (90% by default), its monthly trend, and the customers who scored low.

The satisfaction a customer gives when a complaint is closed is on the same scale and counts
as an answer of the day the complaint was closed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.customers.master_file import get_customer_row
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.settings import load_record, store_setting
from tierdesk.core.service.followups import add_months
from tierdesk.core.store.models import Complaint, Customer, Survey
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, check_int_range, clean_text, required_date

SCALE_KEY = "survey_scale"


@dataclass(frozen=True)
class SurveyScale:
    top: int = 5              # scores run from 1 to top
    satisfied_from: int = 4   # a score this high or higher counts as satisfied
    low_up_to: int = 2        # a latest score this low or lower flags the customer
    target: float = 0.9       # the office's satisfaction target


def load_scale(session: Session) -> SurveyScale:
    return load_record(session, SCALE_KEY, SurveyScale)


def save_scale(session: Session, scale: SurveyScale) -> SurveyScale:
    checker = Checker()
    top = checker.run(check_int_range, "top", scale.top, 2, 100)
    if top is not None:
        checker.run(check_int_range, "satisfied_from", scale.satisfied_from, 1, top)
        checker.run(check_int_range, "low_up_to", scale.low_up_to, 1, top)
    if not 0 < scale.target <= 1:
        checker.add("target", QT_TRANSLATE_NOOP("Validation", "Enter a share from 1% to 100%."))
    if not checker.problems and scale.low_up_to >= scale.satisfied_from:
        checker.add("low_up_to", QT_TRANSLATE_NOOP(
            "Validation", "A low score must be below a satisfied one."))
    checker.raise_if_any()
    store_setting(session, SCALE_KEY, asdict(scale))
    return load_scale(session)


@dataclass(frozen=True)
class SurveyRow:
    id: uuid.UUID
    surveyed_on: dt.date
    score: int
    comment: str


def add_survey(session: Session, customer_id: uuid.UUID, *, surveyed_on: object,
               score: object, comment: str = "", today: dt.date | None = None) -> Survey:
    customer = get_customer_row(session, customer_id)
    scale = load_scale(session)
    checker = Checker()
    when = required_date(checker, "surveyed_on", surveyed_on, not_after=today or dt.date.today())
    points = checker.run(check_int_range, "score", score, 1, scale.top)
    comment = checker.run(check_length, "comment", clean_text(comment), Survey.comment)
    checker.raise_if_any()
    survey = Survey(customer_id=customer.id, surveyed_on=when, score=points, comment=comment)
    session.add(survey)
    session.flush()
    return survey


def list_surveys(session: Session, customer_id: uuid.UUID) -> list[SurveyRow]:
    rows = session.scalars(select(Survey).where(Survey.customer_id == customer_id,
                                                Survey.deleted_at.is_(None))
                           .order_by(Survey.surveyed_on.desc()))
    return [SurveyRow(s.id, s.surveyed_on, s.score, s.comment) for s in rows]


@dataclass(frozen=True)
class MonthRate:
    month: dt.date          # the first of the month
    answers: int
    satisfied: int

    @property
    def rate(self) -> float | None:
        return self.satisfied / self.answers if self.answers else None


@dataclass(frozen=True)
class LowScore:
    customer_id: uuid.UUID
    number: str
    name: str
    tier: str
    score: int
    surveyed_on: dt.date
    comment: str
    after_complaint: bool = False   # the score was given when a complaint was closed


@dataclass(frozen=True)
class Satisfaction:
    scale: SurveyScale
    since: dt.date
    answers: int
    satisfied: int
    trend: list[MonthRate]
    low: list[LowScore]

    @property
    def rate(self) -> float | None:
        return self.satisfied / self.answers if self.answers else None

    @property
    def on_target(self) -> bool | None:
        rate = self.rate
        return None if rate is None else rate >= self.scale.target


def satisfaction(session: Session, today: dt.date, *, months: int = 12) -> Satisfaction:
    """The rate over the last ``months`` months (this one included), month by month, and the
    customers whose latest answer scored low."""
    scale = load_scale(session)
    since = add_months(today.replace(day=1), 1 - months)
    surveyed = (select(Survey.customer_id, Survey.surveyed_on, Survey.created_at, Survey.score,
                       Survey.comment)
                .join(Customer, Customer.id == Survey.customer_id)
                .where(Survey.deleted_at.is_(None), Customer.deleted_at.is_(None),
                       Survey.surveyed_on >= since, Survey.surveyed_on <= today))
    closed = (select(Complaint.customer_id, Complaint.closed_at, Complaint.satisfaction,
                     Complaint.resolution)
              .join(Customer, Customer.id == Complaint.customer_id)
              .where(Complaint.deleted_at.is_(None), Customer.deleted_at.is_(None),
                     Complaint.status == "closed", Complaint.satisfaction.is_not(None),
                     Complaint.closed_at >= dt.datetime.combine(since, dt.time()),
                     Complaint.closed_at < dt.datetime.combine(today + dt.timedelta(days=1),
                                                               dt.time())))
    answers: list[tuple[Any, ...]] = [(*row, False)
                                      for row in session.execute(surveyed)]
    answers += [(cid, at.date(), at, score, resolution, True)  # type: ignore[union-attr]
                for cid, at, score, resolution in session.execute(closed)]
    answers.sort(key=lambda answer: (answer[1], answer[2]))
    per_month = {add_months(since, i): [0, 0] for i in range(months)}
    latest: dict[uuid.UUID, tuple[dt.date, int, str, bool]] = {}
    for customer_id, day, _stamp, score, comment, after_complaint in answers:
        counted = per_month[day.replace(day=1)]
        counted[0] += 1
        counted[1] += score >= scale.satisfied_from
        latest[customer_id] = (day, score, comment, after_complaint)
    flagged = [cid for cid, (_d, score, _c, _a) in latest.items() if score <= scale.low_up_to]
    facts = {}
    for start in range(0, len(flagged), 500):
        facts.update({row[0]: row[1:] for row in session.execute(
            select(Customer.id, Customer.number, Customer.name, Customer.tier)
            .where(Customer.id.in_(flagged[start:start + 500])))})
    low = sorted((LowScore(cid, *facts[cid], latest[cid][1], latest[cid][0], latest[cid][2],
                           latest[cid][3]) for cid in flagged), key=lambda r: (r.score, r.number))
    trend = [MonthRate(month, n, ok) for month, (n, ok) in per_month.items()]
    return Satisfaction(scale, since, sum(m.answers for m in trend),
                        sum(m.satisfied for m in trend), trend, low)
