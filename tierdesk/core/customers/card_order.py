"""The order of a customer's cards and of the entries on a card, as every archive works it out
for itself: by when each was written, then by id.

A laptop and the office can both add entries to the same open card between two exchanges, or
both open a new card. Each side then holds rows the other wrote in places it had filled itself.
Rather than each putting the other's rows after its own (which leaves the two archives listing
the same card in different orders), both number them by one rule that needs no exchange:

- a card's entries are numbered 1, 2, … in the order they were written: by ``created_at``;
  rows written together (an import, a demo office, one write) keep the order they were given
  (their place), then ``id``. An entry written here is last, unless another machine's clock
  ran ahead. Renumbering keeps the order of rows written together, and so does a row's trip
  to the other archive (core.sync.merge), so both sides always sort the same keys;
- a customer's cards are numbered 1, 2, … in the order they were opened, the same way;
- only the last of a customer's cards stays open: a card opened on both sides is closed where
  another one follows it, and a card that holds its size or more (entries added on both sides)
  is closed, so that the next entry opens a new card.

The numbers (``visit.slot``, ``visit_card.seq``) are therefore never merged: each archive
derives them (core.sync.tables.DERIVED). A card closed on both sides keeps the earlier day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.store.models import Visit, VisitCard

_KEYS_PER_QUERY = 500


def order_entries(session: Session, card_ids: Collection[uuid.UUID]) -> int:
    """Number the entries of each of ``card_ids`` in the order they were written. Returns
    how many entries moved."""
    entries: dict[uuid.UUID, list[Visit]] = {}
    for chunk in _chunks(card_ids):
        for visit in session.scalars(select(Visit).where(Visit.card_id.in_(chunk))):
            entries.setdefault(visit.card_id, []).append(visit)
    return _renumber(session, entries.values(), "slot")


def order_cards(session: Session, customer_ids: Collection[uuid.UUID], *,
                today: dt.date | None = None) -> int:
    """Number each customer's cards in the order they were opened, and leave open only the
    last, and that one only while it has room. Returns how many cards moved or closed."""
    today = today or dt.date.today()
    cards: dict[uuid.UUID, list[VisitCard]] = {}
    for chunk in _chunks(customer_ids):
        for card in session.scalars(select(VisitCard).where(VisitCard.customer_id.in_(chunk))):
            cards.setdefault(card.customer_id, []).append(card)
    changed = _renumber(session, cards.values(), "seq")
    live = {key: [c for c in sorted(held, key=lambda c: c.seq) if c.deleted_at is None]
            for key, held in cards.items()}
    last = [held[-1] for held in live.values() if held]
    full = _full(session, [card for card in last if card.closed_on is None])
    for held in live.values():
        for index, card in enumerate(held):
            if card.closed_on is not None:
                continue
            if index < len(held) - 1 or card.id in full:
                card.closed_on = today
                changed += 1
    session.flush()
    return changed


def _full(session: Session, cards: list[VisitCard]) -> set[uuid.UUID]:
    """Those of the open ``cards`` that hold their size or more."""
    size = {card.id: card.capacity for card in cards}
    used: dict[uuid.UUID, int] = {}
    for chunk in _chunks(list(size)):
        for card_id in session.scalars(select(Visit.card_id).where(Visit.card_id.in_(chunk))):
            used[card_id] = used.get(card_id, 0) + 1
    return {card_id for card_id, held in used.items() if held >= size[card_id]}


def _written(row: Visit | VisitCard, place: str) -> tuple[dt.datetime, int, uuid.UUID]:
    return row.created_at, getattr(row, place), row.id


def _renumber(session: Session, groups: Iterable[list[Any]], place: str) -> int:
    """Give the rows of each group the places 1, 2, … in the order they were written; in two
    steps, so that no two rows ever share a place (the place is unique within its group)."""
    moves: list[tuple[Any, int]] = []
    for rows in groups:
        for number, row in enumerate(sorted(rows, key=lambda r: _written(r, place)), start=1):
            if getattr(row, place) != number:
                moves.append((row, number))
    if not moves:
        return 0
    for row, _number in moves:
        setattr(row, place, -abs(getattr(row, place)) - 1_000_000)
    session.flush()
    for row, number in moves:
        setattr(row, place, number)
    session.flush()
    return len(moves)


def _chunks(keys: Collection[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    ordered = sorted(keys)
    for start in range(0, len(ordered), _KEYS_PER_QUERY):
        yield ordered[start:start + _KEYS_PER_QUERY]
