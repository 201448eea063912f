"""A customer's change history, read from the journal of the write gate (core.store.journal).

Every change of the customer's facts, contacts, card entries, orders, payments, complaints,
follow-ups and tier, each with who, when, on which machine and from where (the window, the
command line, an import naming its file), and for a changed field its old and new value. Rows
written in bulk (an import, a reassessment) carry the stamp of their bulk entry, which says
who and where for all of them at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.store.models import (
    Complaint,
    Contact,
    Customer,
    CustomerChange,
    FollowUp,
    JournalEntry,
    Order,
    Payment,
    Region,
    Salesperson,
    Survey,
    TierAssessment,
    Visit,
    VisitCard,
    VisitChange,
)

# What a line says of a row that came or went: the fields that name it, per table.
_NAMED_BY = {
    "customer": ("number", "name"),
    "contact": ("name", "mobile"),
    "visit": ("visit_date", "channel", "purpose"),
    "visit_card": ("seq",),
    "sales_order": ("order_date", "amount_cents", "product"),
    "payment": ("paid_on", "amount_cents"),
    "complaint": ("received_at", "description"),
    "follow_up": ("kind", "due_on"),
    "follow_up_log": ("logged_on", "result"),
    "tier_assessment": ("previous_tier", "tier", "period"),
    "survey": ("surveyed_on", "score"),
}
# Kept for the program's own use, made again from the others: not a change a person made.
_DERIVED = {"search_key", "search_han", "last_visit_on", "next_visit_on", "tier_overridden",
            "billed_cents", "paid_cents"}
# ... of the customer only: a card entry's next visit is what the salesperson wrote.
_DERIVED_OF = {"customer": _DERIVED, "visit": {"slot"}, "visit_card": {"seq"}}
# The customer's own tables, whose rows a bulk write may have written.
_OWNED: tuple[Any, ...] = (Customer, Contact, Visit, Order, Payment, Complaint, FollowUp,
                           TierAssessment, Survey)


@dataclass(frozen=True)
class HistoryLine:
    hlc: str
    at: dt.datetime          # UTC, from the stamp
    person: str
    machine: str
    source: str
    table: str               # what changed: customer, contact, visit, sales_order ...
    action: str              # insert, update, delete; "bulk" for a row of a bulk write
    row_id: str
    field: str               # the field changed ("" for a row that came or went)
    old: str
    new: str
    place: tuple[int, int] | None = None   # a card entry's card and entry numbers

    def as_dict(self) -> dict[str, str | int]:
        return {"at": self.at.isoformat(timespec="seconds") + "Z", "person": self.person,
                "machine": self.machine, "source": self.source, "what": self.table,
                "action": self.action, "row": self.row_id, "field": self.field,
                "old": self.old, "new": self.new,
                **({"card": self.place[0], "entry": self.place[1]} if self.place else {})}


def stamp_time(hlc: str) -> dt.datetime:
    """The UTC time a stamp was made (its first 13 digits are milliseconds)."""
    return dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=int(hlc[:13]))


def customer_history(session: Session, customer_id: uuid.UUID) -> list[HistoryLine]:
    """Oldest first."""
    # The entries' own history rows (a correction's fields as the card names them, a strike's
    # reason), by the stamp of the write that made them; rows made before the journal began
    # carry no stamp and stand on their own.
    kept: dict[tuple[str, str], list[CustomerChange | VisitChange]] = {}
    earlier: list[HistoryLine] = []
    places = _card_places(session, customer_id)
    for customer_change in session.scalars(select(CustomerChange)
                                           .where(CustomerChange.customer_id == customer_id)):
        if customer_change.hlc is None:
            earlier.append(_old_line(customer_change, "customer", customer_id.hex, None))
        else:
            kept.setdefault((customer_id.hex, customer_change.hlc), []).append(customer_change)
    for visit_change in session.scalars(
            select(VisitChange).join(Visit, Visit.id == VisitChange.visit_id)
            .where(Visit.customer_id == customer_id)):
        row = visit_change.visit_id.hex
        if visit_change.hlc is None:
            earlier.append(_old_line(visit_change, "visit", row, places.get(row)))
        else:
            kept.setdefault((row, visit_change.hlc), []).append(visit_change)
    names = _codes(session)
    lines: list[HistoryLine] = []
    for entry in session.scalars(select(JournalEntry)
                                 .where(JournalEntry.customer_id == customer_id)
                                 .order_by(JournalEntry.hlc, JournalEntry.id)):
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        row = entry.row_id.hex if entry.row_id is not None else ""
        common = (entry.hlc, stamp_time(entry.hlc), entry.person, entry.machine, entry.source,
                  entry.table_name)
        place = places.get(row) if entry.table_name == "visit" else None
        if entry.action != "update":
            lines.append(HistoryLine(*common, entry.action, row, "", "",
                                     _named(entry.table_name, changes), place))
            continue
        said = kept.pop((row, entry.hlc), None)
        if said:   # as the program's own history of the row says it
            for change in said:
                lines.append(HistoryLine(*common, "update", row, change.field,
                                         change.old_value, change.new_value, place))
            continue
        for name, (old, new) in sorted(changes.items()):
            if name in _DERIVED_OF.get(entry.table_name, {"search_key"}):
                continue
            lines.append(HistoryLine(*common, "update", row, name, names.get(old, _text(old)),
                                     names.get(new, _text(new)), place))
    # History rows no update of the journal speaks for (an entry struck on a laptop before
    # it was first sent arrives new, with its strike): each on its own, at its own time.
    for (row, _stamp), said in kept.items():
        for change in said:
            table = "visit" if isinstance(change, VisitChange) else "customer"
            lines.append(_old_line(change, table, row, places.get(row)
                                   if table == "visit" else None))
    lines += _bulk_lines(session, customer_id)
    lines += earlier
    lines.sort(key=lambda line: (line.hlc, line.table != "customer"))
    return lines


def _card_places(session: Session, customer_id: uuid.UUID) -> dict[str, tuple[int, int]]:
    """Each card entry of the customer (hex id) -> (card number, entry number)."""
    return {visit_id.hex: (seq, slot) for visit_id, seq, slot in session.execute(
        select(Visit.id, VisitCard.seq, Visit.slot).join(VisitCard, VisitCard.id == Visit.card_id)
        .where(Visit.customer_id == customer_id))}


def _codes(session: Session) -> dict[str, str]:
    """Regions and salespeople by id (hex) -> their codes: a change of a customer's region or
    salesperson is told by code."""
    found = {key.hex: code for key, code in session.execute(select(Region.id, Region.code))}
    found.update({key.hex: code for key, code in
                  session.execute(select(Salesperson.id, Salesperson.code))})
    return found


def _old_line(change: CustomerChange | VisitChange, table: str, row_id: str,
              place: tuple[int, int] | None) -> HistoryLine:
    at = change.changed_at
    millisecond = int((at - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
    return HistoryLine(f"{millisecond:013d}00000", at, change.changed_by, "", "", table,
                       "update", row_id, change.field, change.old_value, change.new_value, place)


def _bulk_lines(session: Session, customer_id: uuid.UUID) -> list[HistoryLine]:
    """The customer's rows that a bulk write stamped, each with that write's who and where."""
    found: list[tuple[str, str, str, dict[str, Any]]] = []
    for model in _OWNED:
        owner = model.id if model is Customer else model.customer_id
        named = _NAMED_BY.get(model.__tablename__, ())
        columns = [model.id, model.hlc, *(getattr(model, n) for n in named)]
        for row in session.execute(select(*columns).where(owner == customer_id,
                                                          model.hlc.is_not(None))):
            found.append((model.__tablename__, row[0].hex, row[1],
                          dict(zip(named, row[2:], strict=True))))
    stamps = {hlc for _t, _r, hlc, _v in found}
    if not stamps:
        return []
    bulk = {(entry.table_name, entry.hlc): entry for entry in session.scalars(
        select(JournalEntry).where(JournalEntry.action == "bulk",
                                   JournalEntry.hlc.in_(sorted(stamps))))}
    lines = []
    for table, row_id, hlc, values in found:
        entry = bulk.get((table, hlc))
        if entry is None:
            continue
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        what = "inserted" if changes.get("inserted") else "updated"
        shown = {k: _text(v) for k, v in values.items()}
        if what == "updated":
            shown = {k: str(v) for k, v in (changes.get("set") or {}).items()} or shown
        lines.append(HistoryLine(hlc, stamp_time(hlc), entry.person, entry.machine,
                                 entry.source, table, "bulk", row_id, "", "",
                                 _named(table, shown)))
    return lines


def _named(table: str, values: dict[str, Any]) -> str:
    names = _NAMED_BY.get(table) or tuple(sorted(values))[:4]
    if table == "tier_assessment" and "tier" in values:
        before = _text(values.get("previous_tier")) or "–"
        return f"{before} → {_text(values['tier'])} ({_text(values.get('period'))})"
    return " · ".join(_text(values[n]) for n in names if values.get(n) not in (None, ""))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
