"""Writers take turns on an SQLite archive: one writes, the others wait, and say so.

Every write transaction begins ``BEGIN IMMEDIATE``. When another program holds the archive
(a long import, a reassessment), the writer does not fail after SQLite's busy timeout: it
tries again every ``step`` seconds, and each time tells the front end what it waits behind
(``on_wait``), so the window shows a busy indicator and the command line a line of text. It
waits as long as the writer ahead shows signs of life (its process runs, or the archive's
write-ahead log moves), up to ``patience``; it gives up, writing nothing, only when the
writer ahead has shown none for ``stall`` seconds, or when the person stops waiting.

What a writer is doing is written, while it holds the archive, in a small note beside it
(``<archive>-writing``): what (an import of a named file, the window), who, on which machine,
since when, and its process. The note is only ever read to tell a waiting writer what it
waits behind; a note left by a program that was killed is overwritten by the next writer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from tierdesk.core.errors import StorageError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher
from tierdesk.core.store.failures import BUSY, CTX
from tierdesk.core.store.journal import Actor, this_machine

NOTE_SUFFIX = "-writing"
_BUSY_CODES = (5, 6)    # SQLITE_BUSY, SQLITE_LOCKED


@dataclass(frozen=True)
class Writer:
    """What a writer does (its source: "import big.xlsx", "window"), who, where, since."""

    source: str = ""
    person: str = ""
    machine: str = ""
    since: str = ""


@dataclass(frozen=True)
class Waiting:
    """A write waiting its turn, as the front end is told: behind whom, for how long; once
    more with ``over`` when the wait ends (its turn came, or it gave up)."""

    ahead: Writer | None
    waited: float
    over: bool = False

    @property
    def message(self) -> Message:
        if self.ahead is None:
            return Message(CTX, QT_TRANSLATE_NOOP(
                "Database", "Waiting for another program writing to this archive (it does "
                            "not say what it is doing)…"))
        return Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "Waiting for another program writing to this archive: {source}, by "
                        "{person} on {machine}, since {since}…"), {
            "source": self.ahead.source, "person": self.ahead.person,
            "machine": self.ahead.machine, "since": self.ahead.since})


# fn(waiting) -> bool: False once the person stopped waiting.
WaitHook = Callable[[Waiting], bool]

_doing: ContextVar[Writer | None] = ContextVar("tierdesk_writer", default=None)


@contextmanager
def doing(source: str, actor: Actor) -> Iterator[None]:
    """The write transactions begun in the block are ``source``'s (an import of a named file,
    the window), by ``actor`` (as their note says)."""
    token = _doing.set(Writer(source, actor.person, actor.machine))
    try:
        yield
    finally:
        _doing.reset(token)


def _alive(pid: int, born: float) -> bool:
    import psutil

    try:
        return abs(psutil.Process(pid).create_time() - born) < 1.0
    except (psutil.Error, OSError, ValueError):
        return False


class WriteQueue:
    """The turns of the write transactions on one archive file (``path``; None for one in
    memory, which has no note)."""

    step = 0.1          # seconds SQLite itself waits, per try (the window answers between)
    stall = 60.0        # give up after this long without a sign of life from the writer ahead
    patience = 3600.0   # and after this long in all

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.note = path.with_name(path.name + NOTE_SUFFIX) if path is not None else None
        self.wal = path.with_name(path.name + "-wal") if path is not None else None
        self.on_wait: WaitHook | None = None
        self._noted = threading.local()

    def install(self, engine: Engine) -> None:
        """The note goes once the transaction ends (committed or rolled back)."""
        event.listen(engine, "commit", self._ended)
        event.listen(engine, "rollback", self._ended)

    def begin(self, connection: Any) -> None:
        """``BEGIN IMMEDIATE`` on the connection (a SQLAlchemy connection beginning its
        transaction), in this writer's turn."""
        raw = connection.connection.driver_connection
        raw.execute(f"PRAGMA busy_timeout={int(self.step * 1000)}")
        started = last_sign = time.monotonic()
        seen: object = None
        waiting: Waiting | None = None
        try:
            while True:
                try:
                    raw.execute("BEGIN IMMEDIATE")
                    break
                except cipher.OPERATIONAL_ERRORS as exc:    # sqlite3's, or SQLCipher's
                    if (getattr(exc, "sqlite_errorcode", 5) & 0xFF) not in _BUSY_CODES:
                        raise
                now = time.monotonic()
                ahead, alive, signs = self._ahead()
                if alive or signs != seen:
                    last_sign, seen = now, signs
                waiting = Waiting(ahead, now - started)
                if now - last_sign > self.stall or now - started > self.patience:
                    raise self._gave_up(waiting)
                if self.on_wait is not None and not self.on_wait(waiting):
                    raise StorageError(Message(CTX, QT_TRANSLATE_NOOP(
                        "Database", "Stopped waiting for the other program writing to "
                                    "{path}: nothing was written."),
                        {"path": str(self.path)}), BUSY)
        finally:
            if waiting is not None and self.on_wait is not None:
                self.on_wait(Waiting(waiting.ahead, time.monotonic() - started, over=True))
        self._write_note()

    def _gave_up(self, waiting: Waiting) -> StorageError:
        params = {"path": str(self.path), "seconds": round(waiting.waited)}
        if waiting.ahead is None:
            return StorageError(Message(CTX, QT_TRANSLATE_NOOP(
                "Database", "Another program has been writing to {path} for {seconds} s and "
                            "shows no sign of finishing: nothing was written. Try again when "
                            "it is done."), params), BUSY)
        ahead = waiting.ahead
        return StorageError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{source}, by {person} on {machine}, has been writing to {path} since "
                        "{since} and shows no sign of finishing: nothing was written. Try "
                        "again when it is done."),
            {**params, "source": ahead.source, "person": ahead.person,
             "machine": ahead.machine, "since": ahead.since}), BUSY)

    def _ahead(self) -> tuple[Writer | None, bool, object]:
        """Who holds the archive as its note says (None: no note), whether its process is
        known to run, and what changes while it works (the note, the write-ahead log)."""
        if self.note is None or self.wal is None:
            return None, False, None
        try:
            note = json.loads(self.note.read_text(encoding="utf-8"))
            writer = Writer(**{k: str(note.get(k, "")) for k in ("source", "person",
                                                                 "machine", "since")})
            alive = (note.get("host") == this_machine()
                     and _alive(int(note["pid"]), float(note["born"])))
        except (OSError, ValueError, KeyError, TypeError):
            writer, alive, note = None, False, None
        try:
            log = self.wal.stat()
            signs: object = (note and note.get("since"), log.st_size, log.st_mtime_ns)
        except OSError:
            signs = (note and note.get("since"),)
        return writer, alive, signs

    def _write_note(self) -> None:
        if self.note is None:
            return
        doing = _doing.get() or Writer()
        note = {"source": doing.source, "person": doing.person,
                "machine": doing.machine or this_machine(),
                "since": dt.datetime.now().strftime("%H:%M:%S"),
                "host": this_machine(), "pid": os.getpid(), "born": _born()}
        with contextlib.suppress(OSError):  # a read-only folder, a full disk: no note
            self.note.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
            self._noted.value = True

    def _ended(self, _connection: Any) -> None:
        if getattr(self._noted, "value", False) and self.note is not None:
            self._noted.value = False
            with contextlib.suppress(OSError):
                self.note.unlink(missing_ok=True)


_BORN: dict[int, float] = {}


def _born() -> float:
    """When this process started (with its id, it names the process beyond doubt)."""
    pid = os.getpid()
    if pid not in _BORN:
        import psutil

        _BORN[pid] = psutil.Process(pid).create_time()
    return _BORN[pid]
