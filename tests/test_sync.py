"""A laptop checked out of the office, its work carried back by file, merged field by field,
conflicts in the manager's queue, nothing lost."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.master_file import CustomerInput
from tierdesk.core.errors import TierDeskError
from tierdesk.core.store.db import SCHEMA_HEAD, open_database
from tierdesk.core.store.models import Customer, SyncConflict, Visit
from tierdesk.core.sync.bundle import read_bundle, write_bundle
from tierdesk.core.sync.checkout import checkout, exchange
from tierdesk.core.sync.collect import collect
from tierdesk.core.sync.merge import apply_bundle
from tierdesk.core.sync.site import peer, this_site

DAY = dt.date(2026, 11, 20)
# The office runs on PostgreSQL as well as SQLite; laptops are SQLite files.
ALSO_ON_POSTGRESQL = True


@pytest.fixture
def office(db):
    """The office with two customers of S001 (one with a visit) and one of S002."""
    ids = {"mine": make_customer(db, "甲贸易有限公司", salesperson="S001"),
           "also": make_customer(db, "乙科技有限公司", salesperson="S001", mobile="13900139000"),
           "other": make_customer(db, "丙商行", salesperson="S002", mobile="13700137000")}
    Archive(db).customers.add_visit(ids["mine"], VisitInput(visit_date=DAY, purpose="首访"))
    return db, ids


@pytest.fixture
def laptop(office, tmp_path):
    db, _ids = office
    checkout(db, tmp_path / "laptop.sqlite", "S001", backup_dir=tmp_path / "b")
    laptop = open_database(tmp_path / "laptop.sqlite", backup_dir=tmp_path / "b")
    yield laptop
    laptop.close()


def carry(source, target, tmp_path, name="transfer.tdx"):
    """Write the source's bundle for the target to a file and apply it there."""
    path = tmp_path / name
    with source.write() as session:
        site = this_site(session)
        other = peer(session, site.office) if site.is_laptop else _laptop_peer(session)
        write_bundle(collect(session, site, other, SCHEMA_HEAD), path)
    with target.write(source=f"bundle {name}") as session:
        return apply_bundle(session, this_site(session), read_bundle(path), SCHEMA_HEAD)


def _laptop_peer(session):
    from tierdesk.core.store.models import SyncPeer
    return session.scalars(select(SyncPeer).where(SyncPeer.role == "laptop")).one()


def notes_on_both_sides(office_db, laptop_db, customer_id):
    """The office and the laptop each change the customer's notes, differently."""
    for archive, notes in ((Archive(office_db), "办公室的备注"),
                           (Archive(laptop_db), "笔记本的备注")):
        data = archive.customers.customer(customer_id).to_input()
        data.notes = notes
        archive.customers.update_customer(customer_id, data)


def count(db, model, *where):
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def test_checkout_holds_the_salespersons_territory_only(office, laptop):
    _db, _ids = office
    with laptop.read() as session:
        names = set(session.scalars(select(Customer.name)))
        site = this_site(session)
    assert names == {"甲贸易有限公司", "乙科技有限公司"}
    assert count(laptop, Visit) == 1
    assert site.is_laptop and site.numbers is not None


def test_a_laptops_visits_and_edits_reach_the_office_once(office, laptop, tmp_path):
    db, ids = office
    field = Archive(laptop)
    field.customers.add_visit(ids["mine"], VisitInput(visit_date=DAY, purpose="回访",
                                                      summary="客户要报价"))
    data = field.customers.customer(ids["also"]).to_input()
    data.notes = "周三上午方便"
    field.customers.update_customer(ids["also"], data)
    applied = carry(laptop, db, tmp_path)
    assert applied.inserted.get("visit") == 1 and applied.conflicts == 0
    assert count(db, Visit, Visit.customer_id == ids["mine"]) == 2
    assert Archive(db).customers.customer(ids["also"]).notes == "周三上午方便"
    again = carry(laptop, db, tmp_path, "again.tdx")          # nothing new: no change
    assert again.inserted == {} and again.changed == {}
    with db.write() as session:                                # the same file twice
        twice = apply_bundle(session, this_site(session), read_bundle(tmp_path / "transfer.tdx"),
                             SCHEMA_HEAD)
    assert twice.already
    assert count(db, Visit, Visit.customer_id == ids["mine"]) == 2


def test_the_same_field_changed_on_both_sides_goes_to_the_queue(office, laptop, tmp_path):
    db, ids = office
    notes_on_both_sides(db, laptop, ids["mine"])
    applied = carry(laptop, db, tmp_path)
    assert applied.conflicts == 1
    assert Archive(db).customers.customer(ids["mine"]).notes == "办公室的备注"
    with db.read() as session:
        [conflict] = session.scalars(select(SyncConflict))
    assert (conflict.field, conflict.local, conflict.incoming, conflict.status) == \
        ("notes", "办公室的备注", "笔记本的备注", "open")


