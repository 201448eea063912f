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


@dataclass
class Table:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]


def _display_width(value: object) -> int:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet_title(title: str, part: int) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in title) or "Sheet"
    return clean[:31] if part == 1 else f"{clean[:26]} ({part})"


def write_tables(path: str | Path, tables: Sequence[Table], *,
                 max_rows: int = MAX_ROWS) -> list[str]:
    """Write the tables, one sheet each (continued on "title (2)" ... past ``max_rows``);
    returns the sheet names written. Text is always written as text: a value beginning
    with =, +, -, @, tab or carriage return never becomes a formula."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "default_date_format": "yyyy-mm-dd"})
    bold = book.add_format({"bold": True})
    names: list[str] = []
    end = object()
    try:
        for table in tables:
            source = iter(table.rows)
            following: object = next(source, end)
            part = 0
            while True:
                part += 1
                title = _sheet_title(table.title, part)
                sheet = book.add_worksheet(title)
                names.append(title)
                room = max_rows - 1
                ahead = [] if following is end else [following]
                # Column widths from the first rows (the rest stream straight to the file).
                head = list(islice(chain(ahead, source), min(200, room)))
                widths = [_display_width(h) for h in table.headers]
                for row in head:
                    for i, value in enumerate(row[: len(widths)]):  # type: ignore[index]
                        if value is not None:
                            widths[i] = max(widths[i], min(_display_width(value), 60))
                for i, width in enumerate(widths):
                    sheet.set_column(i, i, max(8, width + 2))
                sheet.write_row(0, 0, list(table.headers), bold)
                sheet.freeze_panes(1, 0)
                written = 1
                for row in chain(head, islice(source, room - len(head))):
                    sheet.write_row(written, 0, row)
                    written += 1
                sheet.autofilter(0, 0, written - 1, max(0, len(table.headers) - 1))
                following = next(source, end)
                if following is end:
                    break
    finally:
        _close(book)
    return names


def _close(book: object) -> None:
    """Close (and so write) the workbook; a file that cannot be created is reported as the
    OSError it is (no such folder, a folder of that name, no permission), as for any file."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        book.close()  # type: ignore[attr-defined]
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise (cause or OSError(str(exc))) from exc
