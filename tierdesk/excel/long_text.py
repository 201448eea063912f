"""Text longer than a cell holds. Excel keeps at most 32,767 characters in a cell (counted as
UTF-16 does: a character outside the Basic Multilingual Plane counts twice) and cuts what is
longer. A workbook TierDesk writes continues such a text in the cells right after it, under
the headings "<heading> (continued)", "<heading> (continued 2)" ... (in Chinese
"<heading>（续）"); reading a workbook joins them back, so a workbook exported and imported
again gives the same text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tierdesk.core.i18n import QT_TRANSLATE_NOOP

CELL_MOST = 32_767                  # UTF-16 code units in a cell
SURELY_FITS = CELL_MOST // 2        # characters: a text no longer fits whatever it holds
CONTINUED = QT_TRANSLATE_NOOP("Export", "{heading} (continued)")
CONTINUED_AGAIN = QT_TRANSLATE_NOOP("Export", "{heading} (continued {count})")
# A continuation's heading as either language writes it, half- or full-width brackets.
_CONTINUATION = re.compile(r"^(?P<heading>.*?)\s*[(（]\s*(?:continued|续)\s*\d*\s*[)）]$",
                           re.IGNORECASE)
HEADER_ROWS = 30                    # where headings are looked for, as the reader does


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def cells_of(text: str) -> list[str]:
    """``text`` in the pieces that each fit a cell, in order; joined they are the text."""
    if len(text) <= SURELY_FITS or _units(text) <= CELL_MOST:
        return [text]
    if _units(text) == len(text):                  # one unit each: cut by count
        return [text[start:start + CELL_MOST] for start in range(0, len(text), CELL_MOST)]
    pieces, start, room = [], 0, CELL_MOST
    for index, char in enumerate(text):
        size = 2 if ord(char) > 0xFFFF else 1
        if size > room:
            pieces.append(text[start:index])
            start, room = index, CELL_MOST
        room -= size
    pieces.append(text[start:])
    return pieces


def cells_needed(value: object) -> int:
    """How many cells ``value`` takes: more than one only for a text longer than a cell."""
    if not isinstance(value, str) or len(value) <= SURELY_FITS:
        return 1
    return len(cells_of(value))


def continued_heading(heading: str, count: int, translate: object = None) -> str:
    """The heading of the ``count``-th cell continuing the column ``heading`` (from 1)."""
    text = CONTINUED if count == 1 else CONTINUED_AGAIN
    if callable(translate):
        text = translate("Export", text)
    return text.format(heading=heading, count=count)


def _continues(heading: object, main: object) -> bool:
    if not isinstance(heading, str) or not isinstance(main, str) or not main.strip() \
            or not heading.rstrip().endswith((")", "）")):
        return False
    found = _CONTINUATION.match(heading.strip())
    return found is not None and found.group("heading") == main.strip()


def _continuations(row: Sequence[object]) -> dict[int, list[int]]:
    """Column -> the columns after it that continue it, by the headings of ``row``."""
    found: dict[int, list[int]] = {}
    main = None
    for index, heading in enumerate(row):
        if main is not None and _continues(heading, row[main]):
            found.setdefault(main, []).append(index)
        else:
            main = index
    return found


def join_continued(rows: list[list[object]]) -> list[list[object]]:
    """The rows of a sheet with each text continued over several cells joined into its first
    cell, and the continuing columns taken out (the rows are changed in place). A sheet
    without such columns is returned as it is, at the cost of looking at its headings."""
    found = next(((top, groups) for top, groups in enumerate(map(
        _continuations, rows[:HEADER_ROWS])) if groups), None)
    if found is None:
        return rows
    top, groups = found
    dropped = {index for more in groups.values() for index in more}
    for number, row in enumerate(rows):
        if number > top:
            for main, more in groups.items():
                parts = [row[i] for i in more if i < len(row) and row[i] not in (None, "")]
                if parts:
                    first = row[main] if main < len(row) else None
                    row[main] = "".join(str(p) for p in (first, *parts) if p is not None)
        rows[number] = [value for index, value in enumerate(row) if index not in dropped]
    return rows
