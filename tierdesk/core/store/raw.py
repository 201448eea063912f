"""Columns read as the database stores them, for passes over every customer or order.

Making a UUID or date object per row costs more than the query itself when a pass reads
hundreds of thousands of rows; these helpers read ids as 32-digit hex text and dates as day
numbers, whichever database is underneath.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import String, type_coerce


def raw(column: Any) -> Any:
    """The column as the database driver returns it (no per-row conversion)."""
    return type_coerce(column, String)


def hex_id(value: object) -> str:
    """An id read with raw(): 32 lowercase hex digits."""
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value).replace("-", "").lower()


def hex_ids(connection: Any, values: list[Any]) -> list[str]:
    """hex_id() over many values; on SQLite the stored text already is the hex form."""
    if connection.dialect.name == "sqlite":
        return values
    return [hex_id(v) for v in values]


def day_numbers(values: list[Any]) -> Any:
    """Dates read with raw() as a numpy array of days (NaT where there is no date)."""
    import numpy as np

    return np.array([v[:10] if isinstance(v, str) else v for v in values],
                    dtype="datetime64[D]")


def uuid_of(key: str) -> uuid.UUID:
    return uuid.UUID(hex=key)


def day_of(value: Any) -> dt.date | None:
    """A date read with raw(): ISO text on SQLite, a date from other drivers."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value  # type: ignore[no-any-return]


def key_in(connection: Any, column: Any, keys: list[str]) -> Any:
    """``column IN keys`` for ids given as hex: on SQLite compared with the stored text as it
    is, without making a UUID of each."""
    if connection.dialect.name == "sqlite":
        return raw(column).in_(keys)
    return column.in_([uuid_of(k) for k in keys])


Indexes = tuple[str, str] | Sequence[tuple[str, str]] | None


def _driver_sql(connection: Any, statement: Any, index: Indexes) -> tuple[str, Any]:
    """The statement as the driver takes it: SQL text and its parameters, converted."""
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    sql = compiled.string
    # One (table, index) pair, or a sequence of them (told apart by their first item).
    pairs: list[tuple[str, str]] = (
        [] if index is None else [cast(tuple[str, str], index)] if isinstance(index[0], str)
        else list(cast(Sequence[tuple[str, str]], index)))
    for table, name in pairs:
        if dialect.name != "sqlite" or not _has_index(connection, name):
            continue
        sql, found = re.subn(rf"\bFROM {table}\b", f"FROM {table} INDEXED BY {name}", sql,
                             count=1)
        if not found:
            raise ValueError(f"the statement does not read {table}")

    def bound(name: str) -> Any:
        # An IN list's values are named after its parameter: tier_1 becomes tier_1_1, ...
        bind = compiled.binds.get(name)
        if bind is None:
            bind = compiled.binds[name.rsplit("_", 1)[0]]
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        value = values[name]
        return processor(value) if processor else value

    if compiled.positional:
        return sql, tuple(bound(name) for name in compiled.positiontup or ())
    return sql, {name: bound(name) for name in values}


def _has_index(connection: Any, name: str) -> bool:
    """Whether the index is there: a bulk write builds some only once its rows are in (see
    indexes_built_after), and a read in between goes without."""
    found = connection.connection.driver_connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
    return found is not None


def fetch_tuples(connection: Any, statement: Any, *,
                 index: Indexes = None) -> list[tuple[Any, ...]]:
    """Run a SELECT on the connection's own transaction and return the driver's tuples: for
    passes over every customer or order, where building result rows costs as much as the
    query.

    index: (table, index), or several, to read on SQLite, whose planner, not knowing how
    narrow a covering partial index is next to a wide table, would otherwise hop from another
    index into the table for every row."""
    sql, params = _driver_sql(connection, statement, index)
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


# What fetch_columns() makes of a column: "key" an id (numpy array of 32-byte hex, see
# hex_id); "text" a list of str ("" where none); "date" a numpy datetime64[D] array (NaT where
# none); "int" a numpy int64 array (0 where none).
COLUMN_KINDS = ("key", "text", "date", "int")
_TEXT_SEPARATOR = "\x1f"     # the unit separator, which typed text does not hold


