"""What the button and menu tests share: standing in for a person at a modal dialog."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def stand_in_for_exec(monkeypatch, cls, answer=None):  # type: ignore[no-untyped-def]
    """Replace ``cls.exec`` so the dialog is built but not run modally; returns the list of
    dialogs that were shown. ``answer(dialog)`` plays the person's part and gives the result."""
    shown: list[QWidget] = []

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        shown.append(dialog)
        return answer(dialog) if answer is not None else 0

    monkeypatch.setattr(cls, "exec", fake_exec)
    return shown


def action(window: QWidget, text: str) -> QAction:
    """The window's action whose text (ampersands left out) is ``text``."""
    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    assert len(found) == 1, [a.text() for a in window.findChildren(QAction)]
    return found[0]


def save_as(monkeypatch, path, method: str = "getSaveFileName") -> list[tuple]:  # type: ignore[type-arg]
    """The file dialog answers ``path``; returns the calls it received."""
    from PySide6.QtWidgets import QFileDialog

    calls: list[tuple] = []  # type: ignore[type-arg]

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, method, fake)
    return calls


def button(window: QWidget, text: str):  # type: ignore[no-untyped-def]
    """The one push button in ``window`` whose text (ampersands left out) is ``text``."""
    from PySide6.QtWidgets import QPushButton

    found = [b for b in window.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert len(found) == 1, [b.text() for b in window.findChildren(QPushButton)]
    return found[0]


def set_and_save(block, name: str, value: int) -> None:  # type: ignore[no-untyped-def]
    """Set one number of a settings block and press its Save button."""
    block.spins[name].setValue(value)
    button(block, "Save").click()


def open_main_window(qtbot, db, tmp_path):  # type: ignore[no-untyped-def]
    """The main window over a fresh archive, shown, in English."""
    from PySide6.QtCore import QSettings

    from tierdesk.core.archive import Archive
    from tierdesk.ui.main_window import MainWindow

    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    win.show()
    return win
