"""Creating or editing a customer's facts, with the reason for each refusal next to its field."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from tierdesk.core.archive import Archive
from tierdesk.core.customers.master_file import CustomerFacts, CustomerInput, SameCustomer
from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.core.store.models import CUSTOMER_STATUSES
from tierdesk.reports.labels import status_label
from tierdesk.ui.actions import on_click
from tierdesk.ui.forms.ui_customer_dialog import Ui_CustomerDialog
from tierdesk.ui.i18n import tr_message, translate

# core field name -> widget name in the form
FIELD_WIDGETS = {
    "name": "name", "contact_name": "contactName", "mobile": "mobile", "landline": "landline",
    "email": "email", "wechat": "wechat", "address": "address", "industry": "industry",
    "region_id": "region", "salesperson_id": "salesperson", "status": "status", "tier": "tier",
    "potential": "potential", "customer_since": "customerSince", "notes": "notes",
}


def _as_uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


class CustomerDialog(QDialog):
    def __init__(self, archive: Archive, facts: CustomerFacts | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.facts = facts
        self.customer_id: uuid.UUID | None = facts.id if facts else None
        self.existing_id: uuid.UUID | None = None  # chosen instead of adding a duplicate
        self.ui = Ui_CustomerDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Edit customer {number}").format(number=facts.number)
                            if facts else self.tr("New customer"))
        # Ids are kept as text in the combos: Qt cannot compare Python UUID objects in findData.
        self.ui.region.addItem("", None)
        for region in archive.office.regions():
            self.ui.region.addItem(f"{region.code} {region.name}", str(region.id))
        self.ui.salesperson.addItem("", None)
        for person in archive.office.salespeople(with_counts=False):
            if person.active or (facts is not None and person.id == facts.salesperson_id):
                self.ui.salesperson.addItem(f"{person.name} ({person.code})", str(person.id))
        for status in CUSTOMER_STATUSES:
            self.ui.status.addItem(status_label(status, translate), status)
        self.ui.tier.addItem("", "")
        for tier in archive.office.settings().tiers:
            self.ui.tier.addItem(tier, tier)
        self.ui.potential.addItem("", None)
        for level in range(1, 6):
            self.ui.potential.addItem(str(level), level)
        on_click(self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).clicked, self.save)
        self.ui.buttons.rejected.connect(self.reject)
        if facts:
            self._show(facts)

    def _select(self, combo_name: str, value: object) -> None:
        combo = getattr(self.ui, combo_name)
        data = str(value) if isinstance(value, uuid.UUID) else value
        combo.setCurrentIndex(max(combo.findData(data), 0))

    def _show(self, facts: CustomerFacts) -> None:
        ui = self.ui
        ui.name.setText(facts.name)
        ui.contactName.setText(facts.contact_name)
        ui.mobile.setText(facts.mobile)
        ui.landline.setText(facts.landline)
        ui.email.setText(facts.email)
        ui.wechat.setText(facts.wechat)
        ui.address.setText(facts.address)
        ui.industry.setText(facts.industry)
        self._select("region", facts.region_id)
        self._select("salesperson", facts.salesperson_id)
        self._select("status", facts.status)
        self._select("tier", facts.tier)
        self._select("potential", facts.potential)
        ui.customerSince.setText(facts.customer_since.isoformat() if facts.customer_since else "")
        ui.notes.setPlainText(facts.notes)

    def value(self) -> CustomerInput:
        ui = self.ui
        return CustomerInput(
            name=ui.name.text(), contact_name=ui.contactName.text(), mobile=ui.mobile.text(),
            landline=ui.landline.text(), email=ui.email.text(), wechat=ui.wechat.text(),
            address=ui.address.text(), industry=ui.industry.text(),
            region_id=_as_uuid(ui.region.currentData()),
            salesperson_id=_as_uuid(ui.salesperson.currentData()),
            status=ui.status.currentData(), tier=ui.tier.currentData() or "",
            potential=ui.potential.currentData(), customer_since=ui.customerSince.text(),
            notes=ui.notes.toPlainText())

    def error_label(self, field: str) -> QLabel:
        return getattr(self.ui, FIELD_WIDGETS[field] + "Error")  # type: ignore[no-any-return]

    def _clear_errors(self) -> None:
        for widget_name in FIELD_WIDGETS.values():
            label = getattr(self.ui, widget_name + "Error")
            label.clear()
            label.setVisible(False)

    def save(self) -> None:
        self._clear_errors()
        try:
            if self.customer_id is None:
                data = self.value()
                same = self.archive.customers.same_name_and_phone(data)
                if same and not self._add_anyway(same):
                    return
                self.customer_id = self.archive.customers.create_customer(data)
            else:
                self.archive.customers.update_customer(self.customer_id, self.value())
        except ValidationError as exc:
            first = None
            for problem in exc.problems:
                widget_name = FIELD_WIDGETS.get(problem.field)
                if widget_name is None:
                    continue
                label = getattr(self.ui, widget_name + "Error")
                label.setText(tr_message(problem.message))
                label.setVisible(True)
                first = first or getattr(self.ui, widget_name)
            if first is not None:
                first.setFocus()
            return
        except TierDeskError as exc:
            self.error_label("name").setText(tr_message(exc.message))
            self.error_label("name").setVisible(True)
            return
        self.accept()

    def _add_anyway(self, same: list[SameCustomer]) -> bool:
        """Ask before adding a customer the archive seems to have already. Showing the one
        there closes the dialog with ``existing_id`` set."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Customer already there?"),
                          self.tr("A customer with this name and phone number is already in "
                                  "the archive:"), parent=self)
        box.setInformativeText("\n".join(f"{c.number}  {c.name}  {c.phone}" for c in same))
        add = box.addButton(self.tr("Add a new customer anyway"),
                            QMessageBox.ButtonRole.AcceptRole)
        add.setObjectName("addAnyway")
        show = box.addButton(self.tr("Show the existing customer"),
                             QMessageBox.ButtonRole.ActionRole)
        show.setObjectName("showExisting")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        if box.clickedButton() is show:
            self.existing_id = same[0].id
            self.reject()
        return box.clickedButton() is add
