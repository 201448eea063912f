"""Encryption at rest: an archive file encrypted with SQLCipher 4 (the ``sqlcipher3`` driver,
a DB-API twin of Python's ``sqlite3`` that SQLAlchemy's SQLite dialect drives unchanged).

An encrypted file does not begin with "SQLite format 3": its first 16 bytes are the salt of
its key, the rest is pages of AES-256 (CBC), each with an HMAC-SHA256 that is checked when the
page is read (SQLCipher's default is SHA512, which costs twice as much per page read here; other
SQLCipher tools open these files with cipher_hmac_algorithm = HMAC_SHA256). The key is derived
from the passphrase once per file and process (PBKDF2-HMAC-SHA512, 256,000 rounds, as SQLCipher
does) and each connection is handed the raw key, first thing, before any other pragma: opening
a connection costs no key derivation, so the daily path stays near a plain file's.

The passphrase comes from the person (the window's dialog, a terminal's prompt, the system
keyring: core.store.keychain) through :func:`unlock`, or for scripts from
``TIERDESK_PASSPHRASE``. Every connection to an archive's file, the engines' and the raw ones
(opening, checks, backups), is made by :func:`connect` / :func:`sqlite_engine`, which choose
the driver by the file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, create_engine, event

from tierdesk.core.errors import DatabaseFileError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message

try:
    import sqlcipher3.dbapi2 as _sqlcipher
except ImportError:     # pragma: no cover - a dependency; an installation without it says so
    _sqlcipher = None

CTX = "Database"
PASSPHRASE_VAR = "TIERDESK_PASSPHRASE"
SQLITE_MAGIC = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32
KDF_ROUNDS = 256_000            # SQLCipher 4's PBKDF2-HMAC-SHA512 rounds
# Pages decrypted once stay in the connection's cache: 32 MB, not SQLite's 2 MB.
CACHE_KIB = 32 * 1024
SMALLEST_FILE = 1024            # an encrypted archive is whole pages, at least one
HMAC = "HMAC_SHA256"

# What either driver raises: code that catches the driver's errors catches these.
DRIVER_ERRORS: tuple[type[Exception], ...] = (
    (sqlite3.Error, _sqlcipher.Error) if _sqlcipher is not None else (sqlite3.Error,))
DATABASE_ERRORS: tuple[type[Exception], ...] = (
    (sqlite3.DatabaseError, _sqlcipher.DatabaseError) if _sqlcipher is not None
    else (sqlite3.DatabaseError,))
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    (sqlite3.OperationalError, _sqlcipher.OperationalError) if _sqlcipher is not None
    else (sqlite3.OperationalError,))


def driver_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """What either driver raises, and ``more``: for an ``except`` that catches them all."""
    return (*more, *DRIVER_ERRORS)


class PassphraseNeeded(DatabaseFileError):
    """The archive is encrypted and no passphrase for it was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} is encrypted: it opens with its passphrase. For scripts, put "
                        "it in TIERDESK_PASSPHRASE."), {"path": str(path)}))
        self.path = path


