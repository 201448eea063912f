"""Visit cards: the salesperson's short card with a fixed number of entry slots.

Each visit fills the next slot of the customer's open card. When the last slot is used the card
is closed (archived) and a new card is opened at the office's current card size. An entry is
never deleted: it can be corrected (what it said before is kept in its history) or struck out
as on paper (it stays on the card, struck through, with who and when, and no longer counts as a
contact).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierdesk.core.customers import card_order
from tierdesk.core.customers.master_file import ChangeRow, customer_gone, get_customer_row
from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.office.settings import load_settings
from tierdesk.core.service import followups
from tierdesk.core.store.journal import person as current_person
from tierdesk.core.store.models import (
    VISIT_CHANNELS,
    Customer,
    Visit,
    VisitCard,
    VisitChange,
    counting_entry,
    utcnow,
)
from tierdesk.core.store.raw import (
    KeySource,
    day_of,
    fetch_tuples,
    hex_id,
    insert_many,
    key_in,
    new_keys,
    raw,
    update_many,
)
from tierdesk.core.text_limits import check_length, limits, too_long
from tierdesk.core.validation import (
    Checker,
    check_date_range,
    clean_block,
    clean_text,
    fail,
    parse_date,
)


@dataclass
class VisitInput:
    visit_date: dt.date | str | None = None
    channel: str = "visit"
    purpose: str = ""
    summary: str = ""
    outcome: str = ""
    next_step: str = ""
    next_visit_on: dt.date | str | None = None


@dataclass(frozen=True)
class VisitEntry:
    id: uuid.UUID
    slot: int
    visit_date: dt.date
    channel: str
    purpose: str
    summary: str
    outcome: str
    next_step: str
    next_visit_on: dt.date | None
    struck_at: dt.datetime | None = None
    struck_by: str = ""
    # What the follow-up it completed was about, read in the reader's language.
    about: Message | None = None

    @property
    def struck(self) -> bool:
        return self.struck_at is not None


@dataclass(frozen=True)
class CardView:
    id: uuid.UUID
    customer_id: uuid.UUID
    seq: int
    capacity: int
    opened_on: dt.date
    closed_on: dt.date | None
    entries: list[VisitEntry] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def free_slots(self) -> int:
        return self.capacity - len(self.entries)


@dataclass(frozen=True)
class VisitResult:
    visit: VisitEntry
    card_seq: int
    card_closed: bool
    new_card_seq: int | None


def open_card(session: Session, customer_id: uuid.UUID, *, capacity: int, opened_on: dt.date,
              seq: int | None = None) -> VisitCard:
    if seq is None:
        seq = (session.scalar(select(func.max(VisitCard.seq))
                              .where(VisitCard.customer_id == customer_id)) or 0) + 1
    card = VisitCard(customer_id=customer_id, seq=seq, capacity=capacity, opened_on=opened_on)
    session.add(card)
    session.flush()
    return card


def current_card_row(session: Session, customer_id: uuid.UUID) -> VisitCard | None:
    return session.scalar(select(VisitCard)
                          .where(VisitCard.customer_id == customer_id,
                                 VisitCard.closed_on.is_(None), VisitCard.deleted_at.is_(None))
                          .order_by(VisitCard.seq.desc()).limit(1))


def validate_visit(data: VisitInput, *, today: dt.date,
                   described: bool = False) -> dict[str, object]:
    """``described``: the entry completes a follow-up, which says what it was about."""
    checker = Checker()
    visit_date = checker.run(parse_date, "visit_date", data.visit_date)
    if visit_date is None and not checker.problems:
        checker.add("visit_date", QT_TRANSLATE_NOOP("Validation", "This field is required."))
    visit_date = checker.run(check_date_range, "visit_date", visit_date, not_after=today)
    next_on = checker.run(parse_date, "next_visit_on", data.next_visit_on)
    if next_on is not None and visit_date is not None:
        next_on = checker.run(check_date_range, "next_visit_on", next_on, not_before=visit_date)
    channel = clean_text(data.channel).lower()
    if channel not in VISIT_CHANNELS:
        checker.add("channel", QT_TRANSLATE_NOOP("Validation", "Unknown channel \"{value}\"."),
                    value=data.channel)
    purpose, summary = clean_text(data.purpose), clean_block(data.summary)
    if not purpose and not summary and not described:
        checker.add("summary", QT_TRANSLATE_NOOP(
            "Validation", "Write what the contact was about (purpose or summary)."))
    texts = {"purpose": purpose, "summary": summary, "outcome": clean_text(data.outcome),
             "next_step": clean_text(data.next_step)}
    checker.problems.extend(too_long(texts, _LONGEST))
    checker.raise_if_any()
    return {"visit_date": visit_date, "channel": channel, **texts, "next_visit_on": next_on}


# The texts of an entry, with the column each is kept in (which says how long it may be).
VISIT_TEXTS = {"purpose": Visit.purpose, "summary": Visit.summary, "outcome": Visit.outcome,
               "next_step": Visit.next_step}
_LONGEST = limits(**VISIT_TEXTS)


def add_visit(session: Session, customer_id: uuid.UUID, data: VisitInput, *,
              salesperson_id: uuid.UUID | None = None,
              today: dt.date | None = None, described: bool = False) -> VisitResult:
    """Write one entry on the customer's open card; archive it and open a new one when full."""
    today = today or dt.date.today()
    values = validate_visit(data, today=today, described=described)
    customer = get_customer_row(session, customer_id)
    card = current_card_row(session, customer_id)
    if card is None:
        card = open_card(session, customer_id, capacity=load_settings(session).card_size,
                         opened_on=today)
    used = session.scalar(select(func.count()).select_from(Visit)
                          .where(Visit.card_id == card.id)) or 0
    visit = Visit(card_id=card.id, customer_id=customer_id,
                  salesperson_id=salesperson_id or customer.salesperson_id, slot=used + 1,
                  **values)
    session.add(visit)
    visit_date = values["visit_date"]
    assert isinstance(visit_date, dt.date)
    if customer.last_visit_on is None or visit_date >= customer.last_visit_on:
        customer.last_visit_on = visit_date
        customer.next_visit_on = values["next_visit_on"]  # type: ignore[assignment]
    session.flush()
    # Last on the card, unless an entry written elsewhere with a clock ahead came in.
    card_order.order_entries(session, [card.id])
    new_seq = None
    closed = used + 1 >= card.capacity
    if closed:
        card.closed_on = today
        new_card = open_card(session, customer_id, capacity=load_settings(session).card_size,
                             opened_on=today, seq=card.seq + 1)
        new_seq = new_card.seq
    session.flush()
    return VisitResult(_entry(visit), card.seq, closed, new_seq)


