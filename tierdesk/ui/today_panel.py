"""Today: the salesperson's first screen. Calls and visits due and overdue, what the tier norms
still ask this week, open complaints, and what comes up in the next days. Each line opens the
card; one action logs the call or visit on the card and marks the task done."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive, Change, Changed
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.errors import TierDeskError
from tierdesk.core.service.today import SECTIONS, TodayLine, TodayList
from tierdesk.core.store.models import VISIT_CHANNELS
from tierdesk.reports.labels import TODAY_SECTIONS, channel_label, label
from tierdesk.reports.today_report import time_left_text
from tierdesk.ui.actions import on_click
from tierdesk.ui.fields_dialog import Field, FieldsDialog
from tierdesk.ui.i18n import tr_message, translate
from tierdesk.ui.workers import QuietTask

SETTING = "today/salesperson"
MOST_SHOWN = 500      # lines per section in the tree; the count says how many there are
RED = QBrush(QColor("#b00020"))


def read_ahead(archive: Archive, settings: QSettings) -> None:
    """Start reading the list the panel shows first (today's, of the remembered salesperson)
    while the rest of the window is still loading."""
    remembered = str(settings.value(SETTING, "") or "")
    try:
        person = uuid.UUID(hex=remembered) if remembered else None
    except ValueError:
        return
    archive.service.read_today_ahead(dt.date.today(), person, most=MOST_SHOWN)


class TodayPanel(QWidget):
    customer_chosen = Signal(object)       # uuid.UUID
    complaint_chosen = Signal(object)      # uuid.UUID
    loaded = Signal(object)                # TodayList
    settled = Signal()                     # a read ended, shown or failed
    status_message = Signal(str)

    def __init__(self, archive: Archive, settings: QSettings,
                 parent: QWidget | None = None, *, day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.archive = archive
        self.settings = settings
        self.fixed_day = day
        self.listing: TodayList | None = None
        self._announced = False
        self._task: QuietTask | None = None
        self._again = False
        self._stale = False

        self.person = QComboBox()
        self.person.setObjectName("todaySalesperson")
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setWordWrap(True)      # a long message must not widen the window
        self.tree = QTreeWidget()
        self.tree.setObjectName("todayList")
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Customer"), self.tr("Tier"),
                                   self.tr("When")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)   # a thousand lines are laid out at once
        self.tree.setRootIsDecorated(True)
        self.tree.currentItemChanged.connect(self._chosen)
        on_click(self.tree.itemActivated, self.act)
        self.done_button = QPushButton(self.tr("&Log it and mark done…"))
        self.done_button.setToolTip(self.tr("Write the call or visit on the card (Ctrl+D)"))
        self.no_answer_button = QPushButton(self.tr("No ans&wer"))
        self.postpone_button = QPushButton(self.tr("&Postpone…"))
        on_click(self.done_button.clicked, self.act)
        on_click(self.no_answer_button.clicked, self.no_answer)
        on_click(self.postpone_button.clicked, self.postpone)
        QShortcut(QKeySequence("Ctrl+D"), self, self.act,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh = QPushButton(self.tr("Refresh"))
        on_click(refresh.clicked, self.refresh)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Whose day:")))
        top.addWidget(self.person, 1)
        top.addWidget(refresh)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.no_answer_button, self.postpone_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._fill_people()
        self.person.currentIndexChanged.connect(self._person_changed)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------------
    def day(self) -> dt.date:
        return self.fixed_day or dt.date.today()

    def _fill_people(self) -> None:
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for person in self.archive.office.salespeople(include_inactive=False, with_counts=False):
            self.person.addItem(f"{person.name} ({person.code})", person.id)
        remembered = str(self.settings.value(SETTING, "") or "")
        for index in range(self.person.count()):
            data = self.person.itemData(index)
            if data is not None and data.hex == remembered:
                self.person.setCurrentIndex(index)
        self.person.blockSignals(False)

    def salesperson_id(self) -> uuid.UUID | None:
        return self.person.currentData()  # type: ignore[no-any-return]

    def _person_changed(self) -> None:
        chosen = self.salesperson_id()
        self.settings.setValue(SETTING, chosen.hex if chosen else "")
        self.refresh()

    def refresh(self) -> None:
        """Read the day's list in the background; one read at a time."""
        if self._task is not None:
            self._again = True
            return
        archive, day, person = self.archive, self.day(), self.salesperson_id()
        self.summary.setText(self.tr("Reading today's list…"))
        self._task = QuietTask(
            self, lambda: archive.service.today(day, person, most=MOST_SHOWN, greet=False),
            done=self._show, error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        reason = tr_message(exc.message) if isinstance(exc, TierDeskError) else str(exc)
        self.summary.setText(self.tr("Today's list could not be read: {reason}")
                             .format(reason=reason))
        self.settled.emit()

    def _show(self, listing: TodayList) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
            return
        self.listing = listing
        keep = self._current_key()
        self.tree.clear()
        for section in SECTIONS:
            lines = listing.section(section)
            if not lines:
                continue
            head = QTreeWidgetItem([f"{label(TODAY_SECTIONS, section, translate)} "
                                    f"({listing.count(section):,})"])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(False)
            self.tree.addTopLevelItem(head)
            head.addChildren([self._item(line) for line in lines[:MOST_SHOWN]])
            head.setExpanded(True)
        self._fit_columns()
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0), 360))
        overdue = listing.count("overdue")
        self.summary.setText(self.tr("{day}: {due} to do today, {overdue} overdue, {coming} "
                                     "coming up").format(day=listing.day.isoformat(),
                                                         due=listing.due, overdue=overdue,
                                                         coming=listing.count("coming")))
        self._reselect(keep)
        self._update_buttons()
        if not self._announced:
            self._announced = True
            self.status_message.emit(self.tr("Today: {due} to do, {overdue} of them overdue.")
                                     .format(due=listing.due, overdue=overdue))
        if not self.archive.service.greeted(listing.day):
            # The list is shown first; the day's greetings are planned after it, and where
            # some are new the list is read again. "loaded" waits for that.
            archive, day = self.archive, listing.day
            self._task = QuietTask(self, lambda: archive.service.plan_greetings(day),
                                   done=self._greeted, error=self._failed)
            return
        self.loaded.emit(listing)
        self.settled.emit()

    def _greeted(self, made: int) -> None:
        self._task = None
        if made or self._again or self.listing is None:
            self._again = False
            self.refresh()
            return
        self.loaded.emit(self.listing)
        self.settled.emit()

    def _fit_columns(self) -> None:
        """Columns 1-3 as wide as their widest text. Only the longest texts are measured:
        asking the view to measure every line took 38 ms at 1,400 lines."""
        metrics = self.tree.fontMetrics()
        items = self._line_items()
        for column in range(1, 4):
            texts = sorted({item.text(column) for item in items}, key=len)[-20:]
            texts.append(self.tree.headerItem().text(column))
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            self.tree.setColumnWidth(column, widest + 3 * metrics.averageCharWidth())

    def _item(self, line: TodayLine) -> QTreeWidgetItem:
        what = tr_message(line.what)
        if line.tries:
            what += "  " + self.tr("(no answer ×{count})").format(count=line.tries)
        when = ""
        if line.respond_by is not None:
            when = time_left_text(line.respond_by - dt.datetime.now(), translate)
        elif line.due_on is not None:
            when = line.due_on.isoformat()
        item = QTreeWidgetItem([what, f"{line.number} {line.name}", line.tier, when])
        item.setData(0, Qt.ItemDataRole.UserRole, line)
        late = line.respond_by is not None and line.respond_by < dt.datetime.now()
        if line.section == "overdue" or late:
            for column in range(4):
                item.setForeground(column, RED)
        return item

    def _line_items(self) -> list[QTreeWidgetItem]:
        """The items of the lines shown (not the section heads), top to bottom."""
        heads = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [head.child(j) for head in heads for j in range(head.childCount())]

    def visible_lines(self) -> list[tuple[str, str, str]]:
        """(section, customer number, what) of every line shown, top to bottom."""
        return [(item.data(0, Qt.ItemDataRole.UserRole).section,
                 item.data(0, Qt.ItemDataRole.UserRole).number, item.text(0))
                for item in self._line_items()]

    # -- choosing and acting -------------------------------------------------------------------
    def current_line(self) -> TodayLine | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    @staticmethod
    def _key(line: TodayLine) -> tuple[object, ...]:
        return (line.customer_id, line.task_id, line.complaint_id, line.section, str(line.what))

    def _current_key(self) -> tuple[object, ...] | None:
        line = self.current_line()
        return None if line is None else self._key(line)

    def _reselect(self, key: tuple[object, ...] | None) -> None:
        for item in self._line_items() if key is not None else ():
            if self._key(item.data(0, Qt.ItemDataRole.UserRole)) == key:
                self.tree.setCurrentItem(item)
                return

    def select_line(self, number: str, section: str | None = None) -> bool:
        for item in self._line_items():
            line = item.data(0, Qt.ItemDataRole.UserRole)
            if line.number == number and section in (None, line.section):
                self.tree.setCurrentItem(item)
                return True
        return False

    def _chosen(self, *_args: object) -> None:
        self._update_buttons()
        line = self.current_line()
        if line is not None:
            self.customer_chosen.emit(line.customer_id)

    def _update_buttons(self) -> None:
        line = self.current_line()
        self.done_button.setEnabled(line is not None)
        self.done_button.setText(self.tr("Open the compla&int…") if line and line.complaint_id
                                 else self.tr("&Log it and mark done…"))
        has_task = line is not None and line.task_id is not None
        self.no_answer_button.setEnabled(has_task)
        self.postpone_button.setEnabled(has_task)

    def act(self) -> None:
        """Log the call or visit of the chosen line on the card (a task is marked done), or
        open its complaint."""
        line = self.current_line()
        if line is None:
            return
        if line.complaint_id is not None:
            self.complaint_chosen.emit(line.complaint_id)
            return
        day = self.day()

        def save(values: dict) -> None:  # type: ignore[type-arg]
            entry = VisitInput(visit_date=values["visit_date"], channel=values["channel"],
                               purpose=values["purpose"], outcome=values["outcome"])
            if line.task_id is not None:
                self.archive.service.complete_task(line.task_id, entry, on=day)
            else:
                self.archive.customers.add_visit(line.customer_id, entry)

        channels = [(code, channel_label(code, translate)) for code in VISIT_CHANNELS]
        dialog = FieldsDialog(
            self.tr("Log a call or visit: {customer}").format(customer=line.name),
            [Field("visit_date", self.tr("Date"), date=True),
             Field("channel", self.tr("Channel"), choices=channels),
             # A follow-up says itself what it is about, kept as its kind and dates and read
             # in each reader's language: the purpose is left for the salesperson's own words.
             Field("purpose", self.tr("Purpose"), tr_message(line.what)),
             Field("outcome", self.tr("Outcome"))], save,
            {"visit_date": day, "channel": line.channel,
             "purpose": "" if line.task_id is not None else tr_message(line.what)},
            self)
        dialog.setObjectName("logDialog")
        if dialog.exec():   # the archive's change notice refreshes the list
            self.status_message.emit(self.tr("Written on the card of {customer}.")
                                     .format(customer=line.name))

    def no_answer(self) -> None:
        line = self.current_line()
        if line is None or line.task_id is None:
            return
        self.archive.service.task_not_answered(line.task_id, self.day())
        self.status_message.emit(self.tr("No answer noted; the call is on tomorrow's list."))

    def postpone(self) -> None:
        line = self.current_line()
        if line is None or line.task_id is None:
            return
        task_id, day = line.task_id, self.day()
        dialog = FieldsDialog(
            self.tr("Postpone"), [Field("to", self.tr("New date"), date=True),
                                  Field("note", self.tr("Why"))],
            lambda values: self.archive.service.postpone_task(task_id, values["to"], day,
                                                      values["note"]),
            {"to": day + dt.timedelta(days=1)}, self)
        dialog.setObjectName("postponeDialog")
        dialog.exec()

    def on_change(self, change: Change) -> None:
        """Read the list again after a write; while the panel is hidden, once it shows."""
        if not change.kinds & (Changed.VISITS | Changed.TASKS | Changed.COMPLAINTS
                               | Changed.BULK | Changed.CUSTOMERS | Changed.OFFICE
                               | Changed.SETTINGS):
            return
        if change.kinds & Changed.OFFICE:
            self._fill_people()
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
