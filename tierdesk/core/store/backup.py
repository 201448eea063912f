"""Copies of an SQLite archive: taken whole while it is in use, checked, kept where only
the owner can read them, listed, thinned, and put back.

A copy is made with SQLite's online backup (a consistent snapshot, safe while others write),
written beside its place under a temporary name, checked and renamed into place only when
whole; a copy that fails the check is deleted and the failure said. The check is SQLite's
``PRAGMA integrity_check`` up to 512 MiB; above, ``PRAGMA quick_check``, which reads every page
and btree as well but leaves out comparing each index with its table (on a 4 GB office that
comparison alone costs minutes, and a copy taken before each transfer file would make the
manager wait for it; ``tierdesk check`` still runs the full check on the archive itself).

Copies go to the data folder's backups directory, one folder per archive (folders 0700,
files 0600), or where ``TIERDESK_BACKUP_DIR`` (a root, one folder per archive in it) or a
``folder`` argument (the folder itself) says. Only SQLite archives are copied here: a
PostgreSQL office is backed up with pg_dump.

This module works on plain files and sqlite3 connections (core.store.db opens archives and
uses it, not the other way round); when backups are taken is core.store.backup_schedule.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher
from tierdesk.core.store.backup_thinning import to_delete

ENV_VAR = "TIERDESK_BACKUP_DIR"
CTX = "Backup"
SUFFIX = ".sqlite"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_PARTIAL = ".partial"
_STALE_PARTIAL = dt.timedelta(days=1)
THOROUGH_UP_TO = 512 * 1024 * 1024      # bytes: larger copies get the quick check
_TRIES = 8                  # to take the archive from this program's own readers
# stem-20260102-030405-start.sqlite; a second copy in the same second: ...-030405-2-start...
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
                   r"-(?P<reason>[a-z][a-z0-9-]*)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S"

# Why a copy was taken, as the list of backups says it.
REASONS = {
    "start": QT_TRANSLATE_NOOP("Backup", "at start"),
    "scheduled": QT_TRANSLATE_NOOP("Backup", "after 30 minutes of changes"),
    "by-hand": QT_TRANSLATE_NOOP("Backup", "made by hand"),
    "before-import": QT_TRANSLATE_NOOP("Backup", "before an import"),
    "before-transfer-file": QT_TRANSLATE_NOOP("Backup", "before a transfer file was applied"),
    "before-sync": QT_TRANSLATE_NOOP("Backup", "before synchronising"),
    "before-reassessment": QT_TRANSLATE_NOOP("Backup", "before a tier reassessment"),
    "before-restore": QT_TRANSLATE_NOOP("Backup", "before a restore"),
    "before-repair": QT_TRANSLATE_NOOP("Backup", "before a repair (as it was, unchecked)"),
}
_UPGRADE = "before-upgrade-from-"


class BackupError(TierDeskError):
    """A copy could not be made, checked or put back; the archive was not changed."""


@dataclass(frozen=True)
class BackupInfo:
    """One automatic copy: the file, when it was taken (local time), why, its size in bytes."""

    file: Path
    taken_at: dt.datetime
    reason: str
    size: int


def reason_text(reason: str) -> Message:
    """Why a copy was taken, in words."""
    if reason.startswith(_UPGRADE):
        return Message(CTX, QT_TRANSLATE_NOOP("Backup", "before the upgrade from schema "
                                                        "{revision}"),
                       {"revision": reason[len(_UPGRADE):]})
    return Message(CTX, REASONS.get(reason, reason))


def refused(text: str, **params: object) -> BackupError:
    """The BackupError saying ``text`` (marked with QT_TRANSLATE_NOOP) with ``params``."""
    return BackupError(Message(CTX, text, {k: str(v) for k, v in params.items()}))


# -- where ---------------------------------------------------------------------------------------
def backup_root() -> Path:
    """Where the folders of backups are: ``TIERDESK_BACKUP_DIR``, else the data folder's
    ``backups`` directory."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_data_path("TierDesk", appauthor=False) / "backups"


