"""Printing month plans: one A4 sheet per salesperson (continued on further pages when the
task list is long), every salesperson starting on a new page, with a CJK font embedded.

The sheets are drawn with QPainter, so the same drawing goes to a PDF file, to a printer and
to the print preview. Nothing is cut short: a text too long for its cell wraps and its row
grows, column headers included; the signature lines stay on the page of the list's end. A
salesperson's printed task list stops after PRINT_MOST lines and says how many more there are;
the workbook export has them all."""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import accumulate

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.planning.plans import Plan, Quota
from tierdesk.core.whole_file import whole_file
from tierdesk.render.fonts import cjk_font_family
from tierdesk.render.pdf import ensure_gui_application
from tierdesk.reports.labels import Translate
from tierdesk.reports.plan_report import CTX, Sheet, sheet

PRINT_MOST = 300
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
WRAP = int(_TOP_LEFT | Qt.TextFlag.TextWordWrap)
WRAP_ANYWHERE = int(_TOP_LEFT | Qt.TextFlag.TextWrapAnywhere)   # a word wider than its cell
BLACK = QColor("#000000")
# The task list's columns: number, customer, tier, what, why, last contact. The number, the
# tier and the last contact are as wide as their widest entry (at most FIXED_MOST of the
# page); the customer, what is due and why share the rest in these proportions.
FIXED = (0, 2, 5)
FIXED_MOST = 0.16
SHARED = {1: 0.29, 3: 0.27, 4: 0.44}
CONTINUED = QT_TRANSLATE_NOOP("Plan", "{title} · {who} · continued")
PAGE = QT_TRANSLATE_NOOP("Plan", "{code} · page {page} of {pages}")
MORE = QT_TRANSLATE_NOOP("Plan", "… and {count} more task lines: see the workbook export of "
                                 "this plan.")
SIGN = (QT_TRANSLATE_NOOP("Plan", "Salesperson's signature"),
        QT_TRANSLATE_NOOP("Plan", "Manager's signature"),
        QT_TRANSLATE_NOOP("Plan", "Date"))


def a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))


