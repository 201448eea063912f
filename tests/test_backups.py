"""Automatic backups: consistent and checked copies, owner-only, thinned, taken before risky
work and every 30 minutes of changes, listed, and put back whole; the command line's backup,
backups and restore."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import break_an_index, make_customer, write_workbook
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.master_file import CustomerInput, create_customer
from tierdesk.core.office.staff import region_by_code, salesperson_by_code
from tierdesk.core.store import backup
from tierdesk.core.store.backup import (
    BackupError,
    BackupInfo,
    backup_database,
    backup_folder,
    latest_good_backup,
    list_backups,
    restore_backup,
    thin_backups,
)
from tierdesk.core.store.backup_area import restore_archive
from tierdesk.core.store.backup_thinning import to_delete
from tierdesk.core.store.db import Database, open_database

NOW = dt.datetime(2026, 11, 20, 15, 0)


@pytest.fixture(autouse=True)
def backup_root(tmp_path, monkeypatch):
    root = tmp_path / "backup-root"
    monkeypatch.setenv("TIERDESK_BACKUP_DIR", str(root))
    return root


def reasons(db: Database) -> list[str]:
    return [info.reason for info in Archive(db).backups.backups()]


def all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a fixed order."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        rows = {}
        for table in tables:
            width = len(conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ", ".join(str(i + 1) for i in range(width))
            rows[table] = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
        return rows
    finally:
        conn.close()


def customers_in(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_copy(source: Path, target: Path) -> Path:
    """``source`` with eight pages in its middle zeroed, as a failing disk leaves a file."""
    shutil.copyfile(source, target)
    return damage(target)


def damage(target: Path) -> Path:
    size = target.stat().st_size
    with target.open("r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(b"\0" * 4096 * 8)
    return target


# -- copies --------------------------------------------------------------------------------------
def test_a_copy_taken_while_a_writer_is_mid_transaction_holds_what_was_committed(db, tmp_path):
    make_customer(db, "甲贸易有限公司")
    with db.write() as session:
        create_customer(session, CustomerInput(
            name="乙科技有限公司", contact_name="王", mobile="13900139000",
            region_id=region_by_code(session, "HD").id,
            salesperson_id=salesperson_by_code(session, "S001").id))
        session.flush()     # written into the transaction, not committed
        copy = backup_database(db.path, reason="by-hand", folder=tmp_path / "b")
    assert customers_in(copy) == 1 and customers_in(db.path) == 2
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)   # one file
    conn.close()
    assert not list((tmp_path / "b").glob(".*"))        # no partial copy left beside it


def test_copies_are_kept_in_the_data_folder_readable_by_the_owner_only(db, backup_root):
    made = Archive(db).backups.back_up()
    folder = backup_folder(db.path)
    assert made.parent == folder and folder.parent == backup_root
    assert folder.name.startswith(db.path.stem + "-")
    assert (backup_root.stat().st_mode & 0o777, folder.stat().st_mode & 0o777) == (0o700, 0o700)
    assert made.stat().st_mode & 0o777 == 0o600
    assert [(i.file, i.reason, i.size) for i in list_backups(db.path)] == [
        (made, "by-hand", made.stat().st_size)]


def test_two_archives_with_the_same_name_keep_their_copies_apart(db_path, tmp_path):
    other = tmp_path / "elsewhere" / db_path.name
    other.parent.mkdir()
    shutil.copyfile(db_path, other)
    assert backup_folder(db_path) != backup_folder(other)
    backup_database(db_path, reason="by-hand")
    assert list_backups(other) == []


def test_a_damaged_archive_gives_no_copy_and_says_so(demo_db, tmp_path):
    demo_db.close()
    broken = damaged_copy(demo_db.path, tmp_path / "broken.sqlite")
    with pytest.raises(BackupError, match="integrity check"):
        backup_database(broken, reason="by-hand", folder=tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []


def test_a_large_copy_gets_the_quick_check_which_still_finds_a_damaged_page(
        demo_db, tmp_path, monkeypatch):
    demo_db.close()
    out_of_step = tmp_path / "index.sqlite"
    shutil.copyfile(demo_db.path, out_of_step)
    break_an_index(out_of_step)
    # An index out of step with its table: found by the full check of a copy this size ...
    with pytest.raises(BackupError, match="missing from index"):
        backup_database(out_of_step, reason="by-hand", folder=tmp_path / "full")
    # ... left out by the quick check, which larger copies get ...
    monkeypatch.setattr(backup, "THOROUGH_UP_TO", 1024)
    made = backup_database(out_of_step, reason="by-hand", folder=tmp_path / "quick")
    assert customers_in(made) == customers_in(demo_db.path)
    # ... which still refuses a copy with damaged pages.
    broken = damaged_copy(demo_db.path, tmp_path / "broken.sqlite")
    with pytest.raises(BackupError, match="integrity check"):
        backup_database(broken, reason="by-hand", folder=tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []


def test_a_copy_by_hand_goes_where_asked_and_never_over_a_file(db, tmp_path):
    backups = Archive(db).backups
    mine = backups.back_up(tmp_path / "mine.sqlite")
    assert mine == tmp_path / "mine.sqlite" and customers_in(mine) == 0
    before = digest(mine)
    with pytest.raises(BackupError, match="already exists"):
        backups.back_up(mine)
    assert digest(mine) == before and backups.backups() == []    # not an automatic one


# -- thinning ------------------------------------------------------------------------------------
def _made_up(times: list[dt.datetime]) -> list[BackupInfo]:
    found = [BackupInfo(Path(f"a-{t:%Y%m%d-%H%M%S}-start.sqlite"), t, "start", 1) for t in times]
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def test_thinning_keeps_today_and_the_newest_of_7_days_4_weeks_12_months():
    # Every six hours for two years up to now (Friday 20 Nov 2026, 15:00): 15:00, 09:00 and
    # 03:00 today, 21:00 the newest of each day before.
    times = [NOW - dt.timedelta(hours=6 * i) for i in range(4 * 730)]
    backups = _made_up(times)
    kept = {info.taken_at for info in backups} - {info.taken_at for info in to_delete(
        backups, NOW)}

    def evening(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(21))

    today = {NOW.replace(hour=h) for h in (15, 9, 3)}
    days = {evening(NOW.date() - dt.timedelta(days=d)) for d in range(1, 8)}
    # This week's newest before today is Thursday's, then the Sundays before.
    weeks = {evening(dt.date(2026, 11, d)) for d in (19, 15, 8, 1)}
    # This month's newest is Thursday's, then the last day of the 11 months before.
    months = {evening(dt.date(2026, 11, 19)), evening(dt.date(2025, 12, 31))} | {
        evening(dt.date(2026, m + 1, 1) - dt.timedelta(days=1)) for m in range(1, 11)}
    assert kept == today | days | weeks | months
    assert len(kept) == 3 + 7 + 2 + 11       # Thursday and Sunday the 15th count twice


def test_thinning_a_folder_deletes_only_automatic_copies_of_this_archive(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    archive = tmp_path / "office.sqlite"
    names = [f"office-{t:%Y%m%d-%H%M%S}-scheduled.sqlite" for t in
             (NOW - dt.timedelta(days=d, hours=h) for d in range(0, 40) for h in (1, 3))]
    for name in [*names, "office-mine.sqlite", "laptop-20240101-000000-start.sqlite"]:
        (folder / name).write_bytes(b"x")
    deleted = thin_backups(archive, folder, now=NOW)
    left = sorted(p.name for p in folder.iterdir())
    assert "office-mine.sqlite" in left and "laptop-20240101-000000-start.sqlite" in left
    assert len(deleted) + len(left) == len(names) + 2
    # today's two, the newest of 7 days, then of two more weeks and of October
    assert len(list_backups(archive, folder)) == 2 + 7 + 2 + 1


# -- when ----------------------------------------------------------------------------------------
def test_a_backup_follows_a_write_once_30_minutes_have_passed(db):
    now = [NOW]
    db.backups.clock = lambda: now[0]
    make_customer(db, "甲贸易有限公司", mobile="13800000001")   # starts the half hour
    now[0] += dt.timedelta(minutes=29)
    make_customer(db, "乙贸易有限公司", mobile="13800000002")
    assert reasons(db) == []
    now[0] += dt.timedelta(minutes=2)
    make_customer(db, "丙贸易有限公司", mobile="13800000003")
    assert reasons(db) == ["scheduled"]
    assert customers_in(list_backups(db.path)[0].file) == 3      # the write just committed
    now[0] += dt.timedelta(minutes=20)
    make_customer(db, "丁贸易有限公司", mobile="13800000004")
    assert reasons(db) == ["scheduled"]
    now[0] += dt.timedelta(minutes=15)
    make_customer(db, "戊贸易有限公司", mobile="13800000005")
    assert reasons(db) == ["scheduled", "scheduled"]


def test_a_scheduled_backup_that_fails_is_told_and_the_write_stands(db, tmp_path):
    told: list[Exception] = []
    now = [NOW]
    db.backups.clock = lambda: now[0]
    db.backups.in_background = True
    db.backups.failed = told.append
    db.backups.folder = tmp_path / "a-file"
    db.backups.folder.write_text("not a folder")
    make_customer(db, "甲贸易有限公司", mobile="13800000001")
    now[0] += dt.timedelta(hours=1)
    make_customer(db, "乙贸易有限公司", mobile="13800000002")
    db.backups.wait()
    assert customers_in(db.path) == 2
    assert len(told) == 1 and isinstance(told[0], BackupError)
    assert "cannot be made" in str(told[0])


def test_at_start_a_backup_only_when_the_archive_changed(db):
    assert db.backups.at_start() is not None
    assert db.backups.at_start() is None
    make_customer(db)
    assert db.backups.at_start() is not None
    assert reasons(db) == ["start", "start"]


def test_an_import_is_backed_up_first(db, tmp_path):
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    make_customer(db)
    book = write_workbook(tmp_path / "客户.xlsx", {"客户": [["客户名称", "手机"],
                                                          ["乙科技有限公司", "13900139000"]]})
    import_workbook(db, open_workbook(book), dry_run=True)
    assert reasons(db) == []                        # a dry run writes nothing
    import_workbook(db, open_workbook(book))
    assert reasons(db) == ["before-import"]
    assert customers_in(list_backups(db.path)[0].file) == 1 and customers_in(db.path) == 2


def test_a_reassessment_applied_is_backed_up_first(db):
    make_customer(db)
    tiers = Archive(db).tiers
    tiers.apply_assessment(tiers.assess("2026-11", today=NOW.date()))
    assert reasons(db) == ["before-reassessment"]


def test_a_transfer_file_and_a_synchronisation_are_backed_up_first(db, db_path, tmp_path):
    from tierdesk.core.sync.checkout import checkout

    make_customer(db)
    checkout(db, tmp_path / "laptop.sqlite", "S001", backup_dir=tmp_path / "b")
    laptop = open_database(tmp_path / "laptop.sqlite", backup_dir=tmp_path / "b")
    try:
        Archive(laptop).sync.bundle_out(tmp_path / "in.tdx")
        Archive(db).sync.bundle_in(tmp_path / "in.tdx")
        assert reasons(db) == ["before-transfer-file"]
        Archive(laptop).sync.exchange_with(str(db_path))
        assert reasons(laptop) == ["before-sync"]
        assert reasons(db) == ["before-sync", "before-transfer-file"]
    finally:
        laptop.close()


def test_risky_work_is_refused_when_no_backup_can_be_made(db, tmp_path):
    make_customer(db)
    db.backups.folder = tmp_path / "a-file"
    db.backups.folder.write_text("not a folder")
    tiers = Archive(db).tiers
    with pytest.raises(BackupError, match="cannot be made"):
        tiers.apply_assessment(tiers.assess("2026-11", today=NOW.date()))
    assert Archive(db).tiers.assessment_runs() == []


# -- restoring -----------------------------------------------------------------------------------
def test_a_restore_brings_back_every_row_and_keeps_what_it_replaced(demo_db):
    archive = Archive(demo_db)
    taken = archive.backups.back_up()
    expected = all_rows(taken)
    make_customer(demo_db, "后来的客户有限公司", mobile="13600136000")
    archive.tiers.apply_assessment(archive.tiers.assess("2026-11", today=NOW.date()))
    changed = all_rows(demo_db.path)
    assert changed != expected
    kept = archive.backups.restore(taken)
    assert all_rows(demo_db.path) == expected
    assert kept is not None and all_rows(kept) == changed
    assert not [p for p in demo_db.path.parent.iterdir() if p.name.startswith(".")]
    again = open_database(demo_db.path)
    try:
        assert Archive(again).customers.customer_list().count_live() == customers_in(taken)
    finally:
        again.close()


def test_a_restore_is_refused_while_the_archive_is_open_elsewhere(db, tmp_path):
    copy = Archive(db).backups.back_up(tmp_path / "mine.sqlite")
    make_customer(db)
    with pytest.raises(BackupError, match="open in another window or program"):
        restore_backup(copy, db.path)           # the fixture's connections are open
    assert customers_in(db.path) == 1


@pytest.mark.parametrize("kind", ["damaged", "foreign", "text", "newer", "missing"])
def test_a_bad_backup_is_refused_and_nothing_changes(demo_db, tmp_path, kind):
    demo_db.close()
    path = demo_db.path
    bad = tmp_path / f"{kind}.sqlite"
    if kind == "damaged":
        damaged_copy(path, bad)
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes (text)")
        conn.commit()
        conn.close()
    elif kind == "text":
        bad.write_text("hello")
    elif kind == "newer":
        shutil.copyfile(path, bad)
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
    said = {"damaged": "is damaged", "foreign": "holds other tables", "text": "not an SQLite",
            "newer": "newer TierDesk", "missing": "There is no file"}[kind]
    before, files = digest(path), sorted(tmp_path.iterdir())
    with pytest.raises(BackupError, match=said):
        restore_archive(bad, str(path))
    assert digest(path) == before and sorted(tmp_path.iterdir()) == files
    assert list_backups(path) == []


def test_a_damaged_archive_is_replaced_and_kept_as_it_was(demo_db, tmp_path):
    good = Archive(demo_db).backups.back_up()
    demo_db.close()
    broken = damage(demo_db.path)
    as_it_was = digest(broken)
    kept = restore_backup(good, broken)
    assert all_rows(broken) == all_rows(good)
    assert kept is not None and kept.name.endswith("-before-restore.sqlite")
    assert digest(kept) == as_it_was                # byte for byte: SQLite cannot copy it
    assert list_backups(broken)[0].file == kept
    assert latest_good_backup(broken) == good      # the damaged copy kept is passed over


def test_the_latest_good_backup_passes_over_a_damaged_one(db):
    good = db.backups.take("by-hand")
    db.close()
    newer = damaged_copy(good, good.parent / f"{db.path.stem}-29991231-000000-start.sqlite")
    assert list_backups(db.path)[0].file == newer
    assert latest_good_backup(db.path) == good


# -- the command line ----------------------------------------------------------------------------
class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_backup_and_backups_from_the_command_line(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "backups"]) == 0
    assert "No backups of" in capsys.readouterr().out
    assert main(["--db", str(db_path), "backup"]) == 0
    out = capsys.readouterr().out
    made = list_backups(db_path)[0].file
    assert f"Backed up {db_path} to {made}" in out
    assert main(["--db", str(db_path), "backup", "--to", str(tmp_path / "mine.sqlite")]) == 0
    assert "never thins or overwrites it" in capsys.readouterr().out
    assert main(["--db", str(db_path), "backup", "--to", str(tmp_path / "mine.sqlite")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["--db", str(db_path), "backups"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["When", "Why", "Size", "File"]
    assert "made by hand" in lines[2] and lines[2].endswith(made.name)


def test_restore_from_the_command_line_asks_first(db_path, capsys, monkeypatch):
    assert main(["--db", str(db_path), "backup"]) == 0
    name = list_backups(db_path)[0].file.name
    db = open_database(db_path)
    make_customer(db)
    db.close()
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--db", str(db_path), "restore", name]) == 1       # no terminal to ask
    assert "add --yes" in capsys.readouterr().err and customers_in(db_path) == 1
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert main(["--db", str(db_path), "restore", name]) == 1
    assert "Nothing was changed" in capsys.readouterr().err and customers_in(db_path) == 1
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert main(["--db", str(db_path), "restore", name]) == 0
    out = capsys.readouterr().out
    assert f"Restored {db_path} from" in out and "What it held before is kept in" in out
    assert customers_in(db_path) == 0
    assert [i.reason for i in list_backups(db_path)] == ["before-restore", "by-hand"]


def test_restore_of_a_bad_file_exits_1_with_one_line(db_path, tmp_path, capsys):
    (tmp_path / "notes.sqlite").write_text("hello")
    before = digest(db_path)
    assert main(["--db", str(db_path), "restore", str(tmp_path / "notes.sqlite"), "--yes"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == (f"tierdesk: {tmp_path / 'notes.sqlite'} is not a TierDesk "
                                    "archive (it is not an SQLite file).")
    assert "Traceback" not in captured.err and digest(db_path) == before


def test_a_postgresql_office_is_sent_to_pg_dump():
    from tierdesk.core.store.backup_area import archive_file

    with pytest.raises(BackupError, match="pg_dump"):
        archive_file("postgresql+psycopg://user@localhost/office")