def _entry(v: Visit) -> VisitEntry:
    return VisitEntry(v.id, v.slot, v.visit_date, v.channel, v.purpose, v.summary, v.outcome,
                      v.next_step, v.next_visit_on, v.struck_at, v.struck_by)


CORRECTABLE = ("visit_date", "channel", "purpose", "summary", "outcome", "next_step",
               "next_visit_on")


def _visit(session: Session, visit_id: uuid.UUID) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise NotFoundError(Message("Cards", QT_TRANSLATE_NOOP(
            "Cards", "There is no such card entry.")))
    return visit


def _live_visit(session: Session, visit_id: uuid.UUID) -> Visit:
    visit = _visit(session, visit_id)
    if visit.struck_at is not None:
        raise fail("struck", QT_TRANSLATE_NOOP(
            "Validation", "This entry is struck out; it cannot be changed."))
    return visit


def customer_of(session: Session, visit_id: uuid.UUID) -> uuid.UUID:
    return _visit(session, visit_id).customer_id


def visit_at(session: Session, customer_id: uuid.UUID, seq: int, slot: int) -> uuid.UUID:
    """The entry in ``slot`` of the customer's card number ``seq``."""
    found = session.scalar(select(Visit.id).join(VisitCard, VisitCard.id == Visit.card_id)
                           .where(VisitCard.customer_id == customer_id, VisitCard.seq == seq,
                                  Visit.slot == slot, Visit.deleted_at.is_(None)))
    if found is None:
        raise NotFoundError(Message("Cards", QT_TRANSLATE_NOOP(
            "Cards", "Card {seq} has no entry {slot}."), {"seq": seq, "slot": slot}))
    return found