class _Painter:
    """Draws sheets on a paged device, keeping track of the pen's height on the page."""

    def __init__(self, device: QPagedPaintDevice, tr: Translate) -> None:
        self.device, self.tr = device, tr
        self.painter = QPainter(device)
        family = cjk_font_family()
        dpi = device.logicalDpiY()
        self.fonts = {}
        for name, size, bold in (("title", 15, True), ("body", 9, False), ("bold", 9, True),
                                 ("big", 12, True), ("small", 7.5, False),
                                 ("row", 7.5, False), ("head", 7.5, True)):
            font = QFont(family) if family else QFont()
            font.setPointSizeF(size)
            font.setBold(bold)
            self.fonts[name] = font
        self.metrics = {name: QFontMetricsF(font, device) for name, font in self.fonts.items()}
        # An upper bound of each character's width (a whole em, the width of a Chinese
        # character, which no other character exceeds) tells without measuring that most
        # texts fit on one line: measuring costs as much as drawing.
        self.em = {name: metrics.horizontalAdvance("国") * 1.02 for name, metrics in
                   self.metrics.items()}
        self._wraps: dict[tuple[str, str, float], tuple[int, float] | None] = {}
        self.width = float(device.width())
        self.height = float(device.height())
        self.line = self.metrics["body"].height() * 1.35
        self.row_line = self.metrics["row"].height() * 1.15
        self.pad = dpi * 0.03
        self.bottom = self.height - 1.5 * self.line     # where the footer begins
        self.first_page = True

    def _wrap(self, font: str, text: str, room: float) -> tuple[int, float] | None:
        """None when the text fits on one line in ``room``; otherwise how to wrap it (flags)
        and the height of its lines beyond the first."""
        if len(text) * self.em[font] <= room:
            return None
        key = (font, text, room)
        if key not in self._wraps:
            metrics = self.metrics[font]
            found = None
            if metrics.horizontalAdvance(text) > room:
                box = QRectF(0, 0, room, 1e9)
                flags = WRAP
                if metrics.boundingRect(box, flags, text).width() > room + 0.5:
                    flags = WRAP_ANYWHERE
                lines = round(metrics.boundingRect(box, flags, text).height()
                              / metrics.lineSpacing())
                found = (flags, max(0, lines - 1) * metrics.lineSpacing())
            self._wraps[key] = found
        return self._wraps[key]

    def height_of(self, font: str, w: float, text: str, line: float) -> float:
        """The height ``text`` takes in a cell ``w`` wide whose first line is ``line``."""
        wrap = self._wrap(font, text, w - 2 * self.pad)
        return line if wrap is None else line + wrap[1]

    def text(self, font: str, x: float, y: float, w: float, h: float, text: str,
             align: int = LEFT) -> None:
        """Text in a cell whose first line is ``h`` high: on one line, centred in it, when it
        fits; otherwise wrapped onto as many lines as it needs below (never cut short)."""
        painter, metrics = self.painter, self.metrics[font]
        painter.setFont(self.fonts[font])
        painter.setPen(BLACK)
        room = w - 2 * self.pad
        wrap = self._wrap(font, text, room)
        top = y + (h - metrics.height()) / 2
        if wrap is not None:
            painter.drawText(QRectF(x + self.pad, top, room, metrics.height() + wrap[1] + h),
                             wrap[0], text)
        elif align == LEFT:        # drawn on its baseline: the quickest way
            painter.drawText(QPointF(x + self.pad, top + metrics.ascent()), text)
        else:
            painter.drawText(QRectF(x + self.pad, y, room, h), align, text)

    def new_page(self) -> None:
        if not self.first_page:
            self.device.newPage()
        self.first_page = False

    def end(self) -> None:
        self.painter.end()

    # -- one salesperson's sheet ---------------------------------------------------------------
    def draw(self, page: Sheet, code: str, who: str) -> None:
        self.new_page()
        y = self._heading(page)
        x_cols = self._columns(page)
        heights = [self._row_height("row", row, x_cols, self.row_line) for row in page.rows]
        head = self._row_height("head", page.headers, x_cols, self.line)
        continued_top = self.line * 1.2
        tail = (self.line if page.left_out else 0.0) + self.signatures_height
        pages, tail_alone = self._layout(heights, y + head, continued_top + head, tail)
        count = len(pages) + tail_alone
        for number, rows in enumerate(pages, 1):
            if number > 1:
                self.new_page()
                self.text("small", 0, 0, self.width, self.line, self.tr(CTX, CONTINUED)
                          .format(title=page.title, who=who))
                y = continued_top
            y = self._table_head(page.headers, x_cols, y, head)
            for i in rows:
                self._row(page.rows[i], x_cols, y, heights[i])
                y += heights[i]
            if number < count:
                self._footer(code, number, count)
        if tail_alone:
            self.new_page()
            y = 0.0
        if page.left_out:
            self.text("small", 0, y, self.width, self.line,
                      self.tr(CTX, MORE).format(count=page.left_out))
            y += self.line
        self._signatures(y + self.line)
        self._footer(code, count, count)

    def _heading(self, page: Sheet) -> float:
        """The title, the facts in two columns and the quota box; the height they take."""
        title_h = self.metrics["title"].height() * 1.5
        self.text("title", 0, 0, self.width, title_h, page.title)
        y = title_h
        half = self.width / 2
        facts = page.facts + ([("", "")] if len(page.facts) % 2 else [])
        for i in range(0, len(facts), 2):
            pair = facts[i:i + 2]
            h = max(self.height_of(font, w, text, self.line) for name, value in pair
                    for font, w, text in (("bold", half * 0.32, name),
                                          ("body", half * 0.68, value)))
            for x, (name, value) in zip((0, half), pair, strict=True):
                self.text("bold", x, y, half * 0.32, self.line, name)
                self.text("body", x + half * 0.32, y, half * 0.68, self.line, value)
            y += h
        y += self.line * 0.5
        box = self.metrics["big"].height() * 1.5
        heights = [max(self.height_of("bold", self.width * 0.35, name, box),
                       self.height_of("big", self.width * 0.65, value, box))
                   for name, value in page.quotas]
        self.painter.setPen(QPen(QColor("#444444"), self.pad))
        self.painter.drawRect(QRectF(0, y, self.width, sum(heights)))
        for (name, value), h in zip(page.quotas, heights, strict=True):
            self.text("bold", 0, y, self.width * 0.35, box, name)
            self.text("big", self.width * 0.35, y, self.width * 0.65, box, value)
            y += h
        return y + self.line * 0.8

    def _columns(self, page: Sheet) -> list[float]:
        """The left edges of the task list's columns, and the right edge of the last."""
        widths = [0.0] * len(page.headers)
        for i in FIXED:
            texts = {row[i] for row in page.rows}
            widest = max([self.metrics["head"].horizontalAdvance(page.headers[i])]
                         + [self.metrics["row"].horizontalAdvance(t) for t in texts])
            widths[i] = min(widest + 2.5 * self.pad, self.width * FIXED_MOST)
        rest = self.width - sum(widths)
        for i, share in SHARED.items():
            widths[i] = rest * share
        return [0.0, *accumulate(widths)]

    def _row_height(self, font: str, row: Sequence[str], x_cols: list[float],
                    line: float) -> float:
        return max(self.height_of(font, x_cols[i + 1] - x_cols[i], value, line)
                   for i, value in enumerate(row))

    def _layout(self, heights: list[float], top: float, continued_top: float,
                tail: float) -> tuple[list[list[int]], bool]:
        """The rows of each page of the list, as many as fit above the footer. The tail (the
        signatures) follows the last row on its page: when it does not fit there, the last
        row goes over to the next page with it. True: the tail takes a page of its own
        (only when there is no row to take along)."""
        pages: list[list[int]] = [[]]
        y = top
        last = len(heights) - 1
        for i, h in enumerate(heights):
            if y + h + (tail if i == last else 0.0) > self.bottom and pages[-1]:
                pages.append([])
                y = continued_top
            pages[-1].append(i)
            y += h
        return pages, y + tail > self.bottom

    def _row(self, row: Sequence[str], x_cols: list[float], y: float, h: float) -> None:
        for i, value in enumerate(row):
            self.text("row", x_cols[i], y, x_cols[i + 1] - x_cols[i], self.row_line, value)
        self.painter.setPen(QPen(QColor("#bbbbbb"), self.pad / 2))
        self.painter.drawLine(QPointF(0, y + h), QPointF(self.width, y + h))

    @property
    def signatures_height(self) -> float:
        return self.line * 4.2

    def _table_head(self, headers: Sequence[str], x_cols: list[float], y: float,
                    h: float) -> float:
        self.painter.fillRect(QRectF(0, y, self.width, h), QColor("#e6e6e6"))
        for i, name in enumerate(headers):
            self.text("head", x_cols[i], y, x_cols[i + 1] - x_cols[i], self.line, name)
        return y + h

    def _signatures(self, y: float) -> None:
        tr = self.tr
        third = self.width / 3
        self.painter.setPen(QPen(QColor("#000000"), self.pad))
        for i, name in enumerate((SIGN[0], SIGN[1])):
            x = i * self.width / 2
            self.text("body", x, y, self.width / 2, self.line, tr(CTX, name))
            self.painter.drawLine(QRectF(x, y + self.line * 2, third * 1.2, 0).topLeft(),
                                  QRectF(x, y + self.line * 2, third * 1.2, 0).topRight())
            self.text("small", x, y + self.line * 2.1, third, self.line, tr(CTX, SIGN[2]))

    def _footer(self, code: str, page: int, pages: int) -> None:
        self.text("small", 0, self.height - self.line, self.width, self.line,
                  self.tr(CTX, PAGE).format(code=code, page=page, pages=pages), RIGHT)


def paint_plan(device: QPagedPaintDevice, plan: Plan, quotas: Sequence[Quota] | None = None,
               tr: Translate = QCoreApplication.translate, *, most: int = PRINT_MOST) -> None:
    """Every salesperson's sheet (or those of ``quotas``), each starting on a new page."""
    drawer = _Painter(device, tr)
    try:
        for quota in plan.quotas if quotas is None else quotas:
            drawer.draw(sheet(plan, quota, tr, most=most), quota.code,
                        f"{quota.name} ({quota.code})")
    finally:
        drawer.end()


def plan_to_pdf(plan: Plan, path: str | os.PathLike[str], quotas: Sequence[Quota] | None = None,
                tr: Translate | None = None) -> None:
    """The plan's sheets as a PDF at ``path``, written whole or not at all."""
    ensure_gui_application()
    with whole_file(path) as partial:
        writer = QPdfWriter(os.fspath(partial))
        writer.setResolution(300)
        writer.setTitle(plan.month.strftime("%Y-%m"))
        a4(writer)
        paint_plan(writer, plan, quotas, tr or QCoreApplication.translate)
        del writer              # its file closed before it is renamed into place
