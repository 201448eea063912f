import pytest
from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.core.customers.master_file import CustomerInput, create_customer, update_customer
from tierdesk.core.errors import ValidationError
from tierdesk.core.office.numbering import check_rule, format_number
from tierdesk.core.office.settings import save_settings
from tierdesk.core.office.staff import region_by_code
from tierdesk.core.store.models import Customer

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def test_default_rule_gives_region_tier_and_sequence():
    assert format_number("{region}-{tier}-{seq:05}", region="HD", tier="A", seq=17) == "HD-A-00017"


def test_new_customers_are_numbered_in_sequence_by_the_rule(db):
    first = make_customer(db, "甲公司", tier="A")
    second = make_customer(db, "乙公司", region="HB", salesperson="S003")
    with db.read() as session:
        numbers = [session.get(Customer, c).number for c in (first, second)]
    # A customer without a tier carries the office's lowest tier letter.
    assert numbers == ["HD-A-00001", "HB-D-00002"]


def test_the_number_is_assigned_once_and_survives_a_tier_change(db):
    cid = make_customer(db, "甲公司", tier="C")
    with db.write() as session:
        data = CustomerInput(name="甲公司", tier="A",
                             region_id=region_by_code(session, "HD").id)
        update_customer(session, cid, data)
    with db.read() as session:
        customer = session.get(Customer, cid)
        assert (customer.number, customer.tier) == ("HD-C-00001", "A")


def test_the_rule_is_an_office_setting(db):
    with db.write() as session:
        save_settings(session, numbering_rule="KH{year}{seq:4}")
    cid = make_customer(db)
    with db.read() as session:
        number = session.get(Customer, cid).number
    assert number.startswith("KH") and number.endswith("0001") and len(number) == 10


@pytest.mark.parametrize("rule, reason", [
    ("{region}-{tier}", "needs {seq}"),
    ("{region}-{branch}-{seq}", "Unknown field {branch}"),
    ("{region-{seq}", "brace"),
])
def test_bad_rules_are_refused_and_not_saved(db, rule, reason):
    with pytest.raises(ValidationError, match=reason.replace("{", r"\{").replace("}", r"\}")):
        with db.write() as session:
            save_settings(session, numbering_rule=rule)
    with db.read() as session:
        from tierdesk.core.office.settings import load_settings
        assert load_settings(session).numbering_rule == "{region}-{tier}-{seq:05}"


def test_check_rule_accepts_the_default():
    assert check_rule("r", "{region}-{tier}-{seq:05}") == "{region}-{tier}-{seq:05}"


def test_an_explicit_duplicate_number_is_refused(db):
    make_customer(db, "甲公司", tier="A")
    with pytest.raises(ValidationError, match="already used"):
        with db.write() as session:
            create_customer(session, CustomerInput(name="乙公司"), number="hd-a-00001")
    with db.read() as session:
        assert session.scalars(select(Customer.name)).all() == ["甲公司"]
