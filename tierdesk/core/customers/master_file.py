"""Customers: creating, editing (with a change history), contacts, finding by number."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from tierdesk.core.customers.search_key import build_search_keys, normalise_query
from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.office.numbering import laptop_owner, next_numbers
from tierdesk.core.office.settings import load_settings
from tierdesk.core.store import journal
from tierdesk.core.store.models import (
    CUSTOMER_STATUSES,
    Contact,
    Customer,
    CustomerChange,
    Region,
    Salesperson,
    VisitCard,
    utcnow,
)
from tierdesk.core.store.raw import fetch_tuples, hex_id, insert_many, new_keys, raw
from tierdesk.core.text_limits import check_length, limits, too_long
from tierdesk.core.validation import (
    Checker,
    check_date_range,
    check_email,
    check_int_range,
    check_landline,
    check_mobile,
    check_required,
    clean_block,
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


@dataclass(frozen=True)
class OfficeFacts:
    """What a customer's fields are checked against, read once for many rows."""

    tiers: tuple[str, ...]
    regions: frozenset[uuid.UUID]
    salespeople: frozenset[uuid.UUID]


def office_facts(session: Session) -> OfficeFacts:
    return OfficeFacts(load_settings(session).tiers,
                       frozenset(session.scalars(select(Region.id))),
                       frozenset(session.scalars(select(Salesperson.id))))


# The customer's fields of text, with the most characters each takes.
_LONGEST = limits(name=Customer.name, contact_name=Customer.contact_name,
                  wechat=Customer.wechat, address=Customer.address,
                  industry=Customer.industry, notes=Customer.notes)
# What validate() returns, in order.
CHECKED_FIELDS = ("name", "contact_name", "mobile", "landline", "email", "wechat", "address",
                  "industry", "notes", "tier", "region_id", "salesperson_id", "status",
                  "potential", "customer_since")


def validate(session: Session, data: CustomerInput, *, today: dt.date | None = None,
             office: OfficeFacts | None = None) -> dict[str, object]:
    """Cleaned values, or a ValidationError naming every field that is wrong. ``office``:
    the tiers, regions and salespeople, when many rows are checked at once."""
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
        "notes": clean_block(data.notes),
        "tier": clean_text(data.tier).upper(),
        "region_id": data.region_id,
        "salesperson_id": data.salesperson_id,
    }
    checker.problems.extend(too_long(values, _LONGEST))
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
    tiers = office.tiers if office is not None else load_settings(session).tiers
    if values["tier"] and values["tier"] not in tiers:
        checker.add("tier", QT_TRANSLATE_NOOP("Validation", "Unknown tier \"{value}\"; "
                                              "the office's tiers are {tiers}."),
                    value=values["tier"], tiers=", ".join(tiers))
    if data.region_id is not None and (data.region_id not in office.regions if office else
                                       session.get(Region, data.region_id) is None):
        checker.add("region_id", QT_TRANSLATE_NOOP("Validation", "That region does not exist."))
    if data.salesperson_id is not None and (
            data.salesperson_id not in office.salespeople if office else
            session.get(Salesperson, data.salesperson_id) is None):
        checker.add("salesperson_id", QT_TRANSLATE_NOOP("Validation",
                                                        "That salesperson does not exist."))
    checker.raise_if_any()
    return values


COMPANY_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团公司", "公司", "商行",
                    "经营部", "厂", "店")


def company_key(name: str) -> str:
    """A company name for matching: half-width, no spaces or punctuation, lower case, and
    without the legal suffix (有限公司, 有限责任公司 ...)."""
    key = re.sub(r"[\s·.,，。()（）\-]", "", normalise_query(name))
    for suffix in COMPANY_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)]
    return key


def phone_digits(phone: str | None) -> str:
    return re.sub(r"\D", "", phone or "")


@dataclass(frozen=True)
class SameCustomer:
    """A customer already in the archive with the same name and phone as one being added."""
    id: uuid.UUID
    number: str
    name: str
    phone: str


def same_name_and_phone(session: Session, data: CustomerInput) -> list[SameCustomer]:
    """Customers with this name (as an import matches it: legal suffix, width and spacing
    ignored) and one of these phone numbers: most likely the same customer."""
    key = company_key(data.name or "")
    phones = {d for d in (phone_digits(data.mobile), phone_digits(data.landline)) if d}
    if not key or not phones:
        return []
    landline = func.replace(func.replace(func.replace(Customer.landline, "-", ""), " ", ""),
                            "+", "")
    rows = session.execute(
        select(Customer.id, Customer.number, Customer.name, Customer.mobile, Customer.landline)
        .where(Customer.deleted_at.is_(None),
               or_(Customer.mobile.in_(phones), landline.in_(phones)))
        .order_by(Customer.number))
    return [SameCustomer(id=row_id, number=number, name=name,
                         phone=next(p for p in (mobile, landline_text)
                                    if p and phone_digits(p) in phones))
            for row_id, number, name, mobile, landline_text in rows
            if company_key(name) == key]