def test_a_new_customer_on_the_laptop_keeps_a_number_no_one_else_has(office, laptop, tmp_path):
    db, _ids = office
    made = Archive(laptop).customers.create_customer(CustomerInput(
        name="丁新客户", mobile="13600136000", region_id=None))
    at_office = Archive(db).customers.create_customer(CustomerInput(
        name="戊办公室客户", mobile="13500135000"))
    carry(laptop, db, tmp_path)
    with db.read() as session:
        numbers = list(session.scalars(select(Customer.number)))
        # Made on S001's laptop and said to be nobody's: S001's.
        assert session.get(Customer, made).salesperson.code == "S001"
        assert session.get(Customer, at_office).salesperson_id is None
        assert session.get(Customer, at_office) is not None
    assert len(numbers) == len(set(numbers))


def test_an_altered_file_is_refused_and_nothing_written(office, laptop, tmp_path):
    db, ids = office
    Archive(laptop).customers.add_visit(ids["mine"], VisitInput(visit_date=DAY, purpose="回访"))
    path = tmp_path / "transfer.tdx"
    with laptop.write() as session:
        site = this_site(session)
        write_bundle(collect(session, site, peer(session, site.office), SCHEMA_HEAD), path)
    import sqlite3
    import zlib

    with sqlite3.connect(path) as file:        # one change's text altered, packed again
        for seq, body in list(file.execute("SELECT seq, body FROM change")):
            text = zlib.decompress(body).decode().replace("回访", "改过")
            file.execute("UPDATE change SET body = ? WHERE seq = ?",
                         (zlib.compress(text.encode()), seq))
    with pytest.raises(TierDeskError, match="altered"):
        read_bundle(path)
    assert count(db, Visit) == 1


def test_the_network_exchange_brings_the_office_changes_back(office, laptop):
    db, ids = office
    data = Archive(db).customers.customer(ids["also"]).to_input()
    data.contact_name = "新联系人"
    Archive(db).customers.update_customer(ids["also"], data)
    Archive(db).customers.add_visit(ids["other"], VisitInput(visit_date=DAY, purpose="别人的"))
    Archive(laptop).customers.add_visit(ids["mine"], VisitInput(visit_date=DAY, purpose="外出"))
    arrived, _returned = exchange(laptop, db)
    assert arrived.inserted == {"visit": 1}
    assert Archive(laptop).customers.customer(ids["also"]).contact_name == "新联系人"
    with laptop.read() as session:
        assert session.get(Customer, ids["other"]) is None      # not in the territory
    assert count(laptop, Visit) == count(db, Visit, Visit.customer_id != ids["other"]) == 2
    again_in, again_back = exchange(laptop, db)
    assert again_in.inserted == {} and again_back.inserted == {} and again_back.changed == {}
    assert uuid.UUID(str(ids["mine"]))


def test_a_laptop_gives_no_number_beyond_its_block(office, laptop):
    from tierdesk.core.store.models import Counter

    with laptop.write() as session:
        last = this_site(session).numbers[-1][1]
        session.get(Counter, "customer_number").value = last
    with pytest.raises(TierDeskError, match="every customer number"):
        Archive(laptop).customers.create_customer(CustomerInput(name="超额客户",
                                                                mobile="13600136001"))


def test_a_laptop_that_used_half_its_numbers_is_given_more_at_its_exchange(office, laptop):
    from tierdesk.core.store.models import Counter

    db, _ids = office
    with laptop.write() as session:
        [(_first, last)] = this_site(session).numbers
        session.get(Counter, "customer_number").value = last - 10
    exchange(laptop, db)
    with laptop.read() as session:
        blocks = this_site(session).numbers
    assert len(blocks) == 2 and blocks[1][0] > last
    with db.read() as session:                 # the office never gives those numbers itself
        assert session.get(Counter, "customer_number").value >= blocks[1][1]
    made = [Archive(laptop).customers.create_customer(CustomerInput(
        name=f"新客户{index}", mobile=f"136001360{index:02d}")) for index in range(11)]
    numbers = [Archive(laptop).customers.customer(c).number for c in made]
    assert numbers[-2].endswith(f"{last:05d}") and numbers[-1].endswith(f"{blocks[1][0]:05d}")
    exchange(laptop, db)
    exchange(laptop, db)                       # plenty left now: no third block
    with laptop.read() as session:
        assert this_site(session).numbers == blocks
    with db.read() as session:
        held = set(session.scalars(select(Customer.number)))
    assert set(numbers) <= held


