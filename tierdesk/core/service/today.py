"""The day's list: what a salesperson (or the whole office) has to do today.

Sections, in the order shown:
- overdue: follow-ups whose window has passed;
- today: follow-ups whose window is open today;
- norms: customers whose tier norm asks for a call or visit by the end of this week;
- complaints: open complaints of the salesperson's customers (or given to them);
- coming: follow-ups that open in the next seven days (birthdays, due dates, callbacks).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.service import complaints, followups
from tierdesk.core.store.models import Customer, FollowUp
from tierdesk.core.tiers import norms

SECTIONS = ("overdue", "today", "norms", "complaints", "coming")
COMING_DAYS = 7
# What the line's action logs on the card.
TASK_CHANNEL = {"holiday": "wechat"}


@dataclass(frozen=True)
class TodayLine:
    section: str
    customer_id: uuid.UUID
    number: str
    name: str
    tier: str
    what: Message
    due_on: dt.date | None
    channel: str                      # "phone", "visit" ...: what the action logs
    task_id: uuid.UUID | None = None
    complaint_id: uuid.UUID | None = None
    respond_by: dt.datetime | None = None
    tries: int = 0


@dataclass
class TodayList:
    day: dt.date
    salesperson_id: uuid.UUID | None
    lines: list[TodayLine] = field(default_factory=list)
    # How many lines each section has when it was read in part (see today_list's ``most``).
    totals: dict[str, int] = field(default_factory=dict)

    def section(self, name: str) -> list[TodayLine]:
        return [line for line in self.lines if line.section == name]

    def count(self, name: str) -> int:
        if name in self.totals:
            return self.totals[name]
        return sum(1 for line in self.lines if line.section == name)

    @property
    def due(self) -> int:
        """What is to be done today: overdue, due today, the norms' needs, open complaints."""
        return sum(self.count(name) for name in SECTIONS if name != "coming")


_COMPLAINT = {
    "received": QT_TRANSLATE_NOOP("Today", "New complaint: {description}"),
    "investigating": QT_TRANSLATE_NOOP("Today", "Complaint being investigated: {description}"),
    "answered": QT_TRANSLATE_NOOP("Today", "Complaint answered, to close: {description}"),
}


def today_list(session: Session, day: dt.date, *, salesperson_id: uuid.UUID | None = None,
               most: int | None = None) -> TodayList:
    """Read only: plan the greetings first (``followups.plan_greetings``) to have them.

    most: read no more than this many lines of each section (the first ones), and count the
    rest, so that the whole office's list of a large office is read in seconds."""
    result = TodayList(day, salesperson_id)
    until = day + dt.timedelta(days=COMING_DAYS)
    parts = {"overdue": [FollowUp.due_on <= day, FollowUp.last_on < day],
             "today": [FollowUp.due_on <= day, FollowUp.last_on >= day],
             "coming": [FollowUp.due_on > day]}
    if most is None:
        tasks = followups.open_tasks(session, until=until, salesperson_id=salesperson_id)
    else:
        tasks = []
        for section, where in parts.items():
            tasks += followups.open_tasks(session, until=until, salesperson_id=salesperson_id,
                                          where=where, most=most)
            result.totals[section] = session.scalar(
                select(func.count()).select_from(FollowUp)
                .join(Customer, Customer.id == FollowUp.customer_id)
                .where(*followups.open_task_filter(until, salesperson_id), *where)) or 0
    for task in tasks:
        section = "coming" if task.due_on > day else "overdue" if task.overdue(day) else "today"
        if task.about is None:
            continue
        result.lines.append(TodayLine(
            section, task.customer_id, task.number, task.name, task.tier, task.about,
            task.due_on if section != "overdue" else task.last_on,
            TASK_CHANNEL.get(task.kind, "phone"), task_id=task.id, tries=task.tries))
    week_end = day + dt.timedelta(days=6 - day.weekday())
    report = norms.norm_report(session, day, salesperson_id=salesperson_id)
    needed = 0
    for status in sorted(report.statuses, key=lambda s: s.number):
        for kind, what in norms.needed_by(status, day, week_end):
            needed += 1
            if most is not None and needed > most:
                continue
            result.lines.append(TodayLine(
                "norms", status.customer_id, status.number, status.name, status.tier, what,
                None, "visit" if kind == "visit" else "phone"))
    if most is not None:
        result.totals["norms"] = needed
    for c in sorted(complaints.complaint_register(session, open_only=True,
                                                  salesperson_id=salesperson_id),
                    key=lambda c: c.received_at):
        assert c.customer_id is not None
        text = c.description if len(c.description) <= 60 else c.description[:59] + "…"
        result.lines.append(TodayLine(
            "complaints", c.customer_id, c.number, c.name, "",
            Message("Today", _COMPLAINT[c.status], {"description": text}),
            c.respond_by.date(), "phone", complaint_id=c.id, respond_by=c.respond_by
            if c.answered_at is None else None))
    order = {name: i for i, name in enumerate(SECTIONS)}
    result.lines.sort(key=lambda line: order[line.section])
    return result
