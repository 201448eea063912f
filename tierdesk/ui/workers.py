"""Long work off the GUI thread, with a progress dialog that appears after a short delay and
can cancel. The result or the error comes back to the GUI thread by signal."""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from tierdesk.core import logbook

# fn(report) -> result; report(done, total, text) -> bool (False once the user cancelled)
Report = Callable[[int, int, str], bool]


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Report], Any], signals: _Signals,
                 cancelled: threading.Event) -> None:
        super().__init__()
        self.fn, self.signals, self.cancelled = fn, signals, cancelled

    def run(self) -> None:
        def report(done: int, total: int, text: str = "") -> bool:
            self.signals.progress.emit(done, total, text)
            return not self.cancelled.is_set()

        try:
            result = self.fn(report)
        except BaseException as exc:
            details = traceback.format_exc()
            if not logbook.unexpected(exc):   # a refusal or a cancel: its message says it
                logbook.logger("work").info("background work stopped: %s", exc)
            self._tell(self.signals.failed, exc, details)
        else:
            self._tell(self.signals.finished, result)

    @staticmethod
    def _tell(signal: Any, *args: Any) -> None:
        # The program may be ending and have taken the receiver with it: nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)


def _failed(error: Callable[[BaseException], None], exc: BaseException, details: str) -> None:
    """The task's own handler says what the view shows; a fault of the program is also
    logged with its traceback and shown in the fault dialog."""
    error(exc)
    if logbook.unexpected(exc):
        from tierdesk.ui.fault_dialog import show_fault

        show_fault(exc, details)


class QuietTask(QObject):
    """Runs ``fn()`` in the thread pool with no dialog; ``done(result)`` or ``error(exc)`` is
    called in the GUI thread, while ``parent`` (the view that asked) is still there: a view
    closed meanwhile is told nothing (a fault of the program is still logged and shown)."""

    def __init__(self, parent: QObject, fn: Callable[[], Any], *,
                 done: Callable[[Any], None], error: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self.signals = _Signals()  # no parent: it must outlive a window closed meanwhile

        def finished(result: Any) -> None:
            if shiboken6.isValid(parent):
                done(result)

        def failed(exc: BaseException, details: str) -> None:
            _failed(error if shiboken6.isValid(parent) else lambda _exc: None, exc, details)

        self.signals.finished.connect(finished)
        self.signals.failed.connect(failed)
        self._job = _Job(lambda _report: fn(), self.signals, threading.Event())
        QThreadPool.globalInstance().start(self._job)


class BackgroundTask(QObject):
    """Runs ``fn`` in the thread pool; ``done``/``error`` are called in the GUI thread."""

    def __init__(self, parent: QWidget, title: str, fn: Callable[[Report], Any], *,
                 done: Callable[[Any], None], error: Callable[[BaseException], None],
                 show_after_ms: int = 400) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.title = title
        self.signals = _Signals()
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(lambda result: self._finish(done, result))
        self.signals.failed.connect(
            lambda exc, details: self._finish(lambda e: _failed(error, e, details), exc))
        self._job = _Job(fn, self.signals, self.cancelled)
        self._timer = QTimer(self)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._job)

    def _on_progress(self, done: int, total: int, _step: str) -> None:
        # The core names its steps for logs; the person sees the task's title and a count.
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(f"{self.title}\n{min(done, total):,} / {total:,}")

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        callback(value)
        self.deleteLater()


@contextmanager
def waiting() -> Iterator[None]:
    """The wait cursor over a short job done in place (a few seconds on a large office)."""
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
