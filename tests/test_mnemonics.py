"""No two controls that can be seen together answer to the same Alt+letter, and no two
commands of a window share a shortcut, in every window and dialog, in either language."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from helpers import make_customer
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

from tierdesk.core.archive import Archive
from tierdesk.ui.i18n import Translators
from tierdesk.ui.main_window import MainWindow

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> the texts answering to it, among the controls showing in ``top``."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = _letter(text)
        if letter:
            found[letter].append(text)

    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QMenu):
            continue
        plain_label = isinstance(widget, QLabel) and not widget.text().lstrip().startswith("<")
        button = isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar)
        if plain_label or button:
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget.tabText(i))
    if hasattr(top, "menuBar") and top.menuWidget() is not None:
        for action in top.menuBar().actions():
            add(action.text())
    return found


def clashes(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}


def scopes(top: QWidget) -> list[dict[str, list[str]]]:
    """What ``top`` shows with each page of each of its tab widgets (and wizard pages) in front."""
    seen = [mnemonics(top)]
    for tabs in top.findChildren(QTabWidget):
        if not tabs.isVisibleTo(top):
            continue
        was = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            seen.append(mnemonics(top))
        tabs.setCurrentIndex(was)
    if isinstance(top, QWizard):
        for page_id in top.pageIds():
            seen.append(mnemonics(top.page(page_id)))
    return seen


def shortcut_clashes(top: QWidget) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = defaultdict(list)
    for action in top.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                keys[key.toString()].append(action.text())
    for shortcut in top.findChildren(QShortcut):
        # A widget's own shortcut (Esc on a chart) only answers while that widget has focus.
        if shortcut.context() in (Qt.ShortcutContext.WidgetShortcut,
                                  Qt.ShortcutContext.WidgetWithChildrenShortcut):
            continue
        owner = shortcut.parent()
        if isinstance(owner, QWidget) and owner.window() is not top:
            continue  # another window's (a progress dialog's Esc)
        if not shortcut.key().isEmpty():
            keys[shortcut.key().toString()].append("shortcut")
    return {key: names for key, names in keys.items() if len(names) > 1}


def menu_clashes(top: QWidget) -> list[dict[str, list[str]]]:
    found = []
    for menu in top.findChildren(QMenu):
        letters: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            letter = _letter(action.text())
            if letter:
                letters[letter].append(action.text())
        found.append(clashes(letters))
    return [c for c in found if c]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_window_has_one_control_per_alt_letter_and_per_shortcut(
        qtbot, db, tmp_path, monkeypatch, language):
    translators = Translators()
    problems: dict[str, object] = {}

    def check(name: str, top: QWidget) -> None:
        for number, scope in enumerate(scopes(top)):
            if clashes(scope):
                problems[f"{name} ({number})"] = clashes(scope)
        if shortcut_clashes(top):
            problems[name + " shortcuts"] = shortcut_clashes(top)
        if menu_clashes(top):
            problems[name + " menus"] = menu_clashes(top)

    opened: list[str] = []

    def fake_exec(dialog: QDialog) -> int:
        dialog.show()
        opened.append(type(dialog).__name__)
        check(type(dialog).__name__, dialog)
        dialog.hide()
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    monkeypatch.setattr(QWizard, "exec", fake_exec)
    try:
        translators.install(language)
        customer_id = make_customer(db)
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        win = MainWindow(Archive(db), settings, language)
        qtbot.addWidget(win)
        win.show()
        win.select_customer(customer_id)
        for left in range(win.left_tabs.count()):
            win.left_tabs.setCurrentIndex(left)
            check(f"main window, left tab {left}", win)
        for opener in (win.new_customer, win.edit_customer, win.import_excel, win.open_office,
                       win.open_reassess, win.open_tier_settings, win.open_complaint_register,
                       win.open_service_window, win.open_plan, win.open_performance):
            opener()
        panel = win.panel
        for opener in (lambda: panel.edit_contact(None), panel.add_order, panel.add_payment,
                       panel.add_complaint, panel.add_service_job, panel.add_due_date,
                       panel.add_survey):
            opener()
        from tierdesk.ui.welcome import WelcomeDialog

        welcome = WelcomeDialog(tmp_path / "tierdesk.sqlite")
        qtbot.addWidget(welcome)
        welcome.exec()
        win.open_tier_view()
        from tierdesk.ui.tiers_window import TierView

        view = next(w for w in QApplication.topLevelWidgets() if isinstance(w, TierView))
        check("TierView", view)
        view.close()
    finally:
        translators.install("en")
    assert len(opened) >= 18, opened
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
