"""The entry line under the card: log a call or visit in a few seconds from the keyboard."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput, VisitResult
from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.core.store.models import VISIT_CHANNELS
from tierdesk.reports.labels import channel_label
from tierdesk.ui.actions import on_click
from tierdesk.ui.dates import qdate
from tierdesk.ui.forms.ui_visit_entry import Ui_VisitEntry
from tierdesk.ui.i18n import tr_message, translate


class VisitEntryWidget(QWidget):
    saved = Signal(object)  # VisitResult
    CHANNEL_KEY = "visit_entry/channel"   # the channel last saved, offered for the next entry

    def __init__(self, archive: Archive, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.settings = settings
        self.customer_id: uuid.UUID | None = None
        self.ui = Ui_VisitEntry()
        self.ui.setupUi(self)
        for code in VISIT_CHANNELS:
            self.ui.channel.addItem(channel_label(code, translate), code)
        self._fields = {"visit_date": self.ui.visitDate, "channel": self.ui.channel,
                        "purpose": self.ui.purpose, "summary": self.ui.summary,
                        "outcome": self.ui.outcome, "next_step": self.ui.nextStep,
                        "next_visit_on": self.ui.nextVisit}
        for edit in self.findChildren(QLineEdit):
            edit.returnPressed.connect(self.save)
        on_click(self.ui.saveButton.clicked, self.save)
        self.ui.hasNextVisit.toggled.connect(self._next_toggled)
        self.clear()

    def set_customer(self, customer_id: uuid.UUID | None) -> None:
        self.customer_id = customer_id
        self.clear()
        self.setEnabled(customer_id is not None)

    def clear(self) -> None:
        today = qdate(dt.date.today())
        self.ui.visitDate.setDate(today)
        self.ui.visitDate.setMaximumDate(today)
        self.ui.channel.setCurrentIndex(max(0, self.ui.channel.findData(self.last_channel())))
        for edit in (self.ui.purpose, self.ui.summary, self.ui.outcome, self.ui.nextStep):
            edit.clear()
        self.ui.hasNextVisit.setChecked(False)
        self.ui.nextVisit.setDate(qdate(dt.date.today() + dt.timedelta(days=14)))
        self.ui.errorLabel.clear()

    def last_channel(self) -> str:
        if self.settings is None:
            return VISIT_CHANNELS[0]
        return str(self.settings.value(self.CHANNEL_KEY, VISIT_CHANNELS[0]))

    def start_new(self) -> None:
        """Today's date and the last channel used are set; the cursor waits in *What was
        discussed*, the field every entry needs."""
        if not self.is_dirty():
            self.clear()
        self.ui.summary.setFocus()

    def is_dirty(self) -> bool:
        return any(edit.text().strip() for edit in (self.ui.purpose, self.ui.summary,
                                                    self.ui.outcome, self.ui.nextStep))

    def _next_toggled(self, checked: bool) -> None:
        if checked:
            self.ui.nextVisit.setFocus()

    def value(self) -> VisitInput:
        return VisitInput(
            visit_date=self.ui.visitDate.date().toPython(),
            channel=self.ui.channel.currentData(),
            purpose=self.ui.purpose.text(), summary=self.ui.summary.text(),
            outcome=self.ui.outcome.text(), next_step=self.ui.nextStep.text(),
            next_visit_on=(self.ui.nextVisit.date().toPython()
                           if self.ui.hasNextVisit.isChecked() else None))

    def save(self) -> VisitResult | None:
        if self.customer_id is None:
            return None
        try:
            result = self.archive.customers.add_visit(self.customer_id, self.value())
        except ValidationError as exc:
            problem = exc.problems[0]
            self.ui.errorLabel.setText(tr_message(problem.message))
            widget = self._fields.get(problem.field)
            if widget is not None:
                widget.setFocus()
            return None
        except TierDeskError as exc:
            self.ui.errorLabel.setText(tr_message(exc.message))
            return None
        if self.settings is not None:
            self.settings.setValue(self.CHANNEL_KEY, result.visit.channel)
        self.clear()
        self.saved.emit(result)
        return result
