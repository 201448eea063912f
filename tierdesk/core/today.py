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

from sqlalchemy.orm import Session

from tierdesk.core import complaints, followups, norms
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message

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

    def section(self, name: str) -> list[TodayLine]:
        return [line for line in self.lines if line.section == name]

    def count(self, name: str) -> int:
        return sum(1 for line in self.lines if line.section == name)

    @property
    def due(self) -> int:
        """What is to be done today: overdue, due today, the norms' needs, open complaints."""
        return sum(1 for line in self.lines if line.section != "coming")


_COMPLAINT = {
    "received": QT_TRANSLATE_NOOP("Today", "New complaint: {description}"),
    "investigating": QT_TRANSLATE_NOOP("Today", "Complaint being investigated: {description}"),
    "answered": QT_TRANSLATE_NOOP("Today", "Complaint answered, to close: {description}"),
}


def today_list(session: Session, day: dt.date, *,
               salesperson_id: uuid.UUID | None = None) -> TodayList:
    """Read only: plan the greetings first (``followups.plan_greetings``) to have them."""
    result = TodayList(day, salesperson_id)
    tasks = followups.open_tasks(session, until=day + dt.timedelta(days=COMING_DAYS),
                                 salesperson_id=salesperson_id)
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
    for status in sorted(report.statuses, key=lambda s: s.number):
        for kind, what in norms.needed_by(status, day, week_end):
            result.lines.append(TodayLine(
                "norms", status.customer_id, status.number, status.name, status.tier, what,
                None, "visit" if kind == "visit" else "phone"))
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
