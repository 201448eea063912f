"""Plan next month: the proposed quotas of every active salesperson, which the manager adjusts
in the table, keeps as a draft, publishes (then frozen), prints and exports. The task list
of the salesperson chosen is shown below the team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.core.planning.plans import FIGURES, Plan, Quota, adjust
from tierdesk.core.service.followups import add_months
from tierdesk.reports.plan_report import (
    SUMMARY_COLUMNS,
    TASK_COLUMNS,
    heading,
    month_title,
    plan_tables,
    status_text,
    summary_rows,
    task_row,
)
from tierdesk.ui.actions import on_click
from tierdesk.ui.dates import date_edit
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.tables import fill_table, make_table
from tierdesk.ui.workers import BackgroundTask, waiting

EDITABLE = {SUMMARY_COLUMNS.index(f): f for f in FIGURES}
# The task list with the long "why" last, so the last contact stays in sight.
TASK_ORDER = [TASK_COLUMNS.index(c) for c in ("number", "customer", "tier", "what", "last",
                                               "why")]
ADJUSTED = QColor("#fff3c4")


class PlanWindow(QDialog):
    def __init__(self, archive: Archive, settings: QSettings, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planWindow")
        self.setWindowTitle(self.tr("Month plan and visit quotas"))
        self.archive, self.settings = archive, settings
        self.today = today or dt.date.today()
        self.plan: Plan | None = None
        self.dirty = False   # adjustments not kept yet
        self._filling = False
        self.month = date_edit(add_months(self.today.replace(day=1), 1), month_only=True)
        self.month.dateChanged.connect(lambda _d: self.load())
        self.status = QLabel()
        self.status.setObjectName("planStatus")
        self.target = QSpinBox()
        self.target.setRange(0, 100_000)
        self.target.setToolTip(self.tr("The office's new-customer target for the month, "
                                       "split by region and headcount"))
        self.split_button = QPushButton(self.tr("Split"))
        on_click(self.split_button.clicked, self.split_target)
        self.targets_button = QPushButton(self.tr("&Targets by region…"))
        on_click(self.targets_button.clicked, self.edit_targets)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Month")), self.month, QLabel(self.tr("New customers "
                                                                             "(office)")),
                       self.target, self.split_button, self.targets_button):
            top.addWidget(widget)
        top.addWidget(self.status, 1)

        self.team = make_table([heading(c, translate) for c in SUMMARY_COLUMNS])
        self.team.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.team.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.team.itemChanged.connect(self._edited)
        self.team.itemSelectionChanged.connect(self._show_tasks)
        self.tasks_label = QLabel()
        self.tasks = make_table([heading(TASK_COLUMNS[i], translate) for i in TASK_ORDER])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.tasks_label)
        lower_layout.addWidget(self.tasks)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.team)
        self.splitter.addWidget(lower)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save draft"))
        on_click(self.save_button.clicked, lambda: self.save(publish=False))
        self.publish_button = QPushButton(self.tr("&Publish…"))
        on_click(self.publish_button.clicked, self.publish)
        self.whole_team = QCheckBox(self.tr("&Whole team"))
        self.whole_team.setToolTip(self.tr("Print every salesperson's sheet, each on a new "
                                           "page; otherwise the chosen salesperson's only"))
        self.whole_team.setChecked(True)
        self.preview_button = QPushButton(self.tr("Print pre&view…"))
        on_click(self.preview_button.clicked, self.preview)
        self.print_button = QPushButton(self.tr("P&rint…"))
        on_click(self.print_button.clicked, self.print_plan)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        on_click(self.pdf_button.clicked, self.save_pdf)
        self.excel_button = QPushButton(self.tr("E&xport to Excel…"))
        on_click(self.excel_button.clicked, self.export_excel)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.publish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.whole_team, self.preview_button, self.print_button,
                       self.pdf_button, self.excel_button):
            buttons.addWidget(button)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save(publish=False))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_plan)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr(
            "Revisit quota: the calls and visits the tier norms of each salesperson's "
            "customers ask for in the month, plus follow-ups due by its end; customers whose "
            "purchases fall get a visit. Double-click a figure to adjust it; adjusted figures "
            "are shaded.")))
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1200, 760)
        geometry = settings.value("plan/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("plan/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.load()

    def chosen_month(self) -> dt.date:
        day: dt.date = self.month.date().toPython()
        return day.replace(day=1)

    # -- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the month's plan in the background (a big office takes a moment)."""
        if self.dirty and self.plan is not None and not self._keep_changes():
            return
        self.dirty = False
        month = self.chosen_month()
        self.message.setText(self.tr("Planning {month}…").format(month=f"{month:%Y-%m}"))
        task = BackgroundTask(self, self.tr("Planning the month"),
                              lambda _report: self.archive.planning.month_plan(month, self.today),
                              done=self.show_plan, error=self._failed)
        task.start()

    def show_plan(self, plan: Plan) -> None:
        if plan.month != self.chosen_month():
            return   # the month was changed meanwhile; its own read follows
        self.plan = plan
        frozen = plan.status == "published"
        self._show_status()
        self.target.setValue(plan.new_customer_target)
        self.target.setEnabled(not frozen)
        self.save_button.setEnabled(not frozen)
        self.publish_button.setEnabled(not frozen)
        self._fill_team()
        self.message.setText(self.tr("Published plans are frozen: this is the plan as it was "
                                     "handed out.") if frozen else "")
        if plan.quotas and not self.team.selectedItems():
            self.team.selectRow(0)
        self._show_tasks()

    def _show_status(self) -> None:
        plan = self.plan
        assert plan is not None
        self.status.setText(f"{month_title(plan, translate)} · {status_text(plan, translate)} · "
                            + self.tr("{days} working days").format(days=plan.working_days))

    def _fill_team(self) -> None:
        plan = self.plan
        assert plan is not None
        self._filling = True
        rows = summary_rows(plan, translate)
        fill_table(self.team, rows)
        frozen = plan.status == "published"
        for r, quota in enumerate(plan.quotas):
            for c in range(self.team.columnCount()):
                item = self.team.item(r, c)
                figure = EDITABLE.get(c)
                if figure is None or frozen:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    continue
                if figure in quota.adjusted:
                    item.setBackground(QBrush(ADJUSTED))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    proposed = quota.proposed.get(figure)
                    item.setToolTip(self.tr("Proposed: {value}").format(value=proposed))
        if plan.quotas:   # the total row
            for c in range(self.team.columnCount()):
                item = self.team.item(len(plan.quotas), c)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
        self._filling = False

    def selected_quota(self) -> Quota | None:
        rows = self.team.selectionModel().selectedRows() or [
            i for i in self.team.selectionModel().selectedIndexes()]
        if self.plan is None or not rows or rows[0].row() >= len(self.plan.quotas):
            return None
        return self.plan.quotas[rows[0].row()]

    def _show_tasks(self) -> None:
        quota = self.selected_quota()
        if quota is None or self.plan is None:
            fill_table(self.tasks, [])
            self.tasks_label.setText("")
            return
        lines = self.plan.tasks.get(quota.salesperson_id, [])
        self.tasks_label.setText(self.tr("Task list of {name} ({code}): %n customer(s)", "",
                                         len(lines)).format(name=quota.name, code=quota.code))
        fill_table(self.tasks, ([row[i] for i in TASK_ORDER]
                                for row in (task_row(t, translate) for t in lines)))

    # -- adjusting -----------------------------------------------------------------------------
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.plan is None or item.row() >= len(self.plan.quotas):
            return
        figure = EDITABLE.get(item.column())
        if figure is None:
            return
        quota = self.plan.quotas[item.row()]
        try:
            adjust(self.plan, quota.salesperson_id, figure, item.text())
        except ValidationError as exc:
            self.message.setText(tr_message(exc.problems[0].message))
        else:
            self._keep_draft()
        row = item.row()
        self._fill_team()
        self.team.selectRow(row)

    def split_target(self) -> None:
        if self.plan is None:
            return
        try:
            self.archive.planning.set_new_customer_target(self.plan, self.target.value())
        except ValidationError as exc:
            self.message.setText(tr_message(exc.problems[0].message))
            return
        self._keep_draft()
        self._fill_team()

    def _keep_draft(self) -> None:
        """An adjustment is kept in the month's draft as soon as it is made, so that no crash
        or close loses it; if it cannot be kept, closing asks."""
        assert self.plan is not None
        try:
            self.archive.planning.save_month_plan(self.plan, publish=False)
        except TierDeskError as exc:
            self.dirty = True
            reason = tr_message(exc.problems[0].message if isinstance(exc, ValidationError)
                                else exc.message)
            self.message.setText(self.tr("The change could not be kept in the draft: "
                                         "{reason}").format(reason=reason))
            return
        self.dirty = False
        self._show_status()
        self.message.setText(self.tr("Changed; kept in the draft."))

    def edit_targets(self) -> bool:
        """The office's new-customer targets: a month's target (or so many a salesperson)
        and, where a region has one of its own, that region's; then split again."""
        from tierdesk.core.planning.plans import PlanSettings
        from tierdesk.ui.fields_dialog import Field, FieldsDialog

        kept = self.archive.planning.plan_settings()
        regions = self.archive.office.regions()
        fields = [Field("new_customers", self.tr("New customers a month (office)"),
                        self.tr("blank: so many a salesperson")),
                  Field("per_head", self.tr("… or a salesperson"))]
        fields += [Field(f"region:{r.code}", f"{r.name} ({r.code})",
                         self.tr("blank: by headcount")) for r in regions]
        values: dict[str, object] = {"new_customers": kept.new_customers or "",
                                     "per_head": kept.per_head}
        values.update({f"region:{code}": target
                       for code, target in kept.region_targets.items()})

        saved: list[PlanSettings] = []

        def save(found: dict) -> None:  # type: ignore[type-arg]
            saved.append(self.archive.planning.save_plan_settings(PlanSettings(
                found["new_customers"].strip() or None, found["per_head"],
                {r.code: found[f"region:{r.code}"].strip() for r in regions})))

        dialog = FieldsDialog(self.tr("New-customer targets"), fields, save, values, self)
        if not dialog.exec():
            return False
        if self.plan is not None and self.plan.status != "published":
            chosen = saved[-1]
            total = chosen.new_customers if chosen.new_customers is not None else \
                chosen.per_head * len(self.plan.quotas)
            self.target.setValue(total)
            self.split_target()
        return True

    # -- keeping -------------------------------------------------------------------------------
    def save(self, *, publish: bool) -> bool:
        if self.plan is None:
            return False
        try:
            with waiting():
                self.archive.planning.save_month_plan(self.plan, publish=publish)
        except TierDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), tr_message(exc.message)
                                if not isinstance(exc, ValidationError)
                                else tr_message(exc.problems[0].message))
            return False
        self.dirty = False
        self.show_plan(self.plan)
        self.message.setText(self.tr("The plan was published.") if publish
                             else self.tr("The draft was saved."))
        return True

    def publish(self) -> bool:
        if self.plan is None:
            return False
        answer = QMessageBox.question(self, self.tr("Publish the plan"), self.tr(
            "Publish the plan for {month}? A published plan is frozen: its quotas and task "
            "lists can no longer change.").format(month=f"{self.plan.month:%Y-%m}"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.save(publish=True)

    # -- printing and export ---------------------------------------------------------------------
    def _printer(self) -> QPrinter:
        from tierdesk.render.plan_sheets import a4

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        a4(printer)
        return printer

    def _paint(self, printer: QPrinter) -> None:
        from tierdesk.render.plan_sheets import paint_plan

        if self.plan is not None:
            paint_plan(printer, self.plan, self.printed(), translate)

    def printed(self) -> list[Quota] | None:
        """The sheets to print: the chosen salesperson's, or (None) the whole team's."""
        chosen = self.selected_quota()
        return None if self.whole_team.isChecked() or chosen is None else [chosen]

    def preview(self) -> None:
        # The dialog does not own the printer it is given: the printer stays referenced here,
        # and so alive, until the dialog that paints on it is gone.
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(self._paint)
        try:
            dialog.exec()
        finally:
            shiboken6.delete(dialog)

    def print_plan(self) -> None:
        printer = self._printer()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self._paint(printer)

    def save_pdf(self, *, path: str | None = None) -> str | None:
        from tierdesk.render.plan_sheets import plan_to_pdf

        sheets = self.printed()
        return self._save_file(path, self.tr("Save as PDF"), "pdf", self.tr("PDF files (*.pdf)"),
                               lambda plan, chosen: plan_to_pdf(plan, chosen, sheets,
                                                                tr=translate),
                               suffix_name="" if sheets is None else f"-{sheets[0].code}")

    def export_excel(self, *, path: str | None = None) -> str | None:
        from tierdesk.excel.writer import write_tables

        return self._save_file(path, self.tr("Export to Excel"), "xlsx",
                               self.tr("Excel workbooks (*.xlsx)"),
                               lambda plan, chosen: write_tables(
                                   chosen, plan_tables(plan, translate)))

    def _save_file(self, path: str | None, title: str, suffix: str, kinds: str,
                   write: Callable[[Plan, str], object], suffix_name: str = "") -> str | None:
        """Ask where (unless ``path`` is given), write, and say where it went."""
        if self.plan is None:
            return None
        if path is None:
            path = save_file_name(
                self, title, f"plan-{self.plan.month:%Y-%m}{suffix_name}.{suffix}", kinds)
        if not path:
            return None
        try:
            with waiting():
                write(self.plan, path)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        self.message.setText(self.tr("Saved {path}").format(path=path))
        return path

    def _failed(self, exc: BaseException) -> None:
        text = tr_message(exc.message) if isinstance(exc, TierDeskError) else str(exc)
        self.message.setText(text)

    def _keep_changes(self) -> bool:
        """Asked before adjustments not kept yet would be dropped; False: stay."""
        assert self.plan is not None
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Keep your changes to the plan for {month} as a draft?").format(
                month=f"{self.plan.month:%Y-%m}"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        return answer == QMessageBox.StandardButton.Discard or self.save(publish=False)

    def done(self, result: int) -> None:
        if self.dirty and self.plan is not None and not self._keep_changes():
            return
        self.settings.setValue("plan/geometry", self.saveGeometry())
        self.settings.setValue("plan/splitter", self.splitter.saveState())
        super().done(result)
