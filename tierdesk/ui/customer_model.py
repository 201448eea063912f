"""The customer list as a Qt item model: only the rows on screen are read, a page at a time."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from tierdesk.core.customers.customer_list import COLUMNS, CustomerList, ListFilter, ListRow
from tierdesk.reports.labels import status_label
from tierdesk.ui.i18n import translate
from tierdesk.ui.workers import QuietTask

PAGE = 200
CACHE_LIMIT = 5000
# Roles as plain ints: the view asks data() for every visible cell in a dozen roles on each
# repaint, and comparing enum members costs more than the rest of the call.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
USER = Qt.ItemDataRole.UserRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
CENTER = Qt.AlignmentFlag.AlignCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
DATE_COLUMNS = frozenset(i for i, c in enumerate(COLUMNS) if c.endswith("_on"))
STATUS_COLUMN = COLUMNS.index("status")
TIER_COLUMN = COLUMNS.index("tier")
# What the list filters or searches by: a write touching these may move rows in or out.
FILTERED_COLUMNS = frozenset({"number", "name", "contact_name", "phone", "region", "tier",
                              "salesperson", "status"})

Index = QModelIndex | QPersistentModelIndex


class CustomerTableModel(QAbstractTableModel):
    sorting = Signal(bool)  # True while a new sort order is being read
    reset_done = Signal()
    def __init__(self, customers: CustomerList, parent: Any = None) -> None:
        super().__init__(parent)
        self.customers = customers
        self.filter = ListFilter()
        self.sort_column = "number"
        self.descending = False
        self._found: list[int] = []  # positions in the customer list, in display order
        self._rows: dict[int, ListRow] = {}
        # Before the search index is loaded the list pages straight from the database in
        # number order; filters and sorting chosen meanwhile apply once it arrives.
        self._preview_count = 0 if customers.loaded else customers.count_live()
        self._preview: dict[int, ListRow] = {}
        self._headers = {
            "number": self.tr("Customer no."), "name": self.tr("Customer"),
            "contact_name": self.tr("Contact"), "phone": self.tr("Phone"),
            "region": self.tr("Region"), "tier": self.tr("Tier"),
            "salesperson": self.tr("Salesperson"), "last_visit_on": self.tr("Last contact"),
            "next_visit_on": self.tr("Next visit due"), "status": self.tr("Status"),
        }
        if customers.loaded:
            self._run_query()

    @property
    def previewing(self) -> bool:
        return not self.customers.loaded

    # -- what the view asks --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self._preview_count if self.previewing else len(self._found)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section]]
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and COLUMNS[section] == "last_visit_on"):
            return self.tr("The date of the last visit or phone call")
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            row = self._row(index.row())
            if row is None:
                return None
            column = index.column()
            value = row[column]
            if column in DATE_COLUMNS:
                return value.isoformat() if value else None
            if column == STATUS_COLUMN:
                return status_label(value, translate)
            return value
        if role == ALIGNMENT:
            return CENTER if index.column() == TIER_COLUMN else LEFT
        if role == USER:
            row = self._row(index.row())
            return None if row is None else row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.previewing:
            return
        if self.customers.has_order(self.sort_column):
            self._reset()
            return
        # Reading a new order takes a moment on a large archive: the list keeps its current
        # order meanwhile and changes when the new one has been read.
        wanted = self.sort_column
        self.sorting.emit(True)
        self._sort_task = QuietTask(self, lambda: self.customers.compute_order(wanted),
                                    done=lambda result: self._order_ready(wanted, result),
                                    error=lambda _exc: self.sorting.emit(False))

    def _order_ready(self, column: str, result: object) -> None:
        self.customers.keep_order(column, result)  # type: ignore[arg-type]
        self.sorting.emit(False)
        if column == self.sort_column:
            self._reset()

    # -- what the window asks ------------------------------------------------------------------
    def set_filter(self, flt: ListFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            if not self.previewing:
                self._reset()

    def index_ready(self) -> None:
        """The search index has been installed: show the list as filtered and sorted now."""
        self._preview.clear()
        self._reset()

    def customer_id(self, row: int) -> uuid.UUID | None:
        if not 0 <= row < self.rowCount():
            return None
        if self.previewing:
            found = self._row(row)
            return None if found is None else found.id
        return self.customers.customer_id(self._found[row])

    def row_of(self, customer_id: uuid.UUID) -> int:
        if self.previewing:
            return next((r for r, row in self._preview.items() if row.id == customer_id), -1)
        position = self.customers.position_of(customer_id)
        try:
            return self._found.index(position) if position is not None else -1
        except ValueError:
            return -1

    def shown_customer_ids(self) -> list[uuid.UUID]:
        """The customers the list shows now, in its order."""
        if self.previewing:
            return []
        return self.customers.customer_ids(self._found)

    def total(self) -> int:
        return self._preview_count if self.previewing else len(self.customers)

    def refresh_customers(self, customer_ids: tuple[uuid.UUID, ...],
                          columns: tuple[str, ...] | None) -> None:
        """After a write: re-read those customers and show the list as it is now."""
        if self.previewing:
            self.beginResetModel()
            self._preview.clear()
            self._preview_count = self.customers.count_live()
            self.endResetModel()
            return
        known = [self.customers.position_of(c) for c in customer_ids]
        self.customers.refresh(customer_ids, columns=columns)
        for position in known:
            if position is not None:
                self._rows.pop(position, None)
        if columns is not None and None not in known and self.sort_column not in columns \
                and not self._filter_reads(columns):
            # Only shown values changed (a visit's dates): repaint those rows, keep the rest.
            for position in known:
                try:
                    row = self._found.index(position)  # type: ignore[arg-type]
                except ValueError:
                    continue
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, len(COLUMNS) - 1))
            return
        self._reset()

    def reload(self) -> None:
        self.customers.load()
        self._rows.clear()
        self._preview.clear()
        self._reset()

    # -- internals -----------------------------------------------------------------------------
    def _filter_reads(self, columns: tuple[str, ...]) -> bool:
        """Whether the filter shown could let a change of ``columns`` move rows in or out:
        only the parts of it that are set (a hand-over moves no row of an unfiltered list)."""
        flt = self.filter
        used = {name for name, value in (("region", flt.region_id), ("tier", flt.tier),
                                         ("salesperson", flt.salesperson_id),
                                         ("status", flt.status)) if value is not None}
        if flt.text:
            used |= FILTERED_COLUMNS
        return bool(used & set(columns))

    def _run_query(self) -> None:
        self._found = self.customers.query(self.filter, sort=self.sort_column,
                                           descending=self.descending)

    def _reset(self) -> None:
        self.beginResetModel()
        self._run_query()
        self.endResetModel()
        self.reset_done.emit()

    def _row(self, row: int) -> ListRow | None:
        if self.previewing:
            found = self._preview.get(row)
            if found is None:
                start = max(0, row - PAGE // 4)
                page = self.customers.page_in_number_order(start, PAGE)
                self._preview.update(enumerate(page, start))
                found = self._preview.get(row)
            return found
        return self._rows.get(self._found[row]) or self._fetch_page(row)

    def _fetch_page(self, row: int) -> ListRow | None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = max(0, row - PAGE // 4)
        wanted = [p for p in self._found[start:start + PAGE] if p not in self._rows]
        self._rows.update(self.customers.rows(wanted))
        return self._rows.get(self._found[row])
