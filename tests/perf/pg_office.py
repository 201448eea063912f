"""The cached demo office (an SQLite file) as a PostgreSQL office, for the benchmarks.

The schema is made by TierDesk itself (its migrations, on first connection); the rows are
copied table by table with PostgreSQL's COPY. The copy is kept in the cluster as a database
named after the office and the schema, and each run works on a fresh database made from it
(CREATE DATABASE ... TEMPLATE), so a benchmark never measures an office it changed before.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.types import JSON

ROWS_PER_READ = 20_000


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _databases(admin: Any) -> set[str]:
    with admin.connect() as connection:
        return set(connection.scalars(text("SELECT datname FROM pg_database")))


def _copy_rows(source: Path, target_url: str) -> int:
    """Every row of the SQLite office into the (migrated, empty) PostgreSQL database."""
    from tierdesk.core.store.models import Base

    reader = create_engine(URL.create("sqlite", database=str(source)))
    writer = create_engine(target_url)
    copied = 0
    with reader.connect() as old, writer.connect() as new:
        driver = new.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor:
            for table in Base.metadata.sorted_tables:
                columns = list(table.columns)
                is_json = [isinstance(c.type, JSON) for c in columns]
                cursor.execute(f'DELETE FROM "{table.name}"')
                names = ", ".join(f'"{c.name}"' for c in columns)
                with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                    result = old.execution_options(stream_results=True,
                                                   yield_per=ROWS_PER_READ).execute(
                        select(*columns))
                    for row in result:
                        copy.write_row([json.dumps(v, ensure_ascii=False) if j and v is not None
                                        else v for v, j in zip(row, is_json, strict=True)])
                        copied += 1
        driver.commit()
        new.exec_driver_sql("ANALYZE")
    reader.dispose()
    writer.dispose()
    return copied


def postgres_office(source: Path, url: str, label: str) -> str:
    """A fresh PostgreSQL office holding what ``source`` holds, in the cluster of ``url``:
    its URL. ``label`` names the kept copy (the office's size and schema)."""
    from tierdesk.core.store.db import open_database

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    kept = f"tierdesk_bench_{label}"
    run = f"{kept}_run"
    try:
        if kept not in _databases(admin):
            partial = f"{kept}_partial"
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{partial}"')
                connection.exec_driver_sql(f'CREATE DATABASE "{partial}"')
            start = time.perf_counter()
            open_database(_with_database(url, partial)).close()     # the schema, migrated
            rows = _copy_rows(source, _with_database(url, partial))
            print(f"  (PostgreSQL office copied once: {rows:,} rows in "
                  f"{time.perf_counter() - start:.0f} s, kept as {kept})")
            with admin.connect() as connection:
                connection.exec_driver_sql(f'ALTER DATABASE "{partial}" RENAME TO "{kept}"')
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{run}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{run}" TEMPLATE "{kept}"')
    finally:
        admin.dispose()
    return _with_database(url, run)


def durable(url: str) -> bool:
    """Whether the cluster writes to disk as an office's would (fsync on)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SHOW fsync")) == "on"
    finally:
        engine.dispose()
