"""Turning a plain archive file into an encrypted one (``tierdesk encrypt``) and back
(``tierdesk decrypt``).

The new file is written beside the archive by SQLCipher's ``sqlcipher_export`` (a consistent
copy, made inside one read transaction), then checked: it opens with the key, SQLCipher's and
SQLite's checks find nothing, and every table holds as many rows as the original. Only then
does it take the archive's place (a rename); the plain file's bytes are overwritten with zeros
before they are let go, and so are its write-ahead log and shared-memory files. A failure on
the way leaves the archive as it was and no half-made file.

The archive must be closed everywhere while this runs (the window closes its own first).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tierdesk.core.errors import DatabaseFileError, TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher
from tierdesk.core.store.failures import storage_failure

CTX = "Database"
SHORTEST_PASSPHRASE = 8
COMPANIONS = ("-wal", "-shm", "-journal")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Rekeyed:
    path: Path
    tables: int
    rows: int
    backups: int = 0            # the archive's backups encrypted with it


def check_passphrase(passphrase: str) -> None:
    """A passphrase an archive can be encrypted with, else TierDeskError saying why."""
    if len(passphrase) < SHORTEST_PASSPHRASE:
        raise TierDeskError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "A passphrase needs at least {count} characters."),
            {"count": SHORTEST_PASSPHRASE}))


def encrypt_archive(path: Path, passphrase: str, *,
                    progress: Callable[[int, int, str], bool] | None = None) -> Rekeyed:
    """Encrypt the plain archive at ``path`` with ``passphrase``: afterwards it opens with
    that passphrase only, and no plain copy of it is left (see the module's text)."""
    check_passphrase(passphrase)
    _must_be_archive(path)
    if cipher.looks_encrypted(path):
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} is encrypted already."), {"path": str(path)}))
    source = cipher.driver().connect(str(path), isolation_level=None, timeout=5.0)
    return _rekey(path, source, passphrase, progress)


def encrypt_with_backups(path: Path, passphrase: str, *, folder: Path | None = None,
                         progress: Callable[[int, int, str], bool] | None = None) -> Rekeyed:
    """Encrypt the archive at ``path`` and then each plain backup of it (in ``folder``, else
    its backup folder), so that no readable copy of it is left on this computer."""
    done = encrypt_archive(path, passphrase, progress=progress)
    key = cipher.key_for(path)      # the archive's own key and salt: its copies open with it
    turned = _backups_with(path, folder, None, key)
    return Rekeyed(done.path, done.tables, done.rows, turned)


def decrypt_with_backups(path: Path, *, folder: Path | None = None,
                         progress: Callable[[int, int, str], bool] | None = None) -> Rekeyed:
    """Make the encrypted archive at ``path`` (unlocked first) and each backup of it that
    opens with its key plain files again: its backups keep following it, so that encrypting
    it later with a new passphrase takes them all. A backup encrypted with another passphrase
    (an older one) is left as it is."""
    key = cipher.key_for(path)
    done = decrypt_archive(path, progress=progress)
    turned = _backups_with(path, folder, key, "")
    return Rekeyed(done.path, done.tables, done.rows, turned)


def _backups_with(path: Path, folder: Path | None, key: str | None, new: str) -> int:
    """Rewrite with ``new`` (a raw key; "": plain) each backup of ``path`` that opens with
    ``key`` (None: the plain ones); how many."""
    from tierdesk.core.store.backup import list_backups

    turned = 0
    for info in list_backups(path, folder):
        copy = info.file
        if cipher.looks_encrypted(copy) != (key is not None):
            continue
        try:
            source = cipher.exporting(copy, "rw", key)
        except cipher.DRIVER_ERRORS:        # encrypted with another passphrase
            continue
        try:
            ours = source.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                  "AND name = 'customer'").fetchone()[0] == 1
        except cipher.DRIVER_ERRORS:
            ours = False
        if not ours:
            source.close()
            continue
        _rekey(copy, source, new, None)
        cipher.forget(copy)
        turned += 1
    return turned


def decrypt_archive(path: Path, *,
                    progress: Callable[[int, int, str], bool] | None = None) -> Rekeyed:
    """Make the encrypted archive at ``path`` (unlocked first: cipher.unlock or
    TIERDESK_PASSPHRASE) a plain file again."""
    _must_be_archive(path)
    if not cipher.looks_encrypted(path):
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} is not encrypted."), {"path": str(path)}))
    source = cipher.connect(path)
    source.isolation_level = None
    outcome = _rekey(path, source, "", progress)
    cipher.forget(path)
    return outcome