def correct_visit(session: Session, visit_id: uuid.UUID, data: VisitInput, *,
                  by: str | None = None, today: dt.date | None = None) -> VisitEntry:
    """Write the corrected entry in place; each changed field keeps its old value in the
    entry's history. Returns the entry as it now reads."""
    visit = _live_visit(session, visit_id)
    values = validate_visit(data, today=today or dt.date.today())
    who, now = current_person() if by is None else clean_text(by), utcnow()
    for name in CORRECTABLE:
        old, new = getattr(visit, name), values[name]
        if old != new:
            session.add(VisitChange(visit_id=visit.id, changed_at=now, field=name,
                                    old_value=_text(old), new_value=_text(new),
                                    changed_by=who))
            setattr(visit, name, new)
    session.flush()
    follow_latest_entry(session, visit.customer_id)
    return _entry(visit)


def strike_visit(session: Session, visit_id: uuid.UUID, *, by: str | None = None,
                 reason: str = "") -> VisitEntry:
    """Strike the entry out as on paper: it stays on the card with who and when, and no
    longer counts as a contact."""
    visit = _live_visit(session, visit_id)
    reason = check_length("reason", clean_text(reason), VisitChange.new_value)
    visit.struck_at = utcnow()
    visit.struck_by = current_person() if by is None else clean_text(by)
    session.add(VisitChange(visit_id=visit.id, changed_at=visit.struck_at, field="struck",
                            old_value="", new_value=reason, changed_by=visit.struck_by))
    session.flush()
    follow_latest_entry(session, visit.customer_id)
    return _entry(visit)


def visit_history(session: Session, visit_id: uuid.UUID) -> list[ChangeRow]:
    """What was changed on the entry, oldest first."""
    return [ChangeRow(r.changed_at, r.field, r.old_value, r.new_value, r.changed_by)
            for r in session.scalars(select(VisitChange)
                                     .where(VisitChange.visit_id == visit_id,
                                            VisitChange.deleted_at.is_(None))
                                     .order_by(VisitChange.changed_at, VisitChange.field))]


def entry_changes(session: Session, customer_id: uuid.UUID) -> list[tuple[int, int, ChangeRow]]:
    """The changes to all the customer's card entries, newest first, each with its card
    number and entry number."""
    return [(seq, slot, ChangeRow(at, name, old, new, by)) for seq, slot, at, name, old, new, by
            in session.execute(
                select(VisitCard.seq, Visit.slot, VisitChange.changed_at, VisitChange.field,
                       VisitChange.old_value, VisitChange.new_value, VisitChange.changed_by)
                .join(Visit, Visit.id == VisitChange.visit_id)
                .join(VisitCard, VisitCard.id == Visit.card_id)
                .where(Visit.customer_id == customer_id, VisitChange.deleted_at.is_(None))
                .order_by(VisitChange.changed_at.desc(), VisitChange.field))]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def follow_latest_entry(session: Session, customer_id: uuid.UUID) -> None:
    """The customer's last and next visit follow its latest entry that counts."""
    follow_latest_entries(session, [customer_id])