class WrongPassphrase(DatabaseFileError):
    """The passphrase given does not open the archive; nothing was opened or changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "The passphrase does not open {path} (or the file is damaged): "
                        "nothing was opened or changed."), {"path": str(path)}))
        self.path = path


_keys: dict[Path, str] = {}         # a file -> the raw key its connections are given
_lock = threading.Lock()
_quiet = threading.Event()


def driver() -> ModuleType:
    """The SQLCipher driver; refused with a message where it is not installed."""
    if _sqlcipher is None:
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "This installation cannot read encrypted archives: the sqlcipher3 "
                        "package is missing (pip install sqlcipher3).")))
    if not _quiet.is_set():
        with _sqlcipher.connect(":memory:") as defaults:
            # SQLCipher logs a wrong key to stderr: the message says it instead.
            defaults.execute("PRAGMA cipher_log_level = NONE")
            # Each page is checked with HMAC-SHA256 rather than SHA512: half the cost of
            # reading a page, as strong a check (see the module's text).
            defaults.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC}")
        _quiet.set()
    return _sqlcipher


def _key_of(path: Path) -> Path:
    return Path(os.path.realpath(path))


# The first bytes of the archive files this process holds open, by file (device, inode and
# path: a file deleted while still held, by a database never closed, frees an inode that a new
# file elsewhere may get), with how many hold each.
_held: dict[tuple[int, int, str], list[Any]] = {}
_held_lock = threading.Lock()
HEAD_BYTES = 16


def head(path: Path) -> bytes:
    """The first 16 bytes of the file at ``path`` (the SQLite header's text, or an encrypted
    file's salt; OSError where it cannot be read).

    A file this process holds open (:func:`hold`) is never opened again outside SQLite to
    learn them: POSIX locks belong to the process, and closing any descriptor of a file drops
    every lock the process holds on it, those of SQLite's open connections included. Another
    program finishing with the archive would then take it for unused and delete its
    write-ahead log under this one."""
    found = path.stat()
    known = _held.get((found.st_dev, found.st_ino, os.path.realpath(path)))
    if known is not None:
        return bytes(known[0])
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def hold(path: Path) -> tuple[int, int, str] | None:
    """Read the head of the archive at ``path`` now, before this process connects to it, and
    keep it while the connections live (until :func:`let_go` with what this returns)."""
    try:
        found = path.stat()
        key = (found.st_dev, found.st_ino, os.path.realpath(path))
        with _held_lock:
            if key not in _held:
                _held[key] = [head(path), 0]
            _held[key][1] += 1
    except OSError:
        return None
    return key


def let_go(key: tuple[int, int, str] | None) -> None:
    with _held_lock:
        if key in _held:
            _held[key][1] -= 1
            if _held[key][1] <= 0:
                del _held[key]


def looks_encrypted(path: Path) -> bool:
    """A file that holds an encrypted archive (or at least whole pages that are not plain
    SQLite: nothing else can tell an encrypted file from random bytes)."""
    try:
        size = path.stat().st_size
        if size < SMALLEST_FILE or size % 512:
            return False
        return head(path) != SQLITE_MAGIC
    except OSError:
        return False


def is_unlocked(path: Path) -> bool:
    return _key_of(path) in _keys


def encrypted(path: Path | None) -> bool:
    """Whether connections to ``path`` go through the cipher: an encrypted file (the file
    says, not a key known from before: a plain backup may have been put back), or, where
    there is no file yet, one whose key is known here."""
    if path is None:
        return False
    try:
        made = path.stat().st_size > 0
    except OSError:
        made = False
    return looks_encrypted(path) if made else is_unlocked(path)


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """The key SQLCipher 4 derives from ``passphrase`` and a file's salt."""
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ROUNDS, KEY_BYTES)


def raw_key(key: bytes, salt: bytes) -> str:
    """The key as SQLCipher takes it raw (no derivation): key and salt, in hex."""
    return f"x'{key.hex()}{salt.hex()}'"


def file_salt(path: Path) -> bytes:
    return head(path)[:SALT_BYTES]


def _keyed(path: Path | str, key: str, *, read_only: bool = False,
           timeout: float = 5.0) -> Any:
    return connect_file(Path(path), "ro" if read_only else "rwc", key=key, timeout=timeout)


def apply_key(conn: Any, key: str) -> None:
    """Give a new connection its key, before anything else reads the file."""
    conn.execute(f'PRAGMA key = "{key}"')
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _opens(path: Path, key: str) -> bool:
    try:
        conn = _keyed(path, key, read_only=True)
    except DRIVER_ERRORS:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DRIVER_ERRORS:
        return False
    finally:
        conn.close()


def unlock(path: Path, passphrase: str) -> None:
    """Check ``passphrase`` against the encrypted archive at ``path`` and keep its key for
    the connections made from now on; WrongPassphrase when it does not open the file."""
    salt = file_salt(path)
    key = raw_key(derive_key(passphrase, salt), salt)
    if not _opens(path, key):
        raise WrongPassphrase(path)
    with _lock:
        _keys[_key_of(path)] = key


