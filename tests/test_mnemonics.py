"""No two controls that can be seen together answer to the same Alt+letter, in either
language."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from helpers import make_customer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tierdesk.core.archive import Archive
from tierdesk.ui.customer_dialog import CustomerDialog
from tierdesk.ui.i18n import Translators
from tierdesk.ui.main_window import MainWindow

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(scope: QWidget) -> list[str]:
    """The Alt+letters of the labels and buttons showing in ``scope``."""
    found = []
    for widget in scope.findChildren(QWidget):
        if not widget.isVisibleTo(scope) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and widget.textFormat() == 1:  # rich text: no mnemonics
            continue
        match = MNEMONIC.search(widget.text().replace("&&", ""))
        if match:
            found.append(match.group(1).lower())
    return found


def duplicates(letters: list[str]) -> list[str]:
    return [letter for letter, n in Counter(letters).items() if n > 1]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_customer_dialog_and_the_card_have_one_control_per_alt_letter(qtbot, db, tmp_path,
                                                                          language):
    translators = Translators()
    try:
        translators.install(language)
        dialog = CustomerDialog(Archive(db))
        qtbot.addWidget(dialog)
        dialog.show()
        letters = mnemonics(dialog)
        assert len(letters) >= 15
        assert duplicates(letters) == []

        customer_id = make_customer(db)
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        win = MainWindow(Archive(db), settings, language)
        qtbot.addWidget(win)
        win.show()
        win.select_customer(customer_id)
        card_tab = win.panel.tabs.currentWidget()
        letters = mnemonics(card_tab)
        assert len(letters) >= 8  # the entry line's fields and the print button
        assert duplicates(letters) == []
    finally:
        translators.install("en")
