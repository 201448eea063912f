"""Customers: creating, editing (with a change history), contacts, finding by number."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.models import (
    CUSTOMER_STATUSES,
    Contact,
    Customer,
    CustomerChange,
    Region,
    Salesperson,
    utcnow,
)
from tierdesk.core.numbering import next_number
from tierdesk.core.search_key import build_search_keys
from tierdesk.core.settings import load_settings
from tierdesk.core.validation import (
    Checker,
    check_date_range,
    check_email,
    check_int_range,
    check_landline,
    check_mobile,
    check_required,
    clean_text,
    fail,
    parse_date,
)


@dataclass
class CustomerInput:
    """What a person enters for a customer; every field is checked by :func:`validate`."""

    name: str = ""
    contact_name: str = ""
    mobile: str = ""
    landline: str = ""
    email: str = ""
    wechat: str = ""
    address: str = ""
    industry: str = ""
    region_id: uuid.UUID | None = None
    salesperson_id: uuid.UUID | None = None
    status: str = "prospect"
    tier: str = ""
    potential: int | str | None = None
    customer_since: dt.date | str | None = None
    notes: str = ""


EDITABLE = tuple(f.name for f in fields(CustomerInput))


@dataclass(frozen=True)
class CustomerFacts:
    """A customer as the card and the master file show it."""

    id: uuid.UUID
    number: str
    name: str
    contact_name: str
    mobile: str
    landline: str
    email: str
    wechat: str
    address: str
    industry: str
    region_id: uuid.UUID | None
    region: str
    salesperson_id: uuid.UUID | None
    salesperson: str
    status: str
    tier: str
    potential: int | None
    customer_since: dt.date | None
    notes: str
    last_visit_on: dt.date | None
    next_visit_on: dt.date | None

    def to_input(self) -> CustomerInput:
        return CustomerInput(**{name: getattr(self, name) for name in EDITABLE})


def validate(session: Session, data: CustomerInput, *,
             today: dt.date | None = None) -> dict[str, object]:
    """Cleaned values, or a ValidationError naming every field that is wrong."""
    today = today or dt.date.today()
    checker = Checker()
    values: dict[str, object] = {
        "name": checker.run(check_required, "name", data.name),
        "contact_name": clean_text(data.contact_name),
        "mobile": checker.run(check_mobile, "mobile", data.mobile),
        "landline": checker.run(check_landline, "landline", data.landline),
        "email": checker.run(check_email, "email", data.email),
        "wechat": clean_text(data.wechat),
        "address": clean_text(data.address),
        "industry": clean_text(data.industry),
        "notes": (data.notes or "").strip(),
        "tier": clean_text(data.tier).upper(),
        "region_id": data.region_id,
        "salesperson_id": data.salesperson_id,
    }
    status = clean_text(data.status) or "prospect"
    if status not in CUSTOMER_STATUSES:
        checker.add("status", QT_TRANSLATE_NOOP("Validation", "Unknown status \"{value}\"."),
                    value=status)
    values["status"] = status
    potential = data.potential
    values["potential"] = (None if potential in (None, "") else
                           checker.run(check_int_range, "potential", potential, 1, 5))
    since = checker.run(parse_date, "customer_since", data.customer_since)
    values["customer_since"] = checker.run(check_date_range, "customer_since", since,
                                           not_after=today)
    tiers = load_settings(session).tiers
    if values["tier"] and values["tier"] not in tiers:
        checker.add("tier", QT_TRANSLATE_NOOP("Validation", "Unknown tier \"{value}\"; "
                                              "the office's tiers are {tiers}."),
                    value=values["tier"], tiers=", ".join(tiers))
    if data.region_id is not None and session.get(Region, data.region_id) is None:
        checker.add("region_id", QT_TRANSLATE_NOOP("Validation", "That region does not exist."))
    if data.salesperson_id is not None and session.get(Salesperson, data.salesperson_id) is None:
        checker.add("salesperson_id", QT_TRANSLATE_NOOP("Validation",
                                                        "That salesperson does not exist."))
    checker.raise_if_any()
    return values


def refresh_search_key(session: Session, customer: Customer) -> None:
    contacts = session.scalars(select(Contact).where(Contact.customer_id == customer.id,
                                                     Contact.deleted_at.is_(None))).all()
    customer.search_key, customer.search_han = build_search_keys(
        name=customer.name, number=customer.number,
        phones=[customer.mobile, customer.landline,
                *(p for c in contacts for p in (c.mobile, c.landline))],
        people=[customer.contact_name, *(c.name for c in contacts)])


def create_customer(session: Session, data: CustomerInput, *, number: str | None = None,
                    today: dt.date | None = None) -> Customer:
    """A new customer with a number from the office's rule and an empty first card."""
    from tierdesk.core.cards import open_card

    values = validate(session, data, today=today)
    settings = load_settings(session)
    if number:
        number = clean_text(number).upper()
        if session.scalar(select(Customer.id).where(Customer.number == number)) is not None:
            raise_duplicate_number(number)
    else:
        region = session.get(Region, values["region_id"]) if values["region_id"] else None
        number = next_number(session, settings.numbering_rule,
                             region=region.code if region else "",
                             tier=str(values["tier"] or settings.new_customer_tier))
    customer = Customer(number=number, **values)
    session.add(customer)
    session.flush()
    refresh_search_key(session, customer)
    open_card(session, customer.id, capacity=settings.card_size,
              opened_on=today or dt.date.today(), seq=1)
    session.flush()
    return customer