def backup_folder(path: Path) -> Path:
    """The folder of the copies of the archive at ``path``: its name and a short hash of its
    full path, so that two archives with the same name keep apart."""
    full = str(Path(path).expanduser().resolve())
    digest = hashlib.sha256(full.encode("utf-8")).hexdigest()[:8]
    return backup_root() / f"{Path(path).stem}-{digest}"


def _folder_of(path: Path, folder: Path | None) -> Path:
    return Path(folder) if folder is not None else backup_folder(path)


def make_folder(folder: Path) -> None:
    """Make ``folder`` (and the root of the backup folders) readable by the owner only."""
    ours = folder.parent == backup_root()
    for made in (folder.parent, folder) if ours else (folder,):
        existed = made.exists()
        made.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        if ours or not existed:     # a folder given by a script keeps its own mode
            os.chmod(made, FOLDER_MODE)


# -- copying -------------------------------------------------------------------------------------
def _connect(path: Path, *, read_only: bool = False, create: bool = False,
             settled: bool = False, like: Path | None = None) -> sqlite3.Connection:
    """A connection to ``path``, which must be there (unless ``create``). ``settled``: a copy
    nobody writes, read as it lies (no lock files are left beside it). An encrypted file is
    opened with its key; ``like``: the archive a new copy is made of (an encrypted archive's
    copy is encrypted with its key: core.store.cipher)."""
    mode = "ro" if read_only else "rwc" if create else "rw"
    if settled and read_only and not Path(f"{path}-wal").exists():
        mode = "ro&immutable=1"
    return cipher.connect_file(path, mode, like=like, timeout=15)  # type: ignore[no-any-return]


def _integrity(conn: sqlite3.Connection, file: Path) -> str | None:
    """None if SQLite finds the copy ``file`` whole, else what it says is wrong (the first
    few): the full integrity check up to THOROUGH_UP_TO bytes, the quick check above."""
    try:
        large = file.stat().st_size > THOROUGH_UP_TO
    except OSError:
        large = False
    pragma = "quick_check" if large else "integrity_check"
    rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}(5)")]
    return None if rows == ["ok"] else "; ".join(rows)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _partial_for(target: Path) -> Path:
    return target.with_name(f".{target.name}{_PARTIAL}")


def _remove(file: Path) -> None:
    for name in (file, *(file.with_name(file.name + side) for side in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


def copy_archive(path: Path, target: Path, *, mode: int = FILE_MODE, check: bool = True,
                 source: sqlite3.Connection | None = None,
                 rekeyed: tuple[str | None, str | None] | None = None) -> Path:
    """A consistent, checked copy of the archive at ``path`` in the file ``target``, which
    appears only once it is whole. Refused (and nothing left behind) when the copy is damaged
    or cannot be written. ``check``: False where ``path`` was checked just before;
    ``source``: a connection to ``path`` to copy through (one that holds it locked);
    ``rekeyed``: (the key ``path`` opens with, the key the copy is written with; None:
    plain), else the copy is protected as ``path`` is."""
    if not path.is_file():
        raise refused(QT_TRANSLATE_NOOP("Backup", "There is no file {file}."), file=path)
    partial = _partial_for(target)
    _remove(partial)
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
        if rekeyed is not None:
            _export(path, partial, *rekeyed)
        else:
            _back_up(path, partial, source, check)
        os.chmod(partial, mode)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except BackupError:
        _remove(partial)
        raise
    except cipher.driver_errors(OSError) as exc:
        _remove(partial)
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{path} could not be copied to {target}: {reason}"),
            path=path, target=target, reason=getattr(exc, "strerror", None) or exc) from exc
    return target


def _back_up(path: Path, partial: Path, source: sqlite3.Connection | None,
             check: bool) -> None:
    """SQLite's online backup of ``path`` (through ``source``, when given) into ``partial``,
    checked when ``check``: refused when the copy is damaged."""
    reading = source or _connect(path)
    try:
        copy = _connect(partial, create=True, like=path)
        try:
            reading.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")   # one file, whole by itself
            damage = _integrity(copy, partial) if check else None
        finally:
            copy.close()
    finally:
        if source is None:
            reading.close()
    if damage is not None:
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "The copy of {path} failed SQLite's integrity check ({damage}), so "
                      "it was deleted. The archive itself may be damaged."),
            path=path, damage=damage)


