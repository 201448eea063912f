"""The archive's tables as typed SQLAlchemy 2 models.

Every row that travels between a laptop and the office database has a UUID key and a
modification stamp; deletions are soft (``deleted_at``). Money is kept in cents (integers) so
sums are exact on every database.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    and_,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from tierdesk.core.store.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every travelling row carries."""

    # Each model mixing this in names its table (declared here for the type checker only).
    __tablename__: str
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow,
                                                    index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # The hybrid logical clock stamp of the write that last touched the row (see journal):
    # its journal entry says who, on which machine, and what changed.
    hlc: Mapped[str | None] = mapped_column(String(24), default=None)


class JournalEntry(Base):
    """One change that passed the write gate (core.store.journal): a row inserted, its fields
    changed (old and new values), or many rows written at once (a bulk entry: the table,
    how many, and the stamp the rows carry in their ``hlc``)."""

    __tablename__ = "journal"
    __table_args__ = (Index("ix_journal_customer", "customer_id", "hlc"),
                      Index("ix_journal_hlc", "hlc"), Index("ix_journal_row", "row_id", "hlc"))
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    hlc: Mapped[str] = mapped_column(String(24))
    machine: Mapped[str] = mapped_column(String(100), default="")
    person: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    table_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(8))         # insert, update, delete, bulk
    row_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    rows: Mapped[int] = mapped_column(Integer, default=1)
    # insert: {field: value}; update: {field: [old, new]}; bulk: {"set": {field: value}} or {}
    changes: Mapped[object] = mapped_column(JSON, default=dict)
    # The archive where the change was made (its site id), when it came in from another
    # (a laptop's bundle at the office, the office's on a laptop); empty: made here.
    origin: Mapped[str] = mapped_column(String(36), default="")


class SyncPeer(Base):
    """Another archive this one exchanges changes with: the office (on a laptop), or a laptop
    checked out of this office. Stamps are hybrid logical clock stamps (see journal)."""

    __tablename__ = "sync_peer"
    site: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(8))                 # office, laptop
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    # The newest of this archive's stamps the peer has applied (what it acknowledged) ...
    acked_up_to: Mapped[str] = mapped_column(String(24), default="")
    # ... and the newest of the peer's stamps applied here.
    received_up_to: Mapped[str] = mapped_column(String(24), default="")
    last_exchange_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # A laptop's: the latest block of customer numbers set aside for it [first, last].
    numbers: Mapped[list[int] | None] = mapped_column(JSON, default=None)


CONFLICT_STATUSES = ("open", "resolved", "to_send")


class SyncConflict(Base):
    """The same field changed differently on two archives since they last met, or a record
    deleted on one and edited on the other: both values kept until the manager decides.
    On a laptop, ``to_send`` marks one it met first: it goes to the office's queue."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_status", "status", "raised_at"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    raised_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    peer_site: Mapped[str] = mapped_column(String(36), default="")
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    field: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8), default="field")   # field, deleted
    base: Mapped[object] = mapped_column(JSON, nullable=True, default=None)
    local: Mapped[object] = mapped_column(JSON, nullable=True, default=None)  # the office's
    incoming: Mapped[object] = mapped_column(JSON, nullable=True, default=None)
    local_by: Mapped[str] = mapped_column(String(100), default="")
    local_machine: Mapped[str] = mapped_column(String(100), default="")
    local_hlc: Mapped[str] = mapped_column(String(24), default="")
    incoming_by: Mapped[str] = mapped_column(String(100), default="")
    incoming_machine: Mapped[str] = mapped_column(String(100), default="")
    incoming_hlc: Mapped[str] = mapped_column(String(24), default="")
    status: Mapped[str] = mapped_column(String(8), default="open")
    resolution: Mapped[object] = mapped_column(JSON, nullable=True, default=None)
    resolved_by: Mapped[str] = mapped_column(String(100), default="")
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class Setting(Base):
    """An office-wide setting (tier rules, card size, numbering rule ...), value as JSON."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Counter(Base):
    """A named sequence (customer numbers); incremented inside the write transaction."""

    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Region(Synced, Base):
    __tablename__ = "region"
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Salesperson(Synced, Base):
    __tablename__ = "salesperson"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    region_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("region.id"))
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    region: Mapped[Region | None] = relationship()


