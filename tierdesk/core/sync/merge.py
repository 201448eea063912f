"""Applying a peer's bundle, inside one write of the gate, field by field:

- a row this archive does not have is inserted (a visit is a fact: inserted once by its id);
- a field changed on the sending side only takes the new value; the same value on both sides
  is no conflict;
- a field changed here too since the sender last heard from this archive keeps this
  archive's value and raises a conflict (on the office: the manager's queue; on a laptop: one
  the laptop sends to the office);
- an edit never revives a deleted row, and a delete against an edit is a conflict;
- what the sender already sent before is skipped, so the same bundle twice changes nothing.
Each change is journalled as made by its author, on the archive where it was made."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from tierdesk.core.customers import card_order, cards, trash
from tierdesk.core.customers.holdings import remove_holdings
from tierdesk.core.customers.master_file import SEARCHED, refresh_search_key
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.numbering import NUMBER_BLOCK, Block, next_number, set_aside
from tierdesk.core.office.settings import load_settings, store_setting
from tierdesk.core.store import balances, journal
from tierdesk.core.store.journal import plain
from tierdesk.core.store.models import (
    Customer,
    JournalEntry,
    SyncConflict,
    SyncPeer,
    utcnow,
)
from tierdesk.core.sync import tables
from tierdesk.core.sync.bundle import Bundle, RowChange
from tierdesk.core.sync.site import (
    SITE_SETTING,
    Site,
    keep_site,
    peer,
    refused,
    territory_ids,
)

CHUNK = 500      # ids asked for in one statement


@dataclass
class Applied:
    """What a bundle brought: rows inserted and changed per table, conflicts raised, numbers
    given anew (a laptop's new customer whose number the office had given already)."""

    source_name: str = ""
    already: bool = False
    inserted: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    renumbered: list[tuple[str, str]] = field(default_factory=list)
    left: int = 0                  # customers handed away, gone from this laptop


def apply_bundle(session: Session, site: Site, bundle: Bundle, schema: str) -> Applied:
    """Apply ``bundle`` inside the caller's write (Database.write)."""
    context = journal.current()
    if context is None:
        raise journal.OutsideTheGate("a bundle applied outside a write of the gate")
    if bundle.schema != schema:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "The transfer file was written by a TierDesk with schema {theirs}; this "
                    "archive has schema {ours}. Update both to the same version first."),
            theirs=bundle.schema, ours=schema)
    if bundle.target != site.id:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "The transfer file is for another archive; nothing was applied."))
    sender = peer(session, bundle.source)
    outcome = Applied(sender.name or bundle.source_name)
    fresh = [c for c in bundle.changes if c.hlc > sender.received_up_to]
    # What still comes for a customer purged here is dropped: past the trash a delete is
    # final, and the customer does not come back (core.customers.trash).
    gone = trash.purged(session, [c.customer_id for c in fresh]
                        + [c["customer_id"] for c in bundle.conflicts])
    if gone:
        fresh = [c for c in fresh if c.customer_id not in gone]
        bundle = replace(bundle, conflicts=[c for c in bundle.conflicts
                                            if c["customer_id"] not in gone])
    # table -> customers whose rows it brought; "searched": customers whose search keys are
    # to be made again
    touched: dict[str, set[uuid.UUID]] = {}
    if fresh or bundle.until > sender.received_up_to:
        _apply_changes(session, site, sender, bundle, fresh, outcome, touched)
    else:
        outcome.already = True
    newest = bundle.until >= sender.received_up_to     # an older file read late knows less
    if site.is_laptop:
        # What the office acknowledges: the conflicts it has, the customers it took away;
        # what it gives: its settings, customer numbers.
        if newest:
            _take_office_settings(session, site, bundle)
        if bundle.territory is not None and newest:
            with context.on_behalf(context.actor, bundle.source):
                outcome.left = _release(session, set(bundle.territory), bundle.ack)
        for row in session.scalars(select(SyncConflict).where(
                SyncConflict.status == "to_send", SyncConflict.local_hlc <= bundle.ack)):
            row.status = "sent"
    elif sender.role == "laptop":
        _more_numbers(session, sender, bundle)
    outcome.already = outcome.already and not outcome.left
    _derive(session, touched)
    _check_counts(session, fresh)
    sender.received_up_to = max(sender.received_up_to, bundle.until)
    sender.acked_up_to = max(sender.acked_up_to, bundle.ack)
    sender.last_exchange_at = utcnow()
    return outcome


