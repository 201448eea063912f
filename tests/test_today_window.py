"""The Today screen, the complaint dialogs and the service books, used as a person would."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings

from tests.helpers import fill_and_save, make_customer
from tierdesk.core.archive import Archive
from tierdesk.core.customers.master_file import ContactInput, save_contact
from tierdesk.core.customers.orders import add_order
from tierdesk.ui.main_window import MainWindow

DAY = dt.date(2026, 11, 23)   # a Monday


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def office(db):
    """Three customers of S001 (王伟) and one of S002, each with something due."""
    sold = make_customer(db, "张三贸易有限公司", mobile="13800138001", today=DAY)
    late = make_customer(db, "李四商行", mobile="13800138002", today=DAY)
    born = make_customer(db, "王五电器", mobile="13800138003", today=DAY)
    other = make_customer(db, "赵六五金", mobile="13800138004", salesperson="S002", today=DAY)
    with db.write() as session:
        add_order(session, sold, order_date=DAY - dt.timedelta(days=7), amount=800, today=DAY)
        add_order(session, late, order_date=DAY - dt.timedelta(days=9), amount=500, today=DAY)
        add_order(session, other, order_date=DAY - dt.timedelta(days=7), amount=300, today=DAY)
        save_contact(session, born, ContactInput(name="王经理", birthday="1979-11-28"),
                     today=DAY)
    archive = Archive(db)
    complaint = archive.service.record_complaint(
        sold, received_at=dt.datetime.combine(DAY, dt.time(8, 0)), description="发票开错了",
        category="开票", now=dt.datetime.combine(DAY, dt.time(9, 0)))
    numbers = {c: archive.customers.customer(c).number for c in (sold, late, born, other)}
    return archive, {"sold": sold, "late": late, "born": born, "other": other,
                     "complaint": complaint}, numbers


def open_window(qtbot, archive, qsettings):
    win = MainWindow(archive, qsettings, "en", today=DAY)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.show()
    return win


def choose_person(qtbot, win, code):
    combo = win.today.person
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemText(i).endswith(f"({code})")))


def log_sold_by_phone(qtbot, win, monkeypatch, number, before=lambda: True):
    """Choose the customer's line on Today and log a phone call on it (Ctrl+D, Save)."""
    assert win.today.select_line(number, "today")
    assert before()
    cls, fake = fill_and_save([{"channel": "phone", "outcome": "客户满意"}])
    monkeypatch.setattr(cls, "exec", fake)
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.today.act()
    return fake


def test_today_shows_exactly_the_salespersons_lines(qtbot, office, qsettings):
    archive, ids, numbers = office
    win = open_window(qtbot, archive, qsettings)
    assert win.left_tabs.currentWidget() is win.today
    choose_person(qtbot, win, "S001")
    assert win.today.visible_lines() == [
        ("overdue", numbers[ids["late"]], "Call back after the sale of 2026-11-14"),
        # Earliest due first: the greeting's window opened on the 21st.
        ("today", numbers[ids["born"]], "Birthday greeting: 王经理, 2026-11-28"),
        ("today", numbers[ids["sold"]], "Call back after the sale of 2026-11-16"),
        ("complaints", numbers[ids["sold"]], "New complaint: 发票开错了"),
    ]
    assert win.today.summary.text() == "2026-11-23: 4 to do today, 1 overdue, 0 coming up"
    # The salesperson chosen is remembered for the next start.
    again = open_window(qtbot, archive, qsettings)
    assert again.today.person.currentText() == "王伟 (S001)"
    assert len(again.today.visible_lines()) == 4


def test_a_line_opens_the_card_and_one_action_logs_it_and_marks_it_done(
        qtbot, office, qsettings, monkeypatch):
    archive, ids, numbers = office
    win = open_window(qtbot, archive, qsettings)
    choose_person(qtbot, win, "S001")
    fake = log_sold_by_phone(qtbot, win, monkeypatch, numbers[ids["sold"]])
    assert win.panel.customer_id == ids["sold"]
    assert fake.titles == ["Log a call or visit: 张三贸易有限公司"]
    entries = archive.customers.open_customer(ids["sold"]).current.entries
    # What the call was about is kept as the follow-up (kind and sale date), not as text.
    assert [(e.visit_date, e.channel, e.purpose, e.about.render(), e.outcome)
            for e in entries] == [
        (DAY, "phone", "", "Call back after the sale of 2026-11-16", "客户满意")]
    assert win.panel.slots.item(0, 3).text() == "Call back after the sale of 2026-11-16"
    assert [line[1] for line in win.today.visible_lines() if line[0] == "today"] == \
        [numbers[ids["born"]]]
    assert [(r.number, r.result) for r in archive.service.register("calls")] == \
        [(numbers[ids["sold"]], "done")]


