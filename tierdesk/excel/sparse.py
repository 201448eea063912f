"""Reading an .xlsx sheet by the cells it holds, for a sheet whose used range is far larger than
its cells: a stray cell typed at XFD1 (the last column) or far below the data makes the
parser allocate the whole rectangle, gigabytes for a sheet of a thousand customers.

`is_sparse` tells such a sheet from its declared dimension and the size of its XML;
`read_sparse` then gives its rows as the parser would (rows from the first, columns from the
leftmost cell present, dates as dates, numbers as floats), each row only as long as its own
cells, so memory follows the cells actually present.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, iterparse

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A sheet is read by its cells when its used range has more cells than this and more than
# SPARSE_RATIO per byte of its XML (a cell takes at least ~15 bytes of XML, so a sheet whose
# cells fill its range is far below this).
SPARSE_MIN_AREA = 2_000_000
SPARSE_RATIO = 2
_HEAD_BYTES = 1 << 16
MERGED_ROWS = 30       # the rows where merged cells are spread (reader.HEADER_SCAN_ROWS)
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref=[\"']([A-Z]*)(\d*)(?::([A-Z]+)(\d+))?")
_REF = re.compile(r"([A-Z]+)(\d+)")
# Number formats that show a date (the built-in ones, Chinese ones included).
_DATE_FORMAT_IDS = frozenset((*range(14, 18), 22, *range(27, 37), *range(50, 59)))
_TIME_FORMAT_IDS = frozenset((18, 19, 20, 21, 45, 46, 47))
_QUOTED = re.compile(r"\"[^\"]*\"|\\.|\[[^\]]*\]")


def column_index(letters: str) -> int:
    """A = 0, B = 1, ... XFD = 16383."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def sheet_parts(path: Path) -> dict[str, str]:
    """Each worksheet's name -> its part in the package (xl/worksheets/sheet1.xml ...)."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return {}
        targets = {}
        for _event, node in iterparse(archive.open("xl/_rels/workbook.xml.rels")):
            if node.tag == f"{PACKAGE_REL}Relationship":
                target = node.get("Target", "")
                targets[node.get("Id", "")] = target.lstrip("/") if target.startswith("/") \
                    else posixpath.normpath(posixpath.join("xl", target))
        parts = {}
        for _event, node in iterparse(archive.open("xl/workbook.xml")):
            if node.tag == f"{MAIN}sheet":
                part = targets.get(node.get(f"{REL}id", ""))
                if part in names:
                    parts[node.get("name", "")] = part
        return parts


def is_sparse(path: Path, part: str) -> bool:
    """Whether the sheet's used range is far larger than its cells could fill."""
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo(part).file_size
        with archive.open(part) as stream:
            head = stream.read(_HEAD_BYTES)
    found = _DIMENSION.search(head)
    if found is None or not found.group(3):
        return False
    first_col, first_row, last_col, last_row = found.groups()
    area = (column_index(last_col.decode()) - column_index((first_col or b"A").decode()) + 1) \
        * (int(last_row) - int(first_row or 1) + 1)
    return area > SPARSE_MIN_AREA and area > SPARSE_RATIO * size


@dataclass
class SparseSheet:
    """A sheet read by its cells, shaped as the parser's sheet (iter_rows, merged ranges)."""

    rows: list[list[object]]
    merged_cell_ranges: list[tuple[tuple[int, int], tuple[int, int]]]

    def iter_rows(self) -> Iterator[list[object]]:
        return iter(self.rows)


