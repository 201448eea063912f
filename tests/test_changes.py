"""Changes are typed (flags and customers) and reach views on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.core.archive import Archive, Change, Changed
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store.models import Salesperson

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


def test_a_hand_over_is_one_change_of_customers_tasks_and_complaints(db):
    customer_id = make_customer(db, salesperson="S001")
    archive = Archive(db)
    heard: list[Change] = []
    archive.subscribe(heard.append)
    with db.read() as session:
        giver, receiver = (session.scalar(select(Salesperson.id).where(Salesperson.code == c))
                           for c in ("S001", "S002"))
    archive.office.hand_over(giver, [receiver])
    assert len(heard) == 1
    assert heard[0].kinds == Changed.CUSTOMERS | Changed.TASKS | Changed.COMPLAINTS
    assert heard[0].customer_ids == (customer_id,)
    assert not heard[0].kinds & Changed.REPORTS


def test_an_edit_names_the_list_columns_it_touched(db):
    customer_id = make_customer(db)
    archive = Archive(db)
    heard: list[Change] = []
    archive.subscribe(heard.append)
    data = archive.customers.customer(customer_id).to_input()
    data.notes, data.landline = "只在上午联系", "021-66668888"
    archive.customers.update_customer(customer_id, data)
    assert heard == [Change(Changed.CUSTOMERS, (customer_id,), ("phone",))]


def test_a_write_in_a_worker_thread_reaches_the_views_on_the_gui_thread(qtbot, db):
    from tierdesk.ui.events import ArchiveEvents

    customer_id = make_customer(db)
    archive = Archive(db)
    events = ArchiveEvents(archive)
    where: list[bool] = []
    events.changed.connect(
        lambda change: where.append(QThread.currentThread() is QApplication.instance().thread()))
    worker = threading.Thread(target=lambda: archive.customers.add_visit(
        customer_id, VisitInput(visit_date="2026-11-20", purpose="线程")))
    with qtbot.waitSignal(events.changed, timeout=5000):
        worker.start()
        worker.join()
    assert where == [True]
    events.detach()
