"""The archive as the front ends use it: each call is one read or one write transaction.

The GUI and the command line call these methods instead of opening sessions themselves. After
every write the listeners are told what changed, so views refresh only what they show.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tierdesk.core.customers import cards, history, master_file
from tierdesk.core.customers import orders as order_book
from tierdesk.core.customers.orders import OrderRow, PaymentRow
from tierdesk.core.office import holidays, staff
from tierdesk.core.office import settings as office_settings
from tierdesk.core.office.holidays import HolidayRow
from tierdesk.core.office.settings import OfficeSettings
from tierdesk.core.service import complaints, followups, jobs, surveys
from tierdesk.core.service.complaints import ComplaintRow
from tierdesk.core.service.surveys import Satisfaction, SurveyRow, SurveyScale
from tierdesk.core.service.today import TodayList, today_list
from tierdesk.core.store.db import Database
from tierdesk.core.store.raw import many_objects
from tierdesk.core.tiers import norms
from tierdesk.core.tiers import rules as tier_rules
from tierdesk.core.tiers.rules import TierRules

if TYPE_CHECKING:
    from tierdesk.core.planning import alerts, kpis, plans, risk
    from tierdesk.core.planning import retention as keeping
    from tierdesk.core.tiers import grades, views
else:
    from tierdesk.core.later import Later

    # What only the manager's windows use (and numpy with it) is read when first asked
    # for, not at every start.
    alerts, kpis, plans, risk = (Later(f"tierdesk.core.planning.{name}")
                                 for name in ("alerts", "kpis", "plans", "risk"))
    views, grades = Later("tierdesk.core.tiers.views"), Later("tierdesk.core.tiers.grades")
    keeping = Later("tierdesk.core.planning.retention")


class Changed(enum.Flag):
    """Which kinds of thing a write changed; a view refreshes for the kinds it shows."""

    CUSTOMERS = enum.auto()     # a customer's facts (and what hangs on its file)
    VISITS = enum.auto()        # card entries (and the customer's last and next contact)
    TASKS = enum.auto()         # follow-ups
    COMPLAINTS = enum.auto()
    OFFICE = enum.auto()        # regions and salespeople
    SETTINGS = enum.auto()      # office settings, tier rules, the calendar, follow-up rules
    REPORTS = enum.auto()       # what only the reports read: plans, alert notes, scales
    BULK = enum.auto()          # many customers at once (an import, a reassessment)


@dataclass(frozen=True)
class Change:
    """What a write changed: the kinds, the customers concerned (none: any or many), and the
    customer list's columns touched (None: not known)."""

    kinds: Changed
    customer_ids: tuple[uuid.UUID, ...] = ()
    columns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CustomerCard:
    """Everything the card view shows when a customer is opened."""

    facts: master_file.CustomerFacts
    current: cards.CardView | None
    cards: list[cards.CardView]


Listener = Callable[[Change], None]
# A customer's field -> the customer list's column showing it (customer_list.COLUMNS).
LIST_COLUMN_OF = {"number": "number", "name": "name", "contact_name": "contact_name",
                  "mobile": "phone", "landline": "phone", "region_id": "region",
                  "tier": "tier", "salesperson_id": "salesperson", "status": "status"}