def fetch_columns(connection: Any, statement: Any, kinds: tuple[str, ...], *,
                  index: tuple[str, str] | None = None) -> list[Any]:
    """The statement's result as columns (see COLUMN_KINDS), for passes over hundreds of
    thousands of rows that go on in numpy.

    On SQLite the database joins each column into one string, so a single row crosses into
    Python and is split there in C, instead of a tuple per row; rows are read as usual when a
    text value happens to hold the separator, and on other databases. The order of the rows
    is not kept (the columns stay aligned with each other)."""
    import numpy as np
    from sqlalchemy import func, literal_column, select

    if len(kinds) != len(statement.selected_columns) or set(kinds) - set(COLUMN_KINDS):
        raise ValueError(f"kinds {kinds} do not describe the statement's columns")
    if connection.dialect.name == "sqlite":
        inner = statement.subquery()
        # The separators and defaults are written into the SQL: as bound parameters they
        # are fetched again on every row, which slows a pass of 300,000 rows by a quarter.
        empty: Any = literal_column("''")
        comma: Any = literal_column("','")
        nat: Any = literal_column("'NaT'")
        joined: list[Any] = [func.count()]
        for selected, kind in zip(inner.c, kinds, strict=True):
            if kind == "key":
                joined.append(func.group_concat(selected, empty))
            elif kind == "text":
                joined.append(func.group_concat(func.ifnull(selected, empty),
                                                literal_column(f"'{_TEXT_SEPARATOR}'")))
            elif kind == "date":
                joined.append(func.group_concat(func.ifnull(func.substr(
                    selected, literal_column("1"), literal_column("10")), nat), comma))
            else:
                joined.append(func.group_concat(func.ifnull(selected, literal_column("0")),
                                                comma))
        count, *texts = fetch_tuples(connection, select(*[raw(j) for j in joined]),
                                     index=index)[0]
        columns: list[Any] = []
        for text, kind in zip(texts, kinds, strict=True):
            text = text or ""
            if kind == "key":
                column: Any = np.frombuffer(text.encode("ascii"), dtype="S32")
            elif kind == "text":
                column = text.split(_TEXT_SEPARATOR) if count else []
            elif kind == "date":
                column = np.array(text.split(",") if count else [], dtype="datetime64[D]")
            else:
                column = np.fromstring(text, dtype=np.int64, sep=",") if count \
                    else np.zeros(0, dtype=np.int64)
            if len(column) != count:
                break
            columns.append(column)
        else:
            return columns
    rows = fetch_tuples(connection, statement, index=index)
    values: list[Any] = list(zip(*rows, strict=True)) if rows else [()] * len(kinds)
    columns = []
    for value, kind in zip(values, kinds, strict=True):
        if kind == "key":
            columns.append(np.array(hex_ids(connection, list(value)), dtype="S32"))
        elif kind == "text":
            columns.append(["" if v is None else str(v) for v in value])
        elif kind == "date":
            columns.append(day_numbers(list(value)))
        else:
            columns.append(np.array([int(v or 0) for v in value], dtype=np.int64))
    return columns


# Odd multipliers that spread the four 8-character words of a hex id over 64 bits.
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)


def _key_hashes(keys: Any) -> Any:
    """A 64-bit number per id ('S32' array): ids are sorted and searched as these, which is
    several times quicker than as 32-byte strings. Equal ids give equal numbers; callers
    check the ids themselves wherever two different ids could meet on one number."""
    import numpy as np

    words = np.ascontiguousarray(keys, dtype="S32").view(np.uint64).reshape(-1, 4)
    mixed = np.zeros(len(words), dtype=np.uint64)
    for column, factor in enumerate(_MIX):
        mixed += words[:, column] * np.uint64(factor)      # wraps around, as meant
    return mixed ^ (mixed >> np.uint64(31))


def positions(keys: Any, found: Any) -> Any:
    """Where each of the ids ``found`` stands in ``keys`` (both 'S32' arrays, as
    fetch_columns reads them, ``keys`` without repeats); -1 where it is not there."""
    import numpy as np

    if not len(keys) or not len(found):
        return np.full(len(found), -1, dtype=np.int64)
    hashes = _key_hashes(keys)
    order = np.argsort(hashes)
    ranked = hashes[order]
    if len(ranked) > 1 and bool((ranked[1:] == ranked[:-1]).any()):
        order = np.argsort(keys)                 # two ids share a number: compare the ids
        spot = np.searchsorted(keys[order], found)
    else:                # looked up in their own order, which keeps the search in cache
        wanted = _key_hashes(found)
        asked = np.argsort(wanted)
        spot = np.empty(len(found), dtype=np.int64)
        spot[asked] = np.searchsorted(ranked, wanted[asked])
    at = order[np.minimum(spot, len(keys) - 1)]
    return np.where(keys[at] == found, at, -1).astype(np.int64)


