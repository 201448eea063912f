"""The follow-up schedule: callbacks after sales and service jobs, greetings, reminders.

Tasks are made from what is entered: an order plans the callback on the 7th day after the sale
(the 10th through a secondary outlet) and the monthly and yearly callbacks; a service job plans
a callback 3 to 5 days after it; a customer's due date plans a reminder a week before it.
Greetings recur, so they are planned by a pass (`plan_greetings`) that runs when the day's list
is read: 7 to 2 days before a contact's birthday, and before the office's holidays for the
customers of the tiers the office greets.

A task is shown from ``due_on`` and is overdue after ``last_on``. Tasks whose window ended
long before they were planned (an order imported from years ago) are not made: history is not
work. Each attempt is logged with its result; the logs of calls and of letters are the
office's call and letter registers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    case,
    extract,
    false,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.office.settings import load_record, load_settings, store_setting
from tierdesk.core.store.ids import new_id
from tierdesk.core.store.models import (
    Contact,
    Customer,
    CustomerDate,
    FollowUp,
    FollowUpLog,
    Holiday,
    Order,
    Salesperson,
    ServiceJob,
    Visit,
    counting_entry,
    utcnow,
)
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, check_int_range, clean_text, fail

RULES_KEY = "followup_rules"
CALL_CHANNELS = ("phone", "wechat")
LETTER_CHANNELS = ("letter", "email", "sms")
# Kinds planned from an order; the callback days come from the rules.
SALE_KINDS = ("sale", "monthly", "yearly")


@dataclass(frozen=True)
class FollowUpRules:
    sale_day: int = 7            # callback on this day after a sale
    outlet_day: int = 10         # ... made through a secondary outlet
    service_from: int = 3        # callback window after a service job
    service_to: int = 5
    monthly: bool = True         # callbacks a month and a year after a sale
    yearly: bool = True
    greet_from: int = 7          # greetings from this many days before a birthday or holiday
    greet_to: int = 2            # ... until this many days before
    holiday_tiers: tuple[str, ...] | None = None   # None: the office's first tier
    due_date_days: int = 7       # reminder this many days before a customer's due date
    stale_days: int = 30         # a task whose window ended longer ago is not made


_LIMITS = {"sale_day": (1, 60), "outlet_day": (1, 60), "service_from": (0, 60),
           "service_to": (0, 60), "greet_from": (0, 60), "greet_to": (0, 60),
           "due_date_days": (0, 90), "stale_days": (0, 3650)}


def load_rules(session: Session) -> FollowUpRules:
    return load_record(session, RULES_KEY, FollowUpRules)


def save_rules(session: Session, rules: FollowUpRules) -> FollowUpRules:
    """Validate and store; raises ValidationError naming the field and stores nothing."""
    checker = Checker()
    values = asdict(rules)
    for name, (low, high) in _LIMITS.items():
        values[name] = checker.run(check_int_range, name, values[name], low, high)
    if not checker.problems:
        if values["service_from"] > values["service_to"]:
            checker.add("service_to", QT_TRANSLATE_NOOP(
                "Validation", "The window ends before it starts."))
        if values["greet_from"] < values["greet_to"]:
            checker.add("greet_to", QT_TRANSLATE_NOOP(
                "Validation", "The window ends before it starts."))
    checker.raise_if_any()
    if values["holiday_tiers"] is not None:
        values["holiday_tiers"] = [clean_text(t) for t in values["holiday_tiers"] if t]
    store_setting(session, RULES_KEY, values)
    return load_rules(session)


def holiday_tiers(session: Session, rules: FollowUpRules) -> tuple[str, ...]:
    if rules.holiday_tiers is not None:
        return rules.holiday_tiers
    return load_settings(session).tiers[:1]


# -- dates -------------------------------------------------------------------------------------
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_birthday(birthday: dt.date, today: dt.date) -> dt.date:
    """The next time the birthday comes round, today included (29 February: the 28th)."""
    for year in (today.year, today.year + 1):
        last = calendar.monthrange(year, birthday.month)[1]
        day = dt.date(year, birthday.month, min(birthday.day, last))
        if day >= today:
            return day
    raise AssertionError("unreachable")


# -- planning ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Planned:
    customer_id: uuid.UUID
    salesperson_id: uuid.UUID | None
    kind: str
    source_id: uuid.UUID
    due_on: dt.date
    last_on: dt.date


def sale_tasks(rules: FollowUpRules, customer_id: uuid.UUID, salesperson_id: uuid.UUID | None,
               order_id: uuid.UUID, order_date: dt.date, via_outlet: bool) -> list[Planned]:
    day = order_date + dt.timedelta(days=rules.outlet_day if via_outlet else rules.sale_day)
    tasks = [Planned(customer_id, salesperson_id, "sale", order_id, day, day)]
    if rules.monthly:
        month = add_months(order_date, 1)
        tasks.append(Planned(customer_id, salesperson_id, "monthly", order_id, month, month))
    if rules.yearly:
        year = add_months(order_date, 12)
        tasks.append(Planned(customer_id, salesperson_id, "yearly", order_id, year, year))
    return tasks


def service_task(rules: FollowUpRules, customer_id: uuid.UUID,
                 salesperson_id: uuid.UUID | None, job_id: uuid.UUID,
                 done_on: dt.date) -> Planned:
    return Planned(customer_id, salesperson_id, "service", job_id,
                   done_on + dt.timedelta(days=rules.service_from),
                   done_on + dt.timedelta(days=rules.service_to))


def due_date_task(rules: FollowUpRules, customer_id: uuid.UUID,
                  salesperson_id: uuid.UUID | None, date_id: uuid.UUID,
                  due_on: dt.date) -> Planned:
    return Planned(customer_id, salesperson_id, "due_date", date_id,
                   due_on - dt.timedelta(days=rules.due_date_days), due_on)


def greeting_window(rules: FollowUpRules, day: dt.date) -> tuple[dt.date, dt.date]:
    return (day - dt.timedelta(days=rules.greet_from), day - dt.timedelta(days=rules.greet_to))


def _window_days(rules: FollowUpRules, today: dt.date) -> list[dt.date]:
    """The days whose greetings are open today (a birthday's next turn falls on one)."""
    return [today + dt.timedelta(days=n) for n in range(rules.greet_to, rules.greet_from + 1)]


def _birthday_on(days: Sequence[dt.date], dialect: str) -> ColumnElement[bool]:
    """Contact birthdays (of any year) on one of these days of the year; 29 February goes
    with the 28th (:func:`next_birthday`). A few days of the year in SQL instead of every
    contact of the office read and turned into dates."""
    pairs = {(d.month, d.day) for d in days}
    if (2, 28) in pairs:
        pairs.add((2, 29))
    if dialect == "sqlite":
        # SQLite keeps a date as its text, YYYY-MM-DD: comparing the MM-DD part is four
        # times quicker than taking the month and day apart on every contact.
        return func.substr(Contact.birthday, 6, 5).in_(
            sorted(f"{m:02d}-{d:02d}" for m, d in pairs))
    month, day = extract("month", Contact.birthday), extract("day", Contact.birthday)
    return or_(false(), *(and_(month == m, day == d) for m, d in sorted(pairs)))


def plan(session: Session, tasks: Iterable[Planned], today: dt.date,
         rules: FollowUpRules | None = None) -> int:
    """Store the tasks not stored yet whose window has not long passed; returns how many."""
    rules = rules or load_rules(session)
    oldest = today - dt.timedelta(days=rules.stale_days)
    fresh = [t for t in tasks if t.last_on >= oldest]
    made = 0
    for start in range(0, len(fresh), 400):
        chunk = fresh[start:start + 400]
        # Read by customer (the unique key's first column): SQLite scans the whole index
        # for a tuple IN list, which made planning many tasks quadratic.
        stored: set[tuple[Any, ...]] = {tuple(row) for row in session.execute(
            select(FollowUp.customer_id, FollowUp.kind, FollowUp.source_id,
                   FollowUp.first_due_on)
            .where(FollowUp.customer_id.in_(list({t.customer_id for t in chunk})),
                   FollowUp.kind.in_(sorted({t.kind for t in chunk}))))}
        now = utcnow()
        rows = []
        for t in chunk:
            key = (t.customer_id, t.kind, t.source_id, t.due_on)
            if key in stored:
                continue
            stored.add(key)
            rows.append({"id": new_id(), "created_at": now, "updated_at": now,
                         "customer_id": t.customer_id, "salesperson_id": t.salesperson_id,
                         "kind": t.kind, "source_id": t.source_id, "first_due_on": t.due_on,
                         "due_on": t.due_on, "last_on": t.last_on, "note": "",
                         "status": "open"})
        if rows:
            session.execute(insert(FollowUp), rows)
            made += len(rows)
    return made


def plan_greetings(session: Session, today: dt.date, *,
                   customer_ids: Sequence[uuid.UUID] | None = None) -> int:
    """Greetings whose window is open today: birthdays of contacts, the office's holidays."""
    rules = load_rules(session)
    live = (Customer.deleted_at.is_(None), Customer.status != "lost")
    tasks: list[Planned] = []
    birthdays = (select(Contact.id, Contact.customer_id, Customer.salesperson_id,
                        Contact.birthday)
                 .join(Customer, Customer.id == Contact.customer_id)
                 .where(Contact.deleted_at.is_(None), Contact.birthday.is_not(None), *live))
    if customer_ids is not None:
        birthdays = birthdays.where(Contact.customer_id.in_(list(customer_ids)))
    else:   # the whole office: read only the birthdays that can fall in the window
        birthdays = birthdays.where(_birthday_on(_window_days(rules, today),
                                                 session.get_bind().dialect.name))
    for contact_id, customer_id, person, birthday in session.execute(birthdays):
        day = next_birthday(birthday, today) if birthday else today
        first, last = greeting_window(rules, day)
        if first <= today <= last:
            tasks.append(Planned(customer_id, person, "birthday", contact_id, first, last))
    holidays = session.execute(
        select(Holiday.id, Holiday.day).where(
            Holiday.deleted_at.is_(None), Holiday.greet.is_(True),
            Holiday.day >= today + dt.timedelta(days=rules.greet_to),
            Holiday.day <= today + dt.timedelta(days=rules.greet_from))).all()
    if holidays:
        greeted = (select(Customer.id, Customer.salesperson_id)
                   .where(*live, Customer.tier.in_(holiday_tiers(session, rules))))
        if customer_ids is not None:
            greeted = greeted.where(Customer.id.in_(list(customer_ids)))
        customers = session.execute(greeted).all()
        for holiday_id, day in holidays:
            first, last = greeting_window(rules, day)
            tasks.extend(Planned(cid, person, "holiday", holiday_id, first, last)
                         for cid, person in customers)
    return plan(session, tasks, today, rules)


# -- acting on a task --------------------------------------------------------------------------
def task_row(session: Session, task_id: uuid.UUID) -> FollowUp:
    task = session.get(FollowUp, task_id)
    if task is None or task.deleted_at is not None:
        raise NotFoundError(Message("FollowUps", QT_TRANSLATE_NOOP(
            "FollowUps", "This follow-up no longer exists.")))
    return task


def _log(session: Session, task: FollowUp, on: dt.date, channel: str, result: str, note: str,
         *, postponed_to: dt.date | None = None, visit_id: uuid.UUID | None = None) -> None:
    """A line in the task's log; a note too long refuses it all (the caller's transaction
    is rolled back)."""
    note = check_length("note", clean_text(note), FollowUpLog.note)
    session.add(FollowUpLog(follow_up_id=task.id, customer_id=task.customer_id,
                            salesperson_id=task.salesperson_id, logged_on=on, channel=channel,
                            result=result, note=note, postponed_to=postponed_to,
                            visit_id=visit_id))


def _still_open(task: FollowUp) -> None:
    if task.status != "open":
        raise fail("status", QT_TRANSLATE_NOOP("Validation", "This follow-up is already done."))


def mark_done(session: Session, task_id: uuid.UUID, *, on: dt.date, channel: str,
              note: str = "", visit_id: uuid.UUID | None = None) -> FollowUp:
    task = task_row(session, task_id)
    _still_open(task)
    task.status, task.done_on = "done", on
    _log(session, task, on, channel, "done", note, visit_id=visit_id)
    session.flush()
    return task


def mark_no_answer(session: Session, task_id: uuid.UUID, *, on: dt.date,
                   channel: str = "phone", note: str = "") -> FollowUp:
    """Tried and not reached: logged, and the task comes back the next day."""
    task = task_row(session, task_id)
    _still_open(task)
    tomorrow = on + dt.timedelta(days=1)
    task.due_on = max(task.due_on, tomorrow)
    task.last_on = max(task.last_on, tomorrow)
    _log(session, task, on, channel, "no_answer", note)
    session.flush()
    return task


def postpone(session: Session, task_id: uuid.UUID, *, to: dt.date, on: dt.date,
             note: str = "") -> FollowUp:
    """Moved to a later day; its window keeps its length."""
    task = task_row(session, task_id)
    _still_open(task)
    if to <= on:
        raise fail("postponed_to", QT_TRANSLATE_NOOP(
            "Validation", "Postpone to a day after {day}."), day=on.isoformat())
    span = task.last_on - task.due_on
    task.due_on, task.last_on = to, to + span
    _log(session, task, on, "", "postponed", note, postponed_to=to)
    session.flush()
    return task


# -- reading -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LogRow:
    logged_on: dt.date
    customer_id: uuid.UUID
    number: str
    name: str
    salesperson: str
    kind: str
    channel: str
    result: str
    note: str
    postponed_to: dt.date | None


def register(session: Session, which: str, *, since: dt.date | None = None,
             until: dt.date | None = None,
             salesperson_id: uuid.UUID | None = None) -> list[LogRow]:
    """The call register ("calls") or the letter register ("letters"), newest first: every
    attempt at a follow-up (done, not answered, postponed) and every call or letter written on
    a card, wherever it was written (the card, Today, the command line, an import). An entry
    that completed a follow-up is listed once, as that follow-up's attempt."""
    channels = CALL_CHANNELS if which == "calls" else LETTER_CHANNELS
    attempts = (select(FollowUpLog.logged_on, Customer.id, Customer.number, Customer.name,
                       Salesperson.name, FollowUp.kind, FollowUpLog.channel, FollowUpLog.result,
                       FollowUpLog.note, FollowUpLog.postponed_to)
                .join(FollowUp, FollowUp.id == FollowUpLog.follow_up_id)
                .join(Customer, Customer.id == FollowUpLog.customer_id)
                .outerjoin(Salesperson, Salesperson.id == FollowUpLog.salesperson_id)
                .where(FollowUpLog.deleted_at.is_(None), FollowUpLog.channel.in_(channels)))
    logged = select(FollowUpLog.visit_id).where(FollowUpLog.visit_id.is_not(None),
                                                FollowUpLog.deleted_at.is_(None))
    note = case((Visit.outcome != "", Visit.outcome), else_=Visit.summary)
    entries = (select(Visit.visit_date, Customer.id, Customer.number, Customer.name,
                      Salesperson.name, literal(""), Visit.channel, literal("done"), note,
                      literal(None, Date))
               .join(Customer, Customer.id == Visit.customer_id)
               .outerjoin(Salesperson, Salesperson.id == Visit.salesperson_id)
               .where(counting_entry(),
                      Visit.channel.in_(channels),
                      Visit.id.not_in(logged)))
    rows = [LogRow(on, cid, number, name, person or "", kind, channel, result, note or "",
                   moved)
            for query in (_within(attempts, FollowUpLog.logged_on, FollowUpLog.salesperson_id,
                                  since, until, salesperson_id),
                          _within(entries, Visit.visit_date, Visit.salesperson_id,
                                  since, until, salesperson_id))
            for on, cid, number, name, person, kind, channel, result, note, moved
            in session.execute(query)]
    rows.sort(key=lambda r: r.number)
    rows.sort(key=lambda r: r.logged_on, reverse=True)
    return rows


def _within(query: Select[*tuple[Any, ...]], day: Any, person: Any, since: dt.date | None,
            until: dt.date | None, salesperson_id: uuid.UUID | None) -> Select[*tuple[Any, ...]]:
    if since is not None:
        query = query.where(day >= since)
    if until is not None:
        query = query.where(day <= until)
    if salesperson_id is not None:
        query = query.where(person == salesperson_id)
    return query


@dataclass(frozen=True)
class TaskRow:
    id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    name: str
    tier: str
    salesperson_id: uuid.UUID | None
    kind: str
    source_id: uuid.UUID
    first_due_on: dt.date
    due_on: dt.date
    last_on: dt.date
    status: str
    done_on: dt.date | None
    tries: int = 0
    about: Message | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.status == "open" and today > self.last_on


def open_tasks(session: Session, *, until: dt.date, salesperson_id: uuid.UUID | None = None,
               customer_id: uuid.UUID | None = None, where: Sequence[Any] = (),
               most: int | None = None) -> list[TaskRow]:
    """Open tasks shown by ``until`` (due on or before it), the earliest first, each with
    what it is about; ``where`` narrows them further, ``most`` reads no more than that."""
    query = (select(FollowUp.id, Customer.id, Customer.number, Customer.name, Customer.tier,
                    FollowUp.salesperson_id, FollowUp.kind, FollowUp.source_id,
                    FollowUp.first_due_on, FollowUp.due_on, FollowUp.last_on,
                    FollowUp.status, FollowUp.done_on)
             .join(Customer, Customer.id == FollowUp.customer_id)
             .where(*open_task_filter(until, salesperson_id), *where)
             .order_by(FollowUp.due_on, Customer.number))
    if customer_id is not None:
        query = query.where(FollowUp.customer_id == customer_id)
    if most is not None:
        query = query.limit(most)
    rows = [TaskRow(*r) for r in session.execute(query)]  # type: ignore[call-arg]
    return describe_tasks(session, rows)


def open_task_filter(until: dt.date, salesperson_id: uuid.UUID | None = None) -> list[Any]:
    """The conditions of open_tasks (on FollowUp joined with Customer), to count them."""
    found = [FollowUp.status == "open", FollowUp.deleted_at.is_(None), FollowUp.due_on <= until,
             Customer.deleted_at.is_(None)]
    if salesperson_id is not None:
        found.append(FollowUp.salesperson_id == salesperson_id)
    return found


def describe_tasks(session: Session, rows: list[TaskRow]) -> list[TaskRow]:
    """The rows with how often they went unanswered and what each is about."""
    if not rows:
        return rows
    tries = dict(session.execute(
        select(FollowUpLog.follow_up_id, func.count())
        .where(FollowUpLog.follow_up_id.in_([r.id for r in rows]),
               FollowUpLog.result == "no_answer")
        .group_by(FollowUpLog.follow_up_id)).all())
    about = _about(session, rows)
    return [replace(r, tries=tries.get(r.id, 0), about=about.get(r.id)) for r in rows]


def done_by_visits(session: Session, visit_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Message]:
    """For each card entry that completed a follow-up, what that follow-up was about: kept as
    the follow-up's kind and source (a sale's date, a contact's birthday ...), so the card
    reads it in the reader's language."""
    if not visit_ids:
        return {}
    query = (select(FollowUpLog.visit_id, FollowUp.id, Customer.id, Customer.number,
                    Customer.name, Customer.tier, FollowUp.salesperson_id, FollowUp.kind,
                    FollowUp.source_id, FollowUp.first_due_on, FollowUp.due_on,
                    FollowUp.last_on, FollowUp.status, FollowUp.done_on)
             .join(FollowUp, FollowUp.id == FollowUpLog.follow_up_id)
             .join(Customer, Customer.id == FollowUp.customer_id)
             .where(FollowUpLog.visit_id.in_(list(visit_ids)), FollowUpLog.result == "done",
                    FollowUpLog.deleted_at.is_(None)))
    found = session.execute(query).all()
    # Each row's visit is one of visit_ids (the IN above leaves out rows without one).
    done = {row[1]: cast(uuid.UUID, row[0]) for row in found}
    rows = [TaskRow(*row[1:]) for row in found]  # type: ignore[call-arg]
    return {done[task_id]: about for task_id, about in _about(session, rows).items()}


_ABOUT = {
    "sale": QT_TRANSLATE_NOOP("FollowUps", "Call back after the sale of {date}"),
    "outlet": QT_TRANSLATE_NOOP("FollowUps",
                                "Call back after the sale of {date} through an outlet"),
    "monthly": QT_TRANSLATE_NOOP("FollowUps", "Monthly callback after the sale of {date}"),
    "yearly": QT_TRANSLATE_NOOP("FollowUps", "Yearly callback after the sale of {date}"),
    "service": QT_TRANSLATE_NOOP("FollowUps", "Call back after the service job of {date} "
                                              "{what}"),
    "birthday": QT_TRANSLATE_NOOP("FollowUps", "Birthday greeting: {who}, {date}"),
    "holiday": QT_TRANSLATE_NOOP("FollowUps", "Holiday greeting: {what}, {date}"),
    "renewal": QT_TRANSLATE_NOOP("FollowUps", "Contract renewal due on {date} {what}"),
    "maintenance": QT_TRANSLATE_NOOP("FollowUps", "Maintenance due on {date} {what}"),
    "inspection": QT_TRANSLATE_NOOP("FollowUps", "Inspection due on {date} {what}"),
    "other": QT_TRANSLATE_NOOP("FollowUps", "Due on {date} {what}"),
}


def _about(session: Session, rows: list[TaskRow]) -> dict[uuid.UUID, Message]:
    """What each task is about, read from its source (the order, job, contact ...)."""
    sources: dict[str, set[uuid.UUID]] = {}
    for r in rows:
        sources.setdefault("order" if r.kind in SALE_KINDS else r.kind, set()).add(r.source_id)

    def lookup(key: str, *columns: Any) -> dict[uuid.UUID, tuple[Any, ...]]:
        ids = list(sources.get(key, ()))
        if not ids:
            return {}
        table = columns[0].class_
        return {row[0]: tuple(row[1:]) for row in session.execute(
            select(*columns).where(table.id.in_(ids)))}

    orders = lookup("order", Order.id, Order.order_date, Order.via_outlet)
    jobs = lookup("service", ServiceJob.id, ServiceJob.done_on, ServiceJob.kind)
    people = lookup("birthday", Contact.id, Contact.name, Contact.birthday)
    holidays = lookup("holiday", Holiday.id, Holiday.name, Holiday.day)
    dates = lookup("due_date", CustomerDate.id, CustomerDate.kind, CustomerDate.due_on,
                   CustomerDate.note)
    found: dict[uuid.UUID, Message] = {}
    for r in rows:
        key, params = r.kind, {}  # type: tuple[str, dict[str, object]]
        if r.kind in SALE_KINDS and r.source_id in orders:
            when, outlet = orders[r.source_id]
            key = "outlet" if outlet and r.kind == "sale" else r.kind
            params = {"date": when.isoformat()}
        elif r.kind == "service" and r.source_id in jobs:
            when, what = jobs[r.source_id]
            params = {"date": when.isoformat(), "what": f"({what})" if what else ""}
        elif r.kind == "birthday" and r.source_id in people:
            who, born = people[r.source_id]
            day = next_birthday(born, r.first_due_on)
            params = {"who": who, "date": day.isoformat()}
        elif r.kind == "holiday" and r.source_id in holidays:
            name, day = holidays[r.source_id]
            params = {"what": name, "date": day.isoformat()}
        elif r.kind == "due_date" and r.source_id in dates:
            what, when, note = dates[r.source_id]
            key = what if what in _ABOUT else "other"
            params = {"date": when.isoformat(), "what": f"({note})" if note else ""}
        else:
            continue
        found[r.id] = Message("FollowUps", _ABOUT[key], params)
    return found