def _apply_changes(session: Session, site: Site, sender: SyncPeer, bundle: Bundle,
                   fresh: list[RowChange], outcome: Applied,
                   touched: dict[str, set[uuid.UUID]]) -> None:
    context = journal.current()
    assert context is not None
    if sender.role == "laptop":
        _check_territory(session, sender.salesperson_id, fresh, sender.name)
    held = {(c["table_name"], c["row_id"], c["field"]) for c in bundle.conflicts}
    ordered = sorted(fresh, key=lambda c: (tables.ORDER[c.table], c.hlc))
    for name, group in itertools.groupby(ordered, key=lambda c: c.table):
        rows = list(group)
        current = _current_rows(session, name, rows)
        new = []
        for change in rows:
            found = current.get(change.row_id)
            if found is None:
                new.append(change)
                continue
            author = journal.Actor(change.person, change.machine)
            with context.on_behalf(author, change.origin or bundle.source):
                updated = _merge_row(session, site, sender.site, bundle.ack, change, found,
                                     held, outcome)
            if name == "customer" and updated & SEARCHED:
                touched.setdefault("searched", set()).add(uuid.UUID(change.row_id))
        renumbered = _insert_rows(session, name, new, bundle.source, outcome)
        _insert_history(session, name, rows)
        if name == "visit":             # cards whose entries are to be numbered again
            touched.setdefault("filled", set()).update(
                uuid.UUID(str(change.values["card_id"])) for change in new)
        for change in rows:
            if change.customer_id:
                touched.setdefault(name, set()).add(uuid.UUID(change.customer_id))
        if name == "customer":
            # New customers come with the search keys their archive made; those given
            # another number here need new ones.
            touched.setdefault("searched", set()).update(renumbered)
    for raised in bundle.conflicts:
        _ingest(session, sender.site, raised, outcome)


def _check_territory(session: Session, salesperson_id: uuid.UUID | None,
                     changes: list[RowChange], name: str) -> None:
    """A laptop sends changes for its own salesperson's customers only (and for those
    handed away from them, whose work done before the laptop heard of it comes in first)."""
    mine = territory_ids(session, salesperson_id)
    mine |= {c.row_id for c in changes if c.table == "customer" and c.inserted
             and session.get(Customer, uuid.UUID(c.row_id)) is None}
    mine |= _handed_away(session, salesperson_id,
                         {c.customer_id for c in changes if c.customer_id} - mine)
    for change in changes:
        if change.table not in tables.CUSTOMER_TABLES or (
                change.customer_id is not None and change.customer_id not in mine):
            raise refused(QT_TRANSLATE_NOOP(
                "Sync", "The transfer file holds changes outside the territory of {name} "
                        "({table}); nothing was applied."), name=name, table=change.table)


def _handed_away(session: Session, salesperson_id: uuid.UUID | None,
                 customer_ids: set[str]) -> set[str]:
    """Those of ``customer_ids`` the history shows handed away from ``salesperson_id``."""
    if salesperson_id is None or not customer_ids:
        return set()
    found: set[str] = set()
    ids = [uuid.UUID(c) for c in customer_ids]
    for start in range(0, len(ids), 500):
        for row_id, said in session.execute(
                select(JournalEntry.row_id, JournalEntry.changes).where(
                    JournalEntry.table_name == "customer", JournalEntry.action == "update",
                    JournalEntry.row_id.in_(ids[start:start + 500]))):
            moved = said.get("salesperson_id") if isinstance(said, dict) else None
            if isinstance(moved, list) and moved and moved[0] == salesperson_id.hex:
                assert row_id is not None   # the IN above leaves out entries without a row
                found.add(row_id.hex)
    return found


def _release(session: Session, territory: set[str], ack: str) -> int:
    """Customers no longer of this laptop's territory leave it, with everything they hold,
    once the office has what was done to them here (else they stay until it has).
    Returns how many left."""
    held = {row_id.hex for row_id in session.scalars(select(Customer.id))}
    leaving = []
    for customer in sorted(held - territory):
        customer_id = uuid.UUID(customer)
        unsent = session.scalar(select(JournalEntry.id).where(
            JournalEntry.customer_id == customer_id, JournalEntry.origin == "",
            JournalEntry.hlc > ack).limit(1))
        if unsent is None:
            leaving.append(customer_id)
    remove_holdings(session.execute, leaving, with_customer=True)
    return len(leaving)