class Archive:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._listeners: list[Listener] = []
        # The day the greetings were last planned for: they change with the date, a saved
        # contact (planned as it is saved), the calendar or the rules (which forget the day).
        self._greeted_on: dt.date | None = None
        self._greeting = threading.Lock()
        # A day's list being read ahead (see read_today_ahead): what was asked, and the read.
        self._ahead: tuple[tuple[object, ...], Future[TodayList]] | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        self._ahead = None   # read before the write: not what today() must give
        for listener in list(self._listeners):
            listener(change)

    # -- reading -------------------------------------------------------------------------------
    def settings(self) -> OfficeSettings:
        with self.db.read() as session:
            return office_settings.load_settings(session)

    def regions(self) -> list[staff.RegionRow]:
        with self.db.read() as session:
            return staff.list_regions(session)

    def salespeople(self, *, include_inactive: bool = True,
                    with_counts: bool = True) -> list[staff.SalespersonRow]:
        with self.db.read() as session:
            return staff.list_salespeople(session, include_inactive=include_inactive,
                                           with_counts=with_counts)

    def open_customer(self, customer_id: uuid.UUID) -> CustomerCard:
        with self.db.read() as session:
            all_cards = cards.list_cards(session, customer_id)
            current = next((c for c in reversed(all_cards) if c.is_open), None)
            return CustomerCard(master_file.customer_facts(session, customer_id), current,
                                all_cards)

    def same_name_and_phone(self, data: master_file.CustomerInput
                            ) -> list[master_file.SameCustomer]:
        with self.db.read() as session:
            return master_file.same_name_and_phone(session, data)

    def customer(self, customer_id: uuid.UUID) -> master_file.CustomerFacts:
        with self.db.read() as session:
            return master_file.customer_facts(session, customer_id)

    def _read(self, func: Callable[..., Any], *args: Any) -> Any:
        with self.db.read() as session:
            return func(session, *args)

    def contacts(self, customer_id: uuid.UUID) -> list[master_file.ContactRow]:
        return self._read(master_file.list_contacts, customer_id)  # type: ignore[no-any-return]

    def orders(self, customer_id: uuid.UUID) -> list[OrderRow]:
        return self._read(order_book.list_orders, customer_id)  # type: ignore[no-any-return]

    def payments(self, customer_id: uuid.UUID) -> list[PaymentRow]:
        return self._read(order_book.list_payments, customer_id)  # type: ignore[no-any-return]

    def collection_rate(self, customer_id: uuid.UUID) -> float | None:
        return self._read(order_book.collection_rate, customer_id)  # type: ignore[no-any-return]

    def complaints(self, customer_id: uuid.UUID) -> list[ComplaintRow]:
        return self._read(complaints.list_complaints, customer_id)  # type: ignore[no-any-return]

    def tier_history(self, customer_id: uuid.UUID) -> list[grades.TierHistoryRow]:
        return self._read(grades.tier_history, customer_id)  # type: ignore[no-any-return]

    def change_history(self, customer_id: uuid.UUID) -> list[master_file.ChangeRow]:
        return self._read(master_file.change_history, customer_id)  # type: ignore[no-any-return]

    def history(self, customer_id: uuid.UUID) -> list[history.HistoryLine]:
        """Every change of the customer and what is its, oldest first (core.customers.history)."""
        return self._read(history.customer_history, customer_id)  # type: ignore[no-any-return]

    def entry_changes(self, customer_id: uuid.UUID) -> list[tuple[int, int, master_file.ChangeRow]]:
        return self._read(cards.entry_changes, customer_id)  # type: ignore[no-any-return]

    # -- tiers ---------------------------------------------------------------------------------
    def tier_rules(self) -> TierRules:
        return self._read(tier_rules.load_rules)  # type: ignore[no-any-return]

    def assess(self, period: str, *, rules: TierRules | None = None,
               today: dt.date | None = None) -> grades.Assessment:
        with self.db.read() as session:
            return grades.assess_tiers(session, period, rules=rules, today=today)

    def tier_picture(self, today: dt.date) -> views.TierPicture:
        return self._read(views.tier_picture, today)  # type: ignore[no-any-return]

    def assessment_runs(self) -> list[views.AssessmentRun]:
        return self._read(views.assessment_runs)  # type: ignore[no-any-return]

    def migration(self, before: dt.datetime, after: dt.datetime) -> dict[tuple[str, str], int]:
        return self._read(views.migration, before, after)  # type: ignore[no-any-return]

    def customer_norm(self, customer_id: uuid.UUID, today: dt.date) -> norms.NormStatus | None:
        return self._read(norms.customer_norm, customer_id, today)  # type: ignore[no-any-return]

    def save_tier_rules(self, rules: TierRules) -> TierRules:
        with self.db.write() as session:
            saved = tier_rules.save_rules(session, rules)
        self._notify(Change(Changed.SETTINGS))
        return saved

    def apply_assessment(self, assessment: grades.Assessment) -> int:
        """One transaction: every grade lands, or none does."""
        with self.db.write() as session:
            changed = grades.apply_assessment(session, assessment)
        self._notify(Change(Changed.BULK))
        return changed

    def override_tier(self, customer_id: uuid.UUID, tier: str, reason: str) -> None:
        with self.db.write() as session:
            grades.override_tier(session, customer_id, tier, reason)
        self._notify(Change(Changed.CUSTOMERS, (customer_id,), ("tier",)))

    def remove_override(self, customer_id: uuid.UUID, reason: str = "") -> None:
        with self.db.write() as session:
            grades.remove_override(session, customer_id, reason)
        self._notify(Change(Changed.CUSTOMERS, (customer_id,), ()))

    def changed_elsewhere(self) -> None:
        """Many rows changed at once (an import): views reload what they show."""
        self._greeted_on = None
        self._notify(Change(Changed.BULK))

    # -- writing -------------------------------------------------------------------------------
    def create_customer(self, data: master_file.CustomerInput) -> uuid.UUID:
        with self.db.write() as session:
            customer_id = master_file.create_customer(session, data).id
        self._notify(Change(Changed.CUSTOMERS, (customer_id,)))
        return customer_id

    def update_customer(self, customer_id: uuid.UUID, data: master_file.CustomerInput, *,
                        changed_by: str = "") -> int:
        with self.db.write() as session:
            changed = master_file.update_customer(session, customer_id, data,
                                                changed_by=changed_by)
        if changed:
            # The list's columns the edit touched: a view shows the row again, and reads the
            # whole list again only where its filter or order depends on them.
            shown = {LIST_COLUMN_OF.get(change.field, "") for change in changed} - {""}
            self._notify(Change(Changed.CUSTOMERS, (customer_id,), tuple(sorted(shown))))
        return len(changed)

    def delete_customer(self, customer_id: uuid.UUID) -> None:
        with self.db.write() as session:
            master_file.delete_customer(session, customer_id)
        self._notify(Change(Changed.CUSTOMERS, (customer_id,)))

    def add_visit(self, customer_id: uuid.UUID, data: cards.VisitInput) -> cards.VisitResult:
        with self.db.write() as session:
            result = cards.add_visit(session, customer_id, data)
        self._notify(Change(Changed.VISITS, (customer_id,), ("last_visit_on", "next_visit_on")))
        return result

    def correct_visit(self, visit_id: uuid.UUID, data: cards.VisitInput) -> cards.VisitEntry:
        with self.db.write() as session:
            entry = cards.correct_visit(session, visit_id, data)
            customer_id = cards.customer_of(session, visit_id)
        self._notify(Change(Changed.VISITS, (customer_id,), ("last_visit_on", "next_visit_on")))
        return entry

    def strike_visit(self, visit_id: uuid.UUID, reason: str = "") -> cards.VisitEntry:
        with self.db.write() as session:
            entry = cards.strike_visit(session, visit_id, reason=reason)
            customer_id = cards.customer_of(session, visit_id)
        self._notify(Change(Changed.VISITS, (customer_id,), ("last_visit_on", "next_visit_on")))
        return entry

    def visit_history(self, visit_id: uuid.UUID) -> list[master_file.ChangeRow]:
        with self.db.read() as session:
            return cards.visit_history(session, visit_id)

    def save_contact(self, customer_id: uuid.UUID, data: master_file.ContactInput,
                     contact_id: uuid.UUID | None = None) -> None:
        with self.db.write() as session:
            master_file.save_contact(session, customer_id, data, contact_id=contact_id)
            followups.plan_greetings(session, dt.date.today(), customer_ids=[customer_id])
        self._notify(Change(Changed.CUSTOMERS, (customer_id,), ()))

    def add_order(self, customer_id: uuid.UUID, **fields: Any) -> None:
        with self.db.write() as session:
            order_book.add_order(session, customer_id, **fields)
        self._notify(Change(Changed.CUSTOMERS, (customer_id,), ("status",)))

    def add_payment(self, customer_id: uuid.UUID, **fields: Any) -> None:
        with self.db.write() as session:
            order_book.add_payment(session, customer_id, **fields)
        self._notify(Change(Changed.CUSTOMERS, (customer_id,), ()))

    def save_settings(self, **changes: Any) -> OfficeSettings:
        with self.db.write() as session:
            result = office_settings.save_settings(session, **changes)
        self._notify(Change(Changed.SETTINGS))
        return result

    def save_region(self, code: str, name: str, region_id: uuid.UUID | None = None) -> None:
        with self.db.write() as session:
            staff.save_region(session, code, name, region_id)
        self._notify(Change(Changed.OFFICE, columns=("region",)))

    def save_salesperson(self, **fields: Any) -> None:
        with self.db.write() as session:
            staff.save_salesperson(session, **fields)
        self._notify(Change(Changed.OFFICE, columns=("salesperson",)))

    def hand_over(self, from_id: uuid.UUID, to_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        with self.db.write() as session:
            moved = staff.customers_of(session, from_id)
            given = staff.hand_over_customers(session, from_id, to_ids)
        self._notify(Change(Changed.CUSTOMERS | Changed.TASKS | Changed.COMPLAINTS,
                            tuple(moved), ("salesperson",)))
        return given

    # -- follow-ups and service ----------------------------------------------------------------
    def _write(self, change: Change, func: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        with self.db.write() as session:
            result = func(session, *args, **kw)
        if change.kinds & Changed.SETTINGS:   # the calendar or the rules: plan greetings again
            self._greeted_on = None
        self._notify(change)
        return result

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
            with self.db.write() as session:
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
        with self.db.read() as session, many_objects():
            return today_list(session, day, salesperson_id=salesperson_id, most=most)

    def complete_task(self, task_id: uuid.UUID, entry: cards.VisitInput, *,
                      on: dt.date | None = None) -> cards.VisitResult:
        """One transaction: the call or visit goes on the card and the task is done."""
        with self.db.write() as session:
            customer_id = followups.task_row(session, task_id).customer_id
            result = cards.add_visit(session, customer_id, entry, today=on, described=True)
            followups.mark_done(session, task_id, on=result.visit.visit_date,
                                channel=result.visit.channel,
                                note=entry.outcome or entry.summary,
                                visit_id=result.visit.id)
        self._notify(Change(Changed.VISITS | Changed.TASKS, (customer_id,),
                            ("last_visit_on", "next_visit_on")))
        return result

    def task_not_answered(self, task_id: uuid.UUID, on: dt.date, note: str = "") -> None:
        self._task_write(task_id, followups.mark_no_answer, on=on, note=note)

    def postpone_task(self, task_id: uuid.UUID, to: dt.date, on: dt.date,
                      note: str = "") -> None:
        self._task_write(task_id, followups.postpone, to=to, on=on, note=note)

    def _task_write(self, task_id: uuid.UUID, func: Callable[..., Any], **kw: Any) -> None:
        """A follow-up acted on; the change names its customer, so that only the views
        showing that customer's tasks read them again."""
        with self.db.write() as session:
            customer_id = followups.task_row(session, task_id).customer_id
            func(session, task_id, **kw)
        self._notify(Change(Changed.TASKS, (customer_id,), ()))

    def customer_tasks(self, customer_id: uuid.UUID, until: dt.date) -> list[followups.TaskRow]:
        with self.db.read() as session:
            return followups.open_tasks(session, until=until, customer_id=customer_id)

    def schedule(self, until: dt.date,
                 salesperson_id: uuid.UUID | None = None) -> list[followups.TaskRow]:
        with self.db.read() as session:
            return followups.open_tasks(session, until=until, salesperson_id=salesperson_id)

    def register(self, which: str, **filters: Any) -> list[followups.LogRow]:
        with self.db.read() as session:
            return followups.register(session, which, **filters)

    def followup_rules(self) -> followups.FollowUpRules:
        return self._read(followups.load_rules)  # type: ignore[no-any-return]

    def save_followup_rules(self, rules: followups.FollowUpRules) -> followups.FollowUpRules:
        return self._write(Change(Changed.SETTINGS), followups.save_rules,  # type: ignore[no-any-return]
                           rules)

    def add_service_job(self, customer_id: uuid.UUID, **fields: Any) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), jobs.add_service_job,
                    customer_id, **fields)

    def add_due_date(self, customer_id: uuid.UUID, **fields: Any) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), jobs.add_due_date,
                    customer_id, **fields)

    def service_jobs(self, customer_id: uuid.UUID) -> list[jobs.ServiceJobRow]:
        return self._read(jobs.list_service_jobs, customer_id)  # type: ignore[no-any-return]

    def due_dates(self, customer_id: uuid.UUID) -> list[jobs.DueDateRow]:
        return self._read(jobs.list_due_dates, customer_id)  # type: ignore[no-any-return]

    def holidays(self, **span: Any) -> list[HolidayRow]:
        with self.db.read() as session:
            return holidays.list_holidays(session, **span)

    def working_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        return self._read(holidays.working_days, first, last)  # type: ignore[no-any-return]

    def save_holiday(self, **fields: Any) -> None:
        self._write(Change(Changed.SETTINGS), holidays.save_holiday, **fields)

    def delete_holiday(self, holiday_id: uuid.UUID) -> None:
        self._write(Change(Changed.SETTINGS), holidays.delete_holiday, holiday_id)

    def load_official_holidays(self, year: int) -> int:
        """The official public holidays and adjusted working days of ``year`` into the
        office's calendar (days already there are kept); how many were added."""
        return self._write(Change(Changed.SETTINGS), holidays.load_official_holidays,  # type: ignore[no-any-return]
                           year)

    # -- complaints and satisfaction -----------------------------------------------------------
    def record_complaint(self, customer_id: uuid.UUID, **fields: Any) -> uuid.UUID:
        row = self._write(Change(Changed.COMPLAINTS, (customer_id,), ()),
                          complaints.record_complaint, customer_id, **fields)
        return row.id  # type: ignore[no-any-return]

    def advance_complaint(self, complaint_id: uuid.UUID, status: str, **fields: Any) -> None:
        with self.db.write() as session:
            row = complaints.advance_complaint(session, complaint_id, status,
                                               top_score=surveys.load_scale(session).top,
                                               **fields)
            customer_id = row.customer_id
        self._notify(Change(Changed.COMPLAINTS, (customer_id,), ()))

    def assign_complaint(self, complaint_id: uuid.UUID, salesperson_id: uuid.UUID | None) -> None:
        with self.db.write() as session:
            complaints.assign_complaint(session, complaint_id, salesperson_id)
            customer_id = complaints.get_complaint(session, complaint_id).customer_id
        self._notify(Change(Changed.COMPLAINTS, (customer_id,) if customer_id else (), ()))

    def complaint(self, complaint_id: uuid.UUID) -> ComplaintRow:
        return self._read(complaints.get_complaint, complaint_id)  # type: ignore[no-any-return]

    def complaint_register(self, **filters: Any) -> list[ComplaintRow]:
        with self.db.read() as session:
            return complaints.complaint_register(session, **filters)

    def add_survey(self, customer_id: uuid.UUID, **fields: Any) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), surveys.add_survey, customer_id,
                    **fields)

    def surveys(self, customer_id: uuid.UUID) -> list[SurveyRow]:
        return self._read(surveys.list_surveys, customer_id)  # type: ignore[no-any-return]

    def survey_scale(self) -> SurveyScale:
        return self._read(surveys.load_scale)  # type: ignore[no-any-return]

    def save_survey_scale(self, scale: SurveyScale) -> SurveyScale:
        return self._write(Change(Changed.REPORTS), surveys.save_scale,  # type: ignore[no-any-return]
                           scale)

    def satisfaction(self, day: dt.date) -> Satisfaction:
        return self._read(surveys.satisfaction, day)  # type: ignore[no-any-return]

    # -- month plans ---------------------------------------------------------------------------
    def month_plan(self, month: dt.date, today: dt.date) -> plans.Plan:
        with self.db.read() as session:
            return plans.plan_for(session, month, today=today)

    def month_plans(self) -> list[plans.PlanRow]:
        return self._read(plans.list_plans)  # type: ignore[no-any-return]

    def save_month_plan(self, plan: plans.Plan, *, publish: bool = False) -> None:
        self._write(Change(Changed.REPORTS), plans.save_plan, plan, publish=publish)

    def set_new_customer_target(self, plan: plans.Plan, target: object) -> None:
        with self.db.read() as session:
            plans.set_new_customer_target(plan, target, session)

    def plan_settings(self) -> plans.PlanSettings:
        return self._read(plans.load_plan_settings)  # type: ignore[no-any-return]

    def save_plan_settings(self, settings: plans.PlanSettings) -> plans.PlanSettings:
        return self._write(Change(Changed.REPORTS),  # type: ignore[no-any-return]
                           plans.save_plan_settings, settings)

    # -- team performance ----------------------------------------------------------------------
    def scorecards(self, first: dt.date, last: dt.date, today: dt.date) -> list[Any]:
        with self.db.read() as session:
            return kpis.scorecards(session, first, last, today=today)

    def month_progress(self, month: dt.date, today: dt.date) -> tuple[str, list[Any]]:
        return self._read(kpis.month_progress, month, today)  # type: ignore[no-any-return]

    def retention(self, first: dt.date, last: dt.date) -> tuple[Any, dict[str, Any]]:
        return self._read(keeping.retention, first, last)  # type: ignore[no-any-return]

    def retention_rules(self) -> keeping.RetentionRules:
        return self._read(keeping.load_retention_rules)  # type: ignore[no-any-return]

    def save_retention_rules(self, rules: keeping.RetentionRules) -> Any:
        return self._write(Change(Changed.REPORTS), keeping.save_retention_rules, rules)

    def problem_alerts(self, today: dt.date) -> list[alerts.Alert]:
        with self.db.read() as session, many_objects():
            return alerts.problem_alerts(session, today)

    def acknowledge_alert(self, key: str, note: str) -> None:
        self._write(Change(Changed.REPORTS), alerts.acknowledge, key, note)

    def alert_rules(self) -> alerts.AlertRules:
        return self._read(alerts.load_alert_rules)  # type: ignore[no-any-return]

    def save_alert_rules(self, rules: alerts.AlertRules) -> Any:
        return self._write(Change(Changed.REPORTS), alerts.save_alert_rules, rules)

    def risk_rules(self) -> risk.RiskRules:
        return self._read(risk.load_risk_rules)  # type: ignore[no-any-return]

    def save_risk_rules(self, rules: risk.RiskRules) -> Any:
        return self._write(Change(Changed.REPORTS), risk.save_risk_rules, rules)
