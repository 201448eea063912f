"""Visit cards: the salesperson's short card with a fixed number of entry slots.

Each visit fills the next slot of the customer's open card. When the last slot is used the card
is closed (archived) and a new card is opened at the office's current card size. Visits are
append-only facts: they are never edited or deleted here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierdesk.core.customers import get_customer_row
from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.models import VISIT_CHANNELS, Visit, VisitCard
from tierdesk.core.settings import load_settings
from tierdesk.core.validation import Checker, check_date_range, clean_text, parse_date


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


def validate_visit(data: VisitInput, *, today: dt.date) -> dict[str, object]:
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
    purpose, summary = clean_text(data.purpose), (data.summary or "").strip()
    if not purpose and not summary:
        checker.add("summary", QT_TRANSLATE_NOOP(
            "Validation", "Write what the contact was about (purpose or summary)."))
    checker.raise_if_any()
    return {"visit_date": visit_date, "channel": channel, "purpose": purpose,
            "summary": summary, "outcome": clean_text(data.outcome),
            "next_step": clean_text(data.next_step), "next_visit_on": next_on}


def add_visit(session: Session, customer_id: uuid.UUID, data: VisitInput, *,
              salesperson_id: uuid.UUID | None = None,
              today: dt.date | None = None) -> VisitResult:
    """Write one entry on the customer's open card; archive it and open a new one when full."""
    today = today or dt.date.today()
    values = validate_visit(data, today=today)
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
    new_seq = None
    closed = visit.slot >= card.capacity
    if closed:
        card.closed_on = today
        new_card = open_card(session, customer_id, capacity=load_settings(session).card_size,
                             opened_on=today, seq=card.seq + 1)
        new_seq = new_card.seq
    session.flush()
    return VisitResult(_entry(visit), card.seq, closed, new_seq)


def _entry(v: Visit) -> VisitEntry:
    return VisitEntry(v.id, v.slot, v.visit_date, v.channel, v.purpose, v.summary, v.outcome,
                      v.next_step, v.next_visit_on)


def _view(session: Session, card: VisitCard) -> CardView:
    visits = session.scalars(select(Visit).where(Visit.card_id == card.id,
                                                 Visit.deleted_at.is_(None))
                             .order_by(Visit.slot))
    return CardView(card.id, card.customer_id, card.seq, card.capacity, card.opened_on,
                    card.closed_on, [_entry(v) for v in visits])


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


def add_past_visits(session: Session, customer_id: uuid.UUID, visits: list[dict[str, object]],
                    *, salesperson_id: uuid.UUID | None = None) -> int:
    """File visits from an old archive (values as :func:`validate_visit` returns them) on the
    customer's cards in date order: a card that fills up is archived on the date of its last
    entry and the next card opens on the following visit's date. Returns how many were
    filed."""
    if not visits:
        return 0
    customer = get_customer_row(session, customer_id)
    size = load_settings(session).card_size
    ordered = sorted(visits, key=lambda v: v["visit_date"])  # type: ignore[arg-type,return-value]
    card = current_card_row(session, customer_id)
    if card is None:
        card = open_card(session, customer_id, capacity=size,
                         opened_on=ordered[0]["visit_date"])  # type: ignore[arg-type]
    used = session.scalar(select(func.count()).select_from(Visit)
                          .where(Visit.card_id == card.id)) or 0
    if used == 0 and card.opened_on > ordered[0]["visit_date"]:  # type: ignore[operator]
        card.opened_on = ordered[0]["visit_date"]  # type: ignore[assignment]
    for index, values in enumerate(ordered):
        used += 1
        session.add(Visit(card_id=card.id, customer_id=customer_id,
                          salesperson_id=salesperson_id or customer.salesperson_id, slot=used,
                          **values))
        visit_date = values["visit_date"]
        if customer.last_visit_on is None or visit_date >= customer.last_visit_on:  # type: ignore[operator]
            customer.last_visit_on = visit_date  # type: ignore[assignment]
            customer.next_visit_on = values.get("next_visit_on")  # type: ignore[assignment]
        if used >= card.capacity:
            card.closed_on = visit_date  # type: ignore[assignment]
            following = ordered[index + 1]["visit_date"] if index + 1 < len(ordered) \
                else visit_date
            session.flush()
            card = open_card(session, customer_id, capacity=size,
                             opened_on=following, seq=card.seq + 1)  # type: ignore[arg-type]
            used = 0
    session.flush()
    return len(ordered)