CUSTOMER_STATUSES = ("prospect", "active", "dormant", "lost")
# The covering index a pass over every live customer reads (see raw.fetch_tuples).
CUSTOMER_PASS = ("customer", "ix_customer_pass")


class Customer(Synced, Base):
    __tablename__ = "customer"
    __table_args__ = (
        # Covers what the customer list loads at start-up, in number order, live rows only.
        # (A partial index on SQLite; PostgreSQL gets a full one, which serves as well.)
        Index("ix_customer_list", "number", "id", "search_key", "search_han",
              sqlite_where=text("deleted_at IS NULL")),
        # Covers what the passes over every customer read: the tier reassessment, the
        # contact norms, the tier picture and the month plan.
        Index("ix_customer_pass", "id", "number", "name", "tier", "potential",
              "customer_since", "tier_overridden", "status", "region_id", "salesperson_id",
              "last_visit_on", sqlite_where=text("deleted_at IS NULL")),
        # Covers the scorecards' read of what each live customer owes (core.store.balances).
        Index("ix_customer_balance", "salesperson_id", "status", "billed_cents", "paid_cents",
              "id", sqlite_where=text("deleted_at IS NULL")),
    )
    number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(20), default="")
    landline: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    wechat: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    region_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("region.id"), index=True)
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"),
                                                             index=True)
    status: Mapped[str] = mapped_column(String(16), default="prospect")
    tier: Mapped[str] = mapped_column(String(16), default="")
    # Set by a manager's override; reassessments leave the tier alone until it is removed.
    tier_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    potential: Mapped[int | None] = mapped_column(Integer)
    customer_since: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Kept up to date by the services: what the list shows and searches without joins.
    search_key: Mapped[str] = mapped_column(Text, default="")   # pinyin, number, phones
    search_han: Mapped[str] = mapped_column(Text, default="")   # the Chinese names
    # Every live order billed and payment received (core.store.balances keeps them).
    billed_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    paid_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_visit_on: Mapped[dt.date | None] = mapped_column(Date)
    next_visit_on: Mapped[dt.date | None] = mapped_column(Date)

    region: Mapped[Region | None] = relationship()
    salesperson: Mapped[Salesperson | None] = relationship()
    contacts: Mapped[list[Contact]] = relationship(back_populates="customer",
                                                   order_by="Contact.created_at")


class Contact(Synced, Base):
    """A person at the customer: position, phones, birthday (for greetings)."""

    __tablename__ = "contact"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(20), default="")
    landline: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    birthday: Mapped[dt.date | None] = mapped_column(Date)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class VisitCard(Synced, Base):
    """One paper-like card: a fixed number of entry slots, archived when full."""

    __tablename__ = "visit_card"
    __table_args__ = (UniqueConstraint("customer_id", "seq", name="uq_visit_card_customer_seq"),)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


VISIT_CHANNELS = ("visit", "phone", "email", "sms", "wechat", "letter")


class Visit(Synced, Base):
    """One entry on a card. A correction changes the entry and keeps what it said before in
    VisitChange; a struck entry stays on the card, struck through, with who and when."""

    __tablename__ = "visit"
    __table_args__ = (
        UniqueConstraint("card_id", "slot", name="uq_visit_card_slot"),
        Index("ix_visit_customer_date", "customer_id", "visit_date"),
        Index("ix_visit_salesperson_date", "salesperson_id", "visit_date"),
        # Covers counting contacts by channel over a date range (contact norms, month plans):
        # the entries that count (counting_entry).
        Index("ix_visit_live_date", "visit_date", "customer_id", "channel",
              sqlite_where=text("deleted_at IS NULL AND struck_at IS NULL")),
    )
    card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visit_card.id"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    slot: Mapped[int] = mapped_column(Integer)
    visit_date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(300), default="")
    next_step: Mapped[str] = mapped_column(String(300), default="")
    next_visit_on: Mapped[dt.date | None] = mapped_column(Date)
    struck_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    struck_by: Mapped[str] = mapped_column(String(100), default="", server_default="")