def test_no_answer_and_postpone_move_the_line(qtbot, office, qsettings, monkeypatch):
    archive, ids, numbers = office
    win = open_window(qtbot, archive, qsettings)
    choose_person(qtbot, win, "S001")
    win.today.select_line(numbers[ids["late"]], "overdue")
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.today.no_answer_button.click()
    assert [line[0] for line in win.today.visible_lines()
            if line[1] == numbers[ids["late"]]] == ["coming"]
    win.today.select_line(numbers[ids["born"]], "today")
    cls, fake = fill_and_save([{"to": DAY + dt.timedelta(days=2), "note": "出差"}])
    monkeypatch.setattr(cls, "exec", fake)
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.today.postpone_button.click()
    assert [line[0] for line in win.today.visible_lines()
            if line[1] == numbers[ids["born"]]] == ["coming"]


def test_a_complaint_is_taken_through_its_status_flow(qtbot, office, qsettings, monkeypatch,
                                                      tmp_path):
    from tierdesk.ui.complaints_window import ComplaintDialog, ComplaintRegister

    archive, ids, _numbers = office
    moments = [dt.datetime.combine(DAY, dt.time(9, 0))]
    dialog = ComplaintDialog(archive, ids["complaint"], now=lambda: moments[-1])
    qtbot.addWidget(dialog)
    assert dialog.values["status"].text() == "Received"
    assert dialog.values["clock"].text() == "23 h 00 min left"   # received at 08:00
    moments.append(dt.datetime.combine(DAY + dt.timedelta(days=1), dt.time(8, 5)))
    dialog.refresh()
    assert dialog.values["clock"].text() == "overdue by 5 min"
    dialog.investigate.click()
    assert dialog.values["status"].text() == "Investigating"
    answered_at = dt.datetime.combine(DAY, dt.time(15, 30))
    cls, fake = fill_and_save([{"at": answered_at, "answer": ""},
                               {"answer": "已重开发票"}])
    monkeypatch.setattr(cls, "exec", fake)
    dialog.answer.click()
    assert fake.refusals == [{"answer": "Write the answer given to the customer."}]
    assert (dialog.values["status"].text(), dialog.values["clock"].text()) == \
        ("Answered", "answered within 24 h")
    assert not dialog.answer.isEnabled() and dialog.close_button.isEnabled()
    register = ComplaintRegister(archive, QSettings(str(tmp_path / "r.ini"),
                                                    QSettings.Format.IniFormat))
    qtbot.addWidget(register)
    assert register.table.rowCount() == 1
    out = tmp_path / "complaints.xlsx"
    register.export_to(str(out))
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert (row["Customer"], row["Status"], row["Answer"], row["Within 24 hours"]) == \
        ("张三贸易有限公司", "Answered", "已重开发票", "yes")
    assert row["Received"] == dt.datetime.combine(DAY, dt.time(8, 0))


