"""A kill -9 in the middle of ``tierdesk bundle in`` or ``tierdesk sync`` leaves each archive
as it was before its step or as it is after it, never between: whole files, every visit
once, and the same command run again finishes the work.

The kill lands inside the writing: the test watches the archive's write-ahead log and kills
the process when it has grown past a size drawn at random (up to what a whole run writes)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import write_workbook
from tierdesk.core.archive import Archive
from tierdesk.core.store.db import open_database
from tierdesk.excel.reader import open_workbook
from tierdesk.excel.workbook_import import import_workbook

CUSTOMERS = 600
VISITS_EACH = 4
KILLS = 5


@pytest.fixture(scope="module")
def field_month(template_db, tmp_path_factory):
    """An office and the laptop of S001 after a busy month (600 new customers with 2,400
    visits, imported on the laptop), with the laptop's transfer file: kept pristine."""
    folder = tmp_path_factory.mktemp("month")
    shutil.copyfile(template_db, folder / "office.sqlite")
    office = open_database(folder / "office.sqlite", backup_dir=folder / "b")
    Archive(office).sync.checkout(folder / "laptop.sqlite", "S001")
    office.close()
    laptop = open_database(folder / "laptop.sqlite", backup_dir=folder / "b")
    customers = [["客户编号", "客户名称", "手机"]] + [
        [f"KL-{i:05d}", f"外勤客户{i:05d}商行", f"13{i:09d}"] for i in range(CUSTOMERS)]
    visits = [["客户编号", "拜访日期", "方式", "目的", "洽谈内容"]] + [
        [f"KL-{i:05d}", f"2026-10-{1 + v * 7:02d}", "上门拜访", f"第{v + 1}次", "谈价格"]
        for i in range(CUSTOMERS) for v in range(VISITS_EACH)]
    book = write_workbook(folder / "month.xlsx", {"客户": customers, "拜访": visits})
    import_workbook(laptop, open_workbook(book))
    Archive(laptop).sync.bundle_out(folder / "month.tdx")
    laptop.close()
    return folder


def visits(path: Path) -> tuple[int, int]:
    """(visits, distinct visit ids) in the archive at ``path``, after checking it is whole."""
    with sqlite3.connect(path) as file:
        assert file.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert file.execute("PRAGMA foreign_key_check").fetchall() == []
        return file.execute("SELECT count(*), count(DISTINCT id) FROM visit").fetchone()


def run_and_kill(command: list[str], watched: list[Path], grown_past: int,
                 log: Path) -> bool:
    """Run the command; kill -9 it once one of the ``watched`` write-ahead logs has grown
    past ``grown_past`` bytes. Whether it was killed (else it finished, with exit 0)."""
    process = subprocess.Popen([sys.executable, "-m", "tierdesk", *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "TIERDESK_LOG_DIR": str(log)})
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if any(size(w) > grown_past for w in watched):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.002)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    return False


def size(path: Path) -> int:
    """The file's size, 0 while it does not exist: the run removes its log when it ends,
    so the file can vanish between two looks at it."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def fresh_copy(field_month: Path, folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    for name in ("office.sqlite", "laptop.sqlite"):
        shutil.copyfile(field_month / name, folder / name)
    return folder / "office.sqlite", folder / "laptop.sqlite"


def whole_log(command: list[str], watched: list[Path], log: Path) -> int:
    """How far the write-ahead logs grow in a whole run of the command."""
    sizes = [0]
    process = subprocess.Popen([sys.executable, "-m", "tierdesk", *command],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "TIERDESK_LOG_DIR": str(log)})
    while process.poll() is None:
        sizes.extend(size(w) for w in watched)
        time.sleep(0.002)
    assert process.returncode == 0
    return max(sizes)


def test_a_kill_during_bundle_in_leaves_the_office_before_or_after(field_month, tmp_path):
    before, _ = visits(field_month / "office.sqlite")
    brought = CUSTOMERS * VISITS_EACH
    office, _laptop = fresh_copy(field_month, tmp_path / "whole")
    command = ["--db", str(office), "bundle", "in", str(field_month / "month.tdx")]
    grows_to = whole_log(command, [wal(office)], tmp_path / "log")
    assert visits(office) == (before + brought, before + brought)
    assert grows_to > 0
    rng = random.Random(19)
    killed = 0
    for attempt in range(KILLS):
        office, _laptop = fresh_copy(field_month, tmp_path / f"kill-{attempt}")
        command = ["--db", str(office), "bundle", "in", str(field_month / "month.tdx")]
        killed += run_and_kill(command, [wal(office)], rng.randrange(grows_to),
                               tmp_path / "log")
        assert visits(office)[0] in (before, before + brought)   # all or nothing, whole
        subprocess.run([sys.executable, "-m", "tierdesk", *command], check=True,
                       capture_output=True, env={**os.environ,
                                                 "TIERDESK_LOG_DIR": str(tmp_path / "log")})
        assert visits(office) == (before + brought, before + brought)   # once, no more
    assert killed == KILLS


def test_a_kill_during_sync_leaves_each_side_before_or_after(field_month, tmp_path):
    office_before, _ = visits(field_month / "office.sqlite")
    laptop_before, _ = visits(field_month / "laptop.sqlite")
    brought = CUSTOMERS * VISITS_EACH
    assert laptop_before >= brought
    office, laptop = fresh_copy(field_month, tmp_path / "whole")
    command = ["--db", str(laptop), "sync", "--office", str(office)]
    grows_to = whole_log(command, [wal(office), wal(laptop)], tmp_path / "log")
    assert visits(office)[0] == office_before + brought
    rng = random.Random(23)
    killed = 0
    for attempt in range(KILLS):
        office, laptop = fresh_copy(field_month, tmp_path / f"kill-{attempt}")
        command = ["--db", str(laptop), "sync", "--office", str(office)]
        killed += run_and_kill(command, [wal(office), wal(laptop)],
                               rng.randrange(grows_to), tmp_path / "log")
        assert visits(office)[0] in (office_before, office_before + brought)
        assert visits(laptop)[0] == laptop_before           # the laptop keeps its own
        subprocess.run([sys.executable, "-m", "tierdesk", *command], check=True,
                       capture_output=True, env={**os.environ,
                                                 "TIERDESK_LOG_DIR": str(tmp_path / "log")})
        assert visits(office) == (office_before + brought,) * 2
        again = open_database(laptop)
        try:
            assert Archive(again).sync.exchange_with(str(office))[0].inserted == {}
        finally:
            again.close()
    assert killed == KILLS
