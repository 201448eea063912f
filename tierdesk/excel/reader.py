"""Reading the workbooks an office has: .xlsx .xlsm .xlsb .xls .ods (python-calamine) and
.csv in UTF-8 (with or without BOM), GBK or GB18030, detected rather than asked.

Whatever cannot be read is refused with one line a person understands (password-protected,
damaged or cut off, too large when unpacked, not a spreadsheet), before memory runs away and
without a traceback. Nothing here writes to the archive.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import io
import re
import sys
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.excel.long_text import join_continued
from tierdesk.excel.sparse import is_sparse, read_sparse, sheet_parts

CTX = "Workbook"
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt"}
MAX_UNPACKED_BYTES = 1 << 30      # a zip-based workbook that unpacks to more is refused
MAX_TEXT_BYTES = 512 << 20        # a CSV file larger than this is refused
HEADER_SCAN_ROWS = 30
READ_AHEAD_UNPACKED = 256 << 20   # a larger workbook is read one sheet at a time, when needed
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Cell = object  # str, int, float, bool, date, datetime, time, timedelta or None
_NUMBERS = frozenset((int, float, bool))


class WorkbookRefused(TierDeskError):
    """The file cannot be read as a workbook; the message says why in one line."""


def _refuse(path: Path, text: str, **params: object) -> WorkbookRefused:
    return WorkbookRefused(Message(CTX, text, {"name": path.name, **params}))


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]
    # The workbook counts dates from 1904 (older Mac Excel): a date typed as its serial
    # number, a plain number in a date column, counts from there too.
    date1904: bool = False

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Workbook:
    path: Path
    kind: str                                   # "xlsx", "xls", "ods", "csv", ...
    sheet_names: list[str]
    encoding: str | None = None                 # for text files: the encoding detected
    unreadable: dict[str, str] = field(default_factory=dict)  # sheet -> why it was skipped
    _sheets: dict[str, Sheet] = field(default_factory=dict)
    _book: object = None
    _ahead: dict[str, Future[object]] = field(default_factory=dict)  # being parsed (read_ahead)
    _reader: ThreadPoolExecutor | None = None
    unpacked: int = 0             # bytes: what a zip-based file unpacks to, else its size
    date1904: bool = False        # dates count from 1904 (see Sheet)
    # Sheets whose used range is far larger than their cells (a stray cell at XFD1): read by
    # their cells, name -> the sheet's part in the package (see sparse.py).
    sparse: dict[str, str] = field(default_factory=dict)

    def sheet(self, name: str | None = None) -> Sheet:
        """A sheet's rows (the first readable sheet when no name is given)."""
        if name is None:
            if not self.sheet_names:
                raise _refuse(self.path, QT_TRANSLATE_NOOP(
                    "Workbook", "{name} has no sheet with data."))
            name = self.sheet_names[0]
        if name not in self.sheet_names:
            raise _refuse(self.path, QT_TRANSLATE_NOOP(
                "Workbook", "{name} has no sheet called \"{sheet}\"."), sheet=name)
        found = self._sheets.get(name)
        if found is None:
            pending = self._ahead.pop(name, None) or self._read(name)
            found = self._sheets[name] = _read_sheet(self.path, name, pending.result,
                                                     self.date1904)
        return found

    def read_ahead(self, names: Sequence[str]) -> bool:
        """Start reading these sheets, one after the other in this order, on a thread of
        their own: the parser lets go of the interpreter while it works, so a large sheet is
        read while the sheets before it are being imported.

        Not for a workbook that unpacks to more than READ_AHEAD_UNPACKED: parsing a sheet
        takes, for a while, nearly twice its unpacked size in memory (750 MB for a sheet of
        a million visits), which must not come on top of an import's own. Returns whether
        the sheets are read ahead."""
        if self.unpacked > READ_AHEAD_UNPACKED:
            return False
        for name in names:
            if name in self.sheet_names and name not in self._sheets and \
                    name not in self._ahead:
                self._ahead[name] = self._read(name)
        return True

    def _read(self, name: str) -> Future[object]:
        # The parser's part, which lets go of the interpreter; the cells become Python
        # values on the thread that asks for the sheet, not competing with it meanwhile.
        # Every sheet is parsed on the one thread: the parser reads one sheet at a time.
        if self._reader is None:
            self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheets")
        if name in self.sparse:
            return self._reader.submit(read_sparse, self.path, self.sparse[name],
                                       self.date1904)
        return self._reader.submit(self._book.get_sheet_by_name,  # type: ignore[attr-defined]
                                   name)

    def release(self, name: str) -> None:
        """Forget a sheet's rows once they are no longer needed (it is read again if asked
        for): an archive's sheets can hold millions of cells. A text file's only sheet is
        kept: it was read with the file."""
        if self._book is not None:
            self._sheets.pop(name, None)
        pending = self._ahead.pop(name, None)
        if pending is not None:
            pending.cancel()          # not yet begun; one being read is let finish

    def close(self) -> None:
        """Stop reading ahead (a sheet already begun is let finish) and forget the sheets
        read, but for a text file's."""
        for name in list(self._sheets) + list(self._ahead):
            self.release(name)
        if self._reader is not None:
            self._reader.shutdown(wait=False)
            self._reader = None


