"""Asking for a file to open or a place to save it: every such dialog starts in the folder the
person used last (kept in their settings), or their home folder the first time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER = "files/last-folder"


def personal_settings() -> QSettings:
    return QSettings()


def start_in(name: str = "") -> str:
    """Where a file dialog opens: the last folder used (if it is still there), ``name`` in it."""
    folder = Path(str(personal_settings().value(LAST_FOLDER, "") or Path.home()))
    if not folder.is_dir():
        folder = Path.home()
    return str(folder / name) if name else str(folder)


def remember_folder(path: str) -> None:
    if path:
        personal_settings().setValue(LAST_FOLDER, str(Path(path).parent))


def save_file_name(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Where to save, or "" if the person cancelled; ``name``: the file name suggested."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start_in(name), filters)
    remember_folder(path)
    return path


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """The file to open, or "" if the person cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start_in(), filters)
    remember_folder(path)
    return path
