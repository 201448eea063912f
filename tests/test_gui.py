"""The window as a person uses it: create, search, log visits until the card rolls over, print."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import fill_and_save, make_customer, type_into
from tierdesk.core.archive import Archive
from tierdesk.core.customers.customer_list import ListFilter
from tierdesk.ui.customer_dialog import CustomerDialog
from tierdesk.ui.main_window import MainWindow


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, db, qsettings):
    win = MainWindow(Archive(db), qsettings, "en")
    qtbot.addWidget(win)
    win.show()
    return win


def shown_names(win):
    model = win.model
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def test_creating_a_customer_through_the_dialog_shows_it_in_the_list(qtbot, window):
    dialog = CustomerDialog(window.archive, None, window)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.ui.name, "张三贸易有限公司")
    type_into(qtbot, dialog.ui.contactName, "李四")
    type_into(qtbot, dialog.ui.mobile, "138 0013 8000")
    dialog.ui.region.setCurrentIndex(dialog.ui.region.findText("HD 华东"))
    qtbot.mouseClick(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert shown_names(window) == ["张三贸易有限公司"]
    number = window.model.data(window.model.index(0, 0))
    assert number == "HD-D-00001"
    assert window.count_label.text() == "1 of 1 customers"


def test_a_bad_phone_is_explained_next_to_the_field_and_nothing_is_written(qtbot, window):
    dialog = CustomerDialog(window.archive, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.ui.name, "甲公司")
    type_into(qtbot, dialog.ui.mobile, "1380013800")
    type_into(qtbot, dialog.ui.customerSince, "2024-02-30")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.ui.mobileError.isVisible()
    assert "11 digits" in dialog.ui.mobileError.text()
    assert "no such date" in dialog.ui.customerSinceError.text()
    assert not dialog.ui.nameError.isVisible()
    assert window.model.rowCount() == 0


def test_logging_visits_from_the_keyboard_rolls_the_card_over(qtbot, window, db):
    make_customer(db, "张三贸易有限公司")
    window.reload()
    window.view.selectRow(0)
    panel = window.panel
    assert panel.card.facts.name == "张三贸易有限公司"
    for number in range(1, 11):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert panel.entry.ui.summary.hasFocus()    # what was discussed, not the purpose
        assert panel.entry.ui.visitDate.date().toPython() == dt.date.today()
        type_into(qtbot, panel.entry.ui.summary, f"第{number}次拜访")
        qtbot.keyClick(panel.entry.ui.summary, Qt.Key.Key_Return)
        assert panel.entry.ui.errorLabel.text() == ""
        if number < 10:
            assert panel.slots.item(number - 1, 4).text() == f"第{number}次拜访"
    # The tenth entry filled the card: it is archived and a fresh card is open.
    assert panel.notice.isVisible()
    assert "Card 1 is full" in panel.notice.text()
    assert panel.card_choice.currentText().startswith("Card 2")
    assert "in use" in panel.card_choice.currentText()
    assert [panel.slots.item(r, 4).text() for r in range(panel.slots.rowCount())] == [""] * 10
    panel.card_choice.setCurrentIndex(1)  # the archived card stays readable
    assert "archived" in panel.card_choice.currentText()
    assert [panel.slots.item(r, 4).text() for r in range(10)] == [
        f"第{n}次拜访" for n in range(1, 11)]
    assert window.model.data(window.model.index(0, 7)) == dt.date.today().isoformat()


def test_the_entry_line_keeps_the_last_channel_used(qtbot, window, db, qsettings):
    make_customer(db, "张三贸易有限公司")
    make_customer(db, "李四商行")
    window.reload()
    window.view.selectRow(0)
    entry = window.panel.entry
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert entry.ui.channel.currentData() == "visit"
    entry.ui.channel.setCurrentIndex(entry.ui.channel.findData("phone"))
    type_into(qtbot, entry.ui.summary, "电话问候")
    qtbot.keyClick(entry.ui.summary, Qt.Key.Key_Return)
    assert window.panel.slots.item(0, 2).text() == "Phone"
    # The next entry, on this card or another customer's, offers the channel just used ...
    assert entry.ui.channel.currentData() == "phone"
    window.view.selectRow(1)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert entry.ui.channel.currentData() == "phone"
    assert entry.ui.summary.hasFocus()
    # ... and so does the next start of the program.
    again = MainWindow(Archive(db), qsettings, "en")
    qtbot.addWidget(again)
    assert again.panel.entry.ui.channel.currentData() == "phone"


def test_a_refused_entry_says_why_and_keeps_what_was_typed(qtbot, window, db):
    make_customer(db)
    window.reload()
    window.view.selectRow(0)
    entry = window.panel.entry
    entry.start_new()
    qtbot.keyClick(entry.ui.purpose, Qt.Key.Key_Return)  # nothing typed
    assert "purpose or summary" in entry.ui.errorLabel.text()
    assert window.panel.card.current.entries == []


def test_search_by_pinyin_initials_while_typing(qtbot, window, db):
    make_customer(db, "张三贸易有限公司", mobile="13800138000")
    make_customer(db, "重庆银行股份有限公司", mobile="13912345678", contact="王五")
    window.reload()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    type_into(qtbot, window.search, "zsmy")
    assert shown_names(window) == ["张三贸易有限公司"]
    window.search.clear()
    type_into(qtbot, window.search, "2345")
    assert shown_names(window) == ["重庆银行股份有限公司"]
    assert window.count_label.text() == "1 of 2 customers"


def test_filters_combine_with_search(qtbot, window, db):
    make_customer(db, "张三贸易有限公司")
    make_customer(db, "张家港五金商行", region="HB", salesperson="S003")
    window.reload()
    type_into(qtbot, window.search, "张")
    assert len(shown_names(window)) == 2
    window.region_filter.setCurrentIndex(window.region_filter.findText("HB 华北"))
    assert shown_names(window) == ["张家港五金商行"]


def test_printing_a_card_writes_a_pdf_with_the_card_text(qtbot, window, db, tmp_path):
    from tierdesk.core.customers.cards import VisitInput

    cid = make_customer(db, "张三贸易有限公司")
    window.archive.customers.add_visit(cid, VisitInput(visit_date=dt.date.today(),
                                                       purpose="新品介绍",
                                             summary="客户索要样品", outcome="达成意向"))
    window.reload()
    window.view.selectRow(0)
    target = tmp_path / "card.pdf"
    window.panel.print_to(str(target), [window.panel.shown_card()])
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    for expected in ("HD-D-00001", "张三贸易有限公司", "新品介绍", "客户索要样品", "达成意向",
                     "Card 1"):
        assert expected in text


def test_closing_with_an_unsaved_entry_asks_first(qtbot, window, db, monkeypatch):
    make_customer(db)
    window.reload()
    window.view.selectRow(0)
    window.panel.start_visit_entry()
    type_into(qtbot, window.panel.entry.ui.purpose, "还没保存")
    asked = []

    def answer(choice):
        def fake(*args, **kwargs):
            asked.append(args[2])
            return choice
        return fake

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert window.close() is False
    assert window.isVisible() and "not saved" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Save))
    assert window.close() is True
    card = window.archive.customers.open_customer(window.panel.customer_id).current
    assert card.entries[0].purpose == "还没保存"


def test_the_window_remembers_its_layout(qtbot, db, qsettings):
    first = MainWindow(Archive(db), qsettings, "en")
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen (800x600)
    first.view.setColumnWidth(1, 333)
    first.close()
    second = MainWindow(Archive(db), qsettings, "en")
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
    assert second.view.columnWidth(1) == 333


def test_the_list_of_a_demo_office(qtbot, demo_db, qsettings):
    win = MainWindow(Archive(demo_db), qsettings, "en")
    qtbot.addWidget(win)
    assert win.model.rowCount() == 300
    tier_a = win.customers.query(ListFilter(tier="A"))
    win.tier_filter.setCurrentIndex(win.tier_filter.findText("A"))
    assert win.model.rowCount() == len(tier_a) > 0


def test_editing_shows_the_customers_region_and_salesperson(qtbot, window, db):
    cid = make_customer(db, "张三贸易有限公司", region="HB", salesperson="S003")
    dialog = CustomerDialog(window.archive, window.archive.customers.customer(cid), window)
    qtbot.addWidget(dialog)
    assert dialog.ui.region.currentText() == "HB 华北"
    assert dialog.ui.salesperson.currentText() == "张强 (S003)"
    dialog.ui.mobile.setText("139 1234 5678")
    dialog.save()
    facts = window.archive.customers.customer(cid)
    assert (facts.mobile, facts.region, facts.salesperson) == ("13912345678", "HB 华北", "张强")


def test_orders_and_payments_are_added_from_the_master_file(qtbot, window, db, monkeypatch):
    make_customer(db)
    window.reload()
    window.view.selectRow(0)
    panel = window.panel
    cls, fake = fill_and_save([{"order_date": "2026-02-30", "amount": "abc"},
                               {"order_date": "2026-03-05", "amount": "1.2万",
                                "product": "标准件", "via_outlet": True}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.tabs.setCurrentIndex(3)
    panel.add_order()
    assert fake.refusals == [{"order_date": 'There is no such date: "2026-02-30".',
                              "amount": 'Not an amount: "abc".'}]
    assert [panel.orders.item(0, c).text() for c in (0, 2, 3, 5)] == [
        "2026-03-05", "标准件", "12,000.00", "yes"]
    cls, fake = fill_and_save([{"paid_on": "2026-03-20", "amount": "9,000"}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.tabs.setCurrentIndex(4)
    panel.add_payment()
    assert panel.collection.text() == "Collection rate: 75.0%"
    assert panel.payments.item(0, 1).text() == "9,000.00"
    assert window.archive.customers.customer(panel.customer_id).status == "active"  # first order


def test_contacts_are_added_and_edited(qtbot, window, db, monkeypatch):
    make_customer(db)
    window.reload()
    window.view.selectRow(0)
    panel = window.panel
    panel.tabs.setCurrentIndex(2)
    cls, fake = fill_and_save([{"name": "王五", "mobile": "139 1234 5678",
                                "birthday": "1980年5月6日"}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.edit_contact(None)
    assert [panel.contacts.item(0, c).text() for c in (0, 2, 5)] == [
        "王五", "13912345678", "1980-05-06"]
    cls, fake = fill_and_save([{"position": "总经理"}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.contacts.cellDoubleClicked.emit(0, 0)
    assert panel.contacts.rowCount() == 1
    assert panel.contacts.item(0, 1).text() == "总经理"


def test_the_window_shows_the_list_before_the_search_index_is_read(qtbot, demo_db, qsettings):
    win = MainWindow(Archive(demo_db), qsettings, "en", defer_index=True)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.index_loaded, timeout=10000):
        # In the first moment the list pages from the database, in number order.
        assert win.model.previewing
        assert win.model.rowCount() == 300
        first_number = win.model.data(win.model.index(0, 0))
        win.view.selectRow(0)
        assert win.panel.card.facts.number == first_number
        type_into(qtbot, win.search, first_number)  # typed before the index is there
    assert not win.model.previewing
    assert [win.model.data(win.model.index(r, 0)) for r in range(win.model.rowCount())] == \
        [first_number]
    assert win.panel.card.facts.number == first_number  # still open and selected
    assert win.view.selectionModel().currentIndex().row() == 0


def test_sorting_by_a_column_reads_the_order_in_the_background(qtbot, window, db):
    for name in ("丙公司", "甲公司", "乙公司"):
        make_customer(db, name)
    window.reload()
    window.view.selectRow(0)
    chosen = window.panel.customer_id
    with qtbot.waitSignal(window.model.sorting, check_params_cb=lambda busy: not busy):
        window.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the name column
    expected = sorted(["丙公司", "甲公司", "乙公司"], reverse=True)
    assert shown_names(window) == expected
    # The open customer stays selected wherever the new order puts it.
    assert window.model.customer_id(window.view.currentIndex().row()) == chosen
    window.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # now known: instant
    assert shown_names(window) == expected[::-1]


def test_a_visit_moves_the_customer_when_the_list_is_sorted_by_last_visit(qtbot, window, db):
    from tierdesk.core.customers.cards import VisitInput

    first = make_customer(db, "甲公司")
    second = make_customer(db, "乙公司", mobile="13912345678")
    window.archive.customers.add_visit(first, VisitInput(visit_date=dt.date.today(),
                                                         purpose="拜访"))
    window.reload()
    with qtbot.waitSignal(window.model.sorting, check_params_cb=lambda busy: not busy):
        window.view.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # last visit, newest first
    assert shown_names(window)[0] == "甲公司"
    window.archive.customers.add_visit(second, VisitInput(visit_date=dt.date.today(),
                                                          purpose="回访"))
    window.archive.customers.add_visit(first, VisitInput(
        visit_date=dt.date.today() - dt.timedelta(days=400), purpose="补记旧拜访"))
    assert window.model.data(window.model.index(0, 7)) == dt.date.today().isoformat()
    # Sorted by name instead, a visit only repaints its row: the order stays.
    window.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: shown_names(window) == ["乙公司", "甲公司"], timeout=5000)
    window.archive.customers.add_visit(first, VisitInput(visit_date=dt.date.today(),
                                                         purpose="再访"))
    assert shown_names(window) == ["乙公司", "甲公司"]


def test_the_search_index_is_read_once_todays_list_is_shown(qtbot, demo_db, qsettings):
    """What a salesperson sees first comes first: the index is not read alongside Today's
    list (both at once share one interpreter and slow the list down)."""
    win = MainWindow(Archive(demo_db), qsettings, "en", defer_index=True)
    qtbot.addWidget(win)
    order: list[str] = []
    win.today.loaded.connect(lambda _listing: order.append("today"))
    win.index_loaded.connect(lambda: order.append("index"))
    assert win._index_task is None   # nothing read beside Today's list yet
    with qtbot.waitSignal(win.index_loaded, timeout=10000):
        win.show()
    assert order == ["today", "index"]
    assert not win.model.previewing
