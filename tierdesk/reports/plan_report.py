"""A month plan in words: what each task line asks and why, the quota sheet of one salesperson
(as printed), the team summary, the plan as workbook tables and as command-line text."""

from __future__ import annotations

from dataclasses import dataclass

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.planning.plans import Plan, Quota, TaskLine
from tierdesk.excel.writer import Table
from tierdesk.reports.labels import FOLLOW_UP_KINDS, Translate, label, untranslated

CTX = "Plan"
_T = {
    "calls": QT_TRANSLATE_NOOP("Plan", "{n} calls"),
    "visits": QT_TRANSLATE_NOOP("Plan", "{n} visits"),
    "follow_ups": QT_TRANSLATE_NOOP("Plan", "{n} follow-ups"),
    "calls1": QT_TRANSLATE_NOOP("Plan", "1 call"),
    "visits1": QT_TRANSLATE_NOOP("Plan", "1 visit"),
    "follow_ups1": QT_TRANSLATE_NOOP("Plan", "1 follow-up"),
    "norm": QT_TRANSLATE_NOOP("Plan", "tier norm"),
    "follow_up": QT_TRANSLATE_NOOP("Plan", "{kind} {day}"),
    "follow_up_n": QT_TRANSLATE_NOOP("Plan", "{count} × {kind} from {day}"),
    "overdue_call": QT_TRANSLATE_NOOP("Plan", "call overdue by {days} days"),
    "overdue_visit": QT_TRANSLATE_NOOP("Plan", "visit overdue by {days} days"),
    "falling": QT_TRANSLATE_NOOP("Plan", "purchases down {drop}"),
    "sep": QT_TRANSLATE_NOOP("Plan", ", "),
    "never": QT_TRANSLATE_NOOP("Plan", "none"),
}
H = {
    "code": QT_TRANSLATE_NOOP("Plan", "Code"),
    "salesperson": QT_TRANSLATE_NOOP("Plan", "Salesperson"),
    "region": QT_TRANSLATE_NOOP("Plan", "Region"),
    "customers": QT_TRANSLATE_NOOP("Plan", "Customers"),
    "calls": QT_TRANSLATE_NOOP("Plan", "Calls"),
    "visits": QT_TRANSLATE_NOOP("Plan", "Visits"),
    "follow_ups": QT_TRANSLATE_NOOP("Plan", "Follow-ups"),
    "revisits": QT_TRANSLATE_NOOP("Plan", "Revisit quota"),
    "visits_per_day": QT_TRANSLATE_NOOP("Plan", "Visits per working day"),
    "new_customers": QT_TRANSLATE_NOOP("Plan", "New customers"),
    "number": QT_TRANSLATE_NOOP("Plan", "Customer no."),
    "customer": QT_TRANSLATE_NOOP("Plan", "Customer"),
    "tier": QT_TRANSLATE_NOOP("Plan", "Tier"),
    "what": QT_TRANSLATE_NOOP("Plan", "What is due"),
    "why": QT_TRANSLATE_NOOP("Plan", "Why"),
    "last": QT_TRANSLATE_NOOP("Plan", "Last contact"),
    "team": QT_TRANSLATE_NOOP("Plan", "Team"),
    "total": QT_TRANSLATE_NOOP("Plan", "Total"),
}
TITLE = QT_TRANSLATE_NOOP("Plan", "Visit plan for {month}")
STATUS = {
    "proposed": QT_TRANSLATE_NOOP("Plan", "proposed, not kept yet"),
    "draft": QT_TRANSLATE_NOOP("Plan", "draft"),
    "published": QT_TRANSLATE_NOOP("Plan", "published {at}"),
}
SUMMARY_COLUMNS = ("code", "salesperson", "region", "customers", "calls", "visits",
                   "follow_ups", "revisits", "visits_per_day", "new_customers")
TASK_COLUMNS = ("number", "customer", "tier", "what", "why", "last")


def heading(key: str, tr: Translate = untranslated) -> str:
    return tr(CTX, H[key])


def what_text(task: TaskLine, tr: Translate = untranslated) -> str:
    parts = []
    for figure in ("visits", "calls", "follow_ups"):
        count = getattr(task, figure)
        if count:
            parts.append(tr(CTX, _T[figure + "1" if count == 1 else figure]).format(n=count))
    return tr(CTX, _T["sep"]).join(parts)


def why_text(task: TaskLine, tr: Translate = untranslated) -> str:
    """The reasons in words: the norm, the follow-ups (the earliest due first), the risks."""
    parts = []
    order = {"norm": 0, "follow_up": 1}
    for reason, facts in sorted(task.why, key=lambda w: (order.get(w[0], 2),
                                                         str(w[1].get("due_on", "")))):
        if reason == "norm":
            parts.append(tr(CTX, _T["norm"]))
        elif reason == "follow_up":
            count = int(facts.get("count", 1))
            parts.append(tr(CTX, _T["follow_up" if count == 1 else "follow_up_n"]).format(
                kind=label(FOLLOW_UP_KINDS, str(facts["kind"]), tr), count=count,
                day=str(facts["due_on"])[5:]))
        elif reason == "overdue":
            parts.append(tr(CTX, _T[f"overdue_{facts['kind']}"]).format(days=facts["days"]))
        elif reason == "falling":
            parts.append(tr(CTX, _T["falling"]).format(drop=f"{float(facts['drop']):.0%}"))
    return tr(CTX, _T["sep"]).join(parts)