def _export(path: Path, partial: Path, key: str | None, new: str | None) -> None:
    """Copy ``path`` (opened with ``key``; None: plain) into ``partial``, written with
    ``new`` (None: plain)."""
    source = cipher.exporting(path, "ro", key)
    try:
        cipher.export_copy(source, partial, new or "")
    finally:
        source.close()


def _new_name(folder: Path, stem: str, when: dt.datetime, reason: str) -> Path:
    """The file for a copy taken at ``when``: a second copy in the same second is numbered,
    so that the newest is known."""
    stamp = when.strftime(_STAMP)
    taken = [int(found["n"] or 1) for file in folder.glob(f"{glob.escape(stem)}-{stamp}-*")
             if (found := _NAME.match(file.name)) and found["stem"] == stem]
    number = max(taken, default=0) + 1
    middle = stamp if number == 1 else f"{stamp}-{number}"
    return folder / f"{stem}-{middle}-{reason}{SUFFIX}"


def backup_database(path: Path, *, reason: str, folder: Path | None = None,
                    now: dt.datetime | None = None,
                    source: sqlite3.Connection | None = None, check: bool = True) -> Path:
    """A consistent, checked copy of the SQLite archive at ``path`` in its backup folder
    (``folder``, else its folder in the data folder's backups), named for when and why it was
    taken; the folder is then thinned (see backup_thinning). ``check``: False for a copy of
    an archive known to hold faults (taken before they are repaired), kept as it is."""
    target_dir = _folder_of(path, folder)
    try:
        make_folder(target_dir)
    except OSError as exc:
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "The backup folder {folder} cannot be made: {reason}"),
            folder=target_dir, reason=exc.strerror or exc) from exc
    when = now or dt.datetime.now()
    target = _new_name(target_dir, path.stem, when, reason)
    copy_archive(path, target, source=source, check=check)
    thin_backups(path, target_dir, now=when)
    return target


# -- what there is -------------------------------------------------------------------------------
def _parsed(file: Path, stem: str) -> tuple[BackupInfo, int] | None:
    found = _NAME.match(file.name)
    if found is None or found["stem"] != stem:
        return None
    try:
        taken_at = dt.datetime.strptime(found["stamp"], _STAMP)
        size = file.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(file, taken_at, found["reason"], size), int(found["n"] or 1)


