"""Opening the archive: engine and sessions, SQLite pragmas, locations, schema migration.

SQLite runs in WAL mode with foreign keys on. Reads and writes use two engines on the same
file: a read transaction starts with a plain ``BEGIN`` (a consistent snapshot that never blocks
a writer), a write transaction with ``BEGIN IMMEDIATE`` so two writers queue on the busy
timeout instead of failing halfway with "database is locked". The same code runs on
PostgreSQL when the location is a ``postgresql://`` URL.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from tierdesk.core.errors import DatabaseFileError, TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher, journal
from tierdesk.core.store.backup_schedule import BackupSchedule
from tierdesk.core.store.damage import StartCheck
from tierdesk.core.store.failures import storage_failure, translated, truncate_log
from tierdesk.core.store.write_queue import WriteQueue, doing

APP_NAME = "TierDesk"
ENV_VAR = "TIERDESK_DB"
# The newest schema this version knows; a test checks it is the head of migrations/versions.
SCHEMA_HEAD = "0015"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                    "0009", "0010", "0011",
                    "0012", "0013", "0014", "0015")
SQLITE_MAGIC = b"SQLite format 3\x00"
CTX = "Database"


def default_db_path() -> Path:
    """The user's own database file, in the platform's data directory."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "tierdesk.sqlite"


def resolve_location(location: str | os.PathLike[str] | None = None) -> str:
    """A database URL from ``--db`` (a path or URL), else ``TIERDESK_DB``, else the default."""
    chosen = location if location not in (None, "") else os.environ.get(ENV_VAR) or None
    if chosen is None:
        chosen = default_db_path()
    as_text = os.fspath(chosen)
    if "://" in as_text:
        return as_text
    return "sqlite:///" + str(Path(as_text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):])
    return None


def _install_sqlite_pragmas(engine: Engine, begin_statement: str | Callable[[Any], None], *,
                            read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        if read_only:   # a read session that tried to write fails at once: writes pass the gate
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if callable(begin_statement):   # the write queue's: BEGIN IMMEDIATE in its turn
            begin_statement(connection)
        else:
            connection.exec_driver_sql(begin_statement)


class Database:
    """An open archive: where it is, and how to get a read or a write session on it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.engine = cipher.sqlite_engine(url, self.path)     # keyed when encrypted
            self.write_engine = cipher.sqlite_engine(url, self.path)
            _install_sqlite_pragmas(self.engine, "BEGIN", read_only=True)
            # Writers take turns, waiting visibly behind a long one (core.store.write_queue).
            self.queue: WriteQueue | None = WriteQueue(self.path)
            _install_sqlite_pragmas(self.write_engine, self.queue.begin)
            self.queue.install(self.write_engine)
        else:
            # Read sessions run read-only transactions: writes pass the gate (write()).
            self.engine = create_engine(url, pool_pre_ping=True, connect_args={
                "options": "-c default_transaction_read_only=on"})
            self.write_engine = create_engine(url, pool_pre_ping=True)
            self.queue = None
        self._read_factory = sessionmaker(self.engine, expire_on_commit=False)
        self._write_factory = sessionmaker(self.write_engine, expire_on_commit=False)
        journal.install(self._write_factory)
        # Who writes, from where (the front end sets them: the window, the command line).
        self.actor = journal.default_actor()
        self.source = ""
        self.clock = journal.HybridClock()
        self._clock_read = False
        # When the file is backed up (at start, every 30 minutes of writes, before risky work).
        self.backups = BackupSchedule(self.path)
        # The quick check of the file as it opened (core.store.damage); the gate writes
        # nothing before it has ended, and nothing at all into a damaged file.
        self.start_check: StartCheck | None = None
        self._held: tuple[int, int, str] | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is kept (closing ends its transaction
        without a commit; objects read stay usable afterwards)."""
        with translated(self.path or self.url, reading=True), self._read_factory() as session:
            yield session

    @contextmanager
    def write(self, source: str | None = None) -> Iterator[Session]:
        """One write transaction, through the gate: the rows it writes are stamped and
        journalled (core.store.journal) with who, on which machine and ``source`` (else the front
        end's); commits when the block ends, rolls back whole (journal too) on an error."""
        if self.start_check is not None:
            self.start_check.refuse_writing()   # DatabaseFileError: the file is damaged
        with translated(self.path or self.url, after_full=self._give_back_room), \
                doing(self.source if source is None else source, self.actor), \
                self._write_factory() as session, session.begin():
            if not self._clock_read:
                self.clock.seen(journal.last_stamp(session))
                self._clock_read = True
            context = journal.WriteContext(self.actor, self.source if source is None else source,
                                           self.clock.stamp())
            token = journal.begin(context)
            try:
                yield session
                journal.write_entries(session, context)
            finally:
                journal.end(token)
        self.backups.wrote()    # committed: a time check, a backup once 30 minutes have passed

    def _give_back_room(self) -> None:
        """After a write failed on a full disk: the write-ahead log it grew is cut back."""
        if self.path is not None:
            truncate_log(self.write_engine.raw_connection)

    def holding(self) -> Database:
        """Opened: the file's head is kept while it is open (cipher.head); a file made by this
        opening is read with no connection of this process on it."""
        if self.path is not None and self._held is None:
            self.engine.dispose()
            self.write_engine.dispose()
            self._held = cipher.hold(self.path)
        return self

    def close(self) -> None:
        if self.start_check is not None:
            self.start_check.stop()
        cipher.let_go(self._held)
        self._held = None
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        header = cipher.head(path)[:len(SQLITE_MAGIC)]
    except OSError as exc:
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "Cannot read {path}: {reason}"), {"path": str(path), "reason": exc.strerror}
        )) from exc
    if header != SQLITE_MAGIC and not cipher.looks_encrypted(path):
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} is not a TierDesk database (it is not an SQLite file)."),
            {"path": str(path)}))


