"""The layer rules of pyproject.toml's [tool.importlinter] hold, and they do catch a break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    # Run where the package copy is, so that this copy is the one analysed.
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
         " sys.exit(lint_imports_command())", "--no-cache"],
        cwd=where, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(where)})


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tierdesk", tmp_path / "tierdesk",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layer_contracts_are_kept(tmp_path):
    finished = _lint(_copy(tmp_path))
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "0 broken" in finished.stdout


def test_qt_in_the_core_breaks_a_contract(tmp_path):
    where = _copy(tmp_path)
    errors = where / "tierdesk" / "core" / "errors.py"
    errors.write_text(errors.read_text(encoding="utf-8") + "\nimport PySide6.QtCore  # noqa\n",
                      encoding="utf-8")
    finished = _lint(where)
    assert finished.returncode != 0
    assert "tierdesk.core is not allowed to import PySide6" in finished.stdout
    assert "tierdesk.core.errors -> PySide6" in finished.stdout


def test_a_window_imported_by_a_report_breaks_a_contract(tmp_path):
    where = _copy(tmp_path)
    labels = where / "tierdesk" / "reports" / "labels.py"
    labels.write_text(labels.read_text(encoding="utf-8")
                      + "\nimport tierdesk.ui.today_panel  # noqa\n", encoding="utf-8")
    finished = _lint(where)
    assert finished.returncode != 0
    assert "tierdesk.reports.labels -> tierdesk.ui.today_panel" in finished.stdout


def test_the_database_imported_by_the_backups_brings_back_the_cycle(tmp_path):
    where = _copy(tmp_path)
    backup = where / "tierdesk" / "core" / "backup.py"
    backup.write_text(backup.read_text(encoding="utf-8")
                      + "\nfrom tierdesk.core.db import Database  # noqa\n", encoding="utf-8")
    finished = _lint(where)
    assert finished.returncode != 0
    assert "tierdesk.core.backup -> tierdesk.core.db" in finished.stdout
