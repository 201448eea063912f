"""Office settings: name, card size, numbering rule; regions; salespeople and hand-overs; the
holiday calendar; follow-up rules and the survey scale."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.core.office.numbering import format_number
from tierdesk.core.office.settings import CARD_SIZE_MAX, CARD_SIZE_MIN
from tierdesk.ui.actions import on_click
from tierdesk.ui.encryption import encryption_row
from tierdesk.ui.holidays_tab import HolidaysTab
from tierdesk.ui.i18n import tr_message
from tierdesk.ui.service_settings_tab import ServiceSettingsTab
from tierdesk.ui.tables import error_label, fill_table, make_table, show_problems


class OfficeDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None, *,
                 encryption: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.encryption = encryption    # encrypt or decrypt this archive (the window's)
        self.setWindowTitle(self.tr("Office settings"))
        self.resize(760, 600)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._settings_tab(), self.tr("Office"))
        self.tabs.addTab(self._regions_tab(), self.tr("Regions"))
        self.tabs.addTab(self._people_tab(), self.tr("Salespeople"))
        self.holidays = HolidaysTab(archive)
        self.tabs.addTab(self.holidays, self.tr("Holiday calendar"))
        self.service = ServiceSettingsTab(archive)
        self.tabs.addTab(self.service, self.tr("Follow-ups and surveys"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self._load()

    # -- office --------------------------------------------------------------------------------
    def _settings_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.office_name = QLineEdit()
        self.card_size = QSpinBox()
        self.card_size.setRange(CARD_SIZE_MIN, CARD_SIZE_MAX)
        self.rule = QLineEdit()
        self.rule_preview = QLabel()
        self.rule.textChanged.connect(self._preview_rule)
        self.settings_errors = {"office_name": error_label(), "card_size": error_label(),
                                "numbering_rule": error_label()}
        form.addRow(self.tr("Office name"), self.office_name)
        form.addRow("", self.settings_errors["office_name"])
        form.addRow(self.tr("Entries per visit card"), self.card_size)
        form.addRow("", QLabel(self.tr("A new size applies to cards opened from now on.")))
        form.addRow(self.tr("Customer numbering rule"), self.rule)
        form.addRow("", self.rule_preview)
        form.addRow("", QLabel(self.tr("Fields: {region} {tier} {year} {seq} or {seq:05}")))
        form.addRow("", self.settings_errors["numbering_rule"])
        save = QPushButton(self.tr("&Save settings"))
        on_click(save.clicked, self.save_settings)
        form.addRow("", save)
        if self.encryption is not None:     # this computer's file of the archive
            form.addRow(self.tr("Encryption"), encryption_row(self.archive, self._rekey))
        return tab

    def _rekey(self) -> None:
        self.accept()               # the archive is closed and opened again
        if self.encryption is not None:
            self.encryption()

    def _preview_rule(self, rule: str) -> None:
        try:
            example = format_number(rule, region="HD", tier="A", seq=17)
        except (KeyError, ValueError, IndexError):
            example = "?"
        self.rule_preview.setText(self.tr("Example: {example}").format(example=example))

    def save_settings(self) -> bool:
        for label in self.settings_errors.values():
            label.hide()
        try:
            self.archive.office.save_settings(office_name=self.office_name.text(),
                                       card_size=self.card_size.value(),
                                       numbering_rule=self.rule.text())
        except ValidationError as exc:
            show_problems(self.settings_errors, exc.problems)
            return False
        return True

    # -- regions -------------------------------------------------------------------------------
    def _regions_tab(self) -> QWidget:
        tab = QWidget()
        self.regions = make_table([self.tr("Code"), self.tr("Name")])
        self.region_code, self.region_name = QLineEdit(), QLineEdit()
        self.region_code.setPlaceholderText(self.tr("Code, e.g. HD"))
        self.region_name.setPlaceholderText(self.tr("Name, e.g. 华东"))
        self.region_error = error_label()
        add = QPushButton(self.tr("Add region"))
        on_click(add.clicked, self.add_region)
        row = QHBoxLayout()
        for widget in (self.region_code, self.region_name, add):
            row.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.regions)
        layout.addLayout(row)
        layout.addWidget(self.region_error)
        return tab

    def add_region(self) -> None:
        self.region_error.hide()
        try:
            self.archive.office.save_region(self.region_code.text(), self.region_name.text())
        except ValidationError as exc:
            self.region_error.setText(tr_message(exc.problems[0].message))
            self.region_error.show()
            return
        self.region_code.clear()
        self.region_name.clear()
        self._load()

    # -- salespeople ---------------------------------------------------------------------------
    def _people_tab(self) -> QWidget:
        tab = QWidget()
        self.people = make_table([self.tr("Code"), self.tr("Name"), self.tr("Region"),
                                  self.tr("Phone"), self.tr("Active"),
                                  self.tr("Number of customers")])
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.person_code, self.person_name, self.person_phone = QLineEdit(), QLineEdit(), \
            QLineEdit()
        self.person_code.setPlaceholderText(self.tr("Code"))
        self.person_name.setPlaceholderText(self.tr("Name"))
        self.person_phone.setPlaceholderText(self.tr("Mobile"))
        self.person_region = QComboBox()
        self.person_active = QCheckBox(self.tr("Active"))
        self.person_active.setChecked(True)
        self.person_error = error_label()
        self.editing_person: uuid.UUID | None = None
        self.people.itemSelectionChanged.connect(self._person_chosen)
        new = QPushButton(self.tr("New"))
        on_click(new.clicked, self._new_person)
        self.save_person_button = QPushButton(self.tr("Add salesperson"))
        on_click(self.save_person_button.clicked, self.save_person)
        self.hand_over_button = QPushButton(self.tr("&Hand over customers…"))
        on_click(self.hand_over_button.clicked, self.hand_over)
        row = QHBoxLayout()
        for widget in (self.person_code, self.person_name, self.person_region,
                       self.person_phone, self.person_active, new, self.save_person_button):
            row.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.people)
        layout.addLayout(row)
        layout.addWidget(self.person_error)
        layout.addWidget(self.hand_over_button, 0, Qt.AlignmentFlag.AlignLeft)
        return tab

    def _person_chosen(self) -> None:
        """A row chosen in the table is loaded into the form for editing."""
        person_id = self.selected_person()
        person = next((p for p in self._people if p.id == person_id), None)
        if person is None:
            return
        self.editing_person = person.id
        self.person_code.setText(person.code)
        self.person_name.setText(person.name)
        self.person_phone.setText(person.phone)
        index = self.person_region.findText(person.region_code, Qt.MatchFlag.MatchStartsWith)
        self.person_region.setCurrentIndex(max(index, 0))
        self.person_active.setChecked(person.active)
        self.save_person_button.setText(self.tr("Save salesperson"))

    def _new_person(self) -> None:
        self.editing_person = None
        self.people.clearSelection()
        for edit in (self.person_code, self.person_name, self.person_phone):
            edit.clear()
        self.person_active.setChecked(True)
        self.save_person_button.setText(self.tr("Add salesperson"))
        self.person_code.setFocus()

    def save_person(self) -> None:
        self.person_error.hide()
        try:
            self.archive.office.save_salesperson(code=self.person_code.text(),
                                          name=self.person_name.text(),
                                          region_id=self.person_region.currentData(),
                                          phone=self.person_phone.text(),
                                          active=self.person_active.isChecked(),
                                          salesperson_id=self.editing_person)
        except ValidationError as exc:
            self.person_error.setText(tr_message(exc.problems[0].message))
            self.person_error.show()
            return
        self._load()
        self._new_person()

    def selected_person(self) -> uuid.UUID | None:
        rows = self.people.selectionModel().selectedRows()
        return self._people_ids[rows[0].row()] if rows else None

    def hand_over(self) -> None:
        giver_id = self.selected_person()
        if giver_id is None:
            QMessageBox.information(self, self.tr("Hand over customers"),
                                    self.tr("First choose the salesperson who is leaving."))
            return
        people = self.archive.office.salespeople()
        giver = next(p for p in people if p.id == giver_id)
        dialog = HandOverDialog([p for p in people if p.active and p.id != giver_id], giver.name,
                                giver.customers, self)
        if not dialog.exec():
            return
        try:
            given = self.archive.office.hand_over(giver_id, dialog.chosen())
        except TierDeskError as exc:
            QMessageBox.warning(self, self.tr("Hand over customers"), tr_message(exc.message))
            return
        self._load()
        names = QLocale().createSeparatedList(
            [p.name for p in people if given.get(p.id)])
        QMessageBox.information(self, self.tr("Hand over customers"), self.tr(
            "%n customer(s) of {name} were handed over to {receivers}; {name} is now "
            "inactive.", "", sum(given.values())).format(name=giver.name, receivers=names))

    # -- loading -------------------------------------------------------------------------------
    def _load(self) -> None:
        settings = self.archive.office.settings()
        self.office_name.setText(settings.office_name)
        self.card_size.setValue(settings.card_size)
        self.rule.setText(settings.numbering_rule)
        regions = self.archive.office.regions()
        fill_table(self.regions, ([r.code, r.name] for r in regions))
        self.person_region.clear()
        for region in regions:
            self.person_region.addItem(f"{region.code} {region.name}", region.id)
        people = self.archive.office.salespeople()
        self._people = people
        self._people_ids = [p.id for p in people]
        self.people.blockSignals(True)
        fill_table(self.people, ([p.code, p.name, p.region_code, p.phone,
                                  self.tr("yes") if p.active else self.tr("no"), p.customers]
                                 for p in people))
        self.people.blockSignals(False)


class HandOverDialog(QDialog):
    """Choose who receives a leaving salesperson's customers, then confirm."""

    def __init__(self, receivers: list, giver_name: str, count: int,  # type: ignore[type-arg]
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over customers"))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for person in receivers:
            item = QListWidgetItem(f"{person.name} ({person.code}, {person.region_code}) — "
                                   + self.tr("%n customer(s)", "", person.customers))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "{name} has %n customer(s). Choose who receives them (shared evenly); cards "
            "and history stay with each customer.", "", count).format(name=giver_name)))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[uuid.UUID]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def _confirm(self) -> None:
        if not self.chosen():
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Choose at least one salesperson."))
            return
        self.accept()
