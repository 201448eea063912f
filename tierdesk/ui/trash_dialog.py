"""Customer → Trash…: the customers deleted in the last 30 days, each restorable with
everything it held; and the purge of those deleted longer ago, run when the window starts."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive, Change, Changed
from tierdesk.core.customers.trash import TRASH_DAYS, TrashedCustomer
from tierdesk.core.errors import TierDeskError
from tierdesk.ui.actions import on_click
from tierdesk.ui.events import ArchiveEvents
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.tables import fill_table, make_table
from tierdesk.ui.workers import QuietTask


def _local(moment: dt.datetime) -> dt.datetime:
    """A moment the archive keeps in UTC, as this computer's clock shows it."""
    return moment.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


class TrashDialog(QDialog):
    """The trash: who was deleted, when and by whom, what each holds; Restore puts the
    chosen customer back in the customer list at once."""

    restored = Signal(object)     # the customer's id, once it is back
    loaded = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.archive = archive
        self.setWindowTitle(self.tr("Trash"))
        self.resize(960, 420)
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("A deleted customer stays here for {days} days with its cards, "
                               "visits and orders, and can be restored; after that it is "
                               "removed for good.").format(days=TRASH_DAYS))
        about.setWordWrap(True)
        layout.addWidget(about)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = make_table([self.tr("Number"), self.tr("Name"), self.tr("Salesperson"),
                                 self.tr("Deleted"), self.tr("Deleted by"), self.tr("Cards"),
                                 self.tr("Visits"), self.tr("Orders"),
                                 self.tr("Removed for good after")], self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setToolTip(self.tr(
            "Put the customer back in the customer list with everything it held."))
        on_click(self.restore_button.clicked, self.restore)
        row.addWidget(self.restore_button)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.rows: list[TrashedCustomer] = []
        self.last_message = ""
        self.table.itemSelectionChanged.connect(self._enable)
        self.events = ArchiveEvents(archive, self)
        self.events.changed.connect(self._changed)
        self.destroyed.connect(self.events.detach)

    def _changed(self, change: Change) -> None:
        if change.kinds & (Changed.BULK | Changed.CUSTOMERS) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.rows = self.archive.trash.customers()
        fill_table(self.table, [(
            c.number, c.name, c.salesperson, _local(c.deleted_at), c.deleted_by or "?",
            f"{c.cards:,}", f"{c.visits:,}", f"{c.orders:,}",
            _local(c.purged_after).date()) for c in self.rows])
        self.summary.setText(self.tr("%n customer(s) in the trash.", "", len(self.rows))
                             if self.rows else self.tr("The trash is empty."))
        if self.rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._enable()
        self.loaded.emit()

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.current() is not None)

    def current(self) -> TrashedCustomer | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) and \
            self.table.selectedItems() else None

    def restore(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        customer_id: uuid.UUID = chosen.id
        try:
            back = self.archive.trash.restore(customer_id)
        except TierDeskError as exc:
            self.last_message = tr_message(exc.message)
            QMessageBox.warning(self, self.windowTitle(), self.last_message)
            self.refresh()
            return
        self.last_message = self.tr("{number} {name} is back in the customer list.").format(
            number=back.number, name=back.name)
        self.summary.setText(self.last_message)
        self.restored.emit(customer_id)
        self.refresh()
        self.summary.setText(self.last_message)


def open_trash(window: Any) -> TrashDialog:
    """Customer → Trash… in the main window: the dialog, kept while the window lives; a
    restored customer is opened in the window."""
    dialog = getattr(window, "trash_dialog", None)
    if dialog is None:
        dialog = TrashDialog(window.archive, window)
        dialog.restored.connect(window.select_customer)
        window.trash_dialog = dialog
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    return dialog


class PurgeNotice(QObject):
    """What the status bar says of the customers purged at start."""

    def text(self, count: int) -> str:
        return self.tr("%n customer(s) deleted more than {days} days ago removed for good.",
                       "", count).format(days=TRASH_DAYS)


def purge_when_started(window: QMainWindow, archive: Archive) -> QuietTask:
    """At start: the customers deleted more than TRASH_DAYS ago are purged, in the
    background; the status bar says how many. A refusal (an archive that cannot be written
    now) leaves them for the next start."""

    def done(purged: list[TrashedCustomer]) -> None:
        count = len(purged)
        if count:
            # The window may have been closed meanwhile: then there is nobody to tell.
            with contextlib.suppress(RuntimeError):
                window.statusBar().showMessage(PurgeNotice().text(count), 15000)

    return QuietTask(window, archive.trash.purge, done=done, error=lambda _exc: None)
