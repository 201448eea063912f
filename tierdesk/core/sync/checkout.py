"""A laptop's archive made from the office's: one salesperson's territory (their customers
with cards, master files, follow-ups and complaints) and the office's own lists, settings,
tier rules and calendar; with a block of customer numbers of its own. And the exchange of
a laptop with its office when both can be opened here (the network path): the same bundles
as a file carries, in both directions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, ColumnElement, Date, DateTime, Text, Uuid, cast, func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.numbering import COUNTER, Block, set_aside
from tierdesk.core.store import journal
from tierdesk.core.store.db import SCHEMA_HEAD, Database, open_database
from tierdesk.core.store.models import Counter, Customer, Salesperson, Setting, SyncPeer
from tierdesk.core.store.raw import (
    fetch_tuples,
    indexes_built_after,
    insert_many,
    write_cache,
)
from tierdesk.core.sync import tables
from tierdesk.core.sync.collect import collect
from tierdesk.core.sync.merge import Applied, apply_bundle
from tierdesk.core.sync.site import SITE_SETTING, Site, keep_site, newest_stamp, refused
from tierdesk.core.sync.site import this_site as site_of
from tierdesk.core.whole_file import whole_file


@dataclass(frozen=True)
class CheckedOut:
    laptop: Path
    salesperson: str
    counts: dict[str, int]
    numbers: Block


def checkout(office: Database, laptop: Path, salesperson_code: str, *,
             backup_dir: Path | None = None) -> CheckedOut:
    """Make the laptop archive ``laptop`` for the salesperson ``salesperson_code``. The file
    is built beside its name and renamed when whole; the office keeps the laptop as a peer
    only if the laptop was made."""
    if laptop.exists():
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "{path} exists already; choose a new file for the laptop's archive."),
            path=str(laptop))
    with office.write(source=f"laptop checkout {laptop.name}") as session:
        office_site = site_of(session)
        person = session.scalar(select(Salesperson).where(
            Salesperson.code == salesperson_code, Salesperson.deleted_at.is_(None)))
        if person is None:
            raise refused(QT_TRANSLATE_NOOP(
                "Sync", "There is no salesperson with the code {code}."), code=salesperson_code)
        numbers = set_aside(session)
        # Between two SQLite files the rows go as they are stored, not made into objects.
        as_stored = office.is_sqlite
        rows = _territory_rows(session, person.id, as_stored)
        settings = {row.key: row.value for row in session.scalars(select(Setting))
                    if row.key != SITE_SETTING}
        until = newest_stamp(session)
        laptop_site = Site(uuid.uuid4().hex, f"{person.code} {person.name}", "laptop",
                           office_site.id, person.id, (numbers,))
        with whole_file(laptop, companions=("-wal", "-shm", "-journal")) as partial:
            _build_laptop(partial, laptop_site, office_site, rows, settings, until,
                          backup_dir)
        session.add(SyncPeer(site=laptop_site.id, name=laptop_site.name, role="laptop",
                             salesperson_id=person.id, acked_up_to=until, received_up_to="",
                             numbers=list(numbers)))
    return CheckedOut(laptop, person.code, {name: len(found) for name, found in rows.items()},
                      numbers)


Rows = dict[str, list[Any]]
# On a new laptop file, a table given more rows than this has its indexes built after them.
INDEXES_AFTER = 5_000


def _columns(name: str) -> list[Any]:
    return [c for c in tables.table(name).columns if c.name != "hlc"]


def _territory_rows(session: Session, salesperson_id: uuid.UUID, as_stored: bool) -> Rows:
    """Each travelling table's rows of the territory, as SQLite stores them: read as they are
    (``as_stored``, from another SQLite file), else written so by the database that holds
    them, or converted here."""
    territory = select(Customer.id).where(Customer.salesperson_id == salesperson_id)
    rows: Rows = {}
    for name in tables.TRAVELLING:
        table = tables.table(name)
        columns = _columns(name)
        query = select(*(columns if as_stored else [_as_sqlite_text(c) for c in columns]))
        column = tables.customer_column(name)
        if column is not None:
            query = query.where(table.c[column].in_(territory))
        found = fetch_tuples(session.connection(), query)
        rows[name] = found if as_stored else _as_sqlite_stores(name, found)
    return rows


def _said_as_text(column: Any) -> bool:
    """Whether the office's database gives the column as the text SQLite stores for it."""
    return isinstance(column.type, Uuid | DateTime | Date | JSON)