def _current_rows(session: Session, name: str, changes: list[RowChange]
                  ) -> dict[str, Any]:
    """The rows of ``name`` this archive has among those ``changes`` bring, by id (hex)."""
    table = tables.table(name)
    ids = [uuid.UUID(change.row_id) for change in changes]
    found: dict[str, Any] = {}
    for start in range(0, len(ids), CHUNK):
        for row in session.execute(select(table).where(
                table.c.id.in_(ids[start:start + CHUNK]))).mappings():
            found[row["id"].hex] = row
    return found


def _merge_row(session: Session, site: Site, source: str, ack: str, change: RowChange,
               current: Any, held: set[tuple[str, str, str]], outcome: Applied) -> set[str]:
    """A row both sides have: each field changed by the sender is taken or, changed here
    too, kept and put in the queue. Returns the fields taken."""
    table = tables.table(change.table)
    row_id = uuid.UUID(change.row_id)
    deleted_here = current["deleted_at"] is not None
    updates: dict[str, Any] = {}
    merged = set(tables.merged_fields(change.table))
    for name, before in change.fields.items():
        if name not in merged:
            continue
        mine, theirs = plain(current[name]), change.values.get(name)
        if mine == theirs:
            continue
        if name in _EARLIER_OF_BOTH and mine is not None and theirs is not None:
            # Closed (or deleted) on both sides: one intent, no conflict; the earlier stays.
            if str(theirs) < str(mine):
                updates[name] = tables.typed(change.table, name, theirs)
            continue
        if name == "deleted_at" and change.table == "customer" and trash.past_the_trash(theirs):
            updates[name] = tables.typed(change.table, name, theirs)   # purged: final
            continue
        kept = _local_change(session, change.table, row_id, name, ack, source,
                             current.get("hlc"))
        if (change.table, change.row_id, name) in held:
            kept = kept or _Local("", "", "")
        if kept is None and deleted_here and name != "deleted_at":
            kept = _local_change(session, change.table, row_id, "deleted_at", ack, source,
                                 current.get("hlc")) or _Local("", "", "")
        if kept is None and name == "deleted_at" and theirs is not None:
            kept = _local_change(session, change.table, row_id, None, ack, source,
                                 current.get("hlc"))
        if kept is None:
            updates[name] = tables.typed(change.table, name, theirs)
            continue
        kind = "deleted" if name == "deleted_at" or deleted_here else "field"
        _raise_conflict(session, site, source, change, name, kind, before, mine, kept)
        outcome.conflicts += 1
    if updates:
        session.execute(update(table).where(table.c.id == row_id).values(**updates))
        outcome.changed[change.table] = outcome.changed.get(change.table, 0) + 1
    return set(updates)


# Fields set on both sides to different values that mean the same: the earlier is kept.
_EARLIER_OF_BOTH = {"closed_on", "deleted_at"}


@dataclass(frozen=True)
class _Local:
    person: str
    machine: str
    hlc: str


def _local_change(session: Session, name: str, row_id: uuid.UUID, column: str | None,
                  ack: str, source: str, row_stamp: str | None) -> _Local | None:
    """The newest change of ``column`` (None: of any field) of the row made here, or brought
    from another archive than ``source``, since the source last heard from this archive."""
    entries = session.scalars(
        select(JournalEntry).where(JournalEntry.row_id == row_id, JournalEntry.hlc > ack,
                                   JournalEntry.origin != source,
                                   JournalEntry.table_name == name)
        .order_by(JournalEntry.hlc.desc()))
    derived = tables.STAMPS | tables.DERIVED.get(name, set())
    for entry in entries:
        said = entry.changes if isinstance(entry.changes, dict) else {}
        if entry.action == "update" and (set(said) - derived if column is None
                                         else column in said):
            return _Local(entry.person, entry.machine, entry.hlc)
    if row_stamp and row_stamp > ack:     # written in bulk since: which fields, said at large
        bulk = session.scalar(select(JournalEntry).where(
            JournalEntry.hlc == row_stamp, JournalEntry.action == "bulk",
            JournalEntry.table_name == name, JournalEntry.origin != source))
        said = bulk.changes.get("set", {}) if bulk is not None and isinstance(
            bulk.changes, dict) else {}
        if bulk is not None and (set(said) - derived if column is None else column in said):
            return _Local(bulk.person, bulk.machine, bulk.hlc)
    return None


