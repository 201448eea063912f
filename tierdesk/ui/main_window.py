"""The main window: the customer list with its filters on the left, the open card on the right."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive, Change, Changed
from tierdesk.core.customers.customer_list import (
    COLUMNS,
    ListFilter,
    SearchIndex,
)
from tierdesk.core.customers.search_key import load_readings
from tierdesk.core.store.models import CUSTOMER_STATUSES
from tierdesk.reports.labels import status_label
from tierdesk.ui.actions import on_click
from tierdesk.ui.check_dialog import ArchiveCheck
from tierdesk.ui.customer_dialog import CustomerDialog
from tierdesk.ui.customer_model import CustomerTableModel
from tierdesk.ui.customer_panel import CustomerPanel
from tierdesk.ui.events import ArchiveEvents
from tierdesk.ui.field_exchange import FieldExchange
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import LANGUAGES, translate
from tierdesk.ui.office_dialog import OfficeDialog
from tierdesk.ui.person_dialog import PersonDialog
from tierdesk.ui.today_panel import TodayPanel
from tierdesk.ui.trash_dialog import TRASH_DAYS, open_trash
from tierdesk.ui.workers import BackgroundTask, QuietTask
from tierdesk.ui.write_wait import WriteWaits

LIST_HEADER = "main/list-header"  # the list's column order and widths


class MainWindow(QMainWindow):
    language_chosen = Signal(str)
    open_database_requested = Signal()
    backups_requested = Signal()    # File → Backups… (the controller owns the archive)
    encryption_requested = Signal()     # Office settings → Encryption (closed, reopened)
    index_loaded = Signal()

    def __init__(self, archive: Archive, settings: QSettings, language: str = "system", *,
                 defer_index: bool = False, today: dt.date | None = None) -> None:
        """``defer_index``: show the window at once, the list paging from the database, and
        read the search index in a worker (how the program starts). ``today``: the day the
        Today list is for (default: the calendar's)."""
        super().__init__()
        self.archive = archive
        self.settings = settings
        self.setObjectName("MainWindow")
        self.customers = archive.customers.customer_list(load=not defer_index)
        self.model = CustomerTableModel(self.customers, self)
        self.events = ArchiveEvents(archive, self)
        self.events.changed.connect(self.on_change)
        self.write_waits = WriteWaits(self, archive)   # a write waiting behind another program

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Find by name, pinyin or initials, number, phone, contact  (Ctrl+F)"))
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self.open_first_match)
        self.search.installEventFilter(self)
        self.region_filter = QComboBox()
        self.tier_filter = QComboBox()
        self.person_filter = QComboBox()
        self.status_filter = QComboBox()
        for combo in (self.region_filter, self.tier_filter, self.person_filter,
                      self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self._fill_filters()

        self.view = QTableView()
        self.view.setObjectName("customerList")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        # Fixed row heights: after a reset Qt need not look at 150,000 rows to lay them out.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.sorting.connect(self._sorting)
        self.model.reset_done.connect(self._after_reset)
        on_click(self.view.doubleClicked, lambda: self.panel.start_visit_entry())

        self.panel = CustomerPanel(archive, settings=settings)
        self.panel.edit_requested.connect(lambda _cid: self.edit_customer())
        self.panel.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        filters = QHBoxLayout()  # under the search box, which keeps the full width
        for combo in (self.region_filter, self.tier_filter, self.person_filter,
                      self.status_filter):
            filters.addWidget(combo, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)
        self.today = TodayPanel(archive, settings, day=today)
        self.today.customer_chosen.connect(self.select_customer)
        self.today.complaint_chosen.connect(self.open_complaint)
        self.today.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.events.changed.connect(self.today.on_change)
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.addTab(self.today, self.tr("Today"))
        self.left_tabs.addTab(left, self.tr("Customers"))
        self.splitter = QSplitter()
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus(language)
        self._update_title()
        self._update_count()
        self._restore_layout()
        self._index_task: QuietTask | None = None
        if defer_index:
            # Today's list is what a salesperson sees first: the search index is read once
            # it is shown (both at once would share the interpreter and slow it).
            self.statusBar().showMessage(self.tr("Reading the customer index…"))
            self.today.settled.connect(self._read_index)
        self.today.refresh()

    def _read_index(self) -> None:
        if self._index_task is None:
            self._index_task = QuietTask(self, self.archive.customers.read_index,
                                         done=self._install_index, error=self._index_failed)

    def _sorting(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(self.tr("Sorting…"))
        else:
            self._clear_status(self.tr("Sorting…"))

    def _clear_status(self, own: str) -> None:
        """Take a progress message away, but not what came since (an export's result)."""
        if self.statusBar().currentMessage() == own:
            self.statusBar().clearMessage()

    def _after_reset(self) -> None:
        """Whatever reset the list (a new order, a write elsewhere): keep the open customer
        selected and the count true."""
        self._update_count()
        self._reselect(self.panel.customer_id)

    def _install_index(self, index: SearchIndex) -> None:
        self.customers.install(index)
        self.model.index_ready()  # its reset recounts and reselects (see _after_reset)
        self._clear_status(self.tr("Reading the customer index…"))
        self.index_loaded.emit()
        # Then the pinyin dictionaries, off the GUI thread: the first edit of a customer
        # would wait two thirds of a second for them (its search key).
        QuietTask(self, load_readings, done=lambda _r: None, error=lambda _e: None)

    def _index_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("The customer index could not be read: {reason}")
                                     .format(reason=exc))

    # -- menus and shortcuts -------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        on_click(action.triggered, slot)
        self.addAction(action)
        return action

    def _build_menus(self, language: str) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New customer…"), QKeySequence.StandardKey.New,
                                       self.new_customer)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self._action(self.tr("&Open database…"), QKeySequence.StandardKey.Open,
                                         self.open_database_requested.emit))
        file_menu.addAction(self._action(self.tr("&Backups…"), None, self.backups_requested.emit))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Import from Excel…"), "Ctrl+I",
                                         self.import_excel))
        file_menu.addAction(self._action(self.tr("&Export the list shown…"), "Ctrl+Shift+E",
                                         lambda: self.export_excel(everything=False)))
        file_menu.addAction(self._action(self.tr("Export e&verything…"), None,
                                         lambda: self.export_excel(everything=True)))
        file_menu.addSeparator()
        self.field = FieldExchange(self, self.archive, self.settings, self._action)
        self.field.fill_file_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        customer_menu = bar.addMenu(self.tr("&Customer"))
        self.visit_action = self._action(self.tr("&Log a call or visit"), "Ctrl+L",
                                         self.panel.start_visit_entry)
        customer_menu.addAction(self.visit_action)
        customer_menu.addAction(self._action(self.tr("&Edit details…"), "Ctrl+E",
                                             self.edit_customer))
        customer_menu.addAction(self._action(self.tr("&Print card to PDF…"),
                                             QKeySequence.StandardKey.Print,
                                             self.panel.print_card))
        customer_menu.addSeparator()
        customer_menu.addAction(self._action(self.tr("&Delete customer…"), None,
                                             self.delete_customer))
        customer_menu.addAction(self._action(self.tr("&Trash…"), None, lambda: open_trash(self)))
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self._action(self.tr("&Find customers"), QKeySequence.StandardKey.Find,
                                         self.focus_search))
        view_menu.addAction(self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh,
                                         self.reload))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        names = {"system": self.tr("Follow the system"), "zh_CN": "简体中文", "en": "English"}
        for code in LANGUAGES:
            action = QAction(names[code], self, checkable=True)
            action.setChecked(code == language)
            on_click(action.triggered, lambda c=code: self.language_chosen.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
        tiers_menu = bar.addMenu(self.tr("&Tiers"))
        tiers_menu.addAction(self._action(self.tr("Tier &view and charts…"), "Ctrl+Shift+T",
                                          self.open_tier_view))
        tiers_menu.addAction(self._action(self.tr("&Reassess tiers…"), "Ctrl+Shift+R",
                                          self.open_reassess))
        tiers_menu.addAction(self._action(self.tr("Tier &model and contact norms…"), None,
                                          self.open_tier_settings))
        service_menu = bar.addMenu(self.tr("&Service"))
        service_menu.addAction(self._action(self.tr("&Today's list"), "Ctrl+T", self.show_today))
        service_menu.addAction(self._action(self.tr("New &complaint for this customer…"), None,
                                            self.panel.add_complaint))
        service_menu.addAction(self._action(self.tr("Complaint &register…"), "Ctrl+Shift+C",
                                            self.open_complaint_register))
        service_menu.addAction(self._action(self.tr("&Follow-ups, registers and "
                                                    "satisfaction…"), "Ctrl+Shift+F",
                                            self.open_service_window))
        office_menu = bar.addMenu(self.tr("&Office"))
        office_menu.addAction(self._action(self.tr("&Plan next month and visit quotas…"),
                                           "Ctrl+Shift+P", self.open_plan))
        office_menu.addAction(self._action(self.tr("&Team performance, KPIs and alerts…"),
                                           "Ctrl+Shift+K", self.open_performance))
        office_menu.addAction(self._action(self.tr("&Settings, regions and salespeople…"),
                                           QKeySequence.StandardKey.Preferences,
                                           self.open_office))
        office_menu.addAction(self._action(self.tr("&Who is at this computer…"), None,
                                           self.choose_person))
        self.field.fill_office_menu(office_menu)
        self.archive_check = ArchiveCheck(self, self.archive, self._action, bar)  # Tools
        # every letter of "Help" is an Alt key of the entry line and Today already
        help_menu = bar.addMenu(self.tr("Help"))
        help_menu.addAction(self._action(self.tr("&About TierDesk…"), None, self.show_about))

    def show_about(self) -> None:
        from tierdesk.ui.about_dialog import AboutDialog

        AboutDialog(self).open()

    def choose_person(self) -> PersonDialog:
        """Who writes from this machine (remembered here); not modal, so a first run can ask
        without holding up the window."""
        dialog = PersonDialog(self.archive, self.settings, self)
        dialog.finished.connect(lambda _result: self.statusBar().showMessage(
            self.tr("Changes made here are kept as made by {person}.").format(
                person=self.archive.office.person), 5000))
        dialog.open()
        return dialog

    # -- filters and list ----------------------------------------------------------------------
    def _fill_filters(self) -> None:
        for combo in (self.region_filter, self.tier_filter, self.person_filter,
                      self.status_filter):
            combo.blockSignals(True)
            combo.clear()
        self.region_filter.addItem(self.tr("All regions"), None)
        for region in self.archive.office.regions():
            self.region_filter.addItem(f"{region.code} {region.name}", region.id)
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for tier in self.archive.office.settings().tiers:
            self.tier_filter.addItem(tier, tier)
        self.person_filter.addItem(self.tr("All salespeople"), None)
        for person in self.archive.office.salespeople(with_counts=False):
            self.person_filter.addItem(f"{person.name} ({person.code})", person.id)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in CUSTOMER_STATUSES:
            self.status_filter.addItem(status_label(status, translate), status)
        for combo in (self.region_filter, self.tier_filter, self.person_filter,
                      self.status_filter):
            combo.blockSignals(False)

    def current_filter(self) -> ListFilter:
        return ListFilter(text=self.search.text(), region_id=self.region_filter.currentData(),
                          tier=self.tier_filter.currentData(),
                          salesperson_id=self.person_filter.currentData(),
                          status=self.status_filter.currentData())

    def apply_filter(self) -> None:
        keep = self.panel.customer_id
        self.model.set_filter(self.current_filter())
        self._update_count()
        self._reselect(keep)

    def focus_search(self) -> None:
        self.left_tabs.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def open_first_match(self) -> None:
        """Enter in the search box: the first customer found is opened."""
        if self.model.rowCount() > 0:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            self.enter_list()
            return True
        return super().eventFilter(watched, event)

    def enter_list(self) -> None:
        """Down in the search box: on into the list, at the first customer found."""
        if self.model.rowCount() == 0:
            return
        self.view.setFocus()
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} customers").format(
            shown=f"{self.model.rowCount():,}", total=f"{self.model.total():,}"))

    def _reselect(self, customer_id: uuid.UUID | None) -> None:
        row = self.model.row_of(customer_id) if customer_id else -1
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
        else:
            selection.clearSelection()
        selection.blockSignals(False)

    def _row_changed(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        customer_id = self.model.customer_id(current.row())
        if customer_id == self.panel.customer_id:
            return
        if self.panel.has_unsaved_entry() and not self._may_discard_entry():
            QTimer.singleShot(0, lambda: self._reselect(self.panel.customer_id))
            return
        self.open_customer(customer_id)

    def open_customer(self, customer_id: uuid.UUID | None) -> None:
        self.panel.show_customer(customer_id)

    def select_customer(self, customer_id: uuid.UUID) -> None:
        self.open_customer(customer_id)
        self._reselect(customer_id)

    # -- acting --------------------------------------------------------------------------------
    def new_customer(self) -> None:
        dialog = CustomerDialog(self.archive, None, self)
        if dialog.exec() and dialog.customer_id is not None:
            self.select_customer(dialog.customer_id)
        elif dialog.existing_id is not None:
            self.select_customer(dialog.existing_id)

    def edit_customer(self) -> None:
        if self.panel.customer_id is None:
            return
        dialog = CustomerDialog(self.archive,
                                self.archive.customers.customer(self.panel.customer_id), self)
        dialog.exec()

    def delete_customer(self) -> None:
        if self.panel.card is None:
            return
        facts = self.panel.card.facts
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Delete {number} {name}? The customer goes to the trash for {days} days "
                    "(Customer → Trash…), where it can be restored with its cards and history; "
                    "after that it is removed for good.").format(
                        number=facts.number, name=facts.name, days=TRASH_DAYS),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.archive.customers.delete_customer(facts.id)
            self.open_customer(None)

    def import_excel(self) -> None:
        from tierdesk.ui.import_wizard import ImportWizard

        ImportWizard(self.archive, self).exec()

    def export_excel(self, *, everything: bool) -> None:
        """The customers in the list as filtered now (or the whole archive with its history)
        to a workbook, written in the background."""
        from tierdesk.excel.export import KINDS, export_workbook
        from tierdesk.ui.export_report import report_written

        suggested = "TierDesk.xlsx" if everything else self.tr("customers.xlsx")
        path = save_file_name(self, self.tr("Export to Excel"), suggested,
                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        filtered = self.current_filter() != ListFilter()
        ids = None if everything or not filtered else self.model.shown_customer_ids()
        kinds = KINDS if everything else ("customers",)
        db = self.archive.database

        def work(report):  # type: ignore[no-untyped-def]
            return export_workbook(db, path, kinds, customer_ids=ids, tr=translate,
                                   progress=report)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Export to Excel"),
                                self.tr("The workbook could not be written: {reason}")
                                .format(reason=getattr(exc, "strerror", None) or exc))

        BackgroundTask(self, self.tr("Exporting…"), work, error=failed,
                       done=lambda sheets: report_written(self, path, sheets)).start()

    def show_today(self) -> None:
        self.left_tabs.setCurrentWidget(self.today)
        self.today.refresh()
        self.today.tree.setFocus()

    def open_complaint(self, complaint_id: uuid.UUID) -> None:
        from tierdesk.ui.complaints_window import ComplaintDialog

        ComplaintDialog(self.archive, complaint_id, self).exec()

    def open_complaint_register(self) -> None:
        from tierdesk.ui.complaints_window import ComplaintRegister

        ComplaintRegister(self.archive, self.settings, self).exec()

    def open_service_window(self) -> None:
        from tierdesk.ui.service_window import ServiceWindow

        ServiceWindow(self.archive, self.settings, self, day=self.today.day()).exec()

    def open_plan(self) -> None:
        from tierdesk.ui.plan_window import PlanWindow

        PlanWindow(self.archive, self.settings, self, today=self.today.day()).exec()

    def open_performance(self) -> None:
        from tierdesk.ui.performance_window import PerformanceWindow

        window = PerformanceWindow(self.archive, self.settings, self, today=self.today.day())
        window.customer_chosen.connect(self.select_customer)
        window.exec()

    def open_office(self) -> None:
        OfficeDialog(self.archive, self, encryption=self.encryption_requested.emit).exec()

    # The tier windows draw charts: matplotlib is imported when one is first opened, not at start.
    def open_tier_view(self) -> None:
        from tierdesk.ui.tiers_window import TierView

        view = TierView(self.archive, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()

    def open_reassess(self) -> None:
        from tierdesk.ui.tiers_window import ReassessDialog

        ReassessDialog(self.archive, self).exec()

    def open_tier_settings(self) -> None:
        from tierdesk.ui.tiers_window import TierSettingsDialog

        TierSettingsDialog(self.archive, self).exec()

    def reload(self) -> None:
        self._fill_filters()
        self.model.reload()
        self.panel.refresh()

    def on_change(self, change: Change) -> None:
        # The model's reset_done keeps the count and the selection (see _after_reset).
        kinds = change.kinds
        if kinds & (Changed.OFFICE | Changed.SETTINGS | Changed.BULK):
            # Names, filters and many rows at once: read everything again.
            self._fill_filters()
            self.model.reload()
            self.panel.refresh()
            return
        concerned = self.panel.customer_id is not None and (
            not change.customer_ids or self.panel.customer_id in change.customer_ids)
        if kinds & (Changed.CUSTOMERS | Changed.VISITS):
            self.model.refresh_customers(change.customer_ids, change.columns)
        # A visit written anywhere (the card, Today, a dialog) changes the open card, its
        # header and its norm: the card is read again, not only the list row. Follow-ups and
        # complaints are not in the list: only the open card's tabs show them.
        if concerned and kinds & (Changed.CUSTOMERS | Changed.VISITS | Changed.TASKS
                                  | Changed.COMPLAINTS):
            self.panel.refresh()

    # -- closing and layout --------------------------------------------------------------------
    def _may_discard_entry(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved entry"),
            self.tr("The card entry you started is not saved. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panel.has_unsaved_entry():
            answer = QMessageBox.question(
                self, self.tr("Unsaved entry"),
                self.tr("The card entry you started is not saved. Save it before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save and self.panel.entry.save() is None:
                event.ignore()
                return
        self._save_layout()
        self.events.detach()
        event.accept()

    def _save_layout(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.setValue(LIST_HEADER, self.view.horizontalHeader().saveState())

    def _restore_layout(self) -> None:
        geometry = self.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:   # 1400 x 820, or the screen where it is smaller (a 1366 x 768 laptop)
            screen = self.screen().availableGeometry() if self.screen() else None
            self.resize(min(1400, screen.width()) if screen else 1400,
                        min(820, screen.height()) if screen else 820)
        splitter = self.settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:  # the card wide enough to read what was discussed, on a laptop too
            self.splitter.setSizes([self.width() * 9 // 25, self.width() * 16 // 25])
        header = self.settings.value(LIST_HEADER)
        if header is not None:
            self.view.horizontalHeader().restoreState(header)
        else:
            # Number, name, tier and last contact first: they fit a laptop's screen.
            for visual, name in enumerate(("number", "name", "tier", "last_visit_on")):
                logical = COLUMNS.index(name)
                self.view.horizontalHeader().moveSection(
                    self.view.horizontalHeader().visualIndex(logical), visual)
            for column, width in enumerate((108, 180, 65, 110, 55, 40, 80, 90, 95, 60)):
                self.view.setColumnWidth(column, width)

    def _update_title(self) -> None:
        where = self.archive.office.location
        self.setWindowTitle(f"{self.archive.office.settings().office_name} — TierDesk  [{where}]")
