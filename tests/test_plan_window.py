"""The month plan in the window and on the command line: the team's quotas, adjusting one,
keeping a draft, publishing, the printed sheets and the workbook."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.helpers import PLAN_TODAY, plan_office
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.ui.plan_window import PlanWindow


def open_window(qtbot, db, tmp_path):
    window = PlanWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                               QSettings.Format.IniFormat), today=PLAN_TODAY)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.plan is not None)
    return window


def row_texts(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_window_proposes_adjusts_keeps_and_publishes(qtbot, db, tmp_path, monkeypatch):
    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    assert window.plan.month == dt.date(2026, 12, 1)
    # code, name, region, customers, calls, visits, follow-ups, revisits, per day, new
    assert row_texts(window.team, 0) == ["S001", "王伟", "HD", "4", "4", "2", "1", "7", "0.1",
                                         "2"]
    assert row_texts(window.team, 3)[1:8] == ["Total", "", "6", "5", "3", "3", "11"]
    window.team.selectRow(0)
    assert [window.tasks.item(r, 1).text() for r in range(window.tasks.rowCount())] == \
        ["戊贸易有限公司", "甲贸易有限公司", "乙贸易有限公司", "丁贸易有限公司"]
    assert window.tasks.item(0, 3).text() == "1 visit, 1 follow-up"
    assert window.tasks.item(0, 4).text() == "2026-11-01"   # the last contact
    assert window.tasks.item(0, 5).text() == \
        "Monthly callback 11-10, purchases down 50%"
    # The manager raises S001's visits: the day figure follows, the cell is marked.
    window.team.item(0, 5).setText("11")
    assert row_texts(window.team, 0)[5:9] == ["11", "1", "16", "0.5"]
    assert window.team.item(0, 5).toolTip() == "Proposed: 2"
    window.team.item(0, 4).setText("many")
    assert window.message.text() == 'Enter a whole number: "many".'
    assert row_texts(window.team, 0)[4] == "4"
    assert window.save(publish=False)
    assert [p.status for p in window.archive.month_plans()] == ["draft"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.publish()
    assert window.archive.month_plans()[0].status == "published"
    assert not window.publish_button.isEnabled()
    assert "published" in window.status.text()
    window.team.item(0, 5).setText("3")       # frozen: the edit is not taken
    assert window.plan.quotas[0].visits == 11

    pdf = window.save_pdf(str(tmp_path / "team.pdf"))
    # Compared without white space: the extraction splits lines at other places.
    pages = ["".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    assert len(pages) == 3          # one sheet each, each on its own page
    for page, (code, name) in zip(pages, [("S001", "王伟"), ("S002", "李娜"),
                                          ("S003", "张强")], strict=True):
        assert f"{name}({code})" in page and "Visitplanfor2026-12" in page
    assert "16(4calls,11visits,1follow-ups)" in pages[0]
    assert "戊贸易有限公司" in pages[0] and "丙贸易有限公司" in pages[1]
    assert "己贸易有限公司" in pages[2] and "After-salecallback12-02" in pages[2]
    assert "Salesperson'ssignature" in pages[0] and "S001·page1of1" in pages[0]

    book = load_workbook(window.export_excel(str(tmp_path / "plan.xlsx")), read_only=True)
    assert book.sheetnames == ["Team", "S001 王伟", "S002 李娜", "S003 张强"]
    team = [list(r) for r in book["Team"].iter_rows(values_only=True)]
    assert team[1] == ["S001", "王伟", "HD", 4, 4, 11, 1, 16, 0.5, 2]
    tasks = [list(r) for r in book["S003 张强"].iter_rows(values_only=True)]
    assert tasks[1][:4] == ["HB-D-00006", "己贸易有限公司", "D", "2 follow-ups"]


def test_closing_with_changes_not_kept_asks_first(qtbot, db, tmp_path, monkeypatch):
    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    window.team.item(2, 9).setText("5")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.reject()
    assert window.plan.quotas[2].new_customers == 5 and window.dirty
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    window.reject()
    kept = window.archive.month_plan(dt.date(2026, 12, 1), PLAN_TODAY)
    assert (kept.status, kept.quotas[2].new_customers) == ("draft", 5)


def test_plan_from_the_command_line(db_path, tmp_path, capsys):
    from tierdesk.core.db import open_database

    db = open_database(db_path)
    plan_office(db)
    db.close()
    pdf, xlsx = tmp_path / "team.pdf", tmp_path / "plan.xlsx"
    assert main(["--db", str(db_path), "plan", "--month", "2026-12", "--date", "2026-11-28",
                 "--publish", "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "Visit plan for 2026-12 (published" in out and "22 working days" in out
    assert [line.split()[:9] for line in out.splitlines()[2:5]] == [
        ["S001", "王伟", "HD", "4", "4", "2", "1", "7", "0.1"],
        ["S002", "李娜", "HD", "1", "1", "1", "0", "2", "0.0"],
        ["S003", "张强", "HB", "1", "0", "0", "2", "2", "0.0"]]
    assert len(PdfReader(pdf).pages) == 3
    assert load_workbook(xlsx, read_only=True).sheetnames[0] == "Team"
    assert main(["--db", str(db_path), "plan", "--month", "2026-12", "--publish"]) == 1
    assert "published already" in capsys.readouterr().err
    assert main(["--db", str(db_path), "plan", "--month", "2026-13"]) == 1
    assert "is not a month" in capsys.readouterr().err


def test_new_customer_targets_by_region(qtbot, db, tmp_path, monkeypatch):
    from tests.helpers import fill_and_save

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    dialogs, fake_exec = fill_and_save([{"new_customers": "9", "region:HB": "五"},
                                        {"region:HB": "5"}])
    monkeypatch.setattr(dialogs, "exec", fake_exec)
    assert window.edit_targets()
    assert fake_exec.refusals == [{"region:HB": 'Enter a whole number: "五".'}]
    kept = window.archive.plan_settings()
    assert (kept.new_customers, kept.region_targets) == (9, {"HB": 5})
    # 华北 (S003 alone) has 5 of its own; the 4 left go to 华东's two.
    assert [q.new_customers for q in window.plan.quotas] == [2, 2, 5]
    assert window.target.value() == 9 and window.dirty


def test_printing_draws_the_same_sheets_on_a_printer(qtbot, db, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    printer = window._printer()            # what Print and Print preview draw on
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    window._paint(printer)
    pages = ["".join(p.extract_text().split()) for p in PdfReader(tmp_path / "printed.pdf").pages]
    assert len(pages) == 3 and "李娜(S002)" in pages[1]
    assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().PageSizeId.A4


def test_one_salespersons_sheet_alone(qtbot, db, tmp_path):
    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    window.team.selectRow(1)
    window.whole_team.setChecked(False)
    pages = ["".join(p.extract_text().split())
             for p in PdfReader(window.save_pdf(str(tmp_path / "s002.pdf"))).pages]
    assert len(pages) == 1 and "李娜(S002)" in pages[0] and "丙贸易有限公司" in pages[0]


@pytest.mark.parametrize("whole_team", [True, False])
def test_print_preview_paints_its_pages_and_closes(qtbot, db, tmp_path, monkeypatch,
                                                   whole_team):
    """The preview dialog paints on a printer it does not own: the printer must outlive it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    window.team.selectRow(1)
    window.whole_team.setChecked(whole_team)
    shown: list[int] = []
    paint = window._paint

    def close_when_shown(dialog):
        shown.append(dialog.findChild(QPrintPreviewWidget).pageCount())
        dialog.reject()

    def painted(printer):
        paint(printer)
        dialog = window.findChild(QPrintPreviewDialog)
        QTimer.singleShot(0, lambda: close_when_shown(dialog))

    monkeypatch.setattr(window, "_paint", painted)
    window.preview()
    assert shown == [3 if whole_team else 1]
    assert window.findChild(QPrintPreviewDialog) is None    # gone, with nothing left to paint