def test_service_jobs_due_dates_and_surveys_from_the_master_file(qtbot, office, qsettings,
                                                                 monkeypatch):
    archive, ids, _numbers = office
    win = open_window(qtbot, archive, qsettings)
    win.select_customer(ids["other"])
    panel = win.panel
    panel.tabs.setCurrentIndex(6)
    now = dt.date.today()   # what a person types is checked against the real calendar
    due = now + dt.timedelta(days=30)
    cls, fake = fill_and_save([{"done_on": now, "kind": "安装", "description": "新机调试"}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.add_service_job()
    cls, fake = fill_and_save([{"kind": "maintenance", "due_on": due, "note": "季度保养"}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.add_due_date()
    assert [panel.jobs.item(0, c).text() for c in range(3)] == [now.isoformat(), "安装",
                                                                  "新机调试"]
    assert [panel.dates.item(0, c).text() for c in range(3)] == \
        [due.isoformat(), "Maintenance", "季度保养"]
    planned = {panel.tasks.item(r, 2).text() for r in range(panel.tasks.rowCount())}
    assert {f"Call back after the service job of {now.isoformat()} (安装)",
            f"Maintenance due on {due.isoformat()} (季度保养)"} <= planned
    panel.tabs.setCurrentIndex(7)
    cls, fake = fill_and_save([{"surveyed_on": now, "score": "7"},
                               {"score": "2", "comment": "交货慢"}])
    monkeypatch.setattr(cls, "exec", fake)
    panel.add_survey()
    assert fake.refusals == [{"score": "Enter a number from 1 to 5."}]
    assert [panel.surveys.item(0, c).text() for c in range(3)] == [now.isoformat(), "2",
                                                                     "交货慢"]


def test_the_service_window_shows_registers_and_satisfaction(qtbot, office, qsettings):
    from tierdesk.ui.service_window import ServiceWindow

    archive, ids, _numbers = office
    archive.service.add_survey(ids["sold"], surveyed_on=DAY, score=5, today=DAY)
    archive.service.add_survey(ids["late"], surveyed_on=DAY, score=1, comment="很不满意", today=DAY)
    task = archive.service.today(DAY).section("today")[0]
    archive.service.task_not_answered(task.task_id, DAY)
    window = ServiceWindow(archive, qsettings, day=DAY)
    qtbot.addWidget(window)
    assert window.calls.rowCount() == 1
    assert window.calls.item(0, 5).text() == "No answer"
    assert window.rate_label.text() == ("Satisfaction 50% over 2 answers in the last 12 "
                                        "months: below the target of 90%.")
    assert [window.low.item(0, c).text() for c in (2, 4)] == ["1", "很不满意"]
    assert window.schedule.rowCount() >= 4


def test_a_call_logged_from_today_shows_on_the_open_card_without_reloading(
        qtbot, office, qsettings, monkeypatch):
    archive, ids, numbers = office
    win = open_window(qtbot, archive, qsettings)
    choose_person(qtbot, win, "S001")
    log_sold_by_phone(qtbot, win, monkeypatch, numbers[ids["sold"]],
                      before=lambda: "Last contact: -" in win.panel.facts_label.text())
    # The card in front shows the entry and its header the new last contact ...
    slots = win.panel.slots
    assert [slots.item(0, c).text() for c in (1, 5)] == [DAY.isoformat(), "客户满意"]
    assert f"Last contact: {DAY.isoformat()}" in win.panel.facts_label.text()
    # ... and so does choosing the customer again (no F5).
    win.select_customer(ids["late"])
    win.select_customer(ids["sold"])
    assert win.panel.slots.item(0, 5).text() == "客户满意"
    assert f"Last contact: {DAY.isoformat()}" in win.panel.facts_label.text()


def test_a_follow_up_logged_in_english_reads_in_chinese(qtbot, office, qsettings, monkeypatch,
                                                        tmp_path):
    from tierdesk.reports.card_report import cards_html
    from tierdesk.ui.i18n import Translators, translate

    archive, ids, numbers = office
    win = open_window(qtbot, archive, qsettings)
    choose_person(qtbot, win, "S001")
    log_sold_by_phone(qtbot, win, monkeypatch, numbers[ids["sold"]])
    translators = Translators()
    try:
        assert translators.install("zh_CN") == "zh_CN"
        chinese = MainWindow(archive, qsettings, "zh_CN", today=DAY)
        qtbot.addWidget(chinese)
        chinese.select_customer(ids["sold"])
        purpose = chinese.panel.slots.item(0, 3).text()
        card = archive.customers.open_customer(ids["sold"]).current
        html = cards_html(archive.customers.customer(ids["sold"]), [card], office_name="x",
                          tr=translate)
    finally:
        translators.install("en")
    assert "2026-11-16" in purpose and "Call back" not in purpose
    assert purpose in html


def test_no_answer_reads_neither_the_customer_list_nor_an_unconcerned_card_again(
        qtbot, office, qsettings, monkeypatch):
    """A follow-up's change is not in the list: the list and its search index are not read
    again (at 150,000 customers that froze the window for 2 s); the open card is read again
    only when it is the follow-up's customer."""
    archive, ids, numbers = office
    win = open_window(qtbot, archive, qsettings)
    choose_person(qtbot, win, "S001")
    reloads, cards = [], []
    monkeypatch.setattr(win.model, "reload", lambda *a, **k: reloads.append(1))
    real_refresh = win.panel.refresh
    monkeypatch.setattr(win.panel, "refresh", lambda: (cards.append(win.panel.customer_id),
                                                       real_refresh()))
    win.today.select_line(numbers[ids["late"]], "overdue")   # opens the line's card
    assert win.panel.customer_id == ids["late"]
    cards.clear()
    with qtbot.waitSignal(win.today.loaded, timeout=10000):
        win.today.no_answer_button.click()
    assert reloads == [] and cards == [ids["late"]]
    win.select_customer(ids["sold"])                 # now a card not concerned is open
    cards.clear()
    line = next(line for line in win.today.listing.lines if line.task_id is not None)
    task, concerned = line.task_id, line.customer_id
    assert concerned != ids["sold"]
    archive.service.postpone_task(task, DAY + dt.timedelta(days=3), DAY)   # as the window tells it
    assert reloads == [] and cards == []


def test_the_list_shows_before_the_days_greetings_and_loaded_waits_for_them(
        qtbot, db, qsettings):
    """The day's greetings are planned once the list is shown (start-up reads the list
    first); a new greeting makes the list read again, and "loaded" carries it."""
    top = make_customer(db, "钻石客户有限公司", mobile="13800138009", tier="A", today=DAY)
    archive = Archive(db)
    archive.office.save_holiday(day=DAY + dt.timedelta(days=5), name="公司庆典", greet=True)
    assert not archive.service.greeted(DAY)
    from tierdesk.ui.today_panel import TodayPanel

    panel = TodayPanel(archive, qsettings, day=DAY)
    qtbot.addWidget(panel)
    shown: list[int] = []
    loaded: list[object] = []
    real_show = panel._show
    panel._show = lambda listing: (shown.append(len(listing.lines)), real_show(listing))
    panel.loaded.connect(loaded.append)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.refresh()
    assert len(shown) == 2 and shown[0] < shown[1]     # without, then with the greeting
    assert len(loaded) == 1 and archive.service.greeted(DAY)
    number = archive.customers.customer(top).number
    assert any(line.number == number and line.section != "norms"
               for line in loaded[0].lines)
