"""The buttons of the complaint windows, the service books and the team performance window:
each clicked as a person would, its effect checked."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QInputDialog

from tests.actions_support import button, save_as, set_and_save, stand_in_for_exec
from tests.helpers import PLAN_TODAY, fill_and_save, make_customer, plan_office
from tierdesk.core.archive import Archive

DAY = dt.date(2026, 11, 23)


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def complaint(db):
    archive = Archive(db)
    cid = make_customer(db, "张三贸易有限公司", today=DAY)
    complaint_id = archive.service.record_complaint(
        cid, received_at=dt.datetime.combine(DAY, dt.time(8)), description="发票开错了",
        category="开票", now=dt.datetime.combine(DAY, dt.time(9)))
    return archive, complaint_id


@pytest.fixture
def complaint_dialog(qtbot, complaint):
    from tierdesk.ui.complaints_window import ComplaintDialog

    archive, complaint_id = complaint
    dialog = ComplaintDialog(archive, complaint_id,
                             now=lambda: dt.datetime.combine(DAY, dt.time(10)))
    qtbot.addWidget(dialog)
    return dialog


def test_complaint_start_investigating(qtbot, complaint_dialog):
    complaint_dialog.investigate.click()
    assert complaint_dialog.archive.service.complaint(complaint_dialog.complaint_id).status == \
        "investigating"
    assert complaint_dialog.values["status"].text() == "Investigating"
    assert not complaint_dialog.investigate.isEnabled()


def test_complaint_record_the_answer(qtbot, complaint_dialog, monkeypatch):
    at = dt.datetime.combine(DAY, dt.time(11))
    cls, fake = fill_and_save([{"at": at, "answer": "已重开发票"}])
    monkeypatch.setattr(cls, "exec", fake)
    complaint_dialog.answer.click()
    row = complaint_dialog.archive.service.complaint(complaint_dialog.complaint_id)
    assert (row.status, row.answer) == ("answered", "已重开发票")
    assert complaint_dialog.values["clock"].text() == "answered within 24 h"


def test_complaint_close(qtbot, complaint_dialog, monkeypatch):
    at = dt.datetime.combine(DAY, dt.time(11))
    cls, fake = fill_and_save([{"at": at, "answer": "已重开发票", "resolution": "重开发票",
                                "satisfaction": "4"}])
    monkeypatch.setattr(cls, "exec", fake)
    complaint_dialog.close_button.click()
    row = complaint_dialog.archive.service.complaint(complaint_dialog.complaint_id)
    assert (row.status, row.resolution, row.satisfaction) == ("closed", "重开发票", 4)
    assert not complaint_dialog.assign.isEnabled()


def test_complaint_hand_to_another_salesperson(qtbot, complaint_dialog, monkeypatch):
    archive = complaint_dialog.archive
    other = next(p for p in archive.office.salespeople(with_counts=False) if p.code == "S003")
    cls, fake = fill_and_save([{"to": other.id.hex}])
    monkeypatch.setattr(cls, "exec", fake)
    complaint_dialog.assign.click()
    assert archive.service.complaint(complaint_dialog.complaint_id).assigned_to == \
        complaint_dialog.values["assigned"].text()
    assert "张强" in complaint_dialog.values["assigned"].text()


@pytest.fixture
def register(qtbot, complaint, qsettings):
    from tierdesk.ui.complaints_window import ComplaintRegister

    archive, complaint_id = complaint
    archive.service.advance_complaint(complaint_id, "closed", at=dt.datetime.combine(DAY,
                                                                                     dt.time(11)),
                              answer="已重开发票", resolution="重开发票")
    window = ComplaintRegister(archive, qsettings)
    qtbot.addWidget(window)
    return window


def test_register_open_only_box_shows_closed_complaints_when_cleared(qtbot, register):
    assert register.table.rowCount() == 0
    register.open_only.click()
    assert register.table.rowCount() == 1
    assert register.table.item(0, 7).text() == "发票开错了"


def test_register_export_button_writes_the_register(qtbot, register, tmp_path, monkeypatch):
    register.open_only.click()
    target = tmp_path / "complaints.xlsx"
    save_as(monkeypatch, target)
    button(register, "Export to Excel…").click()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    header = rows[0]
    assert [dict(zip(header, r, strict=True))["Answer"] for r in rows[1:]] == ["已重开发票"]


def test_register_double_click_opens_the_complaint(qtbot, register, monkeypatch):
    from tierdesk.ui.complaints_window import ComplaintDialog

    register.open_only.click()
    shown = stand_in_for_exec(monkeypatch, ComplaintDialog)
    register.table.selectRow(0)
    register.table.doubleClicked.emit(register.table.model().index(0, 0))
    assert [d.values["description"].text() for d in shown] == ["发票开错了"]


@pytest.mark.parametrize(("tab", "which"), [(1, "calls"), (2, "letters")])
def test_service_window_export_buttons_write_their_register(qtbot, db, qsettings, tmp_path,
                                                            monkeypatch, tab, which):
    from tierdesk.core.customers.orders import add_order
    from tierdesk.ui.service_window import ServiceWindow

    archive = Archive(db)
    sold = make_customer(db, "张三贸易有限公司", today=DAY)
    with db.write() as session:
        add_order(session, sold, order_date=DAY - dt.timedelta(days=7), amount=800, today=DAY)
    task = archive.service.today(DAY).section("today")[0]
    archive.service.task_not_answered(task.task_id, DAY)
    window = ServiceWindow(archive, qsettings, day=DAY)
    qtbot.addWidget(window)
    target = tmp_path / f"{which}.xlsx"
    save_as(monkeypatch, target)
    page = window.tabs.widget(tab)
    button(page, "Export to Excel…").click()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert "Customer" in rows[0]
    customers = [dict(zip(rows[0], r, strict=True))["Customer"] for r in rows[1:]]
    assert customers == (["张三贸易有限公司"] if which == "calls" else [])


# -- team performance ------------------------------------------------------------------------------
@pytest.fixture
def performance(qtbot, db, qsettings):
    from tierdesk.ui.performance_window import PerformanceWindow

    plan_office(db)
    window = PerformanceWindow(Archive(db), qsettings, today=PLAN_TODAY)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.busy == 0 and window.progress.rowCount() == 3)
    return window


def test_scorecard_show_and_export_buttons(qtbot, performance, tmp_path, monkeypatch):
    window = performance
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.busy == 0)
    window.score_from.setDate(QDate(2026, 11, 1))
    window.score_to.setDate(QDate(2026, 11, 30))
    button(window.tabs.widget(1), "Show").click()
    qtbot.waitUntil(lambda: window.busy == 0)
    assert window.scores.rowCount() == 3
    target = tmp_path / "kpi.xlsx"
    save_as(monkeypatch, target)
    button(window, "Export to Excel…").click()
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["KPI 2026-11-01 to 2026-11-30", "Definitions"]


def test_retention_show_button_reads_the_period(qtbot, performance):
    window = performance
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.busy == 0 and window.office_retention.text() != "")
    window.office_retention.clear()
    button(window.tabs.widget(2), "Show").click()
    qtbot.waitUntil(lambda: window.busy == 0 and window.office_retention.text() != "")
    assert window.office_retention.text().startswith("Office:")
    assert window.kept.rowCount() == 3


def test_alerts_acknowledge_hide_and_open(qtbot, performance, monkeypatch):
    window = performance
    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: window.busy == 0 and window.alert_table.rowCount() > 0)
    row = next(r for r in range(window.alert_table.rowCount())
               if window.alert_table.item(r, 0).text() == "Incomplete file")
    window.alert_table.selectRow(row)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("下周补全地址", True))
    button(window, "Acknowledge…").click()
    qtbot.waitUntil(lambda: window.busy == 0)
    assert [a.note for a in window.alerts if a.kind == "incomplete_file"] == ["下周补全地址"]
    before = window.alert_table.rowCount()
    window.hide_seen.click()
    assert window.alert_table.rowCount() == before - 1
    window.hide_seen.click()
    window.alert_table.selectRow(row)
    chosen = window.selected_alert()
    assert chosen is not None and chosen.customer_id is not None
    with qtbot.waitSignal(window.customer_chosen, timeout=1000) as blocker:
        window.alert_table.doubleClicked.emit(window.alert_table.model().index(row, 0))
    assert blocker.args == [chosen.customer_id]


def test_threshold_save_buttons_store_the_rules(qtbot, performance):
    window = performance
    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: window.busy == 0)
    set_and_save(window.alert_rules, "weak_region_share", 55)
    assert window.archive.planning.alert_rules().weak_region_share == 0.55
    set_and_save(window.risk_block, "drop_share", 40)
    assert window.archive.planning.risk_rules().drop_share == 0.4
    window.tabs.setCurrentIndex(2)
    set_and_save(window.retention_rules, "months", 5)
    assert window.archive.planning.retention_rules().months == 5
    assert window.retention_rules.saved.text() == "Saved."


def test_register_export_to_a_place_that_cannot_be_written_is_explained(qtbot, register,
                                                                         tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    save_as(monkeypatch, tmp_path)          # a folder: no workbook can be written there
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    button(register, "Export to Excel…").click()
    assert len(told) == 1 and told[0].startswith("The workbook could not be written: ")
    assert "directory" in told[0].lower()


def test_scorecard_export_to_a_place_that_cannot_be_written_is_explained(qtbot, performance,
                                                                         tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = performance
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.busy == 0)
    save_as(monkeypatch, tmp_path)
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    button(window, "Export to Excel…").click()
    assert len(told) == 1 and "directory" in told[0].lower()
