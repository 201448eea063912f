"""An office and four laptops working at random, customers handed from one salesperson to the
other, their transfer files lost, duplicated, reordered and applied twice, an apply that fails
half-way: no visit is lost or doubled, no number is shared, re-applying changes nothing, no
deleted customer comes back, the last value each laptop gave a field is at the office or in
its queue of conflicts, and each laptop ends holding its salesperson's customers, no more."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import select

from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.master_file import CustomerInput
from tierdesk.core.errors import TierDeskError
from tierdesk.core.store.db import open_database
from tierdesk.core.store.models import Customer, SyncConflict, Visit, VisitCard
from tierdesk.core.sync import merge

DAY = dt.date(2026, 11, 20)
NOTES = ("先报价", "下周再访", "样品已寄", "")
# Four laptops: the template's three salespeople and one the office takes on.
CODES = ("S001", "S002", "S003", "S004")


class FieldOffice(RuleBasedStateMachine):
    template: Path = Path()

    @initialize()
    def open_office(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="tierdesk-field-"))
        shutil.copyfile(self.template, self.folder / "office.sqlite")
        self.office_db = open_database(self.folder / "office.sqlite")
        self.office = Archive(self.office_db)
        region = self.office.office.regions()[0]
        self.office.office.save_salesperson(code="S004", name="赵敏", region_id=region.id)
        self.customers: dict[str, list[uuid.UUID]] = {code: [] for code in CODES}
        for code in CODES:
            for index in range(2):
                self.customers[code].append(self._create(self.office, code, index))
        self.laptops: dict[str, Archive] = {}
        self.laptop_dbs = []
        for code in CODES:
            path = self.folder / f"{code}.sqlite"
            self.office.sync.checkout(path, code)
            self.laptop_dbs.append(open_database(path))
            self.laptops[code] = Archive(self.laptop_dbs[-1])
        self.visits: set[uuid.UUID] = set()
        self.files: list[tuple[str, Path]] = []     # (where it goes, file)
        self.last_laptop_notes: dict[uuid.UUID, str] = {}
        self.deleted: set[uuid.UUID] = set()

    def _create(self, archive: Archive, code: str, index: int) -> uuid.UUID:
        person = next(p for p in archive.office.salespeople(with_counts=False)
                      if p.code == code)
        return archive.customers.create_customer(CustomerInput(
            name=f"{code}客户{index}{uuid.uuid4().hex[:4]}",
            mobile=f"13{uuid.uuid4().int % 10**9:09d}",
            salesperson_id=person.id))

    def teardown(self) -> None:
        for db in (*getattr(self, "laptop_dbs", []), getattr(self, "office_db", None)):
            if db is not None:
                db.close()
        shutil.rmtree(getattr(self, "folder", ""), ignore_errors=True)

    # -- work on each side ---------------------------------------------------------------------
    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 9))
    def laptop_visit(self, code: str, pick: int) -> None:
        customer = self._live(self.laptops[code], self.customers[code], pick)
        if customer is not None:
            made = self.laptops[code].customers.add_visit(customer, VisitInput(
                visit_date=DAY, purpose=f"拜访{len(self.visits)}"))
            self.visits.add(made.visit.id)

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 9))
    def office_visit(self, code: str, pick: int) -> None:
        customer = self._live(self.office, self.customers[code], pick)
        if customer is not None:
            made = self.office.customers.add_visit(customer, VisitInput(
                visit_date=DAY, purpose=f"办公室{len(self.visits)}"))
            self.visits.add(made.visit.id)

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 9), notes=st.sampled_from(NOTES))
    def laptop_edit(self, code: str, pick: int, notes: str) -> None:
        customer = self._live(self.laptops[code], self.customers[code], pick)
        if customer is not None and self._edit(self.laptops[code], customer, notes):
            self.last_laptop_notes[customer] = notes

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 9), notes=st.sampled_from(NOTES))
    def office_edit(self, code: str, pick: int, notes: str) -> None:
        customer = self._live(self.office, self.customers[code], pick)
        if customer is None:
            return
        if self.office.customers.customer(customer).notes == \
                self.last_laptop_notes.get(customer):
            # The laptop's value is here already: this later edit of the office's is no
            # conflict, and wins.
            del self.last_laptop_notes[customer]
        self._edit(self.office, customer, notes + "（办公室）")

    @rule(code=st.sampled_from(CODES))
    def laptop_new_customer(self, code: str) -> None:
        self.customers[code].append(self._create(self.laptops[code], code,
                                                 len(self.customers[code])))

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 9))
    def office_deletes(self, code: str, pick: int) -> None:
        customer = self._live(self.office, self.customers[code], pick)
        if customer is not None:
            self.office.customers.delete_customer(customer)
            self.deleted.add(customer)

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 9))
    def office_hands_over(self, code: str, pick: int) -> None:
        """The office gives one of ``code``'s customers to the other salesperson."""
        customer = self._live(self.office, self.customers[code], pick)
        if customer is None:
            return
        other = CODES[(CODES.index(code) + 1 + pick) % len(CODES)]
        if other == code:
            return
        person = next(p for p in self.office.office.salespeople(with_counts=False)
                      if p.code == other)
        data = self.office.customers.customer(customer).to_input()
        data.salesperson_id = person.id
        self.office.customers.update_customer(customer, data)
        self.customers[code].remove(customer)
        self.customers[other].append(customer)

    # -- carrying work ---------------------------------------------------------------------------
    @rule(code=st.sampled_from(CODES))
    def laptop_writes_a_file(self, code: str) -> None:
        path = self.folder / f"{code}-{len(self.files)}.tdx"
        self.laptops[code].sync.bundle_out(path)
        self.files.append(("office", path))

    @rule(code=st.sampled_from(CODES))
    def office_writes_a_file(self, code: str) -> None:
        path = self.folder / f"office-{code}-{len(self.files)}.tdx"
        self.office.sync.bundle_out(path, for_code=code)
        self.files.append((code, path))

    @precondition(lambda self: bool(self.files))
    @rule(pick=st.integers(0, 99), twice=st.booleans())
    def a_file_arrives(self, pick: int, twice: bool) -> None:
        """Any file written so far, in any order, perhaps again: the rest are lost or late."""
        where, path = self.files[pick % len(self.files)]
        target = self.office if where == "office" else self.laptops[where]
        target.sync.bundle_in(path)
        if twice:
            before = self._state(target)
            again = target.sync.bundle_in(path)
            assert again.already or (not again.inserted and not again.changed)
            assert self._state(target) == before

    @precondition(lambda self: bool(self.files))
    @rule(pick=st.integers(0, 99), after=st.integers(0, 5))
    def an_apply_fails_half_way(self, pick: int, after: int) -> None:
        where, path = self.files[pick % len(self.files)]
        target = self.office if where == "office" else self.laptops[where]
        before = self._state(target)
        done = [0]
        real = {name: getattr(merge, name) for name in ("_merge_row", "_write_rows")}

        def failing(name):  # type: ignore[no-untyped-def]
            def write(*args, **kw):  # type: ignore[no-untyped-def]
                if done[0] >= after:
                    raise OSError("the disk went away")
                done[0] += 1
                return real[name](*args, **kw)
            return write

        for name in real:          # the rows merged and the rows inserted, in any order
            setattr(merge, name, failing(name))
        try:
            target.sync.bundle_in(path)
        except OSError:
            assert self._state(target) == before
        finally:
            for name, function in real.items():
                setattr(merge, name, function)

    @rule(code=st.sampled_from(CODES))
    def laptop_synchronises(self, code: str) -> None:
        path = self.office_db.path
        assert path is not None
        self.laptops[code].sync.exchange_with(str(path))

    # -- what must always hold ---------------------------------------------------------------
    @invariant()
    def no_two_customers_share_a_number(self) -> None:
        if not hasattr(self, "office"):
            return
        for archive in (self.office, *self.laptops.values()):
            with archive.database.read() as session:
                numbers = list(session.scalars(select(Customer.number)))
            assert len(numbers) == len(set(numbers))

    @invariant()
    def no_deleted_customer_comes_back(self) -> None:
        if not hasattr(self, "office"):
            return
        with self.office_db.read() as session:
            for customer in self.deleted:
                assert session.get(Customer, customer).deleted_at is not None

    def _live(self, archive: Archive, ids: list[uuid.UUID], pick: int) -> uuid.UUID | None:
        if not ids:
            return None
        customer = ids[pick % len(ids)]
        try:
            return customer if archive.customers.customer(customer) else None
        except TierDeskError:       # deleted there, or not arrived yet
            return None

    @staticmethod
    def _edit(archive: Archive, customer: uuid.UUID, notes: str) -> bool:
        data = archive.customers.customer(customer).to_input()
        data.notes = notes
        return archive.customers.update_customer(customer, data) > 0

    @staticmethod
    def _state(archive: Archive) -> tuple[object, ...]:
        with archive.database.read() as session:
            return (sorted(v.hex for v in session.scalars(select(Visit.id))),
                    sorted((c.number, c.notes, c.deleted_at is None)
                           for c in session.scalars(select(Customer))),
                    len(list(session.scalars(select(SyncConflict.id)))))

    @staticmethod
    def _cards(archive: Archive, customers: set[uuid.UUID]) -> dict[object, object]:
        with archive.database.read() as session:
            cards = {card.id: card for card in session.scalars(select(VisitCard).where(
                VisitCard.deleted_at.is_(None)))}
            shown: dict[object, object] = {
                (card.customer_id, card.seq): [card.closed_on is None]
                for card in cards.values() if card.customer_id in customers}
            for visit in session.scalars(select(Visit).order_by(Visit.slot)):
                card = cards[visit.card_id]
                if card.customer_id in customers:
                    shown[(card.customer_id, card.seq)].append(visit.id)  # type: ignore[attr-defined]
        for customer in customers:
            assert sum(1 for (owner, _seq), held in shown.items()
                       if owner == customer and held[0]) <= 1   # type: ignore[index]
        return shown

    def everything_arrives(self) -> None:
        """The end of the month: every laptop exchanges twice with the office."""
        for _round in range(2):
            for code in CODES:
                self.laptop_synchronises(code)
        with self.office_db.read() as session:
            office_visits = set(session.scalars(select(Visit.id)))
            notes = {c.id: c.notes for c in session.scalars(select(Customer))}
            queued = {value for c in session.scalars(select(SyncConflict))
                      for value in (c.local, c.incoming)}
        assert self.visits <= office_visits            # none lost (ids: none doubled)
        for code, laptop in self.laptops.items():     # each holds its territory, no more
            with laptop.database.read() as session:
                held = set(session.scalars(select(Customer.id)))
            with self.office_db.read() as session:
                person = next(p.id for p in self.office.office.salespeople(with_counts=False)
                              if p.code == code)
                mine = set(session.scalars(select(Customer.id).where(
                    Customer.salesperson_id == person)))
            assert held == mine, code
            # Every card the laptop holds lists the same entries in the same places as at
            # the office, and each customer has one open card at most.
            assert self._cards(laptop, held) == self._cards(self.office, held), code
        for customer, value in self.last_laptop_notes.items():
            if customer in self.deleted:
                continue
            assert notes.get(customer) == value or value in queued, (customer, value)


@pytest.mark.parametrize("steps", [25])
def test_an_office_and_its_laptops_lose_nothing(template_db, steps):
    FieldOffice.template = template_db

    class Checked(FieldOffice):
        def teardown(self) -> None:
            if hasattr(self, "office"):
                self.everything_arrives()
            super().teardown()

    runner = Checked.TestCase
    # No shrinking: a failure prints its whole run of steps, and shrinking one of these runs
    # takes minutes.
    runner.settings = settings(max_examples=12, stateful_step_count=steps, deadline=None,
                               suppress_health_check=list(HealthCheck),
                               phases=(Phase.explicit, Phase.reuse, Phase.generate))
    runner().runTest()
