"""When an archive is backed up: at start if it changed since its last backup, once 30 minutes
have passed since the last backup when a write commits (the write gate asks after each commit:
one time check), and before risky work (an import, a transfer file, synchronising, a tier
reassessment, a restore, a repair; a schema upgrade is backed up by opening). Each open SQLite
archive has one schedule (``Database.backups``); on a PostgreSQL office it does nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from tierdesk.core import logbook
from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import journal
from tierdesk.core.store.backup import (
    CTX,
    BackupError,
    archive_state,
    backup_database,
    backup_folder,
    list_backups,
)

INTERVAL = dt.timedelta(minutes=30)
SERVER_REFUSAL = QT_TRANSLATE_NOOP(
    "Backup", "TierDesk backs up archives kept in a file (SQLite) only. Back up a PostgreSQL "
              "office with its own tools: pg_dump -Fc DATABASE > office.dump, and put it back "
              "with pg_restore.")


def server_refusal() -> BackupError:
    return BackupError(Message(CTX, SERVER_REFUSAL))


class BackupSchedule:
    """The backups of the archive at ``path`` (None: on a server, nothing to do), kept in
    ``folder`` (None: its folder in the data folder's backups). ``clock`` tells the time
    (tests move it on)."""

    def __init__(self, path: Path | None, folder: Path | None = None, *,
                 clock: Callable[[], dt.datetime] = dt.datetime.now,
                 interval: dt.timedelta = INTERVAL) -> None:
        self.path = path
        self.folder = folder
        self.clock = clock
        self.interval = interval
        # The window takes the scheduled backups in a thread of their own, off the writer's.
        self.in_background = False
        # Told when a scheduled backup failed (the write it followed is kept all the same).
        self.failed: Callable[[Exception], None] | None = None
        self._due: dt.datetime | None = None
        # Raises when the archive may not be written (found damaged as it opened: see
        # core.store.damage): risky work is then refused before its copy is even tried.
        self.refuse_writing: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self._running: threading.Thread | None = None

    @property
    def where(self) -> Path | None:
        """The folder the copies go to (None on a server)."""
        if self.path is None:
            return None
        return self.folder if self.folder is not None else backup_folder(self.path)

    def take(self, reason: str, *, check: bool = True) -> Path:
        """A copy now (checked, unless not ``check``; then the folder thinned); the next
        scheduled one is due 30 minutes from now."""
        if self.path is None:
            raise server_refusal()
        made = backup_database(self.path, reason=reason, folder=self.folder, now=self.clock(),
                               check=check)
        self._due = self.clock() + self.interval
        return made

    def before_risky_work(self, work: str, *, check: bool = True) -> Path | None:
        """A copy before ``work`` (import, transfer-file, sync, reassessment, restore,
        repair) changes much at once; a failure refuses the work (BackupError), so nothing
        is changed without a copy. Nothing to do on a server or for an archive not made yet.
        ``check``: False before a repair (the copy keeps the faults it is to undo)."""
        if self.path is None or not self.path.exists():
            return None
        if self.refuse_writing is not None and work != "restore":
            self.refuse_writing()
        return self.take(f"before-{work}", check=check)

    def changed_since_last(self) -> bool:
        if self.path is None:
            return False
        newest = next(iter(list_backups(self.path, self.folder)), None)
        return newest is None or archive_state(newest.file) != archive_state(
            self.path, in_use=True)

    def at_start(self) -> Path | None:
        """A copy when the program starts on the archive, if it changed since its last copy."""
        if self.path is None or not self.path.exists() or not self.changed_since_last():
            return None
        return self.take("start")

    def wrote(self) -> None:
        """Told by the write gate after each commit: a copy once 30 minutes have passed since
        the last one (or since the first write). Never raises: the write is already kept."""
        if self.path is None or journal.current() is not None:   # inside another write
            return
        now = self.clock()
        with self._lock:
            if self._due is None:
                self._due = now + self.interval
                return
            if now < self._due or (self._running is not None and self._running.is_alive()):
                return
            self._due = now + self.interval
            if self.in_background:
                self._running = threading.Thread(target=self._scheduled, name="backup")
                self._running.start()
                return
        self._scheduled()

    def wait(self) -> None:
        """Until a scheduled copy under way is done."""
        running = self._running
        if running is not None:
            running.join()

    def _scheduled(self) -> None:
        try:
            self.take("scheduled")
        except (TierDeskError, OSError, sqlite3.Error) as exc:
            logbook.logger("backup").warning("the scheduled backup failed: %s", exc)
            if self.failed is not None:
                self.failed(exc)
        except Exception as exc:    # a fault: logged, and the write it followed stands
            logbook.logger("backup").exception("the scheduled backup failed")
            if self.failed is not None:
                self.failed(exc)