def key_groups(keys: Any) -> tuple[Any, Any]:
    """The distinct ids among ``keys`` ('S32') and, for each of ``keys``, its group's
    place among them."""
    import numpy as np

    if not len(keys):
        return keys[:0], np.zeros(0, dtype=np.int64)
    _distinct, first, inverse = np.unique(_key_hashes(keys), return_index=True,
                                          return_inverse=True)
    distinct = keys[first]
    if not bool((distinct[inverse] == keys).all()):          # two ids share a number
        distinct, inverse = np.unique(keys, return_inverse=True)
    return distinct, inverse.astype(np.int64).reshape(-1)


@contextmanager
def many_objects() -> Iterator[None]:
    """The cyclic garbage collector held off while a pass makes hundreds of thousands of
    objects that live on (rows, lines): each of its runs would walk them all again. Nothing
    made here forms cycles, and the collector runs as usual afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def write_cache(connection: Any, megabytes: int = 256) -> Iterator[None]:
    """A larger page cache on SQLite while many rows are written: fresh random keys land all
    over each index, and a small cache writes the same pages out again and again."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    before = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size = {-1024 * megabytes}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {before}")


BULK_ROWS = 50_000      # fewer new rows than this go in with the indexes in place


@contextmanager
def indexes_built_after(connection: Any, table: Any, adding: int, *,
                        at_least: int = 0) -> Iterator[None]:
    """Insert ``adding`` rows into ``table`` with its plain indexes built afterwards, in one
    sorted pass, instead of kept up to date row by row: on SQLite, when the rows outnumber
    those already there (an office importing its old archive). Unique indexes stay, so the
    constraints hold throughout. The dropping and the building belong to the caller's
    transaction: should the block fail, rolling the transaction back brings the indexes
    back with everything else. ``at_least``: fewer rows than this (BULK_ROWS unless said)
    go in with the indexes in place."""
    if connection.dialect.name != "sqlite" or adding < (at_least or BULK_ROWS):
        yield
        return
    driver = connection.connection.driver_connection
    present = driver.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
    indexes = driver.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", (table.name,)).fetchall()
    if adding <= present or not indexes:
        yield
        return
    for name, _sql in indexes:
        driver.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        driver.execute(sql)


def new_keys(count: int) -> list[str]:
    """Fresh ids as hex, made together rather than one object each: time-ordered UUIDs
    (version 7: the millisecond, then a counter from a random start, then random bits), so
    that rows written together land next to each other in every index on their ids instead of
    all over it."""
    import os
    import time

    import numpy as np

    octets = np.frombuffer(os.urandom(16 * count), dtype=np.uint8).reshape(count, 16).copy()
    millisecond = time.time_ns() // 1_000_000
    octets[:, :6] = np.frombuffer(millisecond.to_bytes(6, "big"), dtype=np.uint8)
    start = int.from_bytes(os.urandom(6), "big") >> 7          # 41 bits: no overflow
    counter = np.arange(start, start + count, dtype=np.uint64)  # 42 bits in all
    octets[:, 6] = 0x70 | ((counter >> np.uint64(38)) & np.uint64(0x0F)).astype(np.uint8)
    octets[:, 7] = ((counter >> np.uint64(30)) & np.uint64(0xFF)).astype(np.uint8)
    octets[:, 8] = 0x80 | ((counter >> np.uint64(24)) & np.uint64(0x3F)).astype(np.uint8)
    for byte in range(3):
        octets[:, 9 + byte] = ((counter >> np.uint64(16 - 8 * byte)) & np.uint64(0xFF)
                               ).astype(np.uint8)
    text = octets.tobytes().hex()
    return [text[i:i + 32] for i in range(0, 32 * count, 32)]


class KeySource:
    """New ids one at a time, in the order new_keys() makes them, drawn a batch at once."""

    def __init__(self, batch: int = 4096) -> None:
        self.batch = batch
        self._left: list[str] = []

    def __call__(self) -> str:
        if not self._left:
            self._left = new_keys(self.batch)[::-1]
        return self._left.pop()


