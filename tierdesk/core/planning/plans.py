"""Month plans: next month's quotas for every active salesperson, with the task list behind them.

For a month the plan proposes, per salesperson:
- the revisit quota: the calls and visits the tier norms of their customers ask for in the
  month, plus the follow-ups already due by its end. A norm of so many a month asks for that
  many; a norm of so many a quarter asks for the contacts that fall due in the month (the last
  contact plus the norm's interval, or at once when there is none), never more than the
  quarter still lacks, and in the quarter's last month all it lacks. A customer whose
  purchases are falling gets a visit when the norm asks for none;
- the visits per working day: the visit quota over the month's working days (weekdays that
  are not days off in the office's calendar, plus weekend days worked);
- the new-customer quota: the office's target for the month, split by region (where the office
  sets a region's target) and by headcount (largest remainder, in salesperson code order).

The manager adjusts any figure; a draft keeps the adjustments and refreshes the rest. A
published plan is frozen: its quotas and task lists stay as they were handed out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.holidays import working_days
from tierdesk.core.office.settings import load_record, load_settings, store_setting
from tierdesk.core.planning.needs import RISKS, TaskLine, month_needs
from tierdesk.core.service.followups import add_months
from tierdesk.core.store.models import (
    MonthPlan,
    PlanQuota,
    PlanTask,
    Region,
    Salesperson,
    utcnow,
)
from tierdesk.core.store.raw import (
    day_numbers,
    fetch_tuples,
    hex_id,
    insert_many,
    many_objects,
    new_keys,
    raw,
    uuid_of,
)
from tierdesk.core.validation import Checker, check_int_range, fail

SETTINGS_KEY = "plan_settings"
# The figures a manager may adjust, whole numbers except the visits per working day.
FIGURES = ("calls", "visits", "follow_ups", "new_customers", "visits_per_day")
MOST = 100_000
TASK_COLUMNS = ("id", "created_at", "updated_at", "plan_id", "salesperson_id", "customer_id",
                "position", "number", "name", "tier", "calls", "visits", "follow_ups", "why",
                "last_contact")


# -- the office's targets ------------------------------------------------------------------
@dataclass(frozen=True)
class PlanSettings:
    new_customers: int | None = None   # the office's monthly target; None: per_head each
    per_head: int = 2
    region_targets: dict[str, int] = field(default_factory=dict)   # region code: target


def load_plan_settings(session: Session) -> PlanSettings:
    return load_record(session, SETTINGS_KEY, PlanSettings)


def save_plan_settings(session: Session, settings: PlanSettings) -> PlanSettings:
    """Check and keep the office's targets; figures may be typed text ("12"), a region's
    target is named by its code (field "region:CODE" when refused)."""
    checker = Checker()
    office = None if settings.new_customers in (None, "") else checker.run(
        check_int_range, "new_customers", settings.new_customers, 0, MOST)
    per_head = checker.run(check_int_range, "per_head", settings.per_head, 0, 1000)
    known = set(session.scalars(select(Region.code).where(Region.deleted_at.is_(None))))
    regions = {}
    for code, target in settings.region_targets.items():
        if code not in known:
            checker.add(f"region:{code}", QT_TRANSLATE_NOOP(
                "Validation", "No region with code \"{value}\"."), value=code)
        elif target not in (None, ""):
            regions[code] = checker.run(check_int_range, f"region:{code}", target, 0, MOST)
    checker.raise_if_any()
    store_setting(session, SETTINGS_KEY, asdict(PlanSettings(office, per_head, regions)))
    return load_plan_settings(session)


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights``; leftover units go to the largest
    remainders, the earlier one first on a tie."""
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def split_new_customers(total: int, people: list[tuple[str, str]],
                        region_targets: dict[str, int]) -> dict[str, int]:
    """people: (key, region code) in salesperson code order. A region with a target of its
    own shares it among its people; the rest of the office target is shared by headcount
    among the people of the other regions."""
    quota: dict[str, int] = {}
    by_region: dict[str, list[str]] = defaultdict(list)
    for key, region in people:
        by_region[region].append(key)
    rest = [key for key, region in people if region not in region_targets]
    for region, keys in by_region.items():
        if region in region_targets:
            quota.update(zip(keys, _largest_remainder(region_targets[region], [1] * len(keys)),
                             strict=True))
    left = max(0, total - sum(region_targets.get(r, 0) for r in by_region))
    quota.update(zip(rest, _largest_remainder(left, [1] * len(rest)), strict=True))
    return quota