def follow_latest_entries(session: Session, customer_ids: Sequence[uuid.UUID]) -> None:
    """Each customer's last and next visit follow its latest entry that counts (entries
    that came in from elsewhere)."""
    for start in range(0, len(customer_ids), _KEYS_PER_QUERY):
        chunk = list(customer_ids[start:start + _KEYS_PER_QUERY])
        place = func.row_number().over(
            partition_by=Visit.customer_id,
            order_by=(Visit.visit_date.desc(), Visit.created_at.desc())).label("place")
        ranked = select(Visit.customer_id, Visit.visit_date, Visit.next_visit_on, place).where(
            Visit.customer_id.in_(chunk), counting_entry()).subquery()
        latest = {customer_id: (day, following) for customer_id, day, following in
                  session.execute(select(ranked.c.customer_id, ranked.c.visit_date,
                                         ranked.c.next_visit_on).where(ranked.c.place == 1))}
        for customer_id in chunk:
            customer = get_customer_row(session, customer_id)
            day, following = latest.get(customer_id, (None, None))
            customer.last_visit_on, customer.next_visit_on = day, following


def _view(session: Session, card: VisitCard) -> CardView:
    visits = session.scalars(select(Visit).where(Visit.card_id == card.id,
                                                 Visit.deleted_at.is_(None))
                             .order_by(Visit.slot))
    entries = [_entry(v) for v in visits]
    about = followups.done_by_visits(session, [e.id for e in entries])
    return CardView(card.id, card.customer_id, card.seq, card.capacity, card.opened_on,
                    card.closed_on, [replace(e, about=about.get(e.id)) for e in entries])


def current_card(session: Session, customer_id: uuid.UUID) -> CardView | None:
    card = current_card_row(session, customer_id)
    return _view(session, card) if card else None


def list_cards(session: Session, customer_id: uuid.UUID) -> list[CardView]:
    """Every card of the customer, oldest first, with its entries."""
    cards = session.scalars(select(VisitCard).where(VisitCard.customer_id == customer_id,
                                                    VisitCard.deleted_at.is_(None))
                            .order_by(VisitCard.seq))
    return [_view(session, c) for c in cards]


def card_by_seq(session: Session, customer_id: uuid.UUID, seq: int) -> CardView:
    card = session.scalar(select(VisitCard).where(VisitCard.customer_id == customer_id,
                                                  VisitCard.seq == seq))
    if card is None:
        raise NotFoundError(Message("Cards", QT_TRANSLATE_NOOP(
            "Cards", "The customer has no card number {seq}."), {"seq": seq}))
    return _view(session, card)


PAST_VISIT_FIELDS = ("visit_date", "channel", "purpose", "summary", "outcome", "next_step",
                     "next_visit_on")
_VISIT_COLUMNS = ("id", "card_id", "customer_id", "salesperson_id", "slot", *PAST_VISIT_FIELDS)
_CARD_COLUMNS = ("id", "customer_id", "seq", "capacity", "opened_on", "closed_on")
_KEYS_PER_QUERY = 500
_WRITE_EVERY = 100_000
PROGRESS_CUSTOMERS = 1000     # customers filed between two reports of progress


