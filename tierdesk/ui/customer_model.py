"""The customer list as a Qt item model: only the rows on screen are read, a page at a time."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tierdesk.core.customer_list import COLUMNS, CustomerList, ListFilter, ListRow
from tierdesk.reports.labels import status_label
from tierdesk.ui.i18n import translate

PAGE = 200
CACHE_LIMIT = 5000

Index = QModelIndex | QPersistentModelIndex


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, customers: CustomerList, parent: Any = None) -> None:
        super().__init__(parent)
        self.customers = customers
        self.filter = ListFilter()
        self.sort_column = "number"
        self.descending = False
        self._found: list[int] = []  # positions in the customer list, in display order
        self._rows: dict[int, ListRow] = {}
        self._headers = {
            "number": self.tr("No."), "name": self.tr("Customer"),
            "contact_name": self.tr("Contact"), "phone": self.tr("Phone"),
            "region": self.tr("Region"), "tier": self.tr("Tier"),
            "salesperson": self.tr("Salesperson"), "last_visit_on": self.tr("Last visit"),
            "next_visit_on": self.tr("Next visit due"), "status": self.tr("Status"),
        }
        self._run_query()

    # -- what the view asks --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._found)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.UserRole,
                                               Qt.ItemDataRole.TextAlignmentRole):
            return None
        position = self._found[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self.customers.customer_id(position)
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (Qt.AlignmentFlag.AlignCenter if column == "tier"
                    else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = self._rows.get(position) or self._fetch_page(index.row())
        if row is None:
            return None
        value = row.value(column)
        if isinstance(value, dt.date):
            return value.isoformat()
        if column == "status":
            return status_label(str(value), translate)
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self._reset()

    # -- what the window asks ------------------------------------------------------------------
    def set_filter(self, flt: ListFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self._reset()

    def customer_id(self, row: int) -> uuid.UUID | None:
        if 0 <= row < len(self._found):
            return self.customers.customer_id(self._found[row])
        return None

    def row_of(self, customer_id: uuid.UUID) -> int:
        position = self.customers.position_of(customer_id)
        try:
            return self._found.index(position) if position is not None else -1
        except ValueError:
            return -1

    def total(self) -> int:
        return len(self.customers)

    def refresh_customers(self, customer_ids: tuple[uuid.UUID, ...],
                          columns: tuple[str, ...] | None) -> None:
        """After a write: re-read those customers and show the list as it is now."""
        self.customers.refresh(customer_ids, columns=columns)
        for customer_id in customer_ids:
            position = self.customers.position_of(customer_id)
            if position is not None:
                self._rows.pop(position, None)
        self._reset()

    def reload(self) -> None:
        self.customers.load()
        self._rows.clear()
        self._reset()

    # -- internals -----------------------------------------------------------------------------
    def _run_query(self) -> None:
        self._found = self.customers.query(self.filter, sort=self.sort_column,
                                           descending=self.descending)

    def _reset(self) -> None:
        self.beginResetModel()
        self._run_query()
        self.endResetModel()

    def _fetch_page(self, row: int) -> ListRow | None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = max(0, row - PAGE // 4)
        wanted = [p for p in self._found[start:start + PAGE] if p not in self._rows]
        self._rows.update(self.customers.rows(wanted))
        return self._rows.get(self._found[row])
