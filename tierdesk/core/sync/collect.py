"""What an archive sends a peer: every row changed since the peer last acknowledged, read
from the journal (changes that came from that peer are not sent back), with the whole row as
it is now and, for each field changed, the value it had before. To a laptop the office also
sends whole the customers handed to its salesperson since (with everything they hold), and
the list of the customers the laptop holds from now on (so those handed away leave it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.office.numbering import numbers_left
from tierdesk.core.store.journal import plain
from tierdesk.core.store.models import JournalEntry, Setting, SyncConflict, SyncPeer
from tierdesk.core.sync import tables
from tierdesk.core.sync.bundle import Bundle, RowChange
from tierdesk.core.sync.site import SITE_SETTING, Site, newest_stamp, territory_ids

CHUNK = 500


def collect(session: Session, site: Site, peer: SyncPeer, schema: str) -> Bundle:
    """The bundle of this archive's changes for ``peer``."""
    to_laptop = peer.role == "laptop"
    names = tables.TRAVELLING if to_laptop else tables.CUSTOMER_TABLES
    until = newest_stamp(session)
    bundle = Bundle(site.id, site.name, site.role, peer.site, schema, peer.acked_up_to, until,
                    peer.received_up_to)
    changed: dict[tuple[str, str], RowChange] = {}
    stamps: dict[tuple[str, str], set[str]] = {}     # the stamps of each row's changes sent
    entries = session.scalars(
        select(JournalEntry).where(JournalEntry.hlc > peer.acked_up_to,
                                   JournalEntry.origin != peer.site,
                                   JournalEntry.table_name.in_(names))
        .order_by(JournalEntry.hlc))
    for entry in entries:
        if entry.action == "bulk":
            for row_id in _stamped(session, entry.table_name, entry.hlc):
                _note(changed, entry, row_id, entry.changes)
        elif entry.row_id is not None:
            _note(changed, entry, entry.row_id.hex, entry.changes)
            stamps.setdefault((entry.table_name, entry.row_id.hex), set()).add(entry.hlc)
    territory = territory_ids(session, peer.salesperson_id) if to_laptop else None
    if territory is not None:
        _arrivals(session, changed, territory)
    by_table: dict[str, list[RowChange]] = {}
    for change in changed.values():
        by_table.setdefault(change.table, []).append(change)
    for name in names:
        for change, values in _with_values(session, name, by_table.get(name, [])):
            column = tables.customer_column(name)
            owner = values.get(column) if column else None
            if territory is not None and column is not None and owner not in territory:
                continue
            change.values, change.customer_id = values, owner
            if change.inserted or change.fields:
                bundle.changes.append(change)
    _with_history(session, bundle.changes, stamps)
    if territory is not None:
        bundle.territory = sorted(territory)
        bundle.numbers = (peer.numbers[0], peer.numbers[1]) if peer.numbers else None
        bundle.settings = {row.key: row.value for row in session.scalars(select(Setting))
                           if row.key != SITE_SETTING}
    else:
        bundle.numbers_left = numbers_left(session)
        bundle.blocks = [list(block) for block in site.numbers or ()]
        bundle.conflicts = [_conflict_out(row) for row in session.scalars(
            select(SyncConflict).where(SyncConflict.status == "to_send"))]
    return bundle


def _note(changed: dict[tuple[str, str], RowChange], entry: JournalEntry, row_id: str,
          said: Any) -> None:
    key = (entry.table_name, row_id)
    change = changed.get(key)
    if change is None:
        change = changed[key] = RowChange(entry.table_name, row_id, None, {}, {}, False,
                                          entry.hlc)
    skip = tables.STAMPS | tables.DERIVED.get(entry.table_name, set()) | {"id"}
    if entry.action == "insert" or (entry.action == "bulk" and said.get("inserted")):
        change.inserted = True
    elif isinstance(said, dict):
        given = said.get("set", said) if entry.action == "bulk" else said
        for name, value in given.items():
            if name in skip or name in change.fields:
                continue
            before = value[0] if entry.action == "update" and isinstance(value, list) else None
            change.fields[name] = before
    change.hlc, change.person, change.machine = entry.hlc, entry.person, entry.machine
    change.origin = entry.origin


def _arrivals(session: Session, changed: dict[tuple[str, str], RowChange],
              territory: set[str]) -> None:
    """The customers of ``territory`` whose salesperson changed in the changes collected
    (handed to the laptop's salesperson): every row they hold goes, whole, as new to the
    laptop, stamped as the hand-over."""
    handed = {key[1]: change for key, change in changed.items()
              if key[0] == "customer" and "salesperson_id" in change.fields
              and key[1] in territory}
    if not handed:
        return
    ids = [uuid.UUID(row_id) for row_id in handed]
    for name in tables.CUSTOMER_TABLES:
        table = tables.table(name)
        column = table.c[tables.customer_column(name) or "customer_id"]
        for start in range(0, len(ids), CHUNK):
            for row_id, owner in session.execute(select(table.c.id, column).where(
                    column.in_(ids[start:start + CHUNK]))):
                given = handed[owner.hex]
                change = changed.get((name, row_id.hex))
                if change is None:
                    change = changed[(name, row_id.hex)] = RowChange(
                        name, row_id.hex, None, {}, {}, True, given.hlc, given.person,
                        given.machine, given.origin)
                change.inserted = True


def _with_history(session: Session, changes: list[RowChange],
                  stamps: dict[tuple[str, str], set[str]]) -> None:
    """Each row's own history rows written by the changes sent (same stamp)."""
    for name, (history, column) in tables.HISTORY.items():
        wanted = {c.row_id: c for c in changes
                  if c.table == name and stamps.get((name, c.row_id))}
        table = tables.table(history)
        ids = [uuid.UUID(row_id) for row_id in wanted]
        for start in range(0, len(ids), CHUNK):
            for row in session.execute(select(table).where(
                    table.c[column].in_(ids[start:start + CHUNK]))).mappings():
                change = wanted[row[column].hex]
                if row["hlc"] in stamps[(name, change.row_id)]:
                    change.history.append({key: plain(value) for key, value in row.items()
                                           if key != "hlc"})


def _stamped(session: Session, name: str, stamp: str) -> list[str]:
    """The rows of ``name`` still carrying the stamp of a bulk write."""
    table = tables.table(name)
    return [row_id.hex for row_id in session.scalars(
        select(table.c.id).where(table.c.hlc == stamp))]


def _with_values(session: Session, name: str, changes: list[RowChange]
                 ) -> Iterable[tuple[RowChange, dict[str, Any]]]:
    table = tables.table(name)
    columns = [c for c in table.columns if c.name not in ("hlc",)]
    for start in range(0, len(changes), CHUNK):
        part = changes[start:start + CHUNK]
        ids = [uuid.UUID(change.row_id) for change in part]
        found = {row.id.hex: {c.name: plain(getattr(row, c.name)) for c in columns}
                 for row in session.execute(select(*columns).where(table.c.id.in_(ids)))}
        for change in part:
            if change.row_id in found:
                yield change, found[change.row_id]


def _conflict_out(row: SyncConflict) -> dict[str, Any]:
    return {"id": row.id.hex, "table_name": row.table_name, "row_id": row.row_id.hex,
            "customer_id": row.customer_id.hex if row.customer_id else None,
            "field": row.field, "kind": row.kind, "base": row.base, "local": row.local,
            "incoming": row.incoming, "local_by": row.local_by,
            "local_machine": row.local_machine, "local_hlc": row.local_hlc,
            "incoming_by": row.incoming_by, "incoming_machine": row.incoming_machine,
            "incoming_hlc": row.incoming_hlc}
