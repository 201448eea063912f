"""One customer: the visit card in front (with the entry line), the master file behind it."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive, CustomerCard
from tierdesk.core.customers.cards import CardView, VisitEntry, VisitInput, VisitResult
from tierdesk.core.customers.master_file import ContactInput, ContactRow
from tierdesk.core.customers.orders import cents_to_text
from tierdesk.core.errors import TierDeskError
from tierdesk.core.service.complaints import ComplaintRow
from tierdesk.core.store.models import DUE_DATE_KINDS, VISIT_CHANNELS
from tierdesk.core.tiers.norms import describe
from tierdesk.excel.columns import CTX as COLUMNS_CTX
from tierdesk.excel.columns import FIELD_LABELS
from tierdesk.reports.card_report import LOG_COLUMNS, card_heading, entry_purpose, struck_note
from tierdesk.reports.labels import (
    CHANGED_FIELDS,
    COMPLAINT_STATUSES,
    FOLLOW_UP_KINDS,
    HISTORY_ACTIONS,
    HISTORY_WHAT,
    channel_label,
    label,
    source_label,
    status_label,
)
from tierdesk.reports.labels import DUE_DATE_KINDS as DUE_DATE_LABELS
from tierdesk.ui.actions import on_click
from tierdesk.ui.fields_dialog import Field, FieldsDialog
from tierdesk.ui.file_dialogs import save_file_name
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.side_tabs import side_tabs
from tierdesk.ui.tables import fill_table, make_table
from tierdesk.ui.visit_entry import VisitEntryWidget

SUMMARY_COLUMN = 4  # "What was discussed" on the card


# A card entry's fields, named as the card's own columns name them.
ENTRY_FIELDS = dict(zip(("slot", "visit_date", "channel", "purpose", "summary", "outcome",
                         "next_step", "next_visit_on"), LOG_COLUMNS, strict=True))


def changed_field_label(field: str) -> str:
    """A field named in the change history, as the interface language calls it."""
    name = {"region_id": "region", "salesperson_id": "salesperson"}.get(field, field)
    if name in FIELD_LABELS:
        return translate(COLUMNS_CTX, FIELD_LABELS[name])
    if field in ENTRY_FIELDS:
        return translate("CardReport", ENTRY_FIELDS[field])
    return label(CHANGED_FIELDS, field, translate)


class CustomerPanel(QWidget):
    edit_requested = Signal(object)   # customer id
    status_message = Signal(str)

    def __init__(self, archive: Archive, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.settings = settings
        self.customer_id: uuid.UUID | None = None
        self.card: CustomerCard | None = None

        self.title = QLabel()
        self.title.setObjectName("customerTitle")
        self.title.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.norm_label = QLabel()
        self.norm_label.setObjectName("normStatus")
        self.norm_label.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("rolloverNotice")
        self.notice.setStyleSheet("background: #fff4c2; padding: 4px; border-radius: 3px;")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.tabs = side_tabs()
        self.tabs.setObjectName("masterFile")
        self.tabs.addTab(self._build_card_tab(), self.tr("Visit card"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        details_tab = QWidget()
        details_layout = QVBoxLayout(details_tab)
        details_layout.addWidget(self.details)
        self.edit_button = QPushButton(self.tr("&Edit details…"))
        on_click(self.edit_button.clicked, lambda: self.edit_requested.emit(self.customer_id))
        details_layout.addWidget(self.edit_button)
        details_layout.addStretch(1)
        self.tabs.addTab(details_tab, self.tr("Details"))
        self.contacts = make_table([self.tr("Name"), self.tr("Position"), self.tr("Mobile"),
                                    self.tr("Landline"), self.tr("E-mail"), self.tr("Birthday")])
        contacts_tab = QWidget()
        contacts_layout = QVBoxLayout(contacts_tab)
        contacts_layout.addWidget(self.contacts)
        self.add_contact_button = QPushButton(self.tr("Add co&ntact…"))
        on_click(self.add_contact_button.clicked, lambda: self.edit_contact(None))
        self.contacts.cellDoubleClicked.connect(
            lambda row, _col: self.edit_contact(self._contacts[row]))
        self._contacts: list[ContactRow] = []
        contacts_layout.addWidget(self.add_contact_button)
        self.tabs.addTab(contacts_tab, self.tr("Contacts"))
        self.orders = make_table([self.tr("Date"), self.tr("Reference"), self.tr("Product"),
                                  self.tr("Amount"), self.tr("Profit"), self.tr("Via outlet")])
        self.add_order_button = QPushButton(self.tr("Add o&rder…"))
        on_click(self.add_order_button.clicked, self.add_order)
        self.tabs.addTab(self._with_button(self.orders, self.add_order_button),
                         self.tr("Orders"))
        self.payments = make_table([self.tr("Date"), self.tr("Amount"), self.tr("Method")])
        self.collection = QLabel()
        self.add_payment_button = QPushButton(self.tr("Add pa&yment…"))
        on_click(self.add_payment_button.clicked, self.add_payment)
        payments_tab = self._with_button(self.payments, self.add_payment_button)
        payments_tab.layout().insertWidget(0, self.collection)
        self.tabs.addTab(payments_tab, self.tr("Payments"))
        self.complaints = make_table([self.tr("Received"), self.tr("Category"),
                                      self.tr("Description"), self.tr("Status"),
                                      self.tr("Answered"), self.tr("Resolution")])
        self.add_complaint_button = QPushButton(self.tr("New co&mplaint…"))
        on_click(self.add_complaint_button.clicked, self.add_complaint)
        self.complaints.cellDoubleClicked.connect(lambda row, _col: self.open_complaint(row))
        self._complaints: list[ComplaintRow] = []
        self.tabs.addTab(self._with_button(self.complaints, self.add_complaint_button),
                         self.tr("Complaints"))
        self.tabs.addTab(self._build_service_tab(), self.tr("Service"))
        self.surveys = make_table([self.tr("Surveyed"), self.tr("Score"), self.tr("Comment")])
        self.add_survey_button = QPushButton(self.tr("Add survey &answer…"))
        on_click(self.add_survey_button.clicked, self.add_survey)
        self.tabs.addTab(self._with_button(self.surveys, self.add_survey_button),
                         self.tr("Surveys"))
        self.tiers = make_table([self.tr("Assessed"), self.tr("Period"), self.tr("Tier"),
                                 self.tr("Previous"), self.tr("Score"), self.tr("Reason")])
        self.tabs.addTab(self.tiers, self.tr("Tier history"))
        self.changes = make_table([self.tr("When"), self.tr("What"), self.tr("Field"),
                                   self.tr("Before"), self.tr("After"), self.tr("By"),
                                   self.tr("Machine"), self.tr("From")])
        self.tabs.addTab(self.changes, self.tr("Change history"))
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.norm_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.show_customer(None)

    def _build_service_tab(self) -> QWidget:
        """Open follow-ups, service jobs and the customer's due dates."""
        self.tasks = make_table([self.tr("Due"), self.tr("Until"), self.tr("Follow-up")])
        self.jobs = make_table([self.tr("Done on"), self.tr("Kind"), self.tr("Description")])
        self.dates = make_table([self.tr("Due on"), self.tr("Kind"), self.tr("Note")])
        add_job = QPushButton(self.tr("Add service &job…"))
        on_click(add_job.clicked, self.add_service_job)
        add_date = QPushButton(self.tr("Add due &date…"))
        on_click(add_date.clicked, self.add_due_date)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        for caption, table in ((self.tr("Follow-ups open"), self.tasks),
                               (self.tr("Service jobs"), self.jobs),
                               (self.tr("Due dates (a reminder comes a week before)"),
                                self.dates)):
            layout.addWidget(QLabel(f"<b>{caption}</b>"))
            layout.addWidget(table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add_job)
        buttons.addWidget(add_date)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    @staticmethod
    def _with_button(table: QWidget, button: QPushButton) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(table)
        layout.addWidget(button)
        return tab

    def _build_card_tab(self) -> QWidget:
        tab = QWidget()
        self.card_choice = QComboBox()
        self.card_choice.setObjectName("cardChoice")
        self.card_choice.currentIndexChanged.connect(self._show_chosen_card)
        self.print_button = QPushButton(self.tr("P&rint card to PDF…"))
        on_click(self.print_button.clicked, self.print_card)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Card:")))
        top.addWidget(self.card_choice, 1)
        top.addWidget(self.print_button)
        self.slots = make_table([self.tr("No."), self.tr("Date"), self.tr("Channel"),
                                 self.tr("Purpose"), self.tr("What was discussed"),
                                 self.tr("Outcome"), self.tr("Next step"),
                                 self.tr("Next visit")])
        self.slots.setObjectName("cardSlots")
        self._entry_actions()
        self.entry = VisitEntryWidget(self.archive, settings=self.settings)
        self.entry.saved.connect(self._visit_saved)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.slots, 1)
        layout.addWidget(self.entry)
        return tab

    # -- showing -------------------------------------------------------------------------------
    def show_customer(self, customer_id: uuid.UUID | None) -> None:
        self.customer_id = customer_id
        self.notice.hide()
        self.entry.set_customer(customer_id)
        for widget in (self.tabs, self.edit_button):
            widget.setEnabled(customer_id is not None)
        if customer_id is None:
            self.card = None
            self.title.setText(self.tr("<h3>No customer chosen</h3>"))
            self.facts_label.setText(self.tr("Choose a customer in the list, or press Ctrl+N "
                                             "to add one."))
            self.card_choice.clear()
            self.slots.setRowCount(0)
            self.norm_label.hide()
            return
        self.refresh()

    def refresh(self) -> None:
        if self.customer_id is None:
            return
        try:
            self.card = self.archive.customers.open_customer(self.customer_id)
        except TierDeskError as exc:
            self.status_message.emit(tr_message(exc.message))
            self.show_customer(None)
            return
        f = self.card.facts
        self.title.setText(f"<h3>{f.number} · {f.name} <span style='color:#555'>"
                           f"[{f.tier or '-'}]</span></h3>")
        phones = " / ".join(p for p in (f.mobile, f.landline) if p)
        self.facts_label.setText(
            self.tr("Contact: {contact}  ·  Phone: {phones}  ·  Salesperson: {person}\n"
                    "Address: {address}  ·  Last contact: {last}  ·  Next visit due: {next}")
            .format(contact=f.contact_name or "-", phones=phones or "-",
                    person=f.salesperson or "-", address=f.address or "-",
                    last=f.last_visit_on or "-", next=f.next_visit_on or "-"))
        self._show_norm()
        self.card_choice.blockSignals(True)
        self.card_choice.clear()
        for card in reversed(self.card.cards):
            self.card_choice.addItem(card_heading(card, translate), card.seq)
        self.card_choice.setCurrentIndex(0)
        self.card_choice.blockSignals(False)
        self._show_chosen_card()
        self._load_tab()

    def _show_norm(self) -> None:
        status = self.archive.tiers.customer_norm(self.customer_id, dt.date.today()) \
            if self.customer_id else None
        if status is None:
            self.norm_label.hide()
            return
        lines = describe(status)
        text = " · ".join(tr_message(m) for m in lines) if lines else self.tr(
            "nothing due this period")
        self.norm_label.setText(self.tr("Contact norm: {text}").format(text=text))
        self.norm_label.setStyleSheet("color: #b03a2e;" if status.overdue else "color: #1e8449;")
        self.norm_label.show()

    def shown_card(self) -> CardView | None:
        if self.card is None:
            return None
        seq = self.card_choice.currentData()
        return next((c for c in self.card.cards if c.seq == seq), None)

    def _entry_actions(self) -> None:
        """Correct or strike out the chosen entry: right-click, or F2 / Delete in the card."""
        self.slots.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, key, slot in ((self.tr("&Correct entry…"), "F2", self.correct_entry),
                                (self.tr("&Strike out entry…"), "Del", self.strike_entry)):
            action = QAction(text, self.slots)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            on_click(action.triggered, slot)
            self.slots.addAction(action)

    def chosen_entry(self) -> VisitEntry | None:
        card, row = self.shown_card(), self.slots.currentRow()
        if card is None or row < 0:
            return None
        return next((e for e in card.entries if e.slot == row + 1), None)

    def correct_entry(self) -> None:
        entry = self.chosen_entry()
        if entry is None or entry.struck:
            return
        channels = [(code, channel_label(code, translate)) for code in VISIT_CHANNELS]
        values = {"visit_date": entry.visit_date, "channel": entry.channel,
                  "purpose": entry.purpose, "summary": entry.summary, "outcome": entry.outcome,
                  "next_step": entry.next_step,
                  "next_visit_on": entry.next_visit_on.isoformat() if entry.next_visit_on
                  else ""}
        if self._record_dialog(
                self.tr("Correct entry {slot}").format(slot=entry.slot),
                [Field("visit_date", self.tr("Date"), date=True),
                 Field("channel", self.tr("Channel"), choices=channels),
                 Field("purpose", self.tr("Purpose")),
                 Field("summary", self.tr("What was discussed")),
                 Field("outcome", self.tr("Outcome")), Field("next_step", self.tr("Next step")),
                 Field("next_visit_on", self.tr("Next visit"), "YYYY-MM-DD")],
                lambda v: self.archive.customers.correct_visit(entry.id, VisitInput(**v)), values):
            self.status_message.emit(self.tr("Entry {slot} corrected; what it said before is "
                                             "kept in its history.").format(slot=entry.slot))

    def strike_entry(self) -> None:
        entry = self.chosen_entry()
        if entry is None or entry.struck:
            return
        if self._record_dialog(
                self.tr("Strike out entry {slot}").format(slot=entry.slot),
                [Field("reason", self.tr("Why"))],
                lambda v: self.archive.customers.strike_visit(entry.id, v["reason"])):
            self.status_message.emit(self.tr("Entry {slot} struck out.").format(
                slot=entry.slot))

    def _strike_row(self, row: int, entry: VisitEntry) -> None:
        """A struck entry stays readable, struck through, with who and when beside it."""
        note = struck_note(entry, translate)
        for column in range(self.slots.columnCount() - 1):
            item = self.slots.item(row, column)
            font = item.font()
            font.setStrikeOut(column > 0)
            item.setFont(font)
            item.setForeground(QBrush(QColor("#777777")))
            item.setToolTip(note)
        last = self.slots.item(row, self.slots.columnCount() - 1)
        last.setText(note)
        last.setForeground(QBrush(QColor("#b03a2e")))

    def _show_chosen_card(self) -> None:
        card = self.shown_card()
        if card is None:
            self.slots.setRowCount(0)
            return
        by_slot = {e.slot: e for e in card.entries}
        rows = []
        for slot in range(1, card.capacity + 1):
            e = by_slot.get(slot)
            rows.append([slot] + ([e.visit_date, channel_label(e.channel, translate),
                                   entry_purpose(e, translate),
                                   e.summary, e.outcome, e.next_step, e.next_visit_on]
                                  if e else [""] * 7))
        # Sized to their contents, the sections would be measured again after every cell.
        self.slots.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.slots.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fill_table(self.slots, rows)
        self._fit_slots()
        for entry in card.entries:
            if entry.struck:
                self._strike_row(entry.slot - 1, entry)
        self.entry.setVisible(card.is_open)

    def _fit_slots(self) -> None:
        """Short columns as wide as their text; what was discussed takes the rest of the width
        and wraps, each entry as tall as its text."""
        header = self.slots.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.slots.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (SUMMARY_COLUMN + 1, SUMMARY_COLUMN + 2):  # outcome, next step
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.slots.setColumnWidth(column, max(min(self.slots.sizeHintForColumn(column), 100),
                                                  header.sectionSizeHint(column)))
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.slots.setWordWrap(True)
        self.slots.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

    def _load_tab(self) -> None:
        """Fill the master-file tab in front (the others are read when chosen)."""
        if self.customer_id is None or self.card is None:
            return
        cid, current = self.customer_id, self.tabs.currentIndex()
        f = self.card.facts
        if current == 1:
            since = f.customer_since.isoformat() if f.customer_since else "-"
            lines = [(self.tr("Customer no."), f.number), (self.tr("Name"), f.name),
                     (self.tr("Status"), status_label(f.status, translate)),
                     (self.tr("Tier"), f.tier), (self.tr("Potential"), f.potential or "-"),
                     (self.tr("Region"), f.region), (self.tr("Salesperson"), f.salesperson),
                     (self.tr("Contact"), f.contact_name), (self.tr("Mobile"), f.mobile),
                     (self.tr("Landline"), f.landline), (self.tr("E-mail"), f.email),
                     (self.tr("WeChat"), f.wechat), (self.tr("Address"), f.address),
                     (self.tr("Industry"), f.industry), (self.tr("Customer since"), since),
                     (self.tr("Notes"), f.notes)]
            self.details.setText("<table>" + "".join(
                f"<tr><td><b>{caption}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
                for caption, value in lines) + "</table>")
        elif current == 2:
            self._contacts = self.archive.customers.contacts(cid)
            fill_table(self.contacts, ([c.name, c.position, c.mobile, c.landline, c.email,
                                        c.birthday] for c in self._contacts))
        elif current == 3:
            fill_table(self.orders, ([o.order_date, o.reference, o.product,
                                      cents_to_text(o.amount_cents),
                                      cents_to_text(o.profit_cents),
                                      self.tr("yes") if o.via_outlet else ""]
                                     for o in self.archive.customers.orders(cid)))
        elif current == 4:
            rate = self.archive.customers.collection_rate(cid)
            self.collection.setText(self.tr("Collection rate: {rate}").format(
                rate="-" if rate is None else f"{rate:.1%}"))
            fill_table(self.payments, ([p.paid_on, cents_to_text(p.amount_cents), p.method]
                                       for p in self.archive.customers.payments(cid)))
        elif current == 5:
            self._complaints = self.archive.service.complaints(cid)
            fill_table(self.complaints, ([c.received_at, c.category, c.description,
                                          label(COMPLAINT_STATUSES, c.status, translate),
                                          c.answered_at, c.resolution]
                                         for c in self._complaints))
        elif current == 6:
            horizon = dt.date.today() + dt.timedelta(days=366)
            fill_table(self.tasks, ([t.due_on, t.last_on, tr_message(t.about) if t.about
                                     else label(FOLLOW_UP_KINDS, t.kind, translate)]
                                    for t in self.archive.service.customer_tasks(cid, horizon)))
            fill_table(self.jobs, ([j.done_on, j.kind, j.description]
                                   for j in self.archive.service.service_jobs(cid)))
            fill_table(self.dates, ([d.due_on, label(DUE_DATE_LABELS, d.kind, translate),
                                     d.note] for d in self.archive.service.due_dates(cid)))
        elif current == 7:
            fill_table(self.surveys, ([v.surveyed_on, v.score, v.comment]
                                      for v in self.archive.service.surveys(cid)))
        elif current == 8:
            fill_table(self.tiers, ([t.assessed_at, t.period, t.tier, t.previous_tier,
                                     "" if t.score is None else f"{t.score:.1f}", t.reason]
                                    for t in self.archive.tiers.tier_history(cid)))
        elif current == 9:
            # Newest first: every change of the customer and what is its (core.customers.history).
            fill_table(self.changes, ([
                line.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None),
                self.tr("Card {seq}, entry {slot}").format(seq=line.place[0],
                                                           slot=line.place[1])
                if line.place else label(HISTORY_WHAT, line.table, translate),
                changed_field_label(line.field) if line.field
                else label(HISTORY_ACTIONS, line.action, translate),
                *((status_label(line.old, translate), status_label(line.new, translate))
                  if line.field == "status" and line.table == "customer"
                  else (line.old, line.new)), line.person, line.machine,
                source_label(line.source, translate)]
                for line in reversed(self.archive.customers.history(cid))))

    # -- acting --------------------------------------------------------------------------------
    def start_visit_entry(self) -> None:
        if self.customer_id is None:
            return
        self.tabs.setCurrentIndex(0)
        if self.card_choice.count():
            self.card_choice.setCurrentIndex(0)
        self.entry.start_new()

    def has_unsaved_entry(self) -> bool:
        return self.entry.is_dirty()

    def _visit_saved(self, result: VisitResult) -> None:
        # The window reads the card again as the archive announces the write; read it here
        # only where nobody did (a panel on its own).
        if self.card is None or not any(e.id == result.visit.id for card in self.card.cards
                                        for e in card.entries):
            self.refresh()
        if result.card_closed:
            text = self.tr("Card {old} is full and has been archived; card {new} is open for "
                           "the next visits.").format(old=result.card_seq,
                                                      new=result.new_card_seq)
            self.notice.setText(text)
            self.notice.show()
        else:
            text = self.tr("Entry {slot} saved on card {seq}.").format(
                slot=result.visit.slot, seq=result.card_seq)
        self.status_message.emit(text)
        self.entry.start_new()

    def print_card(self) -> None:
        card = self.shown_card()
        if card is None or self.card is None:
            return
        suggested = f"{self.card.facts.number}-card{card.seq}.pdf"
        path = save_file_name(self, self.tr("Save card as PDF"), suggested,
                              self.tr("PDF files (*.pdf)"))
        if path:
            self.print_to(path, [card])

    def print_to(self, path: str, cards: list[CardView]) -> None:
        from tierdesk.render.pdf import print_cards_to_pdf

        assert self.card is not None
        try:
            print_cards_to_pdf(self.card.facts, cards, path,
                               office_name=self.archive.office.settings().office_name)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Printing failed"),
                                self.tr("The PDF could not be written: {reason}")
                                .format(reason=exc.strerror or str(exc)))
            return
        self.status_message.emit(self.tr("Card saved as {path}").format(path=path))

    def _record_dialog(self, title: str, fields: list[Field], save, values=None) -> bool:  # type: ignore[no-untyped-def]
        return bool(FieldsDialog(title, fields, save, values, self).exec())

    def edit_contact(self, contact: ContactRow | None) -> None:
        cid = self.customer_id
        if cid is None:
            return
        fields = [Field("name", self.tr("Name")), Field("position", self.tr("Position")),
                  Field("mobile", self.tr("Mobile")), Field("landline", self.tr("Landline")),
                  Field("email", self.tr("E-mail")),
                  Field("birthday", self.tr("Birthday"), "1980-05-06"),
                  Field("is_primary", self.tr("Main contact"), checkbox=True)]
        values = None if contact is None else {
            "name": contact.name, "position": contact.position, "mobile": contact.mobile,
            "landline": contact.landline, "email": contact.email,
            "birthday": contact.birthday.isoformat() if contact.birthday else "",
            "is_primary": contact.is_primary}
        contact_id = None if contact is None else contact.id
        if self._record_dialog(self.tr("Contact person"), fields,
                               lambda v: self.archive.customers.save_contact(cid, ContactInput(**v),
                                                                   contact_id), values):
            self._load_tab()

    def add_order(self) -> None:
        cid = self.customer_id
        if cid is None:
            return
        fields = [Field("order_date", self.tr("Date"), "2026-03-05"),
                  Field("amount", self.tr("Amount"), "12,000 / 1.2万"),
                  Field("profit", self.tr("Profit")), Field("product", self.tr("Product")),
                  Field("reference", self.tr("Reference")),
                  Field("via_outlet", self.tr("Sold through a secondary outlet"),
                        checkbox=True)]
        if self._record_dialog(self.tr("New order"), fields,
                               lambda v: self.archive.customers.add_order(cid, **v)):
            self._load_tab()

    def add_payment(self) -> None:
        cid = self.customer_id
        if cid is None:
            return
        fields = [Field("paid_on", self.tr("Date"), "2026-03-05"),
                  Field("amount", self.tr("Amount")), Field("method", self.tr("Method"))]
        if self._record_dialog(self.tr("New payment"), fields,
                               lambda v: self.archive.customers.add_payment(cid, **v)):
            self._load_tab()

    def add_complaint(self) -> None:
        from tierdesk.ui.complaints_window import new_complaint

        if self.customer_id is not None and new_complaint(self.archive, self.customer_id, self):
            self._load_tab()

    def open_complaint(self, row: int) -> None:
        from tierdesk.ui.complaints_window import ComplaintDialog

        if 0 <= row < len(self._complaints):
            ComplaintDialog(self.archive, self._complaints[row].id, self).exec()
            self._load_tab()

    def add_service_job(self) -> None:
        cid = self.customer_id
        if cid is None:
            return
        fields = [Field("done_on", self.tr("Done on"), date=True),
                  Field("kind", self.tr("Kind"), self.tr("installation, repair, maintenance …")),
                  Field("description", self.tr("Description"))]
        if self._record_dialog(self.tr("New service job"), fields,
                               lambda v: self.archive.service.add_service_job(cid, **v)):
            self._load_tab()

    def add_due_date(self) -> None:
        cid = self.customer_id
        if cid is None:
            return
        kinds = [(k, label(DUE_DATE_LABELS, k, translate)) for k in DUE_DATE_KINDS]
        fields = [Field("kind", self.tr("Kind"), choices=kinds),
                  Field("due_on", self.tr("Due on"), date=True),
                  Field("note", self.tr("Note"))]
        if self._record_dialog(self.tr("New due date"), fields,
                               lambda v: self.archive.service.add_due_date(cid, **v)):
            self._load_tab()

    def add_survey(self) -> None:
        cid = self.customer_id
        if cid is None:
            return
        top = self.archive.service.survey_scale().top
        fields = [Field("surveyed_on", self.tr("Surveyed on"), date=True),
                  Field("score", self.tr("Score (1–{top})").format(top=top)),
                  Field("comment", self.tr("Comment"))]
        if self._record_dialog(self.tr("Survey answer"), fields,
                               lambda v: self.archive.service.add_survey(cid, **v)):
            self._load_tab()
