"""While a write of the window waits its turn behind another program writing to the archive
(a long import on another machine, a reassessment from the command line): a busy indicator
that names what it waits behind, with Stop waiting. The write keeps its work and goes ahead
as soon as its turn comes; stopped, it writes nothing and says so.

A write made in the window's own thread (a visit saved, a customer edited) waits there: the
indicator is kept painted and its button answered while it waits. A write in a worker (an
import, a reassessment) tells the window's thread by signal."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tierdesk.ui.i18n import tr_message

if TYPE_CHECKING:
    from tierdesk.core.archive import Archive
    from tierdesk.core.store.write_queue import Waiting

# A wait shorter than this shows nothing (most turns come in a moment).
SHOW_AFTER_S = 0.4
_EVENTS_MS = 50


class WriteWaits(QObject):
    """The busy indicator of the writes to ``archive`` waiting their turn, over ``window``."""

    waited = Signal(object)     # a Waiting, from whichever thread writes
    shown = Signal(str)         # the indicator shows (or changes) this text

    def __init__(self, window: QWidget, archive: Archive) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QProgressDialog | None = None
        self._stopped = threading.Event()
        self.waited.connect(self._show)      # queued when it comes from a worker
        queue = archive.database.queue
        if queue is None:      # a database server: its writers queue by themselves
            return
        queue.on_wait = self.on_wait
        self.destroyed.connect(lambda *_: setattr(queue, "on_wait", None))

    def on_wait(self, waiting: Waiting) -> bool:
        """Called by the write queue in the thread that writes; False once the person
        pressed Stop waiting."""
        try:
            if QThread.currentThread() is self.thread():
                self._show(waiting)
                if not waiting.over:   # keep the indicator painted and its button answered
                    QCoreApplication.processEvents(
                        QEventLoop.ProcessEventsFlag.AllEvents, _EVENTS_MS)
            else:
                self.waited.emit(waiting)
        except RuntimeError:            # the window has gone: wait on, unseen
            return True
        return not self._stopped.is_set()

    def _show(self, waiting: Waiting) -> None:
        if waiting.over:
            if self.dialog is not None:
                # Closing a progress dialog says "canceled": that is no one stopping.
                self.dialog.canceled.disconnect(self._stopped.set)
                self.dialog.close()
                self.dialog.deleteLater()
                self.dialog = None
            self._stopped.clear()      # a Stop waiting pressed ends with its own wait
            return
        if waiting.waited < SHOW_AFTER_S:
            return
        text = tr_message(waiting.message)
        if self.dialog is None:
            self._stopped.clear()
            self.dialog = QProgressDialog(text, self.tr("Stop waiting"), 0, 0, self.window)
            self.dialog.setObjectName("writeWait")
            self.dialog.setWindowTitle(self.tr("Waiting to write"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self._stopped.set)
            self.dialog.show()
        elif self.dialog.labelText() == text:
            return
        else:
            self.dialog.setLabelText(text)
        with contextlib.suppress(RuntimeError):
            self.shown.emit(text)
