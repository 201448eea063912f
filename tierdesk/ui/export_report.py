"""What the window says once a workbook is written: where it went, and which columns hold
texts longer than an Excel cell, continued in the cells after them (nothing is cut)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from tierdesk.ui.i18n import tr_message


def report_written(parent: QWidget, path: str, written: Sequence[str]) -> None:
    """Tell the person the workbook at ``path`` is written (in the window's status bar), and
    in a message which columns were continued, if any (``written``: what the writer
    returned, its sheets and the columns continued)."""
    said = QCoreApplication.translate("MainWindow", "Exported to {path}").format(path=path)
    continued = getattr(written, "continued", ())
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(said, 8000)
    if continued:
        QMessageBox.information(
            parent, QCoreApplication.translate("MainWindow", "Export to Excel"),
            "\n\n".join([said, *(tr_message(column.message()) for column in continued)]))
