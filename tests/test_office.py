import pytest
from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.master_file import change_history
from tierdesk.core.errors import NotFoundError, ValidationError
from tierdesk.core.office import staff
from tierdesk.core.store.models import Customer, Visit

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def test_hand_over_shares_customers_evenly_and_keeps_their_history(db):
    ids = [make_customer(db, f"公司{i}", salesperson="S001") for i in range(5)]
    archive = Archive(db)
    archive.customers.add_visit(ids[0], VisitInput(visit_date="2026-01-05", purpose="拜访"))
    with db.read() as session:
        leaving = staff.salesperson_by_code(session, "S001").id
        to = [staff.salesperson_by_code(session, c).id for c in ("S002", "S003")]
    given = archive.office.hand_over(leaving, to)
    assert sorted(given.values()) == [2, 3]
    with db.read() as session:
        owners = session.scalars(select(Customer.salesperson_id)).all()
        assert leaving not in owners and set(owners) == set(to)
        assert staff.salesperson_by_code(session, "S001").active is False
        assert session.scalar(select(Visit.customer_id)) == ids[0]  # the card stays
        history = change_history(session, ids[0])
    assert [(h.field, h.old_value, h.new_value) for h in history] == [
        ("salesperson", "S001", "S002")]


def test_hand_over_needs_someone_else(db):
    with db.read() as session:
        leaving = staff.salesperson_by_code(session, "S001").id
    with pytest.raises(NotFoundError, match="at least one other"):
        Archive(db).office.hand_over(leaving, [leaving])


def test_duplicate_codes_are_refused(db):
    with pytest.raises(ValidationError, match="already used"):
        with db.write() as session:
            staff.save_salesperson(session, code="s001", name="重复", region_id=None)
    with pytest.raises(ValidationError, match="already used"):
        with db.write() as session:
            staff.save_region(session, "hd", "又一个华东")


def test_salespeople_list_counts_customers(db):
    make_customer(db, "甲", salesperson="S002")
    rows = {p.code: p for p in Archive(db).office.salespeople()}
    assert (rows["S002"].customers, rows["S001"].customers) == (1, 0)
    assert rows["S003"].region_code == "HB"


def test_hand_over_moves_open_follow_ups_and_complaints_with_the_customer(db):
    import datetime as dt

    from tierdesk.core.store.models import Complaint, FollowUp

    cid = make_customer(db, "交接公司", salesperson="S001")
    with db.write() as session:
        leaving = staff.salesperson_by_code(session, "S001").id
        to = staff.salesperson_by_code(session, "S002").id
        day = dt.date(2026, 1, 5)
        for status, source in (("open", 1), ("done", 2)):
            session.add(FollowUp(customer_id=cid, salesperson_id=leaving, kind="callback",
                                 source_id=__import__("uuid").UUID(int=source),
                                 first_due_on=day, due_on=day, last_on=day, status=status))
        for status in ("investigating", "closed"):
            session.add(Complaint(customer_id=cid, salesperson_id=leaving,
                                  assigned_to_id=leaving, received_at=dt.datetime(2026, 1, 5),
                                  description="货损", status=status))
    Archive(db).office.hand_over(leaving, [to])
    with db.read() as session:
        tasks = dict(session.execute(select(FollowUp.status, FollowUp.salesperson_id)).all())
        forms = {s: (p, a) for s, p, a in session.execute(select(
            Complaint.status, Complaint.salesperson_id, Complaint.assigned_to_id)).all()}
    assert tasks == {"open": to, "done": leaving}  # what was done keeps who did it
    assert forms == {"investigating": (to, to), "closed": (leaving, leaving)}
