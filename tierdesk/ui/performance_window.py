"""Team performance: the month's progress against the plan, KPI scorecards with their
definitions, retention, and the problem alerts with their thresholds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.planning.alerts import KINDS, Alert, figures_text
from tierdesk.core.planning.kpis import KPIS, Progress, Scorecard
from tierdesk.core.planning.retention import THRESHOLD_TEXT, Retention
from tierdesk.core.service.followups import add_months
from tierdesk.reports.charts import new_figure
from tierdesk.reports.kpi_report import (
    definition,
    draw_kpi,
    draw_progress,
    kpi_name,
    progress_headers,
    progress_rows,
    scorecard_headers,
    scorecard_rows,
    scorecard_table,
)
from tierdesk.reports.plan_report import status_text
from tierdesk.ui.actions import on_click
from tierdesk.ui.dates import date_edit
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.settings_block import SettingsBlock
from tierdesk.ui.tables import fill_table, make_table
from tierdesk.ui.workers import BackgroundTask

ALERT_KINDS = {
    "at_risk": QT_TRANSLATE_NOOP("PerformanceWindow", "Customer at risk"),
    "incomplete_file": QT_TRANSLATE_NOOP("PerformanceWindow", "Incomplete file"),
    "over_visited": QT_TRANSLATE_NOOP("PerformanceWindow", "Visited far beyond the norm"),
    "few_visits": QT_TRANSLATE_NOOP("PerformanceWindow", "Too few visits a day"),
    "weak_region": QT_TRANSLATE_NOOP("PerformanceWindow", "Region with too little attention"),
    "low_development": QT_TRANSLATE_NOOP("PerformanceWindow", "Region developing slowly"),
}
MOST_ALERTS = 2000


class PerformanceWindow(QDialog):
    customer_chosen = Signal(object)   # uuid.UUID

    def __init__(self, archive: Archive, settings: QSettings, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("performanceWindow")
        self.setWindowTitle(self.tr("Team performance"))
        self.archive, self.settings = archive, settings
        self.today = today or dt.date.today()
        self.cards: list[Scorecard] = []
        self.alerts: list[Alert] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._progress_tab(), self.tr("Month progress"))
        self.tabs.addTab(self._scorecard_tab(), self.tr("KPI scorecard"))
        self.tabs.addTab(self._retention_tab(), self.tr("Retention"))
        self.tabs.addTab(self._alerts_tab(), self.tr("Problem alerts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1150, 760)
        geometry = settings.value("performance/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.busy = 0        # reads under way
        self._asked: dict[str, int] = {}   # the latest read asked for, per view
        self.tabs.setCurrentIndex(int(settings.value("performance/tab", 0)))
        self.refresh()
        self.tabs.currentChanged.connect(self._tab_shown)

    # -- progress --------------------------------------------------------------------------------
    def _progress_tab(self) -> QWidget:
        box = QWidget()
        self.progress_month = date_edit(self.today.replace(day=1), month_only=True)
        self.progress_month.dateChanged.connect(lambda _d: self.show_progress())
        self.progress_status = QLabel()
        self.progress = make_table(progress_headers(translate))
        self.progress_figure = new_figure()
        self.progress_canvas = FigureCanvasQTAgg(self.progress_figure)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.progress_month)
        top.addWidget(self.progress_status, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.progress)
        splitter.addWidget(self.progress_canvas)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return box

    def show_progress(self) -> None:
        month: dt.date = self.progress_month.date().toPython().replace(day=1)
        self._background(self.tr("Reading the month's progress"),
                         lambda: (month, self.archive.planning.month_progress(month, self.today)),
                         self._fill_progress)

    def _fill_progress(self, found: tuple[dt.date, tuple[str, list[Progress]]]) -> None:
        from tierdesk.core.planning.plans import Plan

        month, (status, rows) = found
        shown = Plan(month, status, self.today, 0, 0, "", [], {})
        passed = rows[0].days_passed if rows else 0
        whole = rows[0].days_in_month if rows else 0
        self.progress_status.setText(self.tr(
            "Quotas: {plan}. {passed} of {days} working days passed.").format(
            plan=status_text(shown, translate), passed=passed, days=whole))
        fill_table(self.progress, progress_rows(rows, translate))
        self.progress_figure.clear()
        draw_progress(self.progress_figure, rows, translate)
        self.progress_canvas.draw_idle()

    # -- scorecard -------------------------------------------------------------------------------
    def _scorecard_tab(self) -> QWidget:
        box = QWidget()
        last_month = add_months(self.today.replace(day=1), -1)
        self.score_from = date_edit(last_month)
        self.score_to = date_edit(self.today.replace(day=1) - dt.timedelta(days=1))
        show = QPushButton(self.tr("Show"))
        on_click(show.clicked, self.show_scorecards)
        self.kpi = QComboBox()
        for kpi in KPIS:
            self.kpi.addItem(kpi_name(kpi, translate), kpi)
        self.kpi.currentIndexChanged.connect(lambda _i: self._draw_kpi())
        export = QPushButton(self.tr("E&xport to Excel…"))
        on_click(export.clicked, self.export_scorecards)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.score_from, QLabel(self.tr("to")),
                       self.score_to, show, QLabel(self.tr("Chart")), self.kpi):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(export)
        self.scores = make_table(scorecard_headers(translate))
        for column, kpi in enumerate(KPIS, start=3):
            self.scores.horizontalHeaderItem(column).setToolTip(definition(kpi, translate))
        self.definitions = QLabel("<br>".join(
            f"<b>{kpi_name(k, translate)}</b>: {definition(k, translate)}" for k in KPIS))
        self.definitions.setObjectName("kpiDefinitions")
        self.definitions.setWordWrap(True)
        self.score_figure = new_figure()
        self.score_canvas = FigureCanvasQTAgg(self.score_figure)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.score_canvas)
        lower.addWidget(self.definitions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.scores)
        splitter.addWidget(lower)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return box

    def period(self) -> tuple[dt.date, dt.date]:
        return self.score_from.date().toPython(), self.score_to.date().toPython()

    def show_scorecards(self) -> None:
        first, last = self.period()
        if last < first:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("The period ends before it starts."))
            return
        self._background(self.tr("Reading the scorecards"),
                         lambda: self.archive.planning.scorecards(first, last, self.today),
                         self._fill_scorecards)

    def _fill_scorecards(self, cards: list[Scorecard]) -> None:
        self.cards = cards
        fill_table(self.scores, scorecard_rows(self.cards))
        self._draw_kpi()

    def _draw_kpi(self) -> None:
        self.score_figure.clear()
        draw_kpi(self.score_figure, self.cards, self.kpi.currentData(), translate)
        self.score_canvas.draw_idle()

    def export_scorecards(self, path: str | None = None) -> str | None:
        first, last = self.period()
        if path is None:
            path = save_file_name(
                self, self.tr("Export to Excel"), f"scorecard-{first}-{last}.xlsx",
                self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        from tierdesk.excel.writer import write_tables

        title = self.tr("KPI {first} to {last}").format(first=first, last=last)
        try:
            write_tables(path, scorecard_table(self.cards, title, translate))
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        return path

    # -- retention -------------------------------------------------------------------------------
    def _retention_tab(self) -> QWidget:
        box = QWidget()
        self.keep_from = date_edit(add_months(self.today.replace(day=1), -12))
        self.keep_to = date_edit(self.today)
        show = QPushButton(self.tr("Show"))
        on_click(show.clicked, self.show_retention)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.keep_from, QLabel(self.tr("to")),
                       self.keep_to, show):
            top.addWidget(widget)
        top.addStretch(1)
        self.office_retention = QLabel()
        self.office_retention.setObjectName("officeRetention")
        self.kept = make_table([self.tr("Code"), self.tr("Salesperson"),
                                self.tr("Customers at the start"), self.tr("Lost"),
                                self.tr("Retention")])
        self.retention_rules = SettingsBlock(self.tr("What counts as lost"),
                                             self.archive.planning.retention_rules,
                                             self.archive.planning.save_retention_rules, box)
        self.retention_rules.number("threshold", self.tr("Buying under (¥ a month)"), 0,
                                    100_000_000)
        self.retention_rules.number("months", self.tr("... for this many months"), 1, 24)
        self.retention_rules.finish()
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr(
            "Retention = (1 − lost customers of the period's starting snapshot ÷ that "
            "snapshot) × 100%. The snapshot: the customers there when the period began.")))
        layout.addWidget(self.office_retention)
        layout.addWidget(self.kept, 1)
        layout.addWidget(self.retention_rules)
        return box

    def show_retention(self) -> None:
        first, last = self.keep_from.date().toPython(), self.keep_to.date().toPython()
        self._background(self.tr("Reading the retention"),
                         lambda: self.archive.planning.retention(first, last), self._fill_retention)

    def _fill_retention(self, found: tuple[Retention, dict[str, Retention]]) -> None:
        office, people = found
        rules = self.archive.planning.retention_rules()
        rate = "–" if office.rate is None else f"{office.rate:.1%}"
        lost = translate("Kpi", THRESHOLD_TEXT).format(threshold=rules.threshold,
                                                        months=rules.months)
        self.office_retention.setText(self.tr(
            "Office: {rate} ({lost} lost of {snapshot}). {rule}").format(
            rate=rate, lost=office.lost, snapshot=office.snapshot, rule=lost))
        names = {p.id.hex: p for p in self.archive.office.salespeople()}
        rows = []
        for key, kept in sorted(people.items(), key=lambda item: names[item[0]].code
                                if item[0] in names else item[0]):
            person = names.get(key)
            rows.append([person.code if person else "", person.name if person else "",
                         kept.snapshot, kept.lost,
                         "–" if kept.rate is None else f"{kept.rate:.1%}"])
        fill_table(self.kept, rows)

    # -- alerts ----------------------------------------------------------------------------------
    def _alerts_tab(self) -> QWidget:
        box = QWidget()
        self.alert_kind = QComboBox()
        self.alert_kind.addItem(self.tr("All problems"), None)
        for kind in KINDS:
            self.alert_kind.addItem(translate("PerformanceWindow", ALERT_KINDS[kind]), kind)
        self.alert_kind.currentIndexChanged.connect(lambda _i: self._fill_alerts())
        self.hide_seen = QCheckBox(self.tr("Hide acknowledged"))
        on_click(self.hide_seen.toggled, self._fill_alerts)
        self.alert_count = QLabel()
        acknowledge = QPushButton(self.tr("&Acknowledge…"))
        on_click(acknowledge.clicked, self.acknowledge)
        top = QHBoxLayout()
        for widget in (self.alert_kind, self.hide_seen, self.alert_count):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(acknowledge)
        self.alert_table: QTableWidget = make_table([
            self.tr("Problem"), self.tr("Who"), self.tr("Figures"), self.tr("Suggested action"),
            self.tr("Note")])
        on_click(self.alert_table.doubleClicked, self._open_alert)
        rules = SettingsBlock(self.tr("Thresholds"), self.archive.planning.alert_rules,
                              self.archive.planning.save_alert_rules, box)
        rules.number("weak_region_share", self.tr("Weak region: customers overdue from"),
                     1, 100, "%")
        rules.number("low_development_factor",
                     self.tr("Slow region: development under the office's rate ×"), 1, 100, "%")
        rules.number("gap_days", self.tr("At risk: contact gap past the norm by more than"),
                     0, 3650, self.tr(" days"))
        rules.decimal("over_visit_factor", self.tr("Over-visited: first-tier visits over the "
                                                   "norm ×"), 1.0, 20.0)
        rules.decimal("min_visits_per_day", self.tr("Too few visits: under a working day"),
                      0.0, 50.0)
        rules.finish()
        self.alert_rules = rules
        planning = self.archive.planning
        self.risk_block = SettingsBlock(self.tr("Falling purchases"), planning.risk_rules,
                                        planning.save_risk_rules, box)
        self.risk_block.number("drop_share", self.tr("Purchases down by at least"), 1, 99, "%")
        self.risk_block.number("months", self.tr("... over the last months"), 1, 24)
        self.risk_block.finish()
        settings_row = QHBoxLayout()
        settings_row.addWidget(rules)
        settings_row.addWidget(self.risk_block)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.alert_table, 1)
        layout.addLayout(settings_row)
        return box

    def show_alerts(self) -> None:
        self._background(self.tr("Looking for problems"),
                         lambda: self.archive.planning.problem_alerts(self.today),
                         self._alerts_found)

    def _alerts_found(self, found: list[Alert]) -> None:
        self.alerts = found
        self._fill_alerts()

    def shown_alerts(self) -> list[Alert]:
        kind = self.alert_kind.currentData()
        return [a for a in self.alerts if (kind is None or a.kind == kind)
                and not (self.hide_seen.isChecked() and a.note is not None)]

    def _fill_alerts(self) -> None:
        shown = self.shown_alerts()
        self.alert_count.setText(self.tr("%n problem(s)", "", len(shown)) + (
            self.tr(" (the first {most} shown)").format(most=MOST_ALERTS)
            if len(shown) > MOST_ALERTS else ""))
        fill_table(self.alert_table, ([
            translate("PerformanceWindow", ALERT_KINDS[a.kind]), a.subject,
            figures_text(a, translate), tr_message(a.action), a.note or ""]
            for a in shown[:MOST_ALERTS]))

    def selected_alert(self) -> Alert | None:
        rows = self.alert_table.selectionModel().selectedRows()
        shown = self.shown_alerts()
        return shown[rows[0].row()] if rows and rows[0].row() < len(shown) else None

    def acknowledge(self, note: str | None = None) -> bool:
        alert = self.selected_alert()
        if alert is None:
            return False
        if note is None:
            note, ok = QInputDialog.getText(self, self.tr("Acknowledge"), self.tr(
                "Note on \u201c{who}\u201d:").format(who=alert.subject), text=alert.note or "")
            if not ok:
                return False
        self.archive.planning.acknowledge_alert(alert.key, note)
        self.show_alerts()
        return True

    def _open_alert(self) -> None:
        alert = self.selected_alert()
        if alert is not None and alert.customer_id is not None:
            self.customer_chosen.emit(alert.customer_id)

    # -- all -------------------------------------------------------------------------------------
    def _background(self, title: str, compute: Callable[[], Any],
                    fill: Callable[[Any], None]) -> None:
        """Read off the window's thread (a big office takes seconds), then show; a read
        overtaken by a newer one for the same view is not shown."""
        self.busy += 1
        self._asked[fill.__name__] = asked = self._asked.get(fill.__name__, 0) + 1

        def finished(show: Callable[[Any], None], found: Any) -> None:
            self.busy -= 1
            if self._asked[fill.__name__] == asked:
                show(found)

        task = BackgroundTask(self, title, lambda _report: compute(),
                              done=lambda found: finished(fill, found),
                              error=lambda exc: finished(self._failed, exc))
        task.start()

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), tr_message(exc.message)
                            if isinstance(exc, TierDeskError) else str(exc))

    def refresh(self) -> None:
        """Read the tab in front; the others are read when first shown."""
        self.loaded: set[int] = set()
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        if index in self.loaded or index < 0:
            return
        self.loaded.add(index)
        (self.show_progress, self.show_scorecards, self.show_retention,
         self.show_alerts)[index]()

    def done(self, result: int) -> None:
        self.settings.setValue("performance/geometry", self.saveGeometry())
        self.settings.setValue("performance/tab", self.tabs.currentIndex())
        super().done(result)