def test_the_managers_choice_travels_back_to_the_laptop(office, laptop, tmp_path):
    db, ids = office
    notes_on_both_sides(db, laptop, ids["mine"])
    exchange(laptop, db)
    [conflict] = Archive(db).sync.conflicts()
    assert Archive(laptop).customers.customer(ids["mine"]).notes == "办公室的备注"
    Archive(db).sync.resolve(conflict.id, take="incoming")
    assert Archive(db).sync.conflicts() == []
    assert Archive(db).customers.customer(ids["mine"]).notes == "笔记本的备注"
    exchange(laptop, db)
    assert Archive(laptop).customers.customer(ids["mine"]).notes == "笔记本的备注"


def test_keeping_the_office_value_also_reaches_a_laptop_that_kept_its_own(office, laptop,
                                                                          tmp_path):
    db, ids = office
    notes_on_both_sides(db, laptop, ids["mine"])
    carry(laptop, db, tmp_path)                       # the office queues it
    [conflict] = Archive(db).sync.conflicts()
    Archive(db).sync.resolve(conflict.id, value="两边都对")
    carry(db, laptop, tmp_path, "back.tdx")
    assert Archive(laptop).customers.customer(ids["mine"]).notes == "两边都对"
    assert Archive(db).customers.customer(ids["mine"]).notes == "两边都对"


def test_a_delete_against_an_edit_is_a_conflict_not_a_silent_win(office, laptop, tmp_path):
    db, ids = office
    Archive(db).customers.delete_customer(ids["also"])
    data = Archive(laptop).customers.customer(ids["also"]).to_input()
    data.notes = "还在合作"
    Archive(laptop).customers.update_customer(ids["also"], data)
    applied = carry(laptop, db, tmp_path)
    assert applied.conflicts == 1
    with db.read() as session:
        assert session.get(Customer, ids["also"]).deleted_at is not None   # not revived
        [conflict] = session.scalars(select(SyncConflict))
    assert conflict.kind == "deleted" and conflict.incoming == "还在合作"


def test_a_file_from_another_office_is_refused(office, laptop, tmp_path, template_db):
    import shutil

    _db, _ids = office
    stranger_path = tmp_path / "stranger.sqlite"
    shutil.copyfile(template_db, stranger_path)
    stranger = open_database(stranger_path, backup_dir=tmp_path / "b")
    carry_path = tmp_path / "x.tdx"
    with laptop.write() as session:
        site = this_site(session)
        write_bundle(collect(session, site, peer(session, site.office), SCHEMA_HEAD), carry_path)
    with pytest.raises(TierDeskError, match="another archive"):
        Archive(stranger).sync.bundle_in(carry_path)
    stranger.close()


def hand_to(db, customer_id, code):
    """The office gives one customer to the salesperson ``code``."""
    from tierdesk.core.store.models import Salesperson

    with db.read() as session:
        person = session.scalar(select(Salesperson.id).where(Salesperson.code == code))
    archive = Archive(db)
    data = archive.customers.customer(customer_id).to_input()
    data.salesperson_id = person
    archive.customers.update_customer(customer_id, data)


def test_a_customer_handed_over_leaves_the_old_laptop_and_arrives_on_the_new(office, laptop,
                                                                             tmp_path):
    db, ids = office
    checkout(db, tmp_path / "other.sqlite", "S002", backup_dir=tmp_path / "b")
    other = open_database(tmp_path / "other.sqlite", backup_dir=tmp_path / "b")
    try:
        hand_to(db, ids["mine"], "S002")
        exchange(laptop, db)
        with laptop.read() as session:
            assert session.get(Customer, ids["mine"]) is None
            assert session.get(Customer, ids["also"]) is not None
        assert count(laptop, Visit) == 0
        _sent, arrived = exchange(other, db)
        assert arrived.inserted.get("customer") == 1 and arrived.inserted.get("visit") == 1
        card = Archive(other).customers.customer(ids["mine"])
        assert card.name == "甲贸易有限公司"
        assert count(other, Visit, Visit.customer_id == ids["mine"]) == 1
        # The new owner finds the customer by pinyin: its search key was worked out there.
        with other.read() as session:
            assert "jiamaoyi" in session.get(Customer, ids["mine"]).search_key
    finally:
        other.close()


