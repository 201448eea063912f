import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.core.customers import cards
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.master_file import customer_facts
from tierdesk.core.errors import ValidationError
from tierdesk.core.office.settings import save_settings
from tierdesk.core.store.models import Visit

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

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


def test_past_visits_are_filed_for_many_customers_at_once(db):
    """An import files each customer's old visits in date order: on the card already open
    (after the entries it holds), card after card at the office's size; a card still empty
    is dated back to the first visit filed on it."""
    with db.write() as session:
        save_settings(session, card_size=7)
    busy = make_customer(db, "甲公司", mobile="13800000001", today=dt.date(2020, 1, 1))
    fresh = make_customer(db, "乙公司", mobile="13800000002", today=dt.date(2026, 11, 1))
    with db.write() as session:
        for day in (2, 3):
            cards.add_visit(session, busy, VisitInput(dt.date(2025, 1, day), purpose="例行"),
                            today=TODAY)

    def visit(day: dt.date, following: dt.date | None = None) -> tuple:
        return (day, "phone", "回访", "", "", "", following)

    old = [visit(dt.date(2024, 3, 1) + dt.timedelta(days=7 * i)) for i in range(12)][::-1]
    with db.write() as session:
        filed = cards.file_past_visits(session, {
            busy.hex: old, fresh.hex: [visit(dt.date(2023, 5, 6), dt.date(2023, 6, 1)),
                                       visit(dt.date(2023, 5, 4))]})
    assert filed == 14
    with db.read() as session:
        busy_cards = cards.list_cards(session, busy)
        fresh_cards = cards.list_cards(session, fresh)
        facts = customer_facts(session, fresh)
    # 2 entries already there + 12 filed = two full cards, then an empty third.
    assert [(c.seq, len(c.entries)) for c in busy_cards] == [(1, 7), (2, 7), (3, 0)]
    first = [e.visit_date for e in busy_cards[0].entries]
    assert first[:2] == [dt.date(2025, 1, 2), dt.date(2025, 1, 3)]
    assert first[2:] == sorted(first[2:]) and first[2] == dt.date(2024, 3, 1)
    assert busy_cards[0].closed_on == first[-1]
    assert busy_cards[1].opened_on == busy_cards[1].entries[0].visit_date
    assert [e.slot for e in busy_cards[1].entries] == list(range(1, 8))
    assert busy_cards[2].opened_on == busy_cards[1].closed_on == dt.date(2024, 5, 17)
    assert fresh_cards[0].opened_on == dt.date(2023, 5, 4)
    assert [e.visit_date for e in fresh_cards[0].entries] == [dt.date(2023, 5, 4),
                                                               dt.date(2023, 5, 6)]
    assert (facts.last_visit_on, facts.next_visit_on) == (dt.date(2023, 5, 6),
                                                          dt.date(2023, 6, 1))


def test_the_printed_card_is_titled_without_a_dangling_dot_when_the_office_has_no_name(db):
    from tierdesk.core.archive import Archive
    from tierdesk.reports.card_report import cards_html

    archive = Archive(db)
    customer_id = make_customer(db)
    facts = archive.customers.customer(customer_id)
    card = archive.customers.open_customer(customer_id).current
    assert "<h1>Customer visit card</h1>" in cards_html(facts, [card], office_name="")
    assert "<h1>华东销售部 · Customer visit card</h1>" in cards_html(facts, [card],
                                                                   office_name="华东销售部")