def counting_entry() -> ColumnElement[bool]:
    """The card entries that count (for norms, scorecards, alerts, plans, registers, the last
    contact): those not deleted and not struck out. A struck entry stays on its card, struck
    through, and counts nowhere."""
    return and_(Visit.deleted_at.is_(None), Visit.struck_at.is_(None))


class FieldChange:
    """One field changed: when, which, what it said before and after, and who changed it."""

    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(100), default="")


class VisitChange(Synced, FieldChange, Base):
    """The history of a card entry: one row per field corrected, and one for a strike-out."""

    __tablename__ = "visit_change"
    __table_args__ = (Index("ix_visit_change_visit_at", "visit_id", "changed_at"),)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visit.id"))


class Order(Synced, Base):
    __tablename__ = "sales_order"
    __table_args__ = (
        Index("ix_sales_order_customer_date", "customer_id", "order_date"),
        # Covers the tier reassessment's pass over a date range of live orders.
        Index("ix_sales_order_live_date", "order_date", "customer_id", "amount_cents",
              "profit_cents", sqlite_where=text("deleted_at IS NULL")),
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    order_date: Mapped[dt.date] = mapped_column(Date, index=True)
    reference: Mapped[str] = mapped_column(String(64), default="")
    product: Mapped[str] = mapped_column(String(200), default="")
    amount_cents: Mapped[int] = mapped_column(Integer)
    profit_cents: Mapped[int] = mapped_column(Integer, default=0)
    via_outlet: Mapped[bool] = mapped_column(Boolean, default=False)


class Payment(Synced, Base):
    __tablename__ = "payment"
    __table_args__ = (
        Index("ix_payment_customer_date", "customer_id", "paid_on"),
        # Covers the scorecards' pass over a period's payments.
        Index("ix_payment_live_date", "paid_on", "customer_id", "amount_cents",
              sqlite_where=text("deleted_at IS NULL")),
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sales_order.id"))
    paid_on: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(32), default="")


COMPLAINT_STATUSES = ("received", "investigating", "answered", "closed")


class Complaint(Synced, Base):
    __tablename__ = "complaint"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(16), default="phone")
    category: Mapped[str] = mapped_column(String(64), default="")
    severity: Mapped[str] = mapped_column(String(16), default="normal")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="received")
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    assigned_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    answer: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ServiceJob(Synced, Base):
    """A service job done for the customer (installation, repair, maintenance ...)."""

    __tablename__ = "service_job"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    done_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(64), default="")
    description: Mapped[str] = mapped_column(Text, default="")


DUE_DATE_KINDS = ("renewal", "maintenance", "inspection", "other")


class CustomerDate(Synced, Base):
    """A date of the customer's own: a contract renewal, a maintenance, an inspection."""

    __tablename__ = "customer_date"
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="other")
    due_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")


class Holiday(Synced, Base):
    """The office's calendar: a day off (greeted before when ``greet``), or a weekend day
    worked instead of one (``workday``)."""

    __tablename__ = "holiday"
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    workday: Mapped[bool] = mapped_column(Boolean, default=False)
    greet: Mapped[bool] = mapped_column(Boolean, default=False)


FOLLOW_UP_KINDS = ("sale", "monthly", "yearly", "service", "birthday", "holiday", "due_date")
FOLLOW_UP_RESULTS = ("done", "no_answer", "postponed")


