"""A block of settings fields bound to one settings record (a frozen dataclass): number
fields (a share shown as a percentage), numbers with a decimal and check boxes, saved as a
whole through the archive, which checks them; a refused value is named under its field and
nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from tierdesk.core.errors import ValidationError
from tierdesk.ui.actions import on_click
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
        self.decimals: dict[str, QDoubleSpinBox] = {}
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

    def decimal(self, name: str, text: str, low: float, high: float) -> QDoubleSpinBox:
        """A number with a decimal, stored as it is shown (not a share)."""
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setMinimumWidth(110)
        spin.setObjectName(name)
        self.decimals[name] = spin
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
        on_click(save.clicked, self.save)
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
        for name, decimal in self.decimals.items():
            decimal.setValue(float(getattr(self.record, name)))

    def shown(self, name: str, value: Any) -> int:
        """The stored value as the spin box shows it (a share as a percentage)."""
        return round(value * 100) if isinstance(value, float) else int(value)

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, spin in self.spins.items():
            stored = getattr(self.record, name)
            found[name] = spin.value() / 100 if isinstance(stored, float) else spin.value()
        found.update({name: box.isChecked() for name, box in self.checks.items()})
        found.update({name: spin.value() for name, spin in self.decimals.items()})
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
