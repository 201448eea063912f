"""A sheet whose used range is far larger than its cells (a stray cell at XFD1, or far below
the data) is read by the cells present: the import works and its memory stays small."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import CORPUS, needs_corpus
from tests.test_office_workbook import office_workbook
from tierdesk.core.store.models import Customer
from tierdesk.excel.reader import _read_sheet, open_workbook
from tierdesk.excel.sparse import read_sparse, sheet_parts

ROOT = Path(__file__).resolve().parent.parent     # this checkout, imported by the child
# The child imports the workbook through the command line with its address space capped, so a
# reader that allocates the used range fails there instead of taking the machine's memory.
CHILD = textwrap.dedent("""
    import json, resource, sys
    limit = 1536 << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from tierdesk.cli import main
    code = main(["--db", sys.argv[1], "import", sys.argv[2], "--json"])
    # The high-water mark of this program's own memory (getrusage's would count the
    # parent's, which a new process inherits on Linux).
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) >> 10
    print(json.dumps({"status": code, "peak_mb": peak}))
""")


def archive_with_stray_cell(path, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("客户档案")
    sheet.write_row(0, 0, ["客户编号", "客户名称", "电话", "客户级别", "建档日期"])
    for i in range(1, 1001):
        sheet.write_row(i, 0, [f"KH{i:04d}", f"测试{i}贸易有限公司", f"138{i:08d}", "B级"])
        sheet.write_datetime(i, 4, dt.datetime(2024, 1 + i % 12, 1 + i % 28), day)
    sheet.write(row, column, "x")
    book.close()


@pytest.mark.parametrize(("row", "column"), [(0, 16383), (19999, 16383)],
                         ids=["XFD1", "XFD20000"])
def test_a_stray_cell_far_out_neither_aborts_the_import_nor_takes_the_memory(
        db_path, tmp_path, row, column):
    from tierdesk.core.store.db import Database

    source = tmp_path / "客户档案.xlsx"
    archive_with_stray_cell(source, row, column)
    assert source.stat().st_size < 64 << 10
    done = subprocess.run([sys.executable, "-c", CHILD, str(db_path), str(source)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["status"] == 0
    assert result["peak_mb"] < 250
    db = Database(f"sqlite:///{db_path}")
    try:
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 1000
            kh = session.scalars(select(Customer).where(Customer.number == "KH0007")).one()
            assert (kh.name, kh.mobile, kh.tier, kh.customer_since) == (
                "测试7贸易有限公司", "13800000007", "B", dt.date(2024, 8, 8))
    finally:
        db.close()


def test_a_sheet_read_by_its_cells_reads_as_the_parser_reads_it(tmp_path):
    """The cell reader gives the rows the parser gives, value for value."""
    path = tmp_path / "book.xlsx"
    office_workbook(path, customers=40, visits=60)
    book = open_workbook(path)
    assert book.sparse == {}          # an ordinary workbook is left to the parser
    parts = sheet_parts(path)
    for name in book.sheet_names:
        ours = [_trimmed(r) for r in read_sparse(path, parts[name]).iter_rows()]
        theirs = [_trimmed(r) for r in book.sheet(name).rows]
        assert ours == theirs


def _trimmed(row: list[object]) -> list[object]:
    row = list(row)
    while row and row[-1] in ("", None):
        row.pop()
    return row


CALAMINE_TESTS = CORPUS / "calamine-tests"
# Where reading by the cells differs from the parser, and why that does not matter to an
# import: durations ([h]:mm:ss) come as date-times, times written as ISO text stay text, and
# the parser places a sheet whose first cells are empty one column further right.
DIFFERENT = {"date.xlsx", "date_1904.xlsx", "date_iso.xlsx", "issue446.xlsx"}


@needs_corpus
def test_every_sheet_of_the_corpus_reads_by_its_cells_as_the_parser_reads_it():
    from tierdesk.excel.values import text_of

    compared = 0
    for path in sorted(CALAMINE_TESTS.glob("*.xls[xm]")):
        try:
            book, parts = open_workbook(path), sheet_parts(path)
        except Exception:  # refused, or not a zip: the reader says why elsewhere
            continue
        for name in book.sheet_names:
            if name not in parts or path.name in DIFFERENT:
                continue
            try:
                theirs = book.sheet(name).rows
            except Exception:
                continue
            ours = _read_sheet(path, name, partial(read_sparse, path, parts[name],
                                                   book.date1904)).rows

            def shown(rows):  # type: ignore[no-untyped-def]
                found = [_trimmed([text_of(v) for v in r]) for r in rows]
                while found and not found[-1]:
                    found.pop()
                return found
            assert shown(ours) == shown(theirs), (path.name, name)
            compared += 1
    assert compared >= 90
