"""Complaints in the window: the complaint form, one complaint with its status flow and the
24-hour clock, and the complaint register (exported to Excel)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.service.complaints import COMPLAINT_CHANNELS, SEVERITIES, ComplaintRow
from tierdesk.excel.service_export import complaint_table, write_register
from tierdesk.reports.labels import COMPLAINT_STATUSES, channel_label, label
from tierdesk.reports.labels import SEVERITIES as SEVERITY_LABELS
from tierdesk.reports.today_report import time_left_text
from tierdesk.ui.actions import on_click
from tierdesk.ui.export_report import report_written
from tierdesk.ui.fields_dialog import Field, FieldsDialog
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import translate
from tierdesk.ui.tables import cell_text, fill_table, make_table


def clock_text(row: ComplaintRow, now: dt.datetime) -> str:
    """The 24-hour clock of a complaint: time left, overdue, or answered in (or past) time."""
    left = row.time_left(now)
    if left is not None:
        return time_left_text(left, translate)
    if row.answered_in_time():
        return translate("Complaints", "answered within 24 h")
    return translate("Complaints", "answered late")


def new_complaint(archive: Archive, customer_id: uuid.UUID, parent: QWidget) -> bool:
    """The complaint form, for one customer; True when it was recorded."""
    channels = [(c, channel_label(c, translate)) for c in COMPLAINT_CHANNELS]
    severities = [(s, label(SEVERITY_LABELS, s, translate)) for s in SEVERITIES]
    people = [("", translate("Complaints", "The customer's salesperson"))] + [
        (p.id.hex, f"{p.name} ({p.code})")
        for p in archive.office.salespeople(include_inactive=False, with_counts=False)]

    def save(values: dict) -> None:  # type: ignore[type-arg]
        assigned = values.pop("assigned_to")
        archive.service.record_complaint(customer_id, assigned_to_id=uuid.UUID(hex=assigned)
                                 if assigned else None, **values)

    dialog = FieldsDialog(translate("Complaints", "New complaint"), [
        Field("received_at", translate("Complaints", "Received"), time=True),
        Field("channel", translate("Complaints", "Through"), choices=channels),
        Field("category", translate("Complaints", "Category"),
              translate("Complaints", "quality, delivery, service, price …")),
        Field("severity", translate("Complaints", "Severity"), choices=severities),
        Field("description", translate("Complaints", "What the customer says")),
        Field("assigned_to", translate("Complaints", "Handled by"), choices=people),
    ], save, {"severity": "normal"}, parent)
    dialog.setObjectName("complaintForm")
    return bool(dialog.exec())


class ComplaintDialog(QDialog):
    """One complaint: its form, the clock, and the next steps of its status flow."""

    def __init__(self, archive: Archive, complaint_id: uuid.UUID,
                 parent: QWidget | None = None, *,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        super().__init__(parent)
        self.setObjectName("complaintDialog")
        self.now = now
        self.archive = archive
        self.complaint_id = complaint_id
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, text in (("customer", self.tr("Customer")), ("received", self.tr("Received")),
                          ("channel", self.tr("Through")), ("category", self.tr("Category")),
                          ("severity", self.tr("Severity")),
                          ("description", self.tr("Description")),
                          ("assigned", self.tr("Handled by")), ("status", self.tr("Status")),
                          ("clock", self.tr("24-hour target")), ("answer", self.tr("Answer")),
                          ("resolution", self.tr("Resolution")),
                          ("satisfaction", self.tr("Satisfaction afterwards"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"complaint_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(text, value)
            self.values[key] = value
        self.investigate = QPushButton(self.tr("Start &investigating"))
        self.answer = QPushButton(self.tr("Record the &answer…"))
        self.close_button = QPushButton(self.tr("&Close the complaint…"))
        self.assign = QPushButton(self.tr("Hand to…"))
        on_click(self.investigate.clicked, lambda: self._step("investigating"))
        on_click(self.answer.clicked, lambda: self._step("answered"))
        on_click(self.close_button.clicked, lambda: self._step("closed"))
        on_click(self.assign.clicked, self._assign)
        buttons = QHBoxLayout()
        for button in (self.investigate, self.answer, self.close_button, self.assign):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        row = self.row = self.archive.service.complaint(self.complaint_id)
        self.setWindowTitle(self.tr("Complaint: {customer}").format(customer=row.name))
        shown = {
            "customer": f"{row.number} {row.name}", "received": cell_text(row.received_at),
            "channel": channel_label(row.channel, translate), "category": row.category,
            "severity": label(SEVERITY_LABELS, row.severity, translate),
            "description": row.description, "assigned": row.assigned_to,
            "status": label(COMPLAINT_STATUSES, row.status, translate),
            "clock": clock_text(row, self.now()), "answer": row.answer,
            "resolution": row.resolution,
            "satisfaction": "" if row.satisfaction is None else str(row.satisfaction)}
        for key, text in shown.items():
            self.values[key].setText(text)
        late = row.time_left(self.now())
        self.values["clock"].setStyleSheet("color: #b00020;" if late is not None
                                           and late < dt.timedelta(0) else "")
        reached = ("received", "investigating", "answered", "closed").index(row.status)
        self.investigate.setEnabled(reached < 1)
        self.answer.setEnabled(reached < 2)
        self.close_button.setEnabled(reached < 3)
        self.assign.setEnabled(reached < 3)

    def _step(self, status: str) -> None:
        fields = [Field("at", self.tr("When"), time=True)]
        if status in ("answered", "closed"):
            fields.append(Field("answer", self.tr("Answer given to the customer")))
        if status == "closed":
            top = self.archive.service.survey_scale().top
            fields += [Field("resolution", self.tr("Resolution")),
                       Field("satisfaction", self.tr("Satisfaction afterwards (1–{top}, "
                                                     "empty if not known)").format(top=top))]

        def save(values: dict) -> None:  # type: ignore[type-arg]
            satisfaction = str(values.pop("satisfaction", "") or "").strip()
            self.archive.service.advance_complaint(self.complaint_id, status,
                                           satisfaction=int(satisfaction)
                                           if satisfaction.isdigit() else None, **values)

        if status == "investigating":
            self.archive.service.advance_complaint(self.complaint_id, status,
                                           at=self.now().replace(second=0, microsecond=0))
        else:
            dialog = FieldsDialog(label(COMPLAINT_STATUSES, status, translate), fields, save,
                                  {"answer": self.row.answer}, self)
            dialog.setObjectName("complaintStep")
            if not dialog.exec():
                return
        self.refresh()

    def _assign(self) -> None:
        people = [(p.id.hex, f"{p.name} ({p.code})")
                  for p in self.archive.office.salespeople(include_inactive=False,
                                                           with_counts=False)]
        dialog = FieldsDialog(self.tr("Hand to…"), [
            Field("to", self.tr("Handled by"), choices=people)],
            lambda values: self.archive.service.assign_complaint(self.complaint_id,
                                                         uuid.UUID(hex=values["to"])), {}, self)
        if dialog.exec():
            self.refresh()


class ComplaintRegister(QDialog):
    """Every complaint, newest first: open ones only on request; exported to Excel."""

    def __init__(self, archive: Archive, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintRegister")
        self.setWindowTitle(self.tr("Complaint register"))
        self.archive = archive
        self.settings = settings
        self.open_only = QCheckBox(self.tr("Open complaints only"))
        self.open_only.setChecked(True)
        on_click(self.open_only.toggled, self.refresh)
        export = QPushButton(self.tr("&Export to Excel…"))
        on_click(export.clicked, self.export)
        self.table = make_table([self.tr("Received"), self.tr("Customer"), self.tr("Category"),
                                 self.tr("Severity"), self.tr("Status"), self.tr("Handled by"),
                                 self.tr("24-hour target"), self.tr("Description")])
        on_click(self.table.doubleClicked, self._open)
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.resize(1000, 560)
        geometry = settings.value("complaints/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.archive.service.complaint_register(open_only=self.open_only.isChecked())
        now = dt.datetime.now()
        fill_table(self.table, ([r.received_at, f"{r.number} {r.name}", r.category,
                                 label(SEVERITY_LABELS, r.severity, translate),
                                 label(COMPLAINT_STATUSES, r.status, translate), r.assigned_to,
                                 clock_text(r, now), r.description] for r in self.rows))

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            ComplaintDialog(self.archive, self.rows[row].id, self).exec()
            self.refresh()

    def export(self) -> None:
        path = save_file_name(self, self.tr("Export to Excel"), self.tr("complaints.xlsx"),
                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        try:
            written = write_register(path, complaint_table(
                self.archive.service.complaint_register(open_only=self.open_only.isChecked()),
                translate))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export to Excel"),
                                self.tr("The workbook could not be written: {reason}")
                                .format(reason=exc.strerror or exc))
        else:
            report_written(self, path, written)

    def done(self, result: int) -> None:
        self.settings.setValue("complaints/geometry", self.saveGeometry())
        super().done(result)
