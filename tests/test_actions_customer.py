"""The buttons of the customer card and master file, the visit entry, the customer dialog,
the Today list and the first-run dialog: each clicked as a person would, its effect checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from tests.actions_support import (
    open_main_window,
    save_as,
    stand_in_for_exec,
)
from tests.helpers import fill_and_save, make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, db, tmp_path):
    return open_main_window(qtbot, db, tmp_path)


@pytest.fixture
def panel(window, db):
    cid = make_customer(db, "张三贸易有限公司")
    window.archive.customers.add_visit(cid, VisitInput(visit_date=dt.date.today(),
                                                       purpose="新品介绍"))
    window.reload()
    window.select_customer(cid)
    return window.panel


def cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def fake_dialog(monkeypatch, entries):
    cls, fake = fill_and_save(entries)
    monkeypatch.setattr(cls, "exec", fake)
    return fake


def test_details_edit_button_opens_the_customer(qtbot, window, panel, monkeypatch):
    from tierdesk.ui.customer_dialog import CustomerDialog

    shown = []

    def fill(dialog):  # type: ignore[no-untyped-def]
        shown.append(dialog.ui.name.text())
        dialog.ui.landline.setText("021-12345678")
        dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(CustomerDialog, "exec", fill)
    panel.tabs.setCurrentIndex(1)
    panel.edit_button.click()
    assert shown == ["张三贸易有限公司"]
    assert window.archive.customers.customer(panel.customer_id).landline == "021-12345678"


def test_customer_dialog_cancel_writes_nothing(qtbot, window, panel):
    from tierdesk.ui.customer_dialog import CustomerDialog

    dialog = CustomerDialog(window.archive, window.archive.customers.customer(panel.customer_id),
                            window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.mobile.setText("13912345678")
    dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Cancel).click()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert window.archive.customers.customer(panel.customer_id).mobile == "13800138000"


def test_add_contact_button_adds_a_contact(qtbot, panel, monkeypatch):
    fake = fake_dialog(monkeypatch, [{"name": "王五", "position": "采购"}])
    panel.tabs.setCurrentIndex(2)
    panel.add_contact_button.click()
    assert fake.titles == ["Contact person"]
    assert cells(panel.contacts, 0)[:2] == ["王五", "采购"]


def test_add_order_button_adds_an_order(qtbot, panel, monkeypatch):
    fake_dialog(monkeypatch, [{"order_date": "2026-03-05", "amount": "12000",
                               "product": "标准件"}])
    panel.tabs.setCurrentIndex(3)
    panel.add_order_button.click()
    assert cells(panel.orders, 0)[:4] == ["2026-03-05", "", "标准件", "12,000.00"]


def test_add_payment_button_adds_a_payment(qtbot, panel, monkeypatch):
    fake_dialog(monkeypatch, [{"paid_on": "2026-03-20", "amount": "9,000", "method": "转账"}])
    panel.tabs.setCurrentIndex(4)
    panel.add_payment_button.click()
    assert cells(panel.payments, 0) == ["2026-03-20", "9,000.00", "转账"]


def test_new_complaint_button_records_a_complaint(qtbot, panel, monkeypatch):
    fake_dialog(monkeypatch, [{"category": "交货", "description": "晚到三天"}])
    panel.tabs.setCurrentIndex(5)
    panel.add_complaint_button.click()
    row = cells(panel.complaints, 0)
    assert (row[1], row[2], row[3]) == ("交货", "晚到三天", "Received")


def _service_button(panel, text):
    return next(b for b in panel.findChildren(QPushButton) if b.text().replace("&", "") == text)


def test_service_job_and_due_date_buttons_add_rows(qtbot, panel, monkeypatch):
    today = dt.date.today()
    panel.tabs.setCurrentIndex(6)
    fake_dialog(monkeypatch, [{"done_on": today, "kind": "维修", "description": "换电机"}])
    _service_button(panel, "Add service job…").click()
    assert cells(panel.jobs, 0) == [today.isoformat(), "维修", "换电机"]
    due = today + dt.timedelta(days=40)
    fake_dialog(monkeypatch, [{"kind": "maintenance", "due_on": due, "note": "年检"}])
    _service_button(panel, "Add due date…").click()
    assert cells(panel.dates, 0) == [due.isoformat(), "Maintenance", "年检"]


def test_add_survey_button_adds_an_answer(qtbot, panel, monkeypatch):
    today = dt.date.today()
    fake_dialog(monkeypatch, [{"surveyed_on": today, "score": "4", "comment": "满意"}])
    panel.tabs.setCurrentIndex(7)
    panel.add_survey_button.click()
    assert cells(panel.surveys, 0) == [today.isoformat(), "4", "满意"]


def test_print_button_writes_the_card_as_pdf(qtbot, panel, tmp_path, monkeypatch):
    target = tmp_path / "card.pdf"
    calls = save_as(monkeypatch, target)
    panel.print_button.click()
    assert calls and calls[0][2].endswith("-card1.pdf")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "张三贸易有限公司" in text and "新品介绍" in text


def test_visit_entry_save_button_writes_the_visit(qtbot, window, panel):
    entry = panel.entry
    entry.ui.purpose.setText("催款")
    entry.ui.outcome.setText("答应月底付")
    entry.ui.saveButton.click()
    card = window.archive.customers.open_customer(panel.customer_id).current
    assert [(e.purpose, e.outcome) for e in card.entries][-1] == ("催款", "答应月底付")
    assert entry.ui.purpose.text() == ""
    assert cells(panel.slots, 1)[3] == "催款"


def test_visit_entry_next_visit_box_gives_the_date_its_focus(qtbot, window, panel):
    entry = panel.entry
    entry.ui.hasNextVisit.click()
    assert entry.ui.hasNextVisit.isChecked() and entry.ui.nextVisit.hasFocus()


# -- the Today list ------------------------------------------------------------------------------
DAY = dt.date(2026, 11, 23)


@pytest.fixture
def today_window(qtbot, db, tmp_path):
    from tierdesk.core.customers.orders import add_order

    sold = make_customer(db, "张三贸易有限公司", today=DAY)
    with db.write() as session:
        add_order(session, sold, order_date=DAY - dt.timedelta(days=7), amount=800, today=DAY)
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en", today=DAY)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.show()
    return win, sold


def test_today_done_button_logs_the_call_and_marks_it_done(qtbot, today_window, monkeypatch):
    win, sold = today_window
    number = win.archive.customers.customer(sold).number
    assert win.today.select_line(number, "today")
    fake = fake_dialog(monkeypatch, [{"channel": "phone", "outcome": "满意"}])
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.today.done_button.click()
    assert fake.titles == ["Log a call or visit: 张三贸易有限公司"]
    card = win.archive.customers.open_customer(sold).current
    assert [e.outcome for e in card.entries] == ["满意"]
    assert [line for line in win.today.visible_lines() if line[0] == "today"] == []


def test_today_activating_a_line_logs_it(qtbot, today_window, monkeypatch):
    win, sold = today_window
    assert win.today.select_line(win.archive.customers.customer(sold).number, "today")
    fake = fake_dialog(monkeypatch, [{"channel": "phone", "outcome": "再联系"}])
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.today.tree.itemActivated.emit(win.today.tree.currentItem(), 0)
    assert len(fake.titles) == 1
    card = win.archive.customers.open_customer(sold).current
    assert [e.outcome for e in card.entries] == ["再联系"]


def test_today_refresh_button_reads_the_list_again(qtbot, today_window):
    win, sold = today_window
    win.events.detach()    # written elsewhere: only Refresh brings it in
    win.archive.service.record_complaint(sold, received_at=dt.datetime.combine(DAY, dt.time(8)),
                                 description="发票开错了", now=dt.datetime.combine(DAY, dt.time(9)))
    assert not [line for line in win.today.visible_lines() if line[0] == "complaints"]
    refresh = next(b for b in win.today.findChildren(QPushButton) if b.text() == "Refresh")
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        refresh.click()
    assert [line[2] for line in win.today.visible_lines() if line[0] == "complaints"] == \
        ["New complaint: 发票开错了"]


# -- first run -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("button", "choice"), [("emptyButton", "empty"),
                                                ("demoButton", "demo")])
def test_welcome_buttons_choose_how_to_start(qtbot, tmp_path, button, choice):
    from tierdesk.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(tmp_path / "office.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    getattr(dialog.ui, button).click()
    assert dialog.choice == choice and dialog.result() == dialog.DialogCode.Accepted


def test_welcome_open_button_asks_for_the_file(qtbot, tmp_path, monkeypatch):
    from tierdesk.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(tmp_path / "office.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    save_as(monkeypatch, tmp_path / "old.sqlite", "getOpenFileName")
    dialog.ui.openButton.click()
    assert (dialog.choice, dialog.path) == ("open", Path(tmp_path / "old.sqlite"))
    assert dialog.result() == dialog.DialogCode.Accepted


def test_print_to_a_place_that_cannot_be_written_is_explained(qtbot, window, panel, tmp_path,
                                                              monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    save_as(monkeypatch, tmp_path)           # a folder: no PDF can be written there
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    with qtbot.assertNotEmitted(panel.status_message):
        panel.print_button.click()
    assert len(told) == 1 and told[0].startswith("The PDF could not be written: ")


def test_double_clicking_a_customer_in_the_list_starts_an_entry(qtbot, window, panel):
    panel.tabs.setCurrentIndex(3)
    window.view.doubleClicked.emit(window.model.index(0, 1))
    assert panel.tabs.currentIndex() == 0 and panel.entry.ui.summary.hasFocus()


def test_double_clicking_a_complaint_opens_it(qtbot, window, panel, monkeypatch):
    from tierdesk.ui.complaints_window import ComplaintDialog

    window.archive.service.record_complaint(panel.customer_id, description="包装破损",
                                    received_at=dt.datetime.now().replace(microsecond=0))
    panel.tabs.setCurrentIndex(5)
    shown = stand_in_for_exec(monkeypatch, ComplaintDialog)
    panel.complaints.cellDoubleClicked.emit(0, 0)
    assert [d.values["description"].text() for d in shown] == ["包装破损"]