def read_sparse(path: Path, part: str, date1904: bool = False) -> SparseSheet:
    """The sheet's rows by the cells present (see the module's description)."""
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    cells: list[tuple[int, int, object]] = []
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    with zipfile.ZipFile(path) as archive:
        names = {name.lower(): name for name in archive.namelist()}  # some differ in case
        shared, styles = names.get("xl/sharedstrings.xml"), names.get("xl/styles.xml")
        strings = _shared_strings(archive, shared) if shared else []
        dates = _date_styles(archive, styles) if styles else {}
        with archive.open(part) as stream:
            row_at, column_at = -1, -1      # where a cell without its reference stands
            for event, node in iterparse(stream, events=("start", "end")):
                tag = node.tag
                if event == "start":
                    if tag == f"{MAIN}row":
                        given = node.get("r", "")
                        row_at = int(given) - 1 if given.isdigit() else row_at + 1
                        column_at = -1
                    continue
                if tag == f"{MAIN}c":
                    ref = _REF.match(node.get("r", ""))
                    if ref is not None:
                        row_at, column_at = int(ref.group(2)) - 1, column_index(ref.group(1))
                    else:
                        column_at += 1
                    value = _value(node, strings, dates, epoch)
                    if value not in ("", None):
                        cells.append((row_at, column_at, value))
                    node.clear()
                elif tag == f"{MAIN}row":
                    node.clear()
                elif tag == f"{MAIN}mergeCell":
                    found = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", node.get("ref", ""))
                    if found is not None:
                        merged.append(((int(found.group(2)) - 1, column_index(found.group(1))),
                                       (int(found.group(4)) - 1, column_index(found.group(3)))))
    if not cells:
        return SparseSheet([], [])
    left = min(column for _row, column, _value in cells)
    rows: list[list[object]] = [[] for _ in range(max(row for row, _c, _v in cells) + 1)]
    for row, column, value in cells:
        line = rows[row]
        at = column - left
        if at >= len(line):
            line.extend([""] * (at + 1 - len(line)))
        line[at] = value
    ranges = [((top, lo - left), (bottom, hi - left)) for (top, lo), (bottom, hi) in merged
              if lo >= left]
    right = max(column for _row, column, _value in cells) - left
    for (top, _lo), (bottom, hi) in ranges:   # rows as wide as the merged headers over them
        wide = min(hi, right) + 1
        for line in rows[top:min(bottom + 1, MERGED_ROWS)]:
            if len(line) < wide:
                line.extend([""] * (wide - len(line)))
    return SparseSheet(rows, ranges)


def _value(node: Element, strings: list[str], dates: dict[str, str],
           epoch: dt.datetime) -> object:
    kind = node.get("t", "n")
    if kind == "inlineStr":
        return _unescaped("".join(t.text or "" for t in node.iter(f"{MAIN}t")))
    found = node.find(f"{MAIN}v")
    text = found.text if found is not None else None
    if text is None:
        return ""
    if kind == "s":
        with contextlib.suppress(ValueError, IndexError):
            return strings[int(text)]
        return ""
    if kind in ("str", "e"):
        return _unescaped(text) if kind == "str" else ""
    if kind == "d":                 # a date written as ISO text
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(text.strip().rstrip("Z"))
            return moment.date() if moment.time() == dt.time() else moment
        return text
    if kind == "b":
        return text.strip() == "1"
    try:
        number = float(text)
    except ValueError:
        return text
    shown = dates.get(node.get("s", "0"))
    if shown is None:
        return number
    moment = epoch + dt.timedelta(days=number)
    if shown == "time":
        return moment.time()
    return moment.date() if moment.time() == dt.time() else moment


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(text: str) -> str:
    """Text with the characters XML cannot hold as written (_x000D_ for a carriage return)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _shared_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    strings: list[str] = []
    with archive.open(part) as stream:
        for _event, node in iterparse(stream):
            if node.tag == f"{MAIN}si":
                # The text runs, without the phonetic guide (rPh) some Asian files carry.
                phonetic = {id(t) for r in node.iter(f"{MAIN}rPh") for t in r.iter(f"{MAIN}t")}
                strings.append(_unescaped("".join(t.text or "" for t in node.iter(f"{MAIN}t")
                                                  if id(t) not in phonetic)))
                node.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Cell style index (as text) -> "date" or "time", for the styles that show one."""
    custom: dict[str, str] = {}
    styles: dict[str, str] = {}
    index = 0
    in_cell_xfs = False
    with archive.open(part) as stream:
        for event, node in iterparse(stream, events=("start", "end")):
            if node.tag == f"{MAIN}numFmt" and event == "end":
                custom[node.get("numFmtId", "")] = node.get("formatCode", "")
            elif node.tag == f"{MAIN}cellXfs":
                in_cell_xfs = event == "start"
            elif node.tag == f"{MAIN}xf" and in_cell_xfs and event == "start":
                shown = _shows(node.get("numFmtId", "0"), custom)
                if shown:
                    styles[str(index)] = shown
                index += 1
    return styles


def _shows(format_id: str, custom: dict[str, str]) -> str:
    with contextlib.suppress(ValueError):
        number = int(format_id)
        if number in _DATE_FORMAT_IDS:
            return "date"
        if number in _TIME_FORMAT_IDS:
            return "time"
    code = _QUOTED.sub("", custom.get(format_id, "")).lower()
    if any(c in code for c in "ymd") or "年" in code or "月" in code:
        return "date"
    if "h" in code or "s" in code:
        return "time"
    return ""