def open_workbook(path: str | Path, *, max_unpacked: int = MAX_UNPACKED_BYTES) -> Workbook:
    """Open a workbook or CSV file, or refuse it with :class:`WorkbookRefused`."""
    path = Path(path)
    if not path.is_file():
        raise _refuse(path, QT_TRANSLATE_NOOP("Workbook", "{name} does not exist."))
    size = path.stat().st_size
    if size == 0:
        raise _refuse(path, QT_TRANSLATE_NOOP("Workbook", "{name} is empty."))
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES and not head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return _open_text(path, size)
    unpacked, date1904 = size, False
    if head.startswith(ZIP_MAGIC):
        unpacked = _check_zip(path, max_unpacked)
        date1904 = _counts_from_1904(path)
    elif head.startswith(OLE_MAGIC):
        _check_ole(path)
    elif suffix not in SPREADSHEET_SUFFIXES:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is not a spreadsheet (use .xlsx, .xls, .ods or .csv)."))
    book = _open_calamine(path, suffix)
    book.unpacked, book.date1904 = unpacked, date1904
    if head.startswith(ZIP_MAGIC):
        book.sparse = _sparse_sheets(path)
    return book


def _sparse_sheets(path: Path) -> dict[str, str]:
    """The worksheets of an .xlsx or .xlsm file to read by their cells (see sparse.py)."""
    try:
        return {name: part for name, part in sheet_parts(path).items()
                if is_sparse(path, part)}
    except (zipfile.BadZipFile, KeyError, OSError, ParseError):
        return {}   # the parser reads it, or says why it cannot


def _check_zip(path: Path, max_unpacked: int) -> int:
    """The size the workbook unpacks to, or WorkbookRefused."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is damaged or incomplete (perhaps cut off while copying)."),
        ) from None
    if unpacked > max_unpacked:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} would unpack to {size} MB, more than the {limit} MB allowed."),
            size=unpacked >> 20, limit=max_unpacked >> 20)
    if not any(n.startswith(("xl/", "content.xml")) or n == "mimetype" for n in names):
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is a zip archive, not a spreadsheet."))
    return unpacked


# Where a workbook says its dates count from 1904: the workbook part of .xlsx and .xlsm, or the
# calculation settings at the head of an .ods file's content.
_DATE_SETTINGS = (("xl/workbook.xml", re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*?"
                                                  rb"\bdate1904=[\"'](?:1|true)[\"']")),
                  ("content.xml", re.compile(rb"<table:null-date\b[^>]*?"
                                             rb"table:date-value=[\"']1904-01-01")))
_DATE_SETTINGS_BYTES = 1 << 16


def _counts_from_1904(path: Path) -> bool:
    """Whether a zip-based workbook counts its dates from 1904. (The parser turns date cells
    into dates itself; this is for serial numbers typed as plain numbers.) .xls and .xlsb
    keep the setting in binary records and are read as counting from 1900."""
    with contextlib.suppress(zipfile.BadZipFile, KeyError, OSError), \
            zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for part, setting in _DATE_SETTINGS:
            if part in names:
                with archive.open(part) as stream:
                    return setting.search(stream.read(_DATE_SETTINGS_BYTES)) is not None
    return False


def _check_ole(path: Path) -> None:
    # An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream.
    with path.open("rb") as handle:
        start = handle.read(1 << 20)
    if "EncryptedPackage".encode("utf-16-le") in start:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is password-protected; save an unprotected copy and try again."))


def _open_calamine(path: Path, suffix: str) -> Workbook:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
    except pc.PasswordError:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is password-protected; save an unprotected copy and try again."),
        ) from None
    except Exception as exc:  # every reader error: the file is not what its name says
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} cannot be read as a spreadsheet: {reason}"),
            reason=_first_line(exc)) from None
    return Workbook(path, suffix.lstrip(".") or "xlsx", names, _book=book)


def _read_sheet(path: Path, name: str, parsed: Callable[[], Any],
                date1904: bool = False) -> Sheet:
    """The rows of a sheet as ``parsed`` gives it (the parser's sheet), or WorkbookRefused."""
    try:
        sheet = parsed()
        # One object per distinct value: an archive's sheets repeat their dates, channels
        # and stock phrases on every row, and a copy for each cell would hold a million
        # rows many times over in memory.
        # Numbers are left as they are: 1, 1.0 and True are equal keys of a dict.
        seen: dict[Cell, Cell] = {}
        same = seen.setdefault
        rows = [[value if value.__class__ in _NUMBERS else same(value, value)
                 for value in row] for row in sheet.iter_rows()]
        merged = sheet.merged_cell_ranges or []
    except Exception as exc:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "The sheet \"{sheet}\" of {name} cannot be read: {reason}"),
            sheet=name, reason=_first_line(exc)) from None
    del sheet, seen
    _return_freed_memory()
    return Sheet(name, join_continued(_spread_merged(rows, merged)), date1904)


