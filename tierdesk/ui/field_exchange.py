"""Field deployment in the window: a laptop archive for a salesperson, transfer files made and
read, synchronising a laptop with the office, and the manager's conflicts."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive, Change, Changed
from tierdesk.core.errors import TierDeskError
from tierdesk.excel.columns import FIELD_LABELS
from tierdesk.reports.labels import HISTORY_WHAT, label
from tierdesk.ui.actions import on_click
from tierdesk.ui.file_dialogs import open_file_name, save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.tables import cell_text, fill_table, make_table
from tierdesk.ui.workers import BackgroundTask

OFFICE_SETTING = "sync/office"     # where this laptop last found its office


class FieldExchange(QObject):
    """The actions of the File and Office menus that move work between laptops and the
    office; each runs in the background and ends with a summary of what came and went."""

    def __init__(self, parent: QWidget, archive: Archive, settings: QSettings,
                 action: Callable[[str, str | None, object], Any]) -> None:
        super().__init__(parent)
        self.window, self.archive, self.settings = parent, archive, settings
        self._action = action
        self.conflicts_dialog: ConflictsDialog | None = None

    def fill_file_menu(self, menu: QMenu) -> None:
        menu.addAction(self._action(self.tr("S&ynchronise with the office…"), "Ctrl+Shift+Y",
                                    self.synchronise))
        menu.addAction(self._action(self.tr("&Make a transfer file…"), None,
                                    self.make_transfer_file))
        menu.addAction(self._action(self.tr("&Read a transfer file…"), None,
                                    self.read_transfer_file))
        menu.addAction(self._action(self.tr("New &laptop archive…"), None, self.new_laptop))

    def fill_office_menu(self, menu: QMenu) -> None:
        menu.addAction(self._action(self.tr("&Conflicts…"), None, self.open_conflicts))

    def transfer_filter(self) -> str:
        return self.tr("TierDesk transfer files (*.tdx);;All files (*)")

    # -- the actions ---------------------------------------------------------------------------
    def new_laptop(self) -> None:
        if self._refused_on_laptop(self.tr("A laptop archive is made from the office's "
                                           "archive, not from a laptop's.")):
            return
        people = self.archive.office.salespeople(include_inactive=False, with_counts=False)
        names = [f"{p.code}  {p.name}" for p in people]
        chosen, ok = QInputDialog.getItem(self.window, self.tr("New laptop archive"),
                                          self.tr("Whose territory goes on the laptop?"),
                                          names, 0, False)
        if not ok or not chosen:
            return
        person = people[names.index(chosen)]
        path = save_file_name(self.window, self.tr("New laptop archive"),
                              f"tierdesk-{person.code}.sqlite",
                              self.tr("TierDesk databases (*.sqlite)"))
        if not path:
            return
        self._run(self.tr("Making the laptop archive…"),
                  lambda: self.archive.sync.checkout(Path(path), person.code),
                  lambda made: self.tr(
                      "The laptop archive for {who} is in {path}: {customers}, {visits}. Copy "
                      "it to the laptop and open it there.").format(
                      who=person.name, path=path,
                      customers=self.tr("%Ln customer(s)", "", made.counts.get("customer", 0)),
                      visits=self.tr("%Ln visit(s)", "", made.counts.get("visit", 0))))

    def make_transfer_file(self) -> None:
        site = self.archive.sync.site()
        code: str | None = None
        if not site.is_laptop:
            laptops = [p for p in self.archive.sync.peers() if p.role == "laptop"]
            if not laptops:
                self._tell(self.tr("No laptop was checked out of this office yet "
                                   "(File → New laptop archive…)."))
                return
            codes = {p.id: p.code for p in self.archive.office.salespeople(with_counts=False)}
            names = [p.name for p in laptops]
            chosen, ok = QInputDialog.getItem(self.window, self.tr("Make a transfer file"),
                                              self.tr("For whose laptop?"), names, 0, False)
            if not ok or not chosen:
                return
            code = codes.get(laptops[names.index(chosen)].salesperson_id)
        path = save_file_name(self.window, self.tr("Make a transfer file"),
                              f"tierdesk-{code or 'laptop'}.tdx", self.transfer_filter())
        if not path:
            return
        self._run(self.tr("Writing the transfer file…"),
                  lambda: self.archive.sync.bundle_out(Path(path), for_code=code),
                  lambda written: self.tr(
                      "{path} holds {rows} changed rows for {who}. Carry it over and read it "
                      "there (File → Read a transfer file…).").format(
                      path=path, rows=f"{sum(written.counts.values()):,}",
                      who=written.for_name))

    def read_transfer_file(self, path: str | None = None) -> None:
        """Apply a transfer file: the one given (opened from the file manager), else the one
        chosen."""
        path = path or open_file_name(self.window, self.tr("Read a transfer file"),
                                      self.transfer_filter())
        if not path:
            return
        self._run(self.tr("Applying the transfer file…"),
                  lambda: self.archive.sync.bundle_in(Path(path)), self.applied_text)

    def synchronise(self) -> None:
        if not self.archive.sync.site().is_laptop:
            self._tell(self.tr("This is the office's archive: laptops synchronise with it. "
                               "Use File → Make a transfer file… for a laptop that is away."))
            return
        where = str(self.settings.value(OFFICE_SETTING, "") or "")
        where, ok = QInputDialog.getText(
            self.window, self.tr("Synchronise with the office"),
            self.tr("The office's archive (a postgresql:// address, or its file when this "
                    "computer is at the office):"), text=where)
        if not ok or not where.strip():
            return
        self.settings.setValue(OFFICE_SETTING, where.strip())
        self._run(self.tr("Synchronising with the office…"),
                  lambda: self.archive.sync.exchange_with(where.strip()),
                  lambda both: self.tr("Sent to the office: {sent}\nReceived: {got}").format(
                      sent=self.applied_text(both[0]), got=self.applied_text(both[1])))

    def open_conflicts(self) -> ConflictsDialog:
        if self.conflicts_dialog is None:
            self.conflicts_dialog = ConflictsDialog(self.archive, self.window)
        self.conflicts_dialog.refresh()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        return self.conflicts_dialog

    # -- what each says ------------------------------------------------------------------------
    def applied_text(self, applied: Any) -> str:
        if applied.already:
            return self.tr("it was applied before; nothing changed.")
        text = self.tr("{new} new rows, {changed} changed, {conflicts} conflicts for the "
                       "manager.").format(new=f"{sum(applied.inserted.values()):,}",
                                          changed=f"{sum(applied.changed.values()):,}",
                                          conflicts=applied.conflicts)
        for old, new in applied.renumbered:
            text += " " + self.tr("Customer {old} is now {new}: the number was taken.").format(
                old=old, new=new)
        if applied.left:
            text += " " + self.tr("%n customer(s) handed to another salesperson left this "
                                  "laptop.", "", applied.left)
        return text

    def _run(self, title: str, work: Callable[[], Any], said: Callable[[Any], str]) -> None:
        BackgroundTask(self.window, title, lambda _report: work(),
                       done=lambda result: self._tell(said(result)),
                       error=self._failed).start()

    def _tell(self, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self.window, self.tr("Field exchange"), text)

    def _failed(self, exc: BaseException) -> None:
        text = tr_message(exc.message) if isinstance(exc, TierDeskError) else self.tr(
            "It could not be done: {reason}").format(reason=str(exc) or type(exc).__name__)
        self.last_message = text
        QMessageBox.warning(self.window, self.tr("Field exchange"), text)

    def _refused_on_laptop(self, text: str) -> bool:
        if self.archive.sync.site().is_laptop:
            self._tell(text)
            return True
        return False


class ConflictsDialog(QDialog):
    """The same field changed differently on a laptop and at the office: the manager keeps
    one value, takes the other, or types one; the choice goes back to the laptops."""

    loaded = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.archive = archive
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(1000, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = make_table([self.tr("Customer"), self.tr("What"), self.tr("Field"),
                                 self.tr("Before"), self.tr("Office"), self.tr("Incoming"),
                                 self.tr("From")], self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("&Keep the office's value"))
        self.take_button = QPushButton(self.tr("&Take the incoming value"))
        self.take_button.setToolTip(self.tr(
            "Take the value the laptop sent. A record deleted here comes back with it."))
        self.type_button = QPushButton(self.tr("T&ype a value…"))
        for button, handler in ((self.keep_button, lambda: self.resolve(take="office")),
                                (self.take_button, lambda: self.resolve(take="incoming")),
                                (self.type_button, self.type_value)):
            on_click(button.clicked, handler)
            row.addWidget(button)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.rows: list[Any] = []
        self.table.itemSelectionChanged.connect(self._enable)
        archive.subscribe(self._changed)
        self.destroyed.connect(lambda: archive.unsubscribe(self._changed))

    def _changed(self, change: Change) -> None:
        if change.kinds & (Changed.BULK | Changed.CUSTOMERS) and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.rows = self.archive.sync.conflicts()
        fill_table(self.table, [(
            f"{c.customer_number} {c.customer_name}".strip(),
            label(HISTORY_WHAT, c.table_name, translate),
            translate("Columns", FIELD_LABELS[c.field]) if c.field in FIELD_LABELS
            else c.field,
            cell_text(c.base) or "—",
            self.tr("{value} ({who}, {when})").format(
                value=cell_text(c.office) or "—", who=c.office_by or "?",
                when=cell_text(c.office_at) or "?")
            if c.kind == "field" else self.tr("{value} (deleted here)").format(
                value=cell_text(c.office) or "—"),
            self.tr("{value} ({who}, {when})").format(
                value=cell_text(c.incoming) or "—", who=c.incoming_by or "?",
                when=cell_text(c.incoming_at) or "?"),
            c.from_name) for c in self.rows])
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("%n conflict(s) wait for a decision.", "", len(self.rows))
                             if self.rows else self.tr("No conflicts wait for a decision."))
        if self.rows and not self.table.selectedItems():
            self.table.selectRow(0)
        self._enable()
        self.loaded.emit()

    def _enable(self) -> None:
        chosen = self.current() is not None
        for button in (self.keep_button, self.take_button, self.type_button):
            button.setEnabled(chosen)

    def current(self) -> Any:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) and \
            self.table.selectedItems() else None

    def type_value(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Type a value"), self.tr("Value:"),
                                        text=cell_text(conflict.office))
        if ok:
            self.resolve(value=text)

    def resolve(self, *, take: str | None = None, value: str | None = None) -> None:
        conflict = self.current()
        if conflict is None:
            return
        conflict_id: uuid.UUID = conflict.id
        try:
            self.archive.sync.resolve(conflict_id, take=take, value=value)
        except TierDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), tr_message(exc.message))
        self.refresh()