def _not_ours(where: object) -> DatabaseFileError:
    return DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
        "Database", "{path} is not a TierDesk database (it holds other tables)."),
        {"path": str(where)}))


def _cannot_open(where: object, exc: Exception) -> TierDeskError:
    """Why the file or server cannot be opened (read-only folder, damaged, no permission...)."""
    return storage_failure(exc, where, reading=True) or DatabaseFileError(Message(
        CTX, QT_TRANSLATE_NOOP("Database", "{path} cannot be opened: {reason}"),
        {"path": str(where), "reason": str(exc).splitlines()[0]}))


def _revision_from_tables(tables: set[str], read_version: Any, where: object) -> str | None:
    if not tables:
        return None
    if "alembic_version" not in tables or "customer" not in tables:
        raise _not_ours(where)
    revision = read_version()
    if revision is None:    # TierDesk's tables, but which schema? Not guessed: left alone
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} holds TierDesk's tables but no schema version (its "
                        "alembic_version row is gone), so TierDesk cannot tell which schema it "
                        "has. It was left untouched: restore a backup of it."),
            {"path": str(where)}))
    return str(revision)


def sqlite_file_revision(path: Path) -> str | None:
    """The schema revision of an SQLite file, read without changing a byte of it."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    _check_sqlite_file(path)
    try:
        conn = cipher.connect(path, read_only=True)   # an encrypted file: with its key
        try:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}

            def version() -> str | None:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                return row[0] if row else None

            return _revision_from_tables(tables, version, path)
        finally:
            conn.close()
    except cipher.DRIVER_ERRORS as exc:
        raise _cannot_open(path, exc) from exc


def schema_revision(db: Database) -> str | None:
    """The schema revision stored in the database; None for an empty one."""
    if db.path is not None:
        return sqlite_file_revision(db.path)
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        return _revision_from_tables(
            tables, lambda: conn.execute(text("SELECT version_num FROM alembic_version")).scalar(),
            db.url)


def missing_archive(location: str | os.PathLike[str] | None) -> Path | None:
    """The file ``location`` names, where no archive is there yet (no file, or an empty
    one); None where there is one, or for a database server."""
    path = sqlite_path(resolve_location(location))
    if path is None or (path.exists() and path.stat().st_size > 0):
        return None
    return path


def open_database(location: str | os.PathLike[str] | None = None, *,
                  backup_dir: Path | None = None, official_holidays: bool = True,
                  must_exist: bool = False) -> Database:
    """Open (or create) the archive at ``location`` and bring its schema up to date.

    A file that is not a TierDesk database, or was written by a newer TierDesk, is refused
    with a clear message and left untouched. Before an older schema is upgraded the file is
    copied to the backup folder. A new office starts with the official holidays of this year
    and the next, where known (``official_holidays``). ``must_exist``: a file that is not
    there, or is empty, is refused rather than made a new archive (nothing is created).
    """
    url = resolve_location(location)
    path = sqlite_path(url)
    if must_exist and path is not None and missing_archive(location) is not None:
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "There is no archive at {path}. To start a new one there: "
                        "tierdesk new \"{path}\"."), {"path": str(path)})
            if not path.exists() else Message(CTX, QT_TRANSLATE_NOOP(
                "Database", "{path} is empty: it holds no archive. To start a new one there: "
                            "tierdesk new \"{path}\"."), {"path": str(path)}))
    if path is not None:
        revision = sqlite_file_revision(path)  # checked before anything touches the file
        _refuse_unknown(revision, path)
        path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path is not None and not path.exists()   # a new archive: no half-made file left
    # Its head, read before any connection of this process holds a lock on it (cipher.head).
    held = cipher.hold(path) if path is not None and not fresh and path.stat().st_size else None
    db = Database(url)
    db._held = held
    backup: Path | None = None
    db.backups.folder = backup_dir
    if path is not None and revision is not None:
        db.start_check = StartCheck(path)
        db.backups.refuse_writing = db.start_check.refuse_writing
    try:
        if path is None:
            try:
                revision = schema_revision(db)
            except DatabaseFileError:
                raise
            except Exception as exc:  # a server that cannot be reached, and the like
                raise _cannot_open(url, exc) from exc
            _refuse_unknown(revision, url)
        if revision == SCHEMA_HEAD:
            return db.holding()
        if revision is not None and path is not None:
            if db.start_check is not None:       # a damaged file is never upgraded
                db.start_check.refuse_writing()
            from tierdesk.core.store.backup import backup_database

            backup = backup_database(path, reason=f"before-upgrade-from-{revision}",
                                     folder=backup_dir)
        from tierdesk.core.store.migrate import upgrade_to_head

        upgrade_to_head(db.write_engine, where=path or url, backup=backup)
        if revision is not None and path is None:
            # The laptops' logins of a PostgreSQL office cover the tables an upgrade added.
            from tierdesk.core.sync.roles import renew_laptop_roles

            with db.write() as session:
                renew_laptop_roles(session)
        if revision is None and official_holidays:
            import datetime as dt

            from tierdesk.core.office.holidays import load_known_official_holidays

            with db.write() as session:
                load_known_official_holidays(session, dt.date.today())
        return db.holding()
    except BaseException:
        db.close()
        if fresh and path is not None:
            for made in (path, path.with_name(path.name + "-wal"),
                         path.with_name(path.name + "-shm")):
                made.unlink(missing_ok=True)
        raise


def _refuse_unknown(revision: str | None, where: object) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS and not (
            revision.isdigit() and revision > SCHEMA_HEAD):
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "{path} names a schema TierDesk does not know ({revision}) in its "
                        "alembic_version row: another program has changed it, or it is not "
                        "a TierDesk archive. It was left untouched."),
            {"path": str(where), "revision": revision}))
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database",
            "{path} was written by a newer TierDesk (schema {revision}); "
            "please update TierDesk to open it."),
            {"path": str(where), "revision": revision}))
