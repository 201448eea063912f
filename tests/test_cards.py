import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.core import cards
from tierdesk.core.cards import VisitInput
from tierdesk.core.customers import customer_facts
from tierdesk.core.errors import ValidationError
from tierdesk.core.models import Visit
from tierdesk.core.settings import save_settings

TODAY = dt.date(2026, 11, 20)


def log(db, cid, day, **extra):
    data = VisitInput(visit_date=day, channel=extra.pop("channel", "visit"),
                      purpose=extra.pop("purpose", "例行拜访"), **extra)
    with db.write() as session:
        return cards.add_visit(session, cid, data, today=TODAY)


@pytest.mark.parametrize("size", [7, 10])
def test_the_card_rolls_over_when_its_last_slot_is_used(db, size):
    with db.write() as session:
        save_settings(session, card_size=size)
    cid = make_customer(db, today=TODAY)
    results = [log(db, cid, dt.date(2026, 1, 1) + dt.timedelta(days=i)) for i in range(size + 1)]
    assert [r.visit.slot for r in results] == [*range(1, size + 1), 1]
    assert [r.card_closed for r in results].count(True) == 1
    assert results[size - 1].card_closed and results[size - 1].new_card_seq == 2
    assert results[size].card_seq == 2
    with db.read() as session:
        all_cards = cards.list_cards(session, cid)
    assert [(c.seq, len(c.entries), c.is_open) for c in all_cards] == [
        (1, size, False), (2, 1, True)]
    assert all_cards[0].closed_on == TODAY


def test_a_new_card_size_applies_to_new_cards_only(db):
    cid = make_customer(db, today=TODAY)
    with db.write() as session:
        save_settings(session, card_size=7)
    for i in range(10):
        log(db, cid, dt.date(2026, 2, 1) + dt.timedelta(days=i))
    with db.read() as session:
        all_cards = cards.list_cards(session, cid)
    assert [(c.capacity, len(c.entries)) for c in all_cards] == [(10, 10), (7, 0)]


def test_visits_update_the_customer_last_and_next_visit(db):
    cid = make_customer(db, today=TODAY)
    log(db, cid, "2026-11-02", next_visit_on="2026-11-30")
    log(db, cid, "2026-10-01", next_visit_on="2026-10-15")  # an older visit logged late
    with db.read() as session:
        facts = customer_facts(session, cid)
    assert (facts.last_visit_on, facts.next_visit_on) == (dt.date(2026, 11, 2),
                                                          dt.date(2026, 11, 30))


@pytest.mark.parametrize("changes, field", [
    ({"visit_date": "2026-11-21"}, "visit_date"),         # after today
    ({"visit_date": "2026-02-30"}, "visit_date"),         # impossible
    ({"visit_date": None}, "visit_date"),
    ({"next_visit_on": "2026-11-01"}, "next_visit_on"),   # before the visit
    ({"channel": "fax"}, "channel"),
    ({"purpose": "", "summary": ""}, "summary"),
])
def test_a_bad_entry_is_refused_and_writes_nothing(db, changes, field):
    cid = make_customer(db, today=TODAY)
    values = {"visit_date": "2026-11-10", "channel": "visit", "purpose": "拜访"} | changes
    with pytest.raises(ValidationError) as info:
        with db.write() as session:
            cards.add_visit(session, cid, VisitInput(**values), today=TODAY)
    assert info.value.problems[0].field == field
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0


def test_entries_keep_every_field(db):
    cid = make_customer(db, today=TODAY)
    log(db, cid, "2026-11-10", channel="wechat", summary="谈了年度框架协议", outcome="达成意向",
        next_step="提交报价", next_visit_on="2026-11-24")
    with db.read() as session:
        card = cards.current_card(session, cid)
    entry = card.entries[0]
    assert (entry.channel, entry.summary, entry.outcome, entry.next_step, entry.next_visit_on) == (
        "wechat", "谈了年度框架协议", "达成意向", "提交报价", dt.date(2026, 11, 24))
    assert card.free_slots == 9