def test_work_done_before_the_laptop_heard_of_a_hand_over_goes_in_first(office, laptop,
                                                                        tmp_path):
    db, ids = office
    Archive(laptop).customers.add_visit(ids["mine"], VisitInput(visit_date=DAY, purpose="交接前"))
    hand_to(db, ids["mine"], "S002")
    left = carry(db, laptop, tmp_path, "to-laptop.tdx")      # the office's file comes first
    assert left.left == 0                                      # its unsent visit keeps it here
    assert count(laptop, Visit, Visit.customer_id == ids["mine"]) == 2
    arrived = carry(laptop, db, tmp_path)                      # accepted though handed away
    assert arrived.inserted == {"visit": 1}
    assert count(db, Visit, Visit.customer_id == ids["mine"]) == 2
    gone = carry(db, laptop, tmp_path, "next.tdx")
    assert gone.left == 1
    with laptop.read() as session:
        assert session.get(Customer, ids["mine"]) is None
    assert count(laptop, Visit, Visit.customer_id == ids["mine"]) == 0
    # Leaving is not a delete: nothing of it goes back to the office.
    again = carry(laptop, db, tmp_path, "after.tdx")
    assert again.changed == {} and again.inserted == {}
    assert count(db, Visit, Visit.customer_id == ids["mine"]) == 2


def test_customers_imported_on_a_laptop_are_its_salespersons_unless_said(office, laptop,
                                                                         tmp_path):
    from tests.helpers import write_workbook
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    path = write_workbook(tmp_path / "新客户.xlsx", {"客户": [
        ["客户名称", "手机", "业务员"],
        ["己五金店", "13300133000", ""],
        ["庚电器行", "13300133001", "S002"]]})
    import_workbook(laptop, open_workbook(path))
    with laptop.read() as session:
        owners = {c.name: c.salesperson.code if c.salesperson else None
                  for c in session.scalars(select(Customer))}
    assert owners["己五金店"] == "S001" and owners["庚电器行"] == "S002"


def test_a_laptops_customer_given_another_number_is_found_by_it(office, laptop, tmp_path):
    from tierdesk.core.customers.master_file import create_customer
    from tierdesk.core.customers.search_key import normalise_query

    db, _ids = office
    made = Archive(laptop).customers.create_customer(CustomerInput(
        name="辛贸易商行", mobile="13300133009"))
    taken = Archive(laptop).customers.customer(made).number
    with db.write() as session:          # the office gave that number meanwhile (by hand)
        create_customer(session, CustomerInput(name="壬公司", mobile="13300133008"),
                        number=taken)
    applied = carry(laptop, db, tmp_path)
    [(before, after)] = applied.renumbered
    assert before == taken and after != taken
    with db.read() as session:
        arrived = session.get(Customer, made)
        assert arrived.number == after
        assert normalise_query(after) in arrived.search_key.split("|")
        assert normalise_query(taken) not in arrived.search_key
        assert "xinmaoyishanghang" in arrived.search_key     # the laptop's key came along


def test_taking_the_edit_against_a_delete_brings_the_customer_back_everywhere(
        office, laptop, tmp_path):
    db, ids = office
    Archive(db).customers.delete_customer(ids["also"])
    data = Archive(laptop).customers.customer(ids["also"]).to_input()
    data.notes = "还在合作"
    Archive(laptop).customers.update_customer(ids["also"], data)
    exchange(laptop, db)
    [conflict] = Archive(db).sync.conflicts()
    assert conflict.kind == "deleted"
    Archive(db).sync.resolve(conflict.id, take="incoming")
    with db.read() as session:
        back = session.get(Customer, ids["also"])
        assert back.deleted_at is None and back.notes == "还在合作"
    exchange(laptop, db)
    with laptop.read() as session:
        there = session.get(Customer, ids["also"])
        assert there.deleted_at is None and there.notes == "还在合作"


def test_a_strike_and_a_correction_on_the_laptop_arrive_with_their_reasons(office, laptop,
                                                                           tmp_path):
    db, ids = office
    field = Archive(laptop)
    [old] = field.customers.open_customer(ids["mine"]).current.entries   # from the office
    field.customers.strike_visit(old.id, "客户说没有这次拜访")
    made = field.customers.add_visit(ids["mine"], VisitInput(visit_date=DAY, purpose="回访"))
    field.customers.correct_visit(made.visit.id, VisitInput(visit_date=DAY, purpose="报价"))
    exchange(laptop, db)
    lines = Archive(db).customers.history(ids["mine"])
    said = {(line.field, line.new) for line in lines if line.table == "visit"}
    assert ("struck", "客户说没有这次拜访") in said
    assert ("purpose", "报价") in said
    again = exchange(laptop, db)                      # once each, not again
    assert again[0].inserted == {} and len(Archive(db).customers.history(ids["mine"])) == \
        len(lines)
