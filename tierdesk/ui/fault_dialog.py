"""An unexpected error, shown to the person: one line of what happened, where the details
were written, and the details themselves to copy into a message to support."""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core import logbook
from tierdesk.ui.actions import on_click

_log = logbook.logger("ui")


class FaultDialog(QDialog):
    """One dialog for the faults of a session: a second fault while it is open is added to
    its details instead of opening another window over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faultDialog")
        self.setWindowTitle(self.tr("TierDesk: something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = QLabel()
        self.summary.setObjectName("faultSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setObjectName("faultDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        on_click(self.copy_button.clicked, self.copy_details)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def add(self, exc: BaseException, details: str) -> None:
        written = logbook.log_file() if logbook.start_logging() is not None else None
        where = (self.tr("The details were written to {file}.").format(file=written)
                 if written is not None else
                 self.tr("The log folder could not be written; copy the details below."))
        self.summary.setText(
            self.tr("TierDesk met an error it did not expect: {error}. What you had saved is "
                    "kept; the last action may not have been done.").format(
                error=f"{type(exc).__name__}: {exc}") + "\n" + where)
        text = self.details.toPlainText()
        self.details.setPlainText((text + "\n" if text else "") + details)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.summary.text() + "\n\n" + self.details.toPlainText())


_open: list[FaultDialog] = []


def show_fault(exc: BaseException, details: str = "", parent: QWidget | None = None) -> \
        FaultDialog:
    """Log the fault and show it (in the GUI thread); returns the dialog, which is not
    modal, so the work around it goes on."""
    details = details or "".join(traceback.format_exception(exc))
    logbook.start_logging()
    _log.error("unexpected error: %s\n%s", exc, details.rstrip())
    if _open and _open[0].isVisible():
        dialog = _open[0]
    else:
        _open.clear()
        dialog = FaultDialog(parent if parent is not None else QApplication.activeWindow())
        _open.append(dialog)
        dialog.destroyed.connect(_open.clear)
    dialog.add(exc, details)
    dialog.show()
    dialog.raise_()
    return dialog


class _Relay(QObject):
    """Brings a fault of another thread to the GUI thread (it lives there; a signal to its
    slot is queued when emitted elsewhere)."""

    fault = Signal(object, str)

    def __init__(self) -> None:
        super().__init__()
        self.fault.connect(self.show)

    @Slot(object, str)
    def show(self, exc: BaseException, details: str) -> None:
        show_fault(exc, details)


_relay: _Relay | None = None


def install_fault_hooks() -> None:
    """Faults nobody caught, in the GUI thread (a slot) or another one, are logged and shown
    rather than printed to a terminal nobody reads."""
    global _relay
    logbook.start_logging()
    _relay = _Relay()

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        if _relay is not None:
            _relay.fault.emit(exc, details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
