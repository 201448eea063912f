"""Copies of the database file, taken before risky operations (migrations, imports, sync)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


def backup_folder(path: Path) -> Path:
    """Where the copies of a database file go: a folder beside it."""
    return path.parent / "backups"


def backup_database(path: Path, *, reason: str, folder: Path | None = None) -> Path:
    """A consistent copy of the SQLite database file at ``path`` (SQLite's online backup,
    safe while it is in use)."""
    target_dir = folder or backup_folder(path)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{path.stem}-{stamp}-{reason}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = target_dir / f"{path.stem}-{stamp}-{reason}-{counter}.sqlite"
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
