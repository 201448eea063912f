"""The import window: choose a file and its sheets, check the columns, see what would happen
(a dry run, with every refused row and why), then import in one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError
from tierdesk.excel.columns import (
    CTX as COLUMNS_CTX,
)
from tierdesk.excel.columns import (
    FIELD_LABELS,
    apply_mapping,
    save_mapping,
    saved_mappings,
)
from tierdesk.excel.reader import Workbook, open_workbook
from tierdesk.excel.workbook_import import (
    KINDS,
    SheetChoice,
    WorkbookImport,
    fields_of,
    import_workbook,
    survey,
)
from tierdesk.ui.actions import on_click
from tierdesk.ui.file_dialogs import open_file_name, save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.tables import fill_table, make_table
from tierdesk.ui.workers import BackgroundTask

SKIP = ""
WIDE_SHEET = 200    # columns; a wider sheet's columns page leaves out its empty columns


def explained(exc: BaseException, unforeseen: str) -> str:
    """What went wrong, for the person: the archive's own message, or ``unforeseen`` with
    the error's reason."""
    if isinstance(exc, TierDeskError):
        return tr_message(exc.message)
    return unforeseen.format(reason=str(exc) or type(exc).__name__)


class ImportWizard(QWizard):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.book: Workbook | None = None
        self.choices: list[SheetChoice] = []
        self.outcome: WorkbookImport | None = None
        self.setWindowTitle(self.tr("Import from Excel"))
        self.resize(900, 620)
        self.kind_names = {"customers": self.tr("Customers"), "visits": self.tr("Visits"),
                           "orders": self.tr("Orders"), "payments": self.tr("Payments"),
                           SKIP: self.tr("(not imported)")}
        # The same inside a sentence ("12 visits to add").
        self.kind_nouns = {"visits": self.tr("visits"), "orders": self.tr("orders"),
                           "payments": self.tr("payments")}
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.review_page = ReviewPage(self)
        for page in (self.file_page, self.columns_page, self.review_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))

    def field_label(self, name: str) -> str:
        if name in FIELD_LABELS:
            return translate(COLUMNS_CTX, FIELD_LABELS[name])
        return {"customer_number": self.tr("Customer no."), "customer_name": self.tr("Customer"),
                "visit_date": self.tr("Visit date"), "channel": self.tr("Channel"),
                "purpose": self.tr("Purpose"), "summary": self.tr("What was discussed"),
                "outcome": self.tr("Outcome"), "next_step": self.tr("Next step"),
                "next_visit_on": self.tr("Next visit"), "order_date": self.tr("Order date"),
                "reference": self.tr("Order reference"), "product": self.tr("Product"),
                "amount": self.tr("Amount"), "profit": self.tr("Profit"),
                "via_outlet": self.tr("Via outlet"), "paid_on": self.tr("Payment date"),
                "method": self.tr("Payment method")}.get(name, name)

    def chosen(self) -> list[SheetChoice]:
        return [c for c in self.choices if c.kind != SKIP]

    def accept(self) -> None:
        """Import for real, in the background; the window closes when it has landed."""
        assert self.book is not None
        book, choices = self.book, self.chosen()
        duplicates = self.review_page.duplicates()
        db = self.archive.database

        def work(report):  # type: ignore[no-untyped-def]
            return import_workbook(db, book, choices=choices, duplicates=duplicates,
                                   progress=report)

        BackgroundTask(self, self.tr("Importing…"), work, done=self._imported,
                       error=self._failed).start()

    def _imported(self, outcome: WorkbookImport) -> None:
        self.outcome = outcome
        self.archive.changed_elsewhere()
        written = outcome.written or {}
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Imported: {created} customers created, {updated} updated, {skipped} skipped; "
            "{visits} visits, {orders} orders, {payments} payments.").format(
            created=written.get("customers_created", 0),
            updated=written.get("customers_updated", 0),
            skipped=written.get("customers_skipped", 0), visits=written.get("visits", 0),
            orders=written.get("orders", 0), payments=written.get("payments", 0)))
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):
            return  # cancelled: the transaction rolled back, nothing was written
        QMessageBox.warning(self, self.windowTitle(), self.tr(
            "Nothing was imported: {reason}").format(reason=explained(exc, "{reason}")))