def _rekey(path: Path, source: Any, passphrase: str,
           progress: Callable[[int, int, str], bool] | None) -> Rekeyed:
    partial = path.with_name(path.name + ".rekeying")
    _remove(partial)
    try:
        try:
            if progress is not None:
                progress(0, 3, path.name)
            counts = cipher.export_copy(source, partial, passphrase)
        finally:
            source.close()
        if progress is not None:
            progress(1, 3, path.name)
        key = _check_copy(partial, passphrase, counts, path)
        if progress is not None:
            progress(2, 3, path.name)
        _take_place(partial, path)
    except cipher.DRIVER_ERRORS as exc:       # a full disk, a folder that cannot be written
        _remove(partial)
        raise storage_failure(exc, path) or DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} could not be copied: {reason}. The archive was left as it "
                        "was."), {"path": str(path), "reason": str(exc)})) from exc
    except BaseException:
        _remove(partial)
        raise
    if key is not None:
        cipher.keep_key(path, key)
    if progress is not None:
        progress(3, 3, path.name)
    return Rekeyed(path, len(counts), sum(counts.values()))


def _check_copy(copy: Path, passphrase: str, counts: dict[str, int],
                path: Path) -> str | None:
    """The copy opens, is whole and holds every row; its raw key (None for a plain copy)."""
    key = None
    if passphrase.startswith("x'"):         # a raw key given: the copy has its salt
        key = passphrase
    elif passphrase:
        salt = cipher.file_salt(copy)
        key = cipher.raw_key(cipher.derive_key(passphrase, salt), salt)
    conn = cipher.driver().connect(str(copy), isolation_level=None)
    try:
        if key is not None:
            cipher.apply_key(conn, key)
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        problems += [str(row[0]) for row in conn.execute("PRAGMA quick_check")
                     if row[0] != "ok"]
        if not problems and cipher.table_counts(conn) != counts:
            problems.append("rows differ")
    except cipher.DRIVER_ERRORS as exc:
        problems = [str(exc)]
    finally:
        conn.close()
    if problems:
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "The new copy of {path} did not check out ({detail}); the archive "
                        "was left as it was."), {"path": str(path), "detail": problems[0]}))
    return key


def _take_place(partial: Path, path: Path) -> None:
    """``partial`` becomes ``path``; the old file's bytes are overwritten first."""
    for ending in COMPANIONS:
        companion = path.with_name(path.name + ending)
        if companion.exists() and ending == "-wal" and companion.stat().st_size > 0:
            raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
                "Database", "{path} is open in another program (TierDesk in another window?): "
                            "close it there first. Nothing was changed."), {"path": str(path)}))
    with open(partial, "rb+") as written:
        os.fsync(written.fileno())
    os.chmod(partial, path.stat().st_mode & 0o777)     # readable by whom it was before
    old = os.open(path, os.O_RDWR)
    try:
        os.replace(partial, path)
        _overwrite(old)
    finally:
        os.close(old)
    for ending in COMPANIONS:
        shred(path.with_name(path.name + ending))
    with contextlib.suppress(OSError):       # the rename on disk too, where the system can
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _overwrite(handle: int) -> None:
    size = os.fstat(handle).st_size
    zeros = bytes(_CHUNK)
    os.lseek(handle, 0, os.SEEK_SET)
    left = size
    while left > 0:
        left -= os.write(handle, zeros[:min(left, _CHUNK)])
    os.fsync(handle)


def shred(path: Path) -> None:
    """Overwrite the file at ``path`` with zeros, then remove it (nothing there: nothing to
    do). On a solid-state disk the old blocks may survive in the drive itself: encrypting
    before anything secret is written is the sure way."""
    try:
        handle = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return
    try:
        _overwrite(handle)
    finally:
        os.close(handle)
    path.unlink(missing_ok=True)


def _must_be_archive(path: Path) -> None:
    """A TierDesk archive is at ``path`` (else DatabaseFileError saying what is there)."""
    from tierdesk.core.store.db import sqlite_file_revision

    if not path.is_file() or sqlite_file_revision(path) is None:
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "There is no archive at {path}."), {"path": str(path)}))


def _remove(path: Path) -> None:
    for made in (path, *(path.with_name(path.name + ending) for ending in COMPANIONS)):
        made.unlink(missing_ok=True)
