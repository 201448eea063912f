"""What a person is told when the archive, its disk or its server refuses the work.

SQLite, PostgreSQL and the system each report such a failure their own way (an extended
result code, an SQLSTATE, an errno). This module is the one place that turns them into a
StorageError whose message names the file and says why: another program is writing, the disk
is full, the file or its folder is read-only, no permission, the file is damaged, the disk or
the server cannot be reached. The gate (``Database.write``), reads, opening and the writers of
files (workbooks, transfer files) use it; the front ends show the message as they show any
refusal. An error that is none of these stays what it is: a fault of the program.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tierdesk.core.errors import StorageError, TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher

CTX = "Database"

BUSY = "busy"
FULL = "full"
READ_ONLY = "read-only"
READ_ONLY_FOLDER = "read-only folder"
NO_PERMISSION = "no permission"
DAMAGED = "damaged"
UNREADABLE = "unreadable"
UNREACHABLE = "unreachable"
# What a read session can meet; a read-only refusal there is a read session that tried to
# write: a fault of the program, never the file's.
_READING = {BUSY, NO_PERMISSION, DAMAGED, UNREADABLE, UNREACHABLE, READ_ONLY_FOLDER}

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE = {3: NO_PERMISSION, 5: BUSY, 6: BUSY, 8: READ_ONLY, 10: UNREADABLE, 11: DAMAGED,
           13: FULL, 14: NO_PERMISSION, 23: NO_PERMISSION, 26: DAMAGED}
SQLITE_READONLY_DIRECTORY = 1544
# PostgreSQL's SQLSTATEs, and classes of them (the first two characters).
_POSTGRES = {"53100": FULL, "25006": READ_ONLY, "42501": NO_PERMISSION, "55P03": BUSY,
             "40P01": BUSY, "40001": BUSY, "XX001": DAMAGED, "XX002": DAMAGED,
             "57P01": UNREACHABLE, "57P02": UNREACHABLE, "57P03": UNREACHABLE}
_POSTGRES_CLASSES = {"08": UNREACHABLE, "58": UNREADABLE}
_ERRNO = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EROFS: READ_ONLY,
          errno.EACCES: NO_PERMISSION, errno.EPERM: NO_PERMISSION, errno.EIO: UNREADABLE}

_SAID = {
    BUSY: QT_TRANSLATE_NOOP(
        "Database", "{path} is busy: another program is writing to it. Nothing was written; "
                    "try again in a moment."),
    FULL: QT_TRANSLATE_NOOP(
        "Database", "There is no room left on the disk for {path}: nothing was written, and "
                    "what was there is as it was. Free some space on that disk and try again."),
    READ_ONLY: QT_TRANSLATE_NOOP(
        "Database", "{path} is read-only: nothing can be written to it. Make it writable, or "
                    "copy it to a folder of your own, and try again."),
    READ_ONLY_FOLDER: QT_TRANSLATE_NOOP(
        "Database", "The folder {folder} cannot be written to, and TierDesk keeps two working "
                    "files ({name}-wal and {name}-shm) beside the archive while it is open. "
                    "Make the folder writable, or copy the archive to a folder of your own."),
    NO_PERMISSION: QT_TRANSLATE_NOOP(
        "Database", "You have no permission to use {path}. Ask whoever looks after this "
                    "computer, or copy it to a folder of your own."),
    DAMAGED: QT_TRANSLATE_NOOP(
        "Database", "{path} is damaged ({reason}): nothing was written to it. Restore the "
                    "latest backup, or check the archive to see what is wrong."),
    UNREADABLE: QT_TRANSLATE_NOOP(
        "Database", "{path} could not be read or written ({reason}): nothing was written. The "
                    "disk, the USB stick or the network share may be failing."),
    UNREACHABLE: QT_TRANSLATE_NOOP(
        "Database", "The database server {path} cannot be reached ({reason}). Check the "
                    "network, and that the server is running."),
}


def storage_failure(exc: BaseException, where: object, *,
                    reading: bool = False) -> StorageError | None:
    """The StorageError that says what ``exc`` means for ``where`` (the archive's file, or a
    server's address), or None when it is none of the failures above (a fault)."""
    original = getattr(exc, "orig", None) or exc   # SQLAlchemy wraps the driver's error
    reason = str(original).splitlines()[0] if str(original) else type(original).__name__
    kind: str | None = None
    if isinstance(original, cipher.DRIVER_ERRORS):     # sqlite3's, or SQLCipher's
        code = getattr(original, "sqlite_errorcode", None)
        if code == SQLITE_READONLY_DIRECTORY:
            kind = READ_ONLY_FOLDER
        elif code is not None:
            kind = _SQLITE.get(code & 0xFF)
        elif "locked" in reason:
            kind = BUSY
    elif isinstance(original, OSError) and original.errno is not None:
        kind = _ERRNO.get(original.errno)
        reason = original.strerror or reason
    else:
        state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        if state:
            kind = _POSTGRES.get(state) or _POSTGRES_CLASSES.get(state[:2])
        elif getattr(exc, "connection_invalidated", False):
            kind = UNREACHABLE
    if kind is None or (reading and kind not in _READING):
        return None
    return failure(kind, where, reason)


def failure(kind: str, where: object, reason: str = "") -> StorageError:
    """The StorageError of ``kind`` (one of the names above) for ``where``."""
    shown = str(where)
    if "://" in shown:     # a server's address is named without its password
        from sqlalchemy.engine import make_url

        with contextlib.suppress(Exception):
            shown = make_url(shown).render_as_string(hide_password=True)
    path = Path(shown)
    return StorageError(Message(CTX, _SAID[kind], {
        "path": shown, "folder": str(path.parent), "name": path.name,
        "reason": reason}), kind)


def file_failure(exc: OSError, path: object | None = None) -> StorageError | None:
    """For a file being written (a workbook, a transfer file, a copy): the StorageError
    that says what ``exc`` means, or None for an error its own text says well enough (no
    such folder, a folder of that name)."""
    where = path if path is not None else exc.filename
    if where is None or exc.errno not in _ERRNO:
        return None
    return storage_failure(exc, where)


def truncate_log(connect: Callable[[], Any]) -> None:
    """Give back the room a failed write took in an SQLite archive's write-ahead log, on a
    connection of ``connect`` (the write engine's, so opened as the archive needs): what was
    committed goes into the file, the log is cut to nothing (SQLite keeps a log as large as
    the largest write until the last connection closes). Where even that fails, the log
    stays, whole."""
    from sqlalchemy.exc import DBAPIError

    refused: tuple[type[Exception], ...] = (*cipher.DRIVER_ERRORS, DBAPIError)
    try:
        connection = connect()
        try:
            connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            connection.close()
    except refused:
        pass


@contextmanager
def translated(where: object, *, reading: bool = False,
               after_full: Callable[[], None] | None = None) -> Iterator[None]:
    """Within the block, a failure of the disk, the file or the server comes out as its
    StorageError (``reading``: a read session's); ``after_full`` runs first when the disk was
    full, to give back the room the failed work took."""
    try:
        yield
    except TierDeskError:
        raise
    except Exception as exc:
        if isinstance(exc, OSError):
            raise          # a file of the work's own (a workbook read): its own message
        said = storage_failure(exc, where, reading=reading)
        if said is None:
            raise
        if said.kind == FULL and after_full is not None:
            after_full()
        raise said from exc
