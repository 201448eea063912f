"""The write gate's journal: who changed what, on which machine, and when.

Every write transaction (``Database.write``) carries a WriteContext: the person and machine
(an Actor), where the write comes from (the window, the command line, an import of a named
file), and one hybrid logical clock stamp. Within it:
- rows the session inserts, changes or deletes are stamped (``hlc``) and journalled one entry
  per row, with the fields' old and new values;
- statements over many rows (an UPDATE with a WHERE, an INSERT of a list of rows, the bulk
  helpers of core.store.raw) stamp every row they write, and are journalled compactly: a row each
  while they touch a few rows, one bulk entry (table, count, the values set) beyond that;
- the entries are written in the same transaction, just before it commits.

The stamp is wall-clock milliseconds and a counter (18 digits, sortable as text); it never
goes back on this machine, even when the clock does, because it starts above the last stamp
the database holds. The journal is what field deployment sends and receives (../SYNC.md).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import decimal
import os
import platform
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, Update, event, func, insert, inspect, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from tierdesk.core.store import balances
from tierdesk.core.store.balances import FED_BY
from tierdesk.core.store.ids import new_id
from tierdesk.core.store.models import JournalEntry, Synced, utcnow

PERSON_ENV = "TIERDESK_USER"
# A statement touching more rows than this is journalled as one bulk entry.
ROWS_ONE_BY_ONE = 50
# Tables that are themselves history: what they hold is said by the entry of the change.
_NOT_JOURNALLED = {"journal", "customer_change", "visit_change"}


class OutsideTheGate(RuntimeError):
    """A write tried outside the gate: every write runs inside ``Database.write()``, which
    stamps and journals it. A fault in the program, never a person's mistake."""


@dataclass(frozen=True)
class Actor:
    """Who writes, and on which machine (until logins exist, the person chosen at the
    machine, ``--as`` or TIERDESK_USER)."""

    person: str
    machine: str


def this_machine() -> str:
    return platform.node() or os.environ.get("COMPUTERNAME", "") or "?"


def default_actor() -> Actor:
    from tierdesk.core.office.person import current_person

    return Actor(os.environ.get(PERSON_ENV, "").strip() or current_person(), this_machine())