def _insert_rows(session: Session, name: str, changes: list[RowChange], source: str,
                 outcome: Applied) -> set[uuid.UUID]:
    """Rows this archive does not have, inserted as they came (a few statements, each row
    journalled as made by its author). A number this office gave already is given anew;
    a card or an entry whose place both sides filled comes after the other. Returns the
    customers given another number."""
    if not changes:
        return set()
    table = tables.table(name)
    rows = [{column: tables.typed(name, column, value)
             for column, value in change.values.items() if column in table.c}
            for change in changes]
    renumbered: list[tuple[uuid.UUID, str, str]] = []
    if name == "customer":
        renumbered = _fresh_numbers(session, rows)
    elif name == "visit_card":
        _after_the_others(session, table, rows, "customer_id", "seq")
    elif name == "visit":
        _after_the_others(session, table, rows, "card_id", "slot")
    context = journal.current()
    assert context is not None
    batch: list[dict[str, Any]] = []
    for index, (change, values) in enumerate(zip(changes, rows, strict=True)):
        batch.append(values)
        following = changes[index + 1] if index + 1 < len(changes) else None
        if following is None or len(batch) >= journal.ROWS_ONE_BY_ONE or (
                following.person, following.machine, following.origin,
                following.values.keys()) != (change.person, change.machine, change.origin,
                                             change.values.keys()):
            with context.on_behalf(journal.Actor(change.person, change.machine),
                                   change.origin or source):
                _write_rows(session, table, batch)
            batch = []
    outcome.inserted[name] = outcome.inserted.get(name, 0) + len(rows)
    for row_id, given, number in renumbered:
        # The office's own change, said in the history and sent back to the laptop.
        with context.on_behalf(context.actor, ""):
            context.add("customer", "update", row_id=row_id, customer_id=row_id,
                        changes={"number": [given, number]}, separate=True)
        outcome.renumbered.append((given, number))
    return {row_id for row_id, _given, _number in renumbered}


def _insert_history(session: Session, name: str, changes: list[RowChange]) -> None:
    """The rows' own history rows that came with them, once each, stamped as this apply (as
    the journal entries it writes are, which the history is read beside)."""
    if name not in tables.HISTORY:
        return
    history = tables.HISTORY[name][0]
    table = tables.table(history)
    came = {row["id"]: row for change in changes for row in change.history}
    if not came:
        return
    ids = [uuid.UUID(key) for key in came]
    have: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        have.update(key.hex for key in session.scalars(select(table.c.id).where(
            table.c.id.in_(ids[start:start + CHUNK]))))
    context = journal.current()
    assert context is not None
    rows = [{**{column: tables.typed(history, column, value) for column, value in row.items()
                if column in table.c}, "hlc": context.hlc}
            for key, row in came.items() if key not in have]
    if rows:
        session.execute(insert(table), rows)


def _write_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(table), rows)


def _fresh_numbers(session: Session, rows: list[dict[str, Any]]
                   ) -> list[tuple[uuid.UUID, str, str]]:
    """New customers whose number this archive gave already get the next one of its own."""
    wanted = [str(row["number"]) for row in rows]
    taken: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        taken.update(session.scalars(select(Customer.number).where(
            Customer.number.in_(wanted[start:start + CHUNK]))))
    if not taken:
        return []
    rule = load_settings(session).numbering_rule
    given = []
    for row in rows:
        if row["number"] in taken:
            region, tier = str(row["number"]).split("-")[0], str(row.get("tier") or "")
            number = next_number(session, rule, region=region, tier=tier)
            given.append((row["id"], str(row["number"]), number))
            row["number"] = number
    return given


def _after_the_others(session: Session, table: Any, rows: list[dict[str, Any]], parent: str,
                      place: str) -> None:
    """Where a place under ``parent`` (a card's number for its customer, an entry's line on
    its card) that incoming rows hold is taken here already, all of that parent's incoming
    rows move after the last place taken, in the order of their places (rows written
    together keep their order: core.customers.card_order numbers them afterwards)."""
    parents = list({row[parent] for row in rows})
    taken: dict[Any, set[int]] = {}
    for start in range(0, len(parents), CHUNK):
        for owner, at in session.execute(select(table.c[parent], table.c[place]).where(
                table.c[parent].in_(parents[start:start + CHUNK]))):
            taken.setdefault(owner, set()).add(at)
    incoming: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        incoming.setdefault(row[parent], []).append(row)
    for owner, held in incoming.items():
        used = taken.get(owner, set())
        if used.isdisjoint(row[place] for row in held):
            continue
        after = max(used)
        for row in sorted(held, key=lambda row: row[place]):
            after += 1
            row[place] = after


