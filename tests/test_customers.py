import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.core.customers import master_file
from tierdesk.core.customers.master_file import ContactInput, CustomerInput
from tierdesk.core.errors import ValidationError
from tierdesk.core.office.staff import region_by_code, salesperson_by_code
from tierdesk.core.store.models import Customer, CustomerChange, VisitCard

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def count(db, model):
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_new_customer_gets_a_first_open_card_at_the_office_card_size(db):
    cid = make_customer(db)
    with db.read() as session:
        card = session.scalar(select(VisitCard).where(VisitCard.customer_id == cid))
    assert (card.seq, card.capacity, card.closed_on) == (1, 10, None)


def test_every_problem_is_reported_and_nothing_is_written(db):
    with pytest.raises(ValidationError) as info:
        with db.write() as session:
            master_file.create_customer(session, CustomerInput(
                name="  ", mobile="12345", landline="87654321", customer_since="2024-02-30"))
    fields = {p.field for p in info.value.problems}
    assert fields == {"name", "mobile", "landline", "customer_since"}
    assert count(db, Customer) == 0
    assert count(db, VisitCard) == 0


def test_edits_are_written_to_the_change_history(db):
    cid = make_customer(db)
    with db.write() as session:
        facts = master_file.customer_facts(session, cid)
        data = facts.to_input()
        data.mobile = "139 0000 1111"
        data.salesperson_id = salesperson_by_code(session, "S002").id
        changes = master_file.update_customer(session, cid, data, changed_by="经理")
    assert {c.field for c in changes} == {"mobile", "salesperson_id"}
    with db.read() as session:
        history = master_file.change_history(session, cid)
    by_field = {h.field: h for h in history}
    assert (by_field["mobile"].old_value, by_field["mobile"].new_value) == (
        "13800138000", "13900001111")
    assert (by_field["salesperson_id"].old_value, by_field["salesperson_id"].new_value) == (
        "S001", "S002")
    assert by_field["mobile"].changed_by == "经理"


def test_an_edit_that_changes_nothing_leaves_no_history(db):
    cid = make_customer(db)
    with db.write() as session:
        data = master_file.customer_facts(session, cid).to_input()
        assert master_file.update_customer(session, cid, data) == []
    assert count(db, CustomerChange) == 0


def test_a_future_customer_since_date_is_refused(db):
    with pytest.raises(ValidationError, match="after"):
        with db.write() as session:
            master_file.create_customer(session, CustomerInput(
                name="甲", customer_since=dt.date.today() + dt.timedelta(days=3)))


def test_contacts_are_kept_and_make_the_customer_findable(db):
    cid = make_customer(db)
    with db.write() as session:
        master_file.save_contact(session, cid, ContactInput(
            name="王五", position="采购经理", mobile="13912345678", birthday="1980年5月6日"))
    with db.read() as session:
        contacts = master_file.list_contacts(session, cid)
        key = session.get(Customer, cid).search_key
    assert [(c.name, c.birthday) for c in contacts] == [("王五", dt.date(1980, 5, 6))]
    assert "wangwu" in key and "13912345678" in key


def test_a_contact_with_an_impossible_birthday_is_refused(db):
    cid = make_customer(db)
    with pytest.raises(ValidationError, match="no such date"):
        with db.write() as session:
            master_file.save_contact(session, cid, ContactInput(name="王五", birthday="1980-02-30"))


def test_deleted_customers_are_kept_but_not_found(db):
    cid = make_customer(db)
    with db.write() as session:
        master_file.delete_customer(session, cid)
    with db.read() as session:
        assert session.get(Customer, cid).deleted_at is not None
        with pytest.raises(Exception, match="no longer exists"):
            master_file.customer_facts(session, cid)


def test_unknown_tier_is_refused(db):
    with pytest.raises(ValidationError, match="Unknown tier"):
        with db.write() as session:
            master_file.create_customer(session, CustomerInput(
                name="甲", tier="Z", region_id=region_by_code(session, "HD").id))


def test_checked_values_come_in_the_order_an_import_plan_keeps_them(db):
    with db.read() as session:
        checked = master_file.validate(session,
                                       CustomerInput(name="张三贸易", mobile="13800138000"))
    assert tuple(checked) == master_file.CHECKED_FIELDS
    assert checked["mobile"] == "13800138000"
