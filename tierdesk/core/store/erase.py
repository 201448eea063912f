"""Rows removed for good, gone from the file's bytes too.

SQLite only marks what a DELETE removes as free space: the text stays readable in the file
(and in the write-ahead log) until the pages are used again. Within ``overwriting`` the
deleted content is overwritten with zeros (SQLite's ``secure_delete``); ``fold_log`` then
copies the log into the file and empties it. PostgreSQL reclaims dead rows by its own
VACUUM; both are no-ops there.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from tierdesk.core.store.db import Database


@contextlib.contextmanager
def overwriting(session: Session) -> Iterator[None]:
    """Within a write of the gate: what is deleted inside the block is overwritten with zeros
    in the file, not only marked free."""
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA secure_delete=ON")
    try:
        yield
    finally:
        if sqlite:   # the connection goes back to the pool as it was
            connection.exec_driver_sql("PRAGMA secure_delete=OFF")


def fold_log(db: Database) -> bool:
    """Copy the write-ahead log into the file and empty it (after a write whose removed
    rows must not stay readable in the log). False where a reader still held old pages, so
    the log could not be emptied now (SQLite does it at a later checkpoint)."""
    if not db.is_sqlite:
        return True
    connection = db.write_engine.raw_connection()
    try:
        cursor = connection.cursor()
        busy, _pages, _copied = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        cursor.close()
        return not busy
    finally:
        connection.close()
