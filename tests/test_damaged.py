"""A damaged archive is found as it opens and nothing is ever written into it: the write gate
refuses, the command line says what is damaged and how to restore, the window shows a banner
and puts the latest good backup back."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.helpers import write_workbook
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.errors import DatabaseFileError
from tierdesk.core.store.backup import backup_database, list_backups
from tierdesk.core.store.damage import quick_check
from tierdesk.core.store.db import open_database

PAGE = 4096


def zero_pages(path: Path, pages: list[int]) -> None:
    """Overwrite whole pages (numbered from 1, as SQLite numbers them) with zeros."""
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * PAGE)
            handle.write(b"\0" * PAGE)


def eight_pages_in_the_middle(path: Path) -> None:
    """As a failing disk would: eight pages of the customers' data and indexes gone."""
    middle = path.stat().st_size // PAGE // 2
    zero_pages(path, [middle + 13 * n for n in range(8)])


def a_table_no_command_reads(path: Path) -> None:
    """Damage where adding a visit, a reassessment and an import never read: only the quick
    check (and the gate) can tell."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as raw:
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'alert_note'")
        page = root.fetchone()[0]
    zero_pages(path, [page])


def state(path: Path) -> tuple[str, int]:
    """The archive's bytes, and what its write-ahead log holds."""
    wal = Path(f"{path}-wal")
    return (hashlib.sha256(path.read_bytes()).hexdigest(),
            wal.stat().st_size if wal.exists() else 0)


@pytest.fixture(params=[eight_pages_in_the_middle, a_table_no_command_reads],
                ids=["pages-in-the-middle", "a-table-no-command-reads"])
def damaged(request, demo_template, tmp_path) -> Path:
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_template, path)
    request.param(path)
    assert quick_check(path)
    return path


def test_the_gate_refuses_every_write_into_a_damaged_archive(damaged):
    before = state(damaged)
    db = open_database(damaged)
    try:
        damage = Archive(db).check.damage()
        assert damage is not None and str(damaged) in str(damage)
        with pytest.raises(DatabaseFileError) as refused, db.write():
            pass
        said = str(refused.value)
        assert "is damaged" in said and "open for reading only" in said
        assert "tierdesk restore" in said
    finally:
        db.close()
    assert state(damaged) == before


def test_a_whole_archive_passes_the_quick_check(demo_db):
    assert Archive(demo_db).check.damage() is None
    with demo_db.write():
        pass


def customers_workbook(tmp_path: Path) -> str:
    return write_workbook(tmp_path / "new.xlsx", {"客户": [["客户名称", "手机"],
                                                          ["新客户有限公司", "13700137000"]]})


@pytest.mark.parametrize("command", ["add-visit", "tiers assess --apply", "import"])
def test_writing_commands_are_refused_and_the_file_is_left_as_it_was(damaged, tmp_path,
                                                                      capsys, command,
                                                                      request):
    with sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True) as raw:
        number = raw.execute("SELECT number FROM customer ORDER BY number").fetchone()[0]
    argv = {"add-visit": ["add-visit", number, "--summary", "回访"],
            "tiers assess --apply": ["tiers", "assess", "--apply"],
            "import": ["import", customers_workbook(tmp_path)]}[command]
    before = state(damaged)
    assert main(["--db", str(damaged), *argv]) == 1
    captured = capsys.readouterr()
    assert "damaged" in captured.err and "Traceback" not in captured.err
    assert captured.err.startswith("tierdesk: ") and "unexpected" not in captured.err
    if "a-table-no-command-reads" in request.node.name:
        # Nothing the command read was damaged: the quick check's refusal, from the gate (or
        # before the copy that risky work takes first).
        assert "open for reading only" in captured.err and "tierdesk restore" in captured.err
    assert state(damaged) == before


def test_an_export_leaves_a_whole_workbook_or_none(damaged, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "out" / "all.xlsx"
    out.parent.mkdir()
    code = main(["--db", str(damaged), "export", "all", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 0:       # the damage is where an export does not read
        assert load_workbook(out, read_only=True).sheetnames == [
            "Customers", "Visits", "Orders", "Payments"]
    else:
        assert code == 1 and "damaged" in err
        assert list(out.parent.iterdir()) == []


def test_a_damaged_archive_of_an_older_schema_is_never_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parent / "data" / "schema_0013.sqlite", path)
    a_table_no_command_reads(path)
    before = state(path)
    with pytest.raises(DatabaseFileError, match="is damaged"):
        open_database(path, backup_dir=tmp_path / "backups")
    assert state(path) == before
    assert not list_backups(path, tmp_path / "backups")


def test_the_window_says_so_and_puts_the_latest_good_backup_back(qtbot, demo_template,
                                                                 tmp_path, monkeypatch):
    from tierdesk.ui.main_window import MainWindow

    path, folder = tmp_path / "office.sqlite", tmp_path / "backups"
    shutil.copyfile(demo_template, path)
    good = backup_database(path, reason="by-hand", folder=folder)
    a_table_no_command_reads(path)
    db = open_database(path, backup_dir=folder)
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    win.show()
    check = win.archive_check
    if check.banner is None:
        with qtbot.waitSignal(check.damage_shown, timeout=20000):
            pass
    banner = check.banner
    assert banner is not None and banner.isVisible()
    assert banner.text.text().startswith("This archive is damaged and open for reading only")
    assert str(path) in banner.text.text()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(check.restored, timeout=30000) as restored:
        banner.restore_button.click()
    assert good.name in asked[0]
    assert restored.args == [str(path)]
    assert quick_check(path) == []          # the archive is whole again
    assert "Restored from" in check.outcome
    kept = [b.file.name for b in list_backups(path, folder)]
    assert any("before-restore" in name for name in kept)
    db.close()
