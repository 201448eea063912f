"""Entries added to the same card on a laptop and at the office between two exchanges, and
cards opened on both sides: both archives end listing every card the same way, with one open
card per customer and nothing lost."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests import test_sync
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store.models import SyncConflict, Visit, VisitCard

office, laptop = test_sync.office, test_sync.laptop      # the same office and laptop
DAY, carry = test_sync.DAY, test_sync.carry


def cards_of(db, customer_id):
    """Each card as (number, open?, the entries' purposes in their places)."""
    with db.read() as session:
        found = session.scalars(select(VisitCard).where(VisitCard.customer_id == customer_id,
                                                        VisitCard.deleted_at.is_(None))
                                .order_by(VisitCard.seq)).all()
        shown = []
        for card in found:
            entries = session.scalars(select(Visit).where(Visit.card_id == card.id)
                                      .order_by(Visit.slot)).all()
            assert [e.slot for e in entries] == list(range(1, len(entries) + 1))
            shown.append((card.seq, card.closed_on is None, [e.purpose for e in entries]))
        return shown


def add(db, customer_id, *purposes):
    for purpose in purposes:
        Archive(db).customers.add_visit(customer_id, VisitInput(visit_date=DAY, purpose=purpose))


def exchange_both_ways(office_db, laptop_db, tmp_path, round_=0):
    carry(laptop_db, office_db, tmp_path, f"up{round_}.tdx")
    carry(office_db, laptop_db, tmp_path, f"down{round_}.tdx")


def test_entries_added_on_both_sides_end_in_one_order(office, laptop, tmp_path):
    db, ids = office
    add(db, ids["mine"], "办公室一", "办公室二")
    add(laptop, ids["mine"], "笔记本一")
    add(db, ids["mine"], "办公室三")
    add(laptop, ids["mine"], "笔记本二")
    exchange_both_ways(db, laptop, tmp_path)
    at_office, on_laptop = cards_of(db, ids["mine"]), cards_of(laptop, ids["mine"])
    assert at_office == on_laptop
    [(seq, is_open, purposes)] = at_office
    assert (seq, is_open) == (1, True)
    assert sorted(purposes) == sorted(["首访", "办公室一", "办公室二", "办公室三", "笔记本一",
                                       "笔记本二"])
    assert purposes[0] == "首访"     # what both had stays first
    # An entry written after the exchange comes last on both, and stays so after the next.
    add(laptop, ids["mine"], "笔记本三")
    assert cards_of(laptop, ids["mine"])[0][2][-1] == "笔记本三"
    exchange_both_ways(db, laptop, tmp_path, 1)
    assert cards_of(db, ids["mine"]) == cards_of(laptop, ids["mine"])
    assert cards_of(db, ids["mine"])[0][2][-1] == "笔记本三"
    with db.read() as session:
        assert session.scalars(select(SyncConflict)).all() == []


def test_a_card_filled_on_both_sides_closes_and_each_opened_card_is_kept(office, laptop, tmp_path):
    db, ids = office                     # card size 10; the card holds one entry already
    add(db, ids["mine"], *[f"办公室{n}" for n in range(1, 10)])      # full here, card 2 opens
    add(db, ids["mine"], "办公室十")                                  # on card 2
    add(laptop, ids["mine"], *[f"笔记本{n}" for n in range(1, 10)])  # full there, card 2 opens
    add(laptop, ids["mine"], "笔记本十", "笔记本十一")                 # on the laptop's card 2
    exchange_both_ways(db, laptop, tmp_path)
    at_office = cards_of(db, ids["mine"])
    assert at_office == cards_of(laptop, ids["mine"])
    assert [(seq, is_open) for seq, is_open, _ in at_office] == [(1, False), (2, False),
                                                                 (3, True)]
    first = at_office[0][2]
    assert len(first) == 19 and first[0] == "首访"    # both sides' entries, none lost
    later = at_office[1][2] + at_office[2][2]
    assert sorted(later) == sorted(["办公室十", "笔记本十", "笔记本十一"])
    # The next entry goes on the one open card, on either side, and both agree after.
    add(db, ids["mine"], "之后")
    exchange_both_ways(db, laptop, tmp_path, 1)
    assert cards_of(db, ids["mine"]) == cards_of(laptop, ids["mine"])
    assert cards_of(db, ids["mine"])[-1][2][-1] == "之后"
    with db.read() as session:
        assert session.scalars(select(SyncConflict)).all() == []   # closing twice: no conflict


def test_a_card_filled_by_entries_from_both_sides_is_closed_on_both(office, laptop, tmp_path):
    db, ids = office
    add(db, ids["mine"], *[f"办公室{n}" for n in range(1, 6)])    # 6 of 10 here
    add(laptop, ids["mine"], *[f"笔记本{n}" for n in range(1, 6)])  # 6 of 10 there
    exchange_both_ways(db, laptop, tmp_path)
    at_office = cards_of(db, ids["mine"])
    assert at_office == cards_of(laptop, ids["mine"])
    [(seq, is_open, purposes)] = at_office
    assert (seq, is_open, len(purposes)) == (1, False, 11)
    result = Archive(laptop).customers.add_visit(
        ids["mine"], VisitInput(visit_date=DAY + dt.timedelta(days=1), purpose="新卡"))
    assert result.card_seq == 2 and result.visit.slot == 1


def test_entries_written_together_keep_their_places_when_one_is_added(demo_db):
    """A demo office writes all its entries at once, with ids not in the order of the
    entries: adding one moves none of them."""
    with demo_db.read() as session:
        rows = session.execute(select(Visit.card_id, Visit.id, Visit.slot)).all()
        open_cards = {card.id: card.customer_id for card in session.scalars(
            select(VisitCard).where(VisitCard.closed_on.is_(None)))}
    by_card: dict[object, list[tuple[object, int]]] = {}
    for card_id, visit_id, slot in rows:
        by_card.setdefault(card_id, []).append((visit_id, slot))
    mixed = next(card for card, held in by_card.items() if card in open_cards
                 and [s for _i, s in sorted(held)] != sorted(s for _i, s in held))
    before = dict(by_card[mixed])
    made = Archive(demo_db).customers.add_visit(open_cards[mixed], VisitInput(
        visit_date=dt.date.today(), purpose="新的拜访"))
    with demo_db.read() as session:
        after = dict(session.execute(select(Visit.id, Visit.slot).where(
            Visit.card_id == mixed)).all())
    assert {k: after[k] for k in before} == before
    assert after[made.visit.id] == len(before) + 1
