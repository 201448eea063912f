"""A text longer than an Excel cell holds (32,767 characters) leaves in an export whole: it goes
on in the cells after it, under "(continued)" headings, the export says so, and importing the
workbook joins it again. Such texts come from archives written before input was limited, or
merged from a laptop."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from tests.actions_support import open_main_window
from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.store.db import open_database
from tierdesk.core.store.models import Customer, Visit
from tierdesk.excel import export
from tierdesk.excel.importer import write_refused_rows
from tierdesk.excel.long_text import CELL_MOST
from tierdesk.excel.reader import open_workbook
from tierdesk.excel.workbook_import import import_workbook
from tierdesk.excel.writer import CellOverflow, Table, write_tables

# 40,000 characters: two cells. 70,000 characters, some outside the Basic Multilingual
# Plane (two UTF-16 units each, as Excel counts them) and with line breaks: three cells.
FORTY = "记" * 39_999 + "尾"
SEVENTY = ("段落😀\n" * 17_500)[:-1] + "。"


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def old_texts(db, **notes: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Customers whose notes were written before the limits on input: set in the archive as
    it holds them. Returns number -> notes."""
    numbers = {}
    for index, (name, text) in enumerate(notes.items()):
        cid = make_customer(db, name, mobile=f"1380013800{index}")
        with db.write() as session:
            customer = session.get(Customer, cid)
            customer.notes = text
            numbers[customer.number] = text
    return numbers


def fresh_archive(template_db, tmp_path):  # type: ignore[no-untyped-def]
    copy = tmp_path / "elsewhere.sqlite"
    shutil.copyfile(template_db, copy)
    return open_database(copy)


def test_notes_of_40000_and_70000_characters_round_trip_through_an_import_exactly(
        db, template_db, tmp_path):
    numbers = old_texts(db, 甲公司=FORTY, 乙公司=SEVENTY)
    path = tmp_path / "customers.xlsx"
    written = export.export_workbook(db, path, ("customers",))
    assert [(c.sheet, c.heading, c.texts, c.cells) for c in written.continued] == [
        ("Customers", "Notes", 2, 3)]
    sheet = load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-3:] == ("Notes", "Notes (continued)", "Notes (continued 2)")
    assert all(utf16(v) <= CELL_MOST for row in rows for v in row if isinstance(v, str))
    other = fresh_archive(template_db, tmp_path)
    try:
        outcome = import_workbook(other, open_workbook(path))
        assert outcome.refused == []
        with other.read() as session:
            back = {n: t for n, t in session.execute(select(Customer.number, Customer.notes))}
    finally:
        other.close()
    assert back == numbers


def test_a_summary_over_the_limit_leaves_whole_and_an_import_refuses_it_saying_so(
        db, template_db, tmp_path):
    customer = make_customer(db, "甲公司")
    archive = Archive(db)
    archive.customers.add_visit(customer, VisitInput(visit_date=dt.date(2024, 5, 1),
                                                     summary="报价"))
    with db.write() as session:
        session.scalars(select(Visit)).one().summary = FORTY
    path = tmp_path / "all.xlsx"
    written = export.export_workbook(db, path)
    assert [(c.sheet, c.heading, c.cells) for c in written.continued] == [
        ("Visits", "What was discussed", 2)]
    other = fresh_archive(template_db, tmp_path)
    try:
        outcome = import_workbook(other, open_workbook(path))
        refused = [(p.sheet, p.row, p.column, p.render()) for p in outcome.refused]
        assert refused == [("Visits", 2, "What was discussed", "This text is 40,000 characters "
                            "long; at most 5,000 are allowed.")]
        fix = tmp_path / "refused.xlsx"
        write_refused_rows([s.plan for s in outcome.sheets], str(fix))
    finally:
        other.close()
    kept = open_workbook(fix).sheet("Visits").rows          # the row to fix, whole
    assert kept[1][kept[0].index("What was discussed")] == FORTY


def test_the_reader_joins_what_the_writer_continued_whatever_the_characters(tmp_path):
    path = tmp_path / "t.xlsx"
    texts = [FORTY, SEVENTY, "短", "😀" * 40_000]
    write_tables(path, [Table("表", ["编号", "内容", "之后"],
                              [[i, text, f"after {i}"] for i, text in enumerate(texts)])])
    rows = open_workbook(path).sheet().rows
    assert rows[0] == ["编号", "内容", "之后"]
    assert [row[1] for row in rows[1:]] == texts
    assert [row[2] for row in rows[1:]] == [f"after {i}" for i in range(4)]


def test_the_continued_headings_are_in_the_language_of_the_export(db, tmp_path):
    old_texts(db, 甲公司=FORTY)
    chinese = {("Export", "{heading} (continued)"): "{heading}（续）",
               ("Columns", "Notes"): "备注"}
    path = tmp_path / "zh.xlsx"
    export.export_workbook(db, path, ("customers",),
                           tr=lambda context, text: chinese.get((context, text), text))
    headers = next(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert headers[-2:] == ("备注", "备注（续）")
    assert open_workbook(path).sheet().rows[1][-1] == FORTY


def test_the_command_line_says_which_column_was_continued(db, db_path, tmp_path, capsys):
    old_texts(db, 甲公司=SEVENTY)
    out = tmp_path / "out.xlsx"
    assert main(["--db", str(db_path), "export", "customers", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"Wrote {out}: sheets Customers" in said
    assert ('Sheet "Customers", column "Notes": 1 texts are longer than an Excel cell holds '
            '(32,767 characters)') in said
    assert "the longest over 3 cells" in said


def test_the_window_says_which_column_was_continued(qtbot, db, tmp_path, monkeypatch):
    old_texts(db, 甲公司=FORTY)
    window = open_main_window(qtbot, db, tmp_path)
    target = tmp_path / "TierDesk.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a: told.append(text))
    window.export_excel(everything=True)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert told[0].startswith(f"Exported to {target}")
    assert 'Sheet "Customers", column "Notes": 1 texts are longer' in told[0]
    assert window.statusBar().currentMessage() == f"Exported to {target}"
    assert open_workbook(target).sheet("Customers").rows[1][-1] == FORTY


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook_with_its_continued_cells(db, tmp_path):
    old_texts(db, 甲公司=FORTY, 乙公司=SEVENTY)
    path = tmp_path / "customers.xlsx"
    export.export_workbook(db, path, ("customers",))
    done = subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv "
                           "(StarCalc):44,34,76", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "customers.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-3:] == ["Notes", "Notes (continued)", "Notes (continued 2)"]
    assert sorted("".join(row[-3:]) for row in rows[1:]) == sorted([FORTY, SEVENTY])
    assert sorted(open_workbook(tmp_path / "customers.csv").sheet().rows[i][-1]
                  for i in (1, 2)) == sorted([FORTY, SEVENTY])


def test_the_export_report_says_nothing_when_every_text_fits(db, tmp_path):
    make_customer(db)
    written = export.export_workbook(db, tmp_path / "plain.xlsx")
    assert list(written) == ["Customers", "Visits", "Orders", "Payments"]
    assert written.continued == []


def test_a_text_the_writer_was_not_told_of_is_refused_never_cut(tmp_path):
    path = tmp_path / "t.xlsx"
    streamed = iter([["甲", "短"], ["乙", FORTY]])       # not counted before writing
    with pytest.raises(CellOverflow) as refused:
        write_tables(path, [Table("表", ["名称", "内容"], streamed)])
    assert str(refused.value.message) == ('A text in the column "内容" of the sheet "表" is '
                                          'longer than a cell holds; nothing was written.')
    assert list(tmp_path.iterdir()) == []
