"""Every failure a person can meet is one line that names what and why, never a traceback,
and changes nothing: another program writing (a writer waits its turn and keeps its work),
a full disk (no write-ahead log left filling it), a read-only file or folder, no permission,
a damaged file, a lost or foreign schema row, a failed upgrade (rolled back, its backup
named), a database server's failure (named without its password)."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import make_customer
from tierdesk.cli import EXIT_REFUSED, main
from tierdesk.core.errors import StorageError
from tierdesk.core.store import failures
from tierdesk.core.store.db import open_database
from tierdesk.core.store.write_queue import WriteQueue

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


# -- helpers -------------------------------------------------------------------------------------
def customers_csv(path: Path, count: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["客户名称", "手机", "联系人"])
        for i in range(count):
            rows.writerow([f"长导入测试客户{i:05d}贸易有限公司", f"139{i:08d}", "王五"])
    return path


@pytest.fixture
def archive(db_path):
    """An archive file with one customer, closed: (path, the customer's number)."""
    db = open_database(db_path)
    cid = make_customer(db, "甲贸易有限公司")
    with db.read() as session:
        number = session.execute(text("SELECT number FROM customer WHERE id = :id"),
                                 {"id": cid.hex}).scalar()
    db.close()
    return db_path, number


def counts(path: Path) -> tuple[int, int]:
    """(customers, visits) in the archive at ``path``, read as another program would (and
    as the last to close it, taking its write-ahead log away)."""
    with contextlib.closing(sqlite3.connect(path)) as file:
        file.execute("PRAGMA query_only = ON")
        return (file.execute("SELECT count(*) FROM customer").fetchone()[0],
                file.execute("SELECT count(*) FROM visit").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str, *said: str) -> str:
    """The refusal: one line, beginning "tierdesk: ", saying each of ``said``; no traceback."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("tierdesk: "), err
    for part in said:
        assert part in lines[0], lines[0]
    return lines[0]


_DROP = "-dac_override,-dac_read_search"


def ordinary_user() -> list[str]:
    """What to run a command under so that file permissions bind: nothing for an ordinary
    user; as root (a CI container) setpriv, dropping the capabilities that override them."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set", _DROP, "--inh-caps", _DROP]
    if shutil.which("setpriv") is None or subprocess.run(
            [*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without setpriv: permissions cannot bind here")
    return prefix


def tierdesk(*args: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "tierdesk", *args],
                          capture_output=True, text=True, timeout=120)


# -- another program writing -----------------------------------------------------------------------
def test_a_writer_waits_behind_a_long_import_and_keeps_its_work(archive, tmp_path, capsys,
                                                                monkeypatch):
    """An import of 12,000 customers runs in another process; an add-visit started while it
    writes waits its turn (saying behind what), then writes. Nothing fails, both land. The
    wait outlasts ``stall`` many times over: a writer ahead that is alive is waited for."""
    path, number = archive
    book = customers_csv(tmp_path / "big.csv", 12_000)
    monkeypatch.setattr(WriteQueue, "stall", 0.25)
    importing = subprocess.Popen([sys.executable, "-m", "tierdesk", "--db", str(path),
                                  "import", str(book)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    note = path.with_name(path.name + "-writing")
    while importing.poll() is None and "import big.csv" not in _read(note):
        time.sleep(0.01)
    assert importing.poll() is None, importing.stderr.read() if importing.stderr else ""
    started = time.monotonic()
    assert main(["--db", str(path), "add-visit", number, "--purpose", "等导入完再记"]) == 0
    waited = time.monotonic() - started
    _out, import_err = importing.communicate(timeout=120)
    assert importing.returncode == 0, import_err
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Waiting for another program writing to this archive: import big.csv, by " in err
    assert waited > 4 * WriteQueue.stall
    assert counts(path) == (12_001, 1)
    assert not note.exists()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def test_a_writer_gives_up_on_a_holder_that_shows_no_sign_of_life(archive, capsys,
                                                                  monkeypatch):
    """Another program (no TierDesk: no note) holds the archive and does nothing: after
    ``stall`` seconds without a sign of life the writer gives up, writing nothing."""
    path, number = archive
    monkeypatch.setattr(WriteQueue, "stall", 0.3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = main(["--db", str(path), "add-visit", number, "--purpose", "被挡住"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "Waiting for another program writing to this archive (it does not say" in err
    assert "Traceback" not in err
    assert f"tierdesk: Another program has been writing to {path} for " in err
    assert "shows no sign of finishing: nothing was written" in err
    assert counts(path) == (1, 0)


def test_two_writers_of_one_program_take_turns_and_name_each_other(db):
    """A write waiting behind another of the same program is told what that one does."""
    seen: list[str] = []
    holding, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with db.write(source="import 大表.xlsx") as session:
            session.execute(text("UPDATE region SET name = name || '一'"))
            holding.set()
            release.wait(10)

    def told(waiting) -> bool:   # type: ignore[no-untyped-def]
        seen.append(waiting.message.render())
        release.set()
        return True

    db.queue.on_wait = told
    thread = threading.Thread(target=long_write)
    thread.start()
    assert holding.wait(10)
    with db.write() as session:
        session.execute(text("UPDATE region SET name = name || '二'"))
    thread.join()
    assert seen[0].startswith("Waiting for another program writing to this archive: "
                              "import 大表.xlsx, by ")
    with db.read() as session:
        assert set(session.execute(text("SELECT name FROM region")).scalars()) == {
            "华东一二", "华北一二"}


# -- a full disk ----------------------------------------------------------------------------------
def test_a_full_disk_is_said_and_the_archive_and_its_log_are_as_before(archive, tmp_path,
                                                                       capsys, monkeypatch):
    """The disk is made full for the archive with a page limit on its write connections: the
    import fails whole, says so, and leaves no write-ahead log holding the room it took."""
    path, _number = archive
    book = customers_csv(tmp_path / "big.csv", 3_000)
    before = counts(path)
    with contextlib.closing(sqlite3.connect(path)) as file:
        pages = file.execute("PRAGMA page_count").fetchone()[0]
    begin = WriteQueue.begin

    def begin_on_a_small_disk(self, connection):  # type: ignore[no-untyped-def]
        connection.connection.driver_connection.execute(
            f"PRAGMA max_page_count = {pages + 40}")
        begin(self, connection)

    monkeypatch.setattr(WriteQueue, "begin", begin_on_a_small_disk)
    assert main(["--db", str(path), "import", str(book)]) == EXIT_REFUSED
    one_line(capsys.readouterr().err, f"There is no room left on the disk for {path}: "
                                      "nothing was written")
    assert counts(path) == before

    db = open_database(path)             # the window, say: open all along
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    with pytest.raises(StorageError) as refused:
        import_workbook(db, open_workbook(book))
    assert refused.value.kind == failures.FULL
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size <= 8 * 4096
    assert counts(path) == before
    db.close()


@pytest.fixture
def small_disk(tmp_path):
    """A folder on a filesystem of 11 MB (a tmpfs; skipped where one cannot be mounted)."""
    folder = tmp_path / "small"
    folder.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=11m", "tmpfs", str(folder)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip("a small filesystem cannot be mounted here (not root); the page-limit "
                    "test covers the archive")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_filesystem_is_said_and_nothing_is_left_filling_it(demo_template, small_disk,
                                                                   tmp_path, capsys):
    path = small_disk / "office.sqlite"
    shutil.copyfile(demo_template, path)
    before, free = counts(path), shutil.disk_usage(small_disk).free
    book = customers_csv(tmp_path / "big.csv", 3_000)    # some 3.6 MB of the archive
    assert main(["--db", str(path), "import", str(book)]) == EXIT_REFUSED
    one_line(capsys.readouterr().err, f"There is no room left on the disk for {path}: nothing "
                                      "was written, and what was there is as it was")
    assert counts(path) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["office.sqlite"]
    assert shutil.disk_usage(small_disk).free >= free - 64 * 1024

    ballast = small_disk / "ballast"        # leaves less room than the workbook needs
    ballast.write_bytes(b"\0" * max(0, shutil.disk_usage(small_disk).free - 200_000))
    out = small_disk / "all.xlsx"
    exported = tierdesk("--db", str(path), "export", "all", str(out))
    assert exported.returncode == EXIT_REFUSED
    assert "Traceback" not in exported.stderr
    assert "No space left on device" in exported.stderr or "no room" in exported.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["ballast", "office.sqlite"]

    # The archive in a process that stays open (the window): the room is given back at once.
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    ballast.unlink()
    db = open_database(path)
    try:
        with pytest.raises(StorageError, match="There is no room left on the disk"):
            import_workbook(db, open_workbook(book))
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size <= 8 * 4096
        assert shutil.disk_usage(small_disk).free >= free - 256 * 1024
    finally:
        db.close()
    assert counts(path) == before


# -- read-only, no permission -------------------------------------------------------------------
def test_a_read_only_file_is_read_and_never_written(archive):
    path, number = archive
    path.chmod(0o444)
    before = digest(path)
    user = ordinary_user()
    assert tierdesk("--db", str(path), "card", number, prefix=user).returncode == 0
    added = tierdesk("--db", str(path), "add-visit", number, "--purpose", "回访", prefix=user)
    assert added.returncode == EXIT_REFUSED
    one_line(added.stderr, f"{path} is read-only: nothing can be written to it")
    assert digest(path) == before


def test_a_read_only_folder_is_said_with_what_the_archive_needs_beside_it(archive):
    path, number = archive
    path.parent.chmod(0o555)
    before = digest(path)
    try:
        added = tierdesk("--db", str(path), "add-visit", number, "--purpose", "回访",
                         prefix=ordinary_user())
    finally:
        path.parent.chmod(0o755)
    assert added.returncode == EXIT_REFUSED
    one_line(added.stderr, f"The folder {path.parent} cannot be written to",
             f"({path.name}-wal and {path.name}-shm)")
    assert digest(path) == before


def test_no_permission_to_the_file_or_its_folder_is_said(archive, tmp_path):
    path, _number = archive
    user = ordinary_user()
    path.chmod(0o000)
    try:
        refused = tierdesk("--db", str(path), "info", prefix=user)
    finally:
        path.chmod(0o644)
    assert refused.returncode == EXIT_REFUSED
    one_line(refused.stderr, f"Cannot read {path}: Permission denied")
    closed = tmp_path / "closed"
    closed.mkdir()
    shutil.copyfile(path, closed / "office.sqlite")
    closed.chmod(0o000)
    try:
        refused = tierdesk("--db", str(closed / "office.sqlite"), "info", prefix=user)
    finally:
        closed.chmod(0o755)
    assert refused.returncode == EXIT_REFUSED
    one_line(refused.stderr, f"You have no permission to use {closed / 'office.sqlite'}")


# -- damaged, lost or foreign schema row, failed upgrade ----------------------------------------
def test_a_damaged_file_is_said_and_left_as_it_is(demo_template, tmp_path, capsys):
    path = tmp_path / "cut.sqlite"
    path.write_bytes(demo_template.read_bytes()[: 400 * 1024])    # cut short on a USB stick
    before = digest(path)
    for command in (["info"], ["search", "贸易"], ["add-visit", "DB-A-00001"]):
        assert main(["--db", str(path), *command]) == EXIT_REFUSED
        one_line(capsys.readouterr().err, f"{path} is damaged (", "Restore the latest backup")
    assert digest(path) == before


@pytest.mark.parametrize(("change", "said"), [
    ("DELETE FROM alembic_version",
     "holds TierDesk's tables but no schema version (its alembic_version row is gone)"),
    ("UPDATE alembic_version SET version_num = 'ae1027a6acf'",
     "names a schema TierDesk does not know (ae1027a6acf)"),
], ids=["lost", "foreign"])
def test_a_lost_or_foreign_schema_row_is_said_and_the_file_left_untouched(archive, capsys,
                                                                          change, said):
    path, number = archive
    with sqlite3.connect(path) as file:
        file.execute(change)
    file.close()
    before = digest(path)
    for command in (["info"], ["add-visit", number]):
        assert main(["--db", str(path), *command]) == EXIT_REFUSED
        one_line(capsys.readouterr().err, f"{path} {said}", "left untouched")
    assert digest(path) == before


def test_a_failed_upgrade_is_rolled_back_and_names_the_copy_taken_before(tmp_path, capsys,
                                                                          monkeypatch):
    """The upgrade of an archive of schema 0013 meets a column that is there already: the
    upgrade is rolled back whole, the archive keeps its schema and rows, the backup is named."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(DATA / "schema_0013.sqlite", path)
    with sqlite3.connect(path) as file:
        file.execute("ALTER TABLE sync_peer ADD COLUMN numbers JSON")   # in the way of 0014
    file.close()
    backups = tmp_path / "backups"
    monkeypatch.setenv("TIERDESK_BACKUP_DIR", str(backups))
    schema_before, rows_before = _schema(path), counts(path)
    assert main(["--db", str(path), "info"]) == EXIT_REFUSED
    line = one_line(capsys.readouterr().err, f"Upgrading {path} to this version of TierDesk "
                                            "failed (", "duplicate column name: numbers",
                    "The upgrade was rolled back: the archive is as it was, and a copy "
                    "taken before the upgrade is at ")
    copy = Path(line.split("taken before the upgrade is at ")[1].rstrip("."))
    assert copy.exists() and counts(copy) == rows_before
    assert _schema(path) == schema_before and counts(path) == rows_before


def _schema(path: Path) -> tuple[object, ...]:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as file:
        return (file.execute("SELECT version_num FROM alembic_version").fetchall(),
                file.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
                .fetchall())


def test_a_new_archive_that_cannot_be_made_leaves_no_file(tmp_path, capsys, monkeypatch):
    """`tierdesk new` on a disk with no room: said, and no half-made file left behind."""
    begin = WriteQueue.begin

    def begin_on_a_full_disk(self, connection):  # type: ignore[no-untyped-def]
        connection.connection.driver_connection.execute("PRAGMA max_page_count = 8")
        begin(self, connection)

    monkeypatch.setattr(WriteQueue, "begin", begin_on_a_full_disk)
    path = tmp_path / "new.sqlite"
    assert main(["new", str(path)]) == EXIT_REFUSED
    one_line(capsys.readouterr().err, f"There is no room left on the disk for {path}")
    assert list(tmp_path.iterdir()) == []


# -- a database server -----------------------------------------------------------------------------
@pytest.mark.parametrize(("error", "kind", "said"), [
    ("DiskFull", failures.FULL, "There is no room left on the disk for "),
    ("ReadOnlySqlTransaction", failures.READ_ONLY, " is read-only: nothing can be written"),
    ("InsufficientPrivilege", failures.NO_PERMISSION, "You have no permission to use "),
    ("LockNotAvailable", failures.BUSY, " is busy: another program is writing to it"),
    ("DeadlockDetected", failures.BUSY, " is busy: another program is writing to it"),
    ("DataCorrupted", failures.DAMAGED, " is damaged ("),
    ("AdminShutdown", failures.UNREACHABLE, "The database server "),
])
def test_a_servers_failures_are_said_without_its_password(error, kind, said):
    psycopg_errors = pytest.importorskip("psycopg.errors")
    from sqlalchemy.exc import OperationalError

    wrapped = OperationalError("COMMIT", {}, getattr(psycopg_errors, error)("refused"))
    failure = failures.storage_failure(wrapped, "postgresql://office:s3cret@db.example/office")
    assert failure is not None and failure.kind == kind
    assert said in str(failure.message)
    assert "s3cret" not in str(failure.message)
    assert "postgresql://office:***@db.example/office" in str(failure.message)


def test_an_error_that_is_no_failure_of_the_disk_stays_a_fault(db):
    """A program's own mistake is not dressed as a disk's: it reaches the fault handling."""
    with pytest.raises(Exception) as raised, db.write() as session:
        session.execute(text("SELECT no_such_column FROM customer"))
    assert not isinstance(raised.value, StorageError)

