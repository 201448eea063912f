"""The month plan in the window and on the command line: the team's quotas, adjusting one,
keeping a draft, publishing, the printed sheets and the workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import PLAN_TODAY, plan_office
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.ui.plan_window import PlanWindow


def open_window(qtbot, db, tmp_path, *, kept=True):
    window = PlanWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                               QSettings.Format.IniFormat), today=PLAN_TODAY)
    if kept:
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
    assert [p.status for p in window.archive.planning.month_plans()] == ["draft"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.publish()
    assert window.archive.planning.month_plans()[0].status == "published"
    assert not window.publish_button.isEnabled()
    assert "published" in window.status.text()
    window.team.item(0, 5).setText("3")       # frozen: the edit is not taken
    assert window.plan.quotas[0].visits == 11

    pdf = window.save_pdf(path=str(tmp_path / "team.pdf"))
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

    book = load_workbook(window.export_excel(path=str(tmp_path / "plan.xlsx")), read_only=True)
    assert book.sheetnames == ["Team", "S001 王伟", "S002 李娜", "S003 张强"]
    team = [list(r) for r in book["Team"].iter_rows(values_only=True)]
    assert team[1] == ["S001", "王伟", "HD", 4, 4, 11, 1, 16, 0.5, 2]
    tasks = [list(r) for r in book["S003 张强"].iter_rows(values_only=True)]
    assert tasks[1][:4] == ["HB-D-00006", "己贸易有限公司", "D", "2 follow-ups"]


def test_each_adjustment_is_kept_in_the_draft_at_once(qtbot, db, tmp_path, monkeypatch):
    """A crash or a close never loses an adjustment: the window is thrown away unsaved."""
    import shiboken6

    plan_office(db)
    window = open_window(qtbot, db, tmp_path, kept=False)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a)
                        or QMessageBox.StandardButton.Discard)
    window.team.item(0, 5).setText("30")
    assert window.message.text() == "Changed; kept in the draft."
    assert "draft" in window.status.text() and not window.dirty
    window.team.item(2, 9).setText("5")
    shiboken6.delete(window)                  # gone, as in a crash: no Save, no close
    again = open_window(qtbot, db, tmp_path)
    assert again.plan.status == "draft"
    assert row_texts(again.team, 0)[5] == "30" and again.plan.quotas[0].adjusted == {"visits"}
    assert again.plan.quotas[2].new_customers == 5
    assert again.team.item(0, 5).toolTip() == "Proposed: 2"
    again.reject()
    assert asked == []                        # nothing left unkept: closing does not ask


def test_closing_asks_when_a_change_could_not_be_kept(qtbot, db, tmp_path, monkeypatch):
    from tierdesk.core.errors import TierDeskError
    from tierdesk.core.i18n import Message

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    kept = window.archive.planning.save_month_plan

    def refuse(plan, *, publish=False):
        raise TierDeskError(Message("Database", "The database file is read-only."))

    monkeypatch.setattr(window.archive.planning, "save_month_plan", refuse)
    window.team.item(2, 9).setText("5")
    assert window.dirty and window.message.text() == (
        "The change could not be kept in the draft: The database file is read-only.")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.reject()
    assert window.plan.quotas[2].new_customers == 5 and window.dirty
    monkeypatch.setattr(window.archive.planning, "save_month_plan", kept)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    window.reject()
    stored = window.archive.planning.month_plan(dt.date(2026, 12, 1), PLAN_TODAY)
    assert (stored.status, stored.quotas[2].new_customers) == ("draft", 5)


def test_plan_from_the_command_line(db_path, tmp_path, capsys):
    from tierdesk.core.store.db import open_database

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
    kept = window.archive.planning.plan_settings()
    assert (kept.new_customers, kept.region_targets) == (9, {"HB": 5})
    # 华北 (S003 alone) has 5 of its own; the 4 left go to 华东's two.
    assert [q.new_customers for q in window.plan.quotas] == [2, 2, 5]
    assert window.target.value() == 9 and not window.dirty
    stored = window.archive.planning.month_plan(dt.date(2026, 12, 1), PLAN_TODAY)   # kept at once
    assert (stored.status, [q.new_customers for q in stored.quotas]) == ("draft", [2, 2, 5])


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
             for p in PdfReader(window.save_pdf(path=str(tmp_path / "s002.pdf"))).pages]
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
    click(qtbot, window.preview_button)
    assert shown == [3 if whole_team else 1]
    assert window.findChild(QPrintPreviewDialog) is None    # gone, with nothing left to paint


def click(qtbot, button):
    button.window().show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_texts(path):
    return ["".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_save_as_pdf_and_export_buttons_ask_where_and_write(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    asked = []
    answers = iter([str(tmp_path / "team.pdf"), str(tmp_path / "plan.xlsx"), ""])

    def choose(parent, title, name, kinds):
        asked.append((title, Path(name).name))   # in the folder last used
        return next(answers), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    click(qtbot, window.pdf_button)
    assert asked[-1] == ("Save as PDF", "plan-2026-12.pdf")
    assert len(pdf_texts(tmp_path / "team.pdf")) == 3
    assert window.message.text() == f"Saved {tmp_path / 'team.pdf'}"
    click(qtbot, window.excel_button)
    assert asked[-1] == ("Export to Excel", "plan-2026-12.xlsx")
    assert load_workbook(tmp_path / "plan.xlsx", read_only=True).sheetnames[1] == "S001 王伟"
    window.team.selectRow(1)
    window.whole_team.setChecked(False)       # cancelled: nothing written, nothing said
    window.message.setText("")
    click(qtbot, window.pdf_button)
    assert asked[-1] == ("Save as PDF", "plan-2026-12-S002.pdf")
    assert window.message.text() == "" and not (tmp_path / "plan-2026-12-S002.pdf").exists()


def test_whole_team_toggle_chooses_the_sheets(qtbot, db, tmp_path):
    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    window.team.selectRow(2)
    click(qtbot, window.whole_team)
    assert not window.whole_team.isChecked()
    pages = pdf_texts(window.save_pdf(path=str(tmp_path / "one.pdf")))
    assert len(pages) == 1 and "张强(S003)" in pages[0]
    click(qtbot, window.whole_team)
    assert len(pdf_texts(window.save_pdf(path=str(tmp_path / "all.pdf")))) == 3


def test_print_button_prints_on_the_chosen_printer(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    out = tmp_path / "printed.pdf"
    answers = [QPrintDialog.DialogCode.Rejected, QPrintDialog.DialogCode.Accepted]

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return answers.pop(0)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    click(qtbot, window.print_button)         # cancelled: nothing printed
    assert not out.exists()
    click(qtbot, window.print_button)
    pages = pdf_texts(out)
    assert len(pages) == 3 and "王伟(S001)" in pages[0] and "戊贸易有限公司" in pages[0]


def test_save_draft_and_publish_buttons(qtbot, db, tmp_path, monkeypatch):
    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    click(qtbot, window.save_button)
    assert [p.status for p in window.archive.planning.month_plans()] == ["draft"]
    assert window.message.text() == "The draft was saved."
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    click(qtbot, window.publish_button)       # not confirmed: still a draft
    assert window.archive.planning.month_plans()[0].status == "draft"
    click(qtbot, window.publish_button)
    assert window.archive.planning.month_plans()[0].status == "published"
    assert window.message.text() == "The plan was published."
    assert not window.save_button.isEnabled() and not window.publish_button.isEnabled()
    assert not window.team.item(0, 5).flags() & Qt.ItemFlag.ItemIsEditable   # frozen


def test_split_and_targets_buttons(qtbot, db, tmp_path, monkeypatch):
    from tests.helpers import fill_and_save

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    window.target.setValue(7)
    click(qtbot, window.split_button)
    assert [q.new_customers for q in window.plan.quotas] == [3, 2, 2]
    assert [row_texts(window.team, r)[9] for r in range(4)] == ["3", "2", "2", "7"]
    stored = window.archive.planning.month_plan(dt.date(2026, 12, 1), PLAN_TODAY)
    assert [q.new_customers for q in stored.quotas] == [3, 2, 2]
    dialogs, fake_exec = fill_and_save([{"new_customers": "", "per_head": "1",
                                         "region:HB": "4"}])
    monkeypatch.setattr(dialogs, "exec", fake_exec)
    click(qtbot, window.targets_button)
    assert window.archive.planning.plan_settings().region_targets == {"HB": 4}
    assert [q.new_customers for q in window.plan.quotas] == [0, 0, 4]


def test_changing_the_month_reads_its_plan(qtbot, db, tmp_path):
    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    window.team.item(0, 5).setText("30")
    window.month.setDate(dt.date(2027, 1, 1))
    qtbot.waitUntil(lambda: window.plan.month == dt.date(2027, 1, 1))
    assert "2027-01" in window.status.text() and "proposed" in window.status.text()
    assert row_texts(window.team, 0)[5] != "30"
    window.month.setDate(dt.date(2026, 12, 1))
    qtbot.waitUntil(lambda: window.plan.month == dt.date(2026, 12, 1))
    assert row_texts(window.team, 0)[5] == "30" and "draft" in window.status.text()


def test_keyboard_shortcuts_save_the_draft_and_print(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    plan_office(db)
    window = open_window(qtbot, db, tmp_path)
    keys = {s.key().toString(): s for s in window.findChildren(QShortcut)}
    keys[QKeySequence(QKeySequence.StandardKey.Save).toString()].activated.emit()
    assert [p.status for p in window.archive.planning.month_plans()] == ["draft"]

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "keys.pdf"))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    keys[QKeySequence(QKeySequence.StandardKey.Print).toString()].activated.emit()
    assert len(pdf_texts(tmp_path / "keys.pdf")) == 3
