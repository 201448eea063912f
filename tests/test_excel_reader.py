"""The workbook reader on files written by others: read, or refused in one clear line."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from tests.conftest import CORPUS, needs_corpus
from tierdesk.excel.reader import WorkbookRefused, find_header_row, open_workbook

ALL_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")


@needs_corpus
def test_the_corpus_is_there():
    assert len(ALL_FILES) >= 130


@needs_corpus
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_corpus_file_is_read_or_refused_in_one_line(path):
    try:
        book = open_workbook(path)
        book.read_ahead(book.sheet_names)     # as an import reads them
        for name in book.sheet_names:
            try:
                sheet = book.sheet(name)
            except WorkbookRefused as exc:
                assert "\n" not in str(exc) and name in str(exc)
                continue
            assert isinstance(sheet.rows, list)
    except WorkbookRefused as exc:
        message = str(exc)
        assert path.name in message and "\n" not in message and len(message) < 300


@needs_corpus
@pytest.mark.parametrize("name, reason", [
    ("online-retail/online_retail_truncated.xlsx", "damaged or incomplete"),
    ("calamine-tests/pass_protected.xlsx", "password-protected"),
    ("calamine-tests/pass_protected.ods", "password-protected"),
    ("calamine-tests/issue_385.xls", "password-protected"),
    ("calamine-tests/too_small.xls", "cannot be read as a spreadsheet"),
    ("calamine-tests/issue_594_dos.ods", "cannot be read as a spreadsheet"),
])
def test_known_bad_files_are_refused_with_their_reason(name, reason):
    with pytest.raises(WorkbookRefused, match=reason):
        book = open_workbook(CORPUS / name)
        for sheet in book.sheet_names:
            book.sheet(sheet)


@needs_corpus
def test_real_invoice_lines_are_read_with_real_dates():
    book = open_workbook(CORPUS / "online-retail" / "online_retail_II_sample.xlsx")
    assert book.sheet_names == ["Year 2009-2010", "Year 2010-2011"]
    rows = book.sheet("Year 2010-2011").rows
    assert find_header_row(rows) == 0
    assert rows[0][:4] == ["Invoice", "StockCode", "Description", "Quantity"]
    assert isinstance(rows[1][4], dt.datetime)
    assert len(rows) == 20498


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = tmp_path / "customers.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 << 20))
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(WorkbookRefused, match="would unpack to 64 MB, more than the 16 MB"):
        open_workbook(bomb, max_unpacked=16 << 20)


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 with BOM"), ("gbk", "GBK"),
    ("gb18030", "GB18030"),
])
def test_csv_encodings_are_detected(tmp_path, encoding, expected):
    text = "客户名称,联系人,手机\n张三贸易有限公司,李四,13800138000\n"
    if encoding == "gb18030":
        text += "𠀀字号,王五,13900001111\n"  # a character GBK does not have
    path = tmp_path / "客户.csv"
    path.write_bytes(text.encode(encoding))
    book = open_workbook(path)
    assert book.encoding == expected
    assert book.sheet().rows[1] == ["张三贸易有限公司", "李四", "13800138000"]


def test_semicolons_and_tabs_are_recognised(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("name;phone\n甲;13800138000\n", encoding="utf-8")
    assert open_workbook(path).sheet().rows == [["name", "phone"], ["甲", "13800138000"]]


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"\x00\x01\x02binary\x00" * 10, "not a text file"),
    ("客户".encode("utf-16-le") * 50 + b"\xff\xfe\xfd", "not in UTF-8, GBK or GB18030"),
])
def test_bad_text_files_are_refused(tmp_path, content, reason):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(WorkbookRefused, match=reason):
        open_workbook(path)


def test_other_files_are_refused(tmp_path):
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 not a workbook")
    with pytest.raises(WorkbookRefused, match="not a spreadsheet"):
        open_workbook(notes)
    archive = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("photo.jpg", b"jpeg")
    with pytest.raises(WorkbookRefused, match="zip archive, not a spreadsheet"):
        open_workbook(archive)
    with pytest.raises(WorkbookRefused, match="does not exist"):
        open_workbook(tmp_path / "missing.xlsx")


def test_the_header_is_found_under_a_title_row(tmp_path):
    from openpyxl import Workbook as XlsxBook

    book = XlsxBook()
    sheet = book.active
    sheet["A1"] = "客户档案基本资料表"
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["客户名称", "联系人", "联系方式", None])
    sheet.merge_cells("C3:D3")
    sheet.append(["张三贸易有限公司", "李四", "13800138000", "0571-87654321"])
    path = tmp_path / "archive.xlsx"
    book.save(path)
    rows = open_workbook(path).sheet().rows
    assert find_header_row(rows) == 2
    assert find_header_row(rows, known={"客户名称", "联系人"}) == 2
    # A header written across merged cells names every column it covers.
    assert rows[2] == ["客户名称", "联系人", "联系方式", "联系方式"]
    assert rows[0][:4] == ["客户档案基本资料表"] * 4


@needs_corpus
def test_1904_dates_come_out_as_real_dates():
    rows = open_workbook(CORPUS / "calamine-tests" / "date_1904.xlsx").sheet().rows
    dates = [v for row in rows for v in row if isinstance(v, dt.date)]
    assert dates and all(d.year > 1904 for d in dates)


@needs_corpus
def test_a_workbook_counting_dates_from_1904_says_so():
    book = open_workbook(CORPUS / "calamine-tests" / "date_1904.xlsx")
    assert book.date1904 and book.sheet().date1904
    plain = open_workbook(CORPUS / "calamine-tests" / "date.xlsx")
    assert not plain.date1904 and not plain.sheet().date1904


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>')


def test_an_ods_file_counting_dates_from_1904_says_so(tmp_path):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:calculation-settings>'
        '<table:null-date table:date-value="{epoch}"/></table:calculation-settings>'
        '<table:table table:name="Sheet1"><table:table-row><table:table-cell '
        'office:value-type="float" office:value="43894"><text:p>43894</text:p>'
        '</table:table-cell></table:table-row></table:table></office:spreadsheet>'
        '</office:body></office:document-content>')
    for epoch, expected in (("1904-01-01", True), ("1899-12-30", False)):
        path = tmp_path / f"{epoch}.ods"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("META-INF/manifest.xml", MANIFEST)
            archive.writestr("content.xml", content.replace("{epoch}", epoch))
        book = open_workbook(path)
        assert book.date1904 is expected
        assert book.sheet().rows == [[43894.0]]


@needs_corpus
def test_a_chart_sheet_is_refused_alone(tmp_path):
    book = open_workbook(CORPUS / "calamine-tests" / "any_sheets.xlsb")
    assert len(book.sheet("Visible").rows) == 5
    with pytest.raises(WorkbookRefused, match="Chart"):
        book.sheet("Chart")


@needs_corpus
def test_a_missing_sheet_is_named():
    book = open_workbook(CORPUS / "online-retail" / "online_retail_sample.xlsx")
    with pytest.raises(WorkbookRefused, match="no sheet called \"客户\""):
        book.sheet("客户")


def test_repeated_cells_are_read_once_and_numbers_keep_their_kind(tmp_path):
    from openpyxl import Workbook as XlsxBook

    book = XlsxBook()
    sheet = book.active
    sheet.append(["拜访方式", "拜访日期", "数量"])
    for value in (1, 1.5, True, 1.0):
        sheet.append(["上门" + "拜访", dt.datetime(2026, 3, 5), value])
    path = tmp_path / "visits.xlsx"
    book.save(path)
    rows = open_workbook(path).sheet().rows
    assert [row[2] for row in rows[1:]] == [1, 1.5, True, 1]
    assert [type(row[2]) for row in rows[1:]][1:3] == [float, bool]
    # The same text or date on many rows is one object, not a copy per cell.
    assert rows[1][0] == "上门拜访" and all(row[0] is rows[1][0] for row in rows[2:])
    assert all(row[1] is rows[1][1] for row in rows[2:])
    # A sheet let go is read again, the same, when asked for once more.
    opened = open_workbook(path)
    first = opened.sheet()
    assert opened.sheet() is first
    opened.release(opened.sheet_names[0])
    again = opened.sheet()
    assert again is not first and again.rows == first.rows


def test_sheets_read_ahead_are_the_sheets_as_read_when_asked_for(tmp_path):
    from tests.helpers import write_workbook

    sheets = {f"第{n}页": [["客户名称", "日期"], *[[f"客户{n}-{i}", dt.date(2026, 1, 1 + i % 28)]
                                              for i in range(300)]] for n in range(3)}
    path = write_workbook(tmp_path / "three.xlsx", sheets)
    asked = open_workbook(path)
    ahead = open_workbook(path)
    ahead.read_ahead(list(reversed(ahead.sheet_names)))
    for name in asked.sheet_names:
        assert ahead.sheet(name).rows == asked.sheet(name).rows
    # A sheet let go before it is read is read when asked for after all.
    later = open_workbook(path)
    later.read_ahead(later.sheet_names)
    later.release("第2页")
    assert later.sheet("第2页").rows[300][0] == "客户2-299"
    later.close()
    assert later.sheet("第0页").rows[1][0] == "客户0-0"


def test_a_workbook_too_large_to_read_ahead_is_read_when_asked_for(tmp_path, monkeypatch):
    from tests.helpers import write_workbook
    from tierdesk.excel import reader

    path = write_workbook(tmp_path / "two.xlsx", {"甲": [["客户名称"], ["张三"]],
                                                  "乙": [["客户名称"], ["李四"]]})
    book = open_workbook(path)
    assert 0 < book.unpacked < reader.READ_AHEAD_UNPACKED
    monkeypatch.setattr(reader, "READ_AHEAD_UNPACKED", book.unpacked - 1)
    book.read_ahead(book.sheet_names)
    assert not book._ahead                  # its parsed sheets would not fit beside an import
    assert book.sheet("乙").rows == [["客户名称"], ["李四"]]
