"""The main window on a salesperson's laptop: what it must show and how it must behave."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import make_customer
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tierdesk import app as app_module
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput, add_visit
from tierdesk.core.customers.customer_list import COLUMNS
from tierdesk.ui.customer_panel import SUMMARY_COLUMN
from tierdesk.ui.i18n import Translators
from tierdesk.ui.main_window import MainWindow


def test_missing_chinese_font_notice_is_readable_without_a_chinese_font(qtbot, tmp_path,
                                                                         monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(app_module, "cjk_font_family", lambda: None)
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(title + text))
    translators = Translators()
    try:
        assert translators.install("zh_CN") == "zh_CN"
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        app_module.warn_if_no_cjk_font(settings)
        app_module.warn_if_no_cjk_font(settings)  # once only
    finally:
        translators.install("en")
    assert len(shown) == 1
    assert shown[0].isascii()
    assert "fonts-wqy-microhei" in shown[0]


LONG_TALK = ("Asked for 5% off the spring order if they take two pallets more; the buyer wants "
             "the price in writing before Friday and a sample of the new packaging for the "
             "shop in Nanjing, which opens next month.")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_laptop_screen_shows_what_a_salesperson_needs(qtbot, demo_db, tmp_path, language):
    translators = Translators()
    shots = []
    try:
        translators.install(language)
        for width, height in ((1366, 768), (1280, 720)):
            settings = QSettings(str(tmp_path / f"ui{width}.ini"), QSettings.Format.IniFormat)
            archive = Archive(demo_db)
            customer_id = make_customer(demo_db, f"笔记本测试客户{width}{language}")
            with demo_db.write() as session:
                add_visit(session, customer_id, VisitInput(
                    visit_date=dt.date.today(), channel="visit", purpose="Price",
                    summary=LONG_TALK, outcome="Will decide"))
            win = MainWindow(archive, settings, language)
            qtbot.addWidget(win)
            win.resize(width, height)
            win.show()
            qtbot.waitExposed(win)
            win.left_tabs.setCurrentIndex(1)
            win.select_customer(customer_id)
            qtbot.waitUntil(lambda win=win, cid=customer_id: win.panel.customer_id == cid)
            facts = win.panel.facts_label
            qtbot.waitUntil(lambda facts=facts: facts.height() >= facts.heightForWidth(
                facts.width()))  # the customer's facts laid out whole
            shot = tmp_path / f"main-{language}-{width}x{height}.png"
            win.grab().save(str(shot))
            shots.append(shot)

            header = win.view.horizontalHeader()
            viewport = win.view.viewport().width()
            for name in ("number", "name", "tier", "last_visit_on"):
                column = COLUMNS.index(name)
                left = header.sectionViewportPosition(column)
                assert left >= 0 and left + header.sectionSize(column) <= viewport, \
                    (name, width, left, header.sectionSize(column), viewport)
                if name != "name":  # long names may be cut; the others are read whole
                    assert header.sectionSize(column) >= win.view.sizeHintForColumn(column), name

            slots = win.panel.slots
            row = next(r for r in range(slots.rowCount())
                       if slots.item(r, SUMMARY_COLUMN).text() == LONG_TALK)
            needed = slots.sizeHintForRow(row)
            assert slots.rowHeight(row) >= needed
            text_width = slots.fontMetrics().horizontalAdvance(LONG_TALK)
            column_width = slots.columnWidth(SUMMARY_COLUMN)
            assert column_width < text_width  # it does need wrapping here ...
            lines = slots.rowHeight(row) // slots.fontMetrics().lineSpacing()
            assert lines * column_width >= text_width  # ... and every line of it is shown
            left = slots.columnViewportPosition(SUMMARY_COLUMN)
            assert left >= 0 and left + column_width <= slots.viewport().width()

            tabs = win.panel.tabs
            bar = tabs.tabBar()
            last = bar.tabRect(bar.count() - 1)
            assert bar.rect().contains(last), (width, bar.rect(), last)
            assert not bar.usesScrollButtons()
            assert all(bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(
                bar.tabText(i)) for i in range(bar.count()))
            win.close()
    finally:
        translators.install("en")
    assert all(shot.stat().st_size > 10_000 for shot in shots)
    print("screenshots:", *shots)


def test_the_list_says_last_contact_for_a_phone_call(qtbot, db, tmp_path):
    customer_id = make_customer(db, "电话客户有限公司")
    with db.write() as session:
        add_visit(session, customer_id, VisitInput(
            visit_date=dt.date(2026, 3, 2), channel="phone", summary="Called about prices"))
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Archive(db), settings, "en")
    qtbot.addWidget(win)
    column = COLUMNS.index("last_visit_on")
    assert win.model.headerData(column, Qt.Orientation.Horizontal) == "Last contact"
    assert "phone call" in win.model.headerData(column, Qt.Orientation.Horizontal,
                                                Qt.ItemDataRole.ToolTipRole)
    assert win.model.index(0, column).data() == "2026-03-02"
    win.select_customer(customer_id)
    assert "Last contact: 2026-03-02" in win.panel.facts_label.text()


def test_enter_in_the_search_box_opens_the_first_match_and_down_moves_into_the_list(
        qtbot, db, tmp_path):
    make_customer(db, "张三贸易有限公司", mobile="13800138000")
    second = make_customer(db, "张三五金商行", mobile="13900139000")
    make_customer(db, "李四商行", mobile="13700137000")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Archive(db), settings, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.focus_search()
    qtbot.keyClicks(win.search, "zswj")
    assert win.model.rowCount() == 1
    assert win.panel.customer_id is None
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    assert win.panel.customer_id == second
    win.search.clear()
    qtbot.keyClicks(win.search, "138")
    win.view.setCurrentIndex(win.model.index(-1, -1))
    qtbot.keyClick(win.search, Qt.Key.Key_Down)
    assert win.focusWidget() is win.view  # the window's focus, were it the active one
    assert win.view.currentIndex().row() == 0
    assert win.panel.card.facts.name == "张三贸易有限公司"


def test_file_dialogs_start_in_the_folder_last_used(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tierdesk.ui import file_dialogs

    personal = QSettings(str(tmp_path / "personal.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(file_dialogs, "personal_settings", lambda: personal)
    folder = tmp_path / "cards"
    folder.mkdir()
    started: list[str] = []
    answers = [str(folder / "card.pdf"), ""]

    def ask(parent, title, start, filters):  # type: ignore[no-untyped-def]
        started.append(start)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    customer_id = make_customer(db)
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    win.select_customer(customer_id)
    win.panel.print_card()
    assert (folder / "card.pdf").stat().st_size > 1000
    win.export_excel(everything=True)  # cancelled: nothing to wait for
    assert started[0].endswith("-card1.pdf")
    assert started[1] == str(folder / "TierDesk.xlsx")


def test_the_change_history_names_fields_in_the_interface_language(qtbot, db, tmp_path):
    customer_id = make_customer(db)
    archive = Archive(db)
    data = archive.customers.customer(customer_id).to_input()
    data.customer_since = "2020-05-01"
    archive.customers.update_customer(customer_id, data)
    translators = Translators()
    try:
        translators.install("zh_CN")
        win = MainWindow(archive, QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "zh_CN")
        qtbot.addWidget(win)
        win.select_customer(customer_id)
        win.panel.tabs.setCurrentWidget(win.panel.changes)
        table = win.panel.changes
        rows = [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]
        # Newest first: the date changed, then the customer added.
        assert rows[0][1:5] == ["客户档案", "成为客户日期", "", "2020-05-01"], rows
        assert rows[-1][1:3] == ["客户档案", "新增"], rows
    finally:
        translators.install("en")


def test_a_first_start_fits_the_window_on_the_screen(qtbot, db, tmp_path):
    """No remembered layout yet: the window is no larger than the screen it opens on."""
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    screen = win.screen().availableGeometry()
    assert win.width() <= screen.width() and win.height() <= screen.height()
    assert win.width() == min(1400, screen.width())