def file_past_visits(session: Session, visits: Mapping[str, list[tuple[Any, ...]]],
                     progress: Callable[[int], None] | None = None) -> int:
    """File visits from an old archive on their customers' cards in date order. ``visits``
    maps a customer's id (hex) to its visits, each a tuple in PAST_VISIT_FIELDS order as
    :func:`validate_visit` checked them. A card that fills up is archived on the date of its
    last entry and the next card opens on the following visit's date. The customer's last
    and next visit follow the latest entry. Returns how many were filed."""
    if not visits:
        return 0
    session.flush()
    connection = session.connection()
    size = load_settings(session).card_size
    keys = list(visits)
    facts: dict[str, tuple[Any, ...]] = {}      # customer -> salesperson, last, next
    cards: dict[str, list[Any]] = {}            # customer -> its open card, with slots used
    highest: dict[str, int] = {}
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start:start + _KEYS_PER_QUERY]
        for cid, person, last, following in fetch_tuples(connection, select(
                raw(Customer.id), raw(Customer.salesperson_id), raw(Customer.last_visit_on),
                raw(Customer.next_visit_on)).where(key_in(connection, Customer.id, chunk))):
            facts[hex_id(cid)] = (None if person is None else hex_id(person), day_of(last),
                                  day_of(following))
        slots_used = (select(func.count()).where(Visit.card_id == VisitCard.id)
                      .scalar_subquery())
        for card, cid, seq, capacity, opened, closed, count in fetch_tuples(connection, select(
                raw(VisitCard.id), raw(VisitCard.customer_id), VisitCard.seq,
                VisitCard.capacity, raw(VisitCard.opened_on), VisitCard.closed_on, slots_used)
                .where(key_in(connection, VisitCard.customer_id, chunk),
                       VisitCard.deleted_at.is_(None))):
            key = hex_id(cid)
            highest[key] = max(highest.get(key, 0), seq)
            if closed is None and seq >= cards.get(key, [None, 0])[1]:
                cards[key] = [hex_id(card), seq, capacity, day_of(opened), count]
    now = utcnow()
    card_key = KeySource()
    new_cards: list[list[Any]] = []
    reopened: dict[str, dt.date] = {}            # card -> earlier opening (older visits)
    filled: dict[str, dt.date] = {}              # card -> the day it was archived
    customer_changes: list[tuple[Any, ...]] = []  # (customer, last visit, next visit)
    rows: list[tuple[Any, ...]] = []
    filed = 0

    def write() -> None:
        made = {"created_at": now, "updated_at": now}
        insert_many(connection, VisitCard.__table__, _CARD_COLUMNS,
                    [(c[0], *c[3:]) for c in new_cards], same=made)
        visit_ids = new_keys(len(rows))
        insert_many(connection, Visit.__table__, _VISIT_COLUMNS,
                    [(vid, *row) for vid, row in zip(visit_ids, rows, strict=True)], same=made)
        new_cards.clear()
        rows.clear()

    for key in keys:
        if key not in facts:
            raise customer_gone()
        person, last, following = facts[key]
        ordered = sorted(visits[key], key=itemgetter(0))
        found = cards.get(key)
        if found is None:
            seq = highest.get(key, 0) + 1
            created = [card_key(), now, now, key, seq, size, ordered[0][0], None]
            new_cards.append(created)
            card, capacity, used, fresh = created[0], size, 0, created
        else:
            card, seq, capacity, opened, used = found
            fresh = None
            if used == 0 and opened > ordered[0][0]:
                reopened[card] = ordered[0][0]
        for index, values in enumerate(ordered):
            used += 1
            rows.append((card, key, person, used, *values))
            if last is None or values[0] >= last:
                last, following = values[0], values[6]
            if used >= capacity:
                if fresh is not None:
                    fresh[7] = values[0]
                else:
                    filled[card] = values[0]
                seq += 1
                begins = ordered[index + 1][0] if index + 1 < len(ordered) else values[0]
                fresh = [card_key(), now, now, key, seq, size, begins, None]
                new_cards.append(fresh)
                card, capacity, used = fresh[0], size, 0
        customer_changes.append((key, last, following, now))
        filed += len(ordered)
        if len(rows) >= _WRITE_EVERY:
            write()
        if progress is not None and len(customer_changes) % PROGRESS_CUSTOMERS == 0:
            progress(filed)
    write()
    _change_cards(connection, reopened, filled)
    update_many(connection, Customer.__table__, ("last_visit_on", "next_visit_on", "updated_at"),
                customer_changes)
    session.expire_all()
    return filed


def _change_cards(connection: Any, reopened: dict[str, dt.date],
                  filled: dict[str, dt.date]) -> None:
    """Cards already in the archive: opened earlier (the import has older visits), archived
    (filled up), or both."""
    both = [(card, day, filled[card]) for card, day in reopened.items() if card in filled]
    update_many(connection, VisitCard.__table__, ("opened_on", "closed_on"), both)
    update_many(connection, VisitCard.__table__, ("opened_on",),
                [(card, day) for card, day in reopened.items() if card not in filled])
    update_many(connection, VisitCard.__table__, ("closed_on",),
                [(card, day) for card, day in filled.items() if card not in reopened])
