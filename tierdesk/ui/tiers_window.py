"""Tier model settings with a live preview, reassessment reviewed before it is applied, and
the tier view with its charts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.customers.orders import cents_to_text
from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.core.tiers.grades import Assessment, current_quarter
from tierdesk.core.tiers.norms import describe
from tierdesk.core.tiers.rules import (
    CRITERIA,
    DEFAULT_COLOURS,
    DEFAULT_NORMS,
    MAX_CONTACTS,
    ContactNorm,
    TierRules,
    check_rules,
)
from tierdesk.core.tiers.views import UNGRADED, TierPicture
from tierdesk.reports import charts
from tierdesk.ui.actions import on_click
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.tables import error_label, fill_table, make_table
from tierdesk.ui.workers import BackgroundTask, QuietTask

PREVIEW_DELAY_MS = 300


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _fill_split(table: Any, assessment: Assessment) -> None:
    """Customers, share of customers and share of sales per proposed tier."""
    counts, shares = assessment.counts(), assessment.sales_share()
    total = max(len(assessment), 1)
    fill_table(table, [(tier, f"{counts[tier]:,}", _percent(counts[tier] / total),
                        _percent(shares[tier])) for tier in assessment.rules.tiers])


class TierSettingsDialog(QDialog):
    """The office's tiers, weights, split and contact norms; a preview of the split."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("Tier model"))
        self.resize(900, 640)
        rules = archive.tiers.rules()
        self._generation = 0
        self._tasks: list[QuietTask] = []

        self.method = QComboBox()
        self.method.addItem(self.tr("Share of customers per tier"), "share")
        self.method.addItem(self.tr("Score thresholds"), "threshold")
        self.method.setCurrentIndex(0 if rules.method == "share" else 1)
        labels = {"sales": self.tr("Annual sales"), "profit": self.tr("Profit contribution"),
                  "loyalty": self.tr("Loyalty (years, purchase frequency)"),
                  "potential": self.tr("Growth potential (1-5 on the file)")}
        self.weights: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        for criterion in CRITERIA:
            box = QDoubleSpinBox()
            box.setRange(-100, 1000)
            box.setDecimals(1)
            box.setValue(float(rules.weights.get(criterion, 0)))
            self.weights[criterion] = box
            form.addRow(labels[criterion], box)
        self.errors = {name: error_label() for name in
                       ("tiers", "weights", "method", "shares", "thresholds", "norms")}
        form.addRow("", self.errors["weights"])
        form.addRow(self.tr("Tiers from scores by"), self.method)

        self.grid = QGridLayout()
        headers = [self.tr("Tier"), self.tr("Colour"), self.tr("Share of customers %"),
                   self.tr("Lowest score"), self.tr("Calls"), self.tr("per"),
                   self.tr("Visits"), self.tr("per")]
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows: list[dict[str, Any]] = []
        for index, tier in enumerate(rules.tiers):
            self._add_row(tier, rules.colours[index] if index < len(rules.colours) else
                          DEFAULT_COLOURS[index],
                          rules.shares[index] if index < len(rules.shares) else 0.0,
                          rules.thresholds[index] if index < len(rules.thresholds) else 0.0,
                          rules.norms[index] if index < len(rules.norms) else ContactNorm())
        self.add_button = QPushButton(self.tr("Add a tier"))
        on_click(self.add_button.clicked, self.add_tier)
        self.remove_button = QPushButton(self.tr("Remove the last tier"))
        on_click(self.remove_button.clicked, self.remove_tier)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)

        self.preview = make_table([self.tr("Tier"), self.tr("Customers"),
                                   self.tr("Share of customers"), self.tr("Share of sales")])
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.grid)
        layout.addLayout(buttons_row)
        for name in ("tiers", "shares", "thresholds", "norms", "method"):
            layout.addWidget(self.errors[name])
        layout.addWidget(QLabel(self.tr("<b>Preview</b> (this quarter, every customer)")))
        layout.addWidget(self.preview_note)
        layout.addWidget(self.preview, 1)
        layout.addWidget(box)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.method.currentIndexChanged.connect(self._changed)
        for spin in self.weights.values():
            spin.valueChanged.connect(self._changed)
        self._sync_method()
        self.update_preview()

    # -- the tier rows -------------------------------------------------------------------------
    def _add_row(self, name: str, colour: str, share: float, threshold: float,
                 norm: ContactNorm) -> None:
        row = len(self.rows) + 1
        widgets: dict[str, Any] = {"name": QLineEdit(name), "colour": QPushButton(colour)}
        widgets["colour"].setStyleSheet(f"background: {colour};")
        on_click(widgets["colour"].clicked, lambda: self._pick_colour(widgets["colour"]))
        widgets["share"] = QDoubleSpinBox()
        widgets["share"].setRange(-100, 1000)
        widgets["share"].setValue(share)
        widgets["threshold"] = QDoubleSpinBox()
        widgets["threshold"].setRange(-100, 1000)
        widgets["threshold"].setValue(threshold)
        for kind, count, period in (("calls", norm.calls, norm.call_period),
                                    ("visits", norm.visits, norm.visit_period)):
            spin = QSpinBox()
            spin.setRange(0, MAX_CONTACTS)
            spin.setValue(count)
            widgets[kind] = spin
            combo = QComboBox()
            combo.addItem(self.tr("month"), "month")
            combo.addItem(self.tr("quarter"), "quarter")
            combo.setCurrentIndex(0 if period == "month" else 1)
            widgets[kind + "_period"] = combo
        order = ("name", "colour", "share", "threshold", "calls", "calls_period", "visits",
                 "visits_period")
        for column, key in enumerate(order):
            widget = widgets[key]
            self.grid.addWidget(widget, row, column)
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                widget.valueChanged.connect(self._changed)
        self.rows.append(widgets)

    def _pick_colour(self, button: QPushButton) -> None:
        colour = QColorDialog.getColor(QColor(button.text()), self)
        if colour.isValid():
            button.setText(colour.name())
            button.setStyleSheet(f"background: {colour.name()};")

    def add_tier(self) -> None:
        if len(self.rows) >= 5:
            return
        index = len(self.rows)
        self._add_row(chr(ord("A") + index), DEFAULT_COLOURS[index], 0.0, 0.0,
                      DEFAULT_NORMS[index])
        self._changed()

    def remove_tier(self) -> None:
        if len(self.rows) <= 3:
            return
        for widget in self.rows.pop().values():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._changed()

    def _sync_method(self) -> None:
        by_share = self.method.currentData() == "share"
        for index, widgets in enumerate(self.rows):
            widgets["share"].setEnabled(by_share)
            widgets["threshold"].setEnabled(not by_share and index < len(self.rows) - 1)
        self.add_button.setEnabled(len(self.rows) < 5)
        self.remove_button.setEnabled(len(self.rows) > 3)

    def rules(self) -> TierRules:
        rows = self.rows
        return TierRules(
            tiers=tuple(w["name"].text() for w in rows),
            colours=tuple(w["colour"].text() for w in rows),
            weights={c: self.weights[c].value() for c in CRITERIA},
            method=str(self.method.currentData()),
            shares=tuple(w["share"].value() for w in rows),
            thresholds=tuple(w["threshold"].value() for w in rows[:-1]),
            norms=tuple(ContactNorm(w["calls"].value(), w["calls_period"].currentData(),
                                    w["visits"].value(), w["visits_period"].currentData())
                        for w in rows))

    # -- checking, preview and saving ----------------------------------------------------------
    def _changed(self) -> None:
        self._sync_method()
        self._timer.start()

    def _show_problems(self, error: ValidationError | None) -> None:
        for label in self.errors.values():
            label.hide()
        if error is None:
            return
        for problem in error.problems:
            label = self.errors.get(problem.field)
            if label is not None:
                label.setText(tr_message(problem.message))
                label.show()

    def update_preview(self) -> None:
        try:
            rules = check_rules(self.rules())
        except ValidationError as exc:
            self._show_problems(exc)
            self.preview_note.setText(self.tr("Correct the settings marked in red to see "
                                              "the preview."))
            return
        self._show_problems(None)
        self._generation += 1
        generation = self._generation
        self.preview_note.setText(self.tr("Computing…"))
        period = current_quarter(dt.date.today())
        self._tasks.append(QuietTask(
            self, lambda: self.archive.tiers.assess(period, rules=rules),
            done=lambda result: self._show_preview(generation, result),
            error=lambda exc: self.preview_note.setText(str(exc))))

    def _show_preview(self, generation: int, assessment: Assessment) -> None:
        if generation != self._generation:
            return   # the settings changed again meanwhile
        _fill_split(self.preview, assessment)
        self.preview_note.setText(self.tr("%Ln customer(s), as of {day}", "", len(assessment))
                                  .format(day=assessment.as_of.isoformat()))

    def save(self) -> None:
        try:
            self.archive.tiers.save_rules(self.rules())
        except ValidationError as exc:
            self._show_problems(exc)
            return
        except TierDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), tr_message(exc.message))
            return
        self.accept()