def list_backups(path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The automatic copies of the archive at ``path``, newest first."""
    where = _folder_of(path, folder)
    try:
        files = list(where.glob(f"*{SUFFIX}"))
    except OSError:
        return []
    found = [parsed for file in files if (parsed := _parsed(file, Path(path).stem))]
    found.sort(key=lambda pair: (pair[0].taken_at, pair[1]), reverse=True)
    return [info for info, _n in found]


def thin_backups(path: Path, folder: Path | None = None, *,
                 now: dt.datetime | None = None) -> list[Path]:
    """Delete the copies of ``path`` that the thinning rule does not keep (the last 7 days,
    4 weeks and 12 months, and today's), and partial copies left by a copy that was stopped;
    the files deleted."""
    when = now or dt.datetime.now()
    where = _folder_of(path, folder)
    deleted = []
    for info in to_delete(list_backups(path, where), when):
        _remove(info.file)
        deleted.append(info.file)
    with contextlib.suppress(OSError):
        for partial in where.glob(f".*{_PARTIAL}"):
            age = when - dt.datetime.fromtimestamp(partial.stat().st_mtime)
            if age > _STALE_PARTIAL:
                _remove(partial)
    return deleted


# -- checking ------------------------------------------------------------------------------------
@contextlib.contextmanager
def _reading(file: Path, *, settled: bool = True) -> Iterator[sqlite3.Connection]:
    """A read-only connection to an archive file, refused clearly when it is none;
    ``settled``: a copy, not an archive in use."""
    try:
        header = cipher.head(file)[:len(SQLITE_MAGIC)]
    except FileNotFoundError as exc:
        raise refused(QT_TRANSLATE_NOOP("Backup", "There is no file {file}."),
                      file=file) from exc
    except OSError as exc:
        raise refused(QT_TRANSLATE_NOOP("Backup", "{file} cannot be read: {reason}"),
                      file=file, reason=exc.strerror or exc) from exc
    if header != SQLITE_MAGIC and not cipher.looks_encrypted(file):
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{file} is not a TierDesk archive (it is not an SQLite file)."), file=file)
    conn = _connect(file, read_only=True, settled=settled)
    try:
        yield conn
    finally:
        conn.close()


def _damaged(file: Path, damage: object) -> BackupError:
    return refused(QT_TRANSLATE_NOOP(
        "Backup", "{file} is damaged (SQLite's integrity check says: {damage})."),
        file=file, damage=damage)


def check_backup(file: Path, known_revisions: Collection[str] = ()) -> str:
    """The schema revision of a copy that can be put back: an SQLite file that passes the
    integrity check and holds a TierDesk archive (of a schema in ``known_revisions``, when
    given). Refused with the reason otherwise."""
    with _reading(file) as conn:
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            row = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                   if "alembic_version" in tables else None)
            damage = _integrity(conn, file)
        except cipher.DRIVER_ERRORS as exc:
            raise _damaged(file, str(exc).splitlines()[0]) from exc
    if "customer" not in tables or row is None:
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{file} is not a TierDesk archive (it holds other tables)."), file=file)
    if damage is not None:
        raise _damaged(file, damage)
    revision = str(row[0])
    if known_revisions and revision not in known_revisions:
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{file} was written by a newer TierDesk (schema {revision}); this "
                      "version cannot restore it."), file=file, revision=revision)
    return revision


def latest_good_backup(path: Path, folder: Path | None = None) -> Path | None:
    """The newest copy of the archive at ``path`` that passes the integrity check."""
    for info in list_backups(path, folder):
        try:
            check_backup(info.file)
        except TierDeskError:   # BackupError; or encrypted under a passphrase not known here
            continue
        return info.file
    return None


def archive_state(path: Path, *, in_use: bool = False) -> tuple[object, ...] | None:
    """What tells whether an archive changed: its schema, the last stamp of its journal and
    the journal's last row (every write passes the gate and is journalled); None when it
    cannot be read. ``in_use``: an archive that may be written meanwhile (not a copy)."""
    try:
        with _reading(path, settled=not in_use) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            last = conn.execute("SELECT max(hlc), max(rowid) FROM journal").fetchone()
    except cipher.driver_errors(TierDeskError):    # and encrypted under another passphrase
        return None
    return (revision, *last)


# -- putting back --------------------------------------------------------------------------------
def _try_alone(path: Path) -> tuple[sqlite3.Connection | None, bool]:
    """(a connection holding the archive to itself, or None; whether another has it open)."""
    try:
        conn = _connect(path)
    except cipher.DRIVER_ERRORS:
        return None, False
    try:
        conn.execute("PRAGMA busy_timeout=1000")
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")      # the lock stays until the connection closes
    except cipher.OPERATIONAL_ERRORS as exc:
        conn.close()
        return None, "locked" in str(exc) or "busy" in str(exc)
    except cipher.DATABASE_ERRORS:
        conn.close()
        return None, False
    return conn, False


@contextlib.contextmanager
def _alone_with(path: Path, release: Callable[[], None] | None) -> Iterator[
        sqlite3.Connection | None]:
    """A connection holding the archive at ``path`` to itself (no other can read or write it
    until it closes; closing folds the write-ahead log in); refused while another connection
    (another window, a command, another program) has it open. ``release`` closes this
    program's own connections (tried a few times: a read under way ends first). None for a
    file SQLite cannot lock (a damaged one): it is replaced as it is."""
    held = cipher.hold(path)      # its head is not read again while the lock is held
    try:
        for _attempt in range(_TRIES if release is not None else 1):
            if release is not None:
                release()
            conn, in_use = _try_alone(path)
            if not in_use:
                break
        else:
            raise refused(QT_TRANSLATE_NOOP(
                "Backup", "{path} is open in another window or program; close it there and "
                          "restore again. Nothing was changed."), path=path)
        try:
            yield conn
        finally:
            if conn is not None:
                with contextlib.suppress(*cipher.DRIVER_ERRORS):
                    conn.close()
    finally:
        cipher.let_go(held)


def _keep_as_it_is(path: Path, folder: Path | None, conn: sqlite3.Connection | None) -> Path:
    """What a restore replaces, copied before it goes: checked where SQLite can read it,
    else (a damaged archive) byte for byte with its write-ahead log."""
    if conn is not None:
        try:
            return backup_database(path, reason="before-restore", folder=folder, source=conn)
        except BackupError:
            pass
    target_dir = _folder_of(path, folder)
    target = _new_name(target_dir, path.stem, dt.datetime.now(), "before-restore")
    try:
        make_folder(target_dir)
        for side in ("", "-wal"):
            if Path(f"{path}{side}").exists():
                shutil.copyfile(f"{path}{side}", f"{target}{side}")
                os.chmod(f"{target}{side}", FILE_MODE)
    except OSError as exc:
        _remove(target)
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{path} could not be copied to {target}: {reason}"),
            path=path, target=target, reason=exc.strerror or exc) from exc
    return target


def _key(file: Path) -> str | None:
    """The raw key of an encrypted file (None: a plain one)."""
    return cipher.key_for(file) if cipher.looks_encrypted(file) else None


def _staged(backup: Path, path: Path, mode: int) -> Path:
    """``backup`` copied beside the archive at ``path``, protected as the archive is: a plain
    copy put back into an encrypted archive is encrypted with its key, an encrypted copy
    put back into a plain archive is made plain (where there is no archive yet, the copy
    stays as it is). So a restore brings back what the archive held, never a change of its
    protection that nobody asked for."""
    target = path.with_name(f".{path.name}.restoring")
    have = _key(backup)
    there = path.exists() and path.stat().st_size > 0
    want = _key(path) if there else have
    return copy_archive(backup, target, mode=mode, check=False,
                        rekeyed=None if want == have else (have, want))


def restore_backup(backup: Path, path: Path, folder: Path | None = None, *,
                   known_revisions: Collection[str] = (),
                   release: Callable[[], None] | None = None) -> Path | None:
    """Put the copy ``backup`` in place of the archive at ``path``, whole and at once.

    What it replaces is first copied to the backup folder (returned; None where there was no
    archive). Refused, with nothing changed, for a file that is not a TierDesk archive, fails
    the integrity check, is of a schema not in ``known_revisions`` (when given), or while the
    archive is open elsewhere; ``release`` closes the caller's own connections to it."""
    backup, path = Path(backup).resolve(), Path(path).resolve()
    if backup == path:
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{file} is the archive itself; choose a backup to restore."), file=backup)
    check_backup(backup, known_revisions)
    mode = FILE_MODE
    if path.exists():
        mode = path.stat().st_mode & 0o777
    staged = _staged(backup, path, mode)
    try:
        kept = None
        if path.exists() and path.stat().st_size > 0:
            with _alone_with(path, release) as conn:
                kept = _keep_as_it_is(path, folder, conn)
        for side in _SIDE_FILES:
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{side}").unlink()
        os.replace(staged, path)
        _fsync_folder(path.parent)
    except OSError as exc:
        _remove(staged)
        raise refused(QT_TRANSLATE_NOOP(
            "Backup", "{path} could not be replaced: {reason}. Nothing was changed."),
            path=path, reason=exc.strerror or exc) from exc
    except BaseException:
        _remove(staged)
        raise
    return kept
