"""The layer rules of pyproject.toml's [tool.importlinter] hold, and they do catch a break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


BREAKS = [
    # (file changed, line added, what the report must say)
    ("core/errors.py", "import PySide6.QtCore", ("tierdesk.core is not allowed to import PySide6",
                                                 "tierdesk.core.errors -> PySide6")),
    ("reports/labels.py", "import tierdesk.ui.today_panel",
     ("tierdesk.reports.labels -> tierdesk.ui.today_panel",)),
    ("core/store/backup.py", "from tierdesk.core.store.db import Database",
     ("tierdesk.core.store.backup -> tierdesk.core.store.db",)),
    ("ui/person_dialog.py", "from tierdesk.core.store.db import Database",
     ("tierdesk.ui.person_dialog -> tierdesk.core.store.db",)),
    ("core/customers/cards.py", "import sqlite3", ("tierdesk.core.customers.cards -> sqlite3",)),
]


@pytest.mark.parametrize(("module", "line", "said"), BREAKS,
                         ids=["qt-in-core", "window-in-report", "backup-db-cycle",
                              "session-in-window", "driver-outside-store"])
def test_a_broken_rule_fails_the_contracts(tmp_path, module, line, said):
    where = _copy(tmp_path)
    changed = where / "tierdesk" / module
    changed.write_text(changed.read_text(encoding="utf-8") + f"\n{line}  # noqa\n",
                       encoding="utf-8")
    finished = _lint(where)
    assert finished.returncode != 0
    for text in said:
        assert text in finished.stdout, finished.stdout


def test_printing_paints_without_widgets():
    """tierdesk/render runs where there is no window (the command line prints too): nothing in
    it loads QtWidgets at import. (render.pdf.ensure_gui_application makes a QApplication when
    no application exists yet, so that windows can still be made in the same process.)"""
    import ast

    for path in sorted((ROOT / "tierdesk" / "render").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)]
        modules += [alias.name for node in tree.body if isinstance(node, ast.Import)
                    for alias in node.names]
        assert not [m for m in modules if m.startswith("PySide6.QtWidgets")], path