def _raise_conflict(session: Session, site: Site, source: str, change: RowChange, name: str,
                    kind: str, before: Any, mine: Any, kept: _Local) -> None:
    # On a laptop its own unsent value stays, and the office decides when it gets it.
    status = "to_send" if site.is_laptop else "open"
    local, incoming = mine, change.values.get(name)
    session.add(SyncConflict(
        peer_site=source, table_name=change.table, row_id=uuid.UUID(change.row_id),
        customer_id=uuid.UUID(change.customer_id) if change.customer_id else None,
        field=name, kind=kind, base=before, local=local, incoming=incoming,
        local_by=kept.person, local_machine=kept.machine, local_hlc=kept.hlc,
        incoming_by=change.person, incoming_machine=change.machine, incoming_hlc=change.hlc,
        status=status))


def _ingest(session: Session, source: str, raised: dict[str, Any], outcome: Applied) -> None:
    """A conflict a laptop met first: into the office's queue, seen from the office (the
    laptop's value is the incoming one)."""
    conflict_id = uuid.UUID(raised["id"])
    if session.get(SyncConflict, conflict_id) is not None:
        return
    session.add(SyncConflict(
        id=conflict_id, peer_site=source, table_name=raised["table_name"],
        row_id=uuid.UUID(raised["row_id"]),
        customer_id=uuid.UUID(raised["customer_id"]) if raised["customer_id"] else None,
        field=raised["field"], kind=raised["kind"], base=raised["base"],
        local=raised["incoming"], incoming=raised["local"],
        local_by=raised["incoming_by"], local_machine=raised["incoming_machine"],
        local_hlc=raised["incoming_hlc"], incoming_by=raised["local_by"],
        incoming_machine=raised["local_machine"], incoming_hlc=raised["local_hlc"],
        status="open"))
    outcome.conflicts += 1


def _take_office_settings(session: Session, site: Site, bundle: Bundle) -> None:
    for key, value in bundle.settings.items():
        if key != SITE_SETTING:
            store_setting(session, key, value)
    held = site.numbers or ()
    if bundle.numbers is not None and tuple(bundle.numbers) not in held:
        keep_site(session, Site(site.id, site.name, site.role, site.office,
                                site.salesperson_id,
                                (*held, cast(Block, tuple(bundle.numbers)))))


def _more_numbers(session: Session, laptop: SyncPeer, bundle: Bundle) -> None:
    """A laptop that has used half of its numbers is set aside another block, once: not again
    until it says it holds the last one."""
    if bundle.numbers_left is None or bundle.numbers_left >= NUMBER_BLOCK // 2:
        return
    if laptop.numbers is None or list(laptop.numbers) in (bundle.blocks or []):
        laptop.numbers = list(set_aside(session))


def _derive(session: Session, touched: dict[str, set[uuid.UUID]]) -> None:
    """What each archive works out for itself, for the customers whose rows came in: search
    keys (their names, numbers or phones, or contacts), last and next contact (their
    entries), totals (their orders and payments)."""
    named = touched.get("searched", set()) | touched.get("contact", set())
    visited = touched.get("visit", set())
    wanted = sorted(named | visited)
    alive: dict[uuid.UUID, Customer] = {}
    for start in range(0, len(wanted), CHUNK):
        alive.update((customer.id, customer) for customer in session.scalars(
            select(Customer).where(Customer.id.in_(wanted[start:start + CHUNK]),
                                   Customer.deleted_at.is_(None))))
    for customer_id in sorted(named):
        if customer_id in alive:
            refresh_search_key(session, alive[customer_id])
    card_order.order_entries(session, touched.get("filled", set()))
    card_order.order_cards(session, visited | touched.get("visit_card", set()))
    cards.follow_latest_entries(session, [c for c in sorted(visited) if c in alive])
    owing = touched.get("sales_order", set()) | touched.get("payment", set())
    if owing:
        balances.recompute(session, owing)
    session.flush()


def _check_counts(session: Session, changes: list[RowChange]) -> None:
    """Every row the bundle brought is here after it (else the whole apply is undone)."""
    wanted: dict[str, set[uuid.UUID]] = {}
    for change in changes:
        wanted.setdefault(change.table, set()).add(uuid.UUID(change.row_id))
    for name, ids in wanted.items():
        table = tables.table(name)
        present = 0
        listed = list(ids)
        for start in range(0, len(listed), 500):
            present += session.scalar(select(func.count()).select_from(table).where(
                table.c.id.in_(listed[start:start + 500]))) or 0
        if present != len(ids):
            raise refused(QT_TRANSLATE_NOOP(
                "Sync", "After applying, {table} holds {present} of the {wanted} rows the "
                        "transfer file brought; nothing was applied."),
                table=name, present=present, wanted=len(ids))