# -- reassessment ------------------------------------------------------------------------------
CHANGE_FILTERS = ("changed", "up", "down", "new", "all")


class AssessmentModel(QAbstractTableModel):
    """The customers of an assessment, filtered by their change (read by position)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.assessment: Assessment | None = None
        self.rows: list[int] = []
        self.headers = [self.tr("Number"), self.tr("Customer"), self.tr("Tier now"),
                        self.tr("Proposed"), self.tr("Change"), self.tr("Score"),
                        self.tr("Sales, 12 months"), self.tr("Set by hand")]
        self.change_names = {"up": self.tr("up"), "down": self.tr("down"),
                             "new": self.tr("new"), "same": self.tr("same")}

    def show(self, assessment: Assessment | None, which: str) -> None:
        self.beginResetModel()
        self.assessment = assessment
        if assessment is None:
            self.rows = []
        elif which == "all":
            self.rows = list(range(len(assessment)))
        elif which == "changed":
            self.rows = [i for i, c in enumerate(assessment.change) if c != "same"]
        else:
            self.rows = [i for i, c in enumerate(assessment.change) if c == which]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.assessment is None:
            return None
        a, i = self.assessment, self.rows[index.row()]
        column = index.column()
        if column == 0:
            return a.numbers[i]
        if column == 1:
            return a.names[i]
        if column == 2:
            return a.current[i] or "-"
        if column == 3:
            return a.proposed[i]
        if column == 4:
            return self.change_names.get(a.change[i], a.change[i])
        if column == 5:
            return f"{a.score[i]:.1f}"
        if column == 6:
            return cents_to_text(int(a.sales[i]))
        return self.tr("yes") if a.overridden[i] else ""

    def position(self, row: int) -> int | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class ReassessDialog(QDialog):
    """Compute every customer's tier for a period, review the changes, then apply them."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.assessment: Assessment | None = None
        self.setWindowTitle(self.tr("Reassess tiers"))
        self.resize(960, 640)
        self.period = QLineEdit(current_quarter(dt.date.today()))
        self.period.setPlaceholderText("2026-Q4 / 2026-11")
        self.compute_button = QPushButton(self.tr("&Compute"))
        self.compute_button.setDefault(True)
        on_click(self.compute_button.clicked, self.compute)
        self.period_error = error_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period (month or quarter):")))
        top.addWidget(self.period)
        top.addWidget(self.compute_button)
        top.addStretch(1)
        self.summary = QLabel(self.tr("Choose the period and press Compute. Nothing is "
                                      "changed until you apply."))
        self.summary.setWordWrap(True)
        self.by_tier = make_table([self.tr("Tier"), self.tr("Customers"),
                                   self.tr("Share of customers"), self.tr("Share of sales")])
        self.by_tier.setMaximumHeight(180)
        self.which = QComboBox()
        for code, text in zip(CHANGE_FILTERS, (self.tr("Changed tiers"), self.tr("Upgrades"),
                                               self.tr("Downgrades"), self.tr("New grades"),
                                               self.tr("Every customer")), strict=True):
            self.which.addItem(text, code)
        self.which.currentIndexChanged.connect(self._filter)
        self.model = AssessmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.override_button = QPushButton(self.tr("Set tier by &hand…"))
        on_click(self.override_button.clicked, self.override_selected)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        on_click(self.apply_button.clicked, self.apply)
        close = QPushButton(self.tr("Close"))
        on_click(close.clicked, self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Show:")))
        bottom.addWidget(self.which)
        bottom.addWidget(self.override_button)
        bottom.addStretch(1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.period_error)
        layout.addWidget(self.summary)
        layout.addWidget(self.by_tier)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def compute(self) -> None:
        period = self.period.text()
        self.period_error.hide()
        self.compute_button.setEnabled(False)
        task = BackgroundTask(self, self.tr("Computing tiers…"),
                              lambda _report: self.archive.tiers.assess(period),
                              done=self._computed, error=self._failed)
        task.start()

    def _failed(self, exc: BaseException) -> None:
        self.compute_button.setEnabled(True)
        if isinstance(exc, TierDeskError):
            self.period_error.setText(tr_message(exc.message))
            self.period_error.show()
        else:
            QMessageBox.critical(self, self.windowTitle(), str(exc))

    def _computed(self, assessment: Assessment) -> None:
        self.compute_button.setEnabled(True)
        self.assessment = assessment
        changes = assessment.changes()
        self.summary.setText(self.tr(
            "%Ln customer(s) graded for {period} (sales of the twelve months to {day}): "
            "{up} up, {down} down, {new} graded for the first time, {same} unchanged, "
            "{kept} kept as set by hand.", "", len(assessment)).format(
            period=assessment.period,
            day=assessment.as_of.isoformat(), up=f"{changes['up']:,}",
            down=f"{changes['down']:,}", new=f"{changes['new']:,}",
            same=f"{changes['same']:,}", kept=f"{int(assessment.overridden.sum()):,}"))
        _fill_split(self.by_tier, assessment)
        self.apply_button.setEnabled(True)
        self._filter()

    def _filter(self) -> None:
        self.model.show(self.assessment, str(self.which.currentData()))
        self.table.resizeColumnsToContents()

    def override_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        position = self.model.position(rows[0].row()) if rows else None
        if self.assessment is None or position is None:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Choose a customer in the list first."))
            return
        tiers = list(self.assessment.rules.tiers)
        tier, ok = QInputDialog.getItem(self, self.windowTitle(), self.tr(
            "Tier for {name}:").format(name=self.assessment.names[position]), tiers,
            max(0, tiers.index(self.assessment.proposed[position])
                if self.assessment.proposed[position] in tiers else 0), False)
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, self.windowTitle(), self.tr(
            "Why is the tier set by hand? (kept in the tier history)"))
        if not ok:
            return
        try:
            self.archive.tiers.override_tier(self.assessment.row(position).customer_id, tier,
                                             reason)
        except TierDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), tr_message(exc.message))
            return
        self.compute()

    def apply(self) -> None:
        assessment = self.assessment
        if assessment is None:
            return
        changes = assessment.changes()
        changed = len(assessment) - changes["same"]
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Apply the tiers for {period}? %Ln customer(s) change tier; every customer's "
            "grade is kept in the tier history.", "", changed).format(period=assessment.period))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.apply_button.setEnabled(False)
        task = BackgroundTask(self, self.tr("Applying tiers…"),
                              lambda _report: self.archive.tiers.apply_assessment(assessment),
                              done=self._applied, error=self._failed)
        task.start()

    def _applied(self, changed: int) -> None:
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Tiers applied: %Ln customer(s) changed tier.", "", changed))
        self.accept()