class FilePage(QWizardPage):
    loaded = Signal()      # the file has been read, or refused

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.loading = False
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("Excel (.xlsx .xls .xlsb .ods) or CSV in UTF-8 or GBK. "
                                 "Each sheet is recognised by its columns."))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("B&rowse…"))
        on_click(browse.clicked, self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.sheets = make_table([self.tr("Sheet"), self.tr("Holds"),
                                  self.tr("Column names on row"), self.tr("Rows")])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.sheets, 1)

    def browse(self) -> None:
        path = open_file_name(self, self.w.windowTitle(), self.tr(
            "Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read the file and tell its sheets apart, in the background (a large archive
        takes a while); ``loaded`` is emitted when the sheets are shown or the file refused."""
        self.path.setText(path)
        self.error.clear()
        self.sheets.setRowCount(0)
        if self.w.book is not None:
            self.w.book.close()
        self.w.book, self.w.choices = None, []
        self.loading = True
        self.completeChanged.emit()

        def work(report):  # type: ignore[no-untyped-def]
            book = open_workbook(path)
            return book, *survey(book, progress=report)

        BackgroundTask(self, self.tr("Reading {name}…").format(name=Path(path).name), work,
                       done=self._loaded, error=self._refused).start()

    def _loaded(self, found: tuple[Workbook, list[SheetChoice], dict[str, str]]) -> None:
        self.loading = False
        self.w.book, self.w.choices, skipped = found
        if skipped:
            self.error.setText("\n".join(f"{name}: {why}" for name, why in skipped.items()))
        self.sheets.setRowCount(len(self.w.choices))
        for row, choice in enumerate(self.w.choices):
            self.sheets.setItem(row, 0, QTableWidgetItem(choice.name))
            kind = QComboBox()
            for code in (*KINDS, SKIP):
                kind.addItem(self.w.kind_names[code], code)
            kind.setCurrentIndex(kind.findData(choice.kind))
            kind.currentIndexChanged.connect(lambda _i, c=choice, k=kind: self._kind(c, k))
            self.sheets.setCellWidget(row, 1, kind)
            self.sheets.setItem(row, 2, QTableWidgetItem(str(choice.header_row + 1)))
            self.sheets.setItem(row, 3, QTableWidgetItem(f"{choice.rows:,}"))
        self.sheets.resizeColumnsToContents()
        self.completeChanged.emit()
        self.loaded.emit()

    def _refused(self, exc: BaseException) -> None:
        self.loading = False
        if isinstance(exc, InterruptedError):
            self.path.clear()               # stopped by the person: nothing chosen
        else:
            self.error.setText(explained(exc, self.tr("The file cannot be read: {reason}")))
        self.completeChanged.emit()
        self.loaded.emit()

    def _kind(self, choice: SheetChoice, combo: QComboBox) -> None:
        from tierdesk.excel.columns import auto_map
        from tierdesk.excel.records import map_columns

        choice.kind = combo.currentData()
        if choice.kind == "customers":
            choice.mapping = auto_map(choice.headers)
        elif choice.kind:
            choice.mapping = map_columns(choice.kind, choice.headers)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.loading and self.w.book is not None and bool(self.w.chosen())


class ColumnsPage(QWizardPage):
    counted = Signal()     # each column's accepted values are shown (or could not be counted)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("TierDesk guessed what each column holds from its name. "
                                 "Correct what it got wrong; save the mapping for next time."))
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self.show_sheet)
        self.saved = QComboBox()
        on_click(self.saved.activated, self.apply_saved)
        save = QPushButton(self.tr("&Save mapping as…"))
        on_click(save.clicked, self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sheet:")))
        top.addWidget(self.sheet, 1)
        top.addWidget(QLabel(self.tr("Saved mapping:")))
        top.addWidget(self.saved, 1)
        top.addWidget(save)
        self.columns = QTableWidget(0, 4)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"),
                                                self.tr("First values"),
                                                self.tr("Imported as"),
                                                self.tr("Values accepted")])
        self._counting: tuple[str, tuple[tuple[int, str], ...]] | None = None
        self.rows: dict[int, int] = {}   # the sheet's column -> its row in the table
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.warning)

    def initializePage(self) -> None:
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for choice in self.w.chosen():
            self.sheet.addItem(f"{choice.name} — {self.w.kind_names[choice.kind]}", choice.name)
        self.sheet.blockSignals(False)
        self.saved.clear()
        self.saved.addItem("", None)
        for name in sorted(saved_mappings(self.w.archive.database)):
            self.saved.addItem(name, name)
        self.show_sheet()

    def current(self) -> SheetChoice | None:
        name = self.sheet.currentData()
        return next((c for c in self.w.chosen() if c.name == name), None)

    def show_sheet(self) -> None:
        choice = self.current()
        if choice is None:
            return
        samples = choice.samples       # the sheet itself is not read again for these
        shown = list(range(len(choice.headers)))
        if len(shown) > WIDE_SHEET:    # a stray cell far out: its empty columns are left out
            shown = [i for i in shown if choice.headers[i] or i in choice.mapping or any(
                i < len(r) and r[i] not in (None, "") for r in samples)]
        self.rows = {index: row for row, index in enumerate(shown)}
        self.columns.setRowCount(len(shown))
        self.columns.setVerticalHeaderLabels([str(i + 1) for i in shown])
        fields = sorted(fields_of(choice.kind))
        for row, index in enumerate(shown):
            header = choice.headers[index]
            self.columns.setItem(row, 0, QTableWidgetItem(header))
            values = [str(r[index]) for r in samples if index < len(r) and r[index] not in
                      (None, "")]
            self.columns.setItem(row, 1, QTableWidgetItem(" · ".join(values)[:80]))
            combo = QComboBox()
            combo.addItem(self.w.kind_names[SKIP], SKIP)
            for name in fields:
                combo.addItem(self.w.field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(choice.mapping.get(index, SKIP))))
            combo.currentIndexChanged.connect(
                lambda _i, c=choice, col=index, box=combo: self._set(c, col, box))
            self.columns.setCellWidget(row, 2, combo)
            self.columns.setItem(row, 3, QTableWidgetItem(
                self.tr("counting…") if index in choice.mapping else ""))
        self.columns.resizeColumnsToContents()
        self._check()
        self._count(choice)

    def _count(self, choice: SheetChoice) -> None:
        """How many values of each mapped column the import would accept, counted in the
        background as the import would check them; shown when known."""
        from tierdesk.excel.column_check import accepted_counts

        assert self.w.book is not None
        asked = (choice.name, tuple(sorted(choice.mapping.items())))
        self._counting = asked
        db, book, choices = self.w.archive.database, self.w.book, self.w.chosen()
        mapped = SheetChoice(choice.name, choice.kind, choice.header_row, choice.headers,
                             dict(choice.mapping))

        def work(report):  # type: ignore[no-untyped-def]
            return accepted_counts(db, book, choices, mapped, progress=report)

        BackgroundTask(self, self.tr("Checking the values…"), work,
                       done=lambda counts: self._counted(asked, counts),
                       error=lambda exc: self._not_counted(asked, exc)).start()

    def _counted(self, asked: object, counts: dict[int, tuple[int, int]]) -> None:
        if asked != self._counting:
            return                        # the mapping changed meanwhile: counted again
        for index, (accepted, given) in counts.items():
            item = QTableWidgetItem(self.tr("{accepted} of {given} accepted").format(
                accepted=f"{accepted:,}", given=f"{given:,}") if given else self.tr(
                "no values"))
            if accepted < given:
                item.setForeground(QColor("#b00020"))
            if index in self.rows:
                self.columns.setItem(self.rows[index], 3, item)
        self.columns.resizeColumnToContents(3)
        self.counted.emit()

    def _not_counted(self, asked: object, exc: BaseException) -> None:
        if asked == self._counting:
            why = "" if isinstance(exc, InterruptedError) else explained(exc, self.tr(
                "The values cannot be checked: {reason}"))
            for index in range(self.columns.rowCount()):
                if self.columns.item(index, 3) is not None and \
                        self.columns.item(index, 3).text():
                    self.columns.setItem(index, 3, QTableWidgetItem(why))
        self.counted.emit()

    def _set(self, choice: SheetChoice, column: int, combo: QComboBox) -> None:
        field = combo.currentData()
        if field:
            for other in [i for i, f in choice.mapping.items() if f == field and i != column]:
                del choice.mapping[other]  # a field comes from one column only
            choice.mapping[column] = field
        else:
            choice.mapping.pop(column, None)
        self.show_sheet()

    def _check(self) -> None:
        missing = []
        for choice in self.w.chosen():
            needed = {"customers": ("name",), "visits": ("visit_date",),
                      "orders": ("order_date", "amount"),
                      "payments": ("paid_on", "amount")}[choice.kind]
            values = set(choice.mapping.values())
            missing += [f"{choice.name}: {self.w.field_label(n)}" for n in needed
                        if n not in values]
            if choice.kind != "customers" and not values & {"customer_number", "customer_name"}:
                missing.append(f"{choice.name}: {self.w.field_label('customer_number')}")
        self.warning.setText(self.tr("Still needed: {fields}").format(
            fields=", ".join(missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.warning.text()

    def apply_saved(self) -> None:
        choice, name = self.current(), self.saved.currentData()
        if choice is None or not name:
            return
        named = saved_mappings(self.w.archive.database).get(name, {})
        applied = apply_mapping(named, choice.headers)
        if applied:
            choice.mapping = {i: f for i, f in applied.items() if f in fields_of(choice.kind)}
        self.show_sheet()

    def save(self) -> None:
        choice = self.current()
        if choice is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name:"))
        if ok and name.strip():
            save_mapping(self.w.archive.database, name, choice.headers, choice.mapping)
            self.initializePage()


class ReviewPage(QWizardPage):
    checked = Signal()     # the dry run is shown, or it failed or was stopped

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("What the import will do"))
        self.setSubTitle(self.tr("Nothing has been written yet. Rows that cannot be imported "
                                 "are listed with the reason."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refused = make_table([self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                                   self.tr("Why it cannot be imported")])
        self.save_refused = QPushButton(self.tr("Save refused rows to fix…"))
        on_click(self.save_refused.clicked, self.save_rows)
        self.policy = QButtonGroup(self)
        policy_row = QHBoxLayout()
        policy_row.addWidget(QLabel(self.tr("Customers already in the archive:")))
        for code, label in (("update", self.tr("update them")), ("skip", self.tr("skip them")),
                            ("create", self.tr("add them again"))):
            button = QRadioButton(label)
            button.setProperty("policy", code)
            button.setChecked(code == "update")
            self.policy.addButton(button)
            policy_row.addWidget(button)
        policy_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(policy_row)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.save_refused, 0, Qt.AlignmentFlag.AlignLeft)

    def duplicates(self) -> str:
        checked = self.policy.checkedButton()
        return str(checked.property("policy")) if checked else "update"

    def initializePage(self) -> None:
        """Check every row as the import would, in the background; nothing is written.
        ``checked`` is emitted when the result is shown."""
        assert self.w.book is not None
        self.w.outcome = None
        self.summary.setText(self.tr("Checking the rows…"))
        self.refused.setRowCount(0)
        self.save_refused.setEnabled(False)
        self.completeChanged.emit()
        db, book, choices = self.w.archive.database, self.w.book, self.w.chosen()

        def work(report):  # type: ignore[no-untyped-def]
            return import_workbook(db, book, choices=choices, dry_run=True, progress=report)

        BackgroundTask(self, self.tr("Checking the rows…"), work, done=self._show,
                       error=self._not_checked).start()

    def isComplete(self) -> bool:
        return self.w.outcome is not None

    def _not_checked(self, exc: BaseException) -> None:
        if isinstance(exc, InterruptedError):
            self.w.back()                   # stopped by the person: to the columns again
        else:
            self.summary.setText(explained(exc, self.tr(
                "The rows cannot be checked: {reason}")))
        self.checked.emit()

    def _show(self, outcome: WorkbookImport) -> None:
        self.w.outcome = outcome
        lines = []
        for sheet in outcome.sheets:
            counts = sheet.counts
            if sheet.kind == "customers":
                lines.append(self.tr(
                    "{sheet}: {new} new customers, {matching} already in the archive, "
                    "{merged} typed twice in the file, {refused} refused.").format(
                    sheet=sheet.sheet, new=counts["new"], matching=counts["matching"],
                    merged=counts["merged_in_file"], refused=counts["rejected"]))
                added = sheet.plan.new_regions + sheet.plan.new_salespeople  # type: ignore[union-attr]
                if added:
                    lines.append(self.tr("Regions and salespeople to add: {names}").format(
                        names=", ".join(added)))
            else:
                lines.append(self.tr(
                    "{sheet}: {new} {kind} to add, {there} already in the archive, "
                    "{refused} refused.").format(
                    sheet=sheet.sheet, new=counts["new"], kind=self.w.kind_nouns[sheet.kind],
                    there=counts["already_there"], refused=counts["rejected"]))
        self.summary.setText("\n".join(lines))
        fill_table(self.refused, ([p.sheet, p.row, p.column, p.render(translate)]
                                  for p in outcome.refused))
        self.save_refused.setEnabled(bool(outcome.refused))
        self.completeChanged.emit()
        self.checked.emit()

    def save_rows(self) -> None:
        from tierdesk.excel.importer import write_refused_rows

        if self.w.outcome is None:
            return
        path = save_file_name(self, self.w.windowTitle(), "refused.xlsx",
                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            write_refused_rows([s.plan for s in self.w.outcome.sheets], path, translate)
        except OSError as exc:
            QMessageBox.warning(self, self.w.windowTitle(),
                                self.tr("The workbook could not be written: {reason}")
                                .format(reason=exc.strerror or exc))
