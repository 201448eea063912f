"""The window and the command line on one archive at once: the window's connections keep
their locks, so the command line never takes the archive for unused and never deletes the
write-ahead log the window is writing into."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from tests.helpers import make_customer
from tierdesk.core.store import cipher

OTHER_PROGRAM = ("import sqlite3, sys\n"
                 "c = sqlite3.connect(sys.argv[1])\n"
                 "c.execute('SELECT count(*) FROM customer').fetchall()\n"
                 "c.close()\n")


def _other_program_reads(path: Path) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(path)], check=True, timeout=60)


def test_another_program_finishing_leaves_the_open_archives_log(db, db_path):
    make_customer(db, "甲贸易有限公司")           # the log holds this write
    with db.read() as session:
        session.execute(text("SELECT count(*) FROM customer")).scalar()
    wal = Path(f"{db_path}-wal")
    assert wal.exists()
    # What the window does while it is open: asks whether the file is encrypted, looks for
    # changes since the last backup, checks a backup's name against it.
    assert not cipher.looks_encrypted(db_path)
    db.backups.changed_since_last()
    _other_program_reads(db_path)
    assert wal.exists()                         # not taken for unused: the log is still there
    make_customer(db, "乙科技有限公司")           # and writing on goes into the same file
    db.close()
    import sqlite3
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM customer WHERE name LIKE '乙%'").fetchone() \
            == (1,)
    finally:
        conn.close()


def test_a_held_head_belongs_to_the_held_file_only(tmp_path):
    """A head kept for a file is never given for a file elsewhere that has the same inode (an
    inode freed while a database that was never closed still held it is given to a new
    file): that file's own head is read."""
    import os

    held_name, other_name = tmp_path / "held.sqlite", tmp_path / "other.sqlite"
    held_name.write_bytes(b"\x8a" * 16 + b"\0" * 1008)            # an encrypted archive's head
    os.link(held_name, other_name)                                 # the same inode, elsewhere
    key = cipher.hold(held_name)
    try:
        with open(other_name, "r+b") as handle:                     # a new file's content
            handle.write(cipher.SQLITE_MAGIC)
        assert cipher.head(held_name) == b"\x8a" * 16               # kept while held
        assert cipher.head(other_name) == cipher.SQLITE_MAGIC       # read from the file
        assert not cipher.looks_encrypted(other_name)
    finally:
        cipher.let_go(key)
    assert cipher.head(held_name) == cipher.SQLITE_MAGIC