class HybridClock:
    """Stamps that only go forward: the wall clock's millisecond, or the last one's with the
    counter raised when the clock has not moved on (or went back)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wall = 0
        self._counter = 0

    def seen(self, stamp: str | None) -> None:
        """Never stamp at or below ``stamp`` (the last one stored, or a peer's)."""
        if not stamp:
            return
        wall, counter = int(stamp[:13]), int(stamp[13:18] or 0)
        with self._lock:
            if (wall, counter) > (self._wall, self._counter):
                self._wall, self._counter = wall, counter

    def stamp(self) -> str:
        now = time.time_ns() // 1_000_000
        with self._lock:
            if now > self._wall:
                self._wall, self._counter = now, 0
            else:
                self._counter += 1
            return f"{self._wall:013d}{self._counter:05d}"


@dataclass
class WriteContext:
    actor: Actor
    source: str
    hlc: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    # The entries of rows inserted by this write: a later change of such a row within the
    # same write is part of its insertion, not a change of its own.
    inserted: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    updated: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    # Customers whose orders or payments this write touched (core.store.balances), or all of them.
    fed: set[uuid.UUID] = field(default_factory=set)
    fed_all: bool = False
    # Where the changes being written were made (a site id), when they came from another
    # archive; empty: made here.
    origin: str = ""

    def feeds(self, table: str, customer_id: Any = None, *, every: bool = False) -> None:
        """Note a row of ``table`` written for a customer (every: rows not known one by
        one), where the table feeds the customers' balances."""
        if table not in FED_BY:
            return
        if every or customer_id is None:
            self.fed_all = self.fed_all or every
            return
        found = _as_id(customer_id)
        if found is not None:
            self.fed.add(found)

    def add(self, table: str, action: str, *, row_id: uuid.UUID | None = None,
            customer_id: uuid.UUID | None = None, changes: dict[str, Any] | None = None,
            rows: int = 1, separate: bool = False) -> None:
        """One entry; an update of a row this write made or changed already joins that
        row's entry, unless ``separate`` (a change that must be seen as one of its own)."""
        if action == "update" and row_id in self.inserted and not separate:
            made = self.inserted[row_id]["changes"]
            made.update({name: new for name, (_old, new) in (changes or {}).items()})
            return
        if action == "update" and row_id in self.updated and not separate:  # flushed twice
            merged = self.updated[row_id]["changes"]
            for name, (old, new) in (changes or {}).items():
                merged[name] = [merged[name][0] if name in merged else old, new]
                if merged[name][0] == new:
                    del merged[name]
            return
        if action == "insert" and row_id is not None:
            self.inserted[row_id] = {"changes": changes if changes is not None else {}}
            changes = self.inserted[row_id]["changes"]
        if action == "update" and row_id is not None and not separate:
            self.updated[row_id] = {"changes": changes if changes is not None else {}}
            changes = self.updated[row_id]["changes"]
        self.entries.append({
            "id": new_id(), "hlc": self.hlc, "machine": self.actor.machine[:100],
            "person": self.actor.person[:100], "source": self.source[:300],
            "origin": self.origin,
            "table_name": table, "action": action, "row_id": row_id,
            "customer_id": customer_id, "rows": rows,
            "changes": changes if changes is not None else {}})


    @contextlib.contextmanager
    def on_behalf(self, actor: Actor, origin: str) -> Iterator[None]:
        """The changes written (and flushed) within are journalled as made by ``actor`` on
        the archive ``origin``: changes brought in from another archive."""
        kept = self.actor, self.origin
        self.actor, self.origin = actor, origin
        try:
            yield
        finally:
            self.actor, self.origin = kept


_current: contextvars.ContextVar[WriteContext | None] = contextvars.ContextVar(
    "tierdesk_write", default=None)


def current() -> WriteContext | None:
    """The write under way in this thread, if any (the bulk helpers stamp and journal
    through it)."""
    return _current.get()


def person() -> str:
    """Who is writing: the person of the write under way, else the one at this machine."""
    context = _current.get()
    return context.actor.person if context is not None else default_actor().person


def begin(context: WriteContext) -> contextvars.Token[WriteContext | None]:
    return _current.set(context)


def end(token: contextvars.Token[WriteContext | None]) -> None:
    _current.reset(token)


def write_entries(session: Session, context: WriteContext) -> None:
    """Flush what is pending, then store the transaction's entries (before its commit);
    nothing where the block rolled the transaction back itself (a strict import refused)."""
    if not session.in_transaction():
        context.entries.clear()
        return
    session.flush()
    if context.fed or context.fed_all:
        balances.recompute(session, None if context.fed_all else context.fed)
        context.fed.clear()
        context.fed_all = False
    kept = [e for e in context.entries if e["action"] != "update" or e["changes"]]
    if kept:
        session.execute(insert(cast(Table, JournalEntry.__table__)), kept)
    context.entries.clear()
    context.inserted.clear()
    context.updated.clear()


def last_stamp(session: Session) -> str | None:
    return session.scalar(select(func.max(JournalEntry.hlc)))


# -- the session's side of the gate -------------------------------------------------------------
def install(factory: sessionmaker[Session]) -> None:
    """Journal what the sessions of ``factory`` (the write sessions) flush and execute."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _on_execute)


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    context = _current.get()
    if context is None:
        if session.new or session.dirty or session.deleted:
            raise OutsideTheGate("rows changed outside a write of the gate (Database.write)")
        return
    now = utcnow()
    for row in session.new:
        if not isinstance(row, Synced):
            continue
        if row.id is None:
            row.id = new_id()
        row.hlc = context.hlc
        context.feeds(row.__tablename__, getattr(row, "customer_id", None))
        if _skipped(row):      # a history row: stamped, said by the entry of its change
            continue
        values = {attr.key: plain(getattr(row, attr.key))
                  for attr in inspect(row).mapper.column_attrs
                  if attr.key != "hlc" and getattr(row, attr.key) is not None}
        context.add(row.__tablename__, "insert", row_id=row.id, customer_id=_customer_of(row),
                    changes=values)
    for row in session.dirty:
        if not isinstance(row, Synced) or _skipped(row) or not session.is_modified(row):
            continue
        changes = {}
        state = inspect(row)
        for attr in state.mapper.column_attrs:
            if attr.key in ("hlc", "updated_at"):
                continue
            history = state.attrs[attr.key].history
            if not history.added and not history.deleted:
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [plain(old), plain(new)]
        if not changes:
            continue
        context.feeds(row.__tablename__, getattr(row, "customer_id", None))
        if "customer_id" in changes:          # moved to another customer: both totals
            context.feeds(row.__tablename__, changes["customer_id"][0])
        row.hlc = context.hlc
        row.updated_at = now
        context.add(row.__tablename__, "update", row_id=row.id, customer_id=_customer_of(row),
                    changes=changes)
    for row in session.deleted:
        if not isinstance(row, Synced):
            continue
        context.feeds(row.__tablename__, getattr(row, "customer_id", None))
        if not _skipped(row):
            context.add(row.__tablename__, "delete", row_id=row.id,
                        customer_id=_customer_of(row))


def _on_execute(state: ORMExecuteState) -> Any:
    context = _current.get()
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    if context is None:
        raise OutsideTheGate("a statement that writes, run outside a write of the gate "
                             "(Database.write)")
    table = getattr(state.statement, "table", None)
    if table is None or table.name in _NOT_JOURNALLED or "hlc" not in table.c:
        return None
    if state.is_insert:
        return _bulk_insert(state, context, table)
    if state.is_update:
        context.feeds(table.name, every=True)
        return _bulk_update(state, context, table)
    context.feeds(table.name, every=True)
    # A DELETE's result is a CursorResult (it has the count of rows deleted).
    result = cast(CursorResult[Any], state.invoke_statement())
    context.add(table.name, "bulk", rows=max(result.rowcount, 0), changes={"deleted": True})
    return result


def _bulk_insert(state: ORMExecuteState, context: WriteContext, table: Any) -> Any:
    given = state.parameters
    # A list of rows, or the values of one.
    rows = given if isinstance(given, list) else \
        [cast(Mapping[str, Any], given)] if given else []
    if not rows:
        return None
    stamped = [{**row, "hlc": context.hlc} for row in rows]
    for row in stamped:
        context.feeds(table.name, row.get("customer_id"))
    result = state.invoke_statement(params=stamped if isinstance(given, list) else stamped[0])
    if len(stamped) <= ROWS_ONE_BY_ONE:
        for row in stamped:
            context.add(table.name, "insert", row_id=row.get("id"),
                        customer_id=row.get("customer_id") if table.name != "customer"
                        else row.get("id"),
                        changes={k: plain(v) for k, v in row.items()
                                 if k != "hlc" and v is not None})
    else:
        context.add(table.name, "bulk", rows=len(stamped), changes={"inserted": True})
    return result


def _bulk_update(state: ORMExecuteState, context: WriteContext, table: Any) -> Any:
    statement = cast(Update, state.statement)   # state.is_update
    values = {_column_name(column): value for column, value in
              getattr(statement, "_values", {}).items()}
    values.pop("hlc", None)
    shown = {name: plain(getattr(value, "value", value)) if _is_value(value) else str(value)
             for name, value in values.items() if name != "updated_at"}
    before: list[Any] = []
    where = statement.whereclause
    if where is not None:
        columns = [table.c.id] + ([table.c.customer_id] if "customer_id" in table.c else []) \
            + [table.c[name] for name in shown if name in table.c]
        before = list(state.session.execute(select(*columns).where(where)
                                            .limit(ROWS_ONE_BY_ONE + 1)))
    stamp: dict[str, Any] = {"hlc": context.hlc}
    if "updated_at" in table.c and "updated_at" not in values:
        stamp["updated_at"] = utcnow()
    # An UPDATE's result is a CursorResult (it has the count of rows updated).
    result = cast(CursorResult[Any], state.invoke_statement(statement=statement.values(stamp)))
    if where is not None and len(before) <= ROWS_ONE_BY_ONE:
        has_customer = "customer_id" in table.c
        for row in before:
            old = dict(zip([c.name for c in columns], row, strict=True))
            changes = {name: [plain(old.get(name)), new] for name, new in shown.items()
                       if plain(old.get(name)) != new}
            if changes:
                customer = row.id if table.name == "customer" else \
                    old.get("customer_id") if has_customer else None
                context.add(table.name, "update", row_id=row.id, customer_id=customer,
                            changes=changes)
    else:
        context.add(table.name, "bulk", rows=max(result.rowcount, 0), changes={"set": shown})
    return result


def bulk_inserted(table: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                  same: Mapping[str, Any]) -> str | None:
    """For the bulk helpers (core.store.raw): ``rows`` (values in the order of ``columns``, ids as
    hex) are being inserted into ``table`` in the current write, each also given ``same``.
    A few are journalled a row each, more as one bulk entry. Returns the stamp the rows must
    carry (None for a table that carries none); outside a write: OutsideTheGate."""
    context = _current.get()
    if context is None:
        raise OutsideTheGate(f"rows of {table.name} written outside a write of the gate")
    if table.name in _NOT_JOURNALLED or "hlc" not in table.c or not rows:
        return None
    if table.name in FED_BY:
        owner = columns.index("customer_id") if "customer_id" in columns else None
        if owner is None:
            context.feeds(table.name, every=True)
        for customer in {row[owner] for row in rows} if owner is not None else ():
            context.feeds(table.name, customer)
    if len(rows) > ROWS_ONE_BY_ONE:
        context.add(table.name, "bulk", rows=len(rows), changes={"inserted": True})
        return context.hlc
    for row in rows:
        values = {**same, **dict(zip(columns, row, strict=True))}
        row_id = _as_id(values.get("id"))
        customer_id = row_id if table.name == "customer" else _as_id(values.get("customer_id"))
        context.add(table.name, "insert", row_id=row_id, customer_id=customer_id,
                    changes={k: plain(v) for k, v in values.items()
                             if v is not None and v != "" and k != "hlc"})
    return context.hlc


def bulk_updated(connection: Any, table: Any, columns: tuple[str, ...],
                 rows: list[tuple[Any, ...]]) -> str | None:
    """For the bulk helpers (core.store.raw): ``columns`` of the rows given as (id as hex, *values)
    are being set; journalled as bulk_inserted() journals. Returns the stamp to set."""
    context = _current.get()
    if context is None:
        raise OutsideTheGate(f"rows of {table.name} written outside a write of the gate")
    if table.name in _NOT_JOURNALLED or "hlc" not in table.c or not rows:
        return None
    context.feeds(table.name, every=True)
    if len(rows) > ROWS_ONE_BY_ONE:
        context.add(table.name, "bulk", rows=len(rows),
                    changes={"set": {name: None for name in columns}})
        return context.hlc
    owned = "customer_id" in table.c
    read = [table.c.id, *(table.c[name] for name in columns)] + \
        ([table.c.customer_id] if owned else [])
    before = {row[0]: row for row in connection.execute(
        select(*read).where(table.c.id.in_([_as_id(r[0]) for r in rows])))}
    for given in rows:
        row_id = _as_id(given[0])
        old = before.get(row_id)
        if old is None:
            continue
        changes = {name: [plain(old[i + 1]), plain(new)]
                   for i, (name, new) in enumerate(zip(columns, given[1:], strict=True))
                   if plain(old[i + 1]) != plain(new)}
        if changes:
            owner = row_id if table.name == "customer" else old[-1] if owned else None
            context.add(table.name, "update", row_id=row_id, customer_id=owner,
                        changes=changes)
    return context.hlc


def _as_id(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(hex=str(value))


def _skipped(row: Any) -> bool:
    return row.__tablename__ in _NOT_JOURNALLED


def _customer_of(row: Any) -> uuid.UUID | None:
    if row.__tablename__ == "customer":
        return row.id  # type: ignore[no-any-return]
    return getattr(row, "customer_id", None)


def _column_name(column: Any) -> str:
    return str(getattr(column, "key", None) or getattr(column, "name", None) or column)


def _is_value(value: Any) -> bool:
    from sqlalchemy.sql.elements import BindParameter

    return isinstance(value, BindParameter) or (not hasattr(value, "__clause_element__") \
        and not hasattr(value, "_compiler_dispatch"))


def plain(value: Any) -> Any:
    """A value as JSON holds it (as the journal keeps old and new values)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return str(value)
