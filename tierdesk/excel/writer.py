"""Workbooks people like to receive: a bold frozen header with autofilter, sensible column
widths, dates as real dates, amounts as numbers, Chinese text intact, and no text that Excel
would run as a formula. A sheet holds at most 1,048,576 rows; longer tables continue on
further sheets."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

MAX_ROWS = 1_048_576
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


@dataclass
class Table:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]


def _display_width(value: object) -> int:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_tables(path: str | Path, tables: Sequence[Table], *,
                 max_rows: int = MAX_ROWS) -> list[str]:
    """Write the tables, one sheet each (continued on "title (2)" ... past ``max_rows``);
    returns the sheet names written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    names: list[str] = []
    end = object()
    for table in tables:
        source = iter(table.rows)
        following: object = next(source, end)
        part = 0
        while True:
            part += 1
            title = table.title[:31] if part == 1 else f"{table.title[:26]} ({part})"
            sheet = book.create_sheet(title)
            names.append(title)
            sheet.freeze_panes = "A2"
            room = max_rows - 1
            ahead = [] if following is end else [following]
            # Column widths must be set before rows stream out: measure the first rows.
            head = list(islice(chain(ahead, source), min(200, room)))
            widths = [_display_width(h) for h in table.headers]
            for row in head:
                for i, value in enumerate(row[: len(widths)]):  # type: ignore[index]
                    if value is not None:
                        widths[i] = max(widths[i], min(_display_width(value), 60))
            for i, width in enumerate(widths, start=1):
                sheet.column_dimensions[get_column_letter(i)].width = max(8, width + 2)
            header_cells = []
            for header in table.headers:
                cell = WriteOnlyCell(sheet, value=header)
                cell.font = bold
                header_cells.append(cell)
            sheet.append(header_cells)
            written = 1
            for row in chain(head, islice(source, room - len(head))):
                sheet.append([_cell(sheet, v, WriteOnlyCell) for v in row])  # type: ignore[attr-defined]
                written += 1
            last_column = get_column_letter(max(1, len(table.headers)))
            sheet.auto_filter.ref = f"A1:{last_column}{written}"
            following = next(source, end)
            if following is end:
                break
    book.save(str(path))
    return names


def _cell(sheet, value: object, cell_type):  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        cell = cell_type(sheet, value=value)
        cell.data_type = "s"  # never a formula, whatever it starts with
        return cell
    if isinstance(value, dt.datetime):
        cell = cell_type(sheet, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = cell_type(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value
