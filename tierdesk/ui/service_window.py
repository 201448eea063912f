"""The office's service books: the follow-up schedule, the call and letter registers, and
satisfaction (the rate against the target, its trend, the customers who scored low)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.excel.service_export import register_table, write_register
from tierdesk.excel.writer import Table
from tierdesk.reports.labels import FOLLOW_UP_KINDS, RESULTS, channel_label, label
from tierdesk.ui.actions import on_click
from tierdesk.ui.export_report import report_written
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.tables import fill_table, make_table

SCHEDULE_DAYS = 30


class ServiceWindow(QDialog):
    customer_chosen = Signal(object)   # uuid.UUID

    def __init__(self, archive: Archive, settings: QSettings, parent: QWidget | None = None,
                 *, day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceWindow")
        self.setWindowTitle(self.tr("Follow-ups and satisfaction"))
        self.archive = archive
        self.settings = settings
        self.day = day or dt.date.today()
        self.tabs = QTabWidget()
        self.schedule = make_table([self.tr("Due"), self.tr("Until"), self.tr("Customer"),
                                    self.tr("Follow-up"), self.tr("What")])
        self.calls = make_table(self._register_headers())
        self.letters = make_table(self._register_headers())
        self.tabs.addTab(self._with_export(self.schedule, None), self.tr("Schedule (30 days)"))
        self.tabs.addTab(self._with_export(self.calls, lambda: self._register("calls")),
                         self.tr("Call register"))
        self.tabs.addTab(self._with_export(self.letters, lambda: self._register("letters")),
                         self.tr("Letter register"))
        self.tabs.addTab(self._satisfaction_tab(), self.tr("Satisfaction"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1000, 620)
        geometry = settings.value("service/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh()

    def _register_headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Customer"), self.tr("Salesperson"),
                self.tr("Follow-up"), self.tr("Channel"), self.tr("Result"), self.tr("Note")]

    def _with_export(self, table: QTableWidget, export: Callable[[], Table] | None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        if export is not None:
            button = QPushButton(self.tr("&Export to Excel…"))
            on_click(button.clicked, lambda: self.export(export))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            layout.addLayout(row)
        layout.addWidget(table, 1)
        return box

    def _satisfaction_tab(self) -> QWidget:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from tierdesk.reports.charts import new_figure

        box = QWidget()
        layout = QVBoxLayout(box)
        self.rate_label = QLabel()
        self.rate_label.setObjectName("satisfactionRate")
        self.figure = new_figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.low = make_table([self.tr("Customer"), self.tr("Tier"), self.tr("Score"),
                               self.tr("Surveyed"), self.tr("Comment")])
        layout.addWidget(self.rate_label)
        layout.addWidget(self.canvas, 2)
        layout.addWidget(QLabel(self.tr("Customers whose latest answer scored low:")))
        layout.addWidget(self.low, 1)
        return box

    def refresh(self) -> None:
        tasks = self.archive.service.schedule(self.day + dt.timedelta(days=SCHEDULE_DAYS))
        fill_table(self.schedule, ([t.due_on, t.last_on, f"{t.number} {t.name}",
                                    label(FOLLOW_UP_KINDS, t.kind, translate),
                                    tr_message(t.about) if t.about else ""] for t in tasks))
        for which, table in (("calls", self.calls), ("letters", self.letters)):
            fill_table(table, ([r.logged_on, f"{r.number} {r.name}", r.salesperson,
                                label(FOLLOW_UP_KINDS, r.kind, translate),
                                channel_label(r.channel, translate),
                                label(RESULTS, r.result, translate), r.note]
                               for r in self.archive.service.register(which)))
        self._show_satisfaction()

    def _show_satisfaction(self) -> None:
        from tierdesk.reports.service_charts import draw_satisfaction

        found = self.archive.service.satisfaction(self.day)
        target = f"{found.scale.target:.0%}"
        if found.rate is None:
            text = self.tr("No survey answers in the last 12 months (target {target}).")
        elif found.on_target:
            text = self.tr("Satisfaction {rate} over {answers} answers in the last 12 months: "
                           "on target ({target}).")
        else:
            text = self.tr("Satisfaction {rate} over {answers} answers in the last 12 months: "
                           "below the target of {target}.")
        self.rate_label.setText(text.format(rate=f"{found.rate or 0:.0%}", target=target,
                                            answers=found.answers))
        self.rate_label.setStyleSheet("" if found.on_target in (None, True)
                                      else "color: #b00020;")
        self.figure.clear()
        draw_satisfaction(self.figure, found, translate)
        self.canvas.draw_idle()
        fill_table(self.low, ([f"{r.number} {r.name}", r.tier, r.score, r.surveyed_on,
                               self.tr("After a complaint: {resolution}").format(
                                   resolution=r.comment) if r.after_complaint else r.comment]
                              for r in found.low))

    def _register(self, which: str) -> Table:
        return register_table(which, self.archive.service.register(which), translate)

    def export(self, build: Callable[[], Table]) -> None:
        path = save_file_name(self, self.tr("Export to Excel"), self.tr("register.xlsx"),
                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            written = write_register(path, build())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export to Excel"),
                                self.tr("The workbook could not be written: {reason}")
                                .format(reason=exc.strerror or exc))
        else:
            report_written(self, path, written)

    def done(self, result: int) -> None:
        self.settings.setValue("service/geometry", self.saveGeometry())
        super().done(result)
