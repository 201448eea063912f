"""The quick check of an SQLite archive as it opens, and the refusal to write into a damaged one.

``PRAGMA quick_check`` reads every page of the file: about 0.2 s for a 3,000-customer office,
7 s for one of 150,000 customers. So that the window and the command line start as fast as
before, it runs beside the start, on a connection of its own that can only read; reading goes
on meanwhile. The write gate (``Database.write``) waits for its answer before the first write,
and refuses every write into an archive found damaged, with a message that names the damage
and the way out (restore the latest good backup): nothing is ever written into a damaged file.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tierdesk.core.errors import DatabaseFileError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher
from tierdesk.core.store.failures import DAMAGED, storage_failure

CTX = "Database"
_LONGEST_DETAIL = 160


def quick_check(path: Path, pragma: str = "quick_check",
                opened: Callable[[Any], None] | None = None) -> list[str]:
    """What SQLite's quick check (or ``integrity_check``) finds wrong in the file at ``path``,
    read without changing a byte of it: nothing when the file is whole. ``opened`` is given
    the connection first (to interrupt the check)."""
    try:
        conn = cipher.connect(path, read_only=True)     # an encrypted file: with its key
        try:
            if opened is not None:
                opened(conn)
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except cipher.DRIVER_ERRORS as exc:
        said = storage_failure(exc, path, reading=True)
        return [str(exc)] if said is not None and said.kind == DAMAGED else []
    except cipher.PassphraseNeeded:     # its key forgotten meanwhile (decrypted): not checked
        return []
    return [] if rows == ["ok"] else rows


def damage_message(path: object, problems: list[str]) -> Message:
    """The archive at ``path`` is damaged: what SQLite found, and what a person can do."""
    shown = [line for line in problems if not line.startswith("***")] or problems
    detail = shown[0].strip() if shown else "?"
    if len(detail) > _LONGEST_DETAIL:
        detail = detail[:_LONGEST_DETAIL - 1] + "…"
    if len(shown) > 1:
        return Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} is damaged ({count} problems, the first: {detail}). It is open "
                        "for reading only: nothing is written into it. Restore the latest good "
                        "backup (tierdesk restore)."),
            {"path": str(path), "count": len(shown), "detail": detail})
    return Message(CTX, QT_TRANSLATE_NOOP(
        "Database", "{path} is damaged ({detail}). It is open for reading only: nothing is "
                    "written into it. Restore the latest good backup (tierdesk restore)."),
        {"path": str(path), "detail": detail})


_running: weakref.WeakSet[StartCheck] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for check in list(_running):
        check.stop()


class StartCheck:
    """The quick check of an archive file, started as it opens and run beside the start."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._done = threading.Event()
        self._damage: Message | None = None
        self._connection: Any = None
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="tierdesk-quick-check",
                                        daemon=True)
        _running.add(self)
        self._thread.start()

    def _run(self) -> None:
        try:
            problems = quick_check(self.path, opened=self._opened)
            if problems and not self._stopped:
                self._damage = damage_message(self.path, problems)
        finally:
            self._connection = None
            self._done.set()

    def _opened(self, connection: Any) -> None:
        self._connection = connection
        if self._stopped:
            connection.interrupt()

    def stop(self) -> None:
        """End the check where it is (the archive closes, the program ends): a thread left
        inside SQLite while Python ends can bring the process down. What it found so far is
        not taken for damage."""
        self._stopped = True
        connection = self._connection
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.interrupt()
        self._thread.join(timeout=10)

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def damage(self) -> Message | None:
        """What is damaged (None: the file is whole), once the check has ended."""
        self._done.wait()
        return self._damage

    def refuse_writing(self) -> None:
        """Raise DatabaseFileError, naming the damage, when the file was found damaged."""
        damage = self.damage()
        if damage is not None:
            raise DatabaseFileError(damage)