# -- the plan ------------------------------------------------------------------------------
@dataclass
class Quota:
    salesperson_id: uuid.UUID
    code: str
    name: str
    region: str
    customers: int
    calls: int
    visits: int
    follow_ups: int
    new_customers: int
    visits_per_day: float
    proposed: dict[str, float] = field(default_factory=dict)
    adjusted: set[str] = field(default_factory=set)

    @property
    def revisits(self) -> int:
        return self.calls + self.visits + self.follow_ups


class TaskLists(Mapping[uuid.UUID, list[TaskLine]]):
    """Each salesperson's task list, made when first asked for and kept."""

    def __init__(self, people: list[uuid.UUID],
                 make: Callable[[uuid.UUID], list[TaskLine]]) -> None:
        self._people = people
        self._make = make
        self._made: dict[uuid.UUID, list[TaskLine]] = {}

    def __getitem__(self, salesperson_id: uuid.UUID) -> list[TaskLine]:
        made = self._made.get(salesperson_id)
        if made is None:
            if salesperson_id not in self._people:
                raise KeyError(salesperson_id)
            made = self._made[salesperson_id] = self._make(salesperson_id)
        return made

    def __iter__(self) -> Iterator[uuid.UUID]:
        return iter(self._people)

    def __len__(self) -> int:
        return len(self._people)


@dataclass
class Plan:
    month: dt.date
    status: str                      # "proposed", "draft" or "published"
    made_on: dt.date
    working_days: int
    new_customer_target: int
    office_name: str
    quotas: list[Quota]
    tasks: Mapping[uuid.UUID, list[TaskLine]]
    published_at: dt.datetime | None = None

    @property
    def last_day(self) -> dt.date:
        return add_months(self.month, 1) - dt.timedelta(days=1)

    def quota(self, salesperson_id: uuid.UUID) -> Quota:
        return next(q for q in self.quotas if q.salesperson_id == salesperson_id)

    def total(self, figure: str) -> float:
        return sum(getattr(q, figure) for q in self.quotas)


def parse_month(value: object) -> dt.date:
    """A month typed as 2026-12, 2026/12 or 2026-12-01: its first day."""
    if isinstance(value, dt.date):
        return value.replace(day=1)
    found = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?\s*月?\s*",
                         str(value))
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise fail("month", QT_TRANSLATE_NOOP("Validation",
                                              "\"{value}\" is not a month such as 2026-12."),
                   value=value)
    return dt.date(int(found.group(1)), int(found.group(2)), 1)


def propose(session: Session, month: dt.date, *, today: dt.date,
            new_customer_target: int | None = None) -> Plan:
    first = month.replace(day=1)
    last = add_months(first, 1) - dt.timedelta(days=1)
    settings = load_settings(session)
    targets = load_plan_settings(session)
    people = session.execute(
        select(Salesperson.id, Salesperson.code, Salesperson.name, Region.code.label("region"))
        .outerjoin(Region, Region.id == Salesperson.region_id)
        .where(Salesperson.active.is_(True), Salesperson.deleted_at.is_(None))
        .order_by(Salesperson.code)).all()
    with many_objects():
        needs = month_needs(session, first, last, [p.id.hex for p in people])
    days = len(working_days(session, first, last))
    target = new_customer_target
    if target is None:
        target = targets.new_customers if targets.new_customers is not None \
            else targets.per_head * len(people)
    split = split_new_customers(target, [(p.id.hex, p.region or "") for p in people],
                                targets.region_targets)
    order = {tier: i for i, tier in enumerate(settings.tiers)}

    def task_list(salesperson_id: uuid.UUID) -> list[TaskLine]:
        # At risk first, then by tier; customer number order within (the sort is stable).
        with many_objects():
            return sorted(needs.lines(salesperson_id.hex),
                          key=lambda t: (not t.at_risk, order.get(t.tier, 99)))

    owned, totals = needs.owned(), needs.totals()
    quotas = []
    for person in people:
        calls, visits, follow_ups = totals[person.id.hex]
        quota = Quota(person.id, person.code, person.name, person.region or "",
                      owned[person.id.hex], calls, visits, follow_ups, split[person.id.hex],
                      round(visits / days, 1) if days else 0.0)
        quota.proposed = {f: getattr(quota, f) for f in FIGURES}
        quotas.append(quota)
    tasks = TaskLists([p.id for p in people], task_list)
    return Plan(first, "proposed", today, days, target, settings.office_name, quotas, tasks)


