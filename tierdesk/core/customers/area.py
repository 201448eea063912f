"""The customers area of the front door: the master file, cards and visits, contacts,
orders and payments, the change history, the customer list."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.customers import cards, history, master_file
from tierdesk.core.customers import orders as order_book
from tierdesk.core.customers.customer_list import CustomerList, SearchIndex, fetch_index
from tierdesk.core.customers.orders import OrderRow, PaymentRow
from tierdesk.core.service import followups

# A customer's field -> the customer list's column showing it (customer_list.COLUMNS).
LIST_COLUMN_OF = {"number": "number", "name": "name", "contact_name": "contact_name",
                  "mobile": "phone", "landline": "phone", "region_id": "region",
                  "tier": "tier", "salesperson_id": "salesperson", "status": "status"}
# What a new or changed card entry changes in the customer list.
VISIT_COLUMNS = ("last_visit_on", "next_visit_on")


@dataclass(frozen=True)
class CustomerCard:
    """Everything the card view shows when a customer is opened."""

    facts: master_file.CustomerFacts
    current: cards.CardView | None
    cards: list[cards.CardView]


class CustomersArea(Area):
    # -- the list ------------------------------------------------------------------------------
    def customer_list(self, *, load: bool = True) -> CustomerList:
        """The customer list (filtered, searched and sorted in memory); ``load`` False leaves
        its search index to be read later (read_index, then install it)."""
        return CustomerList(self._db, load=load)

    def read_index(self) -> SearchIndex:
        return fetch_index(self._db)

    # -- reading -------------------------------------------------------------------------------
    def open_customer(self, customer_id: uuid.UUID) -> CustomerCard:
        with self._db.read() as session:
            all_cards = cards.list_cards(session, customer_id)
            current = next((c for c in reversed(all_cards) if c.is_open), None)
            return CustomerCard(master_file.customer_facts(session, customer_id), current,
                                all_cards)

    def same_name_and_phone(self, data: master_file.CustomerInput
                            ) -> list[master_file.SameCustomer]:
        return self._read(master_file.same_name_and_phone, data)

    def customer(self, customer_id: uuid.UUID) -> master_file.CustomerFacts:
        return self._read(master_file.customer_facts, customer_id)

    def find_by_number(self, number: str) -> uuid.UUID:
        """The live customer numbered ``number``; refused when there is none."""
        return self._read(master_file.find_by_number, number)

    def card(self, customer_id: uuid.UUID, seq: int) -> cards.CardView:
        """The customer's card number ``seq`` with its entries; refused when there is none."""
        return self._read(cards.card_by_seq, customer_id, seq)

    def visit_at(self, customer_id: uuid.UUID, seq: int, slot: int) -> uuid.UUID:
        """The entry in ``slot`` of the customer's card number ``seq``; refused when there is
        none."""
        return self._read(cards.visit_at, customer_id, seq, slot)

    def contacts(self, customer_id: uuid.UUID) -> list[master_file.ContactRow]:
        return self._read(master_file.list_contacts, customer_id)

    def orders(self, customer_id: uuid.UUID) -> list[OrderRow]:
        return self._read(order_book.list_orders, customer_id)

    def payments(self, customer_id: uuid.UUID) -> list[PaymentRow]:
        return self._read(order_book.list_payments, customer_id)

    def collection_rate(self, customer_id: uuid.UUID) -> float | None:
        return self._read(order_book.collection_rate, customer_id)

    def change_history(self, customer_id: uuid.UUID) -> list[master_file.ChangeRow]:
        return self._read(master_file.change_history, customer_id)

    def history(self, customer_id: uuid.UUID) -> list[history.HistoryLine]:
        """Every change of the customer and what is its, oldest first (customers.history)."""
        return self._read(history.customer_history, customer_id)

    def entry_changes(self, customer_id: uuid.UUID
                      ) -> list[tuple[int, int, master_file.ChangeRow]]:
        return self._read(cards.entry_changes, customer_id)

    def visit_history(self, visit_id: uuid.UUID) -> list[master_file.ChangeRow]:
        return self._read(cards.visit_history, visit_id)

    # -- writing -------------------------------------------------------------------------------
    def create_customer(self, data: master_file.CustomerInput) -> uuid.UUID:
        with self._db.write() as session:
            customer_id = master_file.create_customer(session, data).id
        self._announce(Change(Changed.CUSTOMERS, (customer_id,)))
        return customer_id

    def update_customer(self, customer_id: uuid.UUID, data: master_file.CustomerInput, *,
                        changed_by: str = "") -> int:
        """How many of the customer's fields the edit changed."""
        return len(self.edit_customer(customer_id, data, changed_by=changed_by))

    def edit_customer(self, customer_id: uuid.UUID, data: master_file.CustomerInput, *,
                      changed_by: str = "") -> list[master_file.ChangeRow]:
        """The customer's facts replaced by ``data`` (checked as the window checks them):
        each field that changed, with its old and new value."""
        with self._db.write() as session:
            changed = [master_file.ChangeRow(row.changed_at, row.field, row.old_value,
                                             row.new_value, row.changed_by)
                       for row in master_file.update_customer(session, customer_id, data,
                                                              changed_by=changed_by)]
        if changed:
            # The list's columns the edit touched: a view shows the row again, and reads the
            # whole list again only where its filter or order depends on them.
            shown = {LIST_COLUMN_OF.get(change.field, "") for change in changed} - {""}
            self._announce(Change(Changed.CUSTOMERS, (customer_id,), tuple(sorted(shown))))
        return changed

    def delete_customer(self, customer_id: uuid.UUID) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,)), master_file.delete_customer,
                    customer_id)

    def add_visit(self, customer_id: uuid.UUID, data: cards.VisitInput) -> cards.VisitResult:
        return self._write(Change(Changed.VISITS, (customer_id,), VISIT_COLUMNS),
                           cards.add_visit, customer_id, data)

    def correct_visit(self, visit_id: uuid.UUID, data: cards.VisitInput) -> cards.VisitEntry:
        with self._db.write() as session:
            entry = cards.correct_visit(session, visit_id, data)
            customer_id = cards.customer_of(session, visit_id)
        self._announce(Change(Changed.VISITS, (customer_id,), VISIT_COLUMNS))
        return entry

    def strike_visit(self, visit_id: uuid.UUID, reason: str = "") -> cards.VisitEntry:
        with self._db.write() as session:
            entry = cards.strike_visit(session, visit_id, reason=reason)
            customer_id = cards.customer_of(session, visit_id)
        self._announce(Change(Changed.VISITS, (customer_id,), VISIT_COLUMNS))
        return entry

    def save_contact(self, customer_id: uuid.UUID, data: master_file.ContactInput,
                     contact_id: uuid.UUID | None = None) -> None:
        with self._db.write() as session:
            master_file.save_contact(session, customer_id, data, contact_id=contact_id)
            followups.plan_greetings(session, dt.date.today(), customer_ids=[customer_id])
        self._announce(Change(Changed.CUSTOMERS, (customer_id,), ()))

    def add_order(self, customer_id: uuid.UUID, *, order_date: object, amount: object,
                  profit: object = 0, product: str = "", reference: str = "",
                  via_outlet: bool = False, today: dt.date | None = None) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ("status",)),
                    order_book.add_order, customer_id, order_date=order_date, amount=amount,
                    profit=profit, product=product, reference=reference,
                    via_outlet=via_outlet, today=today)

    def add_payment(self, customer_id: uuid.UUID, *, paid_on: object, amount: object,
                    method: str = "", today: dt.date | None = None) -> None:
        self._write(Change(Changed.CUSTOMERS, (customer_id,), ()), order_book.add_payment,
                    customer_id, paid_on=paid_on, amount=amount, method=method, today=today)