def insert_many(connection: Any, table: Any, columns: tuple[str, ...],
                rows: Iterable[tuple[Any, ...]], *,
                same: Mapping[str, Any] | None = None, as_stored: bool = False) -> None:
    """Insert many rows given as tuples in the order of `columns`. Ids are hex text (see
    hex_id); a JSON column may be given text that already is JSON. ``same``: values every
    row shares (when the rows were made, say), given once. On SQLite the rows go to the
    driver directly, each distinct value converted once, and the shared values are written
    into the statement itself; ``as_stored``: the values are as another SQLite archive
    stores them (read with fetch_tuples), written as they are."""
    from sqlalchemy import JSON, Uuid, insert

    from tierdesk.core.store import journal

    dialect = connection.dialect
    same = same or {}
    if not isinstance(rows, list):
        rows = list(rows)
    stamp = journal.bulk_inserted(table, columns, rows, same)
    if stamp is not None:
        same = {**same, "hlc": stamp}
    if dialect.name != "sqlite":
        import json

        types = [table.c[name].type for name in columns]

        def python(kind: Any, value: Any) -> Any:
            if isinstance(kind, Uuid) and isinstance(value, str):
                return uuid_of(value)
            if isinstance(kind, JSON) and isinstance(value, str):
                return json.loads(value)
            return value

        given = [{**same, **{name: python(kind, value)
                             for name, kind, value in zip(columns, types, row, strict=True)}}
                 for row in rows]
        if given:
            connection.execute(insert(table), given)
        return
    literals = [_literal(dialect, table.c[name].type, value) for name, value in same.items()]
    _execute_many(connection, f"INSERT INTO {table.name} ({', '.join((*same, *columns))}) "
                              f"VALUES ({', '.join((*literals, *'?' * len(columns)))})",
                  [] if as_stored else [table.c[name].type for name in columns], rows)


def _literal(dialect: Any, kind: Any, value: Any) -> str:
    """A value as SQLite reads it written into a statement."""
    convert = _processor(dialect, kind)
    value = convert(value) if convert is not None else value
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value).replace("'", "''")
    return f"'{text}'"


def update_many(connection: Any, table: Any, columns: tuple[str, ...],
                rows: list[tuple[Any, ...]]) -> None:
    """Set ``columns`` on many rows, each given as (id as hex, *values in column order)."""
    from sqlalchemy import bindparam, update

    from tierdesk.core.store import journal

    if not rows:
        return
    stamp = journal.bulk_updated(connection, table, columns, rows)
    if stamp is not None and "hlc" not in columns:
        columns = (*columns, "hlc")
        rows = [(*row, stamp) for row in rows]
    if connection.dialect.name != "sqlite":
        changes = update(table).where(table.c.id == bindparam("row_id")).values(
            {name: bindparam("v_" + name) for name in columns})
        connection.execute(changes, [
            {"row_id": uuid_of(row[0]), **{"v_" + n: v for n, v in zip(columns, row[1:],
                                                                        strict=True)}}
            for row in rows])
        return
    _execute_many(connection, f"UPDATE {table.name} SET "
                              f"{', '.join(n + ' = ?' for n in columns)} WHERE id = ?",
                  [table.c[name].type for name in columns] + [table.c.id.type],
                  [(*row[1:], row[0]) for row in rows])


def _execute_many(connection: Any, statement: str, types: list[Any],
                  rows: Iterable[tuple[Any, ...]]) -> None:
    """Run a statement once per row on SQLite's driver. The driver takes text, numbers and
    booleans as they are; dates and times are written in the form the column type reads
    back, each distinct value converted once."""
    converters = [_processor(connection.dialect, kind) for kind in types]
    given: Iterable[tuple[Any, ...]] = rows
    if any(converters):
        values: list[Any] = list(zip(*rows, strict=True))
        if not values:
            return
        for index, convert in enumerate(converters):
            if convert is not None:
                values[index] = map(convert, values[index])
        given = zip(*values, strict=True)      # made row by row as the driver takes them
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.executemany(statement, given)
    finally:
        cursor.close()


def _processor(dialect: Any, kind: Any) -> Any:
    """How a value of this column type is written on SQLite (None: as it is)."""
    from sqlalchemy import Date, DateTime, Time

    if not isinstance(kind, (Date, DateTime, Time)):
        return None
    process = kind.dialect_impl(dialect).bind_processor(dialect)
    return _memo(process) if process is not None else None


def _memo(process: Any) -> Any:
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value is None:
            return None
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = process(value)
            return result
        except TypeError:  # not hashable
            return process(value)

    return convert