def adjust(plan: Plan, salesperson_id: uuid.UUID, figure: str, value: object) -> None:
    """Set one figure of one salesperson's quota; a changed visit quota changes the visits
    per working day too, unless that was adjusted itself."""
    if plan.status == "published":
        raise fail(figure, QT_TRANSLATE_NOOP("Validation",
                                             "A published plan cannot change."))
    if figure not in FIGURES:
        raise fail(figure, QT_TRANSLATE_NOOP("Validation", "Unknown figure \"{value}\"."),
                   value=figure)
    quota = plan.quota(salesperson_id)
    if figure == "visits_per_day":
        try:
            number: float = round(float(str(value).strip()), 1)
        except ValueError:
            raise fail(figure, QT_TRANSLATE_NOOP("Validation", "Enter a number: \"{value}\"."),
                       value=value) from None
        if not 0 <= number <= 100:
            raise fail(figure, QT_TRANSLATE_NOOP("Validation",
                                                 "Enter a number from {low} to {high}."),
                       low=0, high=100)
    else:
        number = check_int_range(figure, value, 0, MOST)
    setattr(quota, figure, number)
    quota.adjusted.add(figure)
    if figure == "visits" and "visits_per_day" not in quota.adjusted:
        quota.visits_per_day = round(quota.visits / plan.working_days, 1) \
            if plan.working_days else 0.0


def set_new_customer_target(plan: Plan, target: object, session: Session) -> None:
    """A new office target, split again over the quotas not adjusted by hand."""
    total = check_int_range("new_customer_target", target, 0, MOST)
    plan.new_customer_target = total
    regions = load_plan_settings(session).region_targets
    split = split_new_customers(total, [(q.salesperson_id.hex, q.region) for q in plan.quotas],
                                regions)
    for quota in plan.quotas:
        quota.proposed["new_customers"] = split[quota.salesperson_id.hex]
        if "new_customers" not in quota.adjusted:
            quota.new_customers = split[quota.salesperson_id.hex]


# -- keeping plans -------------------------------------------------------------------------
def _published_refusal(month: dt.date) -> Exception:
    return fail("month", QT_TRANSLATE_NOOP(
        "Validation", "The plan for {month} is published and cannot change."),
        month=month.strftime("%Y-%m"))


def save_plan(session: Session, plan: Plan, *, publish: bool = False,
              now: dt.datetime | None = None) -> None:
    """Keep the plan as a draft, or publish it (frozen, with its task lists)."""
    row = session.scalar(select(MonthPlan).where(MonthPlan.month == plan.month))
    if row is not None and row.status == "published":
        raise _published_refusal(plan.month)
    if row is None:
        row = MonthPlan(month=plan.month)
        session.add(row)
    row.status = "published" if publish else "draft"
    row.made_on, row.working_days = plan.made_on, plan.working_days
    row.new_customer_target, row.office_name = plan.new_customer_target, plan.office_name
    row.deleted_at = None
    session.flush()
    kept = {q.salesperson_id: q for q in session.scalars(
        select(PlanQuota).where(PlanQuota.plan_id == row.id))}
    for quota in plan.quotas:
        stored = kept.pop(quota.salesperson_id, None)
        if stored is None:
            stored = PlanQuota(plan_id=row.id, salesperson_id=quota.salesperson_id)
            session.add(stored)
        stored.code, stored.name, stored.region = quota.code, quota.name, quota.region
        stored.customers = quota.customers
        for figure in FIGURES:
            setattr(stored, figure, getattr(quota, figure))
        stored.proposed = dict(quota.proposed)
        stored.adjusted = sorted(quota.adjusted)
    for gone in kept.values():
        session.delete(gone)
    if publish:
        stamp = utcnow()
        lines = [(hex_id(person), i, t) for person, tasks in plan.tasks.items()
                 for i, t in enumerate(tasks)]
        insert_many(session.connection(), PlanTask.__table__, TASK_COLUMNS, [
            (key, stamp, stamp, row.id.hex, person, t.key, i, t.number, t.name, t.tier,
             t.calls, t.visits, t.follow_ups, json.dumps(t.why, ensure_ascii=False),
             t.last_contact)
            for key, (person, i, t) in zip(new_keys(len(lines)), lines, strict=True)])
        row.published_at = (now or dt.datetime.now()).replace(microsecond=0)
    session.flush()
    plan.status = row.status
    plan.published_at = row.published_at


