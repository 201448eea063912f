"""Copies of the database file, taken before risky operations (migrations, imports, sync)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tierdesk.core.db import Database


def backup_folder(db: Database) -> Path:
    assert db.path is not None, "backups are for SQLite files"
    return db.path.parent / "backups"


def backup_database(db: Database, *, reason: str, folder: Path | None = None) -> Path:
    """A consistent copy of the database (SQLite's online backup, safe while in use)."""
    assert db.path is not None, "backups are for SQLite files"
    target_dir = folder or backup_folder(db)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{db.path.stem}-{stamp}-{reason}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = target_dir / f"{db.path.stem}-{stamp}-{reason}-{counter}.sqlite"
    source = sqlite3.connect(db.path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