def last_text(task: TaskLine, tr: Translate = untranslated) -> str:
    return task.last_contact.isoformat() if task.last_contact else tr(CTX, _T["never"])


def task_row(task: TaskLine, tr: Translate = untranslated) -> tuple[str, ...]:
    return (task.number, task.name, task.tier, what_text(task, tr), why_text(task, tr),
            last_text(task, tr))


def month_title(plan: Plan, tr: Translate = untranslated) -> str:
    return tr(CTX, TITLE).format(month=plan.month.strftime("%Y-%m"))


def status_text(plan: Plan, tr: Translate = untranslated) -> str:
    at = plan.published_at.strftime("%Y-%m-%d %H:%M") if plan.published_at else ""
    return tr(CTX, STATUS[plan.status]).format(at=at)


def summary_row(quota: Quota) -> tuple[object, ...]:
    return (quota.code, quota.name, quota.region, quota.customers, quota.calls, quota.visits,
            quota.follow_ups, quota.revisits, quota.visits_per_day, quota.new_customers)


def summary_rows(plan: Plan, tr: Translate = untranslated) -> list[tuple[object, ...]]:
    """One row per salesperson, then the team's total."""
    rows = [summary_row(q) for q in plan.quotas]
    if plan.quotas:
        visits = int(plan.total("visits"))
        per_day = round(visits / plan.working_days, 1) if plan.working_days else 0.0
        rows.append(("", tr(CTX, H["total"]), "", int(plan.total("customers")),
                     int(plan.total("calls")), visits, int(plan.total("follow_ups")),
                     int(plan.total("revisits")), per_day, int(plan.total("new_customers"))))
    return rows


def plan_tables(plan: Plan, tr: Translate = untranslated) -> list[Table]:
    """The team summary, then one sheet per salesperson with their task list."""
    tables = [Table(tr(CTX, H["team"]), [heading(c, tr) for c in SUMMARY_COLUMNS],
                    summary_rows(plan, tr))]
    for quota in plan.quotas:
        tables.append(Table(f"{quota.code} {quota.name}", [heading(c, tr) for c in TASK_COLUMNS],
                            [task_row(t, tr) for t in plan.tasks.get(quota.salesperson_id, [])]))
    return tables


@dataclass(frozen=True)
class Sheet:
    """What one salesperson's printed sheet says."""

    title: str
    facts: list[tuple[str, str]]        # office, month, salesperson, working days, status
    quotas: list[tuple[str, str]]       # the three quotas and the revisit quota's parts
    headers: list[str]
    rows: list[tuple[str, ...]]
    left_out: int                       # task lines beyond what is printed


def sheet(plan: Plan, quota: Quota, tr: Translate = untranslated, *,
          most: int | None = None) -> Sheet:
    tasks = plan.tasks.get(quota.salesperson_id, [])
    shown = tasks if most is None else tasks[:most]
    t = tr
    facts = [(t(CTX, QT_TRANSLATE_NOOP("Plan", "Office")), plan.office_name),
             (t(CTX, QT_TRANSLATE_NOOP("Plan", "Month")), plan.month.strftime("%Y-%m")),
             (t(CTX, H["salesperson"]), f"{quota.name} ({quota.code})"),
             (t(CTX, H["region"]), quota.region),
             (t(CTX, QT_TRANSLATE_NOOP("Plan", "Working days")), str(plan.working_days)),
             (t(CTX, QT_TRANSLATE_NOOP("Plan", "Plan")), status_text(plan, tr))]
    quotas = [(t(CTX, H["revisits"]), t(CTX, QT_TRANSLATE_NOOP(
                  "Plan", "{total} ({calls} calls, {visits} visits, {follow_ups} follow-ups)"))
               .format(total=quota.revisits, calls=quota.calls, visits=quota.visits,
                       follow_ups=quota.follow_ups)),
              (t(CTX, H["visits_per_day"]), f"{quota.visits_per_day:.1f}"),
              (t(CTX, H["new_customers"]), str(quota.new_customers))]
    return Sheet(month_title(plan, tr), facts, quotas,
                 [heading(c, tr) for c in TASK_COLUMNS],
                 [task_row(task, tr) for task in shown], len(tasks) - len(shown))


def plan_lines(plan: Plan, tr: Translate = untranslated) -> list[str]:
    """The plan as the command line prints it: the team table."""
    lines = [f"{month_title(plan, tr)} ({status_text(plan, tr)}), "
             f"{plan.working_days} working days, new-customer target "
             f"{plan.new_customer_target}"]
    widths = (6, 10, 6, 9, 6, 6, 10, 8, 9, 8)
    lines.append("  ".join(h[:w].ljust(w) for h, w in zip(
        ("code", "name", "region", "customers", "calls", "visits", "follow-ups", "revisits",
         "visits/day", "new"), widths, strict=True)))
    for row in summary_rows(plan, tr):
        lines.append("  ".join(_cell(v, w) for v, w in zip(row, widths, strict=True)))
    return lines


def _cell(value: object, width: int) -> str:
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    pad = width - sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return text + " " * max(0, pad)