def stored_plan(session: Session, month: dt.date) -> Plan | None:
    row = session.scalar(select(MonthPlan).where(MonthPlan.month == month.replace(day=1),
                                                 MonthPlan.deleted_at.is_(None)))
    if row is None:
        return None
    quotas = [Quota(q.salesperson_id, q.code, q.name, q.region, q.customers, q.calls, q.visits,
                    q.follow_ups, q.new_customers, q.visits_per_day, dict(q.proposed),
                    set(q.adjusted))
              for q in session.scalars(select(PlanQuota).where(PlanQuota.plan_id == row.id)
                                       .order_by(PlanQuota.code))]
    tasks: dict[uuid.UUID, list[TaskLine]] = {q.salesperson_id: [] for q in quotas}
    connection = session.connection()
    stored = fetch_tuples(connection, select(
        raw(PlanTask.salesperson_id), raw(PlanTask.customer_id), PlanTask.number,
        PlanTask.name, PlanTask.tier, PlanTask.calls, PlanTask.visits, PlanTask.follow_ups,
        raw(PlanTask.why), raw(PlanTask.last_contact))
        .where(PlanTask.plan_id == row.id)
        .order_by(PlanTask.salesperson_id, PlanTask.position))
    people = {q.salesperson_id.hex: q.salesperson_id for q in quotas}
    contacts = day_numbers([t[9] for t in stored]).tolist()
    for t, last_contact in zip(stored, contacts, strict=True):
        given = t[8]     # JSON text on SQLite; PostgreSQL's driver reads it already
        why = [(w[0], w[1]) for w in (json.loads(given) if isinstance(given, str | bytes)
                                      else given)]
        person = hex_id(t[0])
        tasks.setdefault(people.get(person) or uuid_of(person), []).append(TaskLine(
            hex_id(t[1]), t[2], t[3], t[4], t[5], t[6], t[7], why, last_contact,
            any(reason in RISKS for reason, _facts in why)))
    return Plan(row.month, row.status, row.made_on, row.working_days,
                row.new_customer_target, row.office_name, quotas, tasks, row.published_at)


def plan_for(session: Session, month: dt.date, *, today: dt.date) -> Plan:
    """The month's plan: the published one as it was published; otherwise a fresh proposal
    that keeps what the manager adjusted in the draft."""
    kept = stored_plan(session, month)
    if kept is not None and kept.status == "published":
        return kept
    plan = propose(session, month, today=today,
                   new_customer_target=kept.new_customer_target if kept else None)
    if kept is not None:
        plan.status = "draft"
        before = {q.salesperson_id: q for q in kept.quotas}
        for quota in plan.quotas:
            old = before.get(quota.salesperson_id)
            for figure in old.adjusted if old else ():
                setattr(quota, figure, getattr(old, figure))
                quota.adjusted.add(figure)
    return plan


@dataclass(frozen=True)
class PlanRow:
    month: dt.date
    status: str
    published_at: dt.datetime | None


def list_plans(session: Session) -> list[PlanRow]:
    return [PlanRow(r.month, r.status, r.published_at) for r in session.scalars(
        select(MonthPlan).where(MonthPlan.deleted_at.is_(None))
        .order_by(MonthPlan.month.desc()))]
