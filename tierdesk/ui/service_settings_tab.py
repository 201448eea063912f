"""The office's follow-up rules and survey scale, kept in the Office dialog. Each block is
checked by the archive as a whole; a refused value is named under its field and nothing is
stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tierdesk.core.archive import Archive
from tierdesk.core.errors import ValidationError
from tierdesk.ui.tables import error_label, show_problems


class SettingsBlock(QGroupBox):
    """Number fields and check boxes bound to one settings record (a frozen dataclass)."""

    def __init__(self, title: str, load: Callable[[], Any], save: Callable[[Any], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._load, self._save = load, save
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QSpinBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.extra: dict[str, Callable[[], Any]] = {}
        self.saved = QLabel()

    def number(self, name: str, text: str, low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setMinimumWidth(110)
        spin.setObjectName(name)
        self.spins[name] = spin
        self._row(name, text, spin)
        return spin

    def check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        self.checks[name] = box
        self._row(name, "", box)
        return box

    def _row(self, name: str, text: str, widget: QWidget) -> None:
        self.errors[name] = error_label()
        self.form.addRow(text, widget)
        self.form.addRow("", self.errors[name])

    def finish(self) -> None:
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(self.saved, 1)
        self.form.addRow("", row)
        self.load()

    def load(self) -> None:
        self.record = self._load()
        for name, spin in self.spins.items():
            spin.setValue(self.shown(name, getattr(self.record, name)))
        for name, box in self.checks.items():
            box.setChecked(bool(getattr(self.record, name)))

    def shown(self, name: str, value: Any) -> int:
        """The stored value as the spin box shows it (a share as a percentage)."""
        return round(value * 100) if isinstance(value, float) else int(value)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, spin in self.spins.items():
            stored = getattr(self.record, name)
            found[name] = spin.value() / 100 if isinstance(stored, float) else spin.value()
        found.update({name: box.isChecked() for name, box in self.checks.items()})
        found.update({name: read() for name, read in self.extra.items()})
        return found

    def save(self) -> bool:
        for label in self.errors.values():
            label.hide()
        self.saved.clear()
        try:
            self._save(replace(self.record, **self.values()))
        except ValidationError as exc:
            show_problems(self.errors, exc.problems)
            return False
        self.load()
        self.saved.setText(self.tr("Saved."))
        return True


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
        block = SettingsBlock(self.tr("Follow-up rules"), self.archive.followup_rules,
                              self.archive.save_followup_rules, self)
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
        tiers = self.archive.settings().tiers
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
        chosen = self.archive.followup_rules().holiday_tiers
        chosen = tiers[:1] if chosen is None else chosen
        for tier, box in self.greeted_tiers.items():
            box.setChecked(tier in chosen)
        return block

    def _scale_block(self) -> SettingsBlock:
        block = SettingsBlock(self.tr("Satisfaction surveys"), self.archive.survey_scale,
                              self.archive.save_survey_scale, self)
        block.number("top", self.tr("Scores run from 1 to"), 2, 100)
        block.number("satisfied_from", self.tr("Satisfied from score"), 1, 100)
        block.number("low_up_to", self.tr("Flag a customer whose latest score is at most"),
                     1, 100)
        block.number("target", self.tr("Satisfaction target"), 1, 100, "%")
        block.finish()
        return block