def _as_sqlite_text(column: Any) -> Any:
    """The column read as the text SQLite stores for it, where the database can say it."""
    kind = column.type
    if not _said_as_text(column):
        return column
    said: ColumnElement[Any]
    if isinstance(kind, Uuid):
        said = func.replace(cast(column, Text), "-", "")
    elif isinstance(kind, DateTime):
        said = func.to_char(column, "YYYY-MM-DD HH24:MI:SS.US")
    else:                                   # a date, JSON
        said = cast(column, Text)
    return said.label(column.name)


def _as_sqlite_stores(name: str, rows: Any) -> list[tuple[Any, ...]]:
    """Rows read from another database, as an SQLite archive stores them (what its column
    types write; read as text already where _as_sqlite_text could), a column at a time."""
    dialect = sqlite.dialect()
    columns: list[Any] = list(zip(*rows, strict=True))
    if not columns:
        return []
    for index, column in enumerate(_columns(name)):
        if _said_as_text(column):
            continue
        write = column.type.dialect_impl(dialect).bind_processor(dialect)
        if write is not None:
            columns[index] = [None if value is None else write(value)
                              for value in columns[index]]
    return list(zip(*columns, strict=True))


def _build_laptop(path: Path, site: Site, office_site: Site, rows: Rows,
                  settings: dict[str, object], until: str, backup_dir: Path | None) -> None:
    laptop = open_database(path, backup_dir=backup_dir, official_holidays=False)
    try:
        with laptop.write(source="checkout from the office") as session:
            context = journal.current()
            assert context is not None
            connection = session.connection()
            with context.on_behalf(context.actor, office_site.id), write_cache(connection):
                for name in tables.TRAVELLING:
                    if not rows[name]:
                        continue
                    table = tables.table(name)
                    with indexes_built_after(connection, table, len(rows[name]),
                                             at_least=INDEXES_AFTER):
                        insert_many(connection, table, tuple(c.name for c in _columns(name)),
                                    rows[name], as_stored=True)
                session.flush()
            for key, value in settings.items():
                session.merge(Setting(key=key, value=value))
            keep_site(session, site)
            session.merge(Counter(name=COUNTER, value=site.numbers[0][0] - 1 if site.numbers
                                  else 0))
            session.add(SyncPeer(site=office_site.id, name=office_site.name or "office",
                                 role="office", acked_up_to="", received_up_to=until))
    finally:
        laptop.close()


def exchange(laptop: Database, office: Database) -> tuple[Applied, Applied]:
    """The network path: the laptop's changes into the office, then the office's (for the
    laptop's territory) into the laptop; each apply one transaction. What came in at the
    office, and what came in on the laptop."""
    with laptop.write(source="synchronise") as session:
        site = site_of(session)
        if not site.is_laptop:
            raise refused(QT_TRANSLATE_NOOP(
                "Sync", "This archive is not a laptop's: synchronise from the laptop."))
        outgoing = collect(session, site, session.get(SyncPeer, site.office)
                           or _no_office(), SCHEMA_HEAD)
    with office.write(source=f"synchronise with {site.name}") as session:
        arrived = apply_bundle(session, site_of(session), outgoing, SCHEMA_HEAD)
        office_site = site_of(session)
        back = collect(session, office_site, session.get(SyncPeer, site.id) or _no_office(),
                       SCHEMA_HEAD)
    with laptop.write(source="synchronise") as session:
        returned = apply_bundle(session, site_of(session), back, SCHEMA_HEAD)
    return arrived, returned


def _no_office() -> SyncPeer:
    raise refused(QT_TRANSLATE_NOOP(
        "Sync", "The laptop and this office do not know each other: the laptop was checked "
                "out of another office."))
