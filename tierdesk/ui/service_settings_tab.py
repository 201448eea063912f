"""The office's follow-up rules and survey scale, kept in the Office dialog. Each block is
checked by the archive as a whole; a refused value is named under its field and nothing is
stored."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.ui.settings_block import SettingsBlock


class ServiceSettingsTab(QScrollArea):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.rules = self._rules_block()
        self.scale = self._scale_block()
        layout.addWidget(self.rules)
        layout.addWidget(self.scale)
        layout.addStretch(1)
        self.setWidget(inner)

    def _rules_block(self) -> SettingsBlock:
        block = SettingsBlock(self.tr("Follow-up rules"), self.archive.service.followup_rules,
                              self.archive.service.save_followup_rules, self)
        days = self.tr(" days")
        block.number("sale_day", self.tr("Callback after a sale, on day"), 1, 60)
        block.number("outlet_day",
                     self.tr("Callback after a sale through a secondary outlet, on day"), 1, 60)
        block.check("monthly", self.tr("Monthly callback after a sale"))
        block.check("yearly", self.tr("Yearly callback after a sale"))
        block.number("service_from", self.tr("Callback after a service job, from day"), 0, 60)
        block.number("service_to", self.tr("... until day"), 0, 60)
        block.number("greet_from", self.tr("Greetings from (days before)"), 0, 60, days)
        block.number("greet_to", self.tr("... until (days before)"), 0, 60, days)
        tiers = self.archive.office.settings().tiers
        greeted = QWidget()
        row = QHBoxLayout(greeted)
        row.setContentsMargins(0, 0, 0, 0)
        self.greeted_tiers = {}
        for tier in tiers:
            box = QCheckBox(tier)
            box.setObjectName(f"greet_tier_{tier}")
            self.greeted_tiers[tier] = box
            row.addWidget(box)
        row.addStretch(1)
        block._row("holiday_tiers", self.tr("Tiers greeted before holidays"), greeted)
        block.extra["holiday_tiers"] = lambda: tuple(
            t for t, box in self.greeted_tiers.items() if box.isChecked())
        block.number("due_date_days", self.tr("Reminder before a customer's due date"),
                     0, 90, days)
        block.number("stale_days", self.tr("Make no task whose window ended more than"),
                     0, 3650, self.tr(" days ago"))
        note = QLabel(self.tr("Rules apply to the tasks planned from now on; tasks already "
                              "planned keep their dates."))
        note.setWordWrap(True)
        block.form.addRow(note)
        block.finish()
        chosen = self.archive.service.followup_rules().holiday_tiers
        chosen = tiers[:1] if chosen is None else chosen
        for tier, box in self.greeted_tiers.items():
            box.setChecked(tier in chosen)
        return block

    def _scale_block(self) -> SettingsBlock:
        block = SettingsBlock(self.tr("Satisfaction surveys"), self.archive.service.survey_scale,
                              self.archive.service.save_survey_scale, self)
        block.number("top", self.tr("Scores run from 1 to"), 2, 100)
        block.number("satisfied_from", self.tr("Satisfied from score"), 1, 100)
        block.number("low_up_to", self.tr("Flag a customer whose latest score is at most"),
                     1, 100)
        block.number("target", self.tr("Satisfaction target"), 1, 100, "%")
        block.finish()
        return block
