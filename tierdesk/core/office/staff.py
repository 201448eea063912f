"""The office: regions and salespeople, and handing customers over when someone leaves."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from tierdesk.core.errors import NotFoundError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import journal
from tierdesk.core.store.models import (
    Complaint,
    Customer,
    CustomerChange,
    FollowUp,
    Region,
    Salesperson,
    utcnow,
)
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, check_mobile, check_required, clean_text


@dataclass(frozen=True)
class RegionRow:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class SalespersonRow:
    id: uuid.UUID
    code: str
    name: str
    region_code: str
    phone: str
    active: bool
    customers: int


def list_regions(session: Session) -> list[RegionRow]:
    rows = session.scalars(select(Region).where(Region.deleted_at.is_(None))
                           .order_by(Region.code))
    return [RegionRow(r.id, r.code, r.name) for r in rows]


def region_by_code(session: Session, code: str) -> Region:
    region = session.scalar(select(Region).where(Region.code == code,
                                                 Region.deleted_at.is_(None)))
    if region is None:
        raise NotFoundError(Message("Office", QT_TRANSLATE_NOOP(
            "Office", "There is no region with the code {code}."), {"code": code}))
    return region


def save_region(session: Session, code: str, name: str,
                region_id: uuid.UUID | None = None) -> Region:
    checker = Checker()
    code = (checker.run(check_required, "code", code) or "").upper()
    name = checker.run(check_required, "name", name) or ""
    checker.run(check_length, "code", code, Region.code)
    checker.run(check_length, "name", name, Region.name)
    if code:
        clash = session.scalar(select(Region.id).where(Region.code == code))
        if clash is not None and clash != region_id:
            checker.add("code", QT_TRANSLATE_NOOP("Validation",
                                                  "The code {code} is already used."), code=code)
    checker.raise_if_any()
    region = session.get(Region, region_id) if region_id else None
    if region is None:
        region = Region(code=code, name=name)
        session.add(region)
    else:
        region.code, region.name = code, name
    session.flush()
    return region


def list_salespeople(session: Session, *, include_inactive: bool = True,
                     with_counts: bool = True) -> list[SalespersonRow]:
    """The office's salespeople; ``with_counts`` adds how many customers each has (a pass
    over all customers: leave it out where only names are needed)."""
    counts = dict(session.execute(
        select(Customer.salesperson_id, func.count()).where(Customer.deleted_at.is_(None))
        .group_by(Customer.salesperson_id)).all()) if with_counts else {}
    query = (select(Salesperson, Region.code).outerjoin(Region, Salesperson.region_id == Region.id)
             .where(Salesperson.deleted_at.is_(None)).order_by(Salesperson.code))
    if not include_inactive:
        query = query.where(Salesperson.active.is_(True))
    return [SalespersonRow(sp.id, sp.code, sp.name, rc or "", sp.phone, sp.active,
                           counts.get(sp.id, 0))
            for sp, rc in session.execute(query).all()]


def salesperson_by_code(session: Session, code: str) -> Salesperson:
    person = session.scalar(select(Salesperson).where(Salesperson.code == code,
                                                      Salesperson.deleted_at.is_(None)))
    if person is None:
        raise NotFoundError(Message("Office", QT_TRANSLATE_NOOP(
            "Office", "There is no salesperson with the code {code}."), {"code": code}))
    return person


def save_salesperson(session: Session, *, code: str, name: str, region_id: uuid.UUID | None,
                     phone: str = "", active: bool = True,
                     salesperson_id: uuid.UUID | None = None) -> Salesperson:
    checker = Checker()
    code = (checker.run(check_required, "code", code) or "").upper()
    name = checker.run(check_required, "name", name) or ""
    checker.run(check_length, "code", code, Salesperson.code)
    checker.run(check_length, "name", name, Salesperson.name)
    phone = checker.run(check_mobile, "phone", phone) or ""
    if code:
        clash = session.scalar(select(Salesperson.id).where(Salesperson.code == code))
        if clash is not None and clash != salesperson_id:
            checker.add("code", QT_TRANSLATE_NOOP("Validation",
                                                  "The code {code} is already used."), code=code)
    checker.raise_if_any()
    person = session.get(Salesperson, salesperson_id) if salesperson_id else None
    if person is None:
        person = Salesperson(code=code, name=name, region_id=region_id, phone=phone,
                             active=active)
        session.add(person)
    else:
        person.code, person.name, person.region_id = code, name, region_id
        person.phone, person.active = phone, active
    session.flush()
    return person


def customers_of(session: Session, salesperson_id: uuid.UUID) -> list[uuid.UUID]:
    return list(session.scalars(select(Customer.id).where(
        Customer.salesperson_id == salesperson_id, Customer.deleted_at.is_(None))
        .order_by(Customer.number)))


def _hand_over_open_work(session: Session, customer_id: uuid.UUID, from_id: uuid.UUID,
                         to_id: uuid.UUID, now: dt.datetime) -> None:
    """Move the open follow-ups and open complaints of one customer from the leaver to its
    new owner (done follow-ups and closed complaints keep who did them)."""
    session.execute(update(FollowUp).where(
        FollowUp.customer_id == customer_id, FollowUp.salesperson_id == from_id,
        FollowUp.status == "open", FollowUp.deleted_at.is_(None))
        .values(salesperson_id=to_id, updated_at=now))
    for column in (Complaint.salesperson_id, Complaint.assigned_to_id):
        session.execute(update(Complaint).where(
            Complaint.customer_id == customer_id, column == from_id,
            Complaint.status != "closed", Complaint.deleted_at.is_(None))
            .values({column: to_id, Complaint.updated_at: now}))


def hand_over_customers(session: Session, from_id: uuid.UUID, to_ids: Sequence[uuid.UUID], *,
                        deactivate: bool = True, changed_by: str = "") -> dict[uuid.UUID, int]:
    """Give every customer of ``from_id`` to the salespeople ``to_ids`` (evenly, in number
    order) in one action. Cards and history stay with the customer; the customer's open
    follow-ups and open complaints held by the leaver go with it to its new owner, so they stay
    on someone's Today list. Returns the count each receiver got."""
    receivers = [t for t in dict.fromkeys(to_ids) if t != from_id]
    if not receivers:
        raise NotFoundError(Message("Office", QT_TRANSLATE_NOOP(
            "Office", "Choose at least one other salesperson to receive the customers.")))
    giver = session.get(Salesperson, from_id)
    if giver is None:
        raise NotFoundError(Message("Office", QT_TRANSLATE_NOOP(
            "Office", "That salesperson no longer exists.")))
    for receiver_id in receivers:
        if session.get(Salesperson, receiver_id) is None:
            raise NotFoundError(Message("Office", QT_TRANSLATE_NOOP(
                "Office", "That salesperson no longer exists.")))
    customers = customers_of(session, from_id)
    given: dict[uuid.UUID, int] = dict.fromkeys(receivers, 0)
    now = utcnow()
    changes = []
    for index, customer_id in enumerate(customers):
        receiver = receivers[index % len(receivers)]
        given[receiver] += 1
        session.execute(update(Customer).where(Customer.id == customer_id)
                        .values(salesperson_id=receiver, updated_at=now))
        _hand_over_open_work(session, customer_id, from_id, receiver, now)
        changes.append(CustomerChange(customer_id=customer_id, changed_at=now,
                                      field="salesperson", old_value=giver.code,
                                      new_value=str(receiver),
                                      changed_by=clean_text(changed_by) or journal.person()))
    codes = dict(session.execute(select(Salesperson.id, Salesperson.code)
                                 .where(Salesperson.id.in_(receivers))).all())
    for change in changes:
        change.new_value = codes[uuid.UUID(change.new_value)]
    session.add_all(changes)
    if deactivate:
        giver.active = False
    session.flush()
    return given
