"""A laptop exchanging over the network with a PostgreSQL office logs in with a role of its
own, which sees and changes only its salesperson's customers (row-level security)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.errors import TierDeskError
from tierdesk.core.store.db import open_database
from tierdesk.core.sync.roles import laptop_roles, renew_laptop_roles


@pytest.fixture
def office_and_role(pg_db, tmp_path):
    mine = make_customer(pg_db, "甲贸易有限公司", salesperson="S001")
    theirs = make_customer(pg_db, "丙商行", salesperson="S002", mobile="13700137000")
    office = Archive(pg_db)
    office.customers.add_visit(theirs, VisitInput(visit_date=dt.date(2026, 11, 2),
                                                  purpose="别人的拜访"))
    office.sync.checkout(tmp_path / "laptop.sqlite", "S001")
    role = f"tierdesk_test_{uuid.uuid4().hex[:8]}"
    office.sync.laptop_role("S001", role)
    url = make_url(pg_db.url).set(username=role).render_as_string(hide_password=False)
    yield pg_db, url, mine, theirs, role
    admin = create_engine(pg_db.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP OWNED BY {role}"))
        connection.execute(text(f"DROP ROLE {role}"))
    admin.dispose()


def test_a_laptops_login_sees_and_changes_only_its_territory(office_and_role):
    _office, url, mine, theirs, _role = office_and_role
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            names = set(connection.scalars(text("SELECT name FROM customer")))
            visits = connection.scalar(text("SELECT count(*) FROM visit"))
            changed = connection.execute(text(
                "UPDATE customer SET notes = 'x' WHERE id = :id"), {"id": theirs}).rowcount
            journal = connection.scalar(text(
                "SELECT count(*) FROM journal WHERE customer_id = :id"), {"id": theirs})
        assert names == {"甲贸易有限公司"} and visits == 0
        assert changed == 0 and journal == 0
        with pytest.raises(Exception, match="row-level security"), engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO visit_card (id, customer_id, seq, capacity, opened_on, hlc, "
                "created_at, updated_at) VALUES (:id, :c, 9, 10, '2026-11-02', '', now(), "
                "now())"), {"id": uuid.uuid4(), "c": theirs})
    finally:
        engine.dispose()
    assert mine


def test_the_laptop_exchanges_over_its_own_login(office_and_role, tmp_path):
    office_db, url, mine, _theirs, _role = office_and_role
    laptop_db = open_database(tmp_path / "laptop.sqlite")
    try:
        laptop = Archive(laptop_db)
        laptop.customers.add_visit(mine, VisitInput(visit_date=dt.date(2026, 11, 3),
                                                    purpose="外出拜访"))
        data = Archive(office_db).customers.customer(mine).to_input()
        data.contact_name = "新联系人"
        Archive(office_db).customers.update_customer(mine, data)
        arrived, returned = laptop.sync.exchange_with(url)
        assert arrived.inserted == {"visit": 1}
        assert laptop.customers.customer(mine).contact_name == "新联系人"
        assert [e.purpose for e in Archive(office_db).customers.open_customer(mine)
                .current.entries] == ["外出拜访"]
        again = laptop.sync.exchange_with(url)
        assert again[0].inserted == {} and again[1].inserted == {}
    finally:
        laptop_db.close()
    assert returned


def test_a_laptop_login_is_for_a_postgresql_office_only(db):
    with pytest.raises(TierDeskError, match="PostgreSQL"):
        Archive(db).sync.laptop_role("S001", "tierdesk_s001")


def test_the_command_line_makes_the_login(pg_db, capsys):
    from tierdesk.cli import main

    role = f"tierdesk_test_{uuid.uuid4().hex[:8]}"
    try:
        assert main(["--db", pg_db.url, "laptop", "role", "--salesperson", "S002",
                     "--role", role]) == 0
        assert f"The login {role} sees and changes only the customers of S002" in \
            capsys.readouterr().out
        assert main(["--db", pg_db.url, "laptop", "role", "--salesperson", "S002",
                     "--role", "Bad Name"]) == 1
        assert "cannot name a login" in capsys.readouterr().err
    finally:
        admin = create_engine(pg_db.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


def test_an_upgrade_brings_the_laptops_logins_up_to_the_new_tables(office_and_role):
    """As after an upgrade that added a table: the login had no grant or policy on it."""
    office, url, mine, theirs, role = office_and_role
    admin = create_engine(office.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP POLICY tierdesk_office ON complaint"))
        connection.execute(text(f"DROP POLICY tierdesk_{role} ON complaint"))
        connection.execute(text("REVOKE INSERT, UPDATE ON complaint FROM tierdesk_laptops"))
    admin.dispose()
    with office.write() as session:
        assert laptop_roles(session)[role] == _person(session, "S001")
        assert renew_laptop_roles(session) >= 1
    with office.read() as session:
        policies = set(session.scalars(text(
            "SELECT polname FROM pg_policy WHERE polrelid = 'complaint'::regclass")))
    assert {"tierdesk_office", f"tierdesk_{role}"} <= policies
    engine = create_engine(url)
    try:
        with engine.begin() as connection:   # its own customer's rows only, and it may write
            assert connection.scalar(text(
                "SELECT has_table_privilege('complaint', 'INSERT')")) is True
            assert connection.scalar(text(
                "SELECT count(*) FROM complaint WHERE customer_id = :id"), {"id": theirs}) == 0
    finally:
        engine.dispose()
    assert mine


def _person(session, code):
    from sqlalchemy import select

    from tierdesk.core.store.models import Salesperson
    return session.scalar(select(Salesperson.id).where(Salesperson.code == code))