def _return_freed_memory() -> None:
    """Give the memory the parser has just freed back to the system. The parsed sheet of a
    million rows takes hundreds of megabytes, which the C library otherwise keeps for
    itself, while the rows made from it are held in memory the interpreter asks for anew."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):   # a C library without it
        ctypes.CDLL(None).malloc_trim(0)


def _spread_merged(rows: list[list[Cell]],
                   merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[list[Cell]]:
    """Give every cell of a merged range near the top the range's value, so that a header
    written across merged cells ("联系方式" over two columns) names each column."""
    for (top, left), (bottom, right) in merged:
        if top >= HEADER_SCAN_ROWS or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        if value in ("", None):
            continue
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(left, min(right, len(row) - 1) + 1):
                if row[c] in ("", None):
                    row[c] = value
    return rows


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]


# -- text files ---------------------------------------------------------------------------------
ENCODINGS = (("utf-8-sig", "UTF-8 with BOM"), ("utf-8", "UTF-8"), ("gbk", "GBK"),
             ("gb18030", "GB18030"))


def detect_encoding(data: bytes) -> tuple[str, str]:
    """(codec, name) of the first of UTF-8 with BOM, UTF-8, GBK, GB18030 that decodes ``data``
    without error."""
    for codec, name in ENCODINGS:
        if codec == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec, name
    raise UnicodeDecodeError("tierdesk", data[:1], 0, 1, "not UTF-8, GBK or GB18030")


def _open_text(path: Path, size: int) -> Workbook:
    if size > MAX_TEXT_BYTES:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is {size} MB, more than the {limit} MB allowed."),
            size=size >> 20, limit=MAX_TEXT_BYTES >> 20)
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is not a text file (it holds binary data)."))
    try:
        codec, name = detect_encoding(data)
    except UnicodeDecodeError:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} is not in UTF-8, GBK or GB18030; save it as CSV UTF-8."),
        ) from None
    text = data.decode(codec)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:65536], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows: list[list[Cell]] = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise _refuse(path, QT_TRANSLATE_NOOP(
            "Workbook", "{name} cannot be read as CSV: {reason}"), reason=_first_line(exc),
        ) from None
    workbook = Workbook(path, "csv", [path.stem], encoding=name)
    workbook._sheets[path.stem] = Sheet(path.stem, join_continued(rows))
    return workbook


# -- the header row -----------------------------------------------------------------------------
def _label(value: Cell) -> str:
    if not isinstance(value, str):
        return ""
    from tierdesk.core.customers.search_key import normalise_query

    return normalise_query(value)


def find_header_row(rows: list[list[Cell]], known: set[str] | None = None) -> int:
    """The row holding the column names, even under title rows ("客户档案基本资料表").

    With ``known`` (normalised column names the caller understands) the row naming most of
    them wins; otherwise, or when none is named, the first row with at least two text cells
    whose next row has data."""
    scan = rows[:HEADER_SCAN_ROWS]
    if known:
        scores = [sum(1 for v in row if _label(v) in known) for row in scan]
        if scores and max(scores) >= 1:
            return scores.index(max(scores))
    for index, row in enumerate(scan):
        texts = [v for v in row if isinstance(v, str) and v.strip()]
        following = rows[index + 1] if index + 1 < len(rows) else []
        if len(texts) >= 2 and any(v not in ("", None) for v in following):
            return index
    return 0