def keep_key(path: Path, key: str) -> None:
    """Connections to ``path`` use ``key`` (a raw key, as :func:`raw_key` makes it)."""
    with _lock:
        _keys[_key_of(path)] = key


def forget(path: Path) -> None:
    with _lock:
        _keys.pop(_key_of(path), None)


def key_for(path: Path) -> str:
    """The raw key of the encrypted archive at ``path``: given earlier (:func:`unlock`), else
    from TIERDESK_PASSPHRASE; PassphraseNeeded when there is none."""
    known = _keys.get(_key_of(path))
    if known is not None:
        return known
    salt = file_salt(path).hex() if path.exists() else ""
    for key in list(_keys.values()):    # a copy made with a known key (a backup) opens with it
        if salt and key.endswith(f"{salt}'") and _opens(path, key):
            keep_key(path, key)
            return key
    given = os.environ.get(PASSPHRASE_VAR)
    if not given:
        raise PassphraseNeeded(path)
    unlock(path, given)
    return _keys[_key_of(path)]


def connect(path: Path, *, read_only: bool = False, timeout: float = 5.0) -> Any:
    """A DB-API connection to the archive file at ``path``: Python's sqlite3 for a plain file,
    SQLCipher with the file's key for an encrypted one (PassphraseNeeded, WrongPassphrase).
    ``read_only``: opened so that it cannot change a byte."""
    return connect_file(path, "ro" if read_only else "rwc", timeout=timeout)


def connect_file(path: Path, mode: str, *, like: Path | None = None, key: str | None = None,
                 timeout: float = 5.0) -> Any:
    """A connection to ``path`` opened with SQLite's URI ``mode`` (ro, rw, rwc, and the like),
    in autocommit. Keyed with ``key``, else with the key of ``like`` (a copy made of that
    encrypted file carries its key), else with the file's own key when it is encrypted;
    Python's sqlite3 for a plain file."""
    if key is None and like is not None and encrypted(like):
        key = key_for(like)
    if key is None and encrypted(path):
        key = key_for(path)
    if key is None:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                               timeout=timeout, isolation_level=None, check_same_thread=False)
    return exporting(path, mode, key, timeout=timeout)


def sqlite_engine(url: str, path: Path | None) -> Engine:
    """An engine on the SQLite file at ``path`` (``url``): SQLAlchemy's own driver for a
    plain file; for an encrypted one the SQLCipher driver, each connection keyed first
    (before the pragmas the caller adds)."""
    if not encrypted(path):
        return create_engine(url)
    assert path is not None
    key = key_for(path)
    engine = create_engine(url, module=driver())

    @event.listens_for(engine, "connect", insert=True)
    def _give_key(dbapi_connection: Any, _record: Any) -> None:
        apply_key(dbapi_connection, key)

    return engine


def exporting(path: Path, mode: str, key: str | None, *, timeout: float = 5.0) -> Any:
    """A connection to ``path`` through SQLCipher (which alone can export a copy under
    another key), in autocommit, keyed with ``key`` (None: a plain file); opened with
    SQLite's URI ``mode``."""
    conn = driver().connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                            timeout=timeout, isolation_level=None, check_same_thread=False)
    if key:
        try:
            apply_key(conn, key)
        except DRIVER_ERRORS:           # another key: not this file's
            conn.close()
            raise
    return conn


def export_copy(source: Any, target: Path, passphrase: str) -> dict[str, int]:
    """Copy the database open on ``source`` (a SQLCipher connection) to the new file
    ``target``, encrypted with ``passphrase`` (or a raw key, as :func:`raw_key` writes it;
    "" : a plain file), in one read transaction; the rows per table it copied."""
    source.execute("ATTACH DATABASE ? AS copied KEY ?", (str(target), passphrase))
    try:
        source.execute("BEGIN")
        try:
            counts = table_counts(source)
            source.execute("SELECT sqlcipher_export('copied')").fetchall()
            source.execute("COMMIT")
        except BaseException:
            source.execute("ROLLBACK")
            raise
    finally:
        source.execute("DETACH DATABASE copied")
    return counts


def table_counts(conn: Any) -> dict[str, int]:
    """The rows in each table of the database open on ``conn``."""
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names}