# The customer's fields its search key is made of (with its contacts' names and phones).
SEARCHED = frozenset({"name", "number", "mobile", "landline", "contact_name"})


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
    values = validate(session, data, today=today)
    if number:
        number = clean_text(number).upper()
        if session.scalar(select(Customer.id).where(Customer.number == number)) is not None:
            raise_duplicate_number(number)
    key = create_customers(session, [(values, number or None)], today=today)[0]
    customer = session.get(Customer, uuid.UUID(hex=key))
    assert customer is not None
    return customer


NEW_CUSTOMER_COLUMNS = ("id", "number", "name", "contact_name",
                        "mobile", "landline", "email", "wechat", "address", "industry",
                        "region_id", "salesperson_id", "status", "tier", "tier_overridden",
                        "potential", "customer_since", "notes", "search_key", "search_han")
CARD_COLUMNS = ("id", "customer_id", "seq", "capacity", "opened_on")


def create_customers(session: Session, rows: Sequence[tuple[dict[str, object], str | None]],
                     *, today: dt.date | None = None,
                     progress: Callable[[int], None] | None = None) -> list[str]:
    """Many new customers in one go (an import): each row's values as :func:`validate`
    returns them, with the number it brings (the caller checked it is free) or None for the
    next one under the office's rule. Each customer gets an empty first card. Returns the
    new customers' ids as hex, in the order of ``rows``."""
    if not rows:
        return []
    settings = load_settings(session)
    connection = session.connection()
    session.flush()
    codes = {hex_id(k): code for k, code in fetch_tuples(
        connection, select(raw(Region.id), Region.code))}
    numbers = [clean_text(number).upper() if number else "" for _values, number in rows]
    missing = [i for i, number in enumerate(numbers) if not number]
    if missing:
        taken = set(session.scalars(select(Customer.number))) | set(numbers)
        wanted = []
        for i in missing:
            values = rows[i][0]
            region = values.get("region_id")
            wanted.append((codes.get(hex_id(region), "") if region else "",
                           str(values.get("tier") or settings.new_customer_tier)))
        for i, number in zip(missing, next_numbers(session, settings.numbering_rule, wanted,
                                                   taken), strict=True):
            numbers[i] = number
    keys = new_keys(len(rows))
    now = utcnow()
    made = {"created_at": now, "updated_at": now}
    # On a salesperson's laptop, a customer said to be nobody's is the salesperson's.
    owner = laptop_owner(session)
    opened = today or dt.date.today()
    customers: list[tuple[Any, ...]] = []
    for index, ((values, _given), number, key) in enumerate(zip(rows, numbers, keys,
                                                                strict=True)):
        text = {name: str(values.get(name) or "") for name in (
            "name", "contact_name", "mobile", "landline", "email", "wechat", "address",
            "industry", "notes")}
        search = build_search_keys(name=text["name"], number=number,
                                   phones=[text["mobile"], text["landline"]],
                                   people=[text["contact_name"]])
        region, person = values.get("region_id"), values.get("salesperson_id") or owner
        customers.append((
            key, number, text["name"], text["contact_name"], text["mobile"],
            text["landline"], text["email"], text["wechat"], text["address"],
            text["industry"], hex_id(region) if region else None,
            hex_id(person) if person else None, values.get("status") or "prospect",
            values.get("tier") or "", False, values.get("potential"),
            values.get("customer_since"), text["notes"], search.ascii, search.han))
        if len(customers) == _WRITE_EVERY or index == len(rows) - 1:
            # Written as they are made: the rows of 150,000 customers, with their search
            # keys, would take a hundred megabytes more held all at once.
            insert_many(connection, Customer.__table__, NEW_CUSTOMER_COLUMNS, customers,
                        same=made)
            customers.clear()
        if progress is not None and index % 5000 == 4999:
            progress(index + 1)
    insert_many(connection, VisitCard.__table__, CARD_COLUMNS,
                [(card, key, 1, settings.card_size, opened)
                 for card, key in zip(new_keys(len(keys)), keys, strict=True)], same=made)
    return keys


_WRITE_EVERY = 10_000


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
                                      changed_by=clean_text(changed_by) or journal.person()))
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
        raise customer_gone()
    return customer


def customer_gone() -> NotFoundError:
    return NotFoundError(Message("Customers", QT_TRANSLATE_NOOP(
        "Customers", "That customer no longer exists.")))


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
    name = checker.run(check_length, "name", checker.run(check_required, "name", data.name)
                       or "", Contact.name)
    position = checker.run(check_length, "position", clean_text(data.position),
                           Contact.position)
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
    contact.name, contact.position = name or "", position or ""
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