def raise_duplicate_number(number: str) -> None:
    raise fail("number", QT_TRANSLATE_NOOP("Validation",
                                           "The customer number {value} is already used."),
               value=number)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def update_customer(session: Session, customer_id: uuid.UUID, data: CustomerInput, *,
                    changed_by: str = "", today: dt.date | None = None) -> list[CustomerChange]:
    """Apply edits; each changed field is written to the customer's change history."""
    customer = get_customer_row(session, customer_id)
    values = validate(session, data, today=today)
    now = utcnow()
    changes = []
    for name, new in values.items():
        old = getattr(customer, name)
        if old == new:
            continue
        changes.append(CustomerChange(customer_id=customer.id, changed_at=now, field=name,
                                      old_value=_describe(session, name, old),
                                      new_value=_describe(session, name, new),
                                      changed_by=clean_text(changed_by)))
        setattr(customer, name, new)
    if changes:
        session.add_all(changes)
        refresh_search_key(session, customer)
        session.flush()
    return changes


def _describe(session: Session, name: str, value: object) -> str:
    if value is not None and name == "region_id":
        region = session.get(Region, value)
        return region.code if region else ""
    if value is not None and name == "salesperson_id":
        person = session.get(Salesperson, value)
        return person.code if person else ""
    return _as_text(value)


def get_customer_row(session: Session, customer_id: uuid.UUID) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFoundError(Message("Customers", QT_TRANSLATE_NOOP(
            "Customers", "That customer no longer exists.")))
    return customer


def customer_facts(session: Session, customer_id: uuid.UUID) -> CustomerFacts:
    c = get_customer_row(session, customer_id)
    return CustomerFacts(
        id=c.id, number=c.number, name=c.name, contact_name=c.contact_name, mobile=c.mobile,
        landline=c.landline, email=c.email, wechat=c.wechat, address=c.address,
        industry=c.industry, region_id=c.region_id,
        region=f"{c.region.code} {c.region.name}" if c.region else "",
        salesperson_id=c.salesperson_id,
        salesperson=c.salesperson.name if c.salesperson else "", status=c.status, tier=c.tier,
        potential=c.potential, customer_since=c.customer_since, notes=c.notes,
        last_visit_on=c.last_visit_on, next_visit_on=c.next_visit_on)


def find_by_number(session: Session, number: str) -> uuid.UUID:
    found = session.scalar(select(Customer.id).where(Customer.number == clean_text(number).upper(),
                                                     Customer.deleted_at.is_(None)))
    if found is None:
        raise NotFoundError(Message("Customers", QT_TRANSLATE_NOOP(
            "Customers", "There is no customer numbered {number}."), {"number": number}))
    return found


def delete_customer(session: Session, customer_id: uuid.UUID, *, changed_by: str = "") -> None:
    """Soft delete: the customer leaves the lists; its rows stay, marked with the time."""
    customer = get_customer_row(session, customer_id)
    now = utcnow()
    customer.deleted_at = now
    session.add(CustomerChange(customer_id=customer.id, changed_at=now, field="deleted",
                               old_value="", new_value=now.isoformat(timespec="seconds"),
                               changed_by=clean_text(changed_by)))
    session.flush()


@dataclass
class ContactInput:
    name: str = ""
    position: str = ""
    mobile: str = ""
    landline: str = ""
    email: str = ""
    birthday: dt.date | str | None = None
    is_primary: bool = False


@dataclass(frozen=True)
class ContactRow:
    id: uuid.UUID
    name: str
    position: str
    mobile: str
    landline: str
    email: str
    birthday: dt.date | None
    is_primary: bool


def save_contact(session: Session, customer_id: uuid.UUID, data: ContactInput, *,
                 contact_id: uuid.UUID | None = None, today: dt.date | None = None) -> Contact:
    customer = get_customer_row(session, customer_id)
    checker = Checker()
    name = checker.run(check_required, "name", data.name)
    mobile = checker.run(check_mobile, "mobile", data.mobile)
    landline = checker.run(check_landline, "landline", data.landline)
    email = checker.run(check_email, "email", data.email)
    birthday = checker.run(parse_date, "birthday", data.birthday)
    birthday = checker.run(check_date_range, "birthday", birthday,
                           not_after=today or dt.date.today())
    checker.raise_if_any()
    contact = session.get(Contact, contact_id) if contact_id else None
    if contact is None:
        contact = Contact(customer_id=customer.id, name=name)
        session.add(contact)
    contact.name, contact.position = name or "", clean_text(data.position)
    contact.mobile, contact.landline, contact.email = mobile or "", landline or "", email or ""
    contact.birthday, contact.is_primary = birthday, bool(data.is_primary)
    session.flush()
    refresh_search_key(session, customer)
    return contact


def list_contacts(session: Session, customer_id: uuid.UUID) -> list[ContactRow]:
    rows = session.scalars(select(Contact).where(Contact.customer_id == customer_id,
                                                 Contact.deleted_at.is_(None))
                           .order_by(Contact.is_primary.desc(), Contact.created_at))
    return [ContactRow(c.id, c.name, c.position, c.mobile, c.landline, c.email, c.birthday,
                       c.is_primary) for c in rows]


@dataclass(frozen=True)
class ChangeRow:
    changed_at: dt.datetime
    field: str
    old_value: str
    new_value: str
    changed_by: str


def change_history(session: Session, customer_id: uuid.UUID) -> list[ChangeRow]:
    rows = session.scalars(select(CustomerChange).where(CustomerChange.customer_id == customer_id)
                           .order_by(CustomerChange.changed_at.desc()))
    return [ChangeRow(r.changed_at, r.field, r.old_value, r.new_value, r.changed_by)
            for r in rows]
