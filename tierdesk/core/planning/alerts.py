"""Problem alerts: what the archive shows that a salesperson will not report.

Each alert names a customer, salesperson or region, the figures behind it and a suggested
action. Kinds and their thresholds (office settings, AlertRules):
- weak_region: a region where at least ``weak_region_share`` of the customers with a norm
  are overdue for a call or visit (too little attention);
- over_visited: a first-tier customer visited more than ``over_visit_factor`` times its norm
  in the last full month;
- few_visits: a salesperson with fewer than ``min_visits_per_day`` on-site visits a working
  day in the last full month;
- low_development: a region whose development rate over the last three months (new customers
  over customers at the start) is under ``low_development_factor`` times the office's;
- incomplete_file: a first-tier customer with no contact, phone, address or birthday;
- at_risk: a customer whose purchases fell (risk.RiskRules), or whose last call or visit is
  more than ``gap_days`` past the tier norm's interval.
An alert can be acknowledged with a note; it is keyed by its kind, subject and month, so the
same problem next month is a new alert.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.office.holidays import working_days
from tierdesk.core.office.settings import load_record, load_settings, store_setting
from tierdesk.core.planning.risk import falling_purchases, load_risk_rules
from tierdesk.core.service.followups import add_months
from tierdesk.core.store.models import (
    AlertNote,
    Contact,
    Customer,
    Region,
    Salesperson,
    Visit,
    counting_entry,
    utcnow,
)
from tierdesk.core.store.raw import fetch_tuples, hex_id, hex_ids, raw, uuid_of
from tierdesk.core.text_limits import check_length
from tierdesk.core.tiers.norms import norm_report
from tierdesk.core.tiers.rules import load_rules
from tierdesk.core.validation import Checker, clean_text

RULES_KEY = "alert_rules"
KINDS = ("at_risk", "incomplete_file", "over_visited", "few_visits", "weak_region",
         "low_development")
CTX = "Alerts"


@dataclass(frozen=True)
class AlertRules:
    weak_region_share: float = 0.4
    over_visit_factor: float = 2.0
    min_visits_per_day: float = 2.0
    low_development_factor: float = 0.5
    gap_days: int = 30


_LIMITS = {"weak_region_share": (0.01, 1.0), "over_visit_factor": (1.0, 20.0),
           "min_visits_per_day": (0.0, 50.0), "low_development_factor": (0.01, 1.0),
           "gap_days": (0, 3650)}


def load_alert_rules(session: Session) -> AlertRules:
    return load_record(session, RULES_KEY, AlertRules)


def save_alert_rules(session: Session, rules: AlertRules) -> AlertRules:
    checker = Checker()
    for name, (low, high) in _LIMITS.items():
        value = getattr(rules, name)
        if not isinstance(value, int | float) or not low <= value <= high:
            checker.add(name, QT_TRANSLATE_NOOP("Validation",
                                                "Enter a number from {low} to {high}."),
                        low=low, high=high)
    checker.raise_if_any()
    store_setting(session, RULES_KEY, asdict(rules))
    return load_alert_rules(session)


@dataclass(frozen=True)
class Alert:
    kind: str
    key: str
    subject: str                    # "HD-A-00017 甲贸易", "王伟 (S001)", "华东 (HD)"
    figures: Message
    action: Message
    customer_id: uuid.UUID | None = None
    note: str | None = None         # the note of its acknowledgement, once acknowledged
    acknowledged_at: dt.datetime | None = None


def _m(text: str, **params: object) -> Message:
    return Message(CTX, text, params)


def problem_alerts(session: Session, today: dt.date,
                   rules: AlertRules | None = None) -> list[Alert]:
    rules = rules or load_alert_rules(session)
    month = today.strftime("%Y-%m")
    found: list[Alert] = []
    connection = session.connection()
    tiers = load_settings(session).tiers
    regions = {r.id.hex: (r.code, r.name) for r in session.scalars(
        select(Region).where(Region.deleted_at.is_(None)))}
    report = norm_report(session, today, rules=load_rules(session))

    def customer_alert(kind: str, key: str, number: str, name: str, figures: Message,
                       action: Message) -> Alert:
        return Alert(kind, f"{kind}:{key}:{month}", f"{number} {name}", figures, action,
                     uuid_of(key))

    # Customers about to be lost.
    falling = falling_purchases(session, today, load_risk_rules(session))
    names = {}
    if falling:
        rows = fetch_tuples(connection, select(raw(Customer.id), Customer.number,
                                               Customer.name)
                            .where(Customer.deleted_at.is_(None), Customer.status != "lost"))
        names = dict(zip(hex_ids(connection, [r[0] for r in rows]),
                         [(r[1], r[2]) for r in rows], strict=True))
    for key, drop in falling.items():
        if key in names:
            found.append(customer_alert(
                "at_risk", key, *names[key],
                _m(QT_TRANSLATE_NOOP("Alerts", "bought ¥{recent} against ¥{before} before: "
                                               "down {drop}"),
                   recent=f"{drop.recent_cents / 100:,.0f}",
                   before=f"{drop.before_cents / 100:,.0f}", drop=f"{drop.drop:.0%}"),
                _m(QT_TRANSLATE_NOOP("Alerts", "Visit soon and ask what changed."))))
    for status in report.statuses:
        if status.key in falling:
            continue
        gap = max(status.call.overdue_days, status.visit.overdue_days)
        if gap > rules.gap_days:
            found.append(customer_alert(
                "at_risk", status.key, status.number, status.name,
                _m(QT_TRANSLATE_NOOP("Alerts", "no contact for {days} days past the tier "
                                               "norm"), days=gap),
                _m(QT_TRANSLATE_NOOP("Alerts", "Call or visit this week."))))

    # First-tier customers: files to complete, visits far beyond the norm.
    top_norm = load_rules(session).norm(tiers[0])
    top = fetch_tuples(connection, select(
        raw(Customer.id), Customer.number, Customer.name, Customer.contact_name,
        Customer.mobile, Customer.landline, Customer.address)
        .where(Customer.deleted_at.is_(None), Customer.status != "lost",
               Customer.tier == tiers[0]))
    top_keys = hex_ids(connection, [r[0] for r in top])
    with_birthday = {hex_id(r[0]) for r in fetch_tuples(connection, select(
        raw(Contact.customer_id)).join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), Contact.birthday.is_not(None),
               Customer.tier == tiers[0]).distinct())}
    last_month = add_months(today.replace(day=1), -1)
    this_month = today.replace(day=1)
    visits: Counter[str] = Counter()
    for cid, count in fetch_tuples(connection, select(raw(Visit.customer_id), func.count())
                                   .join(Customer, Customer.id == Visit.customer_id)
                                   .where(counting_entry(), Visit.channel == "visit",
                                          Visit.visit_date >= last_month,
                                          Visit.visit_date < this_month,
                                          Customer.tier == tiers[0])
                                   .group_by(Visit.customer_id)):
        visits[hex_id(cid)] = int(count)
    monthly = top_norm.visits / (3 if top_norm.visit_period == "quarter" else 1) \
        if top_norm else 0
    missing_names = {"contact": QT_TRANSLATE_NOOP("Alerts", "contact"),
                     "phone": QT_TRANSLATE_NOOP("Alerts", "phone"),
                     "address": QT_TRANSLATE_NOOP("Alerts", "address"),
                     "birthday": QT_TRANSLATE_NOOP("Alerts", "birthday")}
    for key, (_cid, number, name, contact, mobile, landline, address) in zip(
            top_keys, top, strict=True):
        missing = [field for field, absent in (
            ("contact", not contact), ("phone", not (mobile or landline)),
            ("address", not address), ("birthday", key not in with_birthday)) if absent]
        if missing:
            found.append(customer_alert(
                "incomplete_file", key, number, name,
                _m(QT_TRANSLATE_NOOP("Alerts", "missing: {fields}"),
                   fields=[missing_names[f] for f in missing]),
                _m(QT_TRANSLATE_NOOP("Alerts", "Complete the file at the next contact."))))
        if monthly and visits[key] > rules.over_visit_factor * monthly:
            found.append(customer_alert(
                "over_visited", key, number, name,
                _m(QT_TRANSLATE_NOOP("Alerts", "{visits} visits in {month}; the norm asks "
                                               "{norm:g}"),
                   visits=visits[key], month=last_month.strftime("%Y-%m"), norm=monthly),
                _m(QT_TRANSLATE_NOOP("Alerts", "Spend the extra visits on customers who "
                                               "need them."))))

    # Salespeople: visits per working day last month.
    days = len(working_days(session, last_month, this_month - dt.timedelta(days=1)))
    made: Counter[str] = Counter()
    for person, count in fetch_tuples(connection, select(raw(Visit.salesperson_id),
                                                         func.count())
                                      .where(counting_entry(),
                                             Visit.channel == "visit",
                                             Visit.visit_date >= last_month,
                                             Visit.visit_date < this_month,
                                             Visit.salesperson_id.is_not(None))
                                      .group_by(Visit.salesperson_id)):
        made[hex_id(person)] = int(count)
    for person in session.execute(select(Salesperson.id, Salesperson.code, Salesperson.name)
                                  .where(Salesperson.active.is_(True),
                                         Salesperson.deleted_at.is_(None))
                                  .order_by(Salesperson.code)):
        per_day = made[person.id.hex] / days if days else 0.0
        if days and per_day < rules.min_visits_per_day:
            found.append(Alert(
                "few_visits", f"few_visits:{person.id.hex}:{month}",
                f"{person.name} ({person.code})",
                _m(QT_TRANSLATE_NOOP("Alerts", "{visits} visits over {days} working days in "
                                               "{month}: {per_day} a day"),
                   visits=made[person.id.hex], days=days,
                   month=last_month.strftime("%Y-%m"), per_day=f"{per_day:.1f}"),
                _m(QT_TRANSLATE_NOOP("Alerts", "Plan at least {least:g} visits a working "
                                               "day."), least=rules.min_visits_per_day)))

    # Regions: attention and development.
    attention = report.compliance("region")
    for region_key, figures in attention.items():
        if region_key not in regions or not figures.customers:
            continue
        share = figures.overdue / figures.customers
        if share >= rules.weak_region_share:
            code, name = regions[region_key]
            found.append(Alert(
                "weak_region", f"weak_region:{region_key}:{month}", f"{name} ({code})",
                _m(QT_TRANSLATE_NOOP("Alerts", "{overdue} of {customers} customers overdue "
                                               "for a call or visit ({share})"),
                   overdue=figures.overdue, customers=figures.customers,
                   share=f"{share:.0%}"),
                _m(QT_TRANSLATE_NOOP("Alerts", "Give the region more visits, or more "
                                               "people."))))
    found.extend(_development(session, today, month, rules, regions))
    notes = {n.key: n for n in session.scalars(   # this month's notes are few
        select(AlertNote).where(AlertNote.deleted_at.is_(None),
                                AlertNote.key.like(f"%:{month}")))}
    return [a if a.key not in notes else
            Alert(a.kind, a.key, a.subject, a.figures, a.action, a.customer_id,
                  notes[a.key].note, notes[a.key].acknowledged_at)
            for a in sorted(found, key=lambda a: (KINDS.index(a.kind), a.subject))]


def _development(session: Session, today: dt.date, month: str, rules: AlertRules,
                 regions: dict[str, tuple[str, str]]) -> list[Alert]:
    """Regions developing new customers at under a share of the office's rate."""
    first = add_months(today.replace(day=1), -3)
    since = Customer.customer_since
    counts: dict[str, tuple[int, int]] = {}
    for region, new, before in fetch_tuples(session.connection(), select(
            raw(Customer.region_id),
            func.sum(case(((since >= first) & (since < today.replace(day=1)), 1), else_=0)),
            func.sum(case((since.is_(None) | (since < first), 1), else_=0)))
            .where(Customer.deleted_at.is_(None), Customer.status.not_in(("prospect", "lost")),
                   Customer.region_id.is_not(None))
            .group_by(Customer.region_id)):
        counts[hex_id(region)] = (int(new or 0), int(before or 0))
    new_total = sum(n for n, _b in counts.values())
    base_total = sum(b for _n, b in counts.values())
    if not base_total or not new_total:
        return []
    office = new_total / base_total
    alerts = []
    for key, (new, before) in sorted(counts.items()):
        rate = new / before if before else None
        if key in regions and rate is not None and rate < rules.low_development_factor * office:
            code, name = regions[key]
            alerts.append(Alert(
                "low_development", f"low_development:{key}:{month}", f"{name} ({code})",
                _m(QT_TRANSLATE_NOOP("Alerts", "{new} new customers on {before} in three "
                                               "months: {rate} against the office's {office}"),
                   new=new, before=before, rate=f"{rate:.1%}", office=f"{office:.1%}"),
                _m(QT_TRANSLATE_NOOP("Alerts", "Set the region a development drive."))))
    return alerts


def acknowledge(session: Session, key: str, note: str) -> None:
    """Keep the manager's note on an alert; the alert stays listed, marked as seen."""
    note = check_length("note", clean_text(note), AlertNote.note)
    row = session.scalar(select(AlertNote).where(AlertNote.key == key))
    if row is None:
        row = AlertNote(key=key)
        session.add(row)
    row.note, row.acknowledged_at, row.deleted_at = note, utcnow(), None
    session.flush()


def figures_text(alert: Alert, translate: Any = None) -> str:
    """The figures of an alert in words; a list of missing fields is joined."""
    params = dict(alert.figures.params)
    fields = params.get("fields")
    if isinstance(fields, list):
        parts = [translate(CTX, f) if callable(translate) else f for f in fields]
        params["fields"] = ", ".join(parts)
    return Message(alert.figures.context, alert.figures.text, params).render(translate)
