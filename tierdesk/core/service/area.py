"""The service area of the front door: today's list, follow-ups, complaints, surveys,
service jobs and due dates."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.customers import cards
from tierdesk.core.service import complaints, followups, jobs, surveys
from tierdesk.core.service.complaints import ComplaintRow
from tierdesk.core.service.surveys import Satisfaction, SurveyRow, SurveyScale
from tierdesk.core.service.today import TodayList, today_list
from tierdesk.core.store.raw import many_objects

if TYPE_CHECKING:
    from tierdesk.core.store.db import Database


class ServiceArea(Area):
    def __init__(self, db: Database, announce: Callable[[Change], None]) -> None:
        super().__init__(db, announce)
        # The day the greetings were last planned for: they change with the date, a saved
        # contact (planned as it is saved), the calendar or the rules (which forget the day).
        self._greeted_on: dt.date | None = None
        self._greeting = threading.Lock()
        # A day's list being read ahead (see read_today_ahead): what was asked, and the read.
        self._ahead: tuple[tuple[object, ...], Future[TodayList]] | None = None

    def forget(self, change: Change) -> None:
        """A write landed: a list read before it is not what today() must give, and the
        greetings are planned again after the calendar, the rules or many customers
        changed."""
        self._ahead = None
        if change.kinds & (Changed.SETTINGS | Changed.BULK):
            self._greeted_on = None

    # -- today's list --------------------------------------------------------------------------
    def today(self, day: dt.date, salesperson_id: uuid.UUID | None = None, *,
              most: int | None = None, greet: bool = True) -> TodayList:
        """The day's list (at most ``most`` lines a section, the rest counted); the greetings
        whose window opened are planned first, unless ``greet`` is False (the window shows
        the list first and plans them after, see plan_greetings)."""
        if greet:
            self.plan_greetings(day)
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == (day, salesperson_id, most):
            return ahead[1].result()
        return self._read_today(day, salesperson_id, most)

    def greeted(self, day: dt.date) -> bool:
        """Whether the greetings of ``day`` were planned since the calendar, the rules or
        many customers last changed."""
        return self._greeted_on == day

    def plan_greetings(self, day: dt.date) -> int:
        """Plan the greetings whose window is open on ``day`` (once a day, and again after
        the calendar, the rules or many customers changed); how many new ones."""
        with self._greeting:
            if self._greeted_on == day:
                return 0
            with self._db.write() as session:
                made = followups.plan_greetings(session, day)
            self._greeted_on = day
        return made

    def read_today_ahead(self, day: dt.date, salesperson_id: uuid.UUID | None, *,
                         most: int | None = None) -> None:
        """Start reading the day's list (without planning greetings) in a thread of its own,
        so that it is read while the program is still loading its window; the first today()
        that asks for the same list takes it (waiting for the end of the read), unless
        something was written since."""
        future: Future[TodayList] = Future()

        def read() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(self._read_today(day, salesperson_id, most))
            except BaseException as exc:  # handed to whoever takes the list
                future.set_exception(exc)

        self._ahead = ((day, salesperson_id, most), future)
        threading.Thread(target=read, name="today-ahead", daemon=True).start()

    def _read_today(self, day: dt.date, salesperson_id: uuid.UUID | None,
                    most: int | None) -> TodayList:
        with self._db.read() as session, many_objects():
            return today_list(session, day, salesperson_id=salesperson_id, most=most)

    # -- follow-ups ----------------------------------------------------------------------------
    def complete_task(self, task_id: uuid.UUID, entry: cards.VisitInput, *,
                      on: dt.date | None = None) -> cards.VisitResult:
        """One transaction: the call or visit goes on the card and the task is done."""
        with self._db.write() as session:
            customer_id = followups.task_row(session, task_id).customer_id
            result = cards.add_visit(session, customer_id, entry, today=on, described=True)
            followups.mark_done(session, task_id, on=result.visit.visit_date,
                                channel=result.visit.channel,
                                note=entry.outcome or entry.summary,
                                visit_id=result.visit.id)
        self._announce(Change(Changed.VISITS | Changed.TASKS, (customer_id,),
                              ("last_visit_on", "next_visit_on")))
        return result

    def task_not_answered(self, task_id: uuid.UUID, on: dt.date, note: str = "") -> None:
        with self._db.write() as session:
            customer_id = followups.task_row(session, task_id).customer_id
            followups.mark_no_answer(session, task_id, on=on, note=note)
        self._task_changed(customer_id)

    def postpone_task(self, task_id: uuid.UUID, to: dt.date, on: dt.date,
                      note: str = "") -> None:
        with self._db.write() as session:
            customer_id = followups.task_row(session, task_id).customer_id
            followups.postpone(session, task_id, to=to, on=on, note=note)
        self._task_changed(customer_id)

    def _task_changed(self, customer_id: uuid.UUID) -> None:
        """The change names the task's customer, so that only the views showing that
        customer's tasks read them again."""
        self._announce(Change(Changed.TASKS, (customer_id,), ()))

    def customer_tasks(self, customer_id: uuid.UUID, until: dt.date) -> list[followups.TaskRow]:
        return self._read(followups.open_tasks, until=until, customer_id=customer_id)

    def schedule(self, until: dt.date,
                 salesperson_id: uuid.UUID | None = None) -> list[followups.TaskRow]:
        return self._read(followups.open_tasks, until=until, salesperson_id=salesperson_id)

    def register(self, which: str, *, since: dt.date | None = None,
                 until: dt.date | None = None,
                 salesperson_id: uuid.UUID | None = None) -> list[followups.LogRow]:
        return self._read(followups.register, which, since=since, until=until,
                          salesperson_id=salesperson_id)

    def followup_rules(self) -> followups.FollowUpRules:
        return self._read(followups.load_rules)

    def save_followup_rules(self, rules: followups.FollowUpRules) -> followups.FollowUpRules:
        return self._write(Change(Changed.SETTINGS), followups.save_rules, rules)

    # -- service jobs and due dates ------------------------------------------------------------
    def add_service_job(self, customer_id: uuid.UUID, *, done_on: object, kind: str = "",
                        description: str = "", today: dt.date | None = None) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), jobs.add_service_job,
                    customer_id, done_on=done_on, kind=kind, description=description,
                    today=today)

    def add_due_date(self, customer_id: uuid.UUID, *, due_on: object, kind: str = "other",
                     note: str = "", today: dt.date | None = None) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), jobs.add_due_date,
                    customer_id, due_on=due_on, kind=kind, note=note, today=today)

    def service_jobs(self, customer_id: uuid.UUID) -> list[jobs.ServiceJobRow]:
        return self._read(jobs.list_service_jobs, customer_id)

    def due_dates(self, customer_id: uuid.UUID) -> list[jobs.DueDateRow]:
        return self._read(jobs.list_due_dates, customer_id)

    # -- complaints and satisfaction -----------------------------------------------------------
    def record_complaint(self, customer_id: uuid.UUID, *, received_at: dt.datetime,
                         description: str, channel: str = "phone", category: str = "",
                         severity: str = "normal", assigned_to_id: uuid.UUID | None = None,
                         now: dt.datetime | None = None) -> uuid.UUID:
        row = self._write(Change(Changed.COMPLAINTS, (customer_id,), ()),
                          complaints.record_complaint, customer_id, received_at=received_at,
                          description=description, channel=channel, category=category,
                          severity=severity, assigned_to_id=assigned_to_id, now=now)
        return row.id

    def advance_complaint(self, complaint_id: uuid.UUID, status: str, *, at: dt.datetime,
                          answer: str | None = None, resolution: str | None = None,
                          satisfaction: int | None = None) -> None:
        with self._db.write() as session:
            row = complaints.advance_complaint(session, complaint_id, status, at=at,
                                               answer=answer, resolution=resolution,
                                               satisfaction=satisfaction,
                                               top_score=surveys.load_scale(session).top)
            customer_id = row.customer_id
        self._announce(Change(Changed.COMPLAINTS, (customer_id,), ()))

    def assign_complaint(self, complaint_id: uuid.UUID,
                         salesperson_id: uuid.UUID | None) -> None:
        with self._db.write() as session:
            complaints.assign_complaint(session, complaint_id, salesperson_id)
            customer_id = complaints.get_complaint(session, complaint_id).customer_id
        self._announce(Change(Changed.COMPLAINTS, (customer_id,) if customer_id else (), ()))

    def complaint(self, complaint_id: uuid.UUID) -> ComplaintRow:
        return self._read(complaints.get_complaint, complaint_id)

    def complaints(self, customer_id: uuid.UUID) -> list[ComplaintRow]:
        return self._read(complaints.list_complaints, customer_id)

    def complaint_register(self, *, open_only: bool = False,
                           salesperson_id: uuid.UUID | None = None,
                           since: dt.datetime | None = None) -> list[ComplaintRow]:
        return self._read(complaints.complaint_register, open_only=open_only,
                          salesperson_id=salesperson_id, since=since)

    def add_survey(self, customer_id: uuid.UUID, *, surveyed_on: object, score: object,
                   comment: str = "", today: dt.date | None = None) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), surveys.add_survey,
                    customer_id, surveyed_on=surveyed_on, score=score, comment=comment,
                    today=today)

    def surveys(self, customer_id: uuid.UUID) -> list[SurveyRow]:
        return self._read(surveys.list_surveys, customer_id)

    def survey_scale(self) -> SurveyScale:
        return self._read(surveys.load_scale)

    def save_survey_scale(self, scale: SurveyScale) -> SurveyScale:
        return self._write(Change(Changed.REPORTS), surveys.save_scale, scale)

    def satisfaction(self, day: dt.date) -> Satisfaction:
        return self._read(surveys.satisfaction, day)
