"""kill -9 at random moments of the commands that change the archive most: an import, a tier
reassessment (--apply), publishing a month plan, applying a transfer file, a backup and a
restore. After each kill the archive is whole (integrity and foreign-key checks), holds either
everything the command does or nothing of it, and every backup in its folder is whole.

So that some sixty kills fit in CI time, the commands run in children forked from one process
that has loaded TierDesk once (as `tierdesk` runs them: tierdesk.cli.main), each on a fresh
copy of a ready archive. Half of the kills come when the archive's write-ahead log has grown
past a size drawn at random (up to what a whole run writes): inside the writing; the others
at a moment drawn at random over the whole run (the backup before a risky command, the reading
before the writing, the copying of a backup or a restore)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers import write_workbook
from tierdesk.cli import main

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks its children")

KILLS = 60
MOST_ATTEMPTS = 150

# One process loads TierDesk, then forks a child per command it is sent (a JSON line: the
# arguments, the environment, where the child's output goes), tells the child's id, and once
# the child has ended, how (its wait status).
_FORKER = r"""
import json, os, sys
from tierdesk.cli import main
import tierdesk.cli.backups, tierdesk.cli.files, tierdesk.cli.planning, tierdesk.cli.sync
import tierdesk.core.archive, tierdesk.core.store.backup, tierdesk.core.store.backup_area
import tierdesk.excel.reader, tierdesk.excel.workbook_import, tierdesk.core.planning.plans
import tierdesk.core.tiers.grades, tierdesk.core.sync.bundle, tierdesk.core.sync.merge
from tierdesk.core.customers.search_key import load_readings
load_readings()
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.environ.update(job["env"])
            out = os.open(job["out"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            os.dup2(out, 1)
            os.dup2(out, 2)
            sys.stdin = open(os.devnull)
            code = main(job["args"])
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    print(pid, flush=True)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


class Forker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _FORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parent.parent)

    def run(self, args: list[str], env: dict[str, str], out: Path, watched: Path,
            grown_past: int | None = None, after_s: float | None = None) -> Run:
        """Run the command in a child; kill -9 it once ``watched`` (a write-ahead log) has
        grown past ``grown_past`` bytes, or ``after_s`` seconds have passed."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write((json.dumps(
            {"args": args, "env": env, "out": str(out)}) + "\n").encode())
        self.process.stdin.flush()
        pid = int(self.process.stdout.readline())
        started = time.monotonic()
        run = Run()
        sent = False
        while not select.select([self.process.stdout], [], [], 0.002)[0]:
            with contextlib.suppress(OSError):
                run.wal = max(run.wal, watched.stat().st_size)
            if not sent and ((grown_past is not None and run.wal > grown_past) or (
                    after_s is not None and time.monotonic() - started >= after_s)):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                sent = True
        status = int(self.process.stdout.readline())
        run.seconds = time.monotonic() - started
        run.killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        run.code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
        return run

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(30)


@dataclass
class Run:
    killed: bool = False
    code: int = 0
    wal: int = 0            # the largest the write-ahead log was seen
    seconds: float = 0.0


@dataclass
class Command:
    name: str
    args: list[str]          # after --db ARCHIVE
    before: tuple[object, ...] = ()
    after: tuple[object, ...] = ()
    wal: int = 0
    seconds: float = 0.0
    kills: int = field(default=0)


def state(path: Path) -> tuple[object, ...]:
    """What the archive holds, after checking it is whole: the rows of every table, and the
    customers' numbers, names, tiers and states, the plans' states."""
    with contextlib.closing(sqlite3.connect(path)) as file:
        file.execute("PRAGMA query_only = ON")
        assert file.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert file.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = [row[0] for row in file.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = tuple((name, file.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
                     for name in tables)
        customers = hashlib.sha256(repr(file.execute(
            "SELECT number, name, tier, status FROM customer ORDER BY number").fetchall())
            .encode()).hexdigest()
        plans = tuple(file.execute("SELECT month, status FROM month_plan ORDER BY month"))
        return rows, customers, plans


def backups_whole(folder: Path) -> None:
    """Every backup in ``folder`` opens and is whole (a killed backup leaves at most a file
    named as unfinished)."""
    if not folder.is_dir():
        return
    for copy in folder.rglob("*.sqlite"):
        with contextlib.closing(sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)) as file:
            assert file.execute("PRAGMA integrity_check").fetchall() == [("ok",)], copy


@pytest.fixture(scope="module")
def ready(tmp_path_factory):
    """The office (a demo office of 100 customers, then 50 customers imported and a laptop
    checked out), a backup of it from before those, a transfer file of the laptop's month (120
    new customers with 360 visits), and a workbook of 800 new customers: kept pristine."""
    folder = tmp_path_factory.mktemp("ready")
    office, laptop = folder / "office.sqlite", folder / "laptop.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIERDESK_BACKUP_DIR", str(folder / "backups"))
        assert main(["--db", str(office), "demo", "--customers", "100",
                     "--salespeople", "4"]) == 0
        assert main(["--db", str(office), "backup", "--to", str(folder / "earlier.sqlite")]) == 0
        few = write_workbook(folder / "few.xlsx", {"客户": [["客户名称", "手机"]] + [
            [f"先到客户{i:03d}商行", f"137{i:08d}"] for i in range(50)]})
        assert main(["--db", str(office), "import", few]) == 0
        assert main(["--db", str(laptop), "laptop", "checkout", "--office", str(office),
                     "--salesperson", "S001"]) == 0
        month = write_workbook(folder / "month.xlsx", {
            "客户": [["客户编号", "客户名称", "手机"]] + [
                [f"KL-{i:04d}", f"外勤客户{i:04d}商行", f"136{i:08d}"] for i in range(120)],
            "拜访": [["客户编号", "拜访日期", "方式", "目的", "洽谈内容"]] + [
                [f"KL-{i:04d}", f"2026-10-{1 + v * 7:02d}", "上门拜访", f"第{v + 1}次", "谈价格"]
                for i in range(120) for v in range(3)]})
        assert main(["--db", str(laptop), "import", month]) == 0
        assert main(["--db", str(laptop), "bundle", "out", str(folder / "month.tdx")]) == 0
        many = folder / "many.csv"
        many.write_text("客户名称,手机,联系人\n" + "".join(
            f"导入客户{i:05d}贸易有限公司,135{i:08d},赵六\n" for i in range(800)),
            encoding="utf-8")
    return folder


def test_kill_9_at_random_moments_leaves_the_archive_whole_and_all_or_nothing(ready,
                                                                              tmp_path):
    commands = [
        Command("import", ["import", str(ready / "many.csv")]),
        Command("reassessment", ["tiers", "assess", "--apply"]),
        Command("publishing", ["plan", "--publish"]),
        Command("transfer file", ["bundle", "in", str(ready / "month.tdx")]),
        Command("backup", ["backup"]),
        Command("restore", ["restore", str(ready / "earlier.sqlite"), "--yes"]),
    ]
    before = state(ready / "office.sqlite")
    forker = Forker()
    try:
        for command in commands:      # a whole run of each: what "everything" is
            run, archive, backups = _run(forker, command, tmp_path / f"whole-{command.name}",
                                         ready)
            assert run.code == 0 and not run.killed, (archive.parent / "out").read_text()
            command.before, command.after = before, state(archive)
            command.wal, command.seconds = run.wal, run.seconds
            backups_whole(backups)
        assert {c.name for c in commands if c.after != c.before} == {
            "import", "reassessment", "publishing", "transfer file", "restore"}

        rng = random.Random(20)
        kills = attempts = 0
        while kills < KILLS and attempts < MOST_ATTEMPTS:
            command = commands[attempts % len(commands)]
            attempts += 1
            inside = command.wal > 0 and rng.random() < 0.5
            run, archive, backups = _run(
                forker, command, tmp_path / f"kill-{attempts}", ready,
                grown_past=rng.randrange(command.wal) if inside else None,
                after_s=None if inside else rng.uniform(0, command.seconds))
            assert run.killed or run.code == 0, (archive.parent / "out").read_text()
            found = state(archive)                      # whole: integrity, foreign keys
            assert found in (command.before, command.after), (command.name, run)
            backups_whole(backups)
            kills += run.killed
            command.kills += run.killed
            shutil.rmtree(archive.parent)
    finally:
        forker.close()
    assert kills >= 50, [(c.name, c.kills) for c in commands]
    assert all(c.kills >= 5 for c in commands), [(c.name, c.kills) for c in commands]


def _run(forker: Forker, command: Command, folder: Path, ready: Path,
         **kill: float | int | None) -> tuple[Run, Path, Path]:
    folder.mkdir()
    archive, backups = folder / "office.sqlite", folder / "backups"
    shutil.copyfile(ready / "office.sqlite", archive)
    run = forker.run(["--db", str(archive), *command.args],
                     {"TIERDESK_BACKUP_DIR": str(backups)}, folder / "out",
                     archive.with_name(archive.name + "-wal"), **kill)  # type: ignore[arg-type]
    return run, archive, backups
