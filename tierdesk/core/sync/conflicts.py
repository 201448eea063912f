"""The manager's queue of conflicts: both values kept until someone decides; the decision is
a change of the office's own, journalled, and it travels back to the laptops."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store import journal
from tierdesk.core.store.journal import plain
from tierdesk.core.store.models import Customer, SyncConflict, SyncPeer, utcnow
from tierdesk.core.sync import tables
from tierdesk.core.sync.site import refused

TAKES = ("office", "incoming")


@dataclass(frozen=True)
class ConflictRow:
    id: uuid.UUID
    raised_at: dt.datetime
    customer_number: str
    customer_name: str
    table_name: str
    field: str
    kind: str
    base: Any
    office: Any
    incoming: Any
    office_by: str
    office_machine: str
    office_hlc: str
    incoming_by: str
    incoming_machine: str
    incoming_hlc: str
    from_name: str
    status: str
    resolution: Any

    @property
    def office_at(self) -> dt.datetime | None:
        return stamp_time(self.office_hlc)

    @property
    def incoming_at(self) -> dt.datetime | None:
        return stamp_time(self.incoming_hlc)


def stamp_time(stamp: str) -> dt.datetime | None:
    """When a change was made, in this machine's local time, from its clock stamp."""
    if len(stamp) < 13 or not stamp[:13].isdigit():
        return None
    return dt.datetime.fromtimestamp(int(stamp[:13]) / 1000).replace(microsecond=0)


def list_conflicts(session: Session, *, open_only: bool = True) -> list[ConflictRow]:
    query = select(SyncConflict, Customer.number, Customer.name, SyncPeer.name).outerjoin(
        Customer, Customer.id == SyncConflict.customer_id).outerjoin(
        SyncPeer, SyncPeer.site == SyncConflict.peer_site).order_by(SyncConflict.raised_at)
    if open_only:
        query = query.where(SyncConflict.status == "open")
    return [ConflictRow(c.id, c.raised_at, number or "", name or "", c.table_name, c.field,
                        c.kind, c.base, c.local, c.incoming, c.local_by, c.local_machine,
                        c.local_hlc, c.incoming_by, c.incoming_machine, c.incoming_hlc,
                        peer or "", c.status, c.resolution)
            for c, number, name, peer in session.execute(query)]


def resolve(session: Session, conflict_id: uuid.UUID, *, take: str | None = None,
            value: str | None = None) -> Any:
    """Keep the office's value (``take="office"``), take the incoming one, or set ``value``
    typed by the manager; the chosen value is written as the office's change, so that every
    laptop gets it. Where the record was deleted here and edited elsewhere, keeping the
    office's leaves it deleted; taking the edit (or typing a value) brings it back with it.
    Returns the value kept."""
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.status != "open":
        raise refused(QT_TRANSLATE_NOOP("Sync", "There is no open conflict {id}."),
                      id=str(conflict_id))
    if (take is None) == (value is None) or (take is not None and take not in TAKES):
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "Say which value to keep: the office's, the incoming one, or a value."))
    chosen = conflict.local if take == "office" else conflict.incoming if take == "incoming" \
        else value
    table = tables.table(conflict.table_name)
    current = session.execute(select(table.c[conflict.field]).where(
        table.c.id == conflict.row_id)).scalar_one_or_none()
    try:
        typed = tables.typed(conflict.table_name, conflict.field, chosen)
    except (TypeError, ValueError):
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "\"{value}\" is not a value {field} can hold."),
            value=str(chosen), field=conflict.field) from None
    restore = conflict.kind == "deleted" and conflict.field != "deleted_at" and \
        take != "office" and session.scalar(select(table.c.deleted_at).where(
            table.c.id == conflict.row_id)) is not None
    if restore:     # the edit made elsewhere is wanted: the record comes back with it
        session.execute(update(table).where(table.c.id == conflict.row_id)
                        .values({conflict.field: typed, "deleted_at": None}))
    elif plain(current) != plain(typed):
        session.execute(update(table).where(table.c.id == conflict.row_id)
                        .values({conflict.field: typed}))
    else:     # the office keeps its value: said as a change of its own, so that it travels
        context = journal.current()
        if context is None:
            raise journal.OutsideTheGate("a conflict resolved outside a write of the gate")
        context.add(conflict.table_name, "update", row_id=conflict.row_id,
                    customer_id=conflict.customer_id,
                    changes={conflict.field: [plain(conflict.incoming),
                                              plain(typed)]}, separate=True)
    conflict.status = "resolved"
    conflict.resolution = {"take": take, "value": plain(typed), "restored": restore}
    conflict.resolved_by = journal.person()
    conflict.resolved_at = utcnow()
    session.flush()
    return typed