# -- the tier view -----------------------------------------------------------------------------
class TierView(QDialog):
    """Each tier's customers, share of customers and of sales, norm compliance, by region and
    salesperson; the charts, each saved as PNG or PDF."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.picture: TierPicture | None = None
        self.people: dict[str, str] = {}
        self.setWindowTitle(self.tr("Tier view"))
        self.resize(1000, 700)
        self.tabs = QTabWidget()
        self.overview = make_table([
            self.tr("Tier"), self.tr("Customers"), self.tr("Share of customers"),
            self.tr("Sales, 12 months"), self.tr("Share of sales"),
            self.tr("Norm met last period"), self.tr("Overdue"), self.tr("Calls due"),
            self.tr("Visits due")])
        self.regions = make_table([])
        self.salespeople = make_table([])
        self.overdue = make_table([self.tr("Number"), self.tr("Customer"), self.tr("Tier"),
                                   self.tr("Last call"), self.tr("Last visit"),
                                   self.tr("What the norm asks")])
        self.tabs.addTab(self.overview, self.tr("Tiers"))
        self.tabs.addTab(self.regions, self.tr("By region"))
        self.tabs.addTab(self.salespeople, self.tr("By salesperson"))
        self.tabs.addTab(self.overdue, self.tr("Overdue customers"))
        self.tabs.addTab(self._charts_tab(), self.tr("Charts"))
        self.status = QLabel(self.tr("Reading the archive…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self._task: QuietTask | None = None
        self.reload()

    def _charts_tab(self) -> QWidget:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        tab = QWidget()
        self.chart_kind = QComboBox()
        for code, title in charts.CHARTS.items():
            self.chart_kind.addItem(translate(charts.CTX, title), code)
        self.run_before, self.run_after = QComboBox(), QComboBox()
        save_png = QPushButton(self.tr("Save as &PNG…"))
        save_pdf = QPushButton(self.tr("Save as P&DF…"))
        on_click(save_png.clicked, lambda: self.save_chart("png"))
        on_click(save_pdf.clicked, lambda: self.save_chart("pdf"))
        self.font_note = QLabel()
        self.font_note.setWordWrap(True)
        if charts.cjk_font_name() is None:
            self.font_note.setText(self.tr(
                "No font with Chinese characters was found on this computer, so Chinese "
                "names in the charts show as boxes. Installing one (for example WenQuanYi "
                "Micro Hei or Noto Sans CJK) fixes this."))
        else:
            self.font_note.hide()
        self.figure = charts.new_figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        top = QHBoxLayout()
        top.addWidget(self.chart_kind)
        self.runs_label = QLabel(self.tr("from"))
        self.runs_to = QLabel(self.tr("to"))
        for widget in (self.runs_label, self.run_before, self.runs_to, self.run_after):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(save_png)
        top.addWidget(save_pdf)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.font_note)
        layout.addWidget(self.canvas, 1)
        for combo in (self.chart_kind, self.run_before, self.run_after):
            combo.currentIndexChanged.connect(self.draw_chart)
        return tab

    def reload(self) -> None:
        today = dt.date.today()
        self.status.setText(self.tr("Reading the archive…"))

        def read() -> tuple[TierPicture, list, dict[str, str]]:  # type: ignore[type-arg]
            people = {p.id.hex: p.name for p in self.archive.office.salespeople()}
            return self.archive.tiers.picture(today), self.archive.tiers.assessment_runs(), people

        self._task = QuietTask(self, read, done=self._loaded,
                               error=lambda exc: self.status.setText(str(exc)))

    def _loaded(self, result: tuple[TierPicture, list, dict[str, str]]) -> None:  # type: ignore[type-arg]
        picture, runs, people = result
        self.picture, self.people = picture, people
        report = picture.norms
        assert report is not None
        tiers = [r.tier for r in picture.rows]
        label = [t if t != UNGRADED else self.tr("Not graded") for t in tiers]
        fill_table(self.overview, [
            (name, f"{r.customers:,}", _percent(r.customer_share), cents_to_text(r.sales_cents),
             _percent(r.sales_share), _percent(r.compliance.rate), f"{r.compliance.overdue:,}",
             f"{r.compliance.calls_due:,}", f"{r.compliance.visits_due:,}")
            for name, r in zip(label, picture.rows, strict=True)])
        self._fill_split(self.regions, self.tr("Region"), picture.by_region, label, tiers, None)
        by_person = report.compliance("salesperson")
        names = {people.get(k or "", ""): c for k, c in by_person.items()}
        self._fill_split(self.salespeople, self.tr("Salesperson"), picture.by_salesperson,
                         label, tiers, names)
        fill_table(self.overdue, [
            (s.number, s.name, s.tier, s.call.last, s.visit.last,
             " · ".join(tr_message(m) for m in describe(s)))
            for s in report.overdue()[:5000]])
        for combo in (self.run_before, self.run_after):
            combo.blockSignals(True)
            combo.clear()
            for run in runs:
                combo.addItem(f"{run.period} ({run.assessed_at:%Y-%m-%d %H:%M})",
                              run.assessed_at)
            combo.blockSignals(False)
        if len(runs) > 1:
            self.run_before.setCurrentIndex(1)
        overdue = sum(r.compliance.overdue for r in picture.rows)
        self.status.setText(self.tr(
            "%Ln customer(s) as of {day}; {overdue} overdue on their contact norm.", "",
            sum(r.customers for r in picture.rows)).format(
            day=picture.as_of.isoformat(), overdue=f"{overdue:,}"))
        self.draw_chart()

    def _fill_split(self, table: Any, heading: str, split: dict[str, Any], label: list[str],
                    tiers: list[str], compliance: dict[str, Any] | None) -> None:
        headers = [heading, *label, self.tr("Customers")]
        if compliance is not None:
            headers += [self.tr("Norm met last period"), self.tr("Overdue")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        rows = []
        for name in sorted(split):
            counts = split[name]
            row: list[object] = [name or "-", *(f"{counts.get(t, 0):,}" for t in tiers),
                                 f"{sum(counts.values()):,}"]
            if compliance is not None:
                c = compliance.get(name)
                row += [_percent(c.rate if c else None), f"{c.overdue:,}" if c else "0"]
            rows.append(row)
        fill_table(table, rows)

    def draw_chart(self) -> None:
        picture = self.picture
        kind = str(self.chart_kind.currentData())
        for widget in (self.runs_label, self.run_before, self.runs_to, self.run_after):
            widget.setVisible(kind == "migration")
        self.figure.clear()
        if picture is None:
            return
        self.fill_figure(self.figure, kind)
        self.canvas.draw_idle()

    def fill_figure(self, figure: Any, kind: str) -> None:
        picture = self.picture
        assert picture is not None
        figure.set_layout_engine(None if kind == "compliance" else "constrained")
        moves = None
        before, after = self.run_before.currentData(), self.run_after.currentData()
        if kind == "migration" and before is not None and after is not None:
            moves = (self.archive.tiers.migration(before, after), self.run_before.currentText(),
                     self.run_after.currentText())
        charts.draw(figure, kind, picture, self.people, translate, moves)

    def save_chart(self, kind: str) -> None:
        name = str(self.chart_kind.currentData())
        path = save_file_name(
            self, self.tr("Save chart"), f"{name}.{kind}",
            self.tr("PNG image (*.png)") if kind == "png" else self.tr("PDF document (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        self.save_chart_to(path)

    def save_chart_to(self, path: str) -> None:
        figure = charts.new_figure(str(self.chart_kind.currentData()))
        self.fill_figure(figure, str(self.chart_kind.currentData()))
        try:
            charts.save_chart(figure, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save chart"), self.tr(
                "The chart could not be saved: {reason}").format(reason=exc.strerror or exc))
