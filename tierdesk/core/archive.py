"""The archive as the front ends use it: each call is one read or one write transaction.

The GUI and the command line call these methods instead of opening sessions themselves. After
every write the listeners are told what changed, so views refresh only what they show.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tierdesk.core import cards, complaints, customers, norms, office, tier_rules, tier_views, tiers
from tierdesk.core import orders as order_book
from tierdesk.core import settings as office_settings
from tierdesk.core.db import Database
from tierdesk.core.orders import OrderRow, PaymentRow
from tierdesk.core.settings import OfficeSettings
from tierdesk.core.tier_rules import TierRules


@dataclass(frozen=True)
class Change:
    """What a write changed: a kind, the customers concerned, and the list columns touched."""

    kind: str  # "customers", "visits", "office", "settings"
    customer_ids: tuple[uuid.UUID, ...] = ()
    columns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CustomerCard:
    """Everything the card view shows when a customer is opened."""

    facts: customers.CustomerFacts
    current: cards.CardView | None
    cards: list[cards.CardView]


Listener = Callable[[Change], None]


class Archive:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- reading -------------------------------------------------------------------------------
    def settings(self) -> OfficeSettings:
        with self.db.read() as session:
            return office_settings.load_settings(session)

    def regions(self) -> list[office.RegionRow]:
        with self.db.read() as session:
            return office.list_regions(session)

    def salespeople(self, *, include_inactive: bool = True,
                    with_counts: bool = True) -> list[office.SalespersonRow]:
        with self.db.read() as session:
            return office.list_salespeople(session, include_inactive=include_inactive,
                                           with_counts=with_counts)

    def open_customer(self, customer_id: uuid.UUID) -> CustomerCard:
        with self.db.read() as session:
            all_cards = cards.list_cards(session, customer_id)
            current = next((c for c in reversed(all_cards) if c.is_open), None)
            return CustomerCard(customers.customer_facts(session, customer_id), current,
                                all_cards)

    def customer(self, customer_id: uuid.UUID) -> customers.CustomerFacts:
        with self.db.read() as session:
            return customers.customer_facts(session, customer_id)

    def _read(self, func: Callable[..., Any], *args: Any) -> Any:
        with self.db.read() as session:
            return func(session, *args)

    def contacts(self, customer_id: uuid.UUID) -> list[customers.ContactRow]:
        return self._read(customers.list_contacts, customer_id)  # type: ignore[no-any-return]

    def orders(self, customer_id: uuid.UUID) -> list[OrderRow]:
        return self._read(order_book.list_orders, customer_id)  # type: ignore[no-any-return]

    def payments(self, customer_id: uuid.UUID) -> list[PaymentRow]:
        return self._read(order_book.list_payments, customer_id)  # type: ignore[no-any-return]

    def collection_rate(self, customer_id: uuid.UUID) -> float | None:
        return self._read(order_book.collection_rate, customer_id)  # type: ignore[no-any-return]

    def complaints(self, customer_id: uuid.UUID) -> list[complaints.ComplaintRow]:
        return self._read(complaints.list_complaints, customer_id)  # type: ignore[no-any-return]

    def tier_history(self, customer_id: uuid.UUID) -> list[tiers.TierHistoryRow]:
        return self._read(tiers.tier_history, customer_id)  # type: ignore[no-any-return]

    def change_history(self, customer_id: uuid.UUID) -> list[customers.ChangeRow]:
        return self._read(customers.change_history, customer_id)  # type: ignore[no-any-return]

    # -- tiers ---------------------------------------------------------------------------------
    def tier_rules(self) -> TierRules:
        return self._read(tier_rules.load_rules)  # type: ignore[no-any-return]

    def assess(self, period: str, *, rules: TierRules | None = None,
               today: dt.date | None = None) -> tiers.Assessment:
        with self.db.read() as session:
            return tiers.assess_tiers(session, period, rules=rules, today=today)

    def tier_picture(self, today: dt.date) -> tier_views.TierPicture:
        return self._read(tier_views.tier_picture, today)  # type: ignore[no-any-return]

    def assessment_runs(self) -> list[tier_views.AssessmentRun]:
        return self._read(tier_views.assessment_runs)  # type: ignore[no-any-return]

    def migration(self, before: dt.datetime, after: dt.datetime) -> dict[tuple[str, str], int]:
        return self._read(tier_views.migration, before, after)  # type: ignore[no-any-return]

    def customer_norm(self, customer_id: uuid.UUID, today: dt.date) -> norms.NormStatus | None:
        return self._read(norms.customer_norm, customer_id, today)  # type: ignore[no-any-return]

    def save_tier_rules(self, rules: TierRules) -> TierRules:
        with self.db.write() as session:
            saved = tier_rules.save_rules(session, rules)
        self._notify(Change("settings"))
        return saved

    def apply_assessment(self, assessment: tiers.Assessment) -> int:
        """One transaction: every grade lands, or none does."""
        with self.db.write() as session:
            changed = tiers.apply_assessment(session, assessment)
        self._notify(Change("bulk"))
        return changed

    def override_tier(self, customer_id: uuid.UUID, tier: str, reason: str) -> None:
        with self.db.write() as session:
            tiers.override_tier(session, customer_id, tier, reason)
        self._notify(Change("customers", (customer_id,), ("tier",)))

    def remove_override(self, customer_id: uuid.UUID, reason: str = "") -> None:
        with self.db.write() as session:
            tiers.remove_override(session, customer_id, reason)
        self._notify(Change("customers", (customer_id,), ()))

    def changed_elsewhere(self) -> None:
        """Many rows changed at once (an import): views reload what they show."""
        self._notify(Change("bulk"))

    # -- writing -------------------------------------------------------------------------------
    def create_customer(self, data: customers.CustomerInput) -> uuid.UUID:
        with self.db.write() as session:
            customer_id = customers.create_customer(session, data).id
        self._notify(Change("customers", (customer_id,)))
        return customer_id

    def update_customer(self, customer_id: uuid.UUID, data: customers.CustomerInput, *,
                        changed_by: str = "") -> int:
        with self.db.write() as session:
            changed = customers.update_customer(session, customer_id, data,
                                                changed_by=changed_by)
        if changed:
            self._notify(Change("customers", (customer_id,)))
        return len(changed)

    def delete_customer(self, customer_id: uuid.UUID) -> None:
        with self.db.write() as session:
            customers.delete_customer(session, customer_id)
        self._notify(Change("customers", (customer_id,)))

    def add_visit(self, customer_id: uuid.UUID, data: cards.VisitInput) -> cards.VisitResult:
        with self.db.write() as session:
            result = cards.add_visit(session, customer_id, data)
        self._notify(Change("visits", (customer_id,), ("last_visit_on", "next_visit_on")))
        return result

    def save_contact(self, customer_id: uuid.UUID, data: customers.ContactInput,
                     contact_id: uuid.UUID | None = None) -> None:
        with self.db.write() as session:
            customers.save_contact(session, customer_id, data, contact_id=contact_id)
        self._notify(Change("customers", (customer_id,), ()))

    def add_order(self, customer_id: uuid.UUID, **fields: Any) -> None:
        with self.db.write() as session:
            order_book.add_order(session, customer_id, **fields)
        self._notify(Change("customers", (customer_id,), ("status",)))

    def add_payment(self, customer_id: uuid.UUID, **fields: Any) -> None:
        with self.db.write() as session:
            order_book.add_payment(session, customer_id, **fields)
        self._notify(Change("customers", (customer_id,), ()))

    def save_settings(self, **changes: Any) -> OfficeSettings:
        with self.db.write() as session:
            result = office_settings.save_settings(session, **changes)
        self._notify(Change("settings"))
        return result

    def save_region(self, code: str, name: str, region_id: uuid.UUID | None = None) -> None:
        with self.db.write() as session:
            office.save_region(session, code, name, region_id)
        self._notify(Change("office", columns=("region",)))

    def save_salesperson(self, **fields: Any) -> None:
        with self.db.write() as session:
            office.save_salesperson(session, **fields)
        self._notify(Change("office", columns=("salesperson",)))

    def hand_over(self, from_id: uuid.UUID, to_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        with self.db.write() as session:
            moved = office.customers_of(session, from_id)
            given = office.hand_over_customers(session, from_id, to_ids)
        self._notify(Change("customers", tuple(moved), ("salesperson",)))
        return given