class FollowUp(Synced, Base):
    """A follow-up task: call back after a sale or a service job, greet, remind.

    It is shown from ``due_on`` and is overdue after ``last_on``; ``first_due_on`` with the
    kind and the source (the order, job, contact, date or holiday it comes from) names it, so
    planning the same source twice makes one task."""

    __tablename__ = "follow_up"
    __table_args__ = (
        UniqueConstraint("customer_id", "kind", "source_id", "first_due_on",
                         name="uq_follow_up_source"),
        # One salesperson's open tasks (Today's list): led by the salesperson, so the
        # others' are not walked.
        Index("ix_follow_up_person_open", "salesperson_id", "status", "due_on", "last_on",
              sqlite_where=text("deleted_at IS NULL")),
        # Covers the month plan's read of the open tasks due by the month's end.
        Index("ix_follow_up_open_due", "status", "due_on", "customer_id", "kind",
              sqlite_where=text("deleted_at IS NULL")),
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    kind: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    first_due_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    last_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")   # open / done
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class FollowUpLog(Synced, Base):
    """One attempt at a follow-up (a call, a letter, a visit) and its result: the office's
    call and letter registers."""

    __tablename__ = "follow_up_log"
    __table_args__ = (Index("ix_follow_up_log_on", "logged_on"),
                      Index("ix_follow_up_log_visit", "visit_id",
                            sqlite_where=text("visit_id IS NOT NULL")))
    follow_up_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("follow_up.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    salesperson_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("salesperson.id"))
    logged_on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(300), default="")
    postponed_to: Mapped[dt.date | None] = mapped_column(Date)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visit.id"))


class Survey(Synced, Base):
    """A satisfaction survey answer, scored on the office's scale."""

    __tablename__ = "survey"
    __table_args__ = (Index("ix_survey_on", "surveyed_on", "customer_id", "score"),)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"), index=True)
    surveyed_on: Mapped[dt.date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class TierAssessment(Synced, Base):
    """One grade given to a customer: computed in a reassessment or set by a manager."""

    __tablename__ = "tier_assessment"
    __table_args__ = (
        Index("ix_tier_assessment_customer_at", "customer_id", "assessed_at"),
        # One reassessment's grades, read whole for the migration between two of them.
        Index("ix_tier_assessment_at", "assessed_at", "customer_id", "tier"),
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    period: Mapped[str] = mapped_column(String(16))
    assessed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    tier: Mapped[str] = mapped_column(String(16))
    previous_tier: Mapped[str] = mapped_column(String(16), default="")
    score: Mapped[float | None] = mapped_column()
    components: Mapped[dict[str, float] | None] = mapped_column(JSON)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")


class CustomerChange(Synced, FieldChange, Base):
    """The change history of a customer's facts: one row per field changed."""

    __tablename__ = "customer_change"
    __table_args__ = (Index("ix_customer_change_customer_at", "customer_id", "changed_at"),)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))


PLAN_STATUSES = ("draft", "published")


class MonthPlan(Synced, Base):
    """Next month's quotas as the manager proposed, adjusted and published them. A published
    plan is frozen: its quotas and task lists are kept as they were handed out."""

    __tablename__ = "month_plan"
    month: Mapped[dt.date] = mapped_column(Date, unique=True)   # the first of the month
    status: Mapped[str] = mapped_column(String(16), default="draft")
    made_on: Mapped[dt.date] = mapped_column(Date)              # the archive as of this day
    working_days: Mapped[int] = mapped_column(Integer)
    new_customer_target: Mapped[int] = mapped_column(Integer, default=0)
    office_name: Mapped[str] = mapped_column(String(200), default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class PlanQuota(Synced, Base):
    """One salesperson's figures in a month plan, with what was proposed before adjusting."""

    __tablename__ = "plan_quota"
    __table_args__ = (UniqueConstraint("plan_id", "salesperson_id",
                                       name="uq_plan_quota_person"),)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("month_plan.id"))
    salesperson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("salesperson.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100), default="")
    customers: Mapped[int] = mapped_column(Integer, default=0)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    follow_ups: Mapped[int] = mapped_column(Integer, default=0)
    new_customers: Mapped[int] = mapped_column(Integer, default=0)
    visits_per_day: Mapped[float] = mapped_column(default=0.0)
    proposed: Mapped[dict[str, float]] = mapped_column(JSON)
    adjusted: Mapped[list[str]] = mapped_column(JSON)


class PlanTask(Synced, Base):
    """One customer's line on a published task list: what is due in the month and why."""

    __tablename__ = "plan_task"
    __table_args__ = (Index("ix_plan_task_plan_person", "plan_id", "salesperson_id"),)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("month_plan.id"))
    salesperson_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("salesperson.id"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer.id"))
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(16), default="")
    calls: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    follow_ups: Mapped[int] = mapped_column(Integer, default=0)
    why: Mapped[list[object]] = mapped_column(JSON)
    last_contact: Mapped[dt.date | None] = mapped_column(Date)


class AlertNote(Synced, Base):
    """A problem alert a manager acknowledged, with the note written then."""

    __tablename__ = "alert_note"
    key: Mapped[str] = mapped_column(String(200), unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
