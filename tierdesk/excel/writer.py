"""Workbooks people like to receive: a bold frozen header with autofilter, sensible column
widths, dates as real dates, amounts as numbers, Chinese text intact, and no text that Excel
would run as a formula. A sheet holds at most 1,048,576 rows; longer tables continue on
further sheets. A text longer than a cell holds continues in the cells after it (see
long_text.py); nothing is cut. The workbook is written whole or not at all (whole_file)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import cast

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.whole_file import whole_file
from tierdesk.excel.long_text import SURELY_FITS, cells_needed, cells_of, continued_heading

MAX_ROWS = 1_048_576


@dataclass
class Table:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    # Column -> the cells its longest text takes, where that is more than one: the text is
    # continued in the cells after it. None: counted from the rows, if they are a list.
    cells: dict[int, int] | None = None
    translate: Callable[[str, str], str] | None = None    # the headings' language


@dataclass(frozen=True)
class Continued:
    """A column whose longer texts were continued in the cells after it."""

    sheet: str
    heading: str
    texts: int          # how many of its texts were continued
    cells: int          # the cells the longest one takes

    def message(self) -> Message:
        """What the person exporting is told."""
        return Message("Export", QT_TRANSLATE_NOOP(
            "Export", "Sheet \"{sheet}\", column \"{heading}\": {texts:,} texts are longer than "
                      "an Excel cell holds (32,767 characters); each goes on in the columns "
                      "after it, headed \"(continued)\", the longest over {cells} cells. "
                      "Importing the workbook joins them again."),
            {"sheet": self.sheet, "heading": self.heading, "texts": self.texts,
             "cells": self.cells})


class SheetsWritten(list[str]):
    """The names of the sheets written, in order; ``continued``: the columns holding text
    longer than a cell, continued in the cells after them."""

    def __init__(self) -> None:
        super().__init__()
        self.continued: list[Continued] = []


class CellOverflow(TierDeskError):
    """A value would not fit its cell; nothing was written."""


def _display_width(value: object, most: int = 1 << 30) -> int:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return min(most, sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1
                         for ch in text[:most]))


def _sheet_title(title: str, part: int) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in title) or "Sheet"
    return clean[:31] if part == 1 else f"{clean[:26]} ({part})"


def write_tables(path: str | Path, tables: Sequence[Table], *,
                 max_rows: int = MAX_ROWS) -> SheetsWritten:
    """Write the tables, one sheet each (continued on "title (2)" ... past ``max_rows``);
    returns the sheet names written. Text is always written as text: a value beginning
    with =, +, -, @, tab or carriage return never becomes a formula. On any failure
    nothing is left at ``path`` but what was there before."""
    import xlsxwriter

    written = SheetsWritten()
    with whole_file(path) as partial:
        book = xlsxwriter.Workbook(str(partial), {
            "constant_memory": True, "strings_to_formulas": False,
            "strings_to_numbers": False, "strings_to_urls": False,
            "default_date_format": "yyyy-mm-dd"})
        try:
            bold = book.add_format({"bold": True})
            for table in tables:
                _write_table(book, table, bold, max_rows, written)
        except BaseException:
            _discard(book)
            raise
        _close(book)
    return written


def _write_table(book: object, table: Table, bold: object, max_rows: int,
                 written: SheetsWritten) -> None:
    cells = table.cells if table.cells is not None else _counted(table.rows)
    spread = _Spread(cells)
    headers = spread.headers(table.headers, table.translate)
    source: Iterator[Sequence[object]] = map(spread.row, table.rows) if spread.cells \
        else iter(table.rows)
    end = object()
    following: object = next(source, end)
    first_title = _sheet_title(table.title, 1)
    part = 0
    while True:
        part += 1
        title = _sheet_title(table.title, part)
        sheet = book.add_worksheet(title)  # type: ignore[attr-defined]
        written.append(title)
        room = max_rows - 1
        ahead = [] if following is end else [following]
        # Column widths from the first rows (the rest stream straight to the file).
        head = list(islice(chain(ahead, source), min(200, room)))
        widths = [_display_width(h) for h in headers]
        for row in head:
            for i, value in enumerate(row[: len(widths)]):  # type: ignore[index]
                if value is not None:
                    widths[i] = max(widths[i], _display_width(value, 60))
        for i, width in enumerate(widths):
            sheet.set_column(i, i, max(8, width + 2))
        sheet.write_row(0, 0, headers, bold)
        sheet.freeze_panes(1, 0)
        number = 1
        for row in chain(head, islice(source, room - len(head))):
            if sheet.write_row(number, 0, row):   # a text cut, a cell beyond the sheet
                raise _overflow(title, headers, cast(Sequence[object], row))
            number += 1
        sheet.autofilter(0, 0, number - 1, max(0, len(headers) - 1))
        following = next(source, end)
        if following is end:
            break
    written.continued.extend(
        Continued(first_title, table.headers[i], count, spread.cells[i])
        for i, count in spread.texts.items() if count)


def _counted(rows: Iterable[Sequence[object]]) -> dict[int, int]:
    """Column -> cells its longest text takes, where more than one, for rows held in a list
    (rows that stream by are counted by whoever makes them: see export.py)."""
    found: dict[int, int] = {}
    if not isinstance(rows, (list, tuple)):
        return found
    for row in rows:
        for index, value in enumerate(row):
            if value.__class__ is str and len(value) > SURELY_FITS:  # type: ignore[arg-type]
                needed = cells_needed(value)
                if needed > found.get(index, 1):
                    found[index] = needed
    return found


class _Spread:
    """Rows with each text longer than a cell spread over the cells after it."""

    def __init__(self, cells: dict[int, int]) -> None:
        self.cells = {index: count for index, count in sorted(cells.items()) if count > 1}
        self.texts = dict.fromkeys(self.cells, 0)

    def headers(self, headers: Sequence[str],
                translate: Callable[[str, str], str] | None) -> list[str]:
        out: list[str] = []
        for index, heading in enumerate(headers):
            out.append(heading)
            out.extend(continued_heading(heading, count, translate)
                       for count in range(1, self.cells.get(index, 1)))
        return out

    def row(self, row: Sequence[object]) -> list[object]:
        out: list[object] = []
        start = 0
        for index, count in self.cells.items():
            out.extend(row[start:index])
            value = row[index] if index < len(row) else None
            pieces: list[object] = list(cells_of(value)) if isinstance(value, str) else [value]
            if len(pieces) > 1:
                self.texts[index] += 1
            if len(pieces) > count:     # more than counted: left too long, and refused
                pieces[count - 1:] = ["".join(str(p) for p in pieces[count - 1:])]
            out.extend(pieces)
            out.extend([None] * (count - len(pieces)))
            start = index + 1
        out.extend(row[start:])
        return out


def _overflow(sheet: str, headers: Sequence[str], row: Sequence[object]) -> CellOverflow:
    heading = next((headers[i] if i < len(headers) else str(i + 1)
                    for i, value in enumerate(row) if cells_needed(value) > 1), "")
    return CellOverflow(Message("Export", QT_TRANSLATE_NOOP(
        "Export", "A text in the column \"{heading}\" of the sheet \"{sheet}\" is longer "
                  "than a cell holds; nothing was written."),
        {"heading": heading, "sheet": sheet}))


def _discard(book: object) -> None:
    """Let go of a workbook that is not to be written: the row files its sheets keep in the
    temporary folder (constant_memory) are removed, and closing it writes nothing."""
    for sheet in book.worksheets():  # type: ignore[attr-defined]
        with contextlib.suppress(Exception):
            sheet._opt_close()
        name = getattr(sheet, "row_data_filename", None)
        if name:
            with contextlib.suppress(OSError):
                os.unlink(name)
    book.fileclosed = True  # type: ignore[attr-defined]


def _close(book: object) -> None:
    """Close (and so write) the workbook; a file that cannot be created is reported as the
    OSError it is (no such folder, a folder of that name, no permission), as for any file."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        book.close()  # type: ignore[attr-defined]
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise (cause or OSError(str(exc))) from exc
